// The timeline model: ranges sorted by start, the binary search for a window, open ranges.
#include "progress/progresshistory.h"
#include "timeline/timelinemodel.h"

#include <QTest>
#include <QTimeZone>

using namespace JobDeck;

namespace {
QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

JobStep step(const QString &id, JobState state, qint64 start, qint64 end)
{
    JobStep s;
    s.id = id;
    s.name = u"step " + id;
    s.state = state;
    s.start = start >= 0 ? at(start) : QDateTime();
    s.end = end >= 0 ? at(end) : QDateTime();
    return s;
}
} // namespace

class TestTimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsBecomeRangesSortedByStart()
    {
        Job job;
        job.id = QStringLiteral("j");
        job.backend = QStringLiteral("kylin");
        job.state = JobState::Running;
        job.steps = {step(QStringLiteral("c"), JobState::Running, 5000, -1),
                     step(QStringLiteral("a"), JobState::Succeeded, 1000, 2000),
                     step(QStringLiteral("b"), JobState::Failed, 2000, 4500),
                     step(QStringLiteral("d"), JobState::Queued, -1, -1)};
        job.steps[1].waitMs = 300;
        TimelineModel model;
        model.setJob(job, nullptr, 8000);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.row(0).id, QStringLiteral("c")); // rows keep the job's order
        QCOMPARE(model.row(1).waitMs, 300);
        QCOMPARE(model.count(), 3); // the step that never started has no range
        QCOMPARE(model.rowOfRange(0), 1);
        QCOMPARE(model.rowOfRange(1), 2);
        QCOMPARE(model.rowOfRange(2), 0);
        QCOMPARE(model.duration(0, 8000), 1000);
        QVERIFY(model.isOpen(2));
        QCOMPARE(model.duration(2, 8000), 3000); // open: reaches to now
        QCOMPARE(model.duration(2, 9000), 4000);
        QCOMPARE(model.spanStartMs(), 1000);
        QCOMPARE(model.spanEndMs(8000), 8000);
        QVERIFY(model.isRunning());
    }

    void findsTheRangesOfAWindow_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        // Ranges: [0,100) [50,60) [200,300) [250, open)
        QTest::newRow("all") << qint64(0) << qint64(1000) << 0 << 3;
        QTest::newRow("before") << qint64(-50) << qint64(-1) << 0 << -1;
        QTest::newRow("gap") << qint64(120) << qint64(180) << 2 << 1; // first > last: nothing
        QTest::newRow("overlap") << qint64(55) << qint64(210) << 0 << 2;
        QTest::newRow("open end") << qint64(5000) << qint64(6000) << 3 << 3;
    }

    void findsTheRangesOfAWindow()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, first);
        QFETCH(int, last);
        Job job;
        job.state = JobState::Running;
        job.steps = {step(QStringLiteral("1"), JobState::Succeeded, 0, 100),
                     step(QStringLiteral("2"), JobState::Succeeded, 50, 60),
                     step(QStringLiteral("3"), JobState::Succeeded, 200, 300),
                     step(QStringLiteral("4"), JobState::Running, 250, -1)};
        TimelineModel model;
        model.setJob(job, nullptr, 400);
        QCOMPARE(model.firstIndex(from), first);
        QCOMPARE(model.lastIndex(to), last);
    }

    void subJobsTakeTheTimesTheConsoleSaw()
    {
        ProgressHistory history;
        SubJobProgress stage;
        stage.id = QStringLiteral("stage_1");
        stage.total = 10;
        stage.running = 2;
        history.record(1000, 0.1, {stage});
        stage.succeeded = 10;
        stage.running = 0;
        history.record(4000, 0.5, {stage});
        SubJobProgress second;
        second.id = QStringLiteral("stage_2");
        second.total = 4;
        second.running = 1;
        history.record(5000, 0.6, {stage, second});

        Job job;
        job.backend = QStringLiteral("linkis");
        job.state = JobState::Running;
        job.subJobs = {stage, second};
        TimelineModel model;
        model.setJob(job, &history, 6000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.row(0).kind, TimelineModel::Kind::SubJob);
        QCOMPARE(model.row(0).state, JobState::Succeeded);
        QCOMPARE(model.row(0).startMs, 1000);
        QCOMPARE(model.row(0).endMs, 4000);
        QVERIFY(model.row(0).timesObserved);
        QCOMPARE(model.row(1).state, JobState::Running);
        QCOMPARE(model.row(1).endMs, -1);
        QCOMPARE(model.row(1).total, 4);

        // The job ends: what was running closes at its end.
        job.state = JobState::Succeeded;
        job.ended = at(7000);
        model.setJob(job, &history, 9000);
        QCOMPARE(model.row(1).state, JobState::Succeeded);
        QCOMPARE(model.row(1).endMs, 7000);
        QVERIFY(!model.isRunning());
    }

    void statementsUseTheServersTimes()
    {
        SubJobProgress statement;
        statement.id = QStringLiteral("statement_1");
        statement.name = QStringLiteral("Statement 1");
        statement.detail = QStringLiteral("SELECT 1");
        statement.succeeded = 1;
        statement.total = 1;
        statement.start = at(100);
        statement.end = at(350);
        statement.firstLogLine = 3;
        statement.lastLogLine = 4;
        Job job;
        job.backend = QStringLiteral("local");
        job.state = JobState::Succeeded;
        job.subJobs = {statement};
        TimelineModel model;
        model.setJob(job, nullptr, 1000);
        QCOMPARE(model.row(0).kind, TimelineModel::Kind::Statement);
        QCOMPARE(model.row(0).name, QStringLiteral("Statement 1"));
        QCOMPARE(model.row(0).command, QStringLiteral("SELECT 1"));
        QCOMPARE(model.row(0).startMs, 100);
        QCOMPARE(model.row(0).endMs, 350);
        QCOMPARE(model.row(0).firstLogLine, 3);
        QCOMPARE(model.row(0).lastLogLine, 4);
        QVERIFY(!model.row(0).timesObserved);
    }

    void subJobStates_data()
    {
        QTest::addColumn<int>("succeeded");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("running");
        QTest::addColumn<int>("total");
        QTest::addColumn<JobState>("job");
        QTest::addColumn<JobState>("expected");
        QTest::newRow("waiting") << 0 << 0 << 0 << 5 << JobState::Running << JobState::Queued;
        QTest::newRow("running") << 1 << 0 << 2 << 5 << JobState::Running << JobState::Running;
        QTest::newRow("done") << 5 << 0 << 0 << 5 << JobState::Running << JobState::Succeeded;
        QTest::newRow("failed") << 3 << 1 << 0 << 5 << JobState::Running << JobState::Failed;
        QTest::newRow("job failed") << 1 << 0 << 1 << 5 << JobState::Failed << JobState::Failed;
        QTest::newRow("never ran") << 0 << 0 << 0 << 5 << JobState::Failed << JobState::Cancelled;
    }

    void subJobStates()
    {
        QFETCH(int, succeeded);
        QFETCH(int, failed);
        QFETCH(int, running);
        QFETCH(int, total);
        QFETCH(JobState, job);
        QFETCH(JobState, expected);
        SubJobProgress row;
        row.id = QStringLiteral("x");
        row.succeeded = succeeded;
        row.failed = failed;
        row.running = running;
        row.total = total;
        QCOMPARE(subJobState(row, job), expected);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
