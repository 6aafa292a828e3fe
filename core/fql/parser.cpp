#include "parser.h"

#include "lexer.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

#include <utility>

namespace inkmapper::fql {

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyName = QStringLiteral("name");
const QString KeyOperator = QStringLiteral("operator");
const QString KeyValue = QStringLiteral("value");
const QString KeyChildren = QStringLiteral("children");

/** What Segment's `tokenToConditionType[tokenStart]` lookup on a plain object yields. */
struct FieldLookup
{
    enum Kind { Unknown, Known, Builtin } kind = Unknown;
    QString conditionType;
};

FieldLookup lookupField(const QString &tokenStart)
{
    static const std::pair<QString, QString> table[] = {
        {QStringLiteral("type"), QStringLiteral("event-type")},
        {QStringLiteral("event"), QStringLiteral("event")},
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("userId"), QStringLiteral("userId")},
        {QStringLiteral("context"), QStringLiteral("event-context")},
        {QStringLiteral("properties"), QStringLiteral("event-property")},
        {QStringLiteral("traits"), QStringLiteral("event-trait")},
    };
    for (const auto &[field, conditionType] : table) {
        if (tokenStart == field)
            return {FieldLookup::Known, conditionType};
    }
    // The table is a plain JS object, so `constructor`, `toString`, `__proto__`… find the inherited
    // members: truthy, yet equal to no condition type. Segment then consumes the operator and value
    // and adds nothing.
    static const json::Value plainObject{json::Object()};
    if (json::getProperty(plainObject, tokenStart).isTruthy())
        return {FieldLookup::Builtin, {}};
    return {};
}

/** Segment's getTokenValue: strings lose a leading and a trailing `"` (not `'`), numbers go through Number(). */
json::Value tokenValue(const Token &token)
{
    if (token.type == TokenType::String) {
        QStringView v = token.value;
        if (v.startsWith(u'"'))
            v = v.mid(1);
        if (v.endsWith(u'"'))
            v.chop(1);
        return json::Value(v.toString());
    }
    if (token.type == TokenType::Number)
        return json::Value(json::stringToNumber(token.value));
    if (token.type == TokenType::Ident && (token.value == u"true" || token.value == u"false"))
        return json::Value(token.value == u"true");
    return json::Value(token.value);
}

QString tokenString(const Token &token)
{
    return json::toJsString(tokenValue(token));
}

/** `value.replace(/^(prefix)\./, '')`. */
QString stripField(const QString &value, QStringView prefix)
{
    if (value.size() > prefix.size() && value.startsWith(prefix) && value[prefix.size()] == u'.')
        return value.mid(prefix.size() + 1);
    return value;
}

json::Value leaf(const QString &type, const QString *name, const QString &op, const json::Value *value)
{
    json::Object o;
    o.set(KeyType, type);
    if (name)
        o.set(KeyName, *name);
    o.set(KeyOperator, op);
    if (value)
        o.set(KeyValue, *value);
    return json::Value(std::move(o));
}

/** The token list with JavaScript's Array.prototype.shift() and `tokens[0]`. */
class TokenQueue
{
public:
    explicit TokenQueue(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}
    const Token *shift() { return m_next < m_tokens.size() ? &m_tokens[m_next++] : nullptr; }
    const Token *front() const { return m_next < m_tokens.size() ? &m_tokens[m_next] : nullptr; }

private:
    std::vector<Token> m_tokens;
    size_t m_next = 0;
};

bool isFqlFunction(const Token &token)
{
    return token.type == TokenType::Ident && (token.value == u"contains" || token.value == u"match");
}

class Parser
{
public:
    explicit Parser(QStringView source) : m_source(source) {}

