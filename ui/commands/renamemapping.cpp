#include "renamemapping.h"

#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

RenameMapping::RenameMapping(ProjectDocument *document, QString mappingId, QString before, QString after)
    : QUndoCommand(QCoreApplication::translate("RenameMapping", "Rename Mapping"))
    , m_document(document)
    , m_mappingId(std::move(mappingId))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void RenameMapping::redo()
{
    apply(m_after);
}

void RenameMapping::undo()
{
    apply(m_before);
}

void RenameMapping::apply(const QString &name)
{
    const int index = m_document->project().indexOfMapping(m_mappingId);
    Q_ASSERT(index >= 0);
    project::MappingConfig mapping = m_document->project().mapping(index);
    mapping.name = name;
    m_document->applyReplaceMapping(index, std::move(mapping), ChangeEvent::MappingField::Name);
}

} // namespace inkmapper::ui
