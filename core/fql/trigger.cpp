#include "trigger.h"

#include "jsconversions.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <utility>

namespace inkmapper::fql {

namespace {

const QString KeyError = QStringLiteral("error");
const QString KeyType = QStringLiteral("type");
const QString KeyOperator = QStringLiteral("operator");
const QString KeyValue = QStringLiteral("value");
const QString KeyName = QStringLiteral("name");
const QString KeyChildren = QStringLiteral("children");

const json::Value &undefinedValue()
{
    static const json::Value undefined;
    return undefined;
}

QString nullishName(const json::Value &v)
{
    return v.isNull() ? QStringLiteral("null") : QStringLiteral("undefined");
}

QString cannotRead(const json::Value &base, QStringView key)
{
    return QStringLiteral("Cannot read properties of %1 (reading '%2')").arg(nullishName(base), key);
}

/**
 * The built-in prototype objects a path can reach through `__proto__`. json::getProperty models
 * `"x".__proto__` as the primitive `""` (right for mapping-kit, which stringifies it), but FQL's
 * validate() looks at `typeof`, and String.prototype is an object there; Object.prototype.__proto__ is null.
 */
enum class Builtin : unsigned char { None, ObjectPrototype, StringPrototype, NumberPrototype, BooleanPrototype, ArrayPrototype, FunctionPrototype };

const QString ProtoKey = QStringLiteral("__proto__");

/** What a member lookup on a built-in prototype object answers, through json::getProperty's model of an
 *  empty value of that type (whose members are exactly the prototype's). */
json::Value builtinMember(Builtin builtin, const QString &key)
{
    switch (builtin) {
    case Builtin::StringPrototype: return json::getProperty(json::Value(QString()), key);
    case Builtin::NumberPrototype: return json::getProperty(json::Value(0.0), key);
    case Builtin::BooleanPrototype: return json::getProperty(json::Value(false), key);
    case Builtin::ArrayPrototype: return json::getProperty(json::Value(json::Array()), key);
    case Builtin::FunctionPrototype:
        if (key == u"name")
            return json::Value(QString());
        if (key == u"length")
            return json::Value(0.0);
        if (key == u"constructor")
            return json::Value(json::Function{QStringLiteral("Function")});
        if (key == u"apply" || key == u"bind" || key == u"call")
            return json::Value(json::Function{key});
        return json::getProperty(json::Value(json::Object()), key);
    case Builtin::ObjectPrototype:
    case Builtin::None:
        break;
    }
    return json::getProperty(json::Value(json::Object()), key);
}

/** The value standing for a built-in prototype object: something with its `typeof` and truthiness. */
const json::Value &builtinValue(Builtin builtin)
{
    static const json::Value object{json::Object()};
    static const json::Value function{json::Function{QString()}};
    return builtin == Builtin::FunctionPrototype ? function : object;
}

Builtin prototypeOf(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Object: return Builtin::ObjectPrototype;
    case json::Value::Type::Array: return Builtin::ArrayPrototype;
    case json::Value::Type::String: return Builtin::StringPrototype;
    case json::Value::Type::Number: return Builtin::NumberPrototype;
    case json::Value::Type::Boolean: return Builtin::BooleanPrototype;
    case json::Value::Type::Function: return Builtin::FunctionPrototype;
    default: return Builtin::None;
    }
}

/**
 * JavaScript's `base[key]` without copying when the value is an own member of an object. `scratch`
 * holds the value otherwise; it may hold `base` itself, which stays valid until the lookup is done.
 * `builtin` says whether `base` is a built-in prototype object, and is updated for the result.
 */
const json::Value *member(const json::Value &base, const QString &key, bool maybeBuiltin, json::Value &scratch,
                          Builtin &builtin)
{
    if (builtin != Builtin::None) {
        if (key == ProtoKey) {
            if (builtin == Builtin::ObjectPrototype) {
                builtin = Builtin::None;
                scratch = json::Value::null();
                return &scratch;
            }
            builtin = Builtin::ObjectPrototype;
            return &builtinValue(builtin);
        }
        json::Value found = builtinMember(builtin, key);
        builtin = Builtin::None;
        scratch = std::move(found);
        return &scratch;
    }
    if (base.isObject()) {
        if (const json::Value *own = base.toObject().find(key))
            return own;
        if (!maybeBuiltin)
            return &undefinedValue();
    }
    if (key == ProtoKey) {
        builtin = prototypeOf(base);
        return &builtinValue(builtin);
    }
    json::Value found = json::getProperty(base, key);
    scratch = std::move(found);
    return &scratch;
}

// Segment's get() splits a string path with /([^[.\]])+/g: the runs of characters other than `[`, `.`, `]`.
std::vector<QString> splitPath(const QString &path)
{
    std::vector<QString> keys;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= path.size(); ++i) {
        const bool separator = i == path.size() || path[i] == u'[' || path[i] == u'.' || path[i] == u']';
        if (separator) {
            if (start >= 0)
                keys.push_back(path.mid(start, i - start));
            start = -1;
        } else if (start < 0) {
            start = i;
        }
    }
    return keys;
}

