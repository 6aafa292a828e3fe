#include "specchecker.h"

#include "json/object.h"
#include "json/valuepath.h"
#include "json/writer.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace inkmapper::events {

namespace {

using Level = SpecFinding::Level;

/** The value as a user would recognise it: scalars as JSON (shortened), containers by kind. */
QString describe(const json::Value &v)
{
    if (v.isArray())
        return QStringLiteral("an array");
    if (v.isObject())
        return QStringLiteral("an object");
    QString text = json::toJsonString(v);
    if (text.size() > 40)
        text = text.left(37) + QStringLiteral("…");
    return text;
}

/** Lower case letters and digits only, to recognise "order_completed" or "order completed" as "Order Completed". */
QString normalizedName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

/** Fields of Segment's common structure and of the six calls; anything else at the top level is custom. */
const QSet<QString> &knownTopLevelFields()
{
    static const QSet<QString> fields = {
        QStringLiteral("anonymousId"), QStringLiteral("userId"), QStringLiteral("previousId"), QStringLiteral("groupId"),
        QStringLiteral("type"), QStringLiteral("event"), QStringLiteral("name"), QStringLiteral("category"),
        QStringLiteral("properties"), QStringLiteral("traits"), QStringLiteral("context"), QStringLiteral("integrations"),
        QStringLiteral("messageId"), QStringLiteral("timestamp"), QStringLiteral("sentAt"), QStringLiteral("receivedAt"),
        QStringLiteral("originalTimestamp"), QStringLiteral("version"), QStringLiteral("channel"),
        QStringLiteral("projectId"), QStringLiteral("writeKey"), QStringLiteral("_metadata"),
    };
    return fields;
}

/** Collects the findings for one event. */
class Checker
{
public:
    explicit Checker(const json::Object &event) : m_event(event) {}

    std::vector<SpecFinding> run()
    {
        const QString type = checkType();
        checkIdentity(type);
        checkCallFields(type);
        checkCommonFields();
        checkCustomFields();
        if (type == u"track")
            checkEcommerce();
        return std::move(m_findings);
    }

private:
    void add(Level level, const QString &path, const QString &message) { m_findings.push_back(SpecFinding{level, path, message}); }

    const json::Value *present(const QString &key) const
    {
        const json::Value *v = m_event.find(key);
        return v && !v->isUndefined() ? v : nullptr;
    }

    QString checkType()
    {
        const json::Value *type = present(QStringLiteral("type"));
        if (!type) {
            add(Level::Error, QStringLiteral("type"),
                QStringLiteral("missing; Segment needs the kind of call: identify, track, page, screen, group or alias"));
            return {};
        }
        if (!type->isString()) {
            add(Level::Error, QStringLiteral("type"),
                QStringLiteral("must be a string (identify, track, page, screen, group or alias), found %1").arg(describe(*type)));
            return {};
        }
        const QString &name = type->toString();
        if (SpecChecker::eventTypes().contains(name))
            return name;
        if (SpecChecker::eventTypes().contains(name.trimmed().toLower())) {
            add(Level::Error, QStringLiteral("type"),
                QStringLiteral("\"%1\" is not a type; Segment's types are lower case: \"%2\"").arg(name, name.trimmed().toLower()));
        } else {
            add(Level::Error, QStringLiteral("type"),
                QStringLiteral("\"%1\" is not one of Segment's types (identify, track, page, screen, group, alias)").arg(name));
        }
        return {};
    }

    /** Whether an id field holds a usable id; reports ids of the wrong type. */
    bool checkId(const QString &key)
    {
        const json::Value *v = present(key);
        if (!v || v->isNull())
            return false;
        if (v->isString()) {
            if (!v->toString().trimmed().isEmpty())
                return true;
            add(Level::Warning, key, QStringLiteral("is empty, which counts as no %1 at all").arg(key));
            return false;
        }
        if (v->isNumber()) {
            add(Level::Warning, key,
                QStringLiteral("is a number; Segment's spec expects a string, and triggers and destinations compare ids as text"));
            return true;
        }
        add(Level::Error, key, QStringLiteral("must be a string, found %1").arg(describe(*v)));
        return true; // reported already; a second "missing" finding would only repeat it
    }

