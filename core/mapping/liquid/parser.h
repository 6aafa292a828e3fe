#pragma once

#include "nodes.h"
#include "token.h"

#include <QString>

#include <vector>

namespace inkmapper::mapping::liquid::Internal {

/**
 * liquidjs's Parser with Segment's tag set: the tags of liquidjs 10.27.2 except `case`, `for`,
 * `include`, `layout`, `render` and `tablerow`, which fail with `tag "name" is disabled` as soon as the
 * parser reaches them. Each tag consumes the tokens of its body from the shared token queue, as
 * liquidjs's tag constructors do. Errors are thrown as LiquidError.
 */
class Parser
{
public:
    /** Tokenizes and parses a whole template. */
    static NodeList parse(const QString &source);

private:
    /** The remaining tokens, consumed from the front (liquidjs's `tokens.shift()`). */
    struct TokenQueue
    {
        std::vector<TopToken> tokens;
        size_t next = 0;

        bool isEmpty() const { return next >= tokens.size(); }
        TopToken take() { return std::move(tokens[next++]); }
    };

    static NodeList parseTokens(TokenQueue &queue);
    static std::unique_ptr<const Node> parseToken(const TopToken &token, TokenQueue &queue);
    static std::unique_ptr<const Node> parseTag(const TopToken &token, TokenQueue &queue);
    static std::unique_ptr<const Node> parseIf(const TopToken &token, TokenQueue &queue);
    static std::unique_ptr<const Node> parseUnless(const TopToken &token, TokenQueue &queue);
    static std::unique_ptr<const Node> parseCycle(const TopToken &token);
    /** Parses tokens into `body` until a tag named `end`; fails with "not closed" when there is none. */
    static NodeList parseUntil(const TopToken &opening, const QString &end, TokenQueue &queue);
    [[noreturn]] static void fail(const TopToken &token, const QString &message);
};

} // namespace inkmapper::mapping::liquid::Internal
