#include "resolver.h"

#include "casemapping.h"
#include "cleanup.h"
#include "directives.h"
#include "flatten.h"
#include "limits.h"
#include "liquid/liquiddirective.h"
#include "pathlookup.h"
#include "placeholders.h"
#include "stringreplace.h"

#include "json/jssemantics.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace inkmapper::mapping::Internal {

namespace {

// The directives throw, as their JavaScript does; this exception carries a thrown Error up to
// Resolver::transform, which turns it into a Result. It never leaves this file.
struct ResolveFailure
{
    Error error;
};

const json::Value &undefinedValue()
{
    static const json::Value undefined;
    return undefined;
}

/** `opts.key` on a plain object: the own member or undefined (no option name is an Object.prototype member). */
const json::Value &option(const json::Object &object, QStringView key)
{
    const json::Value *value = object.find(key);
    return value ? *value : undefinedValue();
}

enum class Directive {
    Path,
    Template,
    If,
    Literal,
    Case,
    Replace,
    ArrayPath,
    Json,
    Flatten,
    Merge,
    Transform,
    ExcludeWhenNull,
    Liquid,
    Unknown
};

/** The directive a name stands for; resolving runs this for every directive, so it avoids string compares. */
Directive directiveKind(QStringView name)
{
    // Every known name is "@" + a distinct (length, second letter) pair but @path/@json/@case/@merge.
    switch (name.size()) {
    case 3:
        return name == lit(u"@if") ? Directive::If : Directive::Unknown;
    case 5:
        if (name == lit(u"@path"))
            return Directive::Path;
        if (name == lit(u"@json"))
            return Directive::Json;
        if (name == lit(u"@case"))
            return Directive::Case;
        return Directive::Unknown;
    case 6:
        return name == lit(u"@merge") ? Directive::Merge : Directive::Unknown;
    case 7:
        return name == lit(u"@liquid") ? Directive::Liquid : Directive::Unknown;
    case 8:
        if (name == lit(u"@literal"))
            return Directive::Literal;
        if (name == lit(u"@replace"))
            return Directive::Replace;
        if (name == lit(u"@flatten"))
            return Directive::Flatten;
        return Directive::Unknown;
    case 9:
        return name == lit(u"@template") ? Directive::Template : Directive::Unknown;
    case 10:
        if (name == lit(u"@arrayPath"))
            return Directive::ArrayPath;
        if (name == lit(u"@transform"))
            return Directive::Transform;
        return Directive::Unknown;
    case 16:
        return name == lit(u"@excludeWhenNull") ? Directive::ExcludeWhenNull : Directive::Unknown;
    default:
        return Directive::Unknown;
    }
}

/** JavaScript's `typeof` for the messages that quote it. */
QString typeOf(const json::Value &value)
{
    switch (value.type()) {
    case json::Value::Type::Undefined: return QStringLiteral("undefined");
    case json::Value::Type::Null:
    case json::Value::Type::Array:
    case json::Value::Type::Object: return QStringLiteral("object");
    case json::Value::Type::Boolean: return QStringLiteral("boolean");
    case json::Value::Type::Number: return QStringLiteral("number");
    case json::Value::Type::String: return QStringLiteral("string");
    case json::Value::Type::Function: return QStringLiteral("function");
    }
    return {};
}

bool isProtoKey(const QString &key)
{
    return key.size() == 9 && key == lit(u"__proto__");
}

/** The deepest nesting of brackets outside string literals: why a parse may have stopped. */
int bracketDepth(QStringView text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'[' || c == u'{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == u']' || c == u'}') {
            --depth;
        }
    }
    return deepest;
}

/**
 * JSON.parse(text) for a JavaScript string, or nothing when it throws. The parser reads UTF-8, which
 * cannot hold a lone surrogate; inside a JSON string literal a raw lone surrogate means the same as its
 * `\uXXXX` escape, and anywhere else both are syntax errors, so the escape stands in for it. After an
 * odd run of backslashes the surrogate would be an invalid escape character: a syntax error too.
 */
