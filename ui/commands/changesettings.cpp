#include "changesettings.h"

#include "commandids.h"
#include "document/projectdocument.h"

#include <QCoreApplication>

namespace inkmapper::ui {

namespace {

QString textFor(ChangeSettings::Field field)
{
    switch (field) {
    case ChangeSettings::Field::Url:
        return QCoreApplication::translate("ChangeSettings", "Change Movable Ink URL");
    case ChangeSettings::Field::Username:
        return QCoreApplication::translate("ChangeSettings", "Change Username");
    case ChangeSettings::Field::Several:
        break;
    }
    return QCoreApplication::translate("ChangeSettings", "Change Settings");
}

} // namespace

ChangeSettings::ChangeSettings(ProjectDocument *document, project::DestinationSettings before,
                               project::DestinationSettings after, Field field)
    : QUndoCommand(textFor(field))
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_field(field)
{
}

void ChangeSettings::redo()
{
    m_document->applySettings(m_after);
}

void ChangeSettings::undo()
{
    m_document->applySettings(m_before);
}

int ChangeSettings::id() const
{
    return int(CommandId::ChangeSettings);
}

bool ChangeSettings::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeSettings *>(other);
    if (next->m_field != m_field || m_field == Field::Several)
        return false;
    m_after = next->m_after;
    // Typing a value and deleting it again leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace inkmapper::ui
