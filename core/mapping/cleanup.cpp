#include "cleanup.h"

#include "directives.h"
#include "limits.h"

#include "json/object.h"

#include <optional>

namespace inkmapper::mapping {

namespace {

bool isProtoKey(const QString &key)
{
    return key.size() == 9 && key == lit(u"__proto__");
}

Error tooDeep()
{
    return Error{QStringLiteral("value is nested deeper than %1 levels").arg(kMaxValueDepth), {}};
}

/** removeUndefined for one level; nothing when the value can be shared unchanged. */
class UndefinedRemover
{
public:
    bool m_tooDeep = false;

    std::optional<json::Value> clean(const json::Value &value, int depth)
    {
        if (!value.isArray() && !value.isObject())
            return std::nullopt;
        if (depth > kMaxValueDepth) {
            m_tooDeep = true;
            return std::nullopt;
        }
        return value.isArray() ? cleanArray(value.toArray(), depth) : cleanObject(value.toObject(), depth);
    }

private:
    std::optional<json::Value> cleanArray(const json::Array &array, int depth)
    {
        std::optional<json::Array> copy;
        for (size_t i = 0; i < array.size(); ++i) {
            std::optional<json::Value> item = clean(array[i], depth + 1);
            if (item && !copy)
                copy.emplace(array.begin(), array.begin() + qsizetype(i));
            if (copy)
                copy->push_back(item ? std::move(*item) : array[i]);
        }
        if (!copy)
            return std::nullopt;
        return json::Value(std::move(*copy));
    }

    std::optional<json::Value> cleanObject(const json::Object &object, int depth)
    {
        std::optional<json::Object> copy;
        for (qsizetype i = 0; i < object.size(); ++i) {
            const auto &[key, member] = object.at(i);
            // Object.assign's [[Set]] of `__proto__` changes the prototype instead of copying the key,
            // and undefined members are deleted.
            const bool drop = member.isUndefined() || isProtoKey(key);
            std::optional<json::Value> cleaned = drop ? std::nullopt : clean(member, depth + 1);
            if ((drop || cleaned) && !copy) {
                copy.emplace();
                copy->reserve(object.size());
                for (qsizetype j = 0; j < i; ++j)
                    copy->set(object.at(j).first, object.at(j).second);
            }
            if (copy && !drop)
                copy->set(key, cleaned ? std::move(*cleaned) : member);
        }
        if (!copy)
            return std::nullopt;
        return json::Value(std::move(*copy));
    }
};

bool isFree(const json::Value &value, int depth)
{
    if (value.isArray()) {
        if (depth > kMaxValueDepth)
            return false;
        for (const json::Value &item : value.toArray()) {
            if (!isFree(item, depth + 1))
                return false;
        }
        return true;
    }
    if (!value.isObject())
        return true;
    if (depth > kMaxValueDepth)
        return false;
    for (const auto &[key, member] : value.toObject()) {
        if (member.isUndefined() || isProtoKey(key) || !isFree(member, depth + 1))
            return false;
    }
    return true;
}

class NullCleaner
{
public:
    bool m_tooDeep = false;

    json::Value clean(const json::Value &value, int depth)
    {
        if (!value.isObject())
            return value;
        if (depth > kMaxValueDepth) {
            m_tooDeep = true;
            return value;
        }
        const json::Object &object = value.toObject();
        json::Object cleaned;
        cleaned.reserve(object.size());
        for (const auto &[key, member] : object) {
            // Object.assign({}, value) copies every member but `__proto__` (a prototype change), then
            // nulls become undefined and objects are cleaned; the assignments to `__proto__` that
            // follow change the prototype too, so that key never comes back.
            if (isProtoKey(key))
                continue;
            if (member.isNull())
                cleaned.set(key, json::Value());
            else
                cleaned.set(key, member.isObject() ? clean(member, depth + 1) : member);
        }
        return json::Value(std::move(cleaned));
    }
};

} // namespace

Result<json::Value> removeUndefined(const json::Value &value)
{
    UndefinedRemover remover;
    std::optional<json::Value> cleaned = remover.clean(value, 0);
    if (remover.m_tooDeep)
        return tooDeep();
    return cleaned ? std::move(*cleaned) : value;
}

bool isFreeOfUndefined(const json::Value &value)
{
    return isFree(value, 0);
}

Result<json::Value> cleanNulls(const json::Value &value)
{
    NullCleaner cleaner;
    json::Value cleaned = cleaner.clean(value, 0);
    if (cleaner.m_tooDeep)
        return tooDeep();
    return cleaned;
}

} // namespace inkmapper::mapping
