#pragma once

#include "project/mappingconfig.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Inserts a mapping (a preset, a blank one or a duplicate) at an index; undo removes it again. */
class AddMapping : public QUndoCommand
{
public:
    /** `mapping` must have an id; `text` names the step ("Add Mapping", "Duplicate Mapping"). */
    AddMapping(ProjectDocument *document, int index, project::MappingConfig mapping, const QString &text);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    project::MappingConfig m_mapping;
};

} // namespace inkmapper::ui
