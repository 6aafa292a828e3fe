#pragma once

namespace inkmapper::mapping {

/**
 * How deeply mappings and values may nest before the engine refuses them with an error instead of
 * risking the stack. JSON text is parsed to at most 1000 levels, so real mappings and events stay far
 * below these; only values built in code can reach them.
 */
inline constexpr int kMaxMappingDepth = 1100;
inline constexpr int kMaxValueDepth = 4000;

/**
 * How deeply a value decoded by @json may nest. JSON.parse itself has no limit, but Segment's engine
 * then overflows its stack at about 2600 levels and fails; deeper input fails here too.
 */
inline constexpr int kMaxDecodedJsonDepth = 2500;

} // namespace inkmapper::mapping