std::optional<json::Value> parseJson(const QString &text)
{
    const bool hasSurrogate = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
    QByteArray utf8;
    if (!hasSurrogate) {
        utf8 = text.toUtf8();
    } else {
        QString escaped;
        escaped.reserve(text.size() + 16);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                escaped += c;
                escaped += text[++i];
                continue;
            }
            if (!c.isSurrogate()) {
                escaped += c;
                continue;
            }
            qsizetype backslashes = 0;
            while (backslashes < i && text[i - 1 - backslashes] == u'\\')
                ++backslashes;
            if (backslashes % 2 == 1)
                return std::nullopt;
            escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QChar(u'0'));
        }
        utf8 = escaped.toUtf8();
    }
    Result<json::Value> parsed = json::parse(QByteArrayView(utf8), json::ParseOptions{kMaxDecodedJsonDepth});
    if (!parsed)
        return std::nullopt;
    return std::move(parsed).value();
}

/** Object.assign(target, source): [[Set]] of every own enumerable property of ToObject(source). */
void assignInto(json::Object &target, const json::Value &source)
{
    switch (source.type()) {
    case json::Value::Type::Object:
        for (const auto &[key, value] : source.toObject()) {
            // Setting `__proto__` changes the target's prototype (or nothing): no own property.
            if (!isProtoKey(key))
                target.set(key, value);
        }
        break;
    case json::Value::Type::Array: {
        const json::Array &array = source.toArray();
        for (size_t i = 0; i < array.size(); ++i)
            target.set(QString::number(i), array[i]);
        break;
    }
    case json::Value::Type::String: {
        // A String object's own enumerable properties are its code-unit indexes.
        const QString &text = source.toString();
        for (qsizetype i = 0; i < text.size(); ++i)
            target.set(QString::number(i), QString(text[i]));
        break;
    }
    default:
        break; // null and undefined are skipped; numbers, booleans and functions have no own enumerables
    }
}

} // namespace

/** Pushes one step of the mapping key path for the lifetime of a scope. */
class Resolver::PathGuard
{
public:
    PathGuard(QVarLengthArray<PathStep, 32> &path, PathStep step) : m_path(path) { m_path.push_back(step); }
    ~PathGuard() { m_path.pop_back(); }
    PathGuard(const PathGuard &) = delete;
    PathGuard &operator=(const PathGuard &) = delete;

private:
    QVarLengthArray<PathStep, 32> &m_path;
};

/** One level deeper into the mapping for as long as it lives. */
class Resolver::DepthGuard
{
public:
    explicit DepthGuard(int &depth) : m_depth(depth) { ++m_depth; }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;

private:
    int &m_depth;
};

Result<json::Value> Resolver::transform(const PreparedMapping &prepared, const json::Value &event, bool eventIsClean)
{
    m_path.clear();
    m_depth = 0;
    m_keepUndefined = false;
    try {
        return transformPayload(prepared, event, eventIsClean);
    } catch (ResolveFailure &failure) {
        return std::move(failure.error);
    }
}

json::Value Resolver::transformPayload(const PreparedMapping &prepared, const json::Value &data, bool dataIsClean)
{
    // transform(mapping, data = {}): the type check comes before anything about the mapping.
    const json::Value payload = data.isUndefined() ? json::Value(json::Object()) : data;
    if (!payload.isObject())
        fail(QStringLiteral("data must be an object, got %1").arg(json::realTypeOf(payload)));
    if (const std::optional<Error> &error = prepared.error()) {
        Error located = *error;
        // A nested transform's key paths are relative to its `apply` mapping.
        const QString here = currentPath();
        if (!here.isEmpty())
            located.location.path = located.location.path.isEmpty() ? here : here + u'.' + located.location.path;
        throw ResolveFailure{std::move(located)};
    }
    const bool outerDirty = std::exchange(m_dirty, false);
    const bool outerPayloadClean = std::exchange(m_payloadClean, dataIsClean || data.isUndefined());
    json::Value resolved = resolvePlanned(prepared.plan(), payload);
    if (m_dirty)
        resolved = unwrap(removeUndefined(resolved));
    m_dirty = outerDirty;
    m_payloadClean = outerPayloadClean;
    return resolved;
}

json::Value Resolver::lookUp(const json::Value &payload, const json::Value &path)
{
    // A literal path of a prepared mapping was split ahead of time.
    if (m_reusable) {
        if (const auto found = m_reusable->paths.find(path.toString().constData()); found != m_reusable->paths.end())
            return taken(getPathKeys(payload, found->second));
    }
    return taken(getPathAfterRootPrefix(payload, path.toString()));
}

json::Value Resolver::taken(json::Value value)
{
    if (!m_payloadClean)
        noteTaken(value);
    return value;
}

