#pragma once

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Changes a mapping's FQL trigger; successive edits of the same mapping's trigger merge into one step. */
class ChangeMappingTrigger : public QUndoCommand
{
public:
    ChangeMappingTrigger(ProjectDocument *document, QString mappingId, QString before, QString after);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QString &fql);

    ProjectDocument *m_document;
    QString m_mappingId;
    QString m_before;
    QString m_after;
};

} // namespace inkmapper::ui