bool startsWith(QStringView haystack, QStringView needle)
{
    return needle.size() <= haystack.size() && haystack.first(needle.size()) == needle;
}

bool endsWith(QStringView haystack, QStringView needle)
{
    return needle.size() <= haystack.size() && haystack.last(needle.size()) == needle;
}

bool includes(QStringView haystack, QStringView needle)
{
    return needle.isEmpty() || haystack.indexOf(needle) >= 0;
}

} // namespace

Trigger::Trigger() = default;

Trigger Trigger::compile(const json::Value &ast)
{
    Trigger trigger;
    trigger.m_source = ast;
    // validate(): `condition.error || typeof data === 'undefined'` comes before anything else.
    if (ast.isNullish()) {
        trigger.m_rootError = cannotRead(ast, KeyError);
        return trigger;
    }
    if (json::getProperty(ast, KeyError).isTruthy())
        return trigger;
    trigger.m_alwaysFalse = false;
    trigger.m_root = trigger.compileGroup(ast);
    return trigger;
}

int Trigger::addNode(Node node)
{
    m_nodes.push_back(std::move(node));
    return int(m_nodes.size()) - 1;
}

// validateGroupCondition: only the exact operators "and" and "or" look at the children (which must then
// be an array, for every()/some()); anything else is false. The node's type is not checked.
int Trigger::compileGroup(const json::Value &group)
{
    Node node;
    node.source = group;
    const json::Value op = json::getProperty(group, KeyOperator);
    const bool isAnd = op.isString() && op.toString() == u"and";
    const bool isOr = op.isString() && op.toString() == u"or";
    if (!isAnd && !isOr)
        return addNode(std::move(node));
    const json::Value children = json::getProperty(group, KeyChildren);
    if (!children.isArray()) {
        node.kind = Kind::Error;
        const QString method = isAnd ? QStringLiteral("every") : QStringLiteral("some");
        node.error = children.isNullish() ? cannotRead(children, method)
                                          : QStringLiteral("condition.children.%1 is not a function").arg(method);
        return addNode(std::move(node));
    }
    std::vector<int> childIndexes;
    childIndexes.reserve(children.toArray().size());
    for (const json::Value &child : children.toArray())
        childIndexes.push_back(compileCondition(child));
    node.kind = isAnd ? Kind::And : Kind::Or;
    node.firstChild = int(m_children.size());
    node.childCount = int(childIndexes.size());
    m_children.insert(m_children.end(), childIndexes.begin(), childIndexes.end());
    return addNode(std::move(node));
}