void Resolver::noteTaken(const json::Value &value)
{
    // A container taken as it is from somewhere not known to be clean: look once, here.
    if (!m_dirty && (value.isObject() || value.isArray()) && !isFreeOfUndefined(value))
        m_dirty = true;
}

json::Value Resolver::resolve(const json::Value &mapping, const json::Value &payload)
{
    if (!mapping.isObject() && !mapping.isArray())
        return mapping;
    if (m_depth >= kMaxMappingDepth)
        fail(QStringLiteral("mapping is nested deeper than %1 levels").arg(kMaxMappingDepth));
    const DepthGuard deeper(m_depth);

    if (mapping.isArray()) {
        const json::Array &items = mapping.toArray();
        json::Array resolved;
        resolved.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            const PathGuard step(m_path, {QStringView(), qsizetype(i)});
            resolved.push_back(resolve(items[i], payload));
        }
        return json::Value(std::move(resolved));
    }
    const json::Object &object = mapping.toObject();
    if (isDirective(mapping))
        return runDirective(object, payload);
    json::Object resolved;
    resolved.reserve(object.size());
    for (const auto &[key, value] : object) {
        const PathGuard step(m_path, {key});
        addResolvedMember(resolved, key, resolve(value, payload));
    }
    return json::Value(std::move(resolved));
}

void Resolver::addResolvedMember(json::Object &resolved, const QString &key, json::Value result)
{
    // `resolved[key] = value` is a [[Set]]: for `__proto__` it sets the prototype (an object or
    // null) or does nothing, and never creates an own property.
    if (isProtoKey(key))
        return;
    if (result.isUndefined()) {
        if (!m_keepUndefined)
            return;
        m_dirty = true;
    }
    // The mapping's keys are unique and in JavaScript order already; skipping some keeps that.
    resolved.appendInOrder(key, std::move(result));
}

json::Value Resolver::resolvePlanned(const MappingPlan &plan, const json::Value &payload)
{
    // What resolve() does for these shapes, without finding out again what each node is. Plans are
    // shallow (see planFor), so the depth limit cannot be reached here.
    switch (plan.kind) {
    case MappingPlan::Kind::Generic:
        return resolve(plan.source, payload);
    case MappingPlan::Kind::Path: {
        const PathGuard step(m_path, {u"@path"});
        return taken(getPathKeys(payload, plan.pathKeys));
    }
    case MappingPlan::Kind::Object:
        break;
    }
    const DepthGuard deeper(m_depth);
    json::Object resolved;
    resolved.reserve(qsizetype(plan.members.size()));
    for (const MappingPlan::Member &member : plan.members) {
        const PathGuard step(m_path, {member.key});
        addResolvedMember(resolved, member.key, resolvePlanned(member.plan, payload));
    }
    return json::Value(std::move(resolved));
}

json::Value Resolver::resolveOption(QStringView option, const json::Value &value, const json::Value &payload)
{
    const PathGuard step(m_path, {option});
    return resolve(value, payload);
}

json::Value Resolver::runDirective(const json::Object &directive, const json::Value &payload)
{
    const QString &name = *firstDirectiveKey(directive);
    const json::Value &value = *directive.find(name);
    const PathGuard step(m_path, {name});

    switch (directiveKind(name)) {
    case Directive::Path:
        return lookUp(payload, resolveString(name, value, payload));
    case Directive::Template:
        if (m_reusable && value.isString()) {
            const auto found = m_reusable->templates.find(value.toString().constData());
            if (found != m_reusable->templates.end())
                return renderCompiledTemplate(found->second, payload);
        }
        return renderTemplate(resolveString(name, value, payload), payload);
    case Directive::If:
        return directiveIf(value, payload);
    case Directive::Literal:
        return resolve(value, payload);
    case Directive::Case:
        return directiveCase(value, payload);
    case Directive::Replace:
        return directiveReplace(value, payload);
    case Directive::ArrayPath:
        return directiveArrayPath(value, payload);
    case Directive::Json:
        return directiveJson(value, payload);
    case Directive::Flatten:
        return directiveFlatten(value, payload);
    case Directive::Merge:
        return directiveMerge(value, payload);
    case Directive::Transform:
        return directiveTransform(value, payload);
    case Directive::ExcludeWhenNull:
        return directiveExcludeWhenNull(value, payload);
    case Directive::Liquid: {
        // registerDirective, not registerStringDirective: the template is used as written, unresolved.
        Result<QString> rendered = liquid::evaluateLiquid(value, payload);
        if (!rendered)
            fail(rendered.error().message);
        return json::Value(std::move(rendered).value());
    }
    case Directive::Unknown:
        break;
    }
    fail(QStringLiteral("%1 is not a valid directive, got undefined").arg(name));
}

