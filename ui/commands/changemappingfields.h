#pragma once

#include "json/value.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * Changes a mapping's action field values ({"headers":…, "data":…}); successive edits of the same
 * mapping's fields merge into one step.
 */
class ChangeMappingFields : public QUndoCommand
{
public:
    ChangeMappingFields(ProjectDocument *document, QString mappingId, json::Value before, json::Value after);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const json::Value &fields);

    ProjectDocument *m_document;
    QString m_mappingId;
    json::Value m_before;
    json::Value m_after;
};

} // namespace inkmapper::ui
