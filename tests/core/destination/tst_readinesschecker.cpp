#include "destination/readinesschecker.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "preview/preview.h"
#include "preview/previewer.h"

#include <QTest>

using namespace inkmapper;
using destination::ReadinessChecker;
using destination::ReadinessFinding;
using Level = ReadinessFinding::Level;

namespace {

json::Value parse(const QByteArray &text)
{
    auto parsed = json::parse(QByteArrayView(text));
    if (!parsed)
        qFatal("bad test data: %s: %s", text.constData(), qPrintable(parsed.error().describe()));
    return parsed.value();
}

/** A track event as Segment's libraries send it, with these properties. */
QByteArray track(const char *name, const QByteArray &properties)
{
    return QByteArray(R"({"type":"track","event":")") + name + R"(","userId":"u1","anonymousId":"a1","properties":)"
        + properties + R"(,"messageId":"m1","timestamp":"2024-05-14T15:02:11.000Z"})";
}

/** The action payload of the preset mapping: the entire event as data. */
QByteArray entire(const QByteArray &event)
{
    return "{\"data\":" + event + "}";
}

/** The findings for a payload and the event it was made of; an empty `event` means the data is the event. */
std::vector<ReadinessFinding> check(const QByteArray &payload, const QByteArray &event)
{
    const json::Value p = parse(payload);
    return ReadinessChecker::check(p, event.isEmpty() ? p.toObject().value(u"data") : parse(event));
}

/** "error data.properties.url": level and place, what the rows expect. */
QStringList summarize(const std::vector<ReadinessFinding> &findings)
{
    QStringList out;
    for (const ReadinessFinding &f : findings)
        out.append(ReadinessFinding::levelName(f.level) + u' ' + f.fieldPath());
    return out;
}

QString describe(const std::vector<ReadinessFinding> &findings)
{
    QStringList lines;
    for (const ReadinessFinding &f : findings)
        lines.append(QStringLiteral("%1 %2: %3").arg(ReadinessFinding::levelName(f.level), f.fieldPath(), f.message));
    return lines.join(u'\n');
}

const QByteArray productViewed = R"({"sku":"G-32","product_id":"507f1f77","price":18.99,"url":"https://shop.example.com/p/g-32"})";
const QByteArray order = R"({"order_id":"o1","total":27.5,"products":[{"sku":"G-32","price":18.99},{"product_id":"p2","price":8.51}]})";

} // namespace

class TestReadinessChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void messagesSayWhatToDo_data();
    void messagesSayWhatToDo();
    void sizeLimit_data();
    void sizeLimit();
    void mappingHeadersBeforeAnyEvent();
    void previewReadinessOnlyForWhatIsSent();
    void headerWarningsAreSaidOnce();
    void lists();
};

