#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace inkmapper::destination {

/**
 * A subscription's trigger as destination-kit's onSubscription sees it, parsed once so that many events
 * can be tested against it: a `subscribe` that is not a non-empty string, or FQL that does not parse,
 * makes Segment send nothing (it reports the problem as its result instead of throwing).
 */
class Subscription
{
public:
    /** The preset's trigger. */
    Subscription();
    /** Any JSON value as `subscribe`; undefined means the preset's trigger. */
    explicit Subscription(const json::Value &subscribe);

    /** The FQL text (empty when `subscribe` is not a string). */
    const QString &fql() const { return m_fql; }
    /** True when events can be tested (the trigger is a non-empty string that parses). */
    bool isUsable() const { return m_ast.has_value(); }
    /** When not usable: Segment's output, "Failed to validate subscription" or "Invalid subscription : …". */
    const QString &problem() const { return m_problem; }

    /** destination-subscriptions' validate(ast, event): whether the event matches; an Error where it
     *  throws. Only call when isUsable(). */
    Result<bool> matches(const json::Value &event) const;

private:
    void init(const json::Value &subscribe);

    QString m_fql;
    std::optional<json::Value> m_ast;
    QString m_problem;
};

} // namespace inkmapper::destination
