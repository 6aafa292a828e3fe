// Compiled into every program that links inkmapper::allocator with mimalloc (see the top CMakeLists.txt).
//
// mimalloc gives freed memory back to the system after 25 ms by default. Typing into a 1 MB event frees
// and allocates multi-megabyte texts and trees several times a second, so each key then paid for touching
// fresh pages again: about a third of the preview's time went to page faults (tests/bench/README.md). A
// one-second delay keeps the memory while it is being reused and still gives it back when the app idles.

#include <mimalloc.h>

namespace {

const bool decommitDelaySet = [] {
    mi_option_set_default(mi_option_decommit_delay, 1000); // MIMALLOC_DECOMMIT_DELAY still overrides
    mi_option_set_default(mi_option_segment_decommit_delay, 1000);
    return true;
}();

} // namespace
