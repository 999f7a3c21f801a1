// The job list's filter as a plain object: which jobs it lets through, and what it keeps.
#include "jobs/jobfilter.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDeck;

namespace {
const QDateTime Now = QDateTime(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::UTC);

Job makeJob()
{
    Job job;
    job.id = QStringLiteral("exec_id018016linkis-cg-entrance_IDE_alice_spark_3");
    job.ids.linkisTaskId = 4711;
    job.name = QStringLiteral("Nightly revenue");
    job.state = JobState::Running;
    job.submitter = QStringLiteral("alice");
    job.script = QStringLiteral("SELECT region, sum(amount)\nFROM sales.orders GROUP BY region");
    job.submitted = Now.addSecs(-1800);
    return job;
}
} // namespace

class TestJobFilter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDefaultLetsEverythingThrough()
    {
        const JobFilter filter;
        QVERIFY(!filter.isActive());
        QVERIFY(filter.accepts(makeJob(), QStringLiteral("local"), Now));
        QVERIFY(filter.accepts(Job{}, QString(), Now));
    }

    void states()
    {
        JobFilter filter;
        filter.setStates({JobState::Failed, JobState::Cancelled});
        QVERIFY(filter.isActive());
        Job job = makeJob();
        QVERIFY(!filter.accepts(job, QStringLiteral("local"), Now));
        QVERIFY(filter.acceptsAnyState(job, QStringLiteral("local"), Now)); // what counts count
        job.state = JobState::Failed;
        QVERIFY(filter.accepts(job, QStringLiteral("local"), Now));
    }

    void text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("name, any case") << QStringLiteral("REVENUE") << true;
        QTest::newRow("id") << QStringLiteral("entrance_IDE") << true;
        QTest::newRow("task id") << QStringLiteral("471") << true;
        QTest::newRow("script, second line") << QStringLiteral("sales.orders") << true;
        QTest::newRow("submitter") << QStringLiteral("Alice") << true;
        QTest::newRow("every word somewhere") << QStringLiteral("  alice   orders ") << true;
        QTest::newRow("one word nowhere") << QStringLiteral("alice inventory") << false;
        QTest::newRow("nowhere") << QStringLiteral("bob") << false;
        QTest::newRow("blanks only") << QStringLiteral("   ") << true;
    }

    void text()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        JobFilter filter;
        filter.setText(text);
        QCOMPARE(filter.text(), text);
        QCOMPARE(filter.accepts(makeJob(), QStringLiteral("local"), Now), accepted);
        QCOMPARE(filter.isActive(), !text.trimmed().isEmpty());
    }

    void connections()
    {
        JobFilter filter;
        filter.setConnections({QStringLiteral("prod")});
        QVERIFY(!filter.accepts(makeJob(), QStringLiteral("local"), Now));
        QVERIFY(filter.accepts(makeJob(), QStringLiteral("prod"), Now));
    }

    void timeRange_data()
    {
        QTest::addColumn<JobFilter::TimeRange>("range");
        QTest::addColumn<qint64>("ageSeconds");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("any, a year") << JobFilter::TimeRange::Any << qint64(365) * 86400 << true;
        QTest::newRow("hour, 30 min") << JobFilter::TimeRange::LastHour << qint64(1800) << true;
        QTest::newRow("hour, 61 min") << JobFilter::TimeRange::LastHour << qint64(3660) << false;
        QTest::newRow("24 h, 23 h") << JobFilter::TimeRange::Last24Hours << qint64(23) * 3600 << true;
        QTest::newRow("24 h, 25 h") << JobFilter::TimeRange::Last24Hours << qint64(25) * 3600 << false;
        QTest::newRow("7 d, 6 d") << JobFilter::TimeRange::Last7Days << qint64(6) * 86400 << true;
        QTest::newRow("7 d, 8 d") << JobFilter::TimeRange::Last7Days << qint64(8) * 86400 << false;
        QTest::newRow("30 d, 29 d") << JobFilter::TimeRange::Last30Days << qint64(29) * 86400 << true;
        QTest::newRow("30 d, 31 d") << JobFilter::TimeRange::Last30Days << qint64(31) * 86400 << false;
    }

    void timeRange()
    {
        QFETCH(JobFilter::TimeRange, range);
        QFETCH(qint64, ageSeconds);
        QFETCH(bool, accepted);
        JobFilter filter;
        filter.setTimeRange(range);
        Job job = makeJob();
        job.submitted = Now.addSecs(-ageSeconds);
        QCOMPARE(filter.accepts(job, QStringLiteral("local"), Now), accepted);
        // A job without a time stays in view rather than vanishing.
        job.submitted = QDateTime();
        QVERIFY(filter.accepts(job, QStringLiteral("local"), Now));
    }

    void submittedByMe()
    {
        JobFilter filter;
        filter.setSubmittedByMe(true);
        filter.setCurrentUser(QStringLiteral("prod"), QStringLiteral("bob"));
        filter.setCurrentUser(QStringLiteral("local"), QStringLiteral("ALICE"));
        QVERIFY(filter.accepts(makeJob(), QStringLiteral("local"), Now));
        QVERIFY(!filter.accepts(makeJob(), QStringLiteral("prod"), Now));
        // Whom "me" is on a connection nobody said: nothing is hidden there.
        QVERIFY(filter.accepts(makeJob(), QStringLiteral("elsewhere"), Now));
        filter.setCurrentUser(QStringLiteral("prod"), QString());
        QVERIFY(filter.accepts(makeJob(), QStringLiteral("prod"), Now));
    }

    void clearKeepsTheUsers()
    {
        JobFilter filter;
        filter.setStates({JobState::Failed});
        filter.setText(QStringLiteral("x"));
        filter.setCurrentUser(QStringLiteral("local"), QStringLiteral("alice"));
        filter.clear();
        QVERIFY(!filter.isActive());
        QCOMPARE(filter.currentUser(QStringLiteral("local")), QStringLiteral("alice"));
        QVERIFY(filter == JobFilter());
    }

    void savedAndRestored()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("filter.ini"));
        JobFilter filter;
        filter.setStates({JobState::Failed, JobState::Running});
        filter.setText(QStringLiteral("revenue alice"));
        filter.setConnections({QStringLiteral("prod"), QStringLiteral("local")});
        filter.setTimeRange(JobFilter::TimeRange::Last7Days);
        filter.setSubmittedByMe(true);
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.beginGroup(QStringLiteral("joblist/filter"));
            filter.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("joblist/filter"));
        JobFilter restored;
        restored.restore(settings);
        QVERIFY(restored == filter);
        QCOMPARE(restored.text(), filter.text());
        QCOMPARE(restored.timeRange(), JobFilter::TimeRange::Last7Days);
        QVERIFY(restored.submittedByMe());

        // What another version wrote, or a hand-edited file: the unknown parts are skipped.
        settings.setValue(QStringLiteral("states"),
                          QStringList{QStringLiteral("failed"), QStringLiteral("exploded")});
        settings.setValue(QStringLiteral("timeRange"), QStringLiteral("forever"));
        JobFilter odd;
        odd.restore(settings);
        QCOMPARE(odd.states(), QSet<JobState>{JobState::Failed});
        QCOMPARE(odd.timeRange(), JobFilter::TimeRange::Any);
        QCOMPARE(odd.text(), filter.text());
    }
};

QTEST_GUILESS_MAIN(TestJobFilter)
#include "tst_jobfilter.moc"
