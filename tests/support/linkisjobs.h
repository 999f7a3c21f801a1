#pragma once

#include "backends/linkis/linkisbackend.h"

#include <QObject>
#include <QTest>

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
