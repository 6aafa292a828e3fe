#include "changemappingtrigger.h"

#include "commandids.h"
#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

ChangeMappingTrigger::ChangeMappingTrigger(ProjectDocument *document, QString mappingId, QString before, QString after)
    : QUndoCommand(QCoreApplication::translate("ChangeMappingTrigger", "Change Trigger"))
    , m_document(document)
    , m_mappingId(std::move(mappingId))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void ChangeMappingTrigger::redo()
{
    apply(m_after);
}

void ChangeMappingTrigger::undo()
{
    apply(m_before);
}

int ChangeMappingTrigger::id() const
{
    return int(CommandId::ChangeMappingTrigger);
}

bool ChangeMappingTrigger::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeMappingTrigger *>(other);
    if (next->m_mappingId != m_mappingId)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

void ChangeMappingTrigger::apply(const QString &fql)
{
    const int index = m_document->project().indexOfMapping(m_mappingId);
    Q_ASSERT(index >= 0);
    project::MappingConfig mapping = m_document->project().mapping(index);
    mapping.subscribe = fql;
    m_document->applyReplaceMapping(index, std::move(mapping), ChangeEvent::MappingField::Trigger);
}

} // namespace inkmapper::ui
