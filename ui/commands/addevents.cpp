#include "addevents.h"

#include "document/projectdocument.h"
#include "util/plural.h"

#include <QCoreApplication>

namespace inkmapper::ui {

AddEvents::AddEvents(ProjectDocument *document, int index, std::vector<events::SampleEvent> events)
    : QUndoCommand(plural(qsizetype(events.size()), QCoreApplication::translate("AddEvents", "Add %n Event"),
                          QCoreApplication::translate("AddEvents", "Add %n Events")))
    , m_document(document)
    , m_index(index)
    , m_count(int(events.size()))
    , m_events(std::move(events))
{
    Q_ASSERT(m_count > 0);
}

void AddEvents::redo()
{
    // The events move into the project and come back on undo: large loads are never held twice.
    m_document->applyInsertEvents(m_index, std::move(m_events));
    m_events.clear();
}

void AddEvents::undo()
{
    m_events = m_document->applyRemoveEvents(m_index, m_count);
}

} // namespace inkmapper::ui
