#include "previewworkload.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

namespace inkmapper::bench {

namespace {

// A small deterministic generator, so that every run measures the same event.
class Rng
{
public:
    quint32 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(m_state >> 33);
    }
    int between(int low, int high) { return low + int(next() % quint32(high - low + 1)); }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N]) { return items[next() % N]; }

private:
    quint64 m_state = 7;
};

json::Value str(const char *text)
{
    return json::Value(QString::fromUtf8(text));
}

json::Value product(Rng &rng, int position)
{
    static const char *const names[] = {"Running Shoe", "Wool Sweater", "Noise-Cancelling Headphones",
                                        "Espresso Machine", "Yoga Mat", "LED Desk Lamp", "Trail Backpack"};
    static const char *const categories[] = {"Apparel", "Shoes", "Electronics", "Home & Garden", "Sports/Outdoor"};
    static const char *const brands[] = {"Acme", "Globex", "Initech", "Café Noir", "Ünïcode Co"};
    json::Object p;
    const QString name = QString::fromUtf8(rng.pick(names));
    p.set(QStringLiteral("product_id"), json::Value(QStringLiteral("prod_%1").arg(rng.next(), 8, 16, QLatin1Char('0'))));
    p.set(QStringLiteral("sku"), json::Value(QStringLiteral("SKU-%1").arg(rng.between(100, 99999))));
    p.set(QStringLiteral("name"), json::Value(name));
    p.set(QStringLiteral("price"), json::Value(rng.between(100, 2000000) / 100.0));
    p.set(QStringLiteral("quantity"), json::Value(rng.between(1, 5)));
    p.set(QStringLiteral("category"), str(rng.pick(categories)));
    p.set(QStringLiteral("brand"), str(rng.pick(brands)));
    p.set(QStringLiteral("variant"), json::Value(QStringLiteral("Black / M")));
    p.set(QStringLiteral("url"), json::Value(QStringLiteral("https://shop.example.com/products/") + name.toLower().replace(u' ', u'-')));
    p.set(QStringLiteral("image_url"), json::Value(QStringLiteral("https://cdn.example.com/img/%1.jpg").arg(rng.next(), 8, 16, QLatin1Char('0'))));
    p.set(QStringLiteral("position"), json::Value(position));
    p.set(QStringLiteral("description"), json::Value(QStringLiteral("A sturdy, comfortable %1 for every day; ships in two "
                                                                    "days, free returns within 30 days.").arg(name)));
    return json::Value(std::move(p));
}

// bench-gen.js's triggers and data mappings; mapping i uses trigger i % 20, data i % 12, headers i % 4.
const char *const Triggers[] = {
    R"j(type = "identify" or type = "track" or type = "page" or type = "screen" or type = "group")j",
    R"j(type = "track" and event = "Order Completed")j",
    R"j(type = "track" and event = "Product Viewed")j",
    R"j(type = "track" and event = "Product Added")j",
    R"j(type = "track" and (event = "Checkout Started" or event = "Order Completed"))j",
    R"j(type = "identify" and traits.email != null)j",
    R"j(type = "page")j",
    R"j(type = "screen" and name = "Product Detail")j",
    R"j(type = "group" and traits.employees > 1000)j",
    R"j(type = "track" and properties.total >= 100)j",
    R"j(type = "track" and contains(event, "Product"))j",
    R"j(type = "track" and match(event, "Order*"))j",
    R"j(type = "track" and !contains(event, "Email") and userId != null)j",
    R"j(event = "Order Completed" and properties.currency = "USD")j",
    R"j(type = "page" and match(context.page.url, "*/cart"))j",
    R"j(type = "identify" and traits.plan = "enterprise" or traits.logins > 100)j",
    R"j(type = "track" and context.library.name = "analytics-next")j",
    R"j(userId = null and type = "track")j",
    R"j(type = "track" and properties.coupon != null)j",
    R"j(type = "track" and event = "Signed Up" or type = "identify")j",
};

const char *const Headers[] = {
    nullptr,
    R"j({"X-Source":"segment"})j",
    R"j({"Content-Type":"application/json","X-Event-Type":{"@path":"$.type"}})j",
    R"j({"X-Request-Id":{"@path":"$.messageId"},"X-User":{"@template":"{{userId}}"}})j",
};

