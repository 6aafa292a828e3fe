#include "removemapping.h"

#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

RemoveMapping::RemoveMapping(ProjectDocument *document, int index)
    : QUndoCommand(QCoreApplication::translate("RemoveMapping", "Delete Mapping"))
    , m_document(document)
    , m_index(index)
{
}

void RemoveMapping::redo()
{
    m_removed = m_document->applyRemoveMapping(m_index);
}

void RemoveMapping::undo()
{
    m_document->applyInsertMapping(m_index, m_removed);
}

} // namespace inkmapper::ui
