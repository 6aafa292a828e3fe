#include "changesampleevent.h"

#include "commandids.h"
#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

ChangeSampleEvent::ChangeSampleEvent(ProjectDocument *document, int index, events::SampleEvent before,
                                     events::SampleEvent after)
    : QUndoCommand(QCoreApplication::translate("ChangeSampleEvent", "Edit Event"))
    , m_document(document)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void ChangeSampleEvent::redo()
{
    m_document->applyReplaceEvent(m_index, m_after);
}

void ChangeSampleEvent::undo()
{
    m_document->applyReplaceEvent(m_index, m_before);
}

int ChangeSampleEvent::id() const
{
    return int(CommandId::ChangeSampleEvent);
}

bool ChangeSampleEvent::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeSampleEvent *>(other);
    if (next->m_index != m_index)
        return false;
    m_after = next->m_after;
    setObsolete(m_after.event == m_before.event);
    return true;
}

} // namespace inkmapper::ui
