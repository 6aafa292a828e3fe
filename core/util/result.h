#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace inkmapper {

/** Where an error arose: a file line/column, an FQL column or a mapping key path. Empty parts are unknown. */
struct Location
{
    int line = 0;   ///< 1-based line, 0 when unknown
    int column = 0; ///< 1-based column in UTF-16 code units, 0 when unknown
    QString path;   ///< mapping key path such as "data.properties.sku"

    bool isEmpty() const { return line == 0 && column == 0 && path.isEmpty(); }
};

/** An error as a value: a plain-language message and, when known, where it happened. */
struct Error
{
    QString message;
    Location location;

    /** The message prefixed with its location, e.g. "line 3, column 7: ...". */
    QString describe() const
    {
        if (location.line > 0)
            return QStringLiteral("line %1, column %2: %3").arg(location.line).arg(location.column).arg(message);
        if (location.column > 0)
            return QStringLiteral("column %1: %2").arg(location.column).arg(message);
        if (!location.path.isEmpty())
            return QStringLiteral("%1: %2").arg(location.path, message);
        return message;
    }
};

/** An expected-like result: either a value or an Error. The core never throws across its API. */
template<typename T>
class Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/** The result of an operation that produces nothing but may fail. */
struct Ok
{
};

} // namespace inkmapper