const char *const Data[] = {
    R"j({"@path":"$."})j",
    R"j({"@path":"$.properties"})j",
    R"j({"event_name":{"@path":"$.event"},"user_id":{"@path":"$.userId"},"anonymous_id":{"@path":"$.anonymousId"},
        "email":{"@if":{"exists":{"@path":"$.context.traits.email"},"then":{"@path":"$.context.traits.email"},
        "else":{"@path":"$.traits.email"}}},"timestamp":{"@path":"$.timestamp"}})j",
    R"j({"order_id":{"@path":"$.properties.order_id"},"revenue":{"@path":"$.properties.revenue"},
        "currency":{"@case":{"operator":"upper","value":{"@path":"$.properties.currency"}}},
        "products":{"@arrayPath":["$.properties.products",{"sku":{"@path":"$.sku"},"product_id":{"@path":"$.product_id"},
        "price":{"@path":"$.price"},"quantity":{"@path":"$.quantity"},"url":{"@path":"$.url"}}]}})j",
    R"j({"sku":{"@path":"$.properties.sku"},"name":{"@path":"$.properties.name"},"price":{"@path":"$.properties.price"},
        "url":{"@path":"$.properties.url"},"category":{"@replace":{"pattern":"/","replacement":" > ",
        "value":{"@path":"$.properties.category"}}},
        "label":{"@template":"{{properties.brand}} {{properties.name}} ({{properties.variant}})"}})j",
    R"j({"email":{"@case":{"operator":"lower","value":{"@path":"$.traits.email"}}},"first_name":{"@path":"$.traits.first_name"},
        "last_name":{"@path":"$.traits.last_name"},"address":{"@flatten":{"value":{"@path":"$.traits.address"},"separator":"_"}},
        "traits_json":{"@json":{"mode":"encode","value":{"@path":"$.traits"}}}})j",
    R"j({"@merge":{"direction":"right","objects":[{"@path":"$.properties"},{"source":"segment","type":{"@path":"$.type"}}]}})j",
    R"j({"page":{"@excludeWhenNull":{"@path":"$.context.page"}},"campaign":{"@excludeWhenNull":{"@path":"$.context.campaign"}},
        "ip":{"@path":"$.context.ip"},"locale":{"@path":"$.context.locale"},"ua":{"@path":"$.context.userAgent"}})j",
    R"j({"@transform":{"apply":{"props":{"@flatten":{"value":{"@path":"$.properties"},"separator":"."}},"uid":{"@path":"$.userId"}},
        "mapping":{"properties":{"@path":"$.props"},"user":{"@path":"$.uid"}}}})j",
    R"j({"summary":{"@liquid":"{{ event | default: type }} {% if properties.total %}{{ properties.total | round: 2 }} {{ properties.currency }}{% endif %}"},
        "user":{"@path":"$.userId"}})j",
    R"j({"group_id":{"@path":"$.groupId"},"company":{"@path":"$.traits.name"},
        "industry":{"@case":{"operator":"lower","value":{"@path":"$.traits.industry"}}},"employees":{"@path":"$.traits.employees"}})j",
    R"j({"screen":{"@path":"$.name"},"app":{"@path":"$.context.app"},"device":{"@path":"$.context.device.model"},
        "os":{"@template":"{{context.os.name}} {{context.os.version}}"},"props":{"@path":"$.properties"}})j",
};

json::Value parsed(const char *text)
{
    return json::parse(QByteArrayView(text, qsizetype(qstrlen(text)))).value();
}

} // namespace

