#include "preparedmapping.h"

#include "directives.h"
#include "limits.h"
#include "pathlookup.h"
#include "validator.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <unordered_set>

namespace inkmapper::mapping::Internal {

namespace {

/** JavaScript's `{...value}`: own enumerable properties; strings and arrays give index keys. */
json::Value spreadIntoObject(const json::Value &value)
{
    if (value.isObject())
        return value; // a copy with the same members; values are immutable, so share it
    json::Object spread;
    if (value.isArray()) {
        const json::Array &array = value.toArray();
        for (size_t i = 0; i < array.size(); ++i)
            spread.set(QString::number(i), array[i]);
    } else if (value.isString()) {
        const QString &text = value.toString();
        for (qsizetype i = 0; i < text.size(); ++i)
            spread.set(QString::number(i), QString(text[i]));
    }
    return json::Value(std::move(spread));
}

/** JavaScript's Object.keys(value) for a value that is not null or undefined. */
QStringList ownKeys(const json::Value &value)
{
    QStringList keys;
    if (value.isObject()) {
        for (const auto &[key, member] : value.toObject())
            keys.append(key);
    } else if (value.isArray()) {
        for (size_t i = 0; i < value.toArray().size(); ++i)
            keys.append(QString::number(i));
    } else if (value.isString()) {
        for (qsizetype i = 0; i < value.toString().size(); ++i)
            keys.append(QString::number(i));
    }
    return keys;
}

/** Plans reach no deeper than this: far below the resolver's depth limit, so a plan never needs to
 *  check it, and deeper mappings are rare enough to resolve as written. */
constexpr int kMaxPlanDepth = 64;

MappingPlan planFor(const json::Value &mapping, int depth)
{
    MappingPlan plan;
    plan.source = mapping;
    if (!mapping.isObject() || depth >= kMaxPlanDepth)
        return plan;
    const json::Object &object = mapping.toObject();
    if (!isDirective(mapping)) {
        plan.kind = MappingPlan::Kind::Object;
        plan.members.reserve(size_t(object.size()));
        for (const auto &[key, member] : object)
            plan.members.push_back({key, planFor(member, depth + 1)});
        return plan;
    }
    // The directive resolve() runs is the first directive key; a literal path string is all @path needs.
    const QString *name = firstDirectiveKey(object);
    const json::Value *path = object.find(*name);
    if (*name == lit(u"@path") && path->isString()) {
        plan.kind = MappingPlan::Kind::Path;
        plan.pathKeys = splitPath(removeRootPrefix(path->toString()));
    }
    return plan;
}

Error typeError()
{
    return Error{QStringLiteral("Cannot convert undefined or null to object"), {}};
}

} // namespace

PreparedMapping::PreparedMapping(const json::Value &mapping) : m_original(mapping)
{
    Result<json::Value> toProcess = mappingToProcess(mapping);
    if (!toProcess) {
        m_error = toProcess.error();
        return;
    }
    m_toProcess = std::move(toProcess).value();
    const std::vector<Error> errors = validationErrors(m_toProcess);
    if (!errors.empty())
        m_error = aggregateErrors(errors);
    else
        m_plan = planFor(m_toProcess, 0);
}

Result<json::Value> PreparedMapping::mappingToProcess(const json::Value &mapping) const
{
    // `{ ...mapping }` never fails, but the Object.keys(mapping) right after it does for null.
    if (mapping.isNullish())
        return typeError();
    if (!mapping.isObject() || !mapping.toObject().contains(kRootDirectiveKey))
        return spreadIntoObject(mapping);

    // The root-directive form: the other keys become the directive's `mapping` option.
    const json::Object &object = mapping.toObject();
    json::Object customerMappings;
    for (const auto &[key, member] : object) {
        // `customerMappings[key] = mapping[key]` is a [[Set]]: `__proto__` changes the prototype.
        if (key != kRootDirectiveKey && key != lit(u"__proto__"))
            customerMappings.set(key, member);
    }
    const json::Value root = *object.find(kRootDirectiveKey);
    if (root.isNullish())
        return typeError();
    const QStringList rootKeys = ownKeys(root);
    if (rootKeys.size() > 1)
        return Error{QStringLiteral("The root mapping must only have a single directive object"), {}};
    // `mappingToProcess[Object.keys(mappingToProcess)[0]]`: with no keys that reads `["undefined"]`.
    const QString firstKey = rootKeys.isEmpty() ? QStringLiteral("undefined") : rootKeys.front();
    const json::Value rootDirective = json::getProperty(root, firstKey);
    if (!rootDirective.isTruthy() || !(rootDirective.isObject() || rootDirective.isArray()))
        return Error{QStringLiteral("The root directive must be an object"), {}};
    // `rootDirective.mapping = customerMappings`. On an array that is a named property nothing ever
    // reads (resolve maps only its elements), so only objects change.
    if (!rootDirective.isObject())
        return root;
    json::Object directive = rootDirective.toObject();
    directive.set(QStringLiteral("mapping"), json::Value(std::move(customerMappings)));
    if (root.isArray()) {
        json::Array array = root.toArray();
        array[0] = json::Value(std::move(directive));
        return json::Value(std::move(array));
    }
    json::Object rebuilt = root.toObject();
    rebuilt.set(firstKey, json::Value(std::move(directive)));
    return json::Value(std::move(rebuilt));
}

ReusableParts PreparedMapping::prepareReusableParts() const
{
    ReusableParts parts;
    NestedMappings &nested = parts.nested;
    std::unordered_set<const void *> visited;
    std::vector<std::pair<json::Value, int>> pending;
    if (!m_error)
        pending.emplace_back(m_toProcess, 0);
    // An explicit work list: mappings may be deep, and a shared subtree needs visiting only once.
    while (!pending.empty()) {
        auto [value, depth] = std::move(pending.back());
        pending.pop_back();
        if (depth > kMaxMappingDepth)
            continue; // the resolver prepares anything missed here when it gets there
        if (value.isArray()) {
            if (!visited.insert(&value.toArray()).second)
                continue;
            for (const json::Value &item : value.toArray())
                pending.emplace_back(item, depth + 1);
            continue;
        }
        if (!value.isObject() || !visited.insert(&value.toObject()).second)
            continue;
        const json::Object &object = value.toObject();
        const auto preparePath = [&parts](const json::Value *path) {
            if (path && path->isString())
                parts.paths.try_emplace(path->toString().constData(), splitPath(removeRootPrefix(path->toString())));
        };
        preparePath(object.find(lit(u"@path")));
        if (const json::Value *data = object.find(lit(u"@arrayPath")); data && data->isArray() && !data->toArray().empty())
            preparePath(&data->toArray().front());
        if (const json::Value *text = object.find(lit(u"@template")); text && text->isString()) {
            if (std::optional<CompiledTemplate> compiled = compileTemplate(text->toString()))
                parts.templates.try_emplace(text->toString().constData(), std::move(*compiled));
        }
        if (const json::Value *options = object.find(lit(u"@transform")); options && options->isObject()) {
            const json::Value *apply = options->toObject().find(lit(u"apply"));
            if (apply && apply->isObject() && !nested.contains(&apply->toObject())) {
                auto prepared = std::make_shared<const PreparedMapping>(*apply);
                if (!prepared->error())
                    pending.emplace_back(prepared->mapping(), depth + 1);
                nested.emplace(&apply->toObject(), std::move(prepared));
            }
        }
        for (const auto &[key, member] : object)
            pending.emplace_back(member, depth + 1);
    }
    return parts;
}

} // namespace inkmapper::mapping::Internal
