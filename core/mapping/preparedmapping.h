#pragma once

#include "placeholders.h"

#include "json/value.h"

#include "util/result.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace inkmapper::mapping::Internal {

class PreparedMapping;

/** Prepared forms of the `apply` mappings of @transform directives, by the address of their object. */
using NestedMappings = std::unordered_map<const json::Object *, std::shared_ptr<const PreparedMapping>>;

/**
 * A mapping as a tree of its commonest shapes, worked out once so that resolving does not ask of every
 * node what it is: plain objects (no directive) and literal @path lookups with their keys split.
 * Anything else is a Generic node, resolved as it is written. Resolving a plan gives exactly what
 * resolving its mapping gives.
 */
struct MappingPlan
{
    enum class Kind : unsigned char { Generic, Object, Path };
    struct Member;

    Kind kind = Kind::Generic;
    json::Value source;          ///< the mapping value this node stands for
    std::vector<Member> members; ///< Object: in the mapping's order
    QStringList pathKeys;        ///< Path: the keys after `$.` removal
};

struct MappingPlan::Member
{
    QString key;
    MappingPlan plan;
};

/**
 * What resolving a mapping over and over can reuse, keyed by the address of the mapping's own objects
 * and strings (which the prepared mapping keeps alive): prepared @transform `apply` mappings, the keys
 * of literal @path and @arrayPath paths (after `$.` removal) and compiled literal @template strings.
 */
struct ReusableParts
{
    NestedMappings nested;
    std::unordered_map<const QChar *, QStringList> paths;
    std::unordered_map<const QChar *, CompiledTemplate> templates;
};

/**
 * A mapping made ready to resolve, as transform() does before looking at any event:
 * getMappingToProcess() (object spreading, the `__segment_internal_directive` root form) and then
 * validation. Either the mapping to resolve or the error every transform with it reports.
 */
class PreparedMapping
{
public:
    /** Runs getMappingToProcess() and validate() on `mapping`. */
    explicit PreparedMapping(const json::Value &mapping);

    /** The mapping to resolve (meaningful only without error()). */
    const json::Value &mapping() const { return m_toProcess; }
    /** What getMappingToProcess() or validate() threw, if anything. */
    const std::optional<Error> &error() const { return m_error; }
    /** mapping() as a plan (meaningful only without error()). */
    const MappingPlan &plan() const { return m_plan; }

    /**
     * Prepares, ahead of time, every @transform `apply` mapping found in this mapping (and in those),
     * path and template, so that resolving many events does not validate or split them again for each.
     */
    ReusableParts prepareReusableParts() const;

private:
    Result<json::Value> mappingToProcess(const json::Value &mapping) const;

    json::Value m_original; // keeps the objects the prepared form shares alive
    json::Value m_toProcess;
    std::optional<Error> m_error;
    MappingPlan m_plan;
};

} // namespace inkmapper::mapping::Internal
