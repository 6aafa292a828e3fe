// One family of directives against what Segment's engine does with the same mapping and event
// (expectations recorded by data/make-cases.js), through transform() and through a reused Mapper.
// Built once per family (tst_pathdirectives, tst_stringdirectives, ...); DIRECTIVE_CASES names the
// family's case file (see CMakeLists.txt).

#include "mappingcases.h"

#include "mapping/mapper.h"
#include "mapping/transform.h"

#include <QTest>

using namespace inkmapper;
using mapping::test::MappingCase;

Q_DECLARE_METATYPE(MappingCase)

class TestDirectiveCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void transform_data();
    void transform();
    void mapperAgrees_data() { transform_data(); }
    void mapperAgrees();

private:
    std::vector<MappingCase> m_cases;
};

void TestDirectiveCases::initTestCase()
{
    m_cases = mapping::test::loadCases(QFINDTESTDATA(QStringLiteral(DIRECTIVE_CASES)));
    QVERIFY2(m_cases.size() > 20, "the case file is missing or unreadable");
}

void TestDirectiveCases::transform_data()
{
    QTest::addColumn<MappingCase>("testCase");
    for (const MappingCase &c : m_cases)
        QTest::newRow(qPrintable(c.name)) << c;
}

void TestDirectiveCases::transform()
{
    QFETCH(MappingCase, testCase);
    const Result<json::Value> result = mapping::transform(testCase.mapping, testCase.event);
    if (testCase.expectError) {
        QVERIFY2(!result.ok(),
                 qPrintable(QStringLiteral("expected an error, got ") + (result.ok() ? mapping::test::outputText(*result) : QString())));
        QCOMPARE(result.error().message, testCase.expected);
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(mapping::test::outputText(*result), testCase.expected);
    }
}

void TestDirectiveCases::mapperAgrees()
{
    // A Mapper prepares paths, templates and nested mappings once; the results must not change.
    QFETCH(MappingCase, testCase);
    const mapping::Mapper mapper(testCase.mapping);
    for (int run = 0; run < 2; ++run) {
        const Result<json::Value> result = mapper.transform(testCase.event);
        QCOMPARE(result.ok(), !testCase.expectError);
        QCOMPARE(result.ok() ? mapping::test::outputText(*result) : result.error().message, testCase.expected);
    }
}

QTEST_GUILESS_MAIN(TestDirectiveCases)
#include "tst_directivecases.moc"
