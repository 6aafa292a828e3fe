#include "transform.h"

#include "preparedmapping.h"
#include "resolver.h"

namespace inkmapper::mapping {

Result<json::Value> transform(const json::Value &mapping, const json::Value &event)
{
    // One event: nested @transform mappings are prepared when reached, as Segment does.
    const Internal::PreparedMapping prepared(mapping);
    Internal::Resolver resolver;
    return resolver.transform(prepared, event);
}

} // namespace inkmapper::mapping
