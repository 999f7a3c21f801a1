#include "monitor/jobmonitor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace JobDeck;

namespace {

// An in-memory backend whose job and faults the test scripts: the monitor's logic is
// checked here without a network; the protocol is checked against the simulator elsewhere.
class FakeBackend final : public Backend
{
public:
    QStringList states{QStringLiteral("Running"), QStringLiteral("Succeed")};
    int statusCalls = 0;
    QList<qint64> statusCallMs; // when each status call came, on `clock`
    QElapsedTimer clock;
    int logCalls = 0;
    int detailCalls = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    int failStatusCalls = 0; // the next N status calls fail
    int failLogCalls = 0;    // the next N log calls fail
    QStringList lines;       // lines the server has now
    int maxPage = 7;
    int floorMs = 0; // the backend's minimumPollIntervalMs()

    QString kind() const override { return QStringLiteral("fake"); }
    Capabilities capabilities() const override
    {
        Capabilities caps;
        caps.log = caps.progress = caps.history = true;
        return caps;
    }
    int defaultPollIntervalMs() const override { return 5; }
    int minimumPollIntervalMs() const override { return floorMs; }
    void setLanguage(Language) override {}
    Pending<bool> *connectToServer() override { return done(true); }
    Pending<bool> *disconnectFromServer() override { return done(true); }
    Pending<Job> *lookup(const QString &) override { return unsupported<Job>(QStringLiteral("lookup")); }
    Pending<Job> *submit(const SubmitRequest &) override
    {
        return unsupported<Job>(QStringLiteral("submit"));
    }
    Pending<Job> *refresh(const Job &job) override
    {
        if (failStatusCalls > 0) {
            --failStatusCalls;
            return failed<Job>();
        }
        if (!clock.isValid())
            clock.start();
        statusCallMs.append(clock.elapsed());
        Job updated = job;
        updated.rawStatus = states.at(std::min<qsizetype>(statusCalls, states.size() - 1));
        updated.state = updated.rawStatus == u"Succeed" ? JobState::Succeeded : JobState::Running;
        ++statusCalls;
        return done(updated);
    }
    Pending<ProgressReport> *progress(const Job &) override
    {
        ProgressReport report;
        report.progress = std::min(1.0, statusCalls / 10.0);
        return done(report);
    }
    Pending<LogPage> *log(const Job &, const LogCursor &from, int maxLines) override
    {
        ++logCalls;
        if (failLogCalls > 0) {
            --failLogCalls;
            return failed<LogPage>();
        }
        LogPage page;
        const qsizetype take
            = std::min<qsizetype>({qsizetype(maxLines), qsizetype(maxPage), lines.size() - from.position});
        page.lines = lines.mid(from.position, take);
        page.next = from;
        page.next.position += take;
        page.next.delivered += take;
        page.more = page.next.position < lines.size();
        return done(page);
    }
    Pending<Job> *details(const Job &job) override
    {
        ++detailCalls;
        Job record = job;
        record.durationMs = 1234;
        return done(record);
    }
    Pending<JobPage> *list(const ListQuery &) override
    {
        return unsupported<JobPage>(QStringLiteral("list"));
    }
    Pending<QString> *kill(const Job &) override { return unsupported<QString>(QStringLiteral("kill")); }
    Pending<QList<ResultSetRef>> *resultSets(const Job &) override
    {
        return unsupported<QList<ResultSetRef>>(QStringLiteral("results"));
    }
    Pending<ResultPage> *resultPage(const ResultSetRef &, int, int) override
    {
        return unsupported<ResultPage>(QStringLiteral("results"));
    }

private:
    template<typename T>
    Pending<T> *track(Pending<T> *call)
    {
        maxInFlight = std::max(maxInFlight, ++inFlight);
        connect(call, &PendingCall::finished, this, [this] { --inFlight; });
        return call;
    }
    template<typename T>
    Pending<T> *done(T value)
    {
        auto *call = new Pending<T>(this);
        call->finish(std::move(value));
        return track(call);
    }
    template<typename T>
    Pending<T> *failed()
    {
        auto *call = new Pending<T>(this);
        call->finish(failure(BackendError::Kind::Connection, QStringLiteral("connection reset")));
        return track(call);
    }
};

MonitorPolicy fastPolicy()
{
    MonitorPolicy policy;
    policy.baseIntervalMs = 5;
    policy.fastIntervalMs = 5;
    policy.firstBackoffMs = 2;
    policy.maxBackoffMs = 20;
    policy.logPageSize = 100;
    return policy;
}

Job runningJob()
{
    Job job;
    job.id = QStringLiteral("job-1");
    job.state = JobState::Queued;
    return job;
}

QStringList numbered(int from, int to)
{
    QStringList lines;
    for (int i = from; i <= to; ++i)
        lines.append(QStringLiteral("line %1").arg(i));
    return lines;
}

} // namespace

