// A submit starts at most one job, even when the connection breaks: the Linkis simulator
// carries out the submit, then aborts the connection before answering. Qt's HTTP client sends
// a request again, once, when that happens on a kept-alive connection; the baseline below
// shows the harness sees that second job, and the adapter's submits never make one.
#include "backends/linkis/linkisbackend.h"
#include "linkis/linkissimulator.h"
#include "net/httpclient.h"
#include "support/await.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace JobDeck;
using Sim::LinkisSimulator;

namespace {
const QString User = QStringLiteral("alice");
const QString Password = QStringLiteral("s3cret-pw");
constexpr int Rounds = 60;

ConnectionProfile profileFor(const LinkisSimulator &sim)
{
    ConnectionProfile profile;
    profile.kind = QStringLiteral("linkis");
    profile.url = sim.baseUrl();
    profile.user = User;
    profile.secret = Password;
    profile.requestTimeoutMs = 10000;
    return profile;
}

SubmitRequest selectOne()
{
    SubmitRequest request;
    request.script = QStringLiteral("select 1;");
    request.engine = QStringLiteral("spark-3.2.1");
    request.runType = QStringLiteral("sql");
    return request;
}

HttpRequest post(const QString &path, const QJsonObject &body)
{
    HttpRequest request;
    request.method = "POST";
    request.path = u"/api/rest_j/v1/" + path;
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.timeoutMs = 10000;
    return request;
}
} // namespace

class TestDoubleSubmit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What happens without the guard: a POST the server carried out, on a kept-alive
    // connection that then breaks, is sent again by Qt and starts a second job.
    void baselineResentPostStartsASecondJob()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        HttpClient client(sim.baseUrl());
        AWAIT(
            login,
            client.send(post(QStringLiteral("user/login"),
                             {{QStringLiteral("userName"), User}, {QStringLiteral("password"), Password}})));
        QVERIFY(login.has_value());
        const HttpRequest submit
            = post(QStringLiteral("entrance/submit"),
                   {{QStringLiteral("executionContent"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("select 1;")},
                                 {QStringLiteral("runType"), QStringLiteral("sql")}}},
                    {QStringLiteral("labels"),
                     QJsonObject{{QStringLiteral("engineType"), QStringLiteral("spark-3.2.1")},
                                 {QStringLiteral("userCreator"), QString(User + u"-IDE")}}}});
        const int before = sim.jobCount();
        sim.dropAnswersOfNextRequests(1);
        AWAIT(answer, client.send(submit));
        QVERIFY(answer.has_value());          // the resent request was answered...
        QCOMPARE(sim.jobCount(), before + 2); // ...and started the job a second time
    }

    void submitStartsOneJobEveryTime()
    {
        LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        LinkisBackend backend(profileFor(sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected.has_value());
        int failures = 0;
        for (int round = 0; round < Rounds; ++round) {
            // A kept-alive connection to break: the previous round's calls left one.
            AWAIT(page, backend.list(ListQuery{}));
            QVERIFY(page.has_value());
            const int before = sim.jobCount();
            sim.dropAnswersOfNextRequests(1);
            AWAIT(job, backend.submit(selectOne()));
            QCOMPARE(sim.jobCount(), before + 1); // one job, never two
            if (!job) {
                ++failures;
                // Said plainly: the user is told it may have run, not that it failed to.
                QCOMPARE(job.error().kind, BackendError::Kind::Connection);
            }
            // And a submit whose answer arrives still works as before.
            AWAIT(normal, backend.submit(selectOne()));
            QVERIFY(normal.has_value());
            QCOMPARE(sim.jobCount(), before + 2);
        }
        QCOMPARE(failures, Rounds); // every broken answer was reported, none was hidden by a resend
    }
};

QTEST_GUILESS_MAIN(TestDoubleSubmit)
#include "tst_doublesubmit.moc"
