#include "movemapping.h"

#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

MoveMapping::MoveMapping(ProjectDocument *document, int from, int to)
    : QUndoCommand(to < from ? QCoreApplication::translate("MoveMapping", "Move Mapping Up")
                             : QCoreApplication::translate("MoveMapping", "Move Mapping Down"))
    , m_document(document)
    , m_from(from)
    , m_to(to)
{
}

void MoveMapping::redo()
{
    m_document->applyMoveMapping(m_from, m_to);
}

void MoveMapping::undo()
{
    m_document->applyMoveMapping(m_to, m_from);
}

} // namespace inkmapper::ui
