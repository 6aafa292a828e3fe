#pragma once

#include "events/sampleevent.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * Replaces a sample event's JSON (an edit in the JSON editor); successive edits of the same event merge
 * into one step. Named ChangeSampleEvent because ChangeEvent is the document's change notification.
 */
class ChangeSampleEvent : public QUndoCommand
{
public:
    ChangeSampleEvent(ProjectDocument *document, int index, events::SampleEvent before, events::SampleEvent after);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_document;
    int m_index;
    events::SampleEvent m_before;
    events::SampleEvent m_after;
};

} // namespace inkmapper::ui
