#include "preview/previewpanel.h"
#include "preview/previewrendering.h"

#include "destination/basicauth.h"
#include "json/parser.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QLabel>
#include <QListView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace inkmapper;
using ui::PreviewPanel;

namespace {

const QString LocalUrl = QStringLiteral("http://127.0.0.1:47231/v1/segment/events");
const QString Secret = QStringLiteral("s3cr3t-Access");
const QString OrderTrigger = QStringLiteral(R"(type = "track" and event = "Order Completed")");
const QString Order = QStringLiteral(
    R"({"type":"track","event":"Order Completed","userId":"u1","properties":{"order_id":"o-1","total":42.5}})");
const QString Identify = QStringLiteral(R"({"type":"identify","userId":"u1","traits":{"email":"a@example.com"}})");

preview::PreviewInputs inputs(const QString &trigger, const QString &mapping, const QString &event,
                              const QString &url = LocalUrl)
{
    preview::PreviewInputs in;
    in.settings.movableInkUrl = url;
    in.settings.username = QStringLiteral("mi_user");
    in.secret = Secret;
    in.mapping = project::MappingConfig::fromPreset(QStringLiteral("Orders"));
    in.mapping.subscribe = trigger;
    in.mapping.mapping = json::parse(QStringView(mapping)).value();
    in.event = json::parse(QStringView(event)).value();
    return in;
}

template<typename T>
T *child(const QWidget &panel, const char *name)
{
    T *widget = panel.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QString bannerText(const PreviewPanel &panel)
{
    return child<QLabel>(panel, "bannerText")->text();
}

// The value the headers table shows for `name`, or a null QString.
QString headerShown(const PreviewPanel &panel, const QString &name)
{
    const QAbstractItemModel *model = child<QTableView>(panel, "headersView")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString().compare(name, Qt::CaseInsensitive) == 0)
            return model->index(row, 1).data().toString();
    }
    return {};
}

QString expectedAuthorization()
{
    return QString::fromLatin1(destination::BasicAuth::headerValue(QStringLiteral("mi_user"), Secret));
}

} // namespace

class TestPreviewPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void banner_data();
    void banner();
    void conditionsShowOutcomeAndValue();
    void payloadAsFormattedJson();
    void requestLineHeadersAndBody();
    void exactBytes();
    void revealToggle();
    void copyAsCurlIsRedacted();
    void copyAsCurlRevealed();
    void noMatchSendsNothing();
    void triggerErrorPointsAtColumn();
    void mappingErrorShowsKeyPath();
    void requestErrorIsShown();
    void warningsAreShown();
    void readinessOfWhatIsSent();
    void typingIsDebounced();
    void f5Refreshes();
    void eventChangeUpdatesPreview();
    void largeBodyTextsAreMadeForTheTabShown();

private:
    void showAndWait(PreviewPanel &panel, const preview::PreviewInputs &in);
};

void TestPreviewPanel::initTestCase()
{
    // The panel remembers "Show exact bytes": keep that away from the user's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("InkMapperTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_previewpanel"));
}

void TestPreviewPanel::init()
{
    QSettings().clear();
    QApplication::clipboard()->clear();
}

void TestPreviewPanel::showAndWait(PreviewPanel &panel, const preview::PreviewInputs &in)
{
    QSignalSpy updated(&panel, &PreviewPanel::previewUpdated);
    panel.setInputs(in);
    QVERIFY(panel.isUpdating());
    QVERIFY(updated.wait(5000));
    QVERIFY(!panel.isUpdating());
}

void TestPreviewPanel::banner_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("banner");

    QTest::newRow("match") << OrderTrigger << QStringLiteral(R"({"data":{"@path":"$."}})") << Order
                           << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\"");
    QTest::newRow("no match") << OrderTrigger << QStringLiteral(R"({"data":{"@path":"$."}})") << Identify
                              << QStringLiteral("Does not match \u2014 type = \"track\" was false for this event");
    QTest::newRow("trigger error") << QStringLiteral("!!!") << QStringLiteral(R"({"data":{}})") << Order
                                   << QStringLiteral("Trigger error at column 1: expected '=' after '!', got \"!\"");
    QTest::newRow("matching, but the mapping fails")
        << OrderTrigger << QStringLiteral(R"({"data":{"x":{"@path":5}}})") << Order
        << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\", but Segment fails: data.x.@path: "
                          "/data/x/@path should be a string or a mapping directive but it is a number.");
}

