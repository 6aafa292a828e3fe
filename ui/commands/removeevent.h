#pragma once

#include "events/sampleevent.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Removes one sample event; undo puts it back at the same index. */
class RemoveEvent : public QUndoCommand
{
public:
    RemoveEvent(ProjectDocument *document, int index);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    events::SampleEvent m_removed;
};

} // namespace inkmapper::ui
