// The Kylin decoders over real-shaped answers: the seed's examples (seed 003), the v1 bare
// bodies of 3.x-4.x, 5.x's ExecutableResponse, error responses with stack traces, and
// answers that are not the protocol at all.
#include "backends/kylin/kylinprotocol.h"
#include "net/httpclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace JobDeck;
using namespace JobDeck::Kylin;

namespace {

QByteArray fixture(const char *name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("kylin/") + QLatin1StringView(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

HttpResponse answer(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    HttpResponse response;
    response.url = QUrl(QStringLiteral("http://127.0.0.1:7070/kylin/api/jobs"));
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

const QByteArray HtmlUnauthorized
    = "<!doctype html><html lang=\"en\"><head><title>HTTP Status 401 – Unauthorized</title></head>"
      "<body><h1>HTTP Status 401 – Unauthorized</h1></body></html>";

} // namespace

class TestKylinProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedJobAnswer()
    {
        const Result<Job> job = decodeJob(answer(200, fixture("seed_job_v2.json")), Generation::V2);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(job->id, QStringLiteral("c143e0e4-ac5f-434d-acf3-46b0d15e3dc6"));
        QCOMPARE(job->ids.kylinJobUuid, job->id);
        QVERIFY(job->name.startsWith(u"test_kylin_cube_with_slr_empty - 19700101000000"));
        QCOMPARE(job->rawStatus, QStringLiteral("PENDING"));
        QCOMPARE(job->state, JobState::Queued);
        QCOMPARE(job->submitter, QStringLiteral("ADMIN"));
        QCOMPARE(job->progress, 0.0);
        QVERIFY(!job->started.isValid()); // 0 = not set
        QVERIFY(!job->ended.isValid());
        QCOMPARE(job->durationMs, -1); // not started: no duration
        // Steps come in sequence order, whatever order the answer lists them in.
        QCOMPARE(job->steps.size(), 3);
        QCOMPARE(job->steps.at(0).name, QStringLiteral("Create Intermediate Flat Hive Table"));
        QCOMPARE(job->steps.at(1).id, QStringLiteral("dd31d565-c450-4312-bd31-fd388d99bc88-01"));
        QCOMPARE(job->steps.at(2).name, QStringLiteral("Load HFile to HBase Table"));
        QCOMPARE(job->steps.at(0).state, JobState::Queued);
        QVERIFY(!job->steps.at(0).start.isValid());
        QVERIFY(job->steps.at(0).command.startsWith(u"hive -e"));
        QCOMPARE(stepSequence(job->steps.at(2).id), 12);
    }

    void seedListAnswer()
    {
        const Result<JobPage> page = decodeJobList(answer(200, fixture("seed_list_v2.json")), Generation::V2);
        QVERIFY(page);
        QCOMPARE(page->totalRows, 37); // `size` is the number of matches, not of this page
        QCOMPARE(page->jobs.size(), 1);
        const Job &job = page->jobs.first();
        QCOMPARE(job.state, JobState::Succeeded);
        QCOMPARE(job.progress, 1.0);
        QCOMPARE(job.durationMs, 936000); // seconds in 2.x
        QCOMPARE(job.started, utc(1490956581743));
        QCOMPARE(job.ended, utc(1490957518131));
        QCOMPARE(job.steps.size(), 2);
        QCOMPARE(job.steps.at(0).state, JobState::Cancelled);
        QCOMPARE(job.steps.at(0).start, utc(1490957508721));
        QCOMPARE(job.steps.at(0).end, utc(1490957518102));
        QVERIFY(!job.steps.at(1).start.isValid());
        QCOMPARE(job.engine, QStringLiteral("BUILD"));
    }

    void v1BareList()
    {
        const Result<JobPage> page = decodeJobList(answer(200, fixture("list_v1.json")), Generation::V1);
        QVERIFY(page);
        QCOMPARE(page->totalRows, -1); // a bare array says nothing of the total
        QCOMPARE(page->jobs.size(), 2);
        QCOMPARE(page->jobs.at(0).state, JobState::Running);
        QVERIFY(qAbs(page->jobs.at(0).progress - 0.4705882352941177) < 1e-9);
        QCOMPARE(page->jobs.at(0).durationMs, 421000);
        QVERIFY(!page->jobs.at(0).ended.isValid()); // running: no end
        QCOMPARE(page->jobs.at(0).steps.at(1).state, JobState::Running);
        QCOMPARE(page->jobs.at(1).state, JobState::Paused); // STOPPED
        QCOMPARE(page->jobs.at(1).submitter, QStringLiteral("ANALYST"));
        // The same body where an envelope is due is not the protocol.
        const Result<JobPage> wrong = decodeJobList(answer(200, fixture("list_v1.json")), Generation::V2);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, BackendError::Kind::Protocol);
    }

    void kylin5Job()
    {
        const Result<Job> job = decodeJob(answer(200, fixture("job_v5.json")), Generation::V5);
        QVERIFY(job);
        QCOMPARE(job->id, QStringLiteral("5d3c1b2a-9f8e-4d7c-b6a5-0f1e2d3c4b5a"));
        QCOMPARE(job->project, QStringLiteral("ssb"));
        QCOMPARE(job->ids.kylinProject, QStringLiteral("ssb"));
        QCOMPARE(job->name, QStringLiteral("INDEX_BUILD – sales_model"));
        QCOMPARE(job->state, JobState::Failed);
        QCOMPARE(job->durationMs, 185000);                // ms in 5.x
        QVERIFY(qAbs(job->progress - 0.33333334) < 1e-6); // step_ratio wins over progress
        QCOMPARE(job->submitted, utc(1690000000000));
        QCOMPARE(job->started, utc(1690000100000));
        QCOMPARE(job->ended, utc(1690000285000));
        QCOMPARE(job->errorMessage, QStringLiteral("Container killed by YARN for exceeding memory limits"));
        QCOMPARE(job->steps.size(), 3);
        QCOMPARE(stepSequence(job->steps.at(1).id), 1);
        QCOMPARE(job->steps.at(1).state, JobState::Failed);
    }

    void kylin5Detail()
    {
        QString failure;
        const Result<QList<JobStep>> steps
            = decodeStepDetail(answer(200, fixture("detail_v5.json")), &failure);
        QVERIFY(steps);
        QCOMPARE(steps->size(), 2);
        QCOMPARE(steps->at(1).rawStatus, QStringLiteral("ERROR"));
        QCOMPARE(failure, QStringLiteral("Container killed by YARN for exceeding memory limits"));
        QVERIFY(!decodeStepDetail(answer(200, fixture("job_v5.json"))));
    }

    void errorShowsTheMessageOnly_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Generation>("generation");
        QTest::newRow("500 v2") << 500 << Generation::V2;
        QTest::newRow("400 v1") << 400 << Generation::V1;
        QTest::newRow("500 v1") << 500 << Generation::V1;
        QTest::newRow("200 v2 with code 999") << 200 << Generation::V2;
    }

