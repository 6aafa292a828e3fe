#include "changemappingfields.h"

#include "commandids.h"
#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

ChangeMappingFields::ChangeMappingFields(ProjectDocument *document, QString mappingId, json::Value before,
                                         json::Value after)
    : QUndoCommand(QCoreApplication::translate("ChangeMappingFields", "Change Fields"))
    , m_document(document)
    , m_mappingId(std::move(mappingId))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void ChangeMappingFields::redo()
{
    apply(m_after);
}

void ChangeMappingFields::undo()
{
    apply(m_before);
}

int ChangeMappingFields::id() const
{
    return int(CommandId::ChangeMappingFields);
}

bool ChangeMappingFields::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeMappingFields *>(other);
    if (next->m_mappingId != m_mappingId)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

void ChangeMappingFields::apply(const json::Value &fields)
{
    const int index = m_document->project().indexOfMapping(m_mappingId);
    Q_ASSERT(index >= 0);
    project::MappingConfig mapping = m_document->project().mapping(index);
    mapping.mapping = fields;
    m_document->applyReplaceMapping(index, std::move(mapping), ChangeEvent::MappingField::Fields);
}

} // namespace inkmapper::ui
