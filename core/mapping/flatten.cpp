#include "flatten.h"

#include "limits.h"

#include "json/object.h"

namespace inkmapper::mapping {

namespace {

class Flattener
{
public:
    Flattener(const QString &separator, bool omitArrays) : m_separator(separator), m_omitArrays(omitArrays) {}

    /**
     * `{...acc, ...flattenObject(child, key)}` for every entry, done as a sequence of [[Set]]s on one
     * object: spreading keeps the position of a key already present and appends new ones in the
     * order they were first produced, which is exactly what setting them one by one does.
     */
    void flatten(const json::Value &input, int depth)
    {
        if (depth > kMaxValueDepth) {
            m_tooDeep = true;
            return;
        }
        if (input.isObject()) {
            for (const auto &[key, member] : input.toObject())
                flattenChild(member, key, depth);
        } else if (input.isArray() && !m_omitArrays) {
            const json::Array &array = input.toArray();
            for (size_t i = 0; i < array.size(); ++i)
                flattenChild(array[i], QString::number(i), depth);
        } else {
            m_result.set(m_key, input);
        }
    }

    json::Object m_result;
    bool m_tooDeep = false;

private:
    void flattenChild(const json::Value &member, const QString &key, int depth)
    {
        // `prefix ? `${prefix}${separator}${key}` : key`, built in one buffer that grows and shrinks
        // with the depth rather than as a new string per key.
        const qsizetype prefixLength = m_key.size();
        if (prefixLength > 0)
            m_key += m_separator;
        m_key += key;
        flatten(member, depth + 1);
        m_key.truncate(prefixLength);
    }

    QString m_key; ///< the key of the value being flattened: its ancestors' keys joined by the separator
    const QString &m_separator;
    const bool m_omitArrays;
};

} // namespace

Result<json::Value> flattenObject(const json::Value &value, const QString &separator, bool omitArrays)
{
    Flattener flattener(separator, omitArrays);
    flattener.flatten(value, 0);
    if (flattener.m_tooDeep)
        return Error{QStringLiteral("value is nested deeper than %1 levels").arg(kMaxValueDepth), {}};
    return json::Value(std::move(flattener.m_result));
}

} // namespace inkmapper::mapping
