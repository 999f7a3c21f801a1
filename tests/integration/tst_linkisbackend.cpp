// The Linkis adapter and the job monitor against the Linkis simulator on loopback: the
// protocol's quirks, faults and conventions, end to end through real HTTP.
#include "backends/linkis/linkisbackend.h"
#include "monitor/jobmonitor.h"

#include "linkis/linkissimulator.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "support/await.h"

using namespace JobDeck;
using Sim::LinkisSimulator;

namespace {

const QString User = QStringLiteral("alice");
const QString Password = QStringLiteral("s3cret-pw");

ConnectionProfile profileFor(const LinkisSimulator &sim)
{
    ConnectionProfile profile;
    profile.kind = QStringLiteral("linkis");
    profile.url = sim.baseUrl();
    profile.user = User;
    profile.secret = Password;
    profile.requestTimeoutMs = 10000; // generous: sanitizer builds on a loaded machine are slow
    return profile;
}

MonitorPolicy fastPolicy()
{
    MonitorPolicy policy;
    policy.baseIntervalMs = 20;
    policy.fastIntervalMs = 20;
    policy.firstBackoffMs = 20;
    policy.maxBackoffMs = 200;
    return policy;
}

SubmitRequest scenario(const QString &directives)
{
    SubmitRequest request;
    request.script = QStringLiteral("--sim ") + directives + QStringLiteral("\nselect 1;");
    request.engine = QStringLiteral("spark");
    request.runType = QStringLiteral("sql");
    return request;
}

// Checks a delivered Linkis log: the entrance's first line (two text lines, as it embeds a
// newline), then "line N of TOTAL" for every N from 2 to TOTAL, each exactly once, in order.
void verifyCompleteLog(const QStringList &lines, int total, int blankEvery = 0)
{
    QVERIFY(lines.size() >= 2);
    QVERIFY2(lines.at(0).contains(u"INFO Your job is accepted"), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"Please wait"), qPrintable(lines.at(1)));
    static const QRegularExpression numbered(QStringLiteral(" line (\\d+) of (\\d+)$"));
    int expected = 2;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        while (blankEvery > 0 && expected % blankEvery == 0)
            ++expected; // blank lines are counted by the server but never delivered
        const auto match = numbered.match(lines.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(lines.at(i)));
        QCOMPARE(match.captured(1).toInt(), expected);
        QCOMPARE(match.captured(2).toInt(), total);
        ++expected;
    }
    while (blankEvery > 0 && expected <= total && expected % blankEvery == 0)
        ++expected;
    QCOMPARE(expected, total + 1); // nothing missing at the end
}

// Follows `job` to its end and returns every log line and every raw status seen.
struct Followed
{
    QStringList lines;
    QStringList statuses;
    Job finished;
    int failures = 0;
};

Followed followToEnd(Backend &backend,
                     const Job &job,
                     MonitorPolicy policy = fastPolicy(),
                     std::function<void(qint64)> onLines = {})
{
    Followed result;
    JobMonitor monitor(&backend, policy);
    qint64 next = 1;
    bool numberedRight = true;
    QObject::connect(&monitor,
                     &JobMonitor::logAppended,
                     &monitor,
                     [&](const QString &, qint64 first, const QStringList &lines) {
                         numberedRight = numberedRight && first == next;
                         next += lines.size();
                         result.lines += lines;
                         if (onLines)
                             onLines(next - 1);
                     });
    QObject::connect(&monitor, &JobMonitor::jobChanged, &monitor, [&](const Job &changed) {
        if (result.statuses.isEmpty() || result.statuses.last() != changed.rawStatus)
            result.statuses.append(changed.rawStatus);
    });
    QObject::connect(&monitor, &JobMonitor::pollFailed, &monitor, [&] { ++result.failures; });
    QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
    monitor.follow(job);
    if (!finished.wait(120000)) {
        qWarning("job %s did not finish", qPrintable(job.id));
        return result;
    }
    result.finished = finished.first().first().value<Job>();
    if (!numberedRight)
        result.lines.prepend(QStringLiteral("<numbering broke>"));
    return result;
}

} // namespace

class TestLinkisBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void log50kLinesOnce_data()
    {
        QTest::addColumn<int>("lineBase");
        QTest::newRow("0-based (Linkis 1.0-1.5)") << 0;
        QTest::newRow("1-based (Linkis 1.6+)") << 1;
    }

    void log50kLinesOnce()
    {
        QFETCH(int, lineBase);
        LinkisSimulator::Options options;
        options.lineBase = lineBase;
        LinkisSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected.has_value(), qPrintable(connected ? QString() : connected.error().describe()));
        AWAIT(job,
              backend.submit(scenario(QStringLiteral("lines=50000 states=Inited:20,Running:300,Succeed"))));
        QVERIFY(job.has_value());
        QVERIFY(job->ids.linkisTaskId > 0);

        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        verifyCompleteLog(followed.lines, 50000);
        QCOMPARE(backend.logLineBase(), lineBase); // the convention was recognised
    }

    void log50kLinesOnceThroughExpiryAndDrops_data() { log50kLinesOnce_data(); }

    void log50kLinesOnceThroughExpiryAndDrops()
    {
        QFETCH(int, lineBase);
        LinkisSimulator::Options options;
        options.lineBase = lineBase;
        LinkisSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        AWAIT(job,
              backend.submit(scenario(QStringLiteral(
                  "lines=50000 linesPerSecond=40000 blankEvery=97 states=Running:800,Succeed"))));
        QVERIFY(job.has_value());

        // Sessions expire every few requests, and the connection drops twice mid-log.
        sim.expireSessionsEvery(5);
        int drops = 0;
        const Followed followed = followToEnd(backend, *job, fastPolicy(), [&](qint64 delivered) {
            // Qt resends a GET once by itself when a kept-alive connection closes under it, so
            // the second time several requests in a row are dropped, for the monitor to see.
            if (drops == 0 && delivered > 10000) {
                sim.dropNextRequests(1);
                ++drops;
            } else if (drops == 1 && delivered > 30000) {
                sim.dropNextRequests(4);
                ++drops;
            }
        });
        QCOMPARE(drops, 2);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        verifyCompleteLog(followed.lines, 50000, 97);
        QVERIFY2(backend.loginCount() > 2, qPrintable(QString::number(backend.loginCount())));
        QVERIFY(followed.failures >= 1); // the monitor saw a drop, retried, and lost nothing
    }

    void expiryLogsInOnceThenGivesAnErrorNotALoop()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());

        // Every session dies after one request: the next call logs in again once and replays.
        sim.expireSessionsEvery(1);
        sim.resetCounters();
        AWAIT(first, backend.list({}));
        QVERIFY(first.has_value());
        AWAIT(second, backend.list({}));
        QVERIFY(second.has_value());
        QCOMPARE(sim.requestCount(QStringLiteral("login")), 1);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 3);

        // The password changed meanwhile: the re-login fails, and that is the answer.
        sim.expireSessionsEvery(0);
        sim.addUser(User, QStringLiteral("changed-elsewhere"));
        sim.expireSessions();
        sim.resetCounters();
        AWAIT(refused, backend.list({}));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(sim.requestCount(QStringLiteral("login")), 1);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 1);
    }

    void followsRetryStatesToTheEnd()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(job,
              backend.submit(scenario(QStringLiteral(
                  "states=Running:400,WaitForRetry:300,Scheduled:300,Running:400,Succeed lines=30"))));
        QVERIFY(job.has_value());
        QCOMPARE(job->rawStatus, QStringLiteral("Inited"));
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.statuses,
                 (QStringList{QStringLiteral("Running"),
                              QStringLiteral("WaitForRetry"),
                              QStringLiteral("Scheduled"),
                              QStringLiteral("Running"),
                              QStringLiteral("Succeed")}));
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QVERIFY(followed.finished.durationMs > 0);
        QVERIFY(followed.finished.ended.isValid());
        verifyCompleteLog(followed.lines, 30);
    }

    void kill_data()
    {
        QTest::addColumn<int>("killMethod");
        QTest::addColumn<QStringList>("methodsUsed");
        QTest::newRow("GET, as real gateways")
            << int(LinkisSimulator::KillMethod::GetOnly) << QStringList{QStringLiteral("GET")};
        QTest::newRow("POST only, as the seed: 405 then POST")
            << int(LinkisSimulator::KillMethod::PostOnly)
            << QStringList{QStringLiteral("GET"), QStringLiteral("POST")};
    }

    void kill()
    {
        QFETCH(int, killMethod);
        QFETCH(QStringList, methodsUsed);
        LinkisSimulator::Options options;
        options.killMethod = LinkisSimulator::KillMethod(killMethod);
        options.progressAsString = true;
        LinkisSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(job, backend.submit(scenario(QStringLiteral("states=Running:600000,Succeed lines=5"))));
        QVERIFY(job.has_value());

        JobMonitor monitor(&backend, fastPolicy());
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(*job);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.job(job->id).state, JobState::Running, 10000);
        AWAIT(killed, backend.kill(monitor.job(job->id)));
        QVERIFY2(killed.has_value(), qPrintable(killed ? QString() : killed.error().describe()));
        QCOMPARE(*killed, QStringLiteral("Successfully killed the job")); // English half only
        QCOMPARE(sim.killMethods(), methodsUsed);
        // It may have finished while the kill was awaited: count, do not wait for a new signal.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const Job ended = finished.first().first().value<Job>();
        QCOMPARE(ended.state, JobState::Cancelled);
        QCOMPARE(ended.rawStatus, QStringLiteral("Cancelled"));
        // History keeps the "1.0f" progress of a killed job; it reads as 100 %.
        AWAIT(record, backend.details(ended));
        QVERIFY(record.has_value());
        QCOMPARE(record->progress, 1.0);
    }

    void historyPagingWithRowCountTotal()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        const QList<qint64> ids = sim.addHistoryJobs(45, QStringLiteral("Succeed"));
        QCOMPARE(ids.size(), 45);
        LinkisBackend backend(profileFor(sim));
        ListQuery query;
        query.pageSize = 20;
        AWAIT(first, backend.list(query));
        QVERIFY(first.has_value());
        QCOMPARE(first->jobs.size(), 20);
        QCOMPARE(first->totalRows, 45);                             // "totalPage" is a row count
        QCOMPARE(first->jobs.first().ids.linkisTaskId, ids.last()); // newest first
        QCOMPARE(first->jobs.first().state, JobState::Succeeded);
        query.page = 3;
        AWAIT(last, backend.list(query));
        QVERIFY(last.has_value());
        QCOMPARE(last->jobs.size(), 5);
        QCOMPARE(last->jobs.last().ids.linkisTaskId, ids.first());
        query.states = {JobState::Failed};
        query.page = 1;
        AWAIT(none, backend.list(query));
        QVERIFY(none.has_value());
        QCOMPARE(none->jobs.size(), 0);
    }

    void finishedJobLogComesFromTheArchiveWithoutRepeats()
    {
        LinkisSimulator::Options options;
        options.refuseLogWhenFinished = true;
        options.forgetFinishedJobs = true;
        LinkisSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        // Lines keep coming while the job runs; the rest appear as it ends, when the entrance
        // refuses the log and forgets the job.
        AWAIT(job,
              backend.submit(
                  scenario(QStringLiteral("lines=3000 linesPerSecond=4000 states=Running:400,Succeed"))));
        QVERIFY(job.has_value());
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        verifyCompleteLog(followed.lines, 3000);
        QVERIFY(sim.requestCount(QStringLiteral("openLog")) >= 1);
    }

    void progressShapes_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<bool>("asString");
        QTest::newRow("normal") << int(LinkisSimulator::ProgressInfoShape::Normal) << false;
        QTest::newRow("[] and string progress")
            << int(LinkisSimulator::ProgressInfoShape::EmptyArray) << true;
        QTest::newRow("[{}]") << int(LinkisSimulator::ProgressInfoShape::EmptyObject) << false;
    }

    void progressShapes()
    {
        QFETCH(int, shape);
        QFETCH(bool, asString);
        LinkisSimulator::Options options;
        options.progressInfoShape = LinkisSimulator::ProgressInfoShape(shape);
        options.progressAsString = asString;
        LinkisSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(job, backend.submit(scenario(QStringLiteral("states=Running:1500,Succeed lines=5"))));
        QVERIFY(job.has_value());
        JobMonitor monitor(&backend, fastPolicy());
        QList<double> samples;
        int withSubJobs = 0;
        connect(
            &monitor,
            &JobMonitor::progressSampled,
            this,
            [&](const QString &, const QDateTime &, double progress, const QList<SubJobProgress> &subJobs) {
                samples.append(progress);
                withSubJobs += subJobs.isEmpty() ? 0 : 1;
            });
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(*job);
        QVERIFY(finished.wait(20000));
        QVERIFY(samples.size() >= 3);
        QVERIFY(std::is_sorted(samples.cbegin(), samples.cend()));
        QCOMPARE(samples.last(), 1.0);
        for (double sample : samples)
            QVERIFY(sample >= 0 && sample <= 1.0);
        if (shape == int(LinkisSimulator::ProgressInfoShape::Normal))
            QVERIFY(withSubJobs > 0);
        else
            QCOMPARE(withSubJobs, 0);
    }

    void tokenAuthenticationWithEitherHeaderPair()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.setToken(QStringLiteral("tok-123"));
        ConnectionProfile profile = profileFor(sim);
        profile.auth = ConnectionProfile::Auth::Token;
        profile.secret = QStringLiteral("tok-123");
        LinkisBackend backend(profile);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        AWAIT(job, backend.submit(scenario(QStringLiteral("states=Running:50,Succeed lines=3"))));
        QVERIFY(job.has_value());
        QCOMPARE(sim.loginCount(), 0); // no session: the token goes with every request

        profile.secret = QStringLiteral("wrong");
        LinkisBackend rejected(profile);
        AWAIT(refused, rejected.connectToServer());
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
    }

    void answersThatAreNotTheProtocol()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));

        sim.setAnswerHtml(true);
        AWAIT(html, backend.connectToServer());
        QVERIFY(!html.has_value());
        QCOMPARE(html.error().kind, BackendError::Kind::Protocol);
        QVERIFY2(html.error().describe().contains(u"HTML"), qPrintable(html.error().describe()));
        sim.setAnswerHtml(false);

        sim.setAnswerEmpty(true);
        AWAIT(empty, backend.connectToServer());
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().kind, BackendError::Kind::Protocol);
        QVERIFY(empty.error().message.contains(u"empty"));
        sim.setAnswerEmpty(false);

        AWAIT(ok, backend.connectToServer());
        QVERIFY(ok.has_value());
        sim.setTruncateJson(true);
        AWAIT(truncated, backend.list({}));
        QVERIFY(!truncated.has_value());
        QCOMPARE(truncated.error().kind, BackendError::Kind::Protocol);
        sim.setTruncateJson(false);

        ConnectionProfile wrong = profileFor(sim);
        wrong.secret = QStringLiteral("not-the-password");
        LinkisBackend wrongPassword(wrong);
        AWAIT(denied, wrongPassword.connectToServer());
        QVERIFY(!denied.has_value());
        QCOMPARE(denied.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(denied.error().exitCode(), 3);
    }

    void refusedConnectionAndTimeouts()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ConnectionProfile profile;
        profile.kind = QStringLiteral("linkis");
        profile.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        profile.user = User;
        profile.secret = Password;
        LinkisBackend nowhere(profile);
        AWAIT(refused, nowhere.connectToServer());
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, BackendError::Kind::Connection);
        QVERIFY(refused.error().message.contains(u"refused"));

        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        ConnectionProfile slow = profileFor(sim);
        slow.requestTimeoutMs = 150;
        LinkisBackend backend(slow);
        sim.setDelayMs(1500);
        AWAIT(timedOut, backend.connectToServer());
        QVERIFY(!timedOut.has_value());
        QCOMPARE(timedOut.error().kind, BackendError::Kind::Timeout);
        sim.setDelayMs(0);
        AWAIT(fine, backend.connectToServer());
        QVERIFY(fine.has_value());
    }

    void monitorRidesOutASlowServer()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        ConnectionProfile profile = profileFor(sim);
        profile.requestTimeoutMs = 200;
        LinkisBackend backend(profile);
        AWAIT(job, backend.submit(scenario(QStringLiteral("states=Running:1500,Succeed lines=500"))));
        QVERIFY(job.has_value());
        sim.setDelayMs(400); // every answer too late for a while
        QTimer::singleShot(1200, &sim, [&sim] { sim.setDelayMs(0); });
        const Followed followed = followToEnd(backend, *job);
        QVERIFY(followed.failures > 0);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        verifyCompleteLog(followed.lines, 500);
    }

    void resultSetsInEngineOrder()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(job, backend.submit(scenario(QStringLiteral("states=Running:50,Succeed results=12 rows=7"))));
        QVERIFY(job.has_value());
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        AWAIT(sets, backend.resultSets(followed.finished));
        QVERIFY(sets.has_value());
        QCOMPARE(sets->size(), 12);
        for (int i = 0; i < 12; ++i) // _10 after _9, not after _1
            QVERIFY2(sets->at(i).name.startsWith(QStringLiteral("_%1.").arg(i)),
                     qPrintable(sets->at(i).name));
        AWAIT(page, backend.resultPage(sets->first(), 1, 5));
        QVERIFY(page.has_value());
        QVERIFY(!page->columns.isEmpty());
        QCOMPARE(page->rows.size(), 5);
        QCOMPARE(page->totalRows, 7);
        QVERIFY(page->hasMore);
        AWAIT(rest, backend.resultPage(sets->first(), 2, 5));
        QVERIFY(rest.has_value());
        QCOMPARE(rest->rows.size(), 2);
        QVERIFY(!rest->hasMore);
    }

    void statusFallsBackToHistoryWhenTheEntranceForgets()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(
            job,
            backend.submit(scenario(QStringLiteral("states=Running:30,Failed error=\"Table t not found\""))));
        QVERIFY(job.has_value());
        QTest::qWait(200);
        QVERIFY(sim.forgetJob(job->ids.linkisExecId));
        AWAIT(refreshed, backend.refresh(*job));
        QVERIFY2(refreshed.has_value(), qPrintable(refreshed ? QString() : refreshed.error().describe()));
        QCOMPARE(refreshed->state, JobState::Failed);
        QCOMPARE(refreshed->id, job->id);
        QCOMPARE(refreshed->errorMessage, QStringLiteral("Table t not found"));
        // Without the task id, the forgotten job is the server's refusal, in the user's words.
        Job bare = *job;
        bare.ids.linkisTaskId = 0;
        AWAIT(unknown, backend.refresh(bare));
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().kind, BackendError::Kind::Refused);
        QVERIFY(!unknown.error().message.contains(u"对应"));
    }
};

QTEST_GUILESS_MAIN(TestLinkisBackend)
#include "tst_linkisbackend.moc"
