#pragma once

#include "preparedmapping.h"

#include "json/value.h"

#include "util/result.h"

#include <QVarLengthArray>

namespace inkmapper::mapping::Internal {

/**
 * Resolves prepared mappings against events: mapping-kit's resolve(), its directives and the final
 * removeUndefined(). Errors are what Segment's engine throws, with the key path of the mapping value
 * being resolved in `location.path`. A Resolver is cheap; use one per thread.
 */
class Resolver
{
public:
    /** `reusable` (may be null) holds parts prepared ahead of time; others are prepared on the fly. */
    explicit Resolver(const ReusableParts *reusable = nullptr) : m_reusable(reusable) {}

    /**
     * mapping-kit's transform(mapping, event) for a prepared mapping; undefined `event` means `{}`.
     * `eventIsClean` promises that isFreeOfUndefined(event) holds, so what is taken from it needs no check.
     */
    Result<json::Value> transform(const PreparedMapping &prepared, const json::Value &event, bool eventIsClean = false);

private:
    struct PathStep
    {
        QStringView key;
        qsizetype index = -1; ///< an array index when >= 0
    };
    class PathGuard;
    class DepthGuard;

    json::Value transformPayload(const PreparedMapping &prepared, const json::Value &data, bool dataIsClean);
    json::Value lookUp(const json::Value &payload, const json::Value &path);
    json::Value taken(json::Value value);
    void noteTaken(const json::Value &value);
    json::Value resolve(const json::Value &mapping, const json::Value &payload);
    json::Value resolvePlanned(const MappingPlan &plan, const json::Value &payload);
    void addResolvedMember(json::Object &resolved, const QString &key, json::Value result);
    json::Value resolveOption(QStringView option, const json::Value &value, const json::Value &payload);
    json::Value runDirective(const json::Object &directive, const json::Value &payload);
    QString resolveString(QStringView directive, const json::Value &value, const json::Value &payload);

    json::Value directiveIf(const json::Value &options, const json::Value &payload);
    json::Value directiveCase(const json::Value &options, const json::Value &payload);
    json::Value directiveReplace(const json::Value &options, const json::Value &payload);
    json::Value directiveArrayPath(const json::Value &data, const json::Value &payload);
    json::Value directiveFlatten(const json::Value &options, const json::Value &payload);
    json::Value directiveJson(const json::Value &options, const json::Value &payload);
    json::Value directiveMerge(const json::Value &options, const json::Value &payload);
    json::Value directiveTransform(const json::Value &options, const json::Value &payload);
    json::Value directiveExcludeWhenNull(const json::Value &value, const json::Value &payload);

    [[noreturn]] void fail(const QString &message) const;
    json::Value unwrap(Result<json::Value> result) const;
    QString currentPath() const;

    const ReusableParts *m_reusable;
    QVarLengthArray<PathStep, 32> m_path;
    int m_depth = 0;
    // removeUndefined() is skipped when nothing resolved can need it: m_dirty records that some value
    // may (an undefined member, a container of unknown content), m_payloadClean that the payload
    // itself is known to be free of undefined members and `__proto__` keys.
    bool m_dirty = false;
    bool m_payloadClean = false;
    // An undefined member and a missing one differ only to Object.assign (@merge) and Object.entries
    // (@flatten); elsewhere undefined members are simply not stored, which spares removeUndefined().
    bool m_keepUndefined = false;
};

} // namespace inkmapper::mapping::Internal
