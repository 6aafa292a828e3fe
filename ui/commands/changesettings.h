#pragma once

#include "project/destinationsettings.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Changes the destination settings; successive edits of the same setting merge into one step. */
class ChangeSettings : public QUndoCommand
{
public:
    /** Which setting an edit concerns, so that typing in the URL and then the username stays two steps. */
    enum class Field { Url, Username, Several };

    ChangeSettings(ProjectDocument *document, project::DestinationSettings before,
                   project::DestinationSettings after, Field field);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_document;
    project::DestinationSettings m_before;
    project::DestinationSettings m_after;
    Field m_field;
};

} // namespace inkmapper::ui