QString Resolver::resolveString(QStringView directive, const json::Value &value, const json::Value &payload)
{
    // registerStringDirective: the value is resolved first and must then be a string.
    const json::Value resolved = resolve(value, payload);
    if (!resolved.isString())
        fail(QStringLiteral("%1: expected string, got %2").arg(directive, json::realTypeOf(resolved)));
    return resolved.toString();
}

json::Value Resolver::directiveIf(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@if requires an object with an \"exists\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &exists = option(opts, lit(u"exists"));
    const json::Value &blank = option(opts, lit(u"blank"));
    bool condition = false;
    // The operands are tested for truthiness before they are resolved, so a literal 0, false or ""
    // counts as missing; after that `exists` wins whenever it is defined at all.
    if (!exists.isTruthy() && !blank.isTruthy()) {
        fail(QStringLiteral("@if requires an \"exists\" key or a \"blank\" key"));
    } else if (!exists.isUndefined()) {
        condition = !resolveOption(lit(u"exists"), exists, payload).isNullish();
    } else if (!blank.isUndefined()) {
        const json::Value value = resolveOption(lit(u"blank"), blank, payload);
        // `value != ''`: loose equality, so 0, false, [], [""] and [[]] are blank too.
        condition = !value.isNullish() && !json::looseEqualsEmptyString(value);
    }
    // `then` is taken whenever it is present (even 0 or ""), `else` only when truthy.
    const json::Value &then = option(opts, lit(u"then"));
    if (condition && !then.isUndefined())
        return resolveOption(lit(u"then"), then, payload);
    const json::Value &otherwise = option(opts, lit(u"else"));
    if (!condition && otherwise.isTruthy())
        return resolveOption(lit(u"else"), otherwise, payload);
    return {};
}

json::Value Resolver::directiveCase(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@case requires an object with a \"operator\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &op = option(opts, lit(u"operator"));
    if (!op.isTruthy())
        fail(QStringLiteral("@case requires a \"operator\" key"));
    // A falsy raw value gives nothing; a resolved non-string passes through before the operator
    // is even checked.
    const json::Value &rawValue = option(opts, lit(u"value"));
    if (!rawValue.isTruthy())
        return {};
    const json::Value value = resolveOption(lit(u"value"), rawValue, payload);
    if (!value.isString())
        return value;
    if (op.isString() && op.toString() == lit(u"lower"))
        return jsToLowerCase(value.toString());
    if (op.isString() && op.toString() == lit(u"upper"))
        return jsToUpperCase(value.toString());
    fail(QStringLiteral("operator key should have a value of \"lower\" or \"upper\""));
}

json::Value Resolver::directiveReplace(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@replace requires an object with a \"pattern\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &pattern = option(opts, lit(u"pattern"));
    if (!pattern.isTruthy())
        fail(QStringLiteral("@replace requires a \"pattern\" key"));
    // Segment fills in defaults by assigning to the options object; the assignments are idempotent
    // and never change what validation accepts, so reading with the same defaults is equivalent.
    json::Value replacement = option(opts, lit(u"replacement"));
    if (replacement.isNullish())
        replacement = QString();
    const json::Value &pattern2 = option(opts, lit(u"pattern2"));
    json::Value replacement2 = option(opts, lit(u"replacement2"));
    if (pattern2.isTruthy() && replacement2.isNullish())
        replacement2 = QString();
    json::Value ignoreCase = option(opts, lit(u"ignorecase"));
    if (ignoreCase.isNullish())
        ignoreCase = false;
    json::Value global = option(opts, lit(u"global"));
    if (global.isNullish())
        global = true;

    const json::Value &rawValue = option(opts, lit(u"value"));
    if (!rawValue.isTruthy())
        return {};
    json::Value value = resolveOption(lit(u"value"), rawValue, payload);
    // Numbers and booleans are stringified; anything else that is not a string yields "".
    if (value.isBool() || value.isNumber())
        value = json::toJsString(value);
    if (!(value.isString() && pattern.isString() && replacement.isString() && ignoreCase.isBool() && global.isBool()))
        return QString();

    const auto performReplace = [this, &global, &ignoreCase](const QString &subject, const QString &search,
                                                             const QString &with) {
        if (search.size() > kMaxReplacePatternLength)
            fail(QStringLiteral("@replace requires a \"pattern\" less than %1 characters").arg(kMaxReplacePatternLength));
        if (with.size() > kMaxReplacementLength)
            fail(QStringLiteral("@replace requires a \"replacement\" less than %1 characters").arg(kMaxReplacementLength));
        return replaceLiteral(subject, search, with, global.toBool(), ignoreCase.toBool());
    };
    QString result = performReplace(value.toString(), pattern.toString(), replacement.toString());
    if (pattern2.isTruthy() && pattern2.isString() && replacement2.isString())
        result = performReplace(result, pattern2.toString(), replacement2.toString());
    return result;
}

