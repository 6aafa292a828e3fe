#include "validator.h"

#include "casemapping.h"
#include "directives.h"
#include "limits.h"

#include "json/jssemantics.h"
#include "json/object.h"
#include "json/writer.h"

#include <initializer_list>
#include <unordered_set>

namespace inkmapper::mapping {

namespace {

// This file mirrors validate.js closely, including its throw/catch structure: a ValidationError or an
// AggregateError travels as a C++ exception inside this file and never leaves it.

/** One level of the validator's `stack` (key names and directive names), linked to its parent. */
struct Frame
{
    const Frame *parent;
    QStringView name;
};

QString joinStack(const Frame *frame, QChar separator)
{
    std::vector<QStringView> names;
    for (; frame; frame = frame->parent)
        names.push_back(frame->name);
    QString out;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (it != names.rbegin())
            out += separator;
        out += *it;
    }
    return out;
}

/** A thrown ValidationError (one error) or AggregateError (several, already flat). */
struct ValidationFailure
{
    std::vector<Error> errors;
    bool aggregate = false;
};

/** Any other error thrown while validating; the directive wrapper rewraps it with its stack. */
struct OtherFailure
{
    QString message;
};

[[noreturn]] void fail(const QString &message, const Frame *stack)
{
    Error error;
    error.message = u'/' + joinStack(stack, u'/') + u' ' + message + u'.';
    error.location.path = joinStack(stack, u'.');
    throw ValidationFailure{{std::move(error)}, false};
}

/** flatAggregate(): AggregateErrors contribute their errors, other errors themselves. */
void collect(std::vector<Error> &into, ValidationFailure &&failure)
{
    for (Error &error : failure.errors)
        into.push_back(std::move(error));
}

[[noreturn]] void throwAggregate(std::vector<Error> &&errors)
{
    throw ValidationFailure{std::move(errors), true};
}

QString realTypeOrDirective(const json::Value &value)
{
    if (value.isObject() && hasDirectiveKey(value.toObject()))
        return QStringLiteral("directive");
    return json::realTypeOf(value);
}

QString withArticle(const QString &type)
{
    switch (type.isEmpty() ? u'\0' : type.front().unicode()) {
    case u'a':
    case u'e':
    case u'i':
    case u'o':
    case u'u':
        return QStringLiteral("an ") + type;
    default:
        return QStringLiteral("a ") + type;
    }
}

QString jsonQuoted(const QString &text)
{
    std::string out;
    json::appendJsonString(out, text);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

class Validation;
using FieldCheck = void (Validation::*)(const json::Value &, const Frame *);

/** One entry of validateObjectWithFields()' field list. */
struct Field
{
    QStringView name;
    bool required;
    std::initializer_list<FieldCheck> checks; ///< run in order, like chain()
};

class Validation
{
public:
    void validate(const json::Value &mapping, const Frame *stack)
    {
        const DepthGuard guard(m_depth);
        const QString type = realTypeOrDirective(mapping);
        if (type == lit(u"directive"))
            validateDirective(mapping, stack);
        else if (type == lit(u"object"))
            validateObject(mapping, stack);
        else if (type == lit(u"array"))
            validateArray(mapping, stack);
    }

    void validateString(const json::Value &v, const Frame *stack)
    {
        const QString type = realTypeOrDirective(v);
        if (type != lit(u"string"))
            fail(QStringLiteral("should be a string but it is %1").arg(withArticle(type)), stack);
    }

    void validateBoolean(const json::Value &v, const Frame *stack)
    {
        const QString type = realTypeOrDirective(v);
        if (type != lit(u"boolean"))
            fail(QStringLiteral("should be a boolean but it is %1").arg(withArticle(type)), stack);
    }

    void validateArray(const json::Value &v, const Frame *stack)
    {
        // Unlike its siblings this one asks realTypeOf, so a directive object is "an object".
        const QString type = json::realTypeOf(v);
        if (type != lit(u"array"))
            fail(QStringLiteral("should be an array but it is %1").arg(withArticle(type)), stack);
    }

    void validateDirectiveOrRaw(const json::Value &v, const Frame *stack)
    {
        const QString type = realTypeOrDirective(v);
        if (type == lit(u"directive"))
            return validateDirective(v, stack);
        if (type == lit(u"object") || type == lit(u"array") || type == lit(u"boolean") || type == lit(u"string") || type == lit(u"number")
            || type == lit(u"null"))
            return;
        fail(QStringLiteral("should be a mapping directive or a JSON value but it is %1").arg(withArticle(type)),
             stack);
    }

    void validateDirectiveOrString(const json::Value &v, const Frame *stack)
    {
        const QString type = realTypeOrDirective(v);
        if (type == lit(u"directive"))
            return validateDirective(v, stack);
        if (type == lit(u"string"))
            return;
        fail(QStringLiteral("should be a string or a mapping directive but it is %1").arg(withArticle(type)), stack);
    }

    void validateDirectiveOrObject(const json::Value &v, const Frame *stack)
    {
        const QString type = realTypeOrDirective(v);
        if (type == lit(u"directive"))
            return validateDirective(v, stack);
        if (type == lit(u"object"))
            return validateObject(v, stack);
        fail(QStringLiteral("should be a object or a mapping directive but it is %1").arg(withArticle(type)), stack);
    }

    void validatePattern(const json::Value &v, const Frame *stack)
    {
        validateStringLength(v, 1, kMaxReplacePatternLength, stack);
    }

    void validateReplacement(const json::Value &v, const Frame *stack)
    {
        validateStringLength(v, 0, kMaxReplacementLength, stack);
    }

    void validateJsonMode(const json::Value &v, const Frame *stack)
    {
        validateAllowedStrings(v, {u"encode", u"decode"}, stack);
    }

    void validateMergeDirection(const json::Value &v, const Frame *stack)
    {
        validateAllowedStrings(v, {u"left", u"right"}, stack);
    }

private:
    /** Counts nesting so that a hostile mapping ends in an error rather than a stack overflow. */
    struct DepthGuard
    {
        explicit DepthGuard(int &depth) : m_depth(depth)
        {
            if (++m_depth > kMaxMappingDepth) {
                --m_depth;
                throw OtherFailure{QStringLiteral("mapping is nested deeper than %1 levels").arg(kMaxMappingDepth)};
            }
        }
        ~DepthGuard() { --m_depth; }
        DepthGuard(const DepthGuard &) = delete;
        DepthGuard &operator=(const DepthGuard &) = delete;
        int &m_depth;
    };

    void validateDirective(const json::Value &value, const Frame *stack)
    {
        const DepthGuard guard(m_depth);
        if (!isDirective(value) && !value.isObject()) {
            const QString type = json::realTypeOf(value);
            fail(QStringLiteral("should be a directive object but it is %1").arg(withArticle(type)), stack);
        }
        const json::Object &object = value.toObject();
        if (m_valid.contains(&object))
            return;
        qsizetype directiveKeys = 0;
        qsizetype otherKeys = 0;
        const QString *directiveKey = nullptr;
        for (const auto &[key, member] : object) {
            if (!key.isEmpty() && key.front() == u'@') {
                if (!directiveKey)
                    directiveKey = &key;
                ++directiveKeys;
            } else if (key != lit(u"_metadata")) {
                ++otherKeys;
            }
        }
        if (directiveKeys > 1)
            fail(QStringLiteral("should only have one @-prefixed key but it has %1 keys").arg(directiveKeys), stack);
        if (otherKeys > 0)
            fail(QStringLiteral("should only have one @-prefixed key but it has %1 keys").arg(object.size()), stack);
        // `directives[directiveKeys[0]]`; without an @-key that is `directives[undefined]`.
        const QString name = directiveKey ? *directiveKey : QStringLiteral("undefined");
        if (!directiveKey || !isKnownDirective(name))
            fail(QStringLiteral("has an invalid directive: %1").arg(name), stack);
        runDirectiveValidator(name, object.value(name), stack);
        m_valid.insert(&object);
    }

    /** validate.js' directive() wrapper: its own errors pass through, others get the caller's stack. */
    void runDirectiveValidator(const QString &name, const json::Value &v, const Frame *stack)
    {
        const Frame inner{stack, name};
        try {
            validateDirectiveValue(name, v, &inner);
        } catch (const OtherFailure &other) {
            fail(other.message, stack);
        }
    }

    void validateDirectiveValue(QStringView name, const json::Value &v, const Frame *stack)
    {
        if (name == lit(u"@if")) {
            validateObjectWithFields(v,
                                     {{u"exists", false, {&Validation::validateDirectiveOrRaw}},
                                      {u"then", false, {&Validation::validateDirectiveOrRaw}},
                                      {u"else", false, {&Validation::validateDirectiveOrRaw}}},
                                     stack);
        } else if (name == lit(u"@case")) {
            validateObjectWithFields(v,
                                     {{u"operator", false, {&Validation::validateString}},
                                      {u"value", false, {&Validation::validateDirectiveOrString}}},
                                     stack);
        } else if (name == lit(u"@replace")) {
            validateObjectWithFields(
                v,
                {{u"pattern", true, {&Validation::validateString, &Validation::validatePattern}},
                 {u"replacement", false, {&Validation::validateString, &Validation::validateReplacement}},
                 {u"value", true, {&Validation::validateDirectiveOrString}},
                 {u"ignorecase", false, {&Validation::validateBoolean}},
                 {u"global", false, {&Validation::validateBoolean}}},
                stack);
        } else if (name == lit(u"@arrayPath")) {
            validateArray(v, stack);
            const json::Array &data = v.toArray();
            validateDirectiveOrString(data.empty() ? json::Value() : data[0], stack);
            validate(data.size() < 2 ? json::Value() : data[1], stack);
        } else if (name == lit(u"@path") || name == lit(u"@template")) {
            validateDirectiveOrString(v, stack);
        } else if (name == lit(u"@json")) {
            validateObjectWithFields(v,
                                     {{u"value", true, {&Validation::validateDirectiveOrRaw}},
                                      {u"mode", true, {&Validation::validateJsonMode}}},
                                     stack);
        } else if (name == lit(u"@flatten")) {
            validateObjectWithFields(v,
                                     {{u"separator", false, {&Validation::validateString}},
                                      {u"value", true, {&Validation::validateDirectiveOrRaw}}},
                                     stack);
        } else if (name == lit(u"@merge")) {
            validateObjectWithFields(v,
                                     {{u"direction", false, {&Validation::validateMergeDirection}},
                                      {u"objects", true, {&Validation::validateArray}}},
                                     stack);
            // Segment validates the objects without passing the stack: their messages start at "/".
            for (const json::Value &object : v.toObject().find(u"objects")->toArray())
                validateDirectiveOrObject(object, nullptr);
        } else if (name == lit(u"@literal") || name == lit(u"@excludeWhenNull")) {
            validateDirectiveOrRaw(v, stack);
        } else if (name == lit(u"@transform")) {
            validateObjectWithFields(v,
                                     {{u"apply", true, {&Validation::validateDirectiveOrObject}},
                                      {u"mapping", true, {&Validation::validateDirectiveOrObject}}},
                                     stack);
        } else if (name == lit(u"@liquid")) {
            validateString(v, stack);
        }
    }

    void validateObject(const json::Value &value, const Frame *stack)
    {
        const QString type = realTypeOrDirective(value);
        if (type != lit(u"object"))
            fail(QStringLiteral("should be an object but it is %1").arg(withArticle(type)), stack);
        const json::Object &object = value.toObject();
        if (m_valid.contains(&object))
            return;
        if (const QString *directiveKey = firstDirectiveKey(object))
            fail(QStringLiteral("shouldn't have directive (@-prefixed) keys but it has %1").arg(jsonQuoted(*directiveKey)),
                 stack);
        std::vector<Error> errors;
        for (const auto &[key, member] : object) {
            const Frame child{stack, key};
            try {
                validate(member, &child);
            } catch (ValidationFailure &failure) {
                collect(errors, std::move(failure));
            } catch (const OtherFailure &other) {
                // A plain Error (Segment: a RangeError) is kept as it is; transform() shows its message.
                errors.push_back(Error{other.message, {0, 0, joinStack(&child, u'.')}});
            }
        }
        if (!errors.empty())
            throwAggregate(std::move(errors));
        m_valid.insert(&object);
    }

    void validateObjectWithFields(const json::Value &input, std::initializer_list<Field> fields, const Frame *stack)
    {
        validateObject(input, stack);
        const json::Object &object = input.toObject();
        std::vector<Error> errors;
        for (const Field &field : fields) {
            const json::Value *member = object.find(field.name);
            const bool present = member && !member->isUndefined();
            if (!field.required && !present)
                continue;
            const Frame child{stack, field.name};
            try {
                if (!present)
                    fail(QStringLiteral("should have field %1 but it doesn't").arg(jsonQuoted(field.name.toString())),
                         stack);
                for (FieldCheck check : field.checks)
                    (this->*check)(*member, &child);
            } catch (ValidationFailure &failure) {
                collect(errors, std::move(failure));
            } catch (const OtherFailure &other) {
                errors.push_back(Error{other.message, {0, 0, joinStack(&child, u'.')}});
            }
        }
        if (!errors.empty())
            throwAggregate(std::move(errors));
    }

    void validateStringLength(const json::Value &v, qsizetype min, qsizetype max, const Frame *stack)
    {
        if (v.isString() && v.toString().size() < min)
            fail(QStringLiteral("should be a string of length %1 or greater").arg(min), stack);
        if (v.isString() && v.toString().size() > max)
            fail(QStringLiteral("should be a string of length %1 or less").arg(max), stack);
    }

    void validateAllowedStrings(const json::Value &v, std::initializer_list<QStringView> allowed, const Frame *stack)
    {
        validateString(v, stack);
        const QString lower = jsToLowerCase(v.toString());
        for (QStringView candidate : allowed) {
            if (candidate == lower)
                return;
        }
        QString list;
        for (QStringView candidate : allowed) {
            if (!list.isEmpty())
                list += u", ";
            list += candidate;
        }
        fail(QStringLiteral("should be one of %1 but it is %2").arg(list, jsonQuoted(v.toString())), stack);
    }

    int m_depth = 0;
    // Objects already found valid. Segment validates an option both as a member of its object and
    // again as a field, which doubles the work at every nested directive; a success does not depend
    // on the stack, so remembering it keeps validation linear without changing any result.
    std::unordered_set<const json::Object *> m_valid;
};

} // namespace

std::vector<Error> validationErrors(const json::Value &mapping)
{
    Validation validation;
    try {
        validation.validate(mapping, nullptr);
    } catch (ValidationFailure &failure) {
        return std::move(failure.errors);
    } catch (const OtherFailure &other) {
        return {Error{other.message, {}}};
    }
    return {};
}

Error aggregateErrors(const std::vector<Error> &errors)
{
    Q_ASSERT(!errors.empty());
    Error joined = errors.front();
    for (size_t i = 1; i < errors.size(); ++i)
        joined.message += u'\n' + errors[i].message;
    return joined;
}

Result<Ok> validateMapping(const json::Value &mapping)
{
    const std::vector<Error> errors = validationErrors(mapping);
    if (errors.empty())
        return Ok{};
    return aggregateErrors(errors);
}

} // namespace inkmapper::mapping
