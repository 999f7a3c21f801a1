// The Kylin adapter and the job monitor against the Kylin simulator on loopback, in its 2.1,
// 3.x and 5.x flavours: detection, listing with paging and time filters, a three-step job
// followed to its end, the job actions, authentication and server errors.
#include "backends/kylin/kylinbackend.h"
#include "monitor/jobmonitor.h"

#include "kylin/kylinsimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>

#include <QTest>
#include <algorithm>

#include "support/await.h"

using namespace JobDeck;
using Sim::KylinSimulator;
using Flavour = KylinSimulator::Flavour;

namespace {

const QString User = QStringLiteral("ADMIN");
const QString Password = QStringLiteral("KYLIN");
const QString Project = QStringLiteral("learn_kylin");

ConnectionProfile profileFor(const KylinSimulator &sim)
{
    ConnectionProfile profile;
    profile.kind = QStringLiteral("kylin");
    profile.url = sim.baseUrl();
    profile.user = User;
    profile.secret = Password;
    profile.project = Project;
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

Kylin::Generation generationOf(Flavour flavour)
{
    switch (flavour) {
    case Flavour::V2_1:
        return Kylin::Generation::V2;
    case Flavour::V3:
        return Kylin::Generation::V1;
    case Flavour::V5:
        return Kylin::Generation::V5;
    }
    return Kylin::Generation::Unknown;
}

void addFlavours()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::newRow("2.1") << Flavour::V2_1;
    QTest::newRow("3.x") << Flavour::V3;
    QTest::newRow("5.x") << Flavour::V5;
}

// A simulator of `flavour` with the test user, listening.
std::unique_ptr<KylinSimulator> start(Flavour flavour, KylinSimulator::Options options = {})
{
    options.flavour = flavour;
    auto sim = std::make_unique<KylinSimulator>(options);
    sim->addUser(User, Password);
    if (!sim->listen())
        qFatal("cannot listen: %s", qPrintable(sim->errorString()));
    return sim;
}

KylinSimulator::JobSpec history(const QString &status, qint64 ageMs)
{
    KylinSimulator::JobSpec spec;
    spec.status = status;
    spec.ageMs = ageMs;
    return spec;
}

constexpr qint64 Hour = 3600 * 1000;

} // namespace

class TestKylinBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsTheGeneration_data() { addFlavours(); }

    void detectsTheGeneration()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinBackend backend(profileFor(*sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().message));
        QCOMPARE(backend.generation(), generationOf(flavour));
        // 5.x is known from the authentication answer; the others take one v2 probe.
        QCOMPARE(sim->requestCount(QStringLiteral("list")), flavour == Flavour::V5 ? 0 : 1);
        QCOMPARE(sim->requestCount(QStringLiteral("notAcceptable")), flavour == Flavour::V3 ? 1 : 0);
        // Once per connection: later calls do not detect again.
        AWAIT(page, backend.list({}));
        QVERIFY(page);
        AWAIT(again, backend.list({}));
        QVERIFY(again);
        QCOMPARE(sim->requestCount(QStringLiteral("authentication")), 1);
        QCOMPARE(sim->requestCount(QStringLiteral("notAcceptable")), flavour == Flavour::V3 ? 1 : 0);
        // Basic credentials went with every request (Kylin sends no WWW-Authenticate).
        QCOMPARE(sim->basicUsers().size(), sim->acceptHeaders().size());
    }

    void pinnedVersionSkipsDetection()
    {
        auto sim = start(Flavour::V3);
        ConnectionProfile profile = profileFor(*sim);
        profile.serverVersion = QStringLiteral("3");
        KylinBackend backend(profile);
        QCOMPARE(backend.generation(), Kylin::Generation::V1);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected);
        QCOMPARE(sim->requestCount(QStringLiteral("list")), 0);
        QCOMPARE(sim->requestCount(QStringLiteral("authentication")), 1);
        // Detection without a connect: the first call detects.
        KylinBackend lazy(profileFor(*sim));
        AWAIT(page, lazy.list({}));
        QVERIFY(page);
        QCOMPARE(lazy.generation(), Kylin::Generation::V1);
    }

    void listWithPagingAndTimeFilters_data() { addFlavours(); }

    void listWithPagingAndTimeFilters()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        // 23 jobs in the last day, and one at each older distance.
        QStringList recent;
        for (int i = 0; i < 23; ++i)
            recent.append(sim->addJob(history(QStringLiteral("FINISHED"), Hour + i * 60000)));
        sim->addJob(history(QStringLiteral("ERROR"), 48 * Hour));
        sim->addJob(history(QStringLiteral("DISCARDED"), 10 * 24 * Hour));
        sim->addJob(history(QStringLiteral("FINISHED"), 40 * 24 * Hour));
        sim->addJob(history(QStringLiteral("FINISHED"), 400 * 24 * Hour));
        KylinSimulator::JobSpec elsewhere = history(QStringLiteral("FINISHED"), Hour);
        elsewhere.project = QStringLiteral("other_project");
        sim->addJob(elsewhere);

        KylinBackend backend(profileFor(*sim));
        const bool knowsTotal = flavour != Flavour::V3;
        const bool shifted = flavour == Flavour::V3;

        // Paging through the last day, newest first, each job once.
        QStringList seen;
        for (int page = 1; page <= 3; ++page) {
            ListQuery query;
            query.page = page;
            query.pageSize = 10;
            query.since = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600);
            AWAIT(listed, backend.list(query));
            QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
            QCOMPARE(listed->jobs.size(), page < 3 ? 10 : 3);
            QCOMPARE(listed->totalRows, knowsTotal ? 23 : -1);
            QCOMPARE(listed->page, page);
            for (const Job &job : listed->jobs) {
                QCOMPARE(job.state, JobState::Succeeded);
                QCOMPARE(job.project, Project);
                seen.append(job.id);
            }
            const QUrlQuery sent = sim->listQueries().last();
            QCOMPARE(sent.queryItemValue(QStringLiteral("timeFilter")),
                     QString(shifted ? QStringLiteral("1") : QStringLiteral("0")));
            QCOMPARE(sent.queryItemValue(QStringLiteral("projectName")), Project);
            if (knowsTotal) {
                QCOMPARE(sent.queryItemValue(QStringLiteral("pageOffset")), QString::number(page - 1));
                QCOMPARE(sent.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("10"));
                QCOMPARE(sent.queryItemValue(QStringLiteral("sortby")), QStringLiteral("last_modify"));
            } else {
                QCOMPARE(sent.queryItemValue(QStringLiteral("offset")), QString::number((page - 1) * 10));
                QCOMPARE(sent.queryItemValue(QStringLiteral("limit")), QStringLiteral("10"));
            }
        }
        QCOMPARE(seen, recent); // newest (youngest) first, as added
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 23);

        // Each time filter: the smallest that covers the asked distance.
        const QList<std::tuple<qint64, int, int>> filters{
            {36 * Hour, 1, 24}, {9 * 24 * Hour, 2, 25}, {35 * 24 * Hour, 3, 26}, {500 * 24 * Hour, 4, 27}};
        for (const auto &[age, code, count] : filters) {
            ListQuery query;
            query.pageSize = 100;
            query.since = QDateTime::currentDateTimeUtc().addMSecs(-age);
            AWAIT(listed, backend.list(query));
            QVERIFY(listed);
            QCOMPARE(listed->jobs.size(), count);
            QCOMPARE(sim->listQueries().last().queryItemValue(QStringLiteral("timeFilter")),
                     QString::number(shifted ? code + 1 : code));
        }
        ListQuery all;
        all.pageSize = 100;
        AWAIT(everything, backend.list(all));
        QVERIFY(everything);
        QCOMPARE(everything->jobs.size(), 27);
        QCOMPARE(sim->listQueries().last().queryItemValue(QStringLiteral("timeFilter")),
                 QString(shifted ? QStringLiteral("5") : QStringLiteral("4")));

        // Status filters, as states and as Kylin's words.
        ListQuery failed = all;
        failed.states = {JobState::Failed};
        AWAIT(onlyFailed, backend.list(failed));
        QVERIFY(onlyFailed);
        QCOMPARE(onlyFailed->jobs.size(), 1);
        QCOMPARE(onlyFailed->jobs.first().rawStatus, QStringLiteral("ERROR"));
        QVERIFY(sim->listQueries()
                    .last()
                    .allQueryItemValues(QStringLiteral("status"))
                    .contains(QStringLiteral("8")));
        ListQuery discarded = all;
        discarded.rawStatuses = {QStringLiteral("discarded")};
        AWAIT(onlyDiscarded, backend.list(discarded));
        QVERIFY(onlyDiscarded);
        QCOMPARE(onlyDiscarded->jobs.size(), 1);
        QCOMPARE(onlyDiscarded->jobs.first().state, JobState::Cancelled);
        ListQuery bogus = all;
        bogus.rawStatuses = {QStringLiteral("SLEEPING")};
        AWAIT(refused, backend.list(bogus));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Refused);
    }

    void followsAThreeStepJob_data() { addFlavours(); }

    void followsAThreeStepJob()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinSimulator::JobSpec spec;
        spec.pendingMs = 1000; // long enough to be seen waiting
        spec.stepMs = 300;
        const QString uuid = sim->addJob(spec);
        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        QCOMPARE(found->state, JobState::Queued);
        QCOMPARE(found->steps.size(), 3);

        JobMonitor monitor(&backend, fastPolicy());
        QStringList statuses{found->rawStatus};
        QList<QList<JobStep>> stepHistory;
        QStringList lines;
        qint64 next = 1;
        bool numbered = true;
        bool sawRunningStep = false;
        connect(&monitor, &JobMonitor::jobChanged, this, [&](const Job &changed) {
            if (statuses.last() != changed.rawStatus)
                statuses.append(changed.rawStatus);
            for (const JobStep &step : changed.steps)
                sawRunningStep = sawRunningStep || step.rawStatus == u"RUNNING";
        });
        connect(&monitor, &JobMonitor::stepsChanged, this, [&](const QString &, const QList<JobStep> &steps) {
            stepHistory.append(steps);
        });
        connect(&monitor,
                &JobMonitor::logAppended,
                this,
                [&](const QString &, qint64 first, const QStringList &more) {
                    numbered = numbered && first == next;
                    next += more.size();
                    lines += more;
                });
        // Kylin has no progress call: the job's own percentage is what the chart gets.
        QList<double> samples;
        connect(&monitor,
                &JobMonitor::progressSampled,
                this,
                [&](const QString &, const QDateTime &, double progress, const QList<SubJobProgress> &) {
                    samples.append(progress);
                });
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(*found);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(!samples.isEmpty());
        QVERIFY(std::is_sorted(samples.cbegin(), samples.cend()));
        QVERIFY(samples.first() >= 0 && samples.last() <= 1.0);

        const Job done = finished.first().first().value<Job>();
        QCOMPARE(done.state, JobState::Succeeded);
        QCOMPARE(done.rawStatus, QStringLiteral("FINISHED"));
        QCOMPARE(statuses.first(), QStringLiteral("PENDING"));
        QVERIFY2(statuses.contains(u"RUNNING"), qPrintable(statuses.join(u',')));
        QCOMPARE(statuses.last(), QStringLiteral("FINISHED"));
        QVERIFY(sawRunningStep);
        QVERIFY2(stepHistory.size() >= 3, qPrintable(QString::number(stepHistory.size())));
        QCOMPARE(done.progress, 1.0);
        QVERIFY(done.started.isValid());
        QVERIFY(done.ended.isValid());
        QVERIFY(done.started <= done.ended);
        if (flavour == Flavour::V5)
            QVERIFY2(done.durationMs >= 800, qPrintable(QString::number(done.durationMs))); // 3 x 250 ms
        else
            QVERIFY(done.durationMs >= 0); // whole seconds
        QCOMPARE(done.steps.size(), 3);
        for (qsizetype i = 0; i < done.steps.size(); ++i) {
            const JobStep &step = done.steps.at(i);
            QCOMPARE(step.state, JobState::Succeeded);
            QVERIFY(step.start.isValid());
            QVERIFY(step.end.isValid());
            QVERIFY(step.start < step.end);
            if (i > 0)
                QVERIFY(done.steps.at(i - 1).end <= step.start);
        }

        // The log: each step's header and its three lines, once, in order, numbered without gaps.
        QVERIFY(numbered);
        QStringList expected;
        const QStringList names{QStringLiteral("Create Intermediate Flat Hive Table"),
                                QStringLiteral("Build Cube with Spark"),
                                QStringLiteral("Update Cube Info")};
        for (int step = 0; step < 3; ++step) {
            expected.append(QStringLiteral("== %1. %2 (FINISHED) ==").arg(step).arg(names.at(step)));
            for (int line = 1; line <= 3; ++line)
                expected.append(QStringLiteral("kylin_sales_cube step %1 line %2 of 3").arg(step).arg(line));
        }
        QCOMPARE(lines, expected);
        QCOMPARE(finished.size(), 1);
    }

    void pauseResumeDiscardDrop_data() { addFlavours(); }

    void pauseResumeDiscardDrop()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinSimulator::JobSpec spec;
        spec.stepMs = 600000; // stays in its first step
        const QString uuid = sim->addJob(spec);
        QTRY_COMPARE_WITH_TIMEOUT(sim->jobStatus(uuid), QStringLiteral("RUNNING"), 10000);

        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        QCOMPARE(found->state, JobState::Running);
        JobActions actions = backend.availableActions(*found);
        QVERIFY(actions.pause);
        QVERIFY(actions.kill);
        QVERIFY(!actions.resume);
        QVERIFY(!actions.drop);

        AWAIT(paused, backend.pause(*found));
        QVERIFY2(paused, qPrintable(paused ? QString() : paused.error().message));
        QCOMPARE(paused->state, JobState::Paused);
        QCOMPARE(paused->rawStatus, QStringLiteral("STOPPED"));
        QCOMPARE(paused->id, uuid);
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("STOPPED"));
        actions = backend.availableActions(*paused);
        QVERIFY(actions.resume);
        QVERIFY(!actions.pause);

        AWAIT(resumed, backend.resume(*paused));
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
        QVERIFY(resumed->state == JobState::Queued || resumed->state == JobState::Running);
        QVERIFY(sim->jobStatus(uuid) == u"PENDING" || sim->jobStatus(uuid) == u"RUNNING");

        AWAIT(discarded, backend.kill(*resumed));
        QVERIFY2(discarded, qPrintable(discarded ? QString() : discarded.error().message));
        QVERIFY(discarded->contains(uuid));
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("DISCARDED"));
        AWAIT(current, backend.refresh(*resumed));
        QVERIFY(current);
        QCOMPARE(current->state, JobState::Cancelled);
        QVERIFY(backend.availableActions(*current).drop);
        QVERIFY(!backend.availableActions(*current).kill);

        AWAIT(dropped, backend.drop(*current));
        QVERIFY2(dropped, qPrintable(dropped ? QString() : dropped.error().message));
        QCOMPARE(sim->jobStatus(uuid), QString());
        AWAIT(gone, backend.lookup(uuid));
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, BackendError::Kind::Refused);

        if (flavour == Flavour::V5) {
            // 5.x: pause and discard through v4 PUT jobs/status, drop through v4 DELETE jobs.
            QCOMPARE(sim->requestCount(QStringLiteral("status")), 2);
            QCOMPARE(sim->requestCount(QStringLiteral("dropJobs")), 1);
            QCOMPARE(sim->requestCount(QStringLiteral("resume")), 1);
            const QJsonObject body = QJsonDocument::fromJson(sim->v4Bodies().first()).object();
            QCOMPARE(body.value(u"action").toString(), QStringLiteral("PAUSE"));
            QCOMPARE(body.value(u"project").toString(), Project);
            QCOMPARE(body.value(u"job_ids").toArray().first().toString(), uuid);
        } else {
            QCOMPARE(sim->requestCount(QStringLiteral("pause")), 1);
            QCOMPARE(sim->requestCount(QStringLiteral("resume")), 1);
            QCOMPARE(sim->requestCount(QStringLiteral("cancel")), 1);
            QCOMPARE(sim->requestCount(QStringLiteral("drop")), 1);
        }
    }

    void dropRefusedWhileRunning_data() { addFlavours(); }

    void dropRefusedWhileRunning()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinSimulator::JobSpec spec;
        spec.stepMs = 600000;
        const QString uuid = sim->addJob(spec);
        KylinBackend backend(profileFor(*sim));
        QTRY_COMPARE_WITH_TIMEOUT(sim->jobStatus(uuid), QStringLiteral("RUNNING"), 10000);
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        QVERIFY(!backend.availableActions(*found).drop);
        // Sent anyway when asked: the server says no, with its reason.
        AWAIT(dropped, backend.drop(*found));
        QVERIFY(!dropped);
        QCOMPARE(dropped.error().kind, BackendError::Kind::Refused);
        QCOMPARE(dropped.error().exitCode(), 4);
        QVERIFY2(dropped.error().message.startsWith(u"Cannot drop running job ")
                     && dropped.error().message.contains(u"kylin_sales_cube"),
                 qPrintable(dropped.error().message));
        QVERIFY(!dropped.error().message.contains(u"\tat "));
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("RUNNING"));
    }

    void wrongPasswordIsAnAuthenticationError_data() { addFlavours(); }

    void wrongPasswordIsAnAuthenticationError()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        ConnectionProfile profile = profileFor(*sim);
        profile.secret = QStringLiteral("wrong");
        KylinBackend backend(profile);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(!connected);
        QCOMPARE(connected.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(connected.error().exitCode(), 3);
        QVERIFY2(connected.error().message.contains(User), qPrintable(connected.error().message));
        QVERIFY(!connected.error().message.contains(u"<html"));
        QCOMPARE(sim->requestCount(QStringLiteral("unauthorized")), 1);
        QCOMPARE(backend.generation(), Kylin::Generation::Unknown);

        // A password changed under a working connection: one new login, then the error.
        ConnectionProfile good = profileFor(*sim);
        KylinBackend working(good);
        AWAIT(ok, working.connectToServer());
        QVERIFY(ok);
        sim->addUser(User, QStringLiteral("changed"));
        sim->expireSessions();
        sim->resetCounters();
        AWAIT(listed, working.list({}));
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(sim->requestCount(QStringLiteral("authentication")), 1); // one try, no loop
        QCOMPARE(sim->requestCount(QStringLiteral("list")), 1);

        ConnectionProfile none = profileFor(*sim);
        none.secret.clear();
        KylinBackend anonymous(none);
        AWAIT(refused, anonymous.connectToServer());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
    }

    void htmlUnauthorizedPage()
    {
        // 2.x-4.x answer a missing login with the container's HTML page and no
        // WWW-Authenticate header: an Authentication error naming the status, never Protocol.
        auto sim = start(Flavour::V3);
        ConnectionProfile profile = profileFor(*sim);
        profile.serverVersion = QStringLiteral("3");
        profile.user = QStringLiteral("NOBODY");
        KylinBackend backend(profile);
        AWAIT(listed, backend.list({}));
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(listed.error().httpStatus, 401);
        QVERIFY2(listed.error().message.contains(u"401"), qPrintable(listed.error().message));
    }

    void serverErrorShowsItsMessageOnly_data() { addFlavours(); }

    void serverErrorShowsItsMessageOnly()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        const QString uuid = sim->addJob(history(QStringLiteral("FINISHED"), Hour));
        KylinBackend backend(profileFor(*sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected);
        sim->setServerError(true);
        AWAIT(listed, backend.list({}));
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, BackendError::Kind::Refused);
        QCOMPARE(listed.error().message, KylinSimulator::serverErrorMessage());
        QCOMPARE(listed.error().httpStatus, 500);
        QVERIFY(!listed.error().describe().contains(u"ExecutableDao"));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(!found);
        QCOMPARE(found.error().message, KylinSimulator::serverErrorMessage());
        sim->setServerError(false);
        AWAIT(back, backend.lookup(uuid));
        QVERIFY(back);
    }

    void languageHeader_data() { addFlavours(); }

    void languageHeader()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinBackend backend(profileFor(*sim));
        backend.setLanguage(Language::Chinese);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected);
        AWAIT(listed, backend.list({}));
        QVERIFY(listed);
        QVERIFY(!sim->acceptLanguages().isEmpty());
        for (const QString &language : sim->acceptLanguages())
            QCOMPARE(language, QStringLiteral("cn"));
        sim->resetCounters();
        backend.setLanguage(Language::English);
        AWAIT(again, backend.list({}));
        QVERIFY(again);
        QCOMPARE(sim->acceptLanguages(), QStringList{QStringLiteral("en")});
        // The job API's media type, as the seed sends it (v1 on 3.x).
        const QByteArray accept = sim->acceptHeaders().last();
        QCOMPARE(accept,
                 flavour == Flavour::V3 ? QByteArray("application/json")
                                        : QByteArray("application/vnd.apache.kylin-v2+json"));
    }

    void stepOutputBySequenceOrId_data() { addFlavours(); }

    void stepOutputBySequenceOrId()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        const QString uuid = sim->addJob(history(QStringLiteral("FINISHED"), Hour));
        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        const QString expected = QStringLiteral("kylin_sales_cube step 1 line 1 of 3\n"
                                                "kylin_sales_cube step 1 line 2 of 3\n"
                                                "kylin_sales_cube step 1 line 3 of 3");
        AWAIT(bySequence, backend.stepOutput(*found, QStringLiteral("1")));
        QVERIFY2(bySequence, qPrintable(bySequence ? QString() : bySequence.error().message));
        QCOMPARE(*bySequence, expected);
        AWAIT(byId, backend.stepOutput(*found, found->steps.at(1).id));
        QVERIFY(byId);
        QCOMPARE(*byId, expected);
        Job bare; // only the id: the steps are fetched first
        bare.id = uuid;
        AWAIT(fromId, backend.stepOutput(bare, QStringLiteral("2")));
        QVERIFY(fromId);
        QVERIFY(fromId->startsWith(u"kylin_sales_cube step 2 line 1 of 3"));
        AWAIT(missing, backend.stepOutput(*found, QStringLiteral("7")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, BackendError::Kind::Refused);
    }

    void kylin5OutputIsCutInTheMiddle()
    {
        KylinSimulator::Options options;
        options.outputLines = 250;
        auto sim = start(Flavour::V5, options);
        const QString uuid = sim->addJob(history(QStringLiteral("FINISHED"), Hour));
        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        AWAIT(output, backend.stepOutput(*found, QStringLiteral("0")));
        QVERIFY(output);
        const QStringList lines = output->split(u'\n');
        QCOMPARE(lines.size(), 201);
        QCOMPARE(lines.at(99), QStringLiteral("kylin_sales_cube step 0 line 100 of 250"));
        QVERIFY(lines.at(100).contains(u"left out"));
        QCOMPARE(lines.at(101), QStringLiteral("kylin_sales_cube step 0 line 151 of 250"));
    }

    void logOfADiscardedJob_data() { addFlavours(); }

    void logOfADiscardedJob()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        const QString uuid = sim->addJob(history(QStringLiteral("DISCARDED"), Hour));
        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        AWAIT(page, backend.log(*found, {}, 10000));
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QVERIFY(page->complete);
        QCOMPARE(page->next.position, 3);
        QCOMPARE(page->next.delivered, page->lines.size());
        QCOMPARE(page->lines.first(),
                 QStringLiteral("== 0. Create Intermediate Flat Hive Table (FINISHED) =="));
        QCOMPARE(page->lines.count(QStringLiteral("== 2. Update Cube Info (DISCARDED) ==")), 1);
        QCOMPARE(page->lines.last(), QStringLiteral("== 2. Update Cube Info (DISCARDED) ==")); // never ran
        const int outputs = sim->requestCount(QStringLiteral("output"));
        QCOMPARE(outputs, 2); // the step that never ran is not asked for
        AWAIT(rest, backend.log(*found, page->next, 10000));
        QVERIFY(rest);
        QVERIFY(rest->lines.isEmpty());
        QVERIFY(rest->complete);
        // A small page size stops between steps and says there is more.
        AWAIT(small, backend.log(*found, {}, 2));
        QVERIFY(small);
        QVERIFY(small->more);
        QCOMPARE(small->next.position, 1);
        QCOMPARE(small->lines.size(), 4);
    }

    void failedJobIsResumable_data() { addFlavours(); }

    void failedJobIsResumable()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinSimulator::JobSpec spec;
        spec.failAtStep = 1;
        const QString uuid = sim->addJob(spec);
        KylinBackend backend(profileFor(*sim));
        AWAIT(found, backend.lookup(uuid));
        QVERIFY(found);
        JobMonitor monitor(&backend, fastPolicy());
        QStringList lines;
        connect(&monitor,
                &JobMonitor::logAppended,
                this,
                [&](const QString &, qint64, const QStringList &more) { lines += more; });
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        monitor.follow(*found);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const Job failed = finished.first().first().value<Job>();
        QCOMPARE(failed.state, JobState::Failed);
        QCOMPARE(failed.rawStatus, QStringLiteral("ERROR"));
        if (flavour == Flavour::V5)
            QCOMPARE(failed.errorMessage, QStringLiteral("Step 1 failed: simulated error"));
        QVERIFY(lines.contains(QStringLiteral("== 1. Build Cube with Spark (ERROR) ==")));
        QCOMPARE(lines.last(), QStringLiteral("== 2. Update Cube Info (PENDING) =="));
        const JobActions actions = backend.availableActions(failed);
        QVERIFY(actions.resume);
        QVERIFY(!actions.drop);
        AWAIT(resumed, backend.resume(failed));
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(sim->jobStatus(uuid), QStringLiteral("FINISHED"), 10000);
    }
};

QTEST_GUILESS_MAIN(TestKylinBackend)
#include "tst_kylinbackend.moc"
