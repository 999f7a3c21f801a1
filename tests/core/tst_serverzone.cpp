// Zone-less server times (Dinky, SQLFlow) read in the profile's zone.
#include "core/serverzone.h"

#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;

class TestServerZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesZones_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("offsetSeconds"); // at 2024-01-15 12:00 UTC
        QTest::newRow("GMT+8") << u"GMT+8"_s << true << 8 * 3600;
        QTest::newRow("UTC+08:00") << u"UTC+08:00"_s << true << 8 * 3600;
        QTest::newRow("+0530") << u"+0530"_s << true << 5 * 3600 + 1800;
        QTest::newRow("UTC-5") << u"UTC-5"_s << true << -5 * 3600;
        QTest::newRow("UTC") << u"UTC"_s << true << 0;
        QTest::newRow("IANA") << u"Asia/Shanghai"_s << true << 8 * 3600;
        QTest::newRow("IANA with DST, winter") << u"Europe/Berlin"_s << true << 3600;
        QTest::newRow("empty") << QString() << false << 0;
        QTest::newRow("nonsense") << u"Mars/Olympus"_s << false << 0;
        QTest::newRow("too far") << u"GMT+19"_s << false << 0;
    }
    void parsesZones()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, offsetSeconds);
        const QTimeZone zone = parseServerZone(text);
        QCOMPARE(zone.isValid(), valid);
        if (valid)
            QCOMPARE(zone.offsetFromUtc(QDateTime(QDate(2024, 1, 15), QTime(12, 0), QTimeZone::UTC)),
                     offsetSeconds);
    }

    void readsServerTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("utc");
        const QDateTime t(QDate(2023, 3, 6), QTime(7, 56, 43), QTimeZone::UTC);
        QTest::newRow("Dinky instance time, GMT+8") << u"2023-03-06 15:56:43"_s << u"GMT+8"_s << t;
        QTest::newRow("JobResult ISO, GMT+8") << u"2023-03-06T15:56:43"_s << u"GMT+8"_s << t;
        QTest::newRow("with milliseconds") << u"2023-03-06T15:56:43.250"_s << u"GMT+8"_s << t.addMSecs(250);
        QTest::newRow("own offset wins") << u"2023-03-06T07:56:43Z"_s << u"GMT+8"_s << t;
        QTest::newRow("own +08:00") << u"2023-03-06T15:56:43+08:00"_s << u"UTC"_s << t;
        QTest::newRow("IANA zone") << u"2023-03-06 15:56:43"_s << u"Asia/Shanghai"_s << t;
        QTest::newRow("empty") << QString() << u"GMT+8"_s << QDateTime();
        QTest::newRow("garbage") << u"yesterday"_s << u"GMT+8"_s << QDateTime();
        QTest::newRow("no such day") << u"2023-02-30 10:00:00"_s << u"GMT+8"_s << QDateTime();
    }
    void readsServerTimes()
    {
        QFETCH(QString, text);
        QFETCH(QString, zone);
        QFETCH(QDateTime, utc);
        const QDateTime read = serverTimeToUtc(text, parseServerZone(zone));
        QCOMPARE(read.isValid(), utc.isValid());
        if (utc.isValid()) {
            QCOMPARE(read, utc);
            QCOMPARE(read.timeSpec(), Qt::UTC);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerZone)
#include "tst_serverzone.moc"