void TestPreviewPanel::banner()
{
    QFETCH(QString, trigger);
    QFETCH(QString, mapping);
    QFETCH(QString, event);
    QFETCH(QString, banner);
    PreviewPanel panel;
    QVERIFY(bannerText(panel).startsWith(QStringLiteral("Select an event")));
    showAndWait(panel, inputs(trigger, mapping, event));
    QCOMPARE(bannerText(panel), banner);
}

void TestPreviewPanel::conditionsShowOutcomeAndValue()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Identify));
    const QAbstractItemModel *model = child<QTableView>(panel, "conditionsView")->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("All of these"));
    QCOMPARE(model->index(1, 0).data().toString().trimmed(), QStringLiteral("type = \"track\""));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("\u2717 false \u2190 decided"));
    QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("\"identify\""));
    // `and` stops at its first false child: the event name is never looked at.
    QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("not evaluated"));

    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("\u2713 true"));
    QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("\u2713 true \u2190 decided"));
    QCOMPARE(model->index(2, 2).data().toString(), QStringLiteral("\"Order Completed\""));

    // The conditions get the room; a short value's column is only as wide as it needs, a long one's a third.
    auto *view = child<QTableView>(panel, "conditionsView");
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY(view->columnWidth(0) > 2 * view->columnWidth(2));
    const QString longValue(400, u'x');
    showAndWait(panel, inputs(QStringLiteral(R"(properties.order_id = "%1")").arg(longValue), QStringLiteral(R"({"data":{}})"),
                              QStringLiteral(R"({"type":"track","properties":{"order_id":"%1"}})").arg(longValue)));
    QVERIFY(view->columnWidth(2) <= view->viewport()->width() / 3);
    QVERIFY(view->columnWidth(2) >= view->viewport()->width() / 3 - 2);
}

void TestPreviewPanel::payloadAsFormattedJson()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"order":{"@path":"$.properties.order_id"}}})"),
                              Order));
    const QPlainTextEdit *payload = child<QPlainTextEdit>(panel, "payloadView");
    QCOMPARE(payload->toPlainText(), QStringLiteral("{\n  \"data\": {\n    \"order\": \"o-1\"\n  }\n}"));
    QVERIFY(payload->isReadOnly());
    QCOMPARE(payload->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
}

void TestPreviewPanel::requestLineHeadersAndBody()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"headers":{"X-Source":"segment"},"data":{"total":{"@path":"$.properties.total"}}})"),
                              Order));
    QCOMPARE(child<QLineEdit>(panel, "requestLine")->text(), QStringLiteral("POST ") + LocalUrl);
    QCOMPARE(headerShown(panel, QStringLiteral("x-source")), QStringLiteral("segment"));
    QCOMPARE(headerShown(panel, QStringLiteral("content-type")), QStringLiteral("application/json"));
    QCOMPARE(headerShown(panel, QStringLiteral("content-length")), QStringLiteral("14"));
    QCOMPARE(child<QPlainTextEdit>(panel, "bodyView")->toPlainText(), QStringLiteral("{\n  \"total\": 42.5\n}"));
    QCOMPARE(child<QLabel>(panel, "bodySize")->text(), QStringLiteral("14 bytes"));
    QVERIFY(child<QPushButton>(panel, "copyAsCurl")->isEnabled());
}

void TestPreviewPanel::exactBytes()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"a":"caf\u00e9","b":[1,2]}})"), Order));
    QPlainTextEdit *body = child<QPlainTextEdit>(panel, "bodyView");
    QCheckBox *exact = child<QCheckBox>(panel, "exactBytes");
    QVERIFY(!exact->isChecked());
    QVERIFY(body->toPlainText().contains(u'\n'));
    QTest::mouseClick(exact, Qt::LeftButton);
    QVERIFY(exact->isChecked());
    QCOMPARE(body->toPlainText(), QStringLiteral(R"({"a":"café","b":[1,2]})"));
    QCOMPARE(child<QLabel>(panel, "bodySize")->text(), QStringLiteral("23 bytes"));
    {
        // The choice is remembered for the next panel.
        PreviewPanel another;
        QVERIFY(child<QCheckBox>(another, "exactBytes")->isChecked());
    }
    QTest::mouseClick(exact, Qt::LeftButton);
    QCOMPARE(body->toPlainText(), QStringLiteral("{\n  \"a\": \"caf\u00e9\",\n  \"b\": [\n    1,\n    2\n  ]\n}"));
}