// validateCondition: dispatch on the exact `type` string; unknown types are false.
int Trigger::compileCondition(const json::Value &condition)
{
    Node node;
    node.source = condition;
    if (condition.isNullish()) {
        node.kind = Kind::Error;
        node.error = cannotRead(condition, KeyType);
        return addNode(std::move(node));
    }
    const json::Value typeValue = json::getProperty(condition, KeyType);
    if (!typeValue.isString())
        return addNode(std::move(node));
    const QString &type = typeValue.toString();
    if (type == u"group")
        return compileGroup(condition);

    static const std::pair<QString, Field> fields[] = {
        {QStringLiteral("event-type"), Field::Type},
        {QStringLiteral("event"), Field::Event},
        {QStringLiteral("name"), Field::Name},
        {QStringLiteral("userId"), Field::UserId},
        {QStringLiteral("event-property"), Field::Properties},
        {QStringLiteral("event-trait"), Field::Traits},
        {QStringLiteral("event-context"), Field::Context},
    };
    bool known = false;
    for (const auto &[name, field] : fields) {
        if (type == name) {
            node.field = field;
            known = true;
            break;
        }
    }
    if (!known)
        return addNode(std::move(node));
    node.kind = Kind::Leaf;

    static const std::pair<QString, Op> operators[] = {
        {QStringLiteral("="), Op::Equals},
        {QStringLiteral("!="), Op::NotEquals},
        {QStringLiteral("<"), Op::Less},
        {QStringLiteral("<="), Op::LessOrEqual},
        {QStringLiteral(">"), Op::Greater},
        {QStringLiteral(">="), Op::GreaterOrEqual},
        {QStringLiteral("number_equals"), Op::NumberEquals},
        {QStringLiteral("number_not_equals"), Op::NumberNotEquals},
        {QStringLiteral("contains"), Op::Contains},
        {QStringLiteral("not_contains"), Op::NotContains},
        {QStringLiteral("starts_with"), Op::StartsWith},
        {QStringLiteral("not_starts_with"), Op::NotStartsWith},
        {QStringLiteral("ends_with"), Op::EndsWith},
        {QStringLiteral("not_ends_with"), Op::NotEndsWith},
        {QStringLiteral("exists"), Op::Exists},
        {QStringLiteral("not_exists"), Op::NotExists},
        {QStringLiteral("is_true"), Op::IsTrue},
        {QStringLiteral("is_false"), Op::IsFalse},
    };
    const json::Value op = json::getProperty(condition, KeyOperator);
    if (op.isString()) {
        for (const auto &[name, value] : operators) {
            if (op.toString() == name) {
                node.op = value;
                break;
            }
        }
    }

    // String(expected) and Number(expected), decoded once; they throw only for an own `toString`.
    node.expected = json::getProperty(condition, KeyValue);
    if (auto s = Internal::jsString(node.expected))
        node.expectedString = std::move(*s);
    else
        node.stringThrows = true;
    if (auto n = Internal::jsNumber(node.expected))
        node.expectedNumber = *n;
    else
        node.numberThrows = true;

    if (node.field == Field::Properties || node.field == Field::Traits || node.field == Field::Context) {
        // Segment's get(object, path): a falsy path gives undefined, an array is used as the keys, a
        // string is split; anything else has no match() and throws, as does a string without any key.
        const json::Value path = json::getProperty(condition, KeyName);
        static const json::Value plainObject{json::Object()};
        auto addKey = [&](const json::Value &key) {
            PathKey pathKey;
            if (auto s = Internal::jsString(key))
                pathKey.key = std::move(*s);
            else
                pathKey.throws = true;
            pathKey.maybeBuiltin = !json::getProperty(plainObject, pathKey.key).isUndefined();
            m_keys.push_back(std::move(pathKey));
        };
        node.firstKey = int(m_keys.size());
        if (!path.isTruthy()) {
            node.pathKind = PathKind::Undefined;
        } else if (path.isArray()) {
            for (const json::Value &key : path.toArray())
                addKey(key);
        } else if (path.isString()) {
            const std::vector<QString> keys = splitPath(path.toString());
            if (keys.empty()) {
                node.pathKind = PathKind::Error;
                node.error = QStringLiteral("Cannot read properties of null (reading 'reduce')");
            }
            for (const QString &key : keys)
                addKey(json::Value(key));
        } else {
            node.pathKind = PathKind::Error;
            node.error = QStringLiteral("path.match is not a function");
        }
        node.keyCount = int(m_keys.size()) - node.firstKey;
    }
    return addNode(std::move(node));
}

Result<bool> Trigger::matches(const json::Value &event) const
{
    if (!m_rootError.isEmpty())
        return evaluationError(m_rootError);
    if (m_alwaysFalse || event.isUndefined())
        return false;
    QString error;
    const int result = evaluateNode(m_root, event, &error);
    if (result >= 0)
        return result == 1;
    // Failures are rare: find where it happened with the (slower) explanation walk.
    Error e = evaluationError(error);
    const Explanation explanation = explain(event);
    for (const ConditionResult &c : explanation.conditions) {
        if (c.reached && !c.error.isEmpty()) {
            QString where;
            for (int index : c.path)
                where += QStringLiteral("children[%1]").arg(index) + u'.';
            where.chop(1);
            e.location.path = where;
        }
    }
    return e;
}