    void errorShowsTheMessageOnly()
    {
        QFETCH(int, status);
        QFETCH(Generation, generation);
        const Result<Job> job = decodeJob(answer(status, fixture("error_999.json")), generation);
        QVERIFY(!job);
        QCOMPARE(job.error().kind, BackendError::Kind::Refused);
        QCOMPARE(job.error().message,
                 QStringLiteral("Content type 'application/x-www-form-urlencoded' not supported"));
        QVERIFY(!job.error().describe().contains(u"\tat "));
        QVERIFY(!job.error().describe().contains(u"springframework"));
        QCOMPARE(job.error().serverCode, QStringLiteral("999"));
        QCOMPARE(job.error().httpStatus, status);
    }

    void kylin5ErrorHasItsSuggestion()
    {
        const Result<bool> ok = decodeAcknowledgement(answer(400, fixture("error_5x.json")));
        QVERIFY(!ok);
        QCOMPARE(ok.error().kind, BackendError::Kind::Refused);
        QCOMPARE(ok.error().message,
                 QStringLiteral("KE-010032213(Job Status Illegal):Can't drop job 5d3c1b2a in status RUNNING. "
                                "(Please discard the job first.)"));
        QCOMPARE(ok.error().serverCode, QStringLiteral("KE-010032213"));
        QVERIFY(!ok.error().message.contains(u"JobInfoService"));
    }