void TestPreviewPanel::revealToggle()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QCheckBox *reveal = child<QCheckBox>(panel, "revealSecret");
    QVERIFY(!reveal->isChecked());
    QCOMPARE(headerShown(panel, QStringLiteral("authorization")), QStringLiteral("Basic [redacted]"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    QVERIFY(panel.isSecretRevealed());
    QCOMPARE(headerShown(panel, QStringLiteral("authorization")), expectedAuthorization());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(headerShown(panel, QStringLiteral("authorization")), QStringLiteral("Basic [redacted]"));
}

void TestPreviewPanel::copyAsCurlIsRedacted()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"name":"O'Brien"}})"), Order));
    QTest::mouseClick(child<QPushButton>(panel, "copyAsCurl"), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("curl ")), qPrintable(copied));
    QVERIFY(copied.contains(QStringLiteral("-H 'authorization: Basic <redacted>'")));
    QVERIFY(!copied.contains(expectedAuthorization().mid(6)));
    QVERIFY(copied.contains(QStringLiteral(R"(--data-raw '{"name":"O'\''Brien"}')")));
    QCOMPARE(copied, panel.curlCommand());
}

void TestPreviewPanel::copyAsCurlRevealed()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QTest::mouseClick(child<QCheckBox>(panel, "revealSecret"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(panel, "copyAsCurl"), Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("-H 'authorization: %1'").arg(expectedAuthorization())));
}

void TestPreviewPanel::noMatchSendsNothing()
{
    PreviewPanel panel;
    panel.show();
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$.traits"}})"), Identify));
    QCOMPARE(child<QLabel>(panel, "requestStatus")->text(),
             QStringLiteral("Nothing would be sent: the trigger does not match this event (Segment: \u201cnot "
                            "subscribed\u201d)."));
    QVERIFY(!child<QWidget>(panel, "requestDetails")->isVisibleTo(&panel));
    QVERIFY(!child<QPushButton>(panel, "copyAsCurl")->isEnabled());
    QVERIFY(panel.curlCommand().isEmpty());
    // The payload still shows what the mapping makes of the event.
    QVERIFY(child<QLabel>(panel, "payloadStatus")->text().startsWith(QStringLiteral("The trigger does not match")));
    QVERIFY(child<QPlainTextEdit>(panel, "payloadView")->toPlainText().contains(QStringLiteral("\"email\": \"a@example.com\"")));
}

void TestPreviewPanel::triggerErrorPointsAtColumn()
{
    PreviewPanel panel;
    panel.show();
    const QString trigger = QStringLiteral(R"(type = "track" and !event)");
    showAndWait(panel, inputs(trigger, QStringLiteral(R"({"data":{}})"), Order));
    const preview::PreviewResult *result = panel.result();
    QVERIFY(result);
    QCOMPARE(result->match, preview::PreviewResult::Match::TriggerError);
    const int column = result->triggerError.location.column;
    QVERIFY(column > 1);
    QLabel *error = child<QLabel>(panel, "triggerError");
    QVERIFY(error->isVisibleTo(&panel));
    const QStringList lines = error->text().split(u'\n');
    QCOMPARE(lines.at(0), trigger);
    QCOMPARE(lines.at(1), QString(column - 1, u' ') + u'^');
    QVERIFY(lines.at(2).startsWith(QStringLiteral("Column %1: ").arg(column)));
    QVERIFY(bannerText(panel).startsWith(QStringLiteral("Trigger error at column %1: ").arg(column)));
    QVERIFY(!child<QTableView>(panel, "conditionsView")->isVisibleTo(&panel));
}

void TestPreviewPanel::mappingErrorShowsKeyPath()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"order":{"id":{"@template":{"x":1}}}}})"), Order));
    const QString status = child<QLabel>(panel, "payloadStatus")->text();
    QVERIFY2(status.startsWith(QStringLiteral("The mapping fails at data.order.id.@template: ")), qPrintable(status));
    QVERIFY(child<QPlainTextEdit>(panel, "payloadView")->toPlainText().isEmpty());
    QVERIFY(!child<QTabWidget>(panel, "previewTabs")->tabIcon(1).isNull());
}