Error Trigger::evaluationError(const QString &message)
{
    return Error{message, {}};
}

// 1 (true), 0 (false), or -1 with *error set (the JavaScript throws).
int Trigger::evaluateNode(int index, const json::Value &event, QString *error) const
{
    const Node &node = m_nodes[size_t(index)];
    switch (node.kind) {
    case Kind::False:
        return 0;
    case Kind::Error:
        *error = node.error;
        return -1;
    case Kind::And:
        // every(): stops at the first false (or throwing) child; true for no children.
        for (int i = 0; i < node.childCount; ++i) {
            const int r = evaluateNode(m_children[size_t(node.firstChild + i)], event, error);
            if (r <= 0)
                return r;
        }
        return 1;
    case Kind::Or:
        // some(): stops at the first true (or throwing) child; false for no children.
        for (int i = 0; i < node.childCount; ++i) {
            const int r = evaluateNode(m_children[size_t(node.firstChild + i)], event, error);
            if (r != 0)
                return r;
        }
        return 0;
    case Kind::Leaf:
        return evaluateLeaf(node, event, error, nullptr);
    }
    return 0;
}

int Trigger::evaluateLeaf(const Node &node, const json::Value &event, QString *error, json::Value *actualOut) const
{
    static const QString fieldKeys[] = {
        QStringLiteral("type"),       QStringLiteral("event"),  QStringLiteral("name"),
        QStringLiteral("userId"),     QStringLiteral("properties"), QStringLiteral("traits"),
        QStringLiteral("context"),
    };
    const QString &fieldKey = fieldKeys[int(node.field)];
    // `data.type`, `data.properties`, …: a TypeError on a null event.
    if (event.isNullish()) {
        *error = cannotRead(event, fieldKey);
        return -1;
    }
    json::Value scratch;
    Builtin builtin = Builtin::None;
    const json::Value *actual = member(event, fieldKey, false, scratch, builtin);
    if (node.field == Field::Properties || node.field == Field::Traits || node.field == Field::Context) {
        if (node.pathKind == PathKind::Error) {
            *error = node.error;
            return -1;
        }
        if (node.pathKind == PathKind::Undefined) {
            actual = &undefinedValue();
        } else {
            // path.reduce((o, key) => o && o[key], object): a falsy step is itself the result.
            for (int i = 0; i < node.keyCount; ++i) {
                if (!actual->isTruthy())
                    break;
                const PathKey &key = m_keys[size_t(node.firstKey + i)];
                if (key.throws) {
                    *error = Internal::cannotConvertMessage();
                    return -1;
                }
                actual = member(*actual, key.key, key.maybeBuiltin, scratch, builtin);
            }
        }
    }
    if (actualOut)
        *actualOut = *actual;

    // validateValue(actual, operator, expected). String()/Number() of the expected value are only
    // computed where the JavaScript reaches them, which is when a conversion failure shows.
    auto needString = [&] {
        if (node.stringThrows)
            *error = Internal::cannotConvertMessage();
        return !node.stringThrows;
    };
    auto needNumber = [&] {
        if (node.numberThrows)
            *error = Internal::cannotConvertMessage();
        return !node.numberThrows;
    };
    const bool isString = actual->isString();
    const bool isNumber = actual->isNumber();
    switch (node.op) {
    case Op::Unknown:
        return 0;
    case Op::Equals:
        if (!needString())
            return -1;
        return isString && actual->toString() == node.expectedString;
    case Op::NotEquals:
        if (!needString())
            return -1;
        return !(isString && actual->toString() == node.expectedString);
    case Op::NumberEquals:
    case Op::NumberNotEquals:
    case Op::Less:
    case Op::LessOrEqual:
    case Op::Greater:
    case Op::GreaterOrEqual: {
        if (!isNumber)
            return 0;
        if (!needNumber())
            return -1;
        const double a = actual->toNumber();
        const double e = node.expectedNumber;
        switch (node.op) {
        case Op::NumberEquals: return a == e;
        case Op::NumberNotEquals: return a != e;
        case Op::Less: return a < e;
        case Op::LessOrEqual: return a <= e;
        case Op::Greater: return a > e;
        default: return a >= e;
        }
    }
    case Op::Contains:
    case Op::NotContains:
    case Op::StartsWith:
    case Op::NotStartsWith:
    case Op::EndsWith:
    case Op::NotEndsWith: {
        if (!isString)
            return 0;
        if (!needString())
            return -1;
        const QString &a = actual->toString();
        switch (node.op) {
        case Op::Contains: return includes(a, node.expectedString);
        case Op::NotContains: return !includes(a, node.expectedString);
        case Op::StartsWith: return startsWith(a, node.expectedString);
        case Op::NotStartsWith: return !startsWith(a, node.expectedString);
        case Op::EndsWith: return endsWith(a, node.expectedString);
        default: return !endsWith(a, node.expectedString);
        }
    }
    case Op::Exists:
        return !actual->isNullish();
    case Op::NotExists:
        return actual->isNullish();
    case Op::IsTrue:
        return actual->isBool() && actual->toBool();
    case Op::IsFalse:
        return actual->isBool() && !actual->toBool();
    }
    return 0;
}