json::Value largeOrderCompleted(int products)
{
    Rng rng;
    json::Array items;
    items.reserve(size_t(products));
    for (int i = 0; i < products; ++i)
        items.push_back(product(rng, i + 1));

    json::Object properties;
    properties.set(QStringLiteral("order_id"), json::Value(QStringLiteral("ord_8f03fe")));
    properties.set(QStringLiteral("checkout_id"), json::Value(QStringLiteral("co_763d8abeed")));
    properties.set(QStringLiteral("total"), json::Value(2673.55));
    properties.set(QStringLiteral("revenue"), json::Value(2469.82));
    properties.set(QStringLiteral("currency"), json::Value(QStringLiteral("usd")));
    properties.set(QStringLiteral("coupon"), json::Value(QStringLiteral("SUMMER10")));
    properties.set(QStringLiteral("category"), json::Value(QStringLiteral("Sports/Outdoor/Running")));
    properties.set(QStringLiteral("name"), json::Value(QStringLiteral("Trailblazer Running Shoe")));
    properties.set(QStringLiteral("brand"), json::Value(QStringLiteral("Acme")));
    properties.set(QStringLiteral("variant"), json::Value(QStringLiteral("42 EU")));
    for (int i = 0; i < 400; ++i)
        properties.set(QStringLiteral("attribute_%1").arg(i), json::Value(QStringLiteral("value %1 of a custom property").arg(rng.next())));
    properties.set(QStringLiteral("products"), json::Value(std::move(items)));

    json::Object address;
    address.set(QStringLiteral("street"), json::Value(QStringLiteral("1 Hauptstraße")));
    address.set(QStringLiteral("city"), json::Value(QStringLiteral("Berlin")));
    address.set(QStringLiteral("country"), json::Value(QStringLiteral("DE")));
    json::Object traits;
    traits.set(QStringLiteral("email"), json::Value(QStringLiteral("Zoe.Muller42@Example.com")));
    traits.set(QStringLiteral("first_name"), json::Value(QStringLiteral("Zoë")));
    traits.set(QStringLiteral("last_name"), json::Value(QStringLiteral("Müller")));
    traits.set(QStringLiteral("plan"), json::Value(QStringLiteral("enterprise")));
    traits.set(QStringLiteral("logins"), json::Value(412));
    traits.set(QStringLiteral("address"), json::Value(std::move(address)));
    for (int i = 0; i < 200; ++i)
        traits.set(QStringLiteral("trait_%1").arg(i), json::Value(rng.between(0, 100000)));

    json::Object library;
    library.set(QStringLiteral("name"), json::Value(QStringLiteral("analytics-next")));
    library.set(QStringLiteral("version"), json::Value(QStringLiteral("1.70.0")));
    json::Object page;
    page.set(QStringLiteral("path"), json::Value(QStringLiteral("/checkout")));
    page.set(QStringLiteral("url"), json::Value(QStringLiteral("https://shop.example.com/checkout")));
    page.set(QStringLiteral("title"), json::Value(QStringLiteral("Checkout")));
    json::Object context;
    context.set(QStringLiteral("ip"), json::Value(QStringLiteral("203.0.113.7")));
    context.set(QStringLiteral("library"), json::Value(std::move(library)));
    context.set(QStringLiteral("locale"), json::Value(QStringLiteral("de-DE")));
    context.set(QStringLiteral("page"), json::Value(std::move(page)));
    context.set(QStringLiteral("userAgent"), json::Value(QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0")));

    json::Object event;
    event.set(QStringLiteral("type"), json::Value(QStringLiteral("track")));
    event.set(QStringLiteral("event"), json::Value(QStringLiteral("Order Completed")));
    event.set(QStringLiteral("userId"), json::Value(QStringLiteral("user_42")));
    event.set(QStringLiteral("anonymousId"), json::Value(QStringLiteral("anon-5e3a")));
    event.set(QStringLiteral("messageId"), json::Value(QStringLiteral("ajs-next-1700000000000-abc")));
    event.set(QStringLiteral("timestamp"), json::Value(QStringLiteral("2024-03-01T12:00:00.000Z")));
    event.set(QStringLiteral("properties"), json::Value(std::move(properties)));
    event.set(QStringLiteral("traits"), json::Value(std::move(traits)));
    event.set(QStringLiteral("context"), json::Value(std::move(context)));
    // Through text, as an event the user loads arrives.
    return json::parse(QByteArrayView(*json::stringify(json::Value(std::move(event))))).value();
}

std::vector<project::MappingConfig> fiftyMappings()
{
    std::vector<project::MappingConfig> out;
    for (int i = 0; i < 50; ++i) {
        project::MappingConfig m = project::MappingConfig::fromPreset(QStringLiteral("Movable Ink %1").arg(i + 1));
        m.subscribe = QString::fromUtf8(Triggers[i % 20]);
        json::Object mapping;
        if (const char *headers = Headers[i % 4])
            mapping.set(QStringLiteral("headers"), parsed(headers));
        mapping.set(QStringLiteral("data"), parsed(Data[i % 12]));
        m.mapping = json::Value(std::move(mapping));
        out.push_back(std::move(m));
    }
    return out;
}

project::DestinationSettings workloadSettings()
{
    return {QStringLiteral("https://collector.movableink.example/v1/segment/events"), QStringLiteral("access-key-id")};
}

QString workloadSecret()
{
    return QStringLiteral("access-secret");
}

} // namespace inkmapper::bench
