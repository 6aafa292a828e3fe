#pragma once

#include "json/value.h"
#include "project/destinationsettings.h"
#include "project/mappingconfig.h"

#include <QString>

#include <vector>

namespace inkmapper::bench {

/**
 * What the preview benchmarks work on, the same every run: a realistic "Order Completed" event of about
 * `products` × 470 bytes plus ~60 KB of properties, traits and context (2400 products: 1 MB), read
 * through JSON text as a loaded event is.
 */
json::Value largeOrderCompleted(int products);

/**
 * 50 mappings with shared/bench/bench-gen.js's trigger and directive mix: mapping i uses trigger i % 20,
 * data i % 12 and headers i % 4.
 */
std::vector<project::MappingConfig> fiftyMappings();

/** Destination settings and secret for the previews. */
project::DestinationSettings workloadSettings();
QString workloadSecret();

} // namespace inkmapper::bench
