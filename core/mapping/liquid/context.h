#pragma once

#include "limiter.h"
#include "liquidvalue.h"

#include "json/value.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <memory>
#include <span>
#include <vector>

namespace inkmapper::mapping::liquid::Internal {

/**
 * The state of one render, after liquidjs's Context: the event as the environment, a stack of scopes
 * (the bottom one receives `assign` and `capture`), the registers of `cycle`, the break/continue flags
 * and the memory and time budgets. It also reads properties the way liquidjs does with
 * `ownPropertyOnly`: own properties only, plus the `size`, `first` and `last` extensions.
 */
class Context
{
public:
    /** A scope: a prototype-less object mapping names to values. */
    using Scope = QHash<QString, LiquidValue>;
    using Clock = std::chrono::steady_clock;

    /** A render of `environment` with a memory budget (characters) and a time budget. */
    Context(const json::Value &environment, double memoryLimit, Clock::duration renderLimit);

    /** liquidjs _get(): looks the first name up in the scopes, the environment, then the (empty) globals. */
    LiquidValue get(std::span<const LiquidValue> paths);
    /** liquidjs _getFromScope(): reads `paths` one after the other starting from `base`. */
    LiquidValue getFromScope(LiquidValue base, std::span<const LiquidValue> paths);
    /** liquidjs _getFromScope() with a dotted path string, as the `sum` filter uses it. */
    LiquidValue getFromScope(LiquidValue base, const QString &dottedPath);
    /** liquidjs readProperty(): `object[key]` for own properties, `size`/`first`/`last`, drops' methods. */
    LiquidValue readProperty(const LiquidValue &object, const LiquidValue &key);

    /** The bottom scope, where `assign` and `capture` write. */
    Scope &bottom() { return m_scopes.front(); }
    void push(Scope scope) { m_scopes.push_back(std::move(scope)); }
    void pop() { m_scopes.pop_back(); }

    /** `{% increment %}`: writes the counter into the environment and returns the value before. */
    double increment(const QString &name);
    /** `{% decrement %}`: returns the value after decrementing. */
    double decrement(const QString &name);

    /** The `cycle` register: position of each cycle group. */
    QHash<QString, int> &cycleRegister() { return m_cycles; }

    Limiter &memoryLimit() { return *m_shared->memory; }
    /** Fails with "template render limit exceeded" once the time budget is spent. */
    void checkRenderLimit();

    /** A context with `scope` as its environment that shares this one's budgets (liquidjs spawn()). */
    Context spawn(const json::Value &scope) const;

    bool breakCalled = false;
    bool continueCalled = false;

private:
    struct Shared
    {
        std::unique_ptr<Limiter> memory;
        Clock::time_point deadline;
    };
    Context(const json::Value &environment, std::shared_ptr<Shared> shared);

    LiquidValue readEnvironment(const LiquidValue &key);
    double &counter(const QString &name);

    std::vector<Scope> m_scopes;
    json::Value m_environment;
    // Counters that increment/decrement wrote into the environment (liquidjs mutates the event itself).
    QHash<QString, double> m_counters;
    QHash<QString, int> m_cycles;
    std::shared_ptr<Shared> m_shared;
    unsigned m_checks = 0; ///< render-limit checks since the clock was last read
};

} // namespace inkmapper::mapping::liquid::Internal
