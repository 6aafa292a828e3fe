#include "addmapping.h"

#include "document/projectdocument.h"

namespace inkmapper::ui {

AddMapping::AddMapping(ProjectDocument *document, int index, project::MappingConfig mapping, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_mapping(std::move(mapping))
{
    Q_ASSERT(!m_mapping.id.isEmpty());
}

void AddMapping::redo()
{
    m_document->applyInsertMapping(m_index, m_mapping);
}

void AddMapping::undo()
{
    // The mapping as it is now, so that redo after undo brings back exactly what was there.
    m_mapping = m_document->applyRemoveMapping(m_index);
}

} // namespace inkmapper::ui
