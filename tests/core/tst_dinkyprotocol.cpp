// Dinky's decoders against real-shaped answers of 0.7 and 1.x (protocols.md section 2, seed
// 002), and against answers that are not the protocol.
#include "backends/dinky/dinkyprotocol.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;
using Dinky::Generation;

namespace {
HttpResponse answer(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    HttpResponse response;
    response.url = QUrl(u"http://127.0.0.1:8888/openapi/getJobInstance"_s);
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The 0.7 payload of DataLinkDC/dinky#1710.
const QByteArray Instance07
    = "{\"datas\":{\"id\":504,\"tenantId\":1,\"name\":\"b_mp_stock_snapshot\",\"taskId\":111,\"step\":5,"
      "\"clusterId\":1,\"jid\":\"9ade253d2e8b4a3c9f1f8d3f0e5a1b2c\",\"status\":\"UNKNOWN\",\"historyId\":773,"
      "\"error\":null,\"createTime\":\"2023-03-06 15:56:43\",\"updateTime\":\"2023-03-06 15:58:56\","
      "\"finishTime\":\"2023-03-06 15:58:56\",\"duration\":134,\"failedRestartCount\":0},"
      "\"code\":0,\"msg\":\"获取成功\",\"time\":\"2023-03-06 15:58:58\"}";

QJsonObject instance(const QString &status, const QJsonValue &finishTime, qint64 duration = 134000)
{
    return QJsonObject{{u"id"_s, 42},
                       {u"taskId"_s, 7},
                       {u"jid"_s, u"0123456789abcdef0123456789abcdef"_s},
                       {u"name"_s, u"orders_etl"_s},
                       {u"status"_s, status},
                       {u"createTime"_s, u"2024-10-20 12:00:00"_s},
                       {u"updateTime"_s, u"2024-10-20 12:10:00"_s},
                       {u"finishTime"_s, finishTime},
                       {u"duration"_s, duration}};
}
} // namespace

class TestDinkyProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopes()
    {
        const auto v1 = Dinky::decodeEnvelope(
            answer(200,
                   "{\"code\":0,\"msg\":\"Execute "
                   "Successfully\",\"data\":{\"a\":1},\"success\":true,\"time\":\"2024-10-20 12:42:50\"}"));
        QVERIFY(v1);
        QCOMPARE(v1->generation, Generation::V1);
        QCOMPARE(v1->data.toObject().value(u"a"_s).toInt(), 1);
        QCOMPARE(v1->time, u"2024-10-20 12:42:50"_s);

        const auto v07 = Dinky::decodeEnvelope(answer(200, Instance07));
        QVERIFY(v07);
        QCOMPARE(v07->generation, Generation::V07);
        QCOMPARE(v07->data.toObject().value(u"id"_s).toInt(), 504);

        // The seed documents "code" as a string.
        const auto seed = Dinky::decodeEnvelope(answer(200, "{\"code\":\"0\",\"msg\":\"ok\",\"data\":null}"));
        QVERIFY(seed);
        QCOMPARE(seed->code, 0);
    }

    void exceptionShowsTheMessageOnly()
    {
        const HttpResponse response = answer(
            200,
            "{\"code\":5,\"msg\":\"Request method 'GET' not supported\",\"data\":\"org.springframework.web."
            "HttpRequestMethodNotSupportedException: Request method 'GET' not supported\\n\\tat "
            "org.springframework."
            "web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)\",\"success\":false,\"time\":"
            "\"x\"}");
        const auto envelope = Dinky::decodeEnvelope(response);
        QVERIFY(envelope);
        const BackendError error = Dinky::envelopeError(*envelope, response);
        QCOMPARE(error.kind, BackendError::Kind::Refused);
        QCOMPARE(error.serverCode, u"5"_s);
        QVERIFY2(error.message.contains(u"Request method 'GET' not supported"), qPrintable(error.message));
        QVERIFY(!error.message.contains(u"\tat "));
        QVERIFY(!error.message.contains(u"FrameworkServlet"));

        // A message that itself carries a trace is cut at its first line.
        Dinky::Envelope glued;
        glued.code = 5;
        glued.message = u"boom\n\tat a.b.C(C.java:1)"_s;
        QCOMPARE(Dinky::envelopeError(glued, response).message.contains(u"C.java"), false);
    }