class TestJobMonitor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversEveryLineOnceAcrossPagesAndErrors()
    {
        FakeBackend backend;
        backend.states = {QStringLiteral("Running"),
                          QStringLiteral("Running"),
                          QStringLiteral("Running"),
                          QStringLiteral("Running"),
                          QStringLiteral("Succeed")};
        backend.lines = numbered(1, 30);
        JobMonitor monitor(&backend, fastPolicy());
        QStringList received;
        qint64 expectedNext = 1;
        connect(&monitor,
                &JobMonitor::logAppended,
                this,
                [&](const QString &, qint64 first, const QStringList &lines) {
                    QCOMPARE(first, expectedNext); // numbered from 1, no gap, no repeat
                    expectedNext += lines.size();
                    received += lines;
                    // The log grows while the job runs, and reading fails now and then.
                    if (received.size() == 14) {
                        backend.lines += numbered(31, 45);
                        backend.failLogCalls = 2;
                    }
                });
        QSignalSpy failures(&monitor, &JobMonitor::pollFailed);
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(runningJob());
        QVERIFY(finished.wait(5000));
        QCOMPARE(received, numbered(1, 45));
        QCOMPARE(failures.count(), 2);
        QCOMPARE(backend.maxInFlight, 1); // one request in flight per job
        QCOMPARE(backend.detailCalls, 1);
        const Job job = finished.first().first().value<Job>();
        QCOMPARE(job.state, JobState::Succeeded);
        QCOMPARE(job.durationMs, 1234);
        QVERIFY(!monitor.isFollowing(QStringLiteral("job-1")));
    }

    void drainsTheLogAfterTheTerminalState()
    {
        FakeBackend backend;
        backend.states = {QStringLiteral("Succeed")};
        backend.lines = numbered(1, 20);
        backend.maxPage = 3;
        JobMonitor monitor(&backend, fastPolicy());
        QStringList received;
        connect(&monitor,
                &JobMonitor::logAppended,
                this,
                [&](const QString &, qint64, const QStringList &lines) { received += lines; });
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        QSignalSpy progress(&monitor, &JobMonitor::progressSampled);
        monitor.follow(runningJob());
        QVERIFY(finished.wait(5000));
        QCOMPARE(received, numbered(1, 20));
        // A succeeded job ends at 100 %.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(2).toDouble(), 1.0);
    }

    void backsOffAndNeverGivesUpByDefault()
    {
        FakeBackend backend;
        backend.failStatusCalls = 6;
        JobMonitor monitor(&backend, fastPolicy());
        QList<int> delays;
        connect(&monitor,
                &JobMonitor::pollFailed,
                this,
                [&](const QString &, const BackendError &, int retryInMs) { delays.append(retryInMs); });
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(runningJob());
        QVERIFY(finished.wait(5000));
        QCOMPARE(delays.size(), 6);
        // Doubling with ±20 % jitter: 2, 4, 8, 16, then capped at 20.
        QVERIFY(delays.at(0) <= 3);
        QVERIFY(delays.at(2) >= 6 && delays.at(2) <= 10);
        QVERIFY(delays.at(5) <= 24);
        QVERIFY(delays.at(5) >= 16);
    }

    void givesUpOnlyWhenToldTo()
    {
        FakeBackend backend;
        backend.failStatusCalls = 1000;
        MonitorPolicy policy = fastPolicy();
        policy.giveUpAfterErrors = 3;
        JobMonitor monitor(&backend, policy);
        QSignalSpy abandoned(&monitor, &JobMonitor::followingAbandoned);
        QSignalSpy failures(&monitor, &JobMonitor::pollFailed);
        monitor.follow(runningJob());
        QVERIFY(abandoned.wait(5000));
        QCOMPARE(failures.count(), 2);
        QVERIFY(!monitor.isFollowing(QStringLiteral("job-1")));
    }

    void slowsDownWhileNothingChanges()
    {
        FakeBackend backend;
        backend.states = QStringList(200, QStringLiteral("Running"));
        MonitorPolicy policy = fastPolicy();
        policy.baseIntervalMs = 10;
        policy.fastIntervalMs = 1;
        policy.youngForMs = 0;
        policy.idleRoundsPerStep = 2;
        policy.maxIdleFactor = 3;
        JobMonitor monitor(&backend, policy);
        monitor.follow(runningJob());
        // The progress grows for ten rounds (10 ms apart); then the rounds are idle: 10 ms
        // apart, 20 after two idle rounds, 30 (base * maxIdleFactor, ±10 % jitter) after
        // four. A busy machine only makes gaps longer, so the check is that the late ones are
        // not shorter than the slowest step.
        QTRY_VERIFY_WITH_TIMEOUT(backend.statusCalls >= 20, 20000);
        for (int i = 16; i < 20; ++i) {
            const qint64 gap = backend.statusCallMs.at(i) - backend.statusCallMs.at(i - 1);
            QVERIFY2(gap >= 25, qPrintable(QStringLiteral("%1 ms after round %2").arg(gap).arg(i)));
        }
    }

    void thePolicysFloorReplacesTheBackends()
    {
        // The backend's floor holds every round back, the first too (SQLFlow's 2 s is proved
        // against its simulator); a policy's own floor replaces it, as tests of other
        // behaviour set.
        FakeBackend held;
        held.floorMs = 60000;
        JobMonitor waiting(&held, fastPolicy());
        waiting.follow(runningJob());
        QTest::qWait(100);
        QCOMPARE(held.statusCalls, 0);

        FakeBackend freed;
        freed.floorMs = 60000;
        MonitorPolicy policy = fastPolicy();
        policy.minimumIntervalMs = 0;
        JobMonitor monitor(&freed, policy);
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(runningJob());
        QVERIFY(finished.wait(5000));
        QCOMPARE(freed.statusCalls, 2); // Running, Succeed
    }

    void unfollowStopsAtOnce()
    {
        FakeBackend backend;
        backend.states = QStringList(100, QStringLiteral("Running"));
        JobMonitor monitor(&backend, fastPolicy());
        monitor.follow(runningJob());
        QTRY_VERIFY(backend.statusCalls > 2);
        monitor.unfollow(QStringLiteral("job-1"));
        const int calls = backend.statusCalls;
        QTest::qWait(50);
        QCOMPARE(backend.statusCalls, calls);
    }
};

QTEST_GUILESS_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
