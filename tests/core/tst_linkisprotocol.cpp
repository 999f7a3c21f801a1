#include "backends/linkis/linkisprotocol.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace JobDeck;

namespace {
HttpResponse answer(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    HttpResponse response;
    response.url = QUrl(QStringLiteral("http://127.0.0.1:9001/api/rest_j/v1/entrance/x/status"));
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

QByteArray logPage(const QJsonValue &log, qint64 fromLine)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("method"), QStringLiteral("/api/entrance/x/log")},
                                     {QStringLiteral("status"), 0},
                                     {QStringLiteral("message"), QStringLiteral("Return log information")},
                                     {QStringLiteral("data"),
                                      QJsonObject{{QStringLiteral("execID"), QStringLiteral("x")},
                                                  {QStringLiteral("log"), log},
                                                  {QStringLiteral("fromLine"), fromLine}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

namespace {
JobDeck::SubJobProgress row(const QString &id, int succeeded, int failed, int running, int total)
{
    JobDeck::SubJobProgress out;
    out.id = id;
    out.succeeded = succeeded;
    out.failed = failed;
    out.running = running;
    out.total = total;
    return out;
}
} // namespace

class TestLinkisProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopeOnAnyStatus_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("ok") << 200
                            << QByteArray(
                                   "{\"method\":\"m\",\"status\":0,\"message\":\"OK\",\"data\":{\"a\":1}}")
                            << 0;
        QTest::newRow("business error as 400")
            << 400 << QByteArray("{\"method\":\"m\",\"status\":1,\"message\":\"bad(坏)\",\"data\":{}}") << 1;
        QTest::newRow("warning as 206")
            << 206 << QByteArray("{\"status\":4,\"message\":\"careful\",\"data\":{}}") << 4;
        QTest::newRow("not logged in as 401")
            << 401 << QByteArray("{\"status\":-1,\"message\":\"login\",\"data\":{}}") << -1;
        QTest::newRow("validation as 412")
            << 412 << QByteArray("{\"status\":2,\"message\":\"referer\",\"data\":{}}") << 2;
    }

    void envelopeOnAnyStatus()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto envelope = Linkis::decodeEnvelope(answer(http, body));
        QVERIFY(envelope.has_value());
        QCOMPARE(envelope->status, status);
    }