    Result<json::Value> run()
    {
        const LexResult lexed = Lexer::lex(m_source);
        if (lexed.error)
            return Error{lexed.error->message, locationAt(lexed.error->offset)};
        const std::vector<Token> tokens = normalize(lexed.tokens);
        json::Value ast;
        if (!parse(TokenQueue(tokens), false, ast))
            return std::move(*m_error);
        // Segment reads `ast.type` here, a TypeError when nothing was recognised.
        if (ast.isUndefined()) {
            if (m_firstProblem)
                return std::move(*m_firstProblem);
            if (tokens.size() <= 1)
                return Error{QStringLiteral("the trigger is empty"), locationAt(0)};
            return Error{QStringLiteral("the trigger has no condition that Segment recognises"),
                         locationAt(tokens.front().offset)};
        }
        if (ast.toObject().value(KeyType) == json::Value(QStringLiteral("group")))
            return ast;
        json::Object group;
        group.set(KeyType, QStringLiteral("group"));
        group.set(KeyOperator, QStringLiteral("and"));
        group.set(KeyChildren, json::Value(json::Array{std::move(ast)}));
        return json::Value(std::move(group));
    }

private:
    // Segment's parse(tokens): the node (undefined when the tokens held no condition), or false on error.
    bool parse(TokenQueue tokens, bool nested, json::Value &out)
    {
        json::Array nodes;
        QString groupOperator = QStringLiteral("and");
        const Token *token = tokens.shift();
        while (token && token->type != TokenType::Eos) {
            if (token->type == TokenType::Ident) {
                const QString tokenStart = token->value.section(u'.', 0, 0);
                const FieldLookup field = lookupField(tokenStart);
                if (field.kind != FieldLookup::Unknown) {
                    const Token *operatorToken = tokens.shift();
                    if (!operatorToken)
                        return fail(token->offset, QStringLiteral("\"%1\" needs an operator and a value").arg(token->value));
                    const Token *valueToken = tokens.shift();
                    if (!valueToken && operatorToken->type == TokenType::Eos)
                        return fail(token->offset, QStringLiteral("\"%1\" needs an operator and a value").arg(token->value));
                    if (!valueToken)
                        return fail(token->offset, QStringLiteral("\"%1\" needs a value after \"%2\"")
                                                       .arg(token->value, operatorToken->value));
                    if (field.kind == FieldLookup::Known)
                        nodes.push_back(condition(field.conditionType, *token, *operatorToken, *valueToken));
                    else
                        noteProblem(token->offset, QStringLiteral("\"%1\" is not a field a trigger can test").arg(tokenStart));
                } else if (!isFqlFunction(*token)) {
                    noteProblem(token->offset, QStringLiteral("unknown field \"%1\"").arg(token->value));
                }
                if (isFqlFunction(*token) && !parseFunction(*token, nodes, tokens, false))
                    return false;
            }
            if (token->type == TokenType::Operator && token->value == u"!") {
                const Token *function = tokens.front();
                if (!function) // Segment: TypeError reading `type` of undefined
                    return fail(token->offset, QStringLiteral("expected contains() or match() after \"!\""));
                if (isFqlFunction(*function)) {
                    tokens.shift();
                    if (!parseFunction(*function, nodes, tokens, true))
                        return false;
                }
            }
            if (token->type == TokenType::ParenLeft) {
                std::vector<Token> groupTokens;
                const Token *groupToken = tokens.shift();
                while (true) {
                    // Segment reads `groupToken.type` of undefined when no `)` follows; inside a group
                    // that is always the case for a second `(`, which is how nesting fails.
                    if (!groupToken)
                        return fail(token->offset, nested ? QStringLiteral("parentheses cannot be nested")
                                                          : QStringLiteral("missing closing parenthesis"));
                    if (groupToken->type == TokenType::ParenRight)
                        break;
                    groupTokens.push_back(*groupToken);
                    groupToken = tokens.shift();
                }
                groupTokens.push_back(Token{TokenType::Eos, QStringLiteral("eos"), groupToken->offset});
                json::Value child;
                if (!parse(TokenQueue(std::move(groupTokens)), true, child))
                    return false;
                if (child.isUndefined())
                    noteProblem(token->offset, QStringLiteral("the parentheses hold no condition"));
                nodes.push_back(std::move(child));
            }
            if (token->type == TokenType::Conditional)
                groupOperator = token->value;
            token = tokens.shift();
        }
        if (nodes.size() > 1) {
            json::Object group;
            group.set(KeyType, QStringLiteral("group"));
            group.set(KeyOperator, groupOperator);
            group.set(KeyChildren, json::Value(std::move(nodes)));
            out = json::Value(std::move(group));
        } else {
            out = nodes.empty() ? json::Value() : std::move(nodes.front());
        }
        return true;
    }

    // One `field operator value` condition, exactly as Segment's big if/else builds it.
    static json::Value condition(const QString &conditionType, const Token &field, const Token &operatorToken,
                                 const Token &valueToken)
    {
        const QString &op = operatorToken.value;
        const QString &value = valueToken.value;
        const bool isTrue = op == u"=" && value == u"true";
        const bool isFalse = op == u"=" && value == u"false";
        const bool isExists = op == u"!=" && value == u"null";
        const bool isNotExists = op == u"=" && value == u"null";
        const bool isNumberEquals = op == u"=" && valueToken.type == TokenType::Number;
        const bool isNumberNotEquals = op == u"!=" && valueToken.type == TokenType::Number;

        if (conditionType == u"event" || conditionType == u"event-type") {
            const json::Value v(tokenString(valueToken));
            return leaf(conditionType, nullptr, op, &v);
        }
        if (conditionType == u"name" || conditionType == u"userId") {
            if (isExists)
                return leaf(conditionType, nullptr, QStringLiteral("exists"), nullptr);
            if (isNotExists)
                return leaf(conditionType, nullptr, QStringLiteral("not_exists"), nullptr);
            // Only userId has the boolean forms.
            if (conditionType == u"userId" && isTrue)
                return leaf(conditionType, nullptr, QStringLiteral("is_true"), nullptr);
            if (conditionType == u"userId" && isFalse)
                return leaf(conditionType, nullptr, QStringLiteral("is_false"), nullptr);
            const json::Value v(tokenString(valueToken));
            return leaf(conditionType, nullptr, op, &v);
        }
        const QStringView prefix = conditionType == u"event-property" ? u"properties"
                                 : conditionType == u"event-trait"    ? u"traits"
                                                                      : u"context";
        const QString name = stripField(field.value, prefix);
        if (isExists)
            return leaf(conditionType, &name, QStringLiteral("exists"), nullptr);
        if (isNotExists)
            return leaf(conditionType, &name, QStringLiteral("not_exists"), nullptr);
        if (isTrue)
            return leaf(conditionType, &name, QStringLiteral("is_true"), nullptr);
        if (isFalse)
            return leaf(conditionType, &name, QStringLiteral("is_false"), nullptr);
        const json::Value v = tokenValue(valueToken);
        if (isNumberEquals)
            return leaf(conditionType, &name, QStringLiteral("number_equals"), &v);
        if (isNumberNotEquals)
            return leaf(conditionType, &name, QStringLiteral("number_not_equals"), &v);
        return leaf(conditionType, &name, op, &v);
    }