json::Value Resolver::directiveArrayPath(const json::Value &data, const json::Value &payload)
{
    if (!data.isArray())
        fail(QStringLiteral("@arrayPath expected array, got %1").arg(json::realTypeOf(data)));
    // `const [path, itemShape] = data`: missing elements are undefined.
    const json::Array &items = data.toArray();
    const json::Value path = items.empty() ? json::Value() : items[0];
    const json::Value itemShape = items.size() < 2 ? json::Value() : items[1];

    // Whether the root is clean decides whether the items are clean payloads, so its dirt is
    // tracked apart from what came before.
    const bool outerDirty = std::exchange(m_dirty, false);
    json::Value root;
    if (path.isString()) {
        root = lookUp(payload, path);
    } else {
        const PathGuard step(m_path, {QStringView(), 0});
        root = resolve(path, payload);
    }
    const bool rootClean = !m_dirty;
    m_dirty = m_dirty || outerDirty;
    if (!(root.isObject() || root.isArray()) || !itemShape.isObject() || itemShape.toObject().isEmpty())
        return root;
    // arrify(root).map((item) => resolve(itemShape, item))
    const PathGuard step(m_path, {QStringView(), 1});
    const bool outerPayloadClean = std::exchange(m_payloadClean, rootClean);
    json::Array mapped;
    if (root.isObject()) {
        mapped.push_back(resolve(itemShape, root));
    } else {
        mapped.reserve(root.toArray().size());
        for (const json::Value &item : root.toArray())
            mapped.push_back(resolve(itemShape, item));
    }
    m_payloadClean = outerPayloadClean;
    return json::Value(std::move(mapped));
}

json::Value Resolver::directiveFlatten(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@flatten requires an object with a \"separator\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &rawSeparator = option(opts, lit(u"separator"));
    if (!rawSeparator.isTruthy())
        fail(QStringLiteral("@flatten requires a \"separator\" key"));
    const json::Value separator = resolveOption(lit(u"separator"), rawSeparator, payload);
    if (!separator.isString())
        fail(QStringLiteral("@flatten requires a string separator"));
    const bool outerKeep = std::exchange(m_keepUndefined, true);
    const json::Value value = resolveOption(lit(u"value"), option(opts, lit(u"value")), payload);
    m_keepUndefined = outerKeep;
    // Boolean(opts.omitArrays): the raw option, not resolved.
    m_dirty = true; // flattened keys may be `__proto__`, values undefined
    return unwrap(flattenObject(value, separator.toString(), option(opts, lit(u"omitArrays")).isTruthy()));
}

json::Value Resolver::directiveJson(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@json requires an object with a \"value\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &mode = option(opts, lit(u"mode"));
    if (!mode.isTruthy())
        fail(QStringLiteral("@json requires a \"mode\" key"));
    const json::Value &rawValue = option(opts, lit(u"value"));
    if (!rawValue.isTruthy())
        fail(QStringLiteral("@json requires a \"value\" key"));
    json::Value value = resolveOption(lit(u"value"), rawValue, payload);
    // Validation lower-cases the mode, but only the exact strings do anything here.
    if (mode.isString() && mode.toString() == lit(u"encode")) {
        const QString encoded = json::toJsonString(value);
        return encoded.isNull() ? json::Value() : json::Value(encoded);
    }
    if (mode.isString() && mode.toString() == lit(u"decode")) {
        if (!value.isString())
            return value;
        std::optional<json::Value> decoded = parseJson(value.toString());
        if (!decoded && bracketDepth(value.toString()) > kMaxDecodedJsonDepth)
            fail(QStringLiteral("@json: the decoded value is nested deeper than %1 levels").arg(kMaxDecodedJsonDepth));
        if (!decoded)
            return value;
        noteTaken(*decoded); // JSON text may hold `__proto__` keys
        return std::move(*decoded);
    }
    return {};
}

