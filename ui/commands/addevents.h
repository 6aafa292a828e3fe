#pragma once

#include "events/sampleevent.h"

#include <QUndoCommand>

#include <vector>

namespace inkmapper::ui {

class ProjectDocument;

/** Inserts sample events (loaded, pasted or built-in) at an index; undo removes them again. */
class AddEvents : public QUndoCommand
{
public:
    AddEvents(ProjectDocument *document, int index, std::vector<events::SampleEvent> events);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    int m_count;
    std::vector<events::SampleEvent> m_events;
};

} // namespace inkmapper::ui
