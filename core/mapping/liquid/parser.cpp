#include "parser.h"

#include "liquiderror.h"
#include "tokenizer.h"

#include "json/jsnumber.h"
#include "json/writer.h"

namespace inkmapper::mapping::liquid::Internal {

namespace {

bool isTag(const TopToken &token, QStringView name)
{
    return token.kind == TopToken::Kind::Tag && token.name == name;
}

/** liquidjs assertEmpty(tag.args): `{% else x %}` fails with `unexpected "x"`. */
void requireNoArguments(const TopToken &token)
{
    const QString args = token.args();
    if (!args.isEmpty()) {
        std::string quoted;
        json::appendJsonString(quoted, args);
        throw LiquidError(QStringLiteral("unexpected %1").arg(QString::fromStdString(quoted)));
    }
}

FilteredValue readCondition(const TopToken &token)
{
    Tokenizer tokenizer = Tokenizer::forTag(token);
    return FilteredValue(tokenizer.readFilteredValue());
}

/** `/\n\s*[^#\s]/`: a line of an inline comment that does not start with '#'. */
bool hasUncommentedLine(const QString &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) != u'\n')
            continue;
        qsizetype j = i + 1;
        while (j < args.size() && json::isJsWhitespace(args.at(j).unicode()))
            ++j;
        if (j < args.size() && args.at(j) != u'#')
            return true;
    }
    return false;
}

} // namespace

