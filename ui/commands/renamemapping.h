#pragma once

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Renames a mapping (found by its id, which survives moves); undo restores the old name. */
class RenameMapping : public QUndoCommand
{
public:
    RenameMapping(ProjectDocument *document, QString mappingId, QString before, QString after);

    void redo() override;
    void undo() override;

private:
    void apply(const QString &name);

    ProjectDocument *m_document;
    QString m_mappingId;
    QString m_before;
    QString m_after;
};

} // namespace inkmapper::ui
