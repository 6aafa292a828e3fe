#include "setmappingenabled.h"

#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

SetMappingEnabled::SetMappingEnabled(ProjectDocument *document, QString mappingId, bool enabled)
    : QUndoCommand(enabled ? QCoreApplication::translate("SetMappingEnabled", "Enable Mapping")
                           : QCoreApplication::translate("SetMappingEnabled", "Disable Mapping"))
    , m_document(document)
    , m_mappingId(std::move(mappingId))
    , m_enabled(enabled)
{
}

void SetMappingEnabled::redo()
{
    apply(m_enabled);
}

void SetMappingEnabled::undo()
{
    apply(!m_enabled);
}

void SetMappingEnabled::apply(bool enabled)
{
    const int index = m_document->project().indexOfMapping(m_mappingId);
    Q_ASSERT(index >= 0);
    project::MappingConfig mapping = m_document->project().mapping(index);
    mapping.enabled = enabled;
    m_document->applyReplaceMapping(index, std::move(mapping), ChangeEvent::MappingField::Enabled);
}

} // namespace inkmapper::ui
