#pragma once

#include "project/mappingconfig.h"

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Removes a mapping; undo puts it back at the same index with the same id. */
class RemoveMapping : public QUndoCommand
{
public:
    RemoveMapping(ProjectDocument *document, int index);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    project::MappingConfig m_removed;
};

} // namespace inkmapper::ui