    // Segment's parseFqlFunction: `contains(field, value)` / `match(field, pattern)`. The `(`, `,` and
    // `)` positions are skipped without being checked.
    bool parseFunction(const Token &function, json::Array &nodes, TokenQueue &tokens, bool negate)
    {
        const bool isContains = function.value == u"contains";
        tokens.shift();
        const Token *nameToken = tokens.shift();
        if (!nameToken)
            return fail(function.offset, QStringLiteral("%1() is missing a 1st argument").arg(function.value));
        tokens.shift();
        const Token *valueToken = tokens.shift();
        if (!valueToken)
            return fail(function.offset, QStringLiteral("%1() is missing a 2nd argument").arg(function.value));
        tokens.shift();

        QString op;
        QString value;
        if (isContains) {
            op = negate ? QStringLiteral("not_contains") : QStringLiteral("contains");
            value = tokenString(*valueToken);
        } else if (valueToken->value.endsWith(u"*\"")) {
            op = negate ? QStringLiteral("not_starts_with") : QStringLiteral("starts_with");
            value = tokenString(*valueToken);
            value.chop(1);
        } else {
            op = negate ? QStringLiteral("not_ends_with") : QStringLiteral("ends_with");
            value = tokenString(*valueToken).mid(1);
        }
        const json::Value v(value);
        const QString &field = nameToken->value;
        const qsizetype before = qsizetype(nodes.size());
        if (field == u"event" || field == u"name" || field == u"userId")
            nodes.push_back(leaf(field, nullptr, op, &v));
        // /^(properties)/ without a dot: `propertiesX` counts too, and keeps its whole text as name.
        if (field.startsWith(u"properties")) {
            const QString name = stripField(field, u"properties");
            nodes.push_back(leaf(QStringLiteral("event-property"), &name, op, &v));
        }
        if (field.startsWith(u"traits")) {
            const QString name = stripField(field, u"traits");
            nodes.push_back(leaf(QStringLiteral("event-trait"), &name, op, &v));
        }
        if (field.startsWith(u"context")) {
            const QString name = stripField(field, u"context");
            nodes.push_back(leaf(QStringLiteral("event-context"), &name, op, &v));
        }
        if (qsizetype(nodes.size()) == before)
            noteProblem(nameToken->offset, QStringLiteral("%1() cannot test \"%2\"").arg(function.value, field));
        return true;
    }

    bool fail(qsizetype offset, const QString &message)
    {
        m_error = Error{message, locationAt(offset)};
        return false;
    }

    // Remembers the first thing that was skipped, to explain a trigger that ends up with no condition.
    void noteProblem(qsizetype offset, const QString &message)
    {
        if (!m_firstProblem)
            m_firstProblem = Error{message, locationAt(offset)};
    }

    // Line breaks as fql-ts's cursor counts them: every \r and every \n.
    static bool isLineBreak(QChar c) { return c == u'\n' || c == u'\r'; }

    Location locationAt(qsizetype offset) const
    {
        Location location;
        location.line = 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < offset && i < m_source.size(); ++i) {
            if (isLineBreak(m_source[i])) {
                ++location.line;
                lineStart = i + 1;
            }
        }
        location.column = int(offset - lineStart + 1);
        return location;
    }

    QStringView m_source;
    std::optional<Error> m_error;
    std::optional<Error> m_firstProblem;
};

} // namespace

std::vector<Token> normalize(const std::vector<Token> &tokens)
{
    std::vector<Token> normalized;
    normalized.reserve(tokens.size());
    size_t index = 0;
    while (index < tokens.size()) {
        const Token &current = tokens[index];
        const bool lastIsIdent = !normalized.empty() && normalized.back().type == TokenType::Ident;
        const bool nextIsIdent = index + 1 < tokens.size() && tokens[index + 1].type == TokenType::Ident;
        if (lastIsIdent && current.type == TokenType::Dot && nextIsIdent) {
            // The joined ident keeps the offset of its first part.
            normalized.back().value += current.value + tokens[index + 1].value;
            index += 2;
        } else {
            normalized.push_back(current);
            ++index;
        }
    }
    return normalized;
}

Result<json::Value> parse(QStringView fql)
{
    return Parser(fql).run();
}

} // namespace inkmapper::fql
