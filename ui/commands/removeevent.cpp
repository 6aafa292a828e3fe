#include "removeevent.h"

#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

RemoveEvent::RemoveEvent(ProjectDocument *document, int index)
    : QUndoCommand(QCoreApplication::translate("RemoveEvent", "Remove Event"))
    , m_document(document)
    , m_index(index)
{
}

void RemoveEvent::redo()
{
    std::vector<events::SampleEvent> removed = m_document->applyRemoveEvents(m_index, 1);
    m_removed = std::move(removed.front());
}

void RemoveEvent::undo()
{
    std::vector<events::SampleEvent> events;
    events.push_back(m_removed);
    m_document->applyInsertEvents(m_index, std::move(events));
}

} // namespace inkmapper::ui