void TestReadinessChecker::rules_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("event"); // empty: the data itself is the event
    QTest::addColumn<QStringList>("expected");

    // Product Viewed and Product Added: sku or product_id, and a URL (errors); the price (hint).
    QTest::newRow("Product Viewed with sku, product_id, price and url: ready")
        << entire(track("Product Viewed", productViewed)) << QByteArray() << QStringList();
    QTest::newRow("Product Viewed with product_id only: ready")
        << entire(track("Product Viewed", R"({"product_id":7,"price":1,"url":"http://shop.example.com/p/7"})"))
        << QByteArray() << QStringList();
    QTest::newRow("Product Viewed with a bad sku but a good product_id: ready")
        << entire(track("Product Viewed", R"({"sku":["G-32"],"product_id":"p1","price":1,"url":"https://shop.example.com/p"})"))
        << QByteArray() << QStringList();
    QTest::newRow("Product Viewed without sku or product_id: error")
        << entire(track("Product Viewed", R"({"sku":"","price":1,"url":"https://shop.example.com/p"})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties")};
    QTest::newRow("Product Viewed with an object as product_id: error")
        << entire(track("Product Viewed", R"({"product_id":{"id":1},"price":1,"url":"https://shop.example.com/p"})"))
        << QByteArray() << QStringList{QStringLiteral("error data.properties.product_id")};
    QTest::newRow("Product Viewed without url: error")
        << entire(track("Product Viewed", R"({"sku":"G-32","price":1})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties.url")};
    QTest::newRow("Product Viewed with a relative url: error")
        << entire(track("Product Viewed", R"({"sku":"G-32","price":1,"url":"/p/g-32"})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties.url")};
    QTest::newRow("Product Viewed with a price as text: hint")
        << entire(track("Product Viewed", R"({"sku":"G-32","price":"18.99","url":"https://shop.example.com/p"})"))
        << QByteArray() << QStringList{QStringLiteral("hint data.properties.price")};
    QTest::newRow("Product Viewed without properties: one error")
        << entire(R"({"type":"track","event":"Product Viewed","userId":"u1","messageId":"m1","timestamp":"2024-05-14T15:02:11.000Z"})")
        << QByteArray() << QStringList{QStringLiteral("error data.properties")};
    QTest::newRow("Product Added with sku and url: ready")
        << entire(track("Product Added", productViewed)) << QByteArray() << QStringList();
    QTest::newRow("Product Added without url or id: two errors")
        << entire(track("Product Added", R"({"name":"Shoe","price":1})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties"), QStringLiteral("error data.properties.url")};

    // Order Completed: a numeric total and products with sku or product_id and a numeric price (errors).
    QTest::newRow("Order Completed with total and priced products: ready")
        << entire(track("Order Completed", order)) << QByteArray() << QStringList();
    QTest::newRow("Order Completed with the total as text: error")
        << entire(track("Order Completed", R"({"total":"27.50","products":[{"sku":"G-32","price":18.99}]})"))
        << QByteArray() << QStringList{QStringLiteral("error data.properties.total")};
    QTest::newRow("Order Completed without total: error")
        << entire(track("Order Completed", R"({"revenue":27.5,"products":[{"sku":"G-32","price":18.99}]})"))
        << QByteArray() << QStringList{QStringLiteral("error data.properties.total")};
    QTest::newRow("Order Completed without products: error")
        << entire(track("Order Completed", R"({"total":27.5})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties.products")};
    QTest::newRow("Order Completed with an empty product list: error")
        << entire(track("Order Completed", R"({"total":27.5,"products":[]})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties.products")};
    QTest::newRow("Order Completed with products as an object: error")
        << entire(track("Order Completed", R"({"total":27.5,"products":{"sku":"G-32","price":1}})")) << QByteArray()
        << QStringList{QStringLiteral("error data.properties.products")};
    QTest::newRow("Order Completed with a product without id and one without price: errors at each")
        << entire(track("Order Completed",
                        R"({"total":27.5,"products":[{"name":"Shoe","price":18.99},{"sku":"S-1"},{"sku":"S-2","price":"8.51"},"S-3"]})"))
        << QByteArray()
        << QStringList{QStringLiteral("error data.properties.products[0]"), QStringLiteral("error data.properties.products[1].price"),
                       QStringLiteral("error data.properties.products[2].price"), QStringLiteral("error data.properties.products[3]")};

    // The other e-commerce events Movable Ink understands: their documented properties, as hints.
    QTest::newRow("Products Searched with query and url: ready")
        << entire(track("Products Searched", R"({"query":"blue roses","url":"https://shop.example.com/search?q=blue+roses"})"))
        << QByteArray() << QStringList();
    QTest::newRow("Products Searched with a query object: ready")
        << entire(track("Products Searched", R"({"query":{"text":"roses"},"url":"https://shop.example.com/s"})"))
        << QByteArray() << QStringList();
    QTest::newRow("Products Searched without query or url: hints")
        << entire(track("Products Searched", R"({"query":" "})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties.query"), QStringLiteral("hint data.properties.url")};
    QTest::newRow("Product List Viewed with list_id and products: ready")
        << entire(track("Product List Viewed", R"({"list_id":"hot_deals_1","products":[{"sku":"G-32"}]})")) << QByteArray()
        << QStringList();
    QTest::newRow("Product List Viewed with a category instead of list_id: ready")
        << entire(track("Product List Viewed", R"({"category":"Deals","products":[{"product_id":"p1"}]})")) << QByteArray()
        << QStringList();
    QTest::newRow("Product List Viewed without list or product ids: hints")
        << entire(track("Product List Viewed", R"({"products":[{"name":"Shoe"}]})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties"), QStringLiteral("hint data.properties.products[0]")};
    QTest::newRow("Category Viewed with category_id and url: ready")
        << entire(track("Category Viewed", R"({"category_id":"shoes","url":"https://shop.example.com/c/shoes"})"))
        << QByteArray() << QStringList();
    QTest::newRow("Category Viewed without category_id: hint")
        << entire(track("Category Viewed", R"({"name":"Shoes","url":"https://shop.example.com/c/shoes"})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties.category_id")};
    QTest::newRow("Product Removed like a product view: ready")
        << entire(track("Product Removed", productViewed)) << QByteArray() << QStringList();
    QTest::newRow("Product Removed without url: hint")
        << entire(track("Product Removed", R"({"sku":"G-32","price":18.99})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties.url")};
    QTest::newRow("Product Clicked without a product id: hint")
        << entire(track("Product Clicked", R"({"url":"https://shop.example.com/p"})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties")};
    QTest::newRow("Cart Viewed with products: ready")
        << entire(track("Cart Viewed", R"({"cart_id":"c1","products":[{"sku":"G-32","price":1}]})")) << QByteArray()
        << QStringList();
    QTest::newRow("Cart Viewed without products: hint")
        << entire(track("Cart Viewed", R"({"cart_id":"c1"})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties.products")};
    QTest::newRow("Checkout Started with order_id and products: ready")
        << entire(track("Checkout Started", R"({"order_id":"o1","products":[{"sku":"G-32"}]})")) << QByteArray()
        << QStringList();
    QTest::newRow("Checkout Started without order_id: hint")
        << entire(track("Checkout Started", R"({"products":[{"sku":"G-32"}]})")) << QByteArray()
        << QStringList{QStringLiteral("hint data.properties.order_id")};
    QTest::newRow("a custom event has no property rules")
        << entire(track("Signed Up", "{}")) << QByteArray() << QStringList();
    QTest::newRow("names compare exactly: product viewed is a custom event")
        << entire(track("product viewed", "{}")) << QByteArray() << QStringList();

    // The type and name come from the data, else from the event.
    QTest::newRow("data without event: the event's name picks the rules")
        << QByteArray(R"({"data":{"type":"track","userId":"u1","messageId":"m1","timestamp":"t","properties":{"sku":"G-32","price":1}}})")
        << track("Product Viewed", R"({"sku":"G-32"})")
        << QStringList{QStringLiteral("warning data.anonymousId"), QStringLiteral("warning data.event"),
                       QStringLiteral("error data.properties.url")};
    QTest::newRow("data with its own name wins over the event's")
        << QByteArray(R"({"data":{"type":"track","event":"Signed Up","userId":"u1","anonymousId":"a1","messageId":"m1","timestamp":"t"}})")
        << track("Product Viewed", "{}") << QStringList();

    // Identity: who the data is about.
    QTest::newRow("track with anonymousId only: ready")
        << entire(R"({"type":"track","event":"Signed Up","anonymousId":"a1"})") << QByteArray() << QStringList();
    QTest::newRow("track with neither userId nor anonymousId: error")
        << entire(R"({"type":"track","event":"Signed Up","userId":" "})") << QByteArray() << QStringList{QStringLiteral("error data")};
    QTest::newRow("track whose mapping drops both ids: one error, no repeated warnings")
        << QByteArray(R"({"data":{"type":"track","event":"Signed Up","messageId":"m1","timestamp":"t"}})")
        << track("Signed Up", "{}") << QStringList{QStringLiteral("error data")};
    QTest::newRow("identify with userId: ready")
        << entire(R"({"type":"identify","userId":"u1"})") << QByteArray() << QStringList();
    QTest::newRow("identify with traits.email only: ready")
        << entire(R"({"type":"identify","anonymousId":"a1","traits":{"email":"maria@example.com"}})") << QByteArray()
        << QStringList();
    QTest::newRow("identify with anonymousId only: warning")
        << entire(R"({"type":"identify","anonymousId":"a1","traits":{"plan":"pro"}})") << QByteArray()
        << QStringList{QStringLiteral("warning data")};
    QTest::newRow("identify with no id at all: error")
        << entire(R"({"type":"identify","traits":{"plan":"pro"}})") << QByteArray() << QStringList{QStringLiteral("error data")};
    QTest::newRow("page without ids: warning")
        << entire(R"({"type":"page","name":"Home"})") << QByteArray() << QStringList{QStringLiteral("warning data")};
    QTest::newRow("alias has no identity rule")
        << entire(R"({"type":"alias","previousId":"a1"})") << QByteArray() << QStringList();

    // Fields of the entire event a data mapping drops.
    QTest::newRow("data keeping every field of the event: ready")
        << QByteArray(R"({"data":{"type":"track","event":"Signed Up","userId":"u1","anonymousId":"a1","messageId":"m1","timestamp":"t"}})")
        << track("Signed Up", R"({"plan":"pro"})") << QStringList();
    QTest::newRow("data dropping userId, type, timestamp and messageId: warnings")
        << QByteArray(R"({"data":{"event":"Signed Up","anonymousId":"a1"}})") << track("Signed Up", "{}")
        << QStringList{QStringLiteral("warning data.userId"), QStringLiteral("warning data.type"),
                       QStringLiteral("warning data.timestamp"), QStringLiteral("warning data.messageId")};
    QTest::newRow("a field the event does not have is not dropped")
        << QByteArray(R"({"data":{"type":"track","event":"Signed Up","userId":"u1"}})")
        << QByteArray(R"({"type":"track","event":"Signed Up","userId":"u1","messageId":null})") << QStringList();

    // Payload: no data at all; headers.
    QTest::newRow("a mapping that sends no data: error") << QByteArray("{}") << track("Signed Up", "{}")
                                                         << QStringList{QStringLiteral("error data")};
    QTest::newRow("ASCII headers: ready")
        << QByteArray(R"({"headers":{"X-Source":"segment","X-Count":3},"data":{"type":"identify","userId":"u1"}})")
        << QByteArray() << QStringList();
    QTest::newRow("a latin-1 header value: error")
        << QByteArray(R"({"headers":{"X-City":"Zürich"},"data":{"type":"identify","userId":"u1"}})") << QByteArray()
        << QStringList{QStringLiteral("error headers.X-City")};
    QTest::newRow("a header value beyond latin-1: error")
        << QByteArray(R"({"headers":{"X-City":"東京"},"data":{"type":"identify","userId":"u1"}})") << QByteArray()
        << QStringList{QStringLiteral("error headers.X-City")};
    QTest::newRow("a non-ASCII header name: error")
        << QByteArray(R"({"headers":{"X-Größe":"L"},"data":{"type":"identify","userId":"u1"}})") << QByteArray()
        << QStringList{QStringLiteral("error headers.X-Größe")};
    QTest::newRow("Authorization and content-type in headers: warnings")
        << QByteArray(R"({"headers":{"Authorization":"Bearer x","content-type":"text/plain"},"data":{"type":"identify","userId":"u1"}})")
        << QByteArray() << QStringList{QStringLiteral("warning headers.Authorization"), QStringLiteral("warning headers.content-type")};
}

void TestReadinessChecker::rules()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, event);
    QFETCH(QStringList, expected);
    const std::vector<ReadinessFinding> findings = check(payload, event);
    QVERIFY2(summarize(findings) == expected, qPrintable(describe(findings)));
    QCOMPARE(ReadinessChecker::hasErrors(findings), expected.join(u' ').contains(QStringLiteral("error ")));
    for (const ReadinessFinding &f : findings)
        QVERIFY2(!f.message.isEmpty() && !f.message.endsWith(u'.'), qPrintable(f.message));
}

void TestReadinessChecker::messagesSayWhatToDo_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a flat order mapping: Movable Ink reads properties")
        << QByteArray(R"({"data":{"type":"track","event":"Order Completed","userId":"u1","total":3,"products":[]}})")
        << track("Order Completed", order)
        << QStringLiteral("the event has properties, but the mapping's data leaves them out (data has total, products at "
                          "its top level, but Movable Ink reads properties.total, properties.products)");
    QTest::newRow("ids the mapping drops are named")
        << QByteArray(R"({"data":{"type":"track","event":"Signed Up"}})") << track("Signed Up", "{}")
        << QStringLiteral("the event has userId and anonymousId, but the mapping's data leaves them out");
    QTest::newRow("a relative url is called one")
        << entire(track("Product Viewed", R"({"sku":"G-32","url":"/p/g-32"})")) << QByteArray()
        << QStringLiteral("is the text \"/p/g-32\", a relative address, not a full web address (https://…)");
    QTest::newRow("a price as text is shown")
        << entire(track("Order Completed", R"({"total":1,"products":[{"sku":"S","price":"8.51"}]})")) << QByteArray()
        << QStringLiteral("is the text \"8.51\", not a number; without the products bought");
    QTest::newRow("a latin-1 header value names the character")
        << QByteArray(R"({"headers":{"X-City":"Zürich"},"data":{"type":"identify","userId":"u1"}})") << QByteArray()
        << QStringLiteral("has \"ü\", which is not ASCII: Segment sends it as a single latin-1 byte");
    QTest::newRow("a character beyond latin-1 stops the request")
        << QByteArray(R"({"headers":{"X-Mood":"ok 🙂"},"data":{"type":"identify","userId":"u1"}})") << QByteArray()
        << QStringLiteral("has \"🙂\", a character Segment's runtime cannot put in a header: it fails and nothing is sent");
}

void TestReadinessChecker::messagesSayWhatToDo()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, event);
    QFETCH(QString, messagePart);
    const std::vector<ReadinessFinding> findings = check(payload, event);
    QVERIFY2(std::any_of(findings.begin(), findings.end(), [&](const ReadinessFinding &f) { return f.message.contains(messagePart); }),
             qPrintable(describe(findings)));
}

void TestReadinessChecker::sizeLimit_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<bool>("warned");
    QTest::newRow("exactly 32 KB: fine") << int(ReadinessChecker::MaxDataBytes) << false;
    QTest::newRow("one byte more: warning") << int(ReadinessChecker::MaxDataBytes) + 1 << true;
    QTest::newRow("1 MB: warning") << 1024 * 1024 << true;
}

void TestReadinessChecker::sizeLimit()
{
    QFETCH(int, bytes);
    QFETCH(bool, warned);
    // {"type":"identify","userId":"u1","traits":{"note":"xxx…"}} grows by one byte per character of the note.
    const QByteArray frame = R"({"type":"identify","userId":"u1","traits":{"note":""}})";
    const QByteArray event = R"({"type":"identify","userId":"u1","traits":{"note":")" + QByteArray(bytes - frame.size(), 'x') + "\"}}";
    QCOMPARE(event.size(), bytes);
    const std::vector<ReadinessFinding> findings = ReadinessChecker::checkData(parse(event), parse(event));
    QCOMPARE(summarize(findings), warned ? QStringList{QStringLiteral("warning data")} : QStringList());
    if (warned)
        QVERIFY2(findings.front().message.contains(QStringLiteral("32 KB")), qPrintable(findings.front().message));

    // A size the caller knows (the request's body) is taken as it is: the data is not written again.
    const json::Value payload = parse("{\"data\":" + event + "}");
    const std::vector<ReadinessFinding> known = ReadinessChecker::check(payload, parse(event), warned ? 10 : 40'000);
    QCOMPARE(summarize(known), warned ? QStringList() : QStringList{QStringLiteral("warning data")});
}

void TestReadinessChecker::mappingHeadersBeforeAnyEvent()
{
    // A mapping's own headers: literal values are judged, directives wait for an event.
    const json::Value headers = parse(R"({"X-Name":{"@path":"$.traits.name"},"X-City":"Zürich","Content-Type":"text/plain"})");
    QCOMPARE(summarize(ReadinessChecker::checkHeaders(headers)),
             (QStringList{QStringLiteral("error headers.X-City"), QStringLiteral("warning headers.Content-Type")}));
    QVERIFY(ReadinessChecker::checkHeaders(parse("[]")).empty());
}

void TestReadinessChecker::previewReadinessOnlyForWhatIsSent()
{
    project::MappingConfig mapping = project::MappingConfig::fromPreset(QStringLiteral("Products"));
    mapping.subscribe = QStringLiteral(R"(event = "Product Viewed")");
    const preview::Previewer previewer({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")},
                                       QStringLiteral("secret"), mapping);
    const json::Value viewed = parse(track("Product Viewed", R"({"sku":"G-32","price":18.99})"));
    const preview::PreviewResult matched = previewer.compute(viewed);
    QCOMPARE(summarize(preview::Preview::readiness(matched, viewed)), QStringList{QStringLiteral("error data.properties.url")});
    // The size is the request body's, as sent.
    preview::PreviewResult large = matched;
    large.request->setBody(QByteArray(ReadinessChecker::MaxDataBytes + 1, ' '));
    QVERIFY(summarize(preview::Preview::readiness(large, viewed)).contains(QStringLiteral("warning data")));
    // Nothing is sent for an event the trigger does not take, so there is nothing to judge.
    const json::Value added = parse(track("Product Added", R"({"sku":"G-32"})"));
    const preview::PreviewResult notMatched = previewer.compute(added);
    QVERIFY(notMatched.payloadComputed);
    QVERIFY(preview::Preview::readiness(notMatched, added).empty());
}

void TestReadinessChecker::headerWarningsAreSaidOnce()
{
    // The request builder warns about a mapped Content-Type and a latin-1 value; readiness says the same about
    // the same headers, so the preview keeps only the warnings readiness does not state (here: none of those two).
    project::MappingConfig mapping = project::MappingConfig::fromPreset(QStringLiteral("Headers"));
    mapping.subscribe = QStringLiteral(R"(type = "track")");
    mapping.mapping = parse(R"({"headers":{"Content-Type":"text/plain","X-City":"Zürich"},"data":{"@path":"$."}})");
    const preview::Previewer previewer({QStringLiteral("http://collector.example.com/e"), QStringLiteral("key")},
                                       QStringLiteral("secret"), mapping);
    const json::Value event = parse(track("Page Viewed", R"({})"));
    const preview::PreviewResult result = previewer.compute(event);
    using Kind = destination::RequestWarning::Kind;
    const auto kinds = [](const QList<destination::RequestWarning> &warnings) {
        QList<Kind> out;
        for (const destination::RequestWarning &w : warnings)
            out << w.kind;
        return out;
    };
    QVERIFY(kinds(result.warnings).contains(Kind::HeaderOverwritten));
    QVERIFY(kinds(result.warnings).contains(Kind::NonAsciiHeaderValue));
    QVERIFY(kinds(result.warnings).contains(Kind::InsecureUrl));
    const std::vector<ReadinessFinding> readiness = preview::Preview::readiness(result, event);
    QCOMPARE(kinds(preview::Preview::warningsBeyond(result, readiness)), QList<Kind>{Kind::InsecureUrl});
    // Without readiness findings (nothing judged), every warning stays.
    QCOMPARE(preview::Preview::warningsBeyond(result, {}).size(), result.warnings.size());
}

void TestReadinessChecker::lists()
{
    QCOMPARE(ReadinessChecker::keptFields(),
             (QStringList{QStringLiteral("userId"), QStringLiteral("anonymousId"), QStringLiteral("type"),
                          QStringLiteral("event"), QStringLiteral("timestamp"), QStringLiteral("messageId")}));
    const QStringList events = ReadinessChecker::eventsWithRules();
    for (const char *name : {"Product Viewed", "Product Added", "Order Completed", "Products Searched", "Product List Viewed",
                              "Category Viewed", "Product Removed", "Cart Viewed", "Checkout Started"})
        QVERIFY2(events.contains(QString::fromLatin1(name)), name);
}

QTEST_GUILESS_MAIN(TestReadinessChecker)
#include "tst_readinesschecker.moc"
