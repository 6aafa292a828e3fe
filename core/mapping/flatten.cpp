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
    void flatten(const json::Value &input, const QString &prefix, int depth)
    {
        if (depth > kMaxValueDepth) {
            m_tooDeep = true;
            return;
        }
        if (input.isObject()) {
            for (const auto &[key, member] : input.toObject())
                flatten(member, childKey(prefix, key), depth + 1);
        } else if (input.isArray() && !m_omitArrays) {
            const json::Array &array = input.toArray();
            for (size_t i = 0; i < array.size(); ++i)
                flatten(array[i], childKey(prefix, QString::number(i)), depth + 1);
        } else {
            m_result.set(prefix, input);
        }
    }

    json::Object m_result;
    bool m_tooDeep = false;

private:
    QString childKey(const QString &prefix, const QString &key) const
    {
        // `prefix ? `${prefix}${separator}${key}` : key`
        return prefix.isEmpty() ? key : prefix + m_separator + key;
    }

    const QString &m_separator;
    const bool m_omitArrays;
};

} // namespace

Result<json::Value> flattenObject(const json::Value &value, const QString &separator, bool omitArrays)
{
    Flattener flattener(separator, omitArrays);
    flattener.flatten(value, QString(), 0);
    if (flattener.m_tooDeep)
        return Error{QStringLiteral("value is nested deeper than %1 levels").arg(kMaxValueDepth), {}};
    return json::Value(std::move(flattener.m_result));
}

} // namespace inkmapper::mapping