void TestPreviewPanel::requestErrorIsShown()
{
    PreviewPanel panel;
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order, QString()));
    const QString status = child<QLabel>(panel, "requestStatus")->text();
    QCOMPARE(status, QStringLiteral("Nothing is sent: Segment fails before sending. \"Movable Ink URL\" setting or "
                                    "\"Movable Ink URL\" field must be populated"));
    QVERIFY(child<QLabel>(panel, "payloadStatus")->text().startsWith(QStringLiteral("The mapping works, but Segment stops")));
    QVERIFY(!child<QPushButton>(panel, "copyAsCurl")->isEnabled());
}

void TestPreviewPanel::warningsAreShown()
{
    PreviewPanel panel;
    panel.show();
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QLabel *warnings = child<QLabel>(panel, "warnings");
    QVERIFY(!warnings->isVisibleTo(&panel));
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"headers":{"X-City":"Z\u00fcrich"},"data":{}})"), Order,
                              QStringLiteral("http://collector.example.com/events")));
    QVERIFY(warnings->isVisibleTo(&panel));
    QVERIFY(warnings->text().contains(QStringLiteral("uses http://")));
    // The non-ASCII header is said once, by the readiness findings, not again among the warnings.
    QVERIFY(!warnings->text().contains(QStringLiteral("x-city"), Qt::CaseInsensitive));
    const QAbstractItemModel *readiness = child<QListView>(panel, "readinessView")->model();
    bool stated = false;
    for (int row = 0; row < readiness->rowCount(); ++row)
        stated = stated || readiness->index(row, 0).data().toString().startsWith(QStringLiteral("headers.X-City: "));
    QVERIFY(stated);
    // The header a warning is about carries the warning in its tooltip.
    const QAbstractItemModel *headers = child<QTableView>(panel, "headersView")->model();
    bool marked = false;
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->index(row, 0).data().toString().compare(QStringLiteral("x-city"), Qt::CaseInsensitive) == 0)
            marked = headers->index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("non-ASCII"));
    }
    QVERIFY(marked);
}

void TestPreviewPanel::readinessOfWhatIsSent()
{
    PreviewPanel panel;
    panel.show();
    QWidget *box = child<QWidget>(panel, "readiness");
    QLabel *title = child<QLabel>(panel, "readinessTitle");
    QListView *list = child<QListView>(panel, "readinessView");
    // The whole order, but it has no products: Movable Ink cannot make a conversion of it.
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})"), Order));
    QVERIFY(box->isVisibleTo(&panel));
    QVERIFY2(title->text().startsWith(QStringLiteral("Movable Ink readiness: ")) && title->text().contains(QStringLiteral("error")),
             qPrintable(title->text()));
    QVERIFY(list->isVisibleTo(&panel));
    QVERIFY(list->model()->index(0, 0).data().toString().startsWith(QStringLiteral("data.properties.products: ")));
    QVERIFY(list->height() >= list->sizeHintForRow(0)); // the finding shows, not a sliver of it

    // Nothing is sent for an event the trigger does not take: nothing to judge.
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})"), Identify));
    QVERIFY(!box->isVisibleTo(&panel));

    // An order Movable Ink can use.
    const QString complete = QStringLiteral(
        R"({"type":"track","event":"Order Completed","userId":"u1","anonymousId":"a1","messageId":"m1",)"
        R"("timestamp":"2026-12-07T10:00:00Z","properties":{"order_id":"o-1","total":42.5,"products":[{"sku":"S1","price":42.5}]}})");
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})"), complete));
    QVERIFY(box->isVisibleTo(&panel));
    QCOMPARE(title->text(), QStringLiteral("Movable Ink readiness: nothing to report, Movable Ink can use this event."));
    QVERIFY(!list->isVisibleTo(&panel));
}

void TestPreviewPanel::typingIsDebounced()
{
    PreviewPanel panel;
    QSignalSpy updated(&panel, &PreviewPanel::previewUpdated);
    // A burst of edits, as typing makes: only the last one is computed and shown.
    panel.setInputs(inputs(QStringLiteral("type"), QStringLiteral(R"({"data":{}})"), Order));
    panel.setInputs(inputs(QStringLiteral("type ="), QStringLiteral(R"({"data":{}})"), Order));
    panel.setInputs(inputs(QStringLiteral(R"(type = "track")"), QStringLiteral(R"({"data":{}})"), Order));
    QVERIFY(updated.wait(5000));
    QCOMPARE(bannerText(panel), QStringLiteral("Matches \u2014 decided by: type = \"track\""));
    QTest::qWait(300);
    QCOMPARE(updated.count(), 1);
}