    void checkIdentity(const QString &type)
    {
        const bool hasUserId = checkId(QStringLiteral("userId"));
        const bool hasAnonymousId = checkId(QStringLiteral("anonymousId"));
        if (type == u"alias") {
            if (!checkId(QStringLiteral("previousId")))
                add(Level::Error, QStringLiteral("previousId"), QStringLiteral("missing; an alias call needs the previous id of the user"));
            if (!hasUserId)
                add(Level::Error, QStringLiteral("userId"), QStringLiteral("missing; an alias call needs the new userId"));
            return;
        }
        if (!hasUserId && !hasAnonymousId) {
            add(Level::Error, QString(),
                QStringLiteral("has neither userId nor anonymousId; Segment needs at least one to know who did this"));
        }
    }

    void requireString(const QString &key, const QString &why)
    {
        const json::Value *v = present(key);
        if (!v || v->isNull())
            add(Level::Error, key, QStringLiteral("missing; %1").arg(why));
        else if (!v->isString())
            add(Level::Error, key, QStringLiteral("must be a string, found %1").arg(describe(*v)));
        else if (v->toString().trimmed().isEmpty())
            add(Level::Error, key, QStringLiteral("is empty; %1").arg(why));
    }

    void checkCallFields(const QString &type)
    {
        if (type == u"track") {
            requireString(QStringLiteral("event"), QStringLiteral("a track call needs the name of the action, e.g. \"Order Completed\""));
            if (const json::Value *event = present(QStringLiteral("event")); event && event->isString())
                checkEventName(event->toString());
            if (present(QStringLiteral("traits"))) {
                add(Level::Hint, QStringLiteral("traits"),
                    QStringLiteral("track calls carry the user's traits in context.traits; top-level traits belong to identify and group"));
            }
        } else if (type == u"identify") {
            if (present(QStringLiteral("properties"))) {
                add(Level::Hint, QStringLiteral("properties"),
                    QStringLiteral("identify calls describe the user in traits; properties belong to track, page and screen"));
            }
        } else if (type == u"group") {
            requireString(QStringLiteral("groupId"), QStringLiteral("a group call needs the id of the account or company"));
        } else if (type == u"screen") {
            if (!present(QStringLiteral("name")))
                add(Level::Hint, QStringLiteral("name"), QStringLiteral("screen calls usually name the screen, e.g. \"Product Detail\""));
        }
        if (type == u"page" || type == u"screen") {
            if (const json::Value *name = present(QStringLiteral("name")); name && !name->isString() && !name->isNull())
                add(Level::Warning, QStringLiteral("name"), QStringLiteral("should be a string, found %1").arg(describe(*name)));
        }
    }

    void checkEventName(const QString &name)
    {
        const QString normalized = normalizedName(name);
        for (const QString &specName : SpecChecker::ecommerceEvents()) {
            if (specName != name && normalizedName(specName) == normalized) {
                add(Level::Hint, QStringLiteral("event"),
                    QStringLiteral("Segment's e-commerce spec spells this event \"%1\"; triggers compare names exactly").arg(specName));
                return;
            }
        }
    }

    void checkObject(const QString &path, const json::Value *v, Level level)
    {
        if (!v)
            return;
        if (v->isNull())
            add(Level::Warning, path, QStringLiteral("is null; leave it out or make it an object"));
        else if (!v->isObject())
            add(level, path, QStringLiteral("must be an object, found %1").arg(describe(*v)));
    }

