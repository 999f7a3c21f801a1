// Numbers from servers: ids, times and counts as numbers or strings, never UB.
#include "core/jsonvalues.h"

#include <QTest>

#include <limits>

using namespace JobDeck;

class TestJsonValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integers_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("number") << QJsonValue(1700000000000.0) << qint64(1700000000000);
        QTest::newRow("fraction cut") << QJsonValue(421.9) << qint64(421);
        QTest::newRow("negative") << QJsonValue(-1) << qint64(-1);
        QTest::newRow("string") << QJsonValue(QStringLiteral("123")) << qint64(123);
        QTest::newRow("string with spaces") << QJsonValue(QStringLiteral(" 77 ")) << qint64(77);
        QTest::newRow("string double") << QJsonValue(QStringLiteral("1.5e3")) << qint64(1500);
        QTest::newRow("huge") << QJsonValue(1.7e44) << qint64(-9);
        QTest::newRow("huge negative") << QJsonValue(-1.7e44) << qint64(-9);
        QTest::newRow("2^63") << QJsonValue(9223372036854775808.0) << qint64(-9);
        QTest::newRow("huge string") << QJsonValue(QStringLiteral("1e300")) << qint64(-9);
        QTest::newRow("nan string") << QJsonValue(QStringLiteral("nan")) << qint64(-9);
        QTest::newRow("words") << QJsonValue(QStringLiteral("soon")) << qint64(-9);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << qint64(-9);
        QTest::newRow("bool") << QJsonValue(true) << qint64(-9);
        QTest::newRow("max as string")
            << QJsonValue(QStringLiteral("9223372036854775807")) << std::numeric_limits<qint64>::max();
    }
    void integers()
    {
        QFETCH(QJsonValue, value);
        QFETCH(qint64, expected);
        QCOMPARE(jsonInteger(value, -9), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonValues)
#include "tst_jsonvalues.moc"
