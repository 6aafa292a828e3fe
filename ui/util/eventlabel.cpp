#include "eventlabel.h"

#include "json/object.h"

#include <QCoreApplication>

namespace inkmapper::ui {

QString eventLabel(const json::Value &event)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("EventLabel", text); };
    if (!event.isObject())
        return tr("(not an object)");
    const json::Object &o = event.toObject();
    const json::Value type = o.value(u"type");
    const QString t = type.isString() ? type.toString() : QString();
    json::Value name;
    if (t == u"track")
        name = o.value(u"event");
    else if (t == u"page" || t == u"screen")
        name = o.value(u"name");
    else if (t == u"group")
        name = o.value(u"groupId");
    else if (t == u"identify" || t == u"alias")
        name = o.value(u"userId");
    const QString label = t.isEmpty() ? tr("(no type)") : t;
    return name.isString() && !name.toString().isEmpty() ? tr("%1 \u00b7 %2").arg(label, name.toString()) : label;
}

} // namespace inkmapper::ui