void Parser::fail(const TopToken &token, const QString &message)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < token.begin && i < token.input.size(); ++i) {
        if (token.input.at(i) == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    throw LiquidError(QStringLiteral("%1, line:%2, col:%3").arg(message).arg(line).arg(column));
}

NodeList Parser::parse(const QString &source)
{
    Tokenizer tokenizer(source);
    TokenQueue queue{tokenizer.readTopLevelTokens(), 0};
    return parseTokens(queue);
}

NodeList Parser::parseTokens(TokenQueue &queue)
{
    NodeList nodes;
    while (!queue.isEmpty()) {
        const TopToken token = queue.take();
        nodes.push_back(parseToken(token, queue));
    }
    return nodes;
}

std::unique_ptr<const Node> Parser::parseToken(const TopToken &token, TokenQueue &queue)
{
    switch (token.kind) {
    case TopToken::Kind::Html:
        return std::make_unique<HtmlNode>(token.htmlContent());
    case TopToken::Kind::Output: {
        Tokenizer tokenizer(token.input, token.contentBegin, token.contentEnd);
        return std::make_unique<OutputNode>(FilteredValue(tokenizer.readFilteredValue()));
    }
    case TopToken::Kind::Tag:
        break;
    }
    try {
        return parseTag(token, queue);
    } catch (const LiquidError &error) {
        // Errors raised with a position already (tokenizer errors) pass unchanged.
        if (error.message().contains(QStringLiteral(", line:")))
            throw;
        fail(token, error.message());
    }
}

NodeList Parser::parseUntil(const TopToken &opening, const QString &end, TokenQueue &queue)
{
    // Tags with a body (capture, block) parse the tokens that follow them until their end tag, so a
    // nested tag consumes its own body from the same queue first.
    NodeList body;
    while (!queue.isEmpty()) {
        const TopToken token = queue.take();
        if (isTag(token, end))
            return body;
        body.push_back(parseToken(token, queue));
    }
    throw LiquidError(QStringLiteral("tag %1 not closed").arg(opening.text()));
}

std::unique_ptr<const Node> Parser::parseTag(const TopToken &token, TokenQueue &queue)
{
    const QString &name = token.name;
    if (name == u"assign") {
        Tokenizer tokenizer = Tokenizer::forTag(token);
        const QString key = tokenizer.readIdentifier();
        if (key.isEmpty())
            tokenizer.fail(QStringLiteral("expected variable name"));
        tokenizer.skipBlank();
        if (tokenizer.peek() != '=')
            tokenizer.fail(QStringLiteral("expected \"=\""));
        tokenizer.advance();
        return std::make_unique<AssignNode>(key, FilteredValue(tokenizer.readFilteredValue()));
    }
    if (name == u"if")
        return parseIf(token, queue);
    if (name == u"unless")
        return parseUnless(token, queue);
    if (name == u"capture") {
        Tokenizer tokenizer = Tokenizer::forTag(token);
        QString variable = tokenizer.readIdentifier();
        if (variable.isEmpty()) {
            const ValueTokenPtr quoted = tokenizer.readQuoted();
            if (!quoted)
                tokenizer.fail(QStringLiteral("invalid capture name"));
            variable = quoted->content.json().toString();
        }
        NodeList body = parseUntil(token, QStringLiteral("endcapture"), queue);
        return std::make_unique<CaptureNode>(variable, std::move(body));
    }
    if (name == u"echo") {
        Tokenizer tokenizer = Tokenizer::forTag(token);
        tokenizer.skipBlank();
        if (tokenizer.atEnd())
            return std::make_unique<OutputNode>(std::nullopt);
        return std::make_unique<OutputNode>(FilteredValue(tokenizer.readFilteredValue()));
    }
    // A comment's tokens are skipped without being parsed, so anything inside is allowed.
    if (name == u"comment") {
        while (!queue.isEmpty()) {
            if (isTag(queue.take(), u"endcomment"))
                return std::make_unique<NothingNode>();
        }
        throw LiquidError(QStringLiteral("tag %1 not closed").arg(token.text()));
    }
    if (name == u"#") {
        if (hasUncommentedLine(token.args()))
            throw LiquidError(QStringLiteral("every line of an inline comment must start with a '#' character"));
        return std::make_unique<NothingNode>();
    }
    if (name == u"raw") {
        QString text;
        while (!queue.isEmpty()) {
            const TopToken inner = queue.take();
            if (isTag(inner, u"endraw"))
                return std::make_unique<RawNode>(text);
            text += inner.text();
        }
        throw LiquidError(QStringLiteral("tag %1 not closed").arg(token.text()));
    }
    if (name == u"liquid") {
        Tokenizer tokenizer = Tokenizer::forTag(token);
        TokenQueue lines{tokenizer.readLiquidTagTokens(), 0};
        return std::make_unique<SequenceNode>(parseTokens(lines), false);
    }
    if (name == u"block")
        return std::make_unique<SequenceNode>(parseUntil(token, QStringLiteral("endblock"), queue), true);
    if (name == u"increment" || name == u"decrement") {
        Tokenizer tokenizer = Tokenizer::forTag(token);
        return std::make_unique<CounterNode>(tokenizer.readIdentifier(), name == u"increment");
    }
    if (name == u"cycle")
        return parseCycle(token);
    if (name == u"break" || name == u"continue")
        return std::make_unique<InterruptNode>(name == u"break");
    // Segment registers these tags with a parse function that throws, so they fail wherever they are
    // parsed, even in a branch that would never render (but not inside raw or comment).
    if (name == u"case" || name == u"for" || name == u"include" || name == u"layout" || name == u"render"
        || name == u"tablerow")
        throw LiquidError(QStringLiteral("tag \"%1\" is disabled").arg(name));
    throw LiquidError(QStringLiteral("tag \"%1\" not found").arg(name));
}

std::unique_ptr<const Node> Parser::parseIf(const TopToken &token, TokenQueue &queue)
{
    // IfTag is strict: arguments after else/endif, a second else and an elsif after else all fail.
    std::vector<ConditionalNode::Branch> branches;
    branches.push_back({readCondition(token), false, {}});
    NodeList *current = &branches.back().body;
    std::optional<NodeList> otherwise;
    while (!queue.isEmpty()) {
        const TopToken next = queue.take();
        if (isTag(next, u"elsif")) {
            if (otherwise)
                throw LiquidError(QStringLiteral("unexpected elsif after else"));
            branches.push_back({readCondition(next), false, {}});
            current = &branches.back().body;
            continue;
        }
        if (isTag(next, u"else")) {
            requireNoArguments(next);
            if (otherwise)
                throw LiquidError(QStringLiteral("duplicated else"));
            otherwise.emplace();
            current = &*otherwise;
            continue;
        }
        if (isTag(next, u"endif")) {
            requireNoArguments(next);
            return std::make_unique<ConditionalNode>(std::move(branches), otherwise ? std::move(*otherwise) : NodeList());
        }
        current->push_back(parseToken(next, queue));
    }
    throw LiquidError(QStringLiteral("tag %1 not closed").arg(token.text()));
}

std::unique_ptr<const Node> Parser::parseUnless(const TopToken &token, TokenQueue &queue)
{
    // UnlessTag is lenient where IfTag is strict: extra else/elsif tags are accepted and their bodies
    // dropped, and else/endunless arguments are ignored. Only its first condition is negated.
    std::vector<ConditionalNode::Branch> branches;
    branches.push_back({readCondition(token), true, {}});
    NodeList otherwise;
    NodeList discarded;
    NodeList *current = &branches.back().body;
    int elseCount = 0;
    while (!queue.isEmpty()) {
        const TopToken next = queue.take();
        if (isTag(next, u"elsif")) {
            // After an else, liquidjs collects the elsif body into a list it never renders.
            if (elseCount > 0) {
                current = &discarded;
                continue;
            }
            branches.push_back({readCondition(next), false, {}});
            current = &branches.back().body;
            continue;
        }
        if (isTag(next, u"else")) {
            ++elseCount;
            current = &otherwise;
            continue;
        }
        if (isTag(next, u"endunless"))
            return std::make_unique<ConditionalNode>(std::move(branches), std::move(otherwise));
        std::unique_ptr<const Node> node = parseToken(next, queue);
        // Only the first else collects templates; a second one drops what follows it.
        if (current != &otherwise || elseCount == 1)
            current->push_back(std::move(node));
    }
    throw LiquidError(QStringLiteral("tag %1 not closed").arg(token.text()));
}

std::unique_ptr<const Node> Parser::parseCycle(const TopToken &token)
{
    // `{% cycle group: a, b %}`: a first value followed by ':' names the group; the candidates are read
    // one per comma, skipping anything that is not a value.
    Tokenizer tokenizer = Tokenizer::forTag(token);
    ValueTokenPtr group;
    std::vector<ValueTokenPtr> candidates;
    ValueTokenPtr first = tokenizer.readValue();
    tokenizer.skipBlank();
    if (first) {
        if (tokenizer.peek() == ':') {
            group = std::move(first);
            tokenizer.advance();
        } else {
            candidates.push_back(std::move(first));
        }
    }
    while (!tokenizer.atEnd()) {
        if (ValueTokenPtr value = tokenizer.readValue())
            candidates.push_back(std::move(value));
        tokenizer.readTo(u",");
    }
    if (candidates.empty())
        tokenizer.fail(QStringLiteral("empty candidates: \"%1\"").arg(token.text()));
    return std::make_unique<CycleNode>(std::move(group), std::move(candidates));
}

} // namespace inkmapper::mapping::liquid::Internal