    void checkTimestamp(const QString &key)
    {
        const json::Value *v = present(key);
        if (!v || v->isNull())
            return;
        if (!v->isString()) {
            add(Level::Warning, key,
                QStringLiteral("is %1; Segment expects an ISO-8601 string such as \"2024-05-14T15:02:11.000Z\"").arg(describe(*v)));
            return;
        }
        // Date, optional time with optional fraction, optional zone: what Segment's libraries and its API read.
        static const QRegularExpression iso(QStringLiteral(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?$"));
        const QRegularExpressionMatch m = iso.match(v->toString());
        const bool dateValid = m.hasMatch() && QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
        const bool timeValid = !m.hasMatch() || m.captured(4).isEmpty()
            || (m.captured(4).toInt() < 24 && m.captured(5).toInt() < 60 && m.captured(6).toInt() <= 60);
        if (!dateValid || !timeValid) {
            add(Level::Warning, key,
                QStringLiteral("\"%1\" is not an ISO-8601 date and time (e.g. \"2024-05-14T15:02:11.000Z\"); Segment "
                               "replaces a timestamp it cannot read with the time it received the event")
                    .arg(v->toString()));
        } else if (!m.captured(4).isEmpty() && m.captured(7).isEmpty()) {
            add(Level::Hint, key, QStringLiteral("has no time zone; add \"Z\" for UTC so everyone reads the same moment"));
        }
    }

    void checkCommonFields()
    {
        checkObject(QStringLiteral("properties"), present(QStringLiteral("properties")), Level::Error);
        checkObject(QStringLiteral("traits"), present(QStringLiteral("traits")), Level::Error);
        checkObject(QStringLiteral("integrations"), present(QStringLiteral("integrations")), Level::Error);
        const json::Value *context = present(QStringLiteral("context"));
        checkObject(QStringLiteral("context"), context, Level::Error);
        if (context && context->isObject()) {
            const json::Object &c = context->toObject();
            for (const char16_t *key : {u"app", u"campaign", u"device", u"library", u"location", u"network", u"os", u"page",
                                        u"referrer", u"screen", u"traits"}) {
                const QString k = QString::fromUtf16(key);
                checkObject(json::memberPath(QStringLiteral("context"), k), c.find(k), Level::Warning);
            }
            for (const char16_t *key : {u"ip", u"locale", u"timezone", u"userAgent", u"groupId"}) {
                const QString k = QString::fromUtf16(key);
                const json::Value *v = c.find(k);
                if (v && !v->isString() && !v->isNull())
                    add(Level::Warning, json::memberPath(QStringLiteral("context"), k), QStringLiteral("should be a string, found %1").arg(describe(*v)));
            }
        }

        const json::Value *messageId = present(QStringLiteral("messageId"));
        if (!messageId || messageId->isNull()) {
            add(Level::Hint, QStringLiteral("messageId"),
                QStringLiteral("missing; Segment's libraries set one to deduplicate retries, and its API makes one up when it is absent"));
        } else if (!messageId->isString()) {
            add(Level::Warning, QStringLiteral("messageId"), QStringLiteral("should be a string, found %1").arg(describe(*messageId)));
        }

        if (!present(QStringLiteral("timestamp")) && !present(QStringLiteral("originalTimestamp"))) {
            add(Level::Hint, QStringLiteral("timestamp"),
                QStringLiteral("missing; Segment then uses the time it received the event"));
        }
        for (const char16_t *key : {u"timestamp", u"originalTimestamp", u"sentAt", u"receivedAt"})
            checkTimestamp(QString::fromUtf16(key));
    }

    void checkCustomFields()
    {
        for (const auto &[key, value] : m_event) {
            if (!knownTopLevelFields().contains(key)) {
                add(Level::Hint, key,
                    QStringLiteral("is not a Segment field; mappings reach it as $.%1, but Segment's libraries put custom "
                                   "data in properties or traits")
                        .arg(key));
            }
        }
    }

    /**
     * Numbers the e-commerce spec expects in `object`. `path` makes the object's path: it is asked only for a
     * finding, since an order carries thousands of products and their paths would cost more than the checks.
     */
    template<typename MakePath>
    void checkNumbers(const json::Object &object, const MakePath &path)
    {
        static const QString keys[] = {
            QStringLiteral("price"),    QStringLiteral("quantity"), QStringLiteral("total"),
            QStringLiteral("revenue"),  QStringLiteral("subtotal"), QStringLiteral("shipping"),
            QStringLiteral("tax"),      QStringLiteral("discount"), QStringLiteral("value"),
        };
        for (const QString &k : keys) {
            const json::Value *v = object.find(k);
            if (v && !v->isNumber() && !v->isNull()) {
                add(Level::Warning, json::memberPath(path(), k),
                    QStringLiteral("is %1; the e-commerce spec expects a number here, and a string compares and adds up "
                                   "differently in triggers and in Movable Ink")
                        .arg(describe(*v)));
            }
        }
    }

    void checkEcommerce()
    {
        const json::Value *event = present(QStringLiteral("event"));
        if (!event || !event->isString() || !SpecChecker::ecommerceEvents().contains(event->toString()))
            return;
        const json::Value *properties = present(QStringLiteral("properties"));
        if (!properties || !properties->isObject())
            return;
        const QString name = event->toString();
        const json::Object &props = properties->toObject();
        const QString path = QStringLiteral("properties");
        checkNumbers(props, [&] { return path; });

        const bool isProductEvent = name.startsWith(QStringLiteral("Product ")) && name != u"Product List Viewed"
            && name != u"Product List Filtered";
        if (isProductEvent && !props.contains(u"product_id") && !props.contains(u"sku"))
            add(Level::Hint, path, QStringLiteral("names no product; the e-commerce spec identifies it by product_id or sku"));
        if (name.startsWith(QStringLiteral("Order ")) && !props.contains(u"order_id"))
            add(Level::Hint, json::memberPath(path, QStringLiteral("order_id")), QStringLiteral("missing; the e-commerce spec identifies the order by order_id"));

        const json::Value *products = props.find(u"products");
        if (!products)
            return;
        const QString productsPath = json::memberPath(path, QStringLiteral("products"));
        if (!products->isArray()) {
            add(Level::Warning, productsPath, QStringLiteral("should be an array of products, found %1").arg(describe(*products)));
            return;
        }
        for (size_t i = 0; i < products->toArray().size(); ++i) {
            const json::Value &product = products->toArray()[i];
            const auto itemPath = [&] { return json::elementPath(productsPath, qsizetype(i)); };
            if (!product.isObject()) {
                add(Level::Warning, itemPath(), QStringLiteral("should be a product object, found %1").arg(describe(product)));
                continue;
            }
            checkNumbers(product.toObject(), itemPath);
            if (!product.toObject().contains(u"product_id") && !product.toObject().contains(u"sku"))
                add(Level::Hint, itemPath(), QStringLiteral("names no product; the e-commerce spec identifies it by product_id or sku"));
        }
    }

    const json::Object &m_event;
    std::vector<SpecFinding> m_findings;
};

} // namespace

std::vector<SpecFinding> SpecChecker::check(const json::Value &event)
{
    if (!event.isObject()) {
        return {SpecFinding{Level::Error, QString(),
                            QStringLiteral("a Segment event is a JSON object, this is %1").arg(describe(event))}};
    }
    return Checker(event.toObject()).run();
}

bool SpecChecker::hasErrors(const std::vector<SpecFinding> &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const SpecFinding &f) { return f.level == Level::Error; });
}

