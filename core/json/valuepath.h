#pragma once

#include <QString>

namespace inkmapper::json {

/**
 * Paths into a JSON value as messages name them: "properties.products[2].price". One spelling for every
 * checker and reader that says where a value is (error locations, findings).
 */

/** `path` followed by member `key` ("properties" + "sku" → "properties.sku"; just `key` at the top). */
inline QString memberPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

/** `path` followed by element `index` ("products" + 2 → "products[2]"). */
inline QString elementPath(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

} // namespace inkmapper::json
