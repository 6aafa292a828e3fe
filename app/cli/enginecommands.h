#pragma once

#include "json/object.h"

namespace inkmapper::destination {
class HttpRequest;
}

namespace inkmapper::cli {

/** A request in docs/CLI.md's `request` form: method, url, the destination's headers (lower case, sorted), body. */
json::Value requestJson(const destination::HttpRequest &request);


// One function per engine subcommand of docs/CLI.md: a parsed input line in, the output line out.

/** `transform`: {"mapping","event"} → {"ok":true,"output":…} | {"ok":true} | {"ok":false,"error"}. */
json::Value transformLine(const json::Object &line);
/** `fql`: {"fql","events":[{"event"}]} → {"ok":true,"ast","matches"} | {"ok":false,"error"}. */
json::Value fqlLine(const json::Object &line);
/** `generate-fql`: {"ast"} → {"ok":true,"fql"} | {"ok":false,"error"}. */
json::Value generateFqlLine(const json::Object &line);
/** `request`: {"settings","mapping","event"[,"subscribe"]} → {"ok":true,"request":…|null} | error. */
json::Value requestLine(const json::Object &line);

} // namespace inkmapper::cli
