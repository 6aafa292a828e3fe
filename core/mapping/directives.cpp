#include "directives.h"

#include "json/object.h"

#include <array>

namespace inkmapper::mapping {

namespace {

// JavaScript's `key.startsWith('@')`; an `@` alone counts, which is why "@" is an (invalid) directive.
bool isDirectiveKey(const QString &key)
{
    return !key.isEmpty() && key.front() == u'@';
}

} // namespace

bool isKnownDirective(QStringView name)
{
    static constexpr std::array<QStringView, 13> names = {
        u"@if",      u"@case",    u"@replace", u"@arrayPath", u"@path",      u"@template",       u"@literal",
        u"@flatten", u"@json",    u"@merge",   u"@transform", u"@excludeWhenNull", u"@liquid"};
    for (QStringView known : names) {
        if (known == name)
            return true;
    }
    return false;
}

bool isDirective(const json::Value &value)
{
    // realTypeOf(value) === 'object': arrays, and functions reached through built-ins, are not.
    if (!value.isObject())
        return false;
    bool hasDirective = false;
    for (const auto &[key, member] : value.toObject()) {
        if (isDirectiveKey(key))
            hasDirective = true;
        else if (key != lit(u"_metadata"))
            return false;
    }
    return hasDirective;
}

const QString *firstDirectiveKey(const json::Object &object)
{
    for (const auto &[key, member] : object) {
        if (isDirectiveKey(key))
            return &key;
    }
    return nullptr;
}

bool hasDirectiveKey(const json::Object &object)
{
    return firstDirectiveKey(object) != nullptr;
}

} // namespace inkmapper::mapping
