#include "pathlookup.h"

#include "directives.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <algorithm>

namespace inkmapper::mapping {

namespace {

bool isQuoteOrDigit(QChar c)
{
    return c == u'"' || c == u'\'' || (c >= u'0' && c <= u'9');
}

/**
 * Calls `part` for every non-empty piece of `path.split(/\[(?="|'|\d)|\.|(?<="|'|\d)]+/g)`.
 * Every alternative consumes at least one character, so the split never sees an empty match.
 */
template<typename Part>
void forEachPathPiece(QStringView path, Part &&part)
{
    const qsizetype n = path.size();
    qsizetype pieceStart = 0;
    qsizetype q = 0;
    while (q < n) {
        const QChar c = path[q];
        qsizetype matchLength = 0;
        if (c == u'[' && q + 1 < n && isQuoteOrDigit(path[q + 1])) {
            matchLength = 1;
        } else if (c == u'.') {
            matchLength = 1;
        } else if (c == u']' && q > 0 && isQuoteOrDigit(path[q - 1])) {
            // The lookbehind tests the character before the first `]`; `]+` then takes the whole run.
            matchLength = 1;
            while (q + matchLength < n && path[q + matchLength] == u']')
                ++matchLength;
        }
        if (matchLength == 0) {
            ++q;
            continue;
        }
        if (q > pieceStart)
            part(path.sliced(pieceStart, q - pieceStart));
        q += matchLength;
        pieceStart = q;
    }
    if (n > pieceStart)
        part(path.sliced(pieceStart));
}

bool hasQuote(QStringView piece)
{
    for (QChar c : piece) {
        if (c == u'"' || c == u'\'')
            return true;
    }
    return false;
}

QString withoutQuotes(QStringView piece)
{
    QString key;
    key.reserve(piece.size());
    for (QChar c : piece) {
        if (c != u'"' && c != u'\'')
            key += c;
    }
    return key;
}

/** An own property of an object, compared inline: lookups run for every path step of every event. */
const json::Value *findOwn(const json::Object &object, QStringView key)
{
    // Large objects have a hash in json::Object; small ones are scanned here without a call per key.
    if (object.size() >= 16)
        return object.find(key);
    const qsizetype n = key.size();
    for (const auto &[name, value] : object) {
        if (name.size() == n && std::equal(name.constData(), name.constData() + n, key.data()))
            return &value;
    }
    return nullptr;
}

/**
 * Whether `key` can name a member of Object.prototype (constructor, __proto__, hasOwnProperty,
 * isPrototypeOf, propertyIsEnumerable, toString, toLocaleString, valueOf, __defineGetter__ and its
 * three siblings): all are at least 7 long and start with one of these letters. Anything else missing
 * from a plain object is simply undefined, with no need for the general lookup.
 */
bool mayBeObjectPrototypeMember(QStringView key)
{
    if (key.size() < 7)
        return false;
    switch (key.front().unicode()) {
    case u'_':
    case u'c':
    case u'h':
    case u'i':
    case u'p':
    case u't':
    case u'v':
        return true;
    default:
        return false;
    }
}

/**
 * One step of get()'s `prevObj && prevObj[key]`: a falsy value stays the result; own properties are
 * followed by pointer, anything else becomes a new value in `holder`. `keyString` is `key` as a
 * QString when the caller has one.
 */
void step(const json::Value *&current, json::Value &holder, QStringView key, const QString *keyString)
{
    if (!current->isTruthy())
        return;
    if (current->isObject()) {
        if (const json::Value *own = findOwn(current->toObject(), key)) {
            current = own;
            return;
        }
        if (!mayBeObjectPrototypeMember(key)) {
            holder = json::Value();
            current = &holder;
            return;
        }
    }
    // Computed before `holder` is replaced: `current` may point into it.
    json::Value next = json::getProperty(*current, keyString ? *keyString : key.toString());
    holder = std::move(next);
    current = &holder;
}

} // namespace

QStringList splitPath(QStringView path)
{
    QStringList keys;
    forEachPathPiece(path, [&keys](QStringView piece) { keys.append(withoutQuotes(piece)); });
    return keys;
}

json::Value getPath(const json::Value &root, QStringView path)
{
    // Walk by pointer while the steps are own properties; only other lookups produce new values.
    // ("" and "." split into no keys at all, which is get()'s early return of the whole value.)
    const json::Value *current = &root;
    json::Value holder;
    forEachPathPiece(path, [&current, &holder](QStringView piece) {
        if (hasQuote(piece)) {
            const QString key = withoutQuotes(piece);
            step(current, holder, key, &key);
        } else {
            step(current, holder, piece, nullptr);
        }
    });
    return *current;
}

json::Value getPathKeys(const json::Value &root, const QStringList &keys)
{
    const json::Value *current = &root;
    json::Value holder;
    for (const QString &key : keys)
        step(current, holder, key, &key);
    return *current;
}

QString removeRootPrefix(const QString &path)
{
    const qsizetype at = path.indexOf(u"$.");
    if (at < 0)
        return path;
    QString stripped = path;
    stripped.remove(at, 2);
    return stripped;
}

json::Value getPathAfterRootPrefix(const json::Value &root, const QString &path)
{
    // The usual "$.x" only needs a view past the prefix; a "$." further in needs a new string.
    qsizetype at = -1;
    const QChar *text = path.constData();
    for (qsizetype i = 0; i + 1 < path.size(); ++i) {
        if (text[i] == u'$' && text[i + 1] == u'.') {
            at = i;
            break;
        }
    }
    if (at == 0)
        return getPath(root, QStringView(path).sliced(2));
    if (at < 0)
        return getPath(root, path);
    return getPath(root, removeRootPrefix(path));
}

} // namespace inkmapper::mapping
