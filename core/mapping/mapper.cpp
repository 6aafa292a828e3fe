#include "mapper.h"

#include "preparedmapping.h"
#include "resolver.h"

namespace inkmapper::mapping {

struct Mapper::State
{
    explicit State(const json::Value &mapping) : prepared(mapping), reusable(prepared.prepareReusableParts()) {}

    Internal::PreparedMapping prepared;
    Internal::ReusableParts reusable; // points into `prepared`, so it lives next to it
};

Mapper::Mapper(const json::Value &mapping) : m_state(std::make_shared<const State>(mapping)) {}

Mapper::~Mapper() = default;
Mapper::Mapper(const Mapper &) = default;
Mapper &Mapper::operator=(const Mapper &) = default;

const Error *Mapper::error() const
{
    const std::optional<Error> &error = m_state->prepared.error();
    return error ? &*error : nullptr;
}

Result<json::Value> Mapper::transform(const json::Value &event) const
{
    Internal::Resolver resolver(&m_state->reusable);
    return resolver.transform(m_state->prepared, event);
}

Result<json::Value> Mapper::transformCleanEvent(const json::Value &event) const
{
    Internal::Resolver resolver(&m_state->reusable);
    return resolver.transform(m_state->prepared, event, true);
}

} // namespace inkmapper::mapping
