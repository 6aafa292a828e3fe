#include "linereader.h"

#include <cstring>

namespace inkmapper::cli {

bool LineReader::fill()
{
    if (m_eof)
        return false;
    // Drop consumed bytes before growing, so the buffer holds at most one partial line plus a chunk.
    if (m_start > 0) {
        m_buffer.erase(0, m_start);
        m_start = 0;
    }
    constexpr size_t Chunk = 1 << 16;
    const size_t old = m_buffer.size();
    m_buffer.resize(old + Chunk);
    const size_t n = std::fread(m_buffer.data() + old, 1, Chunk, m_in);
    m_buffer.resize(old + n);
    if (n == 0)
        m_eof = true;
    return n > 0;
}

bool LineReader::next(std::string_view &line)
{
    size_t searchFrom = m_start;
    while (true) {
        const char *base = m_buffer.data();
        const void *nl = std::memchr(base + searchFrom, '\n', m_buffer.size() - searchFrom);
        if (nl) {
            const size_t end = size_t(static_cast<const char *>(nl) - base);
            size_t len = end - m_start;
            if (len > 0 && base[m_start + len - 1] == '\r')
                --len;
            line = std::string_view(base + m_start, len);
            m_start = end + 1;
            return true;
        }
        const size_t consumed = m_start;
        searchFrom = m_buffer.size() - consumed;
        if (!fill()) {
            if (m_start < m_buffer.size()) {
                line = std::string_view(m_buffer.data() + m_start, m_buffer.size() - m_start);
                m_start = m_buffer.size();
                return true;
            }
            return false;
        }
    }
}

} // namespace inkmapper::cli
