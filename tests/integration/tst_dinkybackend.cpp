// The Dinky adapter and the job monitor against the Dinky simulator (0.7 and 1.x) on
// loopback: running saved tasks, Flink states through the monitor, cancel/restart/savepoint
// parameters, sessions, languages and the server's failures, end to end through real HTTP.
#include "backends/dinky/dinkybackend.h"
#include "monitor/jobmonitor.h"

#include "dinky/dinkysimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "support/await.h"

using namespace JobDeck;
using namespace Qt::StringLiterals;
using Sim::DinkySimulator;

namespace {

const QString User = u"admin"_s;
const QString Password = u"dinky123!"_s;

ConnectionProfile profileFor(const DinkySimulator &sim, bool withPassword = false)
{
    ConnectionProfile profile;
    profile.kind = u"dinky"_s;
    profile.url = sim.baseUrl();
    if (withPassword) {
        profile.user = User;
        profile.secret = Password;
    }
    profile.requestTimeoutMs = 10000;
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

DinkySimulator::Task task(qint64 id, const QStringList &states)
{
    DinkySimulator::Task t;
    t.id = id;
    t.name = u"task_%1"_s.arg(id);
    t.states = states;
    return t;
}

std::unique_ptr<DinkySimulator> simulator(DinkySimulator::Version version = DinkySimulator::Version::V1)
{
    DinkySimulator::Options options;
    options.version = version;
    auto sim = std::make_unique<DinkySimulator>(options);
    if (!sim->listen())
        qFatal("the Dinky simulator cannot listen");
    sim->addUser(User, Password);
    return sim;
}

// The error of a failed call, for a failure message (QVERIFY2 evaluates it either way).
template<typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().describe();
}

struct Followed
{
    QStringList rawStatuses;
    QList<JobState> states;
    QStringList lines;
    Job finished;
};

// Follows `job` to its end (within a minute) and returns what the monitor told.
Followed followToEnd(Backend &backend, const Job &job)
{
    Followed followed;
    JobMonitor monitor(&backend, fastPolicy());
    QObject context;
    QObject::connect(&monitor, &JobMonitor::jobChanged, &context, [&](const Job &changed) {
        if (followed.rawStatuses.isEmpty() || followed.rawStatuses.constLast() != changed.rawStatus
            || followed.states.constLast() != changed.state) {
            followed.rawStatuses.append(changed.rawStatus);
            followed.states.append(changed.state);
        }
    });
    QObject::connect(&monitor,
                     &JobMonitor::logAppended,
                     &context,
                     [&](const QString &, qint64, const QStringList &lines) { followed.lines += lines; });
    QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
    monitor.follow(job);
    if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 60000))
        return followed;
    followed.finished = finished.at(0).at(0).value<Job>();
    return followed;
}

} // namespace

class TestDinkyBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runTaskOn1x()
    {
        auto sim = simulator();
        sim->addTask(task(7, {u"RUNNING"_s, u"FINISHED"_s}));
        DinkyBackend backend(profileFor(*sim)); // no credentials at all: the OpenAPI runs as admin
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected.has_value(), qPrintable(why(connected)));
        QCOMPARE(backend.generation(), Dinky::Generation::V1);
        QVERIFY(backend.connectionNotice().isEmpty());

        TaskRunRequest run;
        run.taskId = 7;
        run.savepointPath = u"hdfs:///sp/savepoint-0"_s;
        run.variables.insert(u"dt"_s, u"2024-10-20"_s);
        AWAIT(job, backend.runTask(run));
        QVERIFY2(job.has_value(), qPrintable(why(job)));
        QCOMPARE(job->id, QString::number(sim->instanceOfRun(0)));
        QCOMPARE(job->ids.dinkyInstanceId, sim->instanceOfRun(0));
        QCOMPARE(job->ids.dinkyTaskId, 7);
        QCOMPARE(job->ids.flinkJobId.size(), 32);
        QCOMPARE(job->rawStatus, u"SUCCESS"_s);

        const auto submits = sim->requests(u"submitTask"_s);
        QCOMPARE(submits.size(), 1);
        QCOMPARE(submits.at(0).method, u"POST"_s);
        const QJsonObject body = QJsonDocument::fromJson(submits.at(0).body).object();
        QCOMPARE(body.value(u"id"_s).toInt(), 7);
        QCOMPARE(body.value(u"savePointPath"_s).toString(), u"hdfs:///sp/savepoint-0"_s);
        QCOMPARE(body.value(u"variables"_s).toObject().value(u"dt"_s).toString(), u"2024-10-20"_s);
        QCOMPARE(submits.at(0).languageHeader, QByteArray("en-US"));
        QCOMPARE(submits.at(0).languageCookie, QByteArray("en-US"));
        QCOMPARE(submits.at(0).tenantCookie, QByteArray("1"));

        // The id users type finds the job again.
        AWAIT(found, backend.lookup(job->id));
        QVERIFY(found.has_value());
        QCOMPARE(found->ids.dinkyTaskId, 7);
        QCOMPARE(found->rawStatus, u"RUNNING"_s);
        // Detected once per connection.
        QCOMPARE(sim->requestCount(u"version"_s), 1);
    }

    void runTaskOn07()
    {
        auto sim = simulator(DinkySimulator::Version::V07);
        sim->addTask(task(111, {u"RUNNING"_s, u"FINISHED"_s}));
        ConnectionProfile profile = profileFor(*sim);
        profile.tenantId = u"3"_s;
        DinkyBackend backend(profile);
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected.has_value(), qPrintable(why(connected)));
        QCOMPARE(backend.generation(), Dinky::Generation::V07);
        TaskRunRequest run;
        run.taskId = 111;
        AWAIT(job, backend.runTask(run));
        QVERIFY2(job.has_value(), qPrintable(why(job)));
        const auto submits = sim->requests(u"submitTask"_s);
        QCOMPARE(submits.size(), 1);
        QCOMPARE(submits.at(0).method, u"GET"_s);
        QCOMPARE(submits.at(0).query.queryItemValue(u"id"_s), u"111"_s);
        QCOMPARE(submits.at(0).tenantCookie, QByteArray("3"));

        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QCOMPARE(followed.finished.rawStatus, u"FINISHED"_s);
        QVERIFY(followed.finished.durationMs >= 0);
        QVERIFY(followed.finished.durationMs % 1000 == 0); // 0.7 counts seconds
    }

    void runTaskVersionCode5And07Pinned()
    {
        DinkySimulator::Options options;
        options.version = DinkySimulator::Version::V07;
        options.versionAnswersCode5 = true;
        DinkySimulator sim(options);
        QVERIFY(sim.listen());
        sim.addTask(task(5, {u"RUNNING"_s}));
        DinkyBackend detected(profileFor(sim));
        AWAIT(connected, detected.connectToServer());
        QVERIFY(connected.has_value());
        QCOMPARE(detected.generation(), Dinky::Generation::V07);

        ConnectionProfile pinned = profileFor(sim);
        pinned.serverVersion = u"0.7"_s;
        DinkyBackend backend(pinned);
        const int before = sim.requestCount(u"version"_s);
        TaskRunRequest run;
        run.taskId = 5;
        AWAIT(job, backend.runTask(run));
        QVERIFY2(job.has_value(), qPrintable(why(job)));
        QCOMPARE(sim.requestCount(u"version"_s), before); // pinned: not asked
        QCOMPARE(sim.requests(u"submitTask"_s).constLast().method, u"GET"_s);
    }

    void seedGetSubmitIsTheFallback()
    {
        DinkySimulator::Options options;
        options.submitGetOnly = true;
        DinkySimulator sim(options);
        QVERIFY(sim.listen());
        sim.addTask(task(9, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(sim));
        TaskRunRequest run;
        run.taskId = 9;
        AWAIT(job, backend.runTask(run));
        QVERIFY2(job.has_value(), qPrintable(why(job)));
        const auto submits = sim.requests(u"submitTask"_s);
        QCOMPARE(submits.size(), 2);
        QCOMPARE(submits.at(0).method, u"POST"_s);
        QCOMPARE(submits.at(1).method, u"GET"_s);
        AWAIT(again, backend.runTask(run)); // remembered
        QVERIFY(again.has_value());
        QCOMPARE(sim.requests(u"submitTask"_s).size(), 3);
    }

    void submitRefused()
    {
        auto sim = simulator();
        DinkySimulator::Task broken = task(8, {u"RUNNING"_s});
        broken.submitError = u"Flink cluster is not available: 127.0.0.1:8081"_s;
        sim->addTask(broken);
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 8;
        AWAIT(job, backend.runTask(run));
        QVERIFY(!job.has_value());
        QCOMPARE(job.error().kind, BackendError::Kind::Refused);
        QCOMPARE(job.error().message, broken.submitError);
        QCOMPARE(job.error().exitCode(), 4);
        run.taskId = 404;
        AWAIT(missing, backend.runTask(run));
        QCOMPARE(missing.error().kind, BackendError::Kind::Refused);
    }

    void flinkStatesThroughTheMonitor()
    {
        auto sim = simulator();
        sim->addTask(task(12, {u"RUNNING"_s, u"FAILED"_s, u"RESTARTING"_s, u"RUNNING"_s, u"FINISHED"_s}));
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 12;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.rawStatuses,
                 (QStringList{u"RUNNING"_s, u"FAILED"_s, u"RESTARTING"_s, u"RUNNING"_s, u"FINISHED"_s}));
        // A fresh FAILED is a transition: the monitor went on through it.
        QCOMPARE(followed.states,
                 (QList<JobState>{JobState::Running,
                                  JobState::Retrying,
                                  JobState::Retrying,
                                  JobState::Running,
                                  JobState::Succeeded}));
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QVERIFY(followed.finished.ended.isValid());
    }

    void settledFailureEndsTheJob()
    {
        auto sim = simulator();
        sim->addTask(task(13, {u"RUNNING"_s, u"FAILED"_s}));
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 13;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Failed);
        QCOMPARE(followed.finished.rawStatus, u"FAILED"_s);
        QVERIFY2(followed.finished.errorMessage.contains(u"sink down"),
                 qPrintable(followed.finished.errorMessage));
    }

    void unknownIsShownAsUnknownAndCanBeForced()
    {
        auto sim = simulator();
        DinkySimulator::Task lost = task(14, {u"RUNNING"_s, u"UNKNOWN"_s});
        lost.stateAfterForce = u"RUNNING"_s;
        sim->addTask(lost);
        DinkyBackend backend(profileFor(*sim, true));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        TaskRunRequest run;
        run.taskId = 14;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());

        JobMonitor monitor(&backend, fastPolicy());
        QSignalSpy changed(&monitor, &JobMonitor::jobChanged);
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(*job);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.job(job->id).rawStatus == u"UNKNOWN", 30000);
        const Job unknown = monitor.job(job->id);
        QCOMPARE(unknown.state, JobState::Unknown);
        QVERIFY(!unknown.isTerminal());
        QCOMPARE(jobStateName(unknown.state), u"unknown"_s);
        // Still followed, at the slow rate, and never reported as failed or finished.
        const int polls = sim->requestCount(u"getJobInstance"_s);
        QTest::qWait(300);
        QVERIFY(monitor.isFollowing(job->id));
        QCOMPARE(finished.count(), 0);
        QVERIFY2(sim->requestCount(u"getJobInstance"_s) - polls <= 300 / 60 + 2,
                 qPrintable(QString::number(sim->requestCount(u"getJobInstance"_s) - polls)));
        monitor.unfollow(job->id);

        QVERIFY(backend.capabilities().forceRefresh);
        QVERIFY(backend.availableActions(unknown).forceRefresh);
        QVERIFY(backend.availableActions(unknown).kill);
        AWAIT(forced, backend.forceRefresh(unknown));
        QVERIFY2(forced.has_value(), qPrintable(why(forced)));
        QCOMPARE(forced->rawStatus, u"RUNNING"_s);
        const auto refreshes = sim->requests(u"refreshJobInfoDetail"_s);
        QCOMPARE(refreshes.size(), 1);
        QCOMPARE(refreshes.at(0).query.queryItemValue(u"isForce"_s), u"true"_s);
        QCOMPARE(refreshes.at(0).query.queryItemValue(u"id"_s), job->id);

        // Without credentials the forced refresh cannot be asked for.
        DinkyBackend anonymous(profileFor(*sim));
        QVERIFY(!anonymous.capabilities().forceRefresh);
        AWAIT(refused, anonymous.forceRefresh(unknown));
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
    }

    void cancelCarriesItsFlags()
    {
        auto sim = simulator();
        sim->addTask(task(20, {u"RUNNING"_s}));
        sim->addTask(task(21, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 20;
        AWAIT(first, backend.runTask(run));
        QVERIFY(first.has_value());
        AWAIT(stopped, backend.cancel(*first, CancelOptions{true, false}));
        QVERIFY2(stopped.has_value(), qPrintable(why(stopped)));
        auto cancels = sim->requests(u"cancel"_s);
        QCOMPARE(cancels.size(), 1);
        QCOMPARE(cancels.at(0).method, u"GET"_s);
        QCOMPARE(cancels.at(0).query.queryItemValue(u"id"_s), u"20"_s); // the task id
        QCOMPARE(cancels.at(0).query.queryItemValue(u"withSavePoint"_s), u"true"_s);
        QCOMPARE(cancels.at(0).query.queryItemValue(u"forceCancel"_s), u"false"_s);
        AWAIT(after, backend.refresh(*first));
        QCOMPARE(after->state, JobState::Cancelled);

        // kill = cancel with the defaults; a job known by its typed id only.
        run.taskId = 21;
        AWAIT(second, backend.runTask(run));
        QVERIFY(second.has_value());
        AWAIT(typed, backend.lookup(second->id));
        QVERIFY(typed.has_value());
        Job bare;
        bare.id = second->id;
        AWAIT(killed, backend.kill(bare));
        QVERIFY2(killed.has_value(), qPrintable(why(killed)));
        cancels = sim->requests(u"cancel"_s);
        QCOMPARE(cancels.constLast().query.queryItemValue(u"id"_s), u"21"_s);
        QCOMPARE(cancels.constLast().query.queryItemValue(u"withSavePoint"_s), u"false"_s);
        QCOMPARE(cancels.constLast().query.queryItemValue(u"forceCancel"_s), u"true"_s);

        // Cancelling again: the server refuses (code 1).
        AWAIT(twice, backend.kill(*second));
        QVERIFY(!twice.has_value());
        QCOMPARE(twice.error().kind, BackendError::Kind::Refused);
    }

    void cancelOn07()
    {
        auto sim = simulator(DinkySimulator::Version::V07);
        sim->addTask(task(30, {u"RUNNING"_s}));
        sim->addTask(task(31, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 30;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        AWAIT(killed, backend.kill(*job));
        QVERIFY2(killed.has_value(), qPrintable(why(killed)));
        const auto cancel = sim->requests(u"cancel"_s).constLast();
        QCOMPARE(cancel.method, u"POST"_s);
        const QJsonObject body = QJsonDocument::fromJson(cancel.body).object();
        QCOMPARE(body.value(u"jobId"_s).toString(), job->ids.flinkJobId);
        QCOMPARE(body.value(u"address"_s).toString(), u"127.0.0.1:8081"_s);

        run.taskId = 31;
        AWAIT(other, backend.runTask(run));
        QVERIFY(other.has_value());
        AWAIT(withSavepoint, backend.cancel(*other, CancelOptions{true, true}));
        QVERIFY(withSavepoint.has_value());
        const QJsonObject savepoint
            = QJsonDocument::fromJson(sim->requests(u"savepointTask"_s).constLast().body).object();
        QCOMPARE(savepoint.value(u"taskId"_s).toInt(), 31);
        QCOMPARE(savepoint.value(u"type"_s).toString(), u"cancel"_s);
    }

    void restartAndSavepoint()
    {
        auto sim = simulator();
        sim->addTask(task(40, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim));
        TaskRunRequest run;
        run.taskId = 40;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        AWAIT(path, backend.savepoint(*job));
        QVERIFY2(path.has_value(), qPrintable(why(path)));
        QCOMPARE(*path, u"hdfs:///flink/savepoints/savepoint-1"_s);
        const auto sp = sim->requests(u"savepoint"_s).constLast();
        QCOMPARE(sp.method, u"POST"_s);
        QCOMPARE(sp.query.queryItemValue(u"taskId"_s), u"40"_s);
        QCOMPARE(sp.query.queryItemValue(u"savePointType"_s), u"trigger"_s);

        AWAIT(restarted, backend.restart(*job, *path));
        QVERIFY2(restarted.has_value(), qPrintable(why(restarted)));
        QCOMPARE(restarted->id, QString::number(sim->instanceOfRun(1)));
        QVERIFY(restarted->id != job->id);
        const auto restart = sim->requests(u"restartTask"_s).constLast();
        QCOMPARE(restart.query.queryItemValue(u"id"_s), u"40"_s);
        QCOMPARE(restart.query.queryItemValue(u"savePointPath"_s), *path);

        // 0.7: a restart from a savepoint is its own endpoint; a savepoint is savepointTask.
        auto old = simulator(DinkySimulator::Version::V07);
        old->addTask(task(41, {u"RUNNING"_s}));
        DinkyBackend backend07(profileFor(*old));
        run.taskId = 41;
        AWAIT(job07, backend07.runTask(run));
        QVERIFY(job07.has_value());
        AWAIT(path07, backend07.savepoint(*job07));
        QVERIFY(path07.has_value());
        QCOMPARE(QJsonDocument::fromJson(old->requests(u"savepointTask"_s).constLast().body)
                     .object()
                     .value(u"type"_s)
                     .toString(),
                 u"trigger"_s);
        AWAIT(restarted07, backend07.restart(*job07, u"hdfs:///sp/x"_s));
        QVERIFY(restarted07.has_value());
        QCOMPARE(old->requests(u"selectSavePointRestartTask"_s)
                     .constLast()
                     .query.queryItemValue(u"savePointPath"_s),
                 u"hdfs:///sp/x"_s);
    }

    void exceptionShowsTheMessageNotTheTrace()
    {
        auto sim = simulator();
        sim->addTask(task(50, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        sim->setThrowException(true);
        TaskRunRequest run;
        run.taskId = 50;
        AWAIT(job, backend.runTask(run));
        QVERIFY(!job.has_value());
        QCOMPARE(job.error().kind, BackendError::Kind::Refused);
        QCOMPARE(job.error().serverCode, u"5"_s);
        QVERIFY2(job.error().message.contains(u"unreachable"), qPrintable(job.error().message));
        QVERIFY(!job.error().message.contains(u"\tat "));
        QVERIFY(!job.error().message.contains(u"APIController"));
    }

    void expiredTokenLogsInOnceAndReplays()
    {
        auto sim = simulator();
        sim->addTask(task(60, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim, true));
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected.has_value(), qPrintable(why(connected)));
        QCOMPARE(sim->loginCount(), 1);
        QVERIFY(backend.connectionNotice().contains(User));
        const auto login = QJsonDocument::fromJson(sim->requests(u"login"_s).constLast().body).object();
        QCOMPARE(login.value(u"username"_s).toString(), User);
        QCOMPARE(login.value(u"ldapLogin"_s).toBool(), false);
        QCOMPARE(login.value(u"autoLogin"_s).toBool(), true);

        TaskRunRequest run;
        run.taskId = 60;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        AWAIT(listed, backend.list(ListQuery{}));
        QVERIFY2(listed.has_value(), qPrintable(why(listed)));
        QCOMPARE(listed->jobs.size(), 1);
        QVERIFY(!sim->requests(u"jobInstanceList"_s).constLast().token.isEmpty());

        sim->expireTokens();
        AWAIT(again, backend.list(ListQuery{}));
        QVERIFY2(again.has_value(), qPrintable(why(again)));
        QCOMPARE(sim->loginCount(), 2);
        QCOMPARE(sim->requestCount(u"jobInstanceList"_s), 3); // refused once, replayed once

        // Pushed offline by a browser login of the same user (BE_REPLACED): the same.
        sim->kickOut(User);
        AWAIT(forced, backend.forceRefresh(*job));
        QVERIFY2(forced.has_value(), qPrintable(why(forced)));
        QCOMPARE(sim->loginCount(), 3);

        // Background polls do not take the session back from the login that replaced it
        // (that would push the user's browser out every few seconds): they go without.
        sim->kickOut(User);
        AWAIT(page, backend.log(*job, LogCursor{}, 100));
        QVERIFY2(page.has_value(), qPrintable(why(page)));
        QVERIFY(page->lines.isEmpty());
        QVERIFY(!page->complete); // the log goes on once the user's next call logged in again
        AWAIT(progress, backend.progress(*job));
        QVERIFY2(progress.has_value(), qPrintable(why(progress)));
        QCOMPARE(sim->loginCount(), 3);
        // What the user asks for logs in again.
        AWAIT(listedAgain, backend.list(ListQuery{}));
        QVERIFY2(listedAgain.has_value(), qPrintable(why(listedAgain)));
        QCOMPARE(sim->loginCount(), 4);
        // An expired session is taken back in the background too: nobody else holds it.
        sim->expireTokens();
        AWAIT(afterExpiry, backend.log(*job, LogCursor{}, 100));
        QVERIFY(afterExpiry.has_value());
        QCOMPARE(sim->loginCount(), 5);

        // A ready token that the server no longer takes: no login to try, an Authentication error.
        ConnectionProfile tokenProfile = profileFor(*sim);
        tokenProfile.auth = ConnectionProfile::Auth::Token;
        tokenProfile.secret = u"stale-token"_s;
        DinkyBackend withToken(tokenProfile);
        AWAIT(refused, withToken.list(ListQuery{}));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(refused.error().exitCode(), 3);
        sim->setApiToken(u"good-token"_s);
        tokenProfile.secret = u"good-token"_s;
        DinkyBackend withGoodToken(tokenProfile);
        AWAIT(accepted, withGoodToken.list(ListQuery{}));
        QVERIFY2(accepted.has_value(), qPrintable(why(accepted)));
        QCOMPARE(sim->requests(u"jobInstanceList"_s).constLast().token, QByteArray("good-token"));
    }

    void wrongPasswordIsAnAuthenticationError()
    {
        auto sim = simulator();
        ConnectionProfile profile = profileFor(*sim, true);
        profile.secret = u"wrong"_s;
        DinkyBackend backend(profile);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().kind, BackendError::Kind::Authentication);
        QVERIFY2(connected.error().message.contains(u"incorrect"), qPrintable(connected.error().message));
    }

    void listNeedsALogin()
    {
        auto sim = simulator();
        DinkyBackend backend(profileFor(*sim));
        QVERIFY(!backend.capabilities().history);
        AWAIT(listed, backend.list(ListQuery{}));
        QVERIFY(!listed.has_value());
        QCOMPARE(listed.error().kind, BackendError::Kind::Authentication);
        QVERIFY2(listed.error().message.contains(u"login"), qPrintable(listed.error().message));
        QCOMPARE(sim->requestCount(u"jobInstanceList"_s), 0);
    }

    void languageGoesAsHeaderAndCookie()
    {
        auto sim = simulator();
        sim->addTask(task(70, {u"RUNNING"_s}));
        DinkyBackend backend(profileFor(*sim));
        backend.setLanguage(Language::Chinese);
        TaskRunRequest run;
        run.taskId = 70;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        const auto last = sim->lastRequest();
        QCOMPARE(last.languageHeader, QByteArray("zh-CN"));
        QCOMPARE(last.languageCookie, QByteArray("zh-CN"));
        QCOMPARE(last.tenantCookie, QByteArray("1"));
        backend.setLanguage(Language::English);
        AWAIT(refreshed, backend.refresh(*job));
        QVERIFY(refreshed.has_value());
        QCOMPARE(sim->lastRequest().languageHeader, QByteArray("en-US"));
        QCOMPARE(sim->lastRequest().languageCookie, QByteArray("en-US"));
    }

    void consoleLogIsDeliveredOnce()
    {
        auto sim = simulator();
        DinkySimulator::Task logged
            = task(80, {u"RUNNING"_s, u"RUNNING"_s, u"RUNNING"_s, u"RUNNING"_s, u"FINISHED"_s});
        for (int i = 1; i <= 6; ++i)
            logged.consoleLines.append(u"[dinky] submit step %1 of 6"_s.arg(i));
        sim->addTask(logged);
        DinkyBackend backend(profileFor(*sim, true));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        TaskRunRequest run;
        run.taskId = 80;
        AWAIT(job, backend.runTask(run));
        QVERIFY(job.has_value());
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QCOMPARE(followed.lines, logged.consoleLines);
        QCOMPARE(sim->requests(u"getProcess"_s).constFirst().query.queryItemValue(u"processName"_s),
                 u"FlinkSubmit/80"_s);

        // Without a login the log is simply not there: empty and complete, no request.
        DinkyBackend anonymous(profileFor(*sim));
        const int asked = sim->requestCount(u"getProcess"_s);
        AWAIT(page, anonymous.log(*job, LogCursor{}, 100));
        QVERIFY(page.has_value());
        QVERIFY(page->complete);
        QVERIFY(page->lines.isEmpty());
        QCOMPARE(sim->requestCount(u"getProcess"_s), asked);
    }

    void notDinkyIsAProtocolError()
    {
        auto sim = simulator();
        sim->setAnswerHtml(true);
        DinkyBackend backend(profileFor(*sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(!connected.has_value());
        QCOMPARE(connected.error().kind, BackendError::Kind::Protocol);
        QCOMPARE(connected.error().exitCode(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDinkyBackend)
#include "tst_dinkybackend.moc"
