#pragma once

#include "json/value.h"

#include "util/result.h"

#include <memory>

namespace inkmapper::mapping {

namespace Internal {
class PreparedMapping;
}

/**
 * A mapping prepared once and applied to many events: the root form is unpacked, the mapping validated
 * and every @transform `apply` mapping prepared up front, so that transform(event) only resolves.
 * Results are identical to mapping::transform(mapping, event). Copies share the prepared state; a
 * Mapper may be used from several threads at once.
 */
class Mapper
{
public:
    /** Prepares `mapping`; a mapping Segment would reject makes every transform() fail the same way. */
    explicit Mapper(const json::Value &mapping);
    ~Mapper();
    Mapper(const Mapper &);
    Mapper &operator=(const Mapper &);

    /**
     * The error every transform() reports for an object event (root-form or validation problems), or
     * nullptr when the mapping is valid.
     */
    const Error *error() const;

    /**
     * Segment's transform(mapping, event): the mapped value (possibly undefined), or the error its
     * engine throws. An undefined event counts as `{}`; other non-objects are errors.
     */
    Result<json::Value> transform(const json::Value &event) const;

    /**
     * transform() for an event the caller has checked with isFreeOfUndefined() (true for parsed JSON
     * without `__proto__` keys): what is taken from it is then not checked again, mapping after mapping.
     */
    Result<json::Value> transformCleanEvent(const json::Value &event) const;

private:
    struct State;
    std::shared_ptr<const State> m_state;
};

} // namespace inkmapper::mapping
