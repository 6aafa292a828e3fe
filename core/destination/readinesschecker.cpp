#include "readinesschecker.h"

#include "json/object.h"
#include "json/valuepath.h"
#include "json/writer.h"

#include <QUrl>

#include <algorithm>

namespace inkmapper::destination {

namespace {

using Level = ReadinessFinding::Level;
using Field = ReadinessFinding::Field;

/** What a property must hold to be of use to Movable Ink. */
enum class Expect {
    Id,       ///< a product, order or category id: non-blank text or a number
    Url,      ///< an absolute http(s) address, since Movable Ink visits the page
    Number,   ///< a JSON number (text compares and adds up differently)
    Text,     ///< non-blank text
    Any,      ///< anything but null or blank text (the spec lets a search query be an object)
    Products, ///< a non-empty array of product objects, each with sku or product_id
};

/** One property an event's rule asks for: `keys` are alternatives ("sku" or "product_id"). */
struct PropertyRule
{
    QStringList keys;
    Expect expect;
    Level level;
    /** Why Movable Ink needs it; ends every message about it. %1 is the event's name. */
    QString why;
    /** For Products: whether each item needs a numeric price too (Order Completed). */
    bool pricedItems = false;
};

struct EventRule
{
    QString event;
    std::vector<PropertyRule> properties;
};

const QString Sku = QStringLiteral("sku");
const QString ProductId = QStringLiteral("product_id");

/**
 * The track events Movable Ink understands, with what each needs. Errors come from Segment's page for the
 * destination (Product Viewed, Product Added, Order Completed); hints from Movable Ink's predefined event
 * schemas (Product, Category, CartAdd, Search, Conversion, CartRemove, as RudderStack's Movable Ink
 * integration documents their fields) and Segment's e-commerce spec v2 for the rest.
 */
const std::vector<EventRule> &eventRules()
{
    static const std::vector<EventRule> rules = [] {
        const PropertyRule productId{{Sku, ProductId}, Expect::Id, Level::Error,
                                     QStringLiteral("without a product id Movable Ink cannot join the %1 event to the "
                                                    "visitor's profile")};
        const PropertyRule productUrl{{QStringLiteral("url")}, Expect::Url, Level::Error,
                                      QStringLiteral("without the product page's full address Movable Ink cannot join the "
                                                     "%1 event to the visitor's profile or read the product from its page")};
        const PropertyRule price{{QStringLiteral("price")}, Expect::Number, Level::Hint,
                                 QStringLiteral("Movable Ink's product schemas read the price as a number")};
        const auto hint = [](PropertyRule rule, const QString &why) {
            rule.level = Level::Hint;
            rule.why = why;
            return rule;
        };
        const PropertyRule listedProducts{{QStringLiteral("products")}, Expect::Products, Level::Hint,
                                          QStringLiteral("Movable Ink reads the products of a %1 event, each with sku or "
                                                         "product_id")};
        return std::vector<EventRule>{
            {QStringLiteral("Product Viewed"), {productId, productUrl, price}},
            {QStringLiteral("Product Added"), {productId, productUrl, price}},
            {QStringLiteral("Order Completed"),
             {{{QStringLiteral("total")}, Expect::Number, Level::Error,
               QStringLiteral("without a numeric total Movable Ink cannot record the order as a conversion")},
              {{QStringLiteral("products")}, Expect::Products, Level::Error,
               QStringLiteral("without the products bought, each with sku or product_id and a numeric price, Movable Ink "
                              "cannot record the conversion"),
               true}}},
            {QStringLiteral("Products Searched"),
             {{{QStringLiteral("query")}, Expect::Any, Level::Hint,
               QStringLiteral("Movable Ink's Search schema requires what the visitor searched for")},
              {{QStringLiteral("url")}, Expect::Url, Level::Hint,
               QStringLiteral("Movable Ink's Search schema reads the results page's address from it")}}},
            {QStringLiteral("Product List Viewed"),
             {{{QStringLiteral("list_id"), QStringLiteral("category")}, Expect::Text, Level::Hint,
               QStringLiteral("Movable Ink matches a product's category to the list_id of %1 events")},
              listedProducts}},
            {QStringLiteral("Category Viewed"),
             {{{QStringLiteral("category_id")}, Expect::Id, Level::Hint,
               QStringLiteral("Movable Ink's Category schema requires the category's id")},
              {{QStringLiteral("url")}, Expect::Url, Level::Hint,
               QStringLiteral("Movable Ink's Category schema reads the category page's address from it")}}},
            {QStringLiteral("Product Clicked"),
             {hint(productId, QStringLiteral("Movable Ink knows the product of a %1 event by its sku or product_id")),
              hint(productUrl, QStringLiteral("Movable Ink reads the product from its page's full address"))}},
            {QStringLiteral("Product Removed"),
             {hint(productId, QStringLiteral("Movable Ink's CartRemove schema requires the product's id")),
              hint(productUrl, QStringLiteral("Movable Ink's CartRemove schema reads the product page's address from it")),
              hint(price, QStringLiteral("Movable Ink's CartRemove schema reads the price as a number"))}},
            {QStringLiteral("Cart Viewed"), {listedProducts}},
            {QStringLiteral("Checkout Started"),
             {{{QStringLiteral("order_id")}, Expect::Id, Level::Hint,
               QStringLiteral("the e-commerce spec names the order by it, and the Order Completed that follows repeats it")},
              listedProducts}},
        };
    }();
    return rules;
}

/** A value as a reader recognises it: "the text \"19.99\"", "the number 3", "an object", … */
QString describe(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::String: {
        QString text = v.toString();
        if (text.size() > 40)
            text = text.left(37) + QStringLiteral("…");
        return QStringLiteral("the text \"%1\"").arg(text);
    }
    case json::Value::Type::Number:
        return QStringLiteral("the number %1").arg(json::toJsonString(v));
    case json::Value::Type::Array:
        return QStringLiteral("a list");
    case json::Value::Type::Object:
        return QStringLiteral("an object");
    default:
        return json::toJsonString(v).isNull() ? QStringLiteral("undefined") : json::toJsonString(v);
    }
}

QString expectation(Expect expect)
{
    switch (expect) {
    case Expect::Id:
        return QStringLiteral("an id (text or a number)");
    case Expect::Url:
        return QStringLiteral("a full web address (https://…)");
    case Expect::Number:
        return QStringLiteral("a number");
    case Expect::Text:
        return QStringLiteral("text");
    case Expect::Any:
        return QStringLiteral("a value");
    case Expect::Products:
        return QStringLiteral("a list of products");
    }
    return {};
}

bool isAbsent(const json::Value *v)
{
    return !v || v->isNullish() || (v->isString() && v->toString().trimmed().isEmpty());
}

bool isId(const json::Value &v)
{
    return (v.isString() && !v.toString().trimmed().isEmpty()) || v.isNumber();
}

/** The index of the first character of `text` outside ASCII, or -1. */
qsizetype firstNonAscii(QStringView text)
{
    const auto it = std::find_if(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x80; });
    return it == text.end() ? -1 : qsizetype(it - text.begin());
}