const QStringList &SpecChecker::eventTypes()
{
    static const QStringList types = {QStringLiteral("identify"), QStringLiteral("track"), QStringLiteral("page"),
                                      QStringLiteral("screen"), QStringLiteral("group"), QStringLiteral("alias")};
    return types;
}

const QStringList &SpecChecker::ecommerceEvents()
{
    // Segment's e-commerce spec V2, in the order its documentation lists them.
    static const QStringList names = {
        QStringLiteral("Products Searched"), QStringLiteral("Product List Viewed"), QStringLiteral("Product List Filtered"),
        QStringLiteral("Promotion Viewed"), QStringLiteral("Promotion Clicked"), QStringLiteral("Product Clicked"),
        QStringLiteral("Product Viewed"), QStringLiteral("Product Added"), QStringLiteral("Product Removed"),
        QStringLiteral("Cart Viewed"), QStringLiteral("Checkout Started"), QStringLiteral("Checkout Step Viewed"),
        QStringLiteral("Checkout Step Completed"), QStringLiteral("Payment Info Entered"), QStringLiteral("Order Completed"),
        QStringLiteral("Order Updated"), QStringLiteral("Order Refunded"), QStringLiteral("Order Cancelled"),
        QStringLiteral("Coupon Entered"), QStringLiteral("Coupon Applied"), QStringLiteral("Coupon Denied"),
        QStringLiteral("Coupon Removed"), QStringLiteral("Product Added to Wishlist"),
        QStringLiteral("Product Removed from Wishlist"), QStringLiteral("Wishlist Product Added to Cart"),
        QStringLiteral("Product Shared"), QStringLiteral("Cart Shared"), QStringLiteral("Product Reviewed"),
    };
    return names;
}

} // namespace inkmapper::events
