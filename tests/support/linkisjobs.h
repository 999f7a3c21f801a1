#pragma once

#include "backends/linkis/linkisbackend.h"
#include "linkis/linkissimulator.h"
#include "support/await.h"

#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

// For tests that talk to a Linkis simulator through LinkisBackend directly (no console).

// A profile for the simulator at `url`, with a request timeout long enough for the
// sanitizer builds' big pages.
inline JobDeck::ConnectionProfile simLinkisProfile(const QUrl &url,
                                                   const QString &user,
                                                   const QString &password)
{
    JobDeck::ConnectionProfile profile;
    profile.kind = QStringLiteral("linkis");
    profile.url = url;
    profile.user = user;
    profile.secret = password;
    profile.requestTimeoutMs = 60000;
    return profile;
}

// Submits `code` as Spark SQL and waits for the job to succeed; nothing when it does not.
inline std::optional<JobDeck::Job> runLinkisJob(JobDeck::LinkisBackend &backend, const QString &code)
{
    using namespace JobDeck;
    SubmitRequest request;
    request.script = code;
    request.runType = QStringLiteral("sql");
    request.engine = QStringLiteral("spark");
    std::optional<Result<Job>> submitted;
    QObject context;
    onFinished(backend.submit(request), &context, [&](const Result<Job> &r) { submitted = r; });
    if (!QTest::qWaitFor([&] { return submitted.has_value(); }, 20000) || !*submitted)
        return std::nullopt;
    Job job = **submitted;
    const bool done = QTest::qWaitFor(
        [&] {
            std::optional<Result<Job>> state;
            onFinished(backend.refresh(job), &context, [&](const Result<Job> &r) { state = r; });
            if (!QTest::qWaitFor([&] { return state.has_value(); }, 10000) || !*state)
                return false;
            job = **state;
            return job.state == JobState::Succeeded;
        },
        30000);
    return done ? std::optional(job) : std::nullopt;
}

// A Linkis simulator on loopback with one user, a backend signed in to it, and a finished job
// whose one result set has 1,000,000 rows (every 5th value NULL, every 7th name empty).
struct MillionRowLinkis
{
    std::unique_ptr<JobDeck::Sim::LinkisSimulator> sim;
    std::unique_ptr<JobDeck::LinkisBackend> backend;
    JobDeck::Job job;
    JobDeck::ResultSetRef set;
};

// Fills `linkis`; a step that fails fails the calling test (check QTest::currentTestFailed()).
inline void startMillionRowLinkis(MillionRowLinkis &linkis, const QString &user, const QString &password)
{
    using namespace JobDeck;
    linkis.sim = std::make_unique<Sim::LinkisSimulator>();
    linkis.sim->addUser(user, password);
    QVERIFY(linkis.sim->listen());
    linkis.backend = std::make_unique<LinkisBackend>(simLinkisProfile(linkis.sim->baseUrl(), user, password));
    AWAIT(connected, linkis.backend->connectToServer());
    QVERIFY(connected.has_value());
    const auto job = runLinkisJob(*linkis.backend,
                                  QStringLiteral("--sim states=Running:20,Succeed rows=1000000 nulls=1\n"
                                                 "SELECT id, name, value FROM big"));
    QVERIFY(job);
    linkis.job = *job;
    AWAIT(sets, linkis.backend->resultSets(linkis.job));
    QVERIFY(sets.has_value());
    QCOMPARE(sets->size(), 1);
    linkis.set = sets->first();
}