void TestPreviewPanel::f5Refreshes()
{
    PreviewPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QCOMPARE(panel.refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QSignalSpy updated(&panel, &PreviewPanel::previewUpdated);
    QTableView *conditions = child<QTableView>(panel, "conditionsView");
    conditions->setFocus();
    QTest::keyClick(conditions, Qt::Key_F5);
    QVERIFY(panel.isUpdating());
    QVERIFY(updated.wait(5000));
}

void TestPreviewPanel::eventChangeUpdatesPreview()
{
    PreviewPanel panel;
    preview::PreviewInputs in = inputs(OrderTrigger, QStringLiteral(R"({"data":{"type":{"@path":"$.type"}}})"), Order);
    showAndWait(panel, in);
    QCOMPARE(child<QPlainTextEdit>(panel, "payloadView")->toPlainText(), QStringLiteral("{\n  \"data\": {\n    \"type\": \"track\"\n  }\n}"));
    // Only the event changes: the compiled trigger and mapping are reused for it.
    in.event = json::parse(QStringView(Identify)).value();
    showAndWait(panel, in);
    QCOMPARE(bannerText(panel), QStringLiteral("Does not match \u2014 type = \"track\" was false for this event"));
    QCOMPARE(child<QPlainTextEdit>(panel, "payloadView")->toPlainText(),
             QStringLiteral("{\n  \"data\": {\n    \"type\": \"identify\"\n  }\n}"));
}

void TestPreviewPanel::largeBodyTextsAreMadeForTheTabShown()
{
    // A body over PreviewRendering::LargeBody: each text is made when its tab is shown, not with every preview.
    const auto largeOrder = [](const QString &orderId) {
        QString event = QStringLiteral(R"({"type":"track","event":"Order Completed","properties":{"order_id":"%1","skus":[)").arg(orderId);
        for (int i = 0; i < 8000; ++i)
            event += QStringLiteral("%1\"SKU-%2\"").arg(i ? QStringLiteral(",") : QString()).arg(i);
        return event + QStringLiteral("]}}");
    };
    PreviewPanel panel;
    auto *tabs = child<QTabWidget>(panel, "previewTabs");
    tabs->setCurrentIndex(1); // Payload
    QPlainTextEdit *payload = child<QPlainTextEdit>(panel, "payloadView");
    QPlainTextEdit *body = child<QPlainTextEdit>(panel, "bodyView");
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})"), largeOrder(QStringLiteral("o-1"))));
    QVERIFY(panel.result()->request->body().size() > ui::PreviewRendering::LargeBody);
    QVERIFY(payload->toPlainText().contains(QStringLiteral("\"order_id\": \"o-1\"")));
    QVERIFY(body->toPlainText().isEmpty()); // not made: the Request tab is not shown

    tabs->setCurrentIndex(2); // Request: the pretty body now
    QVERIFY(body->toPlainText().startsWith(QStringLiteral("{\n  \"type\": \"track\"")));
    QVERIFY(body->toPlainText().contains(QStringLiteral("\"order_id\": \"o-1\"")));
    QTest::mouseClick(child<QCheckBox>(panel, "exactBytes"), Qt::LeftButton);
    QCOMPARE(body->toPlainText().toUtf8(), panel.result()->request->body());

    // Another event while the Request tab shows: the payload's text waits for its tab.
    showAndWait(panel, inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})"), largeOrder(QStringLiteral("o-2"))));
    QCOMPARE(body->toPlainText().toUtf8(), panel.result()->request->body());
    QVERIFY(payload->toPlainText().contains(QStringLiteral("\"order_id\": \"o-1\"")));
    tabs->setCurrentIndex(1);
    QVERIFY(payload->toPlainText().contains(QStringLiteral("\"order_id\": \"o-2\"")));
    QTest::mouseClick(child<QCheckBox>(panel, "exactBytes"), Qt::LeftButton); // back to the default for other tests
}

QTEST_MAIN(TestPreviewPanel)
#include "tst_previewpanel.moc"