    void notTheProtocol_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html login page")
            << 200 << QByteArray("<!DOCTYPE html><html><head><title>Sign in</title></head><body/></html>")
            << QByteArray("text/html") << QStringLiteral("Sign in");
        QTest::newRow("empty 200") << 200 << QByteArray() << QByteArray() << QStringLiteral("empty");
        QTest::newRow("truncated json") << 200 << QByteArray("{\"method\":\"m\",\"status\":0,\"data\":{\"lo")
                                        << QByteArray("application/json") << QStringLiteral("status");
        QTest::newRow("json array") << 200 << QByteArray("[1,2]") << QByteArray("application/json")
                                    << QStringLiteral("[1,2]");
        QTest::newRow("no status") << 200 << QByteArray("{\"code\":\"000\",\"data\":{}}")
                                   << QByteArray("application/json") << QStringLiteral("status");
    }

    void notTheProtocol()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, mentions);
        const auto envelope = Linkis::decodeEnvelope(answer(http, body, contentType));
        QVERIFY(!envelope.has_value());
        QCOMPARE(envelope.error().kind, BackendError::Kind::Protocol);
        QVERIFY2(envelope.error().message.contains(mentions), qPrintable(envelope.error().message));
        QVERIFY(envelope.error().describe().contains(u"127.0.0.1:9001")); // names the URL
        QCOMPARE(envelope.error().exitCode(), 3);
    }

    void errorsTakeTheUsersLanguage()
    {
        const auto response
            = answer(400, "{\"status\":1,\"message\":\"Successfully killed the job(成功kill了job)\"}");
        const auto envelope = Linkis::decodeEnvelope(response);
        QVERIFY(envelope);
        const BackendError english = Linkis::envelopeError(*envelope, response, Language::English);
        QCOMPARE(english.message, QStringLiteral("Successfully killed the job"));
        QCOMPARE(english.kind, BackendError::Kind::Refused);
        QCOMPARE(english.exitCode(), 4);
        QCOMPARE(Linkis::envelopeError(*envelope, response, Language::Chinese).message,
                 QStringLiteral("成功kill了job"));

        // The generic error's real reason is in data.errorMsg.desc.
        const auto generic = answer(400,
                                    "{\"status\":1,\"message\":\"error\",\"data\":{\"errorMsg\":{\"desc\":"
                                    "\"engine died(引擎退出)\",\"errCode\":12001}}}");
        const BackendError fromDesc
            = Linkis::envelopeError(*Linkis::decodeEnvelope(generic), generic, Language::English);
        QCOMPARE(fromDesc.message, QStringLiteral("engine died"));
        QCOMPARE(fromDesc.serverCode, QStringLiteral("12001"));

        const auto expired = answer(401,
                                    "{\"status\":-1,\"message\":\"You are not logged in, please login "
                                    "first!(您尚未登录，请先登录!)\"}");
        const BackendError auth
            = Linkis::envelopeError(*Linkis::decodeEnvelope(expired), expired, Language::Chinese);
        QCOMPARE(auth.kind, BackendError::Kind::Authentication);
        QCOMPARE(auth.message, QStringLiteral("您尚未登录，请先登录!"));
    }

    void pickLanguageLeavesOtherMessagesAlone_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("english only") << QStringLiteral("Job not found (id 12)j");
        QTest::newRow("chinese only")
            << QStringLiteral("请在Header或Cookie中同时指定Token-Code 和 Token-User，以便完成token认证！");
        QTest::newRow("empty") << QString();
        QTest::newRow("unbalanced") << QStringLiteral("oops(中文");
    }

    void pickLanguageLeavesOtherMessagesAlone()
    {
        QFETCH(QString, message);
        QCOMPARE(Linkis::pickLanguage(message, Language::English), message);
        QCOMPARE(Linkis::pickLanguage(message, Language::Chinese), message);
    }

    void states_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<JobState>("state");
        QTest::newRow("Inited") << QStringLiteral("Inited") << JobState::Queued;
        QTest::newRow("Scheduled") << QStringLiteral("Scheduled") << JobState::Queued;
        QTest::newRow("Running") << QStringLiteral("Running") << JobState::Running;
        QTest::newRow("WaitForRetry") << QStringLiteral("WaitForRetry") << JobState::Retrying;
        QTest::newRow("Succeed") << QStringLiteral("Succeed") << JobState::Succeeded;
        QTest::newRow("Failed") << QStringLiteral("Failed") << JobState::Failed;
        QTest::newRow("Timeout") << QStringLiteral("Timeout") << JobState::Failed;
        QTest::newRow("Cancelled") << QStringLiteral("Cancelled") << JobState::Cancelled;
        QTest::newRow("unknown word") << QStringLiteral("Exploded") << JobState::Unknown;
    }

    void states()
    {
        QFETCH(QString, raw);
        QFETCH(JobState, state);
        QCOMPARE(Linkis::stateFromStatus(raw), state);
    }

    void progress_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<double>("expected");
        QTest::newRow("float") << QJsonValue(0.35) << 0.35;
        QTest::newRow("string") << QJsonValue(QStringLiteral("0.35")) << 0.35;
        QTest::newRow("killed 1.0f") << QJsonValue(QStringLiteral("1.0f")) << 1.0;
        QTest::newRow("integer 0 in failover") << QJsonValue(0) << 0.0;
        QTest::newRow("negative is abs") << QJsonValue(-0.5) << 0.5;
        QTest::newRow("over one clamps") << QJsonValue(1.5) << 1.0;
        QTest::newRow("garbage") << QJsonValue(QStringLiteral("lots")) << -1.0;
        QTest::newRow("null") << QJsonValue() << -1.0;
        QTest::newRow("object") << QJsonValue(QJsonObject()) << -1.0;
    }

    void progress()
    {
        QFETCH(QJsonValue, value);
        QFETCH(double, expected);
        QCOMPARE(Linkis::parseProgress(value), expected);
    }

    void progressInfoShapes()
    {
        QVERIFY(Linkis::parseProgressInfo(QJsonArray()).isEmpty());
        QVERIFY(Linkis::parseProgressInfo(QJsonArray{QJsonObject()}).isEmpty()); // [{}]
        QVERIFY(Linkis::parseProgressInfo(QJsonValue()).isEmpty());
        const auto rows = Linkis::parseProgressInfo(
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("stage_1")},
                                   {QStringLiteral("succeedTasks"), 5},
                                   {QStringLiteral("failedTasks"), 1},
                                   {QStringLiteral("runningTasks"), QStringLiteral("2")},
                                   {QStringLiteral("totalTasks"), 10}}});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().succeeded, 5);
        QCOMPARE(rows.first().running, 2);
        QCOMPARE(rows.first().total, 10);

        // linkis-web merges by id: replace or append.
        QList<SubJobProgress> merged{row(QStringLiteral("a"), 1, 0, 1, 4),
                                     row(QStringLiteral("b"), 0, 0, 0, 2)};
        mergeSubJobs(merged,
                     {row(QStringLiteral("b"), 2, 0, 0, 2), row(QStringLiteral("c"), 0, 0, 3, 3), {}});
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged.at(1).succeeded, 2);
        QCOMPARE(merged.at(2).id, QStringLiteral("c"));
    }

    void taskIdNumberOrString()
    {
        QCOMPARE(Linkis::parseTaskId(QJsonValue(123)), 123);
        QCOMPARE(Linkis::parseTaskId(QJsonValue(QStringLiteral("123"))), 123);
        QCOMPARE(Linkis::parseTaskId(QJsonValue(QStringLiteral("x"))), 0);
        QCOMPARE(Linkis::parseTaskId(QJsonValue()), 0);
    }

    void historyTaskAsJob()
    {
        const QJsonObject task
            = QJsonDocument::fromJson(
                  "{\n"
                  "            \"taskID\": 77, \"execId\": \"IDE_alice_3\",\n"
                  "            \"strongerExecId\": "
                  "\"exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_alice_3\",\n"
                  "            \"status\": \"Failed\", \"progress\": \"0.5\", \"createdTime\": "
                  "1700000000000,\n"
                  "            \"requestStartTime\": 1700000001000, \"requestEndTime\": 1700000011000, "
                  "\"costTime\": 10000,\n"
                  "            \"executeUser\": \"alice\", \"engineType\": \"spark\", \"runType\": \"sql\",\n"
                  "            \"errDesc\": \"Table not found\", \"executionCode\": \"select 1\"}")
                  .object();
        const Job job = Linkis::jobFromTask(task);
        QCOMPARE(job.ids.linkisTaskId, 77);
        QCOMPARE(job.ids.linkisExecId,
                 QStringLiteral("exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_alice_3"));
        QCOMPARE(job.id, job.ids.linkisExecId);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.rawStatus, QStringLiteral("Failed"));
        QCOMPARE(job.progress, 0.5);
        QCOMPARE(job.submitted, QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::UTC));
        QCOMPARE(job.ended.toMSecsSinceEpoch(), 1700000011000);
        QCOMPARE(job.durationMs, 10000);
        QCOMPARE(job.submitter, QStringLiteral("alice"));
        QCOMPARE(job.errorMessage, QStringLiteral("Table not found"));
        QCOMPARE(job.script, QStringLiteral("select 1"));
    }

    void logPageFastPathMatchesGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<qint64>("next");
        const QString all
            = QStringLiteral("2026-11-22 10:00:00.001 INFO a\n2026-11-22 10:00:00.002 WARN b \"quoted\"\r\n"
                             "中文 línea \\ tab\t\n\nlast");
        const QStringList expected{QStringLiteral("2026-11-22 10:00:00.001 INFO a"),
                                   QStringLiteral("2026-11-22 10:00:00.002 WARN b \"quoted\""),
                                   QStringLiteral("中文 línea \\ tab\t"),
                                   QStringLiteral("last")};
        QTest::newRow("4-array") << logPage(QJsonArray{QString(), QString(), QString(), all}, 57) << expected
                                 << qint64(57);
        QTest::newRow("single string (distinctLevel=false)j") << logPage(all, 9) << expected << qint64(9);
        QTest::newRow("empty log string") << logPage(QString(), 3) << QStringList() << qint64(3);
        QTest::newRow("embedded newline of the first line") << logPage(
            QJsonArray{
                QString(), QString(), QString(), QStringLiteral("Your job is accepted. \n Please wait")},
            1) << QStringList{QStringLiteral("Your job is accepted. "), QStringLiteral(" Please wait")}
                                                            << qint64(1);
    }

    void logPageFastPathMatchesGeneralPath()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, lines);
        QFETCH(qint64, next);
        const auto fast = Linkis::decodeLogPageFast(body);
        QVERIFY(fast.has_value());
        QCOMPARE(fast->lines, lines);
        QCOMPARE(fast->nextFromLine, next);
        const auto envelope = Linkis::decodeEnvelope(answer(200, body));
        QVERIFY(envelope);
        QCOMPARE(Linkis::logLinesFromValue(envelope->data.value(QLatin1StringView("log"))), lines);
    }

    void logPageFastPathDeclinesAnythingElse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("refused") << QByteArray(
            "{\"status\":1,\"message\":\"The job you just executed has ended.\",\"data\":{}}");
        QTest::newRow("expired") << QByteArray("{\"status\":-1,\"message\":\"login\",\"data\":{}}");
        QTest::newRow("truncated")
            << logPage(QJsonArray{QString(), QString(), QString(), QStringLiteral("abc")}, 1).chopped(5);
        QTest::newRow("html") << QByteArray("<html><title>x</title></html>");
        QTest::newRow("short array") << logPage(QJsonArray{QStringLiteral("a")}, 1);
        QTest::newRow("log is a number") << logPage(QJsonValue(5), 1);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("trailing garbage") << logPage(QStringLiteral("a"), 1) + "}}";
    }

    void logPageFastPathDeclinesAnythingElse()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!Linkis::decodeLogPageFast(body).has_value());
    }
};

QTEST_GUILESS_MAIN(TestLinkisProtocol)
#include "tst_linkisprotocol.moc"
