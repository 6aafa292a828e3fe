#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace inkmapper::cli {

/** Reads a stream line by line through one growing buffer; lines may be of any length. */
class LineReader
{
public:
    explicit LineReader(std::FILE *in) : m_in(in) {}

    /** The next line without its "\n" (and without a trailing "\r"); false at the end of input.
     *  The view stays valid until the next call. */
    bool next(std::string_view &line);

private:
    bool fill();

    std::FILE *m_in;
    std::string m_buffer;
    size_t m_start = 0;
    bool m_eof = false;
};

} // namespace inkmapper::cli
