#pragma once

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Switches a mapping on or off (found by its id); undo switches it back. */
class SetMappingEnabled : public QUndoCommand
{
public:
    SetMappingEnabled(ProjectDocument *document, QString mappingId, bool enabled);

    void redo() override;
    void undo() override;

private:
    void apply(bool enabled);

    ProjectDocument *m_document;
    QString m_mappingId;
    bool m_enabled;
};

} // namespace inkmapper::ui