json::Value Resolver::directiveMerge(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@merge requires an object with an \"objects\" key and a \"direction\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &rawDirection = option(opts, lit(u"direction"));
    if (!rawDirection.isTruthy())
        fail(QStringLiteral("@merge requires a \"direction\" key"));
    const json::Value direction = resolveOption(lit(u"direction"), rawDirection, payload);
    const json::Value &objects = option(opts, lit(u"objects"));
    if (!objects.isTruthy())
        fail(QStringLiteral("@merge requires a \"objects\" key"));
    if (!objects.isArray())
        fail(QStringLiteral("@merge: expected opts.array, got %1").arg(typeOf(objects)));

    // The direction is resolved before `objects` is even checked; only the exact string "left"
    // reverses the sources (validation lower-cases, this comparison does not).
    std::vector<json::Value> resolved;
    resolved.reserve(objects.toArray().size());
    {
        const PathGuard step(m_path, {lit(u"objects")});
        const bool outerKeep = std::exchange(m_keepUndefined, true);
        const json::Array &items = objects.toArray();
        for (size_t i = 0; i < items.size(); ++i) {
            const PathGuard index(m_path, {QStringView(), qsizetype(i)});
            resolved.push_back(resolve(items[i], payload));
        }
        m_keepUndefined = outerKeep;
    }
    if (direction.isString() && direction.toString() == lit(u"left"))
        std::reverse(resolved.begin(), resolved.end());
    json::Object merged;
    for (const json::Value &source : resolved)
        assignInto(merged, source);
    m_dirty = true; // sources may bring undefined members
    return json::Value(std::move(merged));
}

json::Value Resolver::directiveTransform(const json::Value &options, const json::Value &payload)
{
    if (!options.isObject())
        fail(QStringLiteral("@transform requires an object with an \"apply\" key and a \"mapping\" key"));
    const json::Object &opts = options.toObject();
    const json::Value &mapping = option(opts, lit(u"mapping"));
    if (!mapping.isTruthy())
        fail(QStringLiteral("@transform requires a \"mapping\" key"));
    const json::Value &apply = option(opts, lit(u"apply"));
    if (!apply.isTruthy())
        fail(QStringLiteral("@transform requires a \"apply\" key"));
    if (!apply.isObject())
        fail(QStringLiteral("@transform \"apply\" key should be an object"));

    json::Value newPayload;
    {
        // transform(opts.apply, payload): prepared ahead of time when the caller could, else now.
        const PathGuard step(m_path, {lit(u"apply")});
        std::shared_ptr<const PreparedMapping> prepared;
        if (m_reusable) {
            if (auto found = m_reusable->nested.find(&apply.toObject()); found != m_reusable->nested.end())
                prepared = found->second;
        }
        if (!prepared)
            prepared = std::make_shared<const PreparedMapping>(apply);
        newPayload = transformPayload(*prepared, payload, m_payloadClean);
    }
    // The new payload went through removeUndefined(): clean whatever it came from.
    const bool outerPayloadClean = std::exchange(m_payloadClean, true);
    json::Value result = resolveOption(lit(u"mapping"), mapping, newPayload);
    m_payloadClean = outerPayloadClean;
    return result;
}

json::Value Resolver::directiveExcludeWhenNull(const json::Value &value, const json::Value &payload)
{
    const json::Value resolved = resolve(value, payload);
    if (resolved.isNull())
        return {};
    m_dirty = true; // nulls became undefined members
    return unwrap(cleanNulls(resolved));
}

void Resolver::fail(const QString &message) const
{
    throw ResolveFailure{Error{message, {0, 0, currentPath()}}};
}

json::Value Resolver::unwrap(Result<json::Value> result) const
{
    if (!result)
        fail(result.error().message);
    return std::move(result).value();
}

QString Resolver::currentPath() const
{
    QString path;
    for (const PathStep &step : m_path) {
        if (!path.isEmpty())
            path += u'.';
        if (step.index >= 0)
            path += QString::number(step.index);
        else
            path += step.key;
    }
    return path;
}

} // namespace inkmapper::mapping::Internal