    void notTheProtocol_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<BackendError::Kind>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("HTML 401 of 2.x-4.x") << 401 << HtmlUnauthorized << QByteArray("text/html")
                                             << BackendError::Kind::Authentication << QStringLiteral("401");
        QTest::newRow("JSON 401 of 5.x")
            << 401
            << QByteArray("{\"code\":\"999\",\"data\":null,\"msg\":\"KE-010001201(User Unauthorized):Invalid "
                          "username or password.\",\"stacktrace\":\"org.apache.kylin...\"}")
            << QByteArray("application/json") << BackendError::Kind::Authentication
            << QStringLiteral("Invalid username or password.");
        QTest::newRow("404 page") << 404 << QByteArray("<html><body>Not Found</body></html>")
                                  << QByteArray("text/html") << BackendError::Kind::Refused
                                  << QStringLiteral("check the URL");
        QTest::newRow("502 from a proxy")
            << 502 << QByteArray("<html><title>502 Bad Gateway</title></html>") << QByteArray("text/html")
            << BackendError::Kind::Connection << QStringLiteral("502");
        QTest::newRow("login page as 200")
            << 200 << QByteArray("<!DOCTYPE html><html><title>Kylin</title></html>")
            << QByteArray("text/html") << BackendError::Kind::Protocol << QStringLiteral("HTML page");
        QTest::newRow("empty 200") << 200 << QByteArray() << QByteArray("application/json")
                                   << BackendError::Kind::Protocol << QStringLiteral("empty");
        QTest::newRow("truncated JSON")
            << 200 << QByteArray("{\"code\":\"000\",\"data\":{\"uuid\":\"a") << QByteArray("application/json")
            << BackendError::Kind::Protocol << QStringLiteral("Kylin");
        QTest::newRow("JSON without the envelope")
            << 200 << QByteArray("{\"status\":0,\"message\":\"ok\",\"data\":{}}")
            << QByteArray("application/json") << BackendError::Kind::Protocol << QStringLiteral("envelope");
        QTest::newRow("406 page") << 406
                                  << QByteArray(
                                         "<html><title>HTTP Status 406 – Not Acceptable</title></html>")
                                  << QByteArray("text/html") << BackendError::Kind::Protocol
                                  << QStringLiteral("Not Acceptable");
    }

    void notTheProtocol()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(BackendError::Kind, kind);
        QFETCH(QString, mentions);
        const Result<Job> job = decodeJob(answer(status, body, type), Generation::V2);
        QVERIFY(!job);
        QCOMPARE(job.error().kind, kind);
        QVERIFY2(job.error().message.contains(mentions), qPrintable(job.error().message));
        QCOMPARE(job.error().httpStatus, status);
    }

    void jobWithoutId()
    {
        const Result<Job> job
            = decodeJob(answer(200, "{\"code\":\"000\",\"data\":null,\"msg\":\"\"}"), Generation::V2);
        QVERIFY(!job);
        QCOMPARE(job.error().kind, BackendError::Kind::Protocol);
    }

    void authentication()
    {
        const Result<Authentication> bare = decodeAuthentication(answer(
            200,
            "{\"userDetails\":{\"username\":\"ADMIN\",\"authorities\":[{\"authority\":\"ROLE_ADMIN\"}]}}"));
        QVERIFY(bare);
        QVERIFY(!bare->enveloped);
        QCOMPARE(bare->userName, QStringLiteral("ADMIN"));
        const Result<Authentication> enveloped = decodeAuthentication(answer(
            200, "{\"code\":\"000\",\"data\":{\"username\":\"ADMIN\",\"authorities\":[]},\"msg\":\"\"}"));
        QVERIFY(enveloped);
        QVERIFY(enveloped->enveloped);
        QCOMPARE(enveloped->userName, QStringLiteral("ADMIN"));
        const Result<Authentication> refused
            = decodeAuthentication(answer(401, HtmlUnauthorized, "text/html"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
        const Result<Authentication> locked = decodeAuthentication(
            answer(400, "{\"code\":\"999\",\"data\":null,\"msg\":\"User ADMIN is locked\"}"));
        QVERIFY(!locked);
        QCOMPARE(locked.error().message, QStringLiteral("User ADMIN is locked"));
    }

    void v2Probe()
    {
        QCOMPARE(decodeV2Probe(answer(200, fixture("seed_list_v2.json"))).value(), Generation::V2);
        QCOMPARE(decodeV2Probe(answer(500, fixture("error_999.json"))).value(), Generation::V2);
        QCOMPARE(decodeV2Probe(answer(406, "<html><title>406</title></html>", "text/html")).value(),
                 Generation::V1);
        QCOMPARE(decodeV2Probe(answer(200, fixture("list_v1.json"))).value(), Generation::V1);
        QCOMPARE(decodeV2Probe(answer(406, {})).value(), Generation::V1);
        const Result<Generation> refused = decodeV2Probe(answer(401, HtmlUnauthorized, "text/html"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
    }

    void stepOutput()
    {
        const Result<QString> v2 = decodeStepOutput(answer(200, fixture("output_v2.json")), Generation::V2);
        QVERIFY(v2);
        QCOMPARE(outputLines(*v2, false),
                 QStringList({QStringLiteral("2017-03-31 18:36:10 INFO start"),
                              QStringLiteral("hive> CREATE TABLE t;"),
                              QString(),
                              QStringLiteral("OK")}));
        const Result<QString> v1 = decodeStepOutput(
            answer(200, "{\"jobId\":\"j\",\"stepId\":\"j-00\",\"cmd_output\":\"one\\ntwo\"}"),
            Generation::V1);
        QVERIFY(v1);
        QCOMPARE(outputLines(*v1, false), QStringList({QStringLiteral("one"), QStringLiteral("two")}));
        const Result<QString> none = decodeStepOutput(
            answer(200, "{\"code\":\"000\",\"data\":{\"cmd_output\":null},\"msg\":\"\"}"), Generation::V2);
        QVERIFY(none);
        QVERIFY(outputLines(*none, false).isEmpty());
        QVERIFY(!decodeStepOutput(
            answer(200, "{\"code\":\"000\",\"data\":{\"cmd_output\":[1]},\"msg\":\"\"}"), Generation::V2));
    }

    void kylin5OutputSaysTheMiddleIsLeftOut()
    {
        const Result<QString> output
            = decodeStepOutput(answer(200, fixture("output_v5.json")), Generation::V5);
        QVERIFY(output);
        const QStringList lines = outputLines(*output, true);
        QCOMPARE(lines.size(), 201);
        QCOMPARE(lines.at(99), QStringLiteral("head line 100"));
        QVERIFY(lines.at(100).contains(u"left out"));
        QCOMPARE(lines.at(101), QStringLiteral("tail line 901"));
        QCOMPARE(lines.last(), QStringLiteral("tail line 1000"));
        // Without the 5.x cut, a line of = is just a line.
        QCOMPARE(outputLines(*output, false).at(100), QString(64, u'='));
        QVERIFY(!isHeadTailSeparator(QString(63, u'=')));
    }

    void acknowledgement()
    {
        QVERIFY(decodeAcknowledgement(answer(200, "{\"code\":\"000\",\"data\":\"\",\"msg\":\"\"}")));
        const Result<bool> refused
            = decodeAcknowledgement(answer(400,
                                           "{\"code\":\"999\",\"data\":null,\"msg\":\"Cannot drop running "
                                           "job x, please discard it first.\"}"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Refused);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Cannot drop running job x, please discard it first."));
    }

    void jobStates_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<JobState>("job");
        QTest::addColumn<JobState>("step");
        QTest::newRow("NEW") << QStringLiteral("NEW") << JobState::Queued << JobState::Queued;
        QTest::newRow("PENDING") << QStringLiteral("PENDING") << JobState::Queued << JobState::Queued;
        QTest::newRow("RUNNING") << QStringLiteral("RUNNING") << JobState::Running << JobState::Running;
        QTest::newRow("FINISHED") << QStringLiteral("FINISHED") << JobState::Succeeded << JobState::Succeeded;
        QTest::newRow("ERROR") << QStringLiteral("ERROR") << JobState::Failed << JobState::Failed;
        QTest::newRow("DISCARDED") << QStringLiteral("DISCARDED") << JobState::Cancelled
                                   << JobState::Cancelled;
        QTest::newRow("STOPPED") << QStringLiteral("STOPPED") << JobState::Paused << JobState::Paused;
        QTest::newRow("WAITING (steps)")
            << QStringLiteral("WAITING") << JobState::Unknown << JobState::Queued;
        QTest::newRow("KILLED (steps)")
            << QStringLiteral("KILLED") << JobState::Unknown << JobState::Cancelled;
        QTest::newRow("SUICIDAL (5.x)")
            << QStringLiteral("SUICIDAL") << JobState::Cancelled << JobState::Cancelled;
        QTest::newRow("LAUNCHING_ERROR (5.x)")
            << QStringLiteral("LAUNCHING_ERROR") << JobState::Failed << JobState::Failed;
        QTest::newRow("WARNING (5.x)")
            << QStringLiteral("WARNING") << JobState::Succeeded << JobState::Succeeded;
        QTest::newRow("lower case") << QStringLiteral("running") << JobState::Unknown << JobState::Unknown;
        QTest::newRow("garbage") << QStringLiteral("BOGUS") << JobState::Unknown << JobState::Unknown;
    }

    void jobStates()
    {
        QFETCH(QString, raw);
        QFETCH(JobState, job);
        QFETCH(JobState, step);
        QCOMPARE(stateFromJobStatus(raw), job);
        QCOMPARE(stateFromStepStatus(raw), step);
    }

    void statusCodes()
    {
        QCOMPARE(jobStatusCode(u"RUNNING", Generation::V2), 2);
        QCOMPARE(jobStatusCode(u"stopped", Generation::V1), 32);
        QCOMPARE(jobStatusCode(u"16", Generation::V1), 16);
        QCOMPARE(jobStatusCode(u"SUICIDAL", Generation::V2), -1); // 5.x only
        QCOMPARE(jobStatusCode(u"SUICIDAL", Generation::V5), 64);
        QCOMPARE(jobStatusCode(u"3", Generation::V5), -1);
        QCOMPARE(jobStatusCode(u"bogus", Generation::V5), -1);
        QCOMPARE(statusCodesFor(JobState::Queued, Generation::V2), QList<int>({0, 1}));
        QCOMPARE(statusCodesFor(JobState::Queued, Generation::V5), QList<int>({0, 1, 128}));
        QCOMPARE(statusCodesFor(JobState::Failed, Generation::V1), QList<int>({8}));
        QCOMPARE(statusCodesFor(JobState::Failed, Generation::V5), QList<int>({8, 512}));
        QCOMPARE(statusCodesFor(JobState::Paused, Generation::V2), QList<int>({32}));
        QVERIFY(statusCodesFor(JobState::Retrying, Generation::V5).isEmpty());
    }

    void timeFilters_data()
    {
        QTest::addColumn<qint64>("ageHours");
        QTest::addColumn<int>("v2");
        QTest::addColumn<int>("v1");
        QTest::newRow("2 hours") << qint64(2) << 0 << 1;
        QTest::newRow("exactly a day") << qint64(24) << 0 << 1;
        QTest::newRow("2 days") << qint64(48) << 1 << 2;
        QTest::newRow("10 days") << qint64(240) << 2 << 3;
        QTest::newRow("40 days") << qint64(960) << 3 << 4;
        QTest::newRow("400 days") << qint64(9600) << 4 << 5;
        QTest::newRow("no bound") << qint64(-1) << 4 << 5;
    }

    void timeFilters()
    {
        QFETCH(qint64, ageHours);
        QFETCH(int, v2);
        QFETCH(int, v1);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime since = ageHours < 0 ? QDateTime() : now.addSecs(-ageHours * 3600);
        QCOMPARE(timeFilterFor(since, now, Generation::V2), v2);
        QCOMPARE(timeFilterFor(since, now, Generation::V5), v2);
        QCOMPARE(timeFilterFor(since, now, Generation::V1Legacy), v2);
        QCOMPARE(timeFilterFor(since, now, Generation::V1), v1); // CURRENT_DAY shifts 3.x-4.x
    }

    void sequences()
    {
        QCOMPARE(stepSequence(u"9eb7bccf-4448-4578-9c29-552658b5a2ca-00"), 0);
        QCOMPARE(stepSequence(u"5d3c1b2a-9f8e-4d7c-b6a5-0f1e2d3c4b5a_12"), 12);
        QCOMPARE(stepSequence(u"no-sequence-here"), -1);
        QCOMPARE(stepSequence(u"12"), -1);
        QCOMPARE(stepSequence(u""), -1);
        QCOMPARE(stepSequence(u"x-99999999999"), -1);
    }

    void actions_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<bool>("kill");
        QTest::addColumn<bool>("pause");
        QTest::addColumn<bool>("resume");
        QTest::addColumn<bool>("drop");
        QTest::newRow("PENDING") << QStringLiteral("PENDING") << true << true << false << false;
        QTest::newRow("RUNNING") << QStringLiteral("RUNNING") << true << true << false << false;
        QTest::newRow("STOPPED") << QStringLiteral("STOPPED") << true << false << true << false;
        QTest::newRow("ERROR") << QStringLiteral("ERROR") << true << false << true << false;
        QTest::newRow("FINISHED") << QStringLiteral("FINISHED") << false << false << false << true;
        QTest::newRow("DISCARDED") << QStringLiteral("DISCARDED") << false << false << false << true;
    }

    void actions()
    {
        QFETCH(QString, raw);
        QFETCH(bool, kill);
        QFETCH(bool, pause);
        QFETCH(bool, resume);
        QFETCH(bool, drop);
        Job job;
        job.rawStatus = raw;
        job.state = stateFromJobStatus(raw);
        const JobActions actions = actionsFor(job);
        QCOMPARE(actions.kill, kill);
        QCOMPARE(actions.pause, pause);
        QCOMPARE(actions.resume, resume);
        QCOMPARE(actions.drop, drop);
    }

    void stepEnds()
    {
        JobStep step;
        step.rawStatus = QStringLiteral("RUNNING");
        QVERIFY(!stepHasEnded(step, false));
        QVERIFY(stepHasEnded(step, true));
        step.rawStatus = QStringLiteral("STOPPED");
        QVERIFY(!stepHasEnded(step, false)); // paused before it started
        step.start = QDateTime::currentDateTimeUtc();
        QVERIFY(stepHasEnded(step, false));
        step.rawStatus = QStringLiteral("FINISHED");
        QVERIFY(stepHasEnded(step, false));
        step.rawStatus = QStringLiteral("PENDING");
        QVERIFY(!stepHasEnded(step, false));
    }

    void versions()
    {
        QCOMPARE(generationFromVersion(u"2.1"), Generation::V2);
        QCOMPARE(generationFromVersion(u"2.1.0"), Generation::V2);
        QCOMPARE(generationFromVersion(u"2"), Generation::V1Legacy);
        QCOMPARE(generationFromVersion(u"2.6.4"), Generation::V1Legacy);
        QCOMPARE(generationFromVersion(u"3"), Generation::V1);
        QCOMPARE(generationFromVersion(u"4.0.5"), Generation::V1);
        QCOMPARE(generationFromVersion(u"5"), Generation::V5);
        QCOMPARE(generationFromVersion(u""), std::nullopt);
        QCOMPARE(generationFromVersion(u"1.6"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestKylinProtocol)
#include "tst_kylinprotocol.moc"