    void errorKinds_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("kind");
        QTest::newRow("code 1")
            << 200
            << QByteArray("{\"code\":1,\"msg\":\"Task is not online\",\"data\":null,\"success\":false}")
            << QByteArray("application/json") << int(BackendError::Kind::Refused);
        QTest::newRow("code 6 as 400")
            << 400
            << QByteArray("{\"code\":6,\"msg\":\"id must not be null\",\"data\":null,\"success\":false}")
            << QByteArray("application/json") << int(BackendError::Kind::Refused);
        QTest::newRow("code 7 as 401")
            << 401
            << QByteArray(
                   "{\"code\":7,\"msg\":\"token has been pushed offline\",\"data\":null,\"success\":false}")
            << QByteArray("application/json") << int(BackendError::Kind::Authentication);
        QTest::newRow("0.7 not logged in")
            << 401 << QByteArray("{\"code\":401,\"msg\":\"未登录\",\"datas\":null}")
            << QByteArray("application/json") << int(BackendError::Kind::Authentication);
        QTest::newRow("401 HTML") << 401 << QByteArray("<html><title>401</title></html>")
                                  << QByteArray("text/html") << int(BackendError::Kind::Authentication);
        QTest::newRow("404 page") << 404 << QByteArray("<html><title>Not Found</title></html>")
                                  << QByteArray("text/html") << int(BackendError::Kind::Refused);
        QTest::newRow("502") << 502 << QByteArray("<html>Bad Gateway</html>") << QByteArray("text/html")
                             << int(BackendError::Kind::Connection);
        QTest::newRow("empty 200") << 200 << QByteArray() << QByteArray("application/json")
                                   << int(BackendError::Kind::Protocol);
        QTest::newRow("HTML 200") << 200 << QByteArray("<!DOCTYPE html><html><title>Dinky</title></html>")
                                  << QByteArray("text/html") << int(BackendError::Kind::Protocol);
        QTest::newRow("truncated") << 200 << QByteArray("{\"code\":0,\"msg\":\"ok\",\"da")
                                   << QByteArray("application/json") << int(BackendError::Kind::Protocol);
        QTest::newRow("array") << 200 << QByteArray("[1,2]") << QByteArray("application/json")
                               << int(BackendError::Kind::Protocol);
        QTest::newRow("no code") << 200 << QByteArray("{\"status\":0}") << QByteArray("application/json")
                                 << int(BackendError::Kind::Protocol);
    }

    void errorKinds()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(int, kind);
        const HttpResponse response = answer(http, body, type);
        const auto envelope = Dinky::decodeEnvelope(response);
        const BackendError error = envelope ? Dinky::envelopeError(*envelope, response) : envelope.error();
        if (envelope)
            QVERIFY(!envelope->ok());
        QCOMPARE(int(error.kind), kind);
        QVERIFY(!error.message.isEmpty());
        if (http == 200 && body.isEmpty())
            QVERIFY2(error.message.contains(u"tenant"), qPrintable(error.message));
    }

    void versions()
    {
        const auto v1 = Dinky::decodeVersion(answer(
            200,
            "{\"code\":0,\"msg\":\"Get Successfully\",\"data\":\"1.1.0\",\"success\":true,\"time\":\"t\"}"));
        QVERIFY(v1);
        QCOMPARE(v1->generation, Generation::V1);
        QCOMPARE(v1->version, u"1.1.0"_s);
        const auto notFound = Dinky::decodeVersion(answer(
            404,
            "{\"timestamp\":\"x\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/openapi/version\"}"));
        QVERIFY(notFound);
        QCOMPARE(notFound->generation, Generation::V07);
        const auto code5 = Dinky::decodeVersion(
            answer(200, "{\"code\":5,\"msg\":\"not supported\",\"datas\":\"trace\",\"time\":\"t\"}"));
        QVERIFY(code5);
        QCOMPARE(code5->generation, Generation::V07);
        const auto errorPage
            = Dinky::decodeVersion(answer(500, "<html><title>Error</title></html>", "text/html"));
        QVERIFY(errorPage);
        QCOMPARE(errorPage->generation, Generation::V07);
        // Not Dinky at all.
        const auto html
            = Dinky::decodeVersion(answer(200, "<html><title>Sign in</title></html>", "text/html"));
        QVERIFY(!html);
        QCOMPARE(html.error().kind, BackendError::Kind::Protocol);
        const auto down = Dinky::decodeVersion(answer(503, "", "text/html"));
        QVERIFY(!down);
        QCOMPARE(down.error().kind, BackendError::Kind::Connection);

        QCOMPARE(Dinky::generationFromSetting(u"0.7"), Generation::V07);
        QCOMPARE(Dinky::generationFromSetting(u"1"), Generation::V1);
        QCOMPARE(Dinky::generationFromSetting(u"1.1.0"), Generation::V1);
        QCOMPARE(Dinky::generationFromSetting(u""), Generation::Unknown);
    }

    void zonesAndTimes()
    {
        bool valid = false;
        const QTimeZone gmt8 = Dinky::zoneFromSetting(u"", &valid);
        QVERIFY(valid);
        QCOMPARE(gmt8.offsetFromUtc(QDateTime::currentDateTimeUtc()), 8 * 3600);
        QCOMPARE(Dinky::zoneFromSetting(u"GMT+8").offsetFromUtc(QDateTime::currentDateTimeUtc()), 8 * 3600);
        QCOMPARE(Dinky::zoneFromSetting(u"UTC+05:30").offsetFromUtc(QDateTime::currentDateTimeUtc()),
                 5 * 3600 + 1800);
        QCOMPARE(Dinky::zoneFromSetting(u"UTC-03:00").offsetFromUtc(QDateTime::currentDateTimeUtc()),
                 -3 * 3600);
        QCOMPARE(Dinky::zoneFromSetting(u"UTC").offsetFromUtc(QDateTime::currentDateTimeUtc()), 0);
        const QTimeZone shanghai = Dinky::zoneFromSetting(u"Asia/Shanghai", &valid);
        if (QTimeZone(QByteArray("Asia/Shanghai")).isValid()) {
            QVERIFY(valid);
            QCOMPARE(shanghai.offsetFromUtc(QDateTime::currentDateTimeUtc()), 8 * 3600);
        }
        Dinky::zoneFromSetting(u"Mars/Olympus", &valid);
        QVERIFY(!valid);

        const QDateTime expected(QDate(2023, 9, 15), QTime(2, 30), QTimeZone::UTC);
        QCOMPARE(Dinky::parseServerTime(u"2023-09-15 10:30:00"_s, gmt8), expected);
        QCOMPARE(Dinky::parseServerTime(u"2023-09-15T10:30:00"_s, gmt8), expected);
        QCOMPARE(Dinky::parseServerTime(u"2023-09-15T10:30:00.123"_s, gmt8), expected.addMSecs(123));
        QCOMPARE(Dinky::parseServerTime(u"2023-09-15T02:30:00Z"_s, gmt8), expected);
        QCOMPARE(Dinky::parseServerTime(QJsonArray{2023, 9, 15, 10, 30, 0}, gmt8), expected);
        QCOMPARE(Dinky::parseServerTime(double(expected.toMSecsSinceEpoch()), gmt8), expected);
        QCOMPARE(Dinky::parseServerTime(-1, gmt8).isValid(), false); // Flink end-time while running
        QCOMPARE(Dinky::parseServerTime(QJsonValue(), gmt8).isValid(), false);
        QCOMPARE(Dinky::parseServerTime(u"2023-13-45 99:00:00"_s, gmt8).isValid(), false);
        QCOMPARE(Dinky::parseServerTime(u"yesterday"_s, gmt8).isValid(), false);
    }

    void flinkStates_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<JobState>("state");
        QTest::newRow("INITIALIZING") << u"INITIALIZING"_s << JobState::Queued;
        QTest::newRow("CREATED") << u"CREATED"_s << JobState::Queued;
        QTest::newRow("RUNNING") << u"RUNNING"_s << JobState::Running;
        QTest::newRow("FAILING") << u"FAILING"_s << JobState::Running;
        QTest::newRow("FAILED") << u"FAILED"_s << JobState::Failed;
        QTest::newRow("CANCELLING") << u"CANCELLING"_s << JobState::Running;
        QTest::newRow("CANCELED") << u"CANCELED"_s << JobState::Cancelled;
        QTest::newRow("FINISHED") << u"FINISHED"_s << JobState::Succeeded;
        QTest::newRow("RESTARTING") << u"RESTARTING"_s << JobState::Retrying;
        QTest::newRow("SUSPENDED") << u"SUSPENDED"_s << JobState::Paused;
        QTest::newRow("RECONCILING") << u"RECONCILING"_s << JobState::Running;
        QTest::newRow("RECONNECTING") << u"RECONNECTING"_s << JobState::Running;
        QTest::newRow("UNKNOWN") << u"UNKNOWN"_s << JobState::Unknown;
        QTest::newRow("lower case") << u"running"_s << JobState::Running;
        QTest::newRow("nonsense") << u"EXPLODED"_s << JobState::Unknown;
    }

    void flinkStates()
    {
        QFETCH(QString, status);
        QFETCH(JobState, state);
        QCOMPARE(Dinky::stateFromFlinkStatus(status), state);
    }

    void submitStates()
    {
        QCOMPARE(Dinky::stateFromSubmitStatus(u"INITIALIZE"), JobState::Queued);
        QCOMPARE(Dinky::stateFromSubmitStatus(u"RUNNING"), JobState::Running);
        QCOMPARE(Dinky::stateFromSubmitStatus(u"SUCCESS"), JobState::Running);
        QCOMPARE(Dinky::stateFromSubmitStatus(u"FAILED"), JobState::Failed);
        QCOMPARE(Dinky::stateFromSubmitStatus(u"CANCEL"), JobState::Cancelled);
    }

    void instance07()
    {
        const auto envelope = Dinky::decodeEnvelope(answer(200, Instance07));
        QVERIFY(envelope);
        const QTimeZone zone = Dinky::zoneFromSetting(u"");
        const auto job = Dinky::jobFromInstance(envelope->data.toObject(), envelope->generation, zone);
        QVERIFY(job);
        QCOMPARE(job->id, u"504"_s);
        QCOMPARE(job->ids.dinkyInstanceId, 504);
        QCOMPARE(job->ids.dinkyTaskId, 111);
        QCOMPARE(job->ids.flinkJobId, u"9ade253d2e8b4a3c9f1f8d3f0e5a1b2c"_s);
        QCOMPARE(job->rawStatus, u"UNKNOWN"_s);
        QCOMPARE(job->state, JobState::Unknown); // never shown as failed
        QCOMPARE(job->durationMs, 134000);       // 0.7: seconds
        QCOMPARE(job->submitted, QDateTime(QDate(2023, 3, 6), QTime(7, 56, 43), QTimeZone::UTC));
        QCOMPARE(job->ended.isValid(), false); // not terminal
    }

    void instanceDurationsAndEnds()
    {
        const QTimeZone zone = Dinky::zoneFromSetting(u"UTC");
        const auto finished = Dinky::jobFromInstance(
            instance(u"FINISHED"_s, u"2024-10-20 12:02:14"_s, 134000), Generation::V1, zone);
        QVERIFY(finished);
        QCOMPARE(finished->state, JobState::Succeeded);
        QCOMPARE(finished->durationMs, 134000); // 1.x: ms
        QCOMPARE(finished->ended, QDateTime(QDate(2024, 10, 20), QTime(12, 2, 14), QTimeZone::UTC));
        QCOMPARE(finished->progress, 1.0);
        const auto running
            = Dinky::jobFromInstance(instance(u"RUNNING"_s, QJsonValue()), Generation::V1, zone);
        QVERIFY(running);
        QVERIFY(!running->ended.isValid());
        QVERIFY(!Dinky::jobFromInstance(QJsonObject{{u"status"_s, u"RUNNING"_s}}, Generation::V1, zone));
    }

    void failedIsATransitionForAMinute()
    {
        const QTimeZone zone = Dinky::zoneFromSetting(u"");
        const QDateTime now = Dinky::parseServerTime(u"2024-10-20 12:10:30"_s, zone);
        const auto fresh = Dinky::jobFromInstance(
            instance(u"FAILED"_s, u"2024-10-20 12:10:00"_s), Generation::V1, zone, now);
        QVERIFY(fresh);
        QCOMPARE(fresh->state, JobState::Retrying);
        QCOMPARE(fresh->rawStatus, u"FAILED"_s);
        QVERIFY(!fresh->isTerminal());
        const auto settled = Dinky::jobFromInstance(
            instance(u"FAILED"_s, u"2024-10-20 12:08:00"_s), Generation::V1, zone, now);
        QVERIFY(settled);
        QCOMPARE(settled->state, JobState::Failed);
        QVERIFY(settled->isTerminal());
        // Without the server's clock there is nothing to compare with: failed.
        const auto noClock
            = Dinky::jobFromInstance(instance(u"FAILED"_s, u"2024-10-20 12:10:00"_s), Generation::V1, zone);
        QCOMPARE(noClock->state, JobState::Failed);
    }

    void jobResult()
    {
        const QJsonObject result{
            {u"jobConfig"_s,
             QJsonObject{{u"jobName"_s, u"orders_etl"_s}, {u"taskId"_s, 7}, {u"type"_s, u"local"_s}}},
            {u"jobManagerAddress"_s, u"127.0.0.1:8081"_s},
            {u"status"_s, u"SUCCESS"_s},
            {u"success"_s, true},
            {u"jobId"_s, u"0123456789abcdef0123456789abcdef"_s},
            {u"jobInstanceId"_s, 42},
            {u"startTime"_s, u"2023-09-15T10:30:00"_s},
            {u"endTime"_s, u"2023-09-15T10:30:02"_s}};
        const Job job = Dinky::jobFromJobResult(result, 7, Dinky::zoneFromSetting(u""));
        QCOMPARE(job.id, u"42"_s);
        QCOMPARE(job.ids.dinkyInstanceId, 42);
        QCOMPARE(job.ids.dinkyTaskId, 7);
        QCOMPARE(job.ids.flinkJobId, u"0123456789abcdef0123456789abcdef"_s);
        QCOMPARE(job.rawStatus, u"SUCCESS"_s);
        QCOMPARE(job.state, JobState::Running);
        QCOMPARE(job.submitted, QDateTime(QDate(2023, 9, 15), QTime(2, 30), QTimeZone::UTC));

        // The seed's response document: every field a description string.
        const QJsonObject seed{{u"jobInstanceId"_s, u"Unique identifier for the job instance"_s},
                               {u"status"_s, u"Status of the job"_s},
                               {u"startTime"_s, u"Start time of job execution"_s}};
        const Job odd = Dinky::jobFromJobResult(seed, 9, Dinky::zoneFromSetting(u""));
        QCOMPARE(odd.id, u"task/9"_s);
        QCOMPARE(odd.state, JobState::Unknown);
        QVERIFY(!odd.submitted.isValid());
    }

    void login()
    {
        const HttpResponse ok
            = answer(200,
                     json(QJsonObject{{u"code"_s, 0},
                                      {u"msg"_s, u"Login Successfully"_s},
                                      {u"success"_s, true},
                                      {u"data"_s,
                                       QJsonObject{{u"tokenInfo"_s,
                                                    QJsonObject{{u"tokenName"_s, u"dinky-token"_s},
                                                                {u"tokenValue"_s, u"a1b2c3"_s}}}}}}));
        const auto envelope = Dinky::decodeEnvelope(ok);
        const auto token = Dinky::decodeLogin(*envelope, ok);
        QVERIFY(token);
        QCOMPARE(token->name, u"dinky-token"_s);
        QCOMPARE(token->value, u"a1b2c3"_s);

        const HttpResponse refused = answer(
            200,
            "{\"code\":7,\"msg\":\"Username or password is incorrect\",\"data\":null,\"success\":false}");
        const auto badEnvelope = Dinky::decodeEnvelope(refused);
        const auto bad = Dinky::decodeLogin(*badEnvelope, refused);
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, BackendError::Kind::Authentication);
        QVERIFY(bad.error().message.contains(u"incorrect"));

        const HttpResponse evil = answer(200,
                                         "{\"code\":0,\"msg\":\"ok\",\"success\":true,\"data\":{"
                                         "\"tokenInfo\":{\"tokenName\":\"a b\\r\\nX: y\","
                                         "\"tokenValue\":\"v\"}}}");
        const auto evilEnvelope = Dinky::decodeEnvelope(evil);
        QVERIFY(!Dinky::decodeLogin(*evilEnvelope, evil));
    }

    void replacedSessions()
    {
        QVERIFY(Dinky::isReplacedSession(u"token has been pushed offline"));
        QVERIFY(Dinky::isReplacedSession(u"token has been kicked offline"));
        QVERIFY(Dinky::isReplacedSession(u"Token已被顶下线"));
        QVERIFY(!Dinky::isReplacedSession(u"Token expired"));
        QVERIFY(!Dinky::isReplacedSession(u"Token not found"));
    }

    void jobList()
    {
        const QJsonArray rows{instance(u"RUNNING"_s, QJsonValue()),
                              instance(u"FINISHED"_s, u"2024-10-20 12:02:14"_s)};
        const auto page = Dinky::decodeJobList(answer(200,
                                                      json(QJsonObject{{u"total"_s, 42},
                                                                       {u"success"_s, true},
                                                                       {u"current"_s, 2},
                                                                       {u"pageSize"_s, 10},
                                                                       {u"data"_s, rows}})),
                                               Generation::V1,
                                               Dinky::zoneFromSetting(u""));
        QVERIFY(page);
        QCOMPARE(page->totalRows, 42);
        QCOMPARE(page->page, 2);
        QCOMPARE(page->jobs.size(), 2);
        QCOMPARE(page->jobs.at(1).state, JobState::Succeeded);

        const auto notLoggedIn = Dinky::decodeJobList(
            answer(401, "{\"code\":7,\"msg\":\"Token not found\",\"data\":null,\"success\":false}"),
            Generation::V1,
            Dinky::zoneFromSetting(u""));
        QVERIFY(!notLoggedIn);
        QCOMPARE(notLoggedIn.error().kind, BackendError::Kind::Authentication);
        const auto html = Dinky::decodeJobList(
            answer(200, "<html></html>", "text/html"), Generation::V1, Dinky::zoneFromSetting(u""));
        QCOMPARE(html.error().kind, BackendError::Kind::Protocol);
    }

    void processLogDeltas()
    {
        Dinky::Envelope envelope;
        envelope.data = QJsonObject{
            {u"key"_s, u"FlinkSubmit/7"_s}, {u"status"_s, u"RUNNING"_s}, {u"log"_s, u"one\r\ntwo\nthr"_s}};
        const auto process = Dinky::decodeProcess(envelope);
        QVERIFY(process);
        QVERIFY(!process->ended);
        LogPage first = Dinky::logDelta(process->text, {}, process->ended);
        QCOMPARE(first.lines, (QStringList{u"one"_s, u"two"_s})); // "thr" is not finished yet
        QCOMPARE(first.next.position, 2);
        QCOMPARE(first.next.delivered, 2);
        QVERIFY(!first.complete);
        // The whole text again, grown: only the new part.
        LogPage second = Dinky::logDelta(u"one\r\ntwo\nthree\nfour\n"_s, first.next, false);
        QCOMPARE(second.lines, (QStringList{u"three"_s, u"four"_s}));
        QCOMPARE(second.next.delivered, 4);
        LogPage same = Dinky::logDelta(u"one\r\ntwo\nthree\nfour\n"_s, second.next, false);
        QVERIFY(same.lines.isEmpty());
        LogPage last = Dinky::logDelta(u"one\r\ntwo\nthree\nfour\nfive"_s, same.next, true);
        QCOMPARE(last.lines, QStringList{u"five"_s});
        QVERIFY(last.complete);
        // A new, shorter process log: nothing repeated.
        LogPage reset = Dinky::logDelta(u"new\n"_s, last.next, false);
        QVERIFY(reset.lines.isEmpty());
        QCOMPARE(reset.next.position, 1);

        Dinky::Envelope none;
        none.data = QJsonValue::Null;
        QVERIFY(Dinky::decodeProcess(none));
        QVERIFY(Dinky::decodeProcess(none)->text.isEmpty());
        Dinky::Envelope wrong;
        wrong.data = 12;
        QVERIFY(!Dinky::decodeProcess(wrong));
    }

    void savepoints()
    {
        QCOMPARE(Dinky::savepointPathFrom(
                     QJsonObject{{u"jobInfos"_s,
                                  QJsonArray{QJsonObject{{u"jobId"_s, u"x"_s},
                                                         {u"savePoint"_s, u"hdfs:///sp/savepoint-1"_s}}}}}),
                 u"hdfs:///sp/savepoint-1"_s);
        QCOMPARE(Dinky::savepointPathFrom(u"s3://b/sp"_s), u"s3://b/sp"_s);
        QVERIFY(Dinky::savepointPathFrom(true).isEmpty());
        QVERIFY(Dinky::savepointPathFrom(QJsonObject{{u"jobInfos"_s, 3}}).isEmpty());
    }

    void progressFromVertices()
    {
        const QJsonObject tasks{{u"RUNNING"_s, 2}, {u"FINISHED"_s, 2}, {u"FAILED"_s, 0}};
        const QJsonObject vertex{{u"id"_s, u"v1"_s}, {u"name"_s, u"Source"_s}, {u"tasks"_s, tasks}};
        const QJsonObject noId{{u"name"_s, u"no id"_s}};
        const QJsonObject flinkJob{{u"end-time"_s, -1}, {u"vertices"_s, QJsonArray{vertex, noId}}};
        const QJsonObject detail{{u"jobDataDto"_s, QJsonObject{{u"job"_s, flinkJob}}}};
        const ProgressReport report = Dinky::progressFromJobDetail(detail);
        QCOMPARE(report.subJobs.size(), 1);
        QCOMPARE(report.subJobs.at(0).id, u"Source"_s);
        QCOMPARE(report.subJobs.at(0).total, 4);
        QCOMPARE(report.subJobs.at(0).running, 2);
        QCOMPARE(report.progress, 0.5);
        QCOMPARE(Dinky::progressFromJobDetail({}).progress, -1.0);
    }
};

QTEST_GUILESS_MAIN(TestDinkyProtocol)
#include "tst_dinkyprotocol.moc"