Explanation Trigger::explain(const json::Value &event) const
{
    Explanation out;
    if (!m_rootError.isEmpty() || m_root < 0) {
        ConditionResult root;
        root.condition = m_source;
        root.reached = true;
        root.error = m_rootError;
        out.conditions.push_back(std::move(root));
        out.outcome = m_rootError.isEmpty() ? Result<bool>(false) : Result<bool>(evaluationError(m_rootError));
        return out;
    }
    // validate() answers false for an undefined event without looking: the tree is still walked, as
    // "not reached", so that a user sees every condition.
    const bool reached = !event.isUndefined();
    std::vector<int> path;
    const int result = explainNode(m_root, event, path, reached, out);
    if (!reached)
        out.outcome = false;
    else if (result < 0)
        out.outcome = evaluationError(out.conditions.front().error);
    else
        out.outcome = result == 1;
    return out;
}

int Trigger::explainNode(int index, const json::Value &event, std::vector<int> &path, bool reached,
                         Explanation &out) const
{
    const Node &node = m_nodes[size_t(index)];
    const size_t entry = out.conditions.size();
    {
        ConditionResult c;
        c.path = path;
        c.condition = node.source;
        if (node.kind == Kind::Leaf)
            c.expected = node.expected;
        c.reached = reached;
        out.conditions.push_back(std::move(c));
    }
    int result = 0;
    QString error;
    switch (node.kind) {
    case Kind::False:
        break;
    case Kind::Error:
        result = -1;
        error = node.error;
        break;
    case Kind::Leaf: {
        json::Value actual;
        result = evaluateLeaf(node, event, &error, &actual);
        out.conditions[entry].actual = std::move(actual);
        break;
    }
    case Kind::And:
    case Kind::Or: {
        // Every child is explained; those after the one that settled the group are marked unreached,
        // and their outcome (or failure) does not count, as with every()/some().
        const bool isAnd = node.kind == Kind::And;
        result = isAnd ? 1 : 0;
        bool decided = false;
        size_t lastLookedAt = 0;
        bool lookedAtAny = false;
        for (int i = 0; i < node.childCount; ++i) {
            path.push_back(i);
            const size_t childEntry = out.conditions.size();
            const int r = explainNode(m_children[size_t(node.firstChild + i)], event, path, reached && !decided, out);
            path.pop_back();
            if (decided)
                continue;
            lastLookedAt = childEntry;
            lookedAtAny = true;
            if (r < 0) {
                decided = true;
                result = -1;
                error = out.conditions[childEntry].error;
            } else if ((isAnd && r == 0) || (!isAnd && r == 1)) {
                decided = true;
                result = r;
            }
        }
        if (lookedAtAny && reached)
            out.conditions[lastLookedAt].decisive = true;
        break;
    }
    }
    out.conditions[entry].matched = result == 1;
    if (result < 0)
        out.conditions[entry].error = error;
    return result;
}

} // namespace inkmapper::fql