bool isWebUrl(const json::Value &v)
{
    if (!v.isString())
        return false;
    const QUrl url(v.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

/** "sku or product_id", "total and products": how a message names rules' keys. */
QString keyList(const std::vector<const PropertyRule *> &rules)
{
    QStringList parts;
    for (const PropertyRule *rule : rules)
        parts.append(rule->keys.join(QStringLiteral(" or ")));
    if (parts.size() < 2)
        return parts.join(QString());
    return parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + parts.last();
}

class Checker
{
public:
    Checker(const json::Value &event, std::vector<ReadinessFinding> &findings, qsizetype dataBytes = -1)
        : m_event(event), m_findings(findings), m_dataBytes(dataBytes)
    {
    }

    void checkData(const json::Value &data)
    {
        if (data.isUndefined()) {
            add(Level::Error, QString(),
                QStringLiteral("the mapping sends no data, so Movable Ink receives a request without an event in it"));
            return;
        }
        if (!data.isObject()) {
            add(Level::Error, QString(), QStringLiteral("is %1, not an object; Movable Ink reads events as JSON objects")
                                             .arg(describe(data)));
            return;
        }
        const json::Object &d = data.toObject();
        // The type and name come from what is sent; a mapping that leaves them out still sends this event.
        const QString type = textOf(d, u"type");
        const QString name = textOf(d, u"event");
        const QStringList covered = checkIdentity(d, type);
        checkKeptFields(d, covered);
        if (type == u"track") {
            const auto rule = std::find_if(eventRules().begin(), eventRules().end(),
                                           [&](const EventRule &r) { return r.event == name; });
            if (rule != eventRules().end())
                checkProperties(d, *rule);
        }
        checkSize(data);
    }

    void checkHeaders(const json::Value &headers)
    {
        if (!headers.isObject())
            return; // Segment's payload validation reports a headers field that is not an object
        for (const auto &[name, value] : headers.toObject()) {
            if (const qsizetype i = firstNonAscii(name); i >= 0) {
                add(Level::Error, name,
                    QStringLiteral("the header's name has \"%1\", which is not ASCII; Segment's runtime refuses such "
                                   "a name, so nothing is sent")
                        .arg(name.mid(i, 1)),
                    Field::Headers);
            }
            const QString lower = name.toLower();
            if (lower == u"authorization") {
                add(Level::Warning, name,
                    QStringLiteral("Segment sets Authorization from the destination's Username and Access Secret: a "
                                   "mapped one is replaced, or, when those are empty, sent instead of them; leave it "
                                   "out of headers"),
                    Field::Headers);
            } else if (lower == u"content-type") {
                add(Level::Warning, name,
                    QStringLiteral("Segment sends the data as JSON with its own Content-Type, which replaces a mapped "
                                   "one (only a request without data keeps it); leave it out of headers"),
                    Field::Headers);
            }
            if (!value.isString())
                continue;
            const qsizetype i = firstNonAscii(value.toString());
            if (i < 0)
                continue;
            const QChar c = value.toString().at(i);
            const QString shown = c.isSurrogate() ? value.toString().mid(i, 2) : QString(c);
            if (c.unicode() > 0xFF) {
                add(Level::Error, name,
                    QStringLiteral("has \"%1\", a character Segment's runtime cannot put in a header: it fails and "
                                   "nothing is sent (Movable Ink accepts ASCII only)")
                        .arg(shown),
                    Field::Headers);
            } else {
                add(Level::Error, name,
                    QStringLiteral("has \"%1\", which is not ASCII: Segment sends it as a single latin-1 byte, but "
                                   "Movable Ink accepts ASCII only (so says the destination's Headers field)")
                        .arg(shown),
                    Field::Headers);
            }
        }
    }

private:
    void add(Level level, const QString &path, const QString &message, Field field = Field::Data)
    {
        m_findings.push_back(ReadinessFinding{level, field, path, message});
    }

    /** A text field of the data, or else of the event. */
    QString textOf(const json::Object &data, QStringView key) const
    {
        const json::Value *v = data.find(key);
        if (v && v->isString())
            return v->toString();
        const json::Value fromEvent = m_event.isObject() ? m_event.toObject().value(key) : json::Value();
        return fromEvent.isString() ? fromEvent.toString() : QString();
    }

    /** The event's value at a dotted path, or undefined. */
    json::Value eventValue(QStringView path) const
    {
        json::Value v = m_event;
        for (const QStringView key : path.split(u'.')) {
            if (!v.isObject())
                return {};
            v = v.toObject().value(key);
        }
        return v;
    }

    /** "; the event has userId, but the mapping's data leaves it out" for the paths `data` lacks. */
    QString droppedNote(const json::Object &data, const QStringList &paths) const
    {
        QStringList dropped;
        for (const QString &path : paths) {
            const json::Value inEvent = eventValue(path);
            if (inEvent.isNullish())
                continue;
            // Walked by pointer: copying `data` into a Value would copy every member of a large event.
            const json::Object *object = &data;
            const json::Value *inData = nullptr;
            for (const QStringView key : QStringView(path).split(u'.')) {
                inData = object ? object->find(key) : nullptr;
                object = inData && inData->isObject() ? &inData->toObject() : nullptr;
            }
            if (!inData || inData->isNullish())
                dropped.append(path);
        }
        if (dropped.isEmpty())
            return {};
        return QStringLiteral("; the event has %1, but the mapping's data leaves %2 out")
            .arg(dropped.join(QStringLiteral(" and ")), dropped.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    }

    /** Who the data is about. Returns the kept fields already reported, so they are not reported twice. */
    QStringList checkIdentity(const json::Object &data, const QString &type)
    {
        const bool hasUserId = isId(data.value(u"userId"));
        const bool hasAnonymousId = isId(data.value(u"anonymousId"));
        const QStringList ids{QStringLiteral("userId"), QStringLiteral("anonymousId")};
        if (type == u"track" || type == u"page" || type == u"screen" || type == u"group") {
            if (hasUserId || hasAnonymousId)
                return {};
            // A track is what Movable Ink's profiles are made of; the other calls matter less to it.
            add(type == u"track" ? Level::Error : Level::Warning, QString(),
                QStringLiteral("has neither userId nor anonymousId, so Movable Ink cannot attribute this %1 call to "
                               "anyone%2")
                    .arg(type, droppedNote(data, ids)));
            return ids;
        }
        if (type == u"identify") {
            const json::Value traits = data.value(u"traits");
            const bool hasEmail = traits.isObject() && isId(traits.toObject().value(u"email"));
            if (hasUserId || hasEmail)
                return {};
            const QStringList known{QStringLiteral("userId"), QStringLiteral("traits.email")};
            if (hasAnonymousId) {
                add(Level::Warning, QString(),
                    QStringLiteral("has neither userId nor traits.email, so Movable Ink cannot join the visitor's events "
                                   "to a known user; it only updates the anonymous profile%1")
                        .arg(droppedNote(data, known)));
                return {QStringLiteral("userId")};
            }
            add(Level::Error, QString(),
                QStringLiteral("has no userId, traits.email or anonymousId, so Movable Ink cannot tell whose identify "
                               "this is%1")
                    .arg(droppedNote(data, known + QStringList{QStringLiteral("anonymousId")})));
            return ids;
        }
        return {};
    }

    void checkKeptFields(const json::Object &data, const QStringList &covered)
    {
        if (!m_event.isObject())
            return;
        static const QString why[] = {
            QStringLiteral("Movable Ink attributes the event to the known user by it"),
            QStringLiteral("Movable Ink attributes the event to the visitor by it until an identify names them"),
            QStringLiteral("Movable Ink tells identify calls from track calls by it"),
            QStringLiteral("Movable Ink's event mappings pick track events by their name"),
            QStringLiteral("Movable Ink's event schemas require a timestamp"),
            QStringLiteral("Segment repeats it when it retries, so without it a retried request looks like a new event"),
        };
        const QStringList &kept = ReadinessChecker::keptFields();
        for (qsizetype i = 0; i < kept.size(); ++i) {
            const QString &key = kept[i];
            if (covered.contains(key) || m_event.toObject().value(key).isNullish() || !data.value(key).isNullish())
                continue;
            add(Level::Warning, key,
                QStringLiteral("missing, though the event has it: the mapping's data leaves it out; %1").arg(why[i]));
        }
    }

    /** "…; data has \"total\" at its top level, but Movable Ink reads properties.total" when it does. */
    static QString topLevelNote(const json::Object &data, const QStringList &keys)
    {
        QStringList found;
        for (const QString &key : keys) {
            if (!isAbsent(data.find(key)))
                found.append(key);
        }
        if (found.isEmpty())
            return {};
        QStringList paths;
        for (const QString &key : found)
            paths.append(QStringLiteral("properties.") + key);
        return QStringLiteral(" (data has %1 at its top level, but Movable Ink reads %2)")
            .arg(found.join(QStringLiteral(", ")), paths.join(QStringLiteral(", ")));
    }

    void checkProperties(const json::Object &data, const EventRule &rule)
    {
        const QString path = QStringLiteral("properties");
        const json::Value *properties = data.find(path);
        if (!properties || properties->isNullish() || !properties->isObject()) {
            // One finding for the whole object instead of one per property it would hold.
            Level level = Level::Hint;
            for (const PropertyRule &p : rule.properties)
                level = std::min(level, p.level);
            std::vector<const PropertyRule *> needed;
            QStringList keys;
            for (const PropertyRule &p : rule.properties) {
                if (p.level == level)
                    needed.push_back(&p);
                keys.append(p.keys);
            }
            const QString what = QStringLiteral("Movable Ink reads the %1 of %2 events from properties")
                                     .arg(keyList(needed), rule.event);
            if (properties && !properties->isNullish()) {
                add(level, path, QStringLiteral("is %1, not an object; %2").arg(describe(*properties), what));
            } else {
                const bool dropped = !eventValue(path).isNullish();
                add(level, path,
                    QStringLiteral("missing; %1%2%3")
                        .arg(what,
                             dropped ? QStringLiteral("; the event has properties, but the mapping's data leaves them out")
                                     : QString(),
                             topLevelNote(data, keys)));
            }
            return;
        }
        const json::Object &props = properties->toObject();
        for (const PropertyRule &p : rule.properties)
            checkProperty(data, props, path, rule.event, p);
    }

    void checkProperty(const json::Object &data, const json::Object &props, const QString &path, const QString &event,
                       const PropertyRule &rule)
    {
        const QString why = rule.why.contains(QStringLiteral("%1")) ? rule.why.arg(event) : rule.why;
        // The first alternative that is present decides; "sku": "" next to a good product_id is fine.
        const json::Value *value = nullptr;
        QString key = rule.keys.front();
        for (const QString &k : rule.keys) {
            const json::Value *v = props.find(k);
            if (!isAbsent(v) && (!value || matches(*v, rule))) {
                value = v;
                key = k;
            }
        }
        if (!value) {
            const QString missing = rule.keys.size() == 1
                ? QStringLiteral("missing")
                : QStringLiteral("has neither %1").arg(rule.keys.join(QStringLiteral(" nor ")));
            add(rule.level, rule.keys.size() == 1 ? json::memberPath(path, key) : path,
                QStringLiteral("%1; %2%3").arg(missing, why, topLevelNote(data, rule.keys)));
            return;
        }
        if (rule.expect == Expect::Products) {
            checkProducts(*value, json::memberPath(path, key), rule, why);
            return;
        }
        if (!matches(*value, rule)) {
            QString is = describe(*value);
            if (rule.expect == Expect::Url && value->isString() && QUrl(value->toString()).isRelative())
                is += QStringLiteral(", a relative address");
            add(rule.level, json::memberPath(path, key), QStringLiteral("is %1, not %2; %3").arg(is, expectation(rule.expect), why));
        }
    }

    static bool matches(const json::Value &v, const PropertyRule &rule)
    {
        switch (rule.expect) {
        case Expect::Id:
            return isId(v);
        case Expect::Url:
            return isWebUrl(v);
        case Expect::Number:
            return v.isNumber();
        case Expect::Text:
            return v.isString() && !v.toString().trimmed().isEmpty();
        case Expect::Any:
            return !isAbsent(&v);
        case Expect::Products:
            return v.isArray() && !v.toArray().empty();
        }
        return false;
    }

    void checkProducts(const json::Value &products, const QString &path, const PropertyRule &rule, const QString &why)
    {
        if (!products.isArray()) {
            add(rule.level, path, QStringLiteral("is %1, not a list of products; %2").arg(describe(products), why));
            return;
        }
        const json::Array &items = products.toArray();
        if (items.empty()) {
            add(rule.level, path, QStringLiteral("is an empty list; %1").arg(why));
            return;
        }
        for (size_t i = 0; i < items.size(); ++i) {
            const QString itemPath = json::elementPath(path, qsizetype(i));
            if (!items[i].isObject()) {
                add(rule.level, itemPath, QStringLiteral("is %1, not a product object; %2").arg(describe(items[i]), why));
                continue;
            }
            const json::Object &item = items[i].toObject();
            if (!isId(item.value(Sku)) && !isId(item.value(ProductId)))
                add(rule.level, itemPath, QStringLiteral("has neither sku nor product_id; %1").arg(why));
            if (!rule.pricedItems)
                continue;
            const json::Value *price = item.find(u"price");
            if (isAbsent(price))
                add(rule.level, json::memberPath(itemPath, QStringLiteral("price")), QStringLiteral("missing; %1").arg(why));
            else if (!price->isNumber())
                add(rule.level, json::memberPath(itemPath, QStringLiteral("price")),
                    QStringLiteral("is %1, not a number; %2").arg(describe(*price), why));
        }
    }

    void checkSize(const json::Value &data)
    {
        // The request body is this JSON: a caller holding it says its size, and a 1 MB event is not written again.
        qsizetype size = m_dataBytes;
        if (size < 0) {
            const std::optional<QByteArray> body = json::stringify(data);
            size = body ? body->size() : 0;
        }
        if (size <= ReadinessChecker::MaxDataBytes)
            return;
        add(Level::Warning, QString(),
            QStringLiteral("is %1 KB of JSON, more than the 32 KB Segment accepts for a whole event: the mapping "
                           "multiplies the event, and Movable Ink's event mappings read only the fields they name")
                .arg(double(size) / 1024.0, 0, 'f', 1));
    }

    const json::Value &m_event;
    std::vector<ReadinessFinding> &m_findings;
    qsizetype m_dataBytes;
};

} // namespace

std::vector<ReadinessFinding> ReadinessChecker::check(const json::Value &payload, const json::Value &event, qsizetype dataBytes)
{
    const json::Object empty;
    const json::Object &fields = payload.isObject() ? payload.toObject() : empty;
    std::vector<ReadinessFinding> findings;
    Checker checker(event, findings, dataBytes);
    checker.checkData(fields.value(u"data"));
    checker.checkHeaders(fields.value(u"headers"));
    return findings;
}

std::vector<ReadinessFinding> ReadinessChecker::checkData(const json::Value &data, const json::Value &event)
{
    std::vector<ReadinessFinding> findings;
    Checker(event, findings).checkData(data);
    return findings;
}

std::vector<ReadinessFinding> ReadinessChecker::checkHeaders(const json::Value &headers)
{
    std::vector<ReadinessFinding> findings;
    const json::Value none;
    Checker(none, findings).checkHeaders(headers);
    return findings;
}

bool ReadinessChecker::hasErrors(const std::vector<ReadinessFinding> &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const ReadinessFinding &f) { return f.level == Level::Error; });
}

QStringList ReadinessChecker::eventsWithRules()
{
    QStringList names;
    for (const EventRule &rule : eventRules())
        names.append(rule.event);
    return names;
}

const QStringList &ReadinessChecker::keptFields()
{
    static const QStringList fields{QStringLiteral("userId"), QStringLiteral("anonymousId"), QStringLiteral("type"),
                                    QStringLiteral("event"), QStringLiteral("timestamp"), QStringLiteral("messageId")};
    return fields;
}

} // namespace inkmapper::destination
