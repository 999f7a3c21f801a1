// The SQLFlow decoders and form encoders with answers shaped like the documented ones (seed
// 004, protocols.md section 3), and with what a misconfigured server or proxy sends instead.
#include "backends/sqlflow/sqlflowprotocol.h"
#include "net/httpclient.h"

#include <QTest>
#include <QUrlQuery>

using namespace JobDeck;

namespace {

HttpResponse answer(const QByteArray &body, int status = 200, const QByteArray &type = "application/json")
{
    HttpResponse response;
    response.url
        = QUrl(QStringLiteral("http://127.0.0.1:8081/gspLive_backend/sqlflow/job/displayUserJobSummary"));
    response.method = "POST";
    response.status = status;
    response.contentType = type;
    response.body = body;
    return response;
}

// The tutorial's displayUserJobSummary answer (seed 004).
const QByteArray SingleJob
    = "{\n"
      "  \"code\":200,\n"
      "  \"data\":{\n"
      "    \"jobId\":\"c359aef4bd9641d697732422debd8055\",\n"
      "    \"jobName\":\"job1\",\n"
      "    \"userId\":\"google-oauth2|104002923119102769706\",\n"
      "    \"dbVendor\":\"dbvmssql\",\n"
      "    \"dataSource\":{},\n"
      "    \"fileNames\":[\"1.sql\",\"1.zip\"],\n"
      "    \"createTime\":\"2020-12-15 15:14:39\",\n"
      "    \"status\":\"success\",\n"
      "    \"sessionId\":\"fe5898d4e1b1a7782352b50a8203ca24c04f5513446e9fb059fc4d584fab4dbf_1608045280033\"\n"
      "  }\n"
      "}";

// The API reference's aggregate answer (sqlflow-job-displayuserjobssummary.md).
const QByteArray Aggregate
    = "{\n"
      "  \"code\": 200,\n"
      "  \"data\": {\n"
      "    \"total\": 3,\n"
      "    \"success\": 1,\n"
      "    \"partialSuccess\": 1,\n"
      "    \"fail\": 1,\n"
      "    \"jobIds\": [\"939fdbbaf52b45139b86c0761d6036b0\", \"44bf162fc5e04ab68289e6e784875203\", "
      "\"aa\"],\n"
      "    \"jobDetails\": [\n"
      "      {\"jobId\": \"44bf162fc5e04ab68289e6e784875203\", \"jobName\": \"sqlserver sample lineage\",\n"
      "       \"userId\": \"auth0|6326xxxx\", \"dbVendor\": \"dbvmssql\", \"fileNames\": "
      "[\"metadata.zip\"],\n"
      "       \"createTime\": \"2022-09-18 06:46:20\", \"status\": \"partial_success\",\n"
      "       \"executeTime\": \"0min 10sec\", \"executeTimeMillis\": 0},\n"
      "      {\"jobId\": \"939fdbbaf52b45139b86c0761d6036b0\", \"jobName\": \"yuanhao1\", \"userId\": "
      "\"auth0|632xxxx\",\n"
      "       \"dbVendor\": \"dbvoracle\", \"fileNames\": [\"test.sql\"], \"createTime\": \"2022-10-04 "
      "10:45:04\",\n"
      "       \"status\": \"success\", \"executeTime\": \"0min 1sec\", \"executeTimeMillis\": 0,\n"
      "       \"lastExecuteTime\": \"2022-10-04 10:45:05\"},\n"
      "      {\"jobId\": \"aa\", \"jobName\": \"broken\", \"fileNames\": [\"x.sql\"], \"createTime\": "
      "\"2022-10-05 00:00:00\",\n"
      "       \"status\": \"fail\", \"errorMessage\": \"syntax error near 'selec'\\n\\tat "
      "gudusoft.Parser.parse(Parser.java:12)\"}\n"
      "    ]\n"
      "  }\n"
      "}";

} // namespace

class TestSqlflowProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<JobState>("state");
        QTest::addColumn<bool>("lineage");
        QTest::newRow("create") << QStringLiteral("create") << JobState::Queued << false;
        QTest::newRow("success") << QStringLiteral("success") << JobState::Succeeded << true;
        QTest::newRow("partial") << QStringLiteral("partial_success") << JobState::Succeeded << true;
        QTest::newRow("fail") << QStringLiteral("fail") << JobState::Failed << false;
        QTest::newRow("delete") << QStringLiteral("delete") << JobState::Cancelled << false;
        QTest::newRow("other word") << QStringLiteral("parsing") << JobState::Running << false;
        QTest::newRow("another") << QStringLiteral("analyzing") << JobState::Running << false;
        QTest::newRow("upper case") << QStringLiteral("SUCCESS") << JobState::Succeeded << true;
        QTest::newRow("empty") << QString() << JobState::Unknown << false;
    }
    void states()
    {
        QFETCH(QString, status);
        QFETCH(JobState, state);
        QFETCH(bool, lineage);
        QCOMPARE(Sqlflow::stateFromStatus(status), state);
        QCOMPARE(Sqlflow::allowsLineage(status), lineage);
    }

    void codeAsNumberOrString()
    {
        const auto asNumber = Sqlflow::decodeAnswer(answer("{\"code\":200,\"data\":{}}"));
        QVERIFY(asNumber);
        const auto asString = Sqlflow::decodeAnswer(answer("{\"code\":\"200\",\"token\":\"eyJ\"}"));
        QVERIFY(asString);
        QCOMPARE(asString->value(QStringLiteral("token")).toString(), QStringLiteral("eyJ"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("contains");
        const auto row = [](const char *name,
                            const QByteArray &body,
                            int status,
                            const QByteArray &type,
                            BackendError::Kind kind,
                            const QString &contains) {
            QTest::newRow(name) << body << status << type << int(kind) << contains;
        };
        row("refused, HTTP 200",
            "{\"code\":400,\"error\":\"job 42 does not exist\"}",
            200,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("job 42 does not exist"));
        row("refused, HTTP 400, string code",
            "{\"code\":\"500\",\"error\":\"dbvendor is required\"}",
            400,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("dbvendor is required"));
        row("expired token",
            "{\"code\":401,\"error\":\"token expired, please generate a new token\"}",
            200,
            "application/json",
            BackendError::Kind::Authentication,
            QStringLiteral("token expired"));
        row("token words, other code",
            "{\"code\":500,\"error\":\"Invalid token\"}",
            200,
            "application/json",
            BackendError::Kind::Authentication,
            QStringLiteral("Invalid token"));
        row("a parser's token is not a credential",
            "{\"code\":500,\"error\":\"syntax error: unexpected token 'FROM' at line 3\"}",
            200,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("unexpected token"));
        row("stack trace shows its first line only",
            "{\"code\":500,\"error\":\"NullPointerException\\n\\tat com.gudu.X.y(X.java:1)\"}",
            500,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("NullPointerException"));
        row("no message",
            "{\"code\":500}",
            200,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("500"));
        row("whole API missing",
            "{\"timestamp\":\"2024-01-01T00:00:00.000+00:00\",\"status\":404,\"error\":\"Not "
            "Found\",\"path\":\"/gspLive_backend/x\"}",
            404,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("check the URL"));
        row("404 page",
            "<html><body>Not Found</body></html>",
            404,
            "text/html",
            BackendError::Kind::Refused,
            QStringLiteral("check the URL"));
        row("bad gateway",
            "<html><title>502 Bad Gateway</title></html>",
            502,
            "text/html",
            BackendError::Kind::Connection,
            QStringLiteral("502"));
        row("login page",
            "<!DOCTYPE html><html><head><title>Sign in</title></head></html>",
            200,
            "text/html",
            BackendError::Kind::Protocol,
            QStringLiteral("Sign in"));
        row("empty", "", 200, "application/json", BackendError::Kind::Protocol, QStringLiteral("empty"));
        row("truncated",
            "{\"code\":200,\"data\":{\"jobId\":\"c3",
            200,
            "application/json",
            BackendError::Kind::Protocol,
            QStringLiteral("code"));
        row("array", "[1,2]", 200, "application/json", BackendError::Kind::Protocol, QStringLiteral("[1,2]"));
        row("no code",
            "{\"data\":{}}",
            200,
            "application/json",
            BackendError::Kind::Protocol,
            QStringLiteral("no code"));
        row("Spring 500",
            "{\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/x\"}",
            500,
            "application/json",
            BackendError::Kind::Refused,
            QStringLiteral("Internal Server Error"));
        row("bare 401", "", 401, "", BackendError::Kind::Authentication, QStringLiteral("401"));
    }
    void refusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(int, kind);
        QFETCH(QString, contains);
        const auto decoded = Sqlflow::decodeAnswer(answer(body, status, type));
        QVERIFY(!decoded);
        QCOMPARE(int(decoded.error().kind), kind);
        QVERIFY2(decoded.error().message.contains(contains), qPrintable(decoded.error().message));
        QVERIFY2(!decoded.error().message.contains(u"\tat "), qPrintable(decoded.error().message));
        QCOMPARE(decoded.error().httpStatus, status);
    }

    void token()
    {
        const auto token
            = Sqlflow::decodeToken(answer("{\"code\":\"200\",\"token\":\"eyJ0eXAiOiJKV1Qi.x.y\"}"));
        QVERIFY(token);
        QCOMPARE(*token, QStringLiteral("eyJ0eXAiOiJKV1Qi.x.y"));
        // Any refusal of the token call is about the credentials.
        const auto refused
            = Sqlflow::decodeToken(answer("{\"code\":\"500\",\"error\":\"userId or secretKey is invalid\"}"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Authentication);
        QVERIFY(refused.error().message.contains(u"secretKey is invalid"));
        const auto empty = Sqlflow::decodeToken(answer("{\"code\":\"200\"}"));
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, BackendError::Kind::Protocol);
        // A proxy's outage stays a connection problem.
        const auto outage = Sqlflow::decodeToken(answer("", 503, "text/html"));
        QVERIFY(!outage);
        QCOMPARE(outage.error().kind, BackendError::Kind::Connection);
    }

    void singleShape()
    {
        const auto job = Sqlflow::decodeJob(
            answer(SingleJob), QStringLiteral("c359aef4bd9641d697732422debd8055"), QTimeZone::UTC);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(job->id, QStringLiteral("c359aef4bd9641d697732422debd8055"));
        QCOMPARE(job->ids.sqlflowJobId, job->id);
        QCOMPARE(job->backend, QStringLiteral("sqlflow"));
        QCOMPARE(job->name, QStringLiteral("job1"));
        QCOMPARE(job->state, JobState::Succeeded);
        QCOMPARE(job->rawStatus, QStringLiteral("success"));
        QCOMPARE(job->files, (QStringList{QStringLiteral("1.sql"), QStringLiteral("1.zip")}));
        QCOMPARE(job->engine, QStringLiteral("dbvmssql"));
        QCOMPARE(job->submitter, QStringLiteral("google-oauth2|104002923119102769706"));
        QCOMPARE(job->submitted, QDateTime(QDate(2020, 12, 15), QTime(15, 14, 39), QTimeZone::UTC));
        QCOMPARE(job->progress, -1.0);
        QVERIFY(job->errorMessage.isEmpty());
        // The submit answer has no id to look for.
        QVERIFY(Sqlflow::decodeJob(answer(SingleJob), {}, QTimeZone::UTC));
        // An answer about another job is not the one asked for.
        const auto other = Sqlflow::decodeJob(answer(SingleJob), QStringLiteral("zzz"), QTimeZone::UTC);
        QVERIFY(!other);
        QCOMPARE(other.error().kind, BackendError::Kind::Protocol);
    }

    void aggregateShape()
    {
        const auto partial = Sqlflow::decodeJob(
            answer(Aggregate), QStringLiteral("44bf162fc5e04ab68289e6e784875203"), QTimeZone::UTC);
        QVERIFY(partial);
        QCOMPARE(partial->state, JobState::Succeeded);
        QCOMPARE(partial->rawStatus, QStringLiteral("partial_success"));
        QVERIFY2(partial->errorMessage.contains(u"Partial"), qPrintable(partial->errorMessage));
        QCOMPARE(partial->durationMs, qint64(10000));
        QCOMPARE(partial->files, QStringList{QStringLiteral("metadata.zip")});

        const auto done = Sqlflow::decodeJob(
            answer(Aggregate), QStringLiteral("939fdbbaf52b45139b86c0761d6036b0"), QTimeZone::UTC);
        QVERIFY(done);
        QCOMPARE(done->name, QStringLiteral("yuanhao1"));
        QCOMPARE(done->ended, QDateTime(QDate(2022, 10, 4), QTime(10, 45, 5), QTimeZone::UTC));

        const auto failed = Sqlflow::decodeJob(answer(Aggregate), QStringLiteral("aa"), QTimeZone::UTC);
        QVERIFY(failed);
        QCOMPARE(failed->state, JobState::Failed);
        QCOMPARE(failed->errorMessage, QStringLiteral("syntax error near 'selec'"));

        const auto missing = Sqlflow::decodeJob(answer(Aggregate), QStringLiteral("nope"), QTimeZone::UTC);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, BackendError::Kind::Refused);
        QVERIFY(missing.error().message.contains(u"nope"));

        const auto noData
            = Sqlflow::decodeJob(answer("{\"code\":200,\"data\":null}"), QStringLiteral("x"), QTimeZone::UTC);
        QVERIFY(!noData);
        QCOMPARE(noData.error().kind, BackendError::Kind::Refused);
        const auto wrongShape
            = Sqlflow::decodeJob(answer("{\"code\":200,\"data\":[1]}"), QStringLiteral("x"), QTimeZone::UTC);
        QVERIFY(!wrongShape);
        QCOMPARE(wrongShape.error().kind, BackendError::Kind::Protocol);
    }

    void list()
    {
        const auto list = Sqlflow::decodeJobList(answer(Aggregate), QTimeZone::UTC);
        QVERIFY(list);
        QCOMPARE(list->total, qint64(3));
        QCOMPARE(list->jobs.size(), qsizetype(3));
        // Newest first, whatever the server's order.
        QCOMPARE(list->jobs.at(0).id, QStringLiteral("aa"));
        QCOMPARE(list->jobs.at(1).id, QStringLiteral("939fdbbaf52b45139b86c0761d6036b0"));
        QCOMPARE(list->jobs.at(2).id, QStringLiteral("44bf162fc5e04ab68289e6e784875203"));

        const auto empty = Sqlflow::decodeJobList(
            answer("{\"code\":200,\"data\":{\"total\":0,\"jobIds\":[],\"jobDetails\":[]}}"), QTimeZone::UTC);
        QVERIFY(empty);
        QCOMPARE(empty->total, qint64(0));
        QVERIFY(empty->jobs.isEmpty());
        QVERIFY(!Sqlflow::decodeJobList(answer("{\"code\":200,\"data\":\"x\"}"), QTimeZone::UTC));
    }

    void zones_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("offsetSeconds");
        QTest::newRow("default") << QString() << true << 0;
        QTest::newRow("UTC+08:00") << QStringLiteral("UTC+08:00") << true << 8 * 3600;
        QTest::newRow("GMT+8") << QStringLiteral("GMT+8") << true << 8 * 3600;
        QTest::newRow("-05:30") << QStringLiteral("-05:30") << true << -(5 * 3600 + 1800);
        QTest::newRow("IANA") << QStringLiteral("Asia/Shanghai") << true << 8 * 3600;
        QTest::newRow("nonsense") << QStringLiteral("Mars/Olympus") << false << 0;
    }
    void zones()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QFETCH(int, offsetSeconds);
        bool ok = false;
        const QTimeZone zone = Sqlflow::serverZone(spec, &ok);
        QCOMPARE(ok, valid);
        const QDateTime utc = Sqlflow::parseTime(QStringLiteral("2022-10-04 10:45:04"), zone);
        QCOMPARE(utc,
                 QDateTime(QDate(2022, 10, 4), QTime(10, 45, 4), QTimeZone::UTC).addSecs(-offsetSeconds));
        QCOMPARE(utc.timeSpec(), Qt::UTC);
    }

    void times()
    {
        QVERIFY(!Sqlflow::parseTime(QStringLiteral("yesterday"), QTimeZone::UTC).isValid());
        QVERIFY(!Sqlflow::parseTime(QString(), QTimeZone::UTC).isValid());
        QCOMPARE(Sqlflow::parseExecuteTime(u"0min 1sec"), qint64(1000));
        QCOMPARE(Sqlflow::parseExecuteTime(u"2min 10sec"), qint64(130000));
        QCOMPARE(Sqlflow::parseExecuteTime(u"1h 0min 0sec"), qint64(3600000));
        QCOMPARE(Sqlflow::parseExecuteTime(u""), qint64(-1));
        QCOMPARE(Sqlflow::parseExecuteTime(u"soon"), qint64(-1));
        QCOMPARE(Sqlflow::parseExecuteTime(u"3 fortnights"), qint64(-1));
    }

    void artefacts_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<bool>("artefact");
        QTest::newRow("csv") << QByteArray("source_table,target_table\na,b\n") << 200
                             << QByteArray("text/csv") << true << true;
        QTest::newRow("graphml") << QByteArray("<?xml version=\"1.0\"?><graphml/>") << 200
                                 << QByteArray("application/xml") << true << true;
        QTest::newRow("json artefact") << QByteArray("{\"jobId\":\"x\",\"relationships\":[]}") << 200
                                       << QByteArray("application/json") << true << true;
        QTest::newRow("json artefact, code 200") << QByteArray("{\"code\":200,\"data\":{\"relations\":[]}}")
                                                 << 200 << QByteArray("application/json") << true << true;
        QTest::newRow("error envelope") << QByteArray("{\"code\":400,\"error\":\"job is not success\"}")
                                        << 200 << QByteArray("application/json") << true << false;
        QTest::newRow("string code") << QByteArray("{\"code\":\"401\",\"error\":\"token expired\"}") << 200
                                     << QByteArray("application/json") << true << false;
        QTest::newRow("HTTP 500") << QByteArray("a,b\n") << 500 << QByteArray("text/csv") << true << false;
        QTest::newRow("Spring 404") << QByteArray("{\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}")
                                    << 404 << QByteArray("application/json") << true << false;
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><title>Login</title>") << 200
                              << QByteArray("text/html") << true << false;
        QTest::newRow("empty json") << QByteArray() << 200 << QByteArray("application/json") << true << false;
        QTest::newRow("long start of a json artefact")
            << QByteArray("{\"code\":400,\"err") << 200 << QByteArray("application/json") << false << true;
    }
    void artefacts()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(bool, complete);
        QFETCH(bool, artefact);
        QCOMPARE(Sqlflow::isArtefact(answer(body, status, type), complete, false), artefact);
        if (!artefact) {
            const BackendError error = Sqlflow::artefactError(answer(body, status, type));
            QVERIFY(!error.message.isEmpty());
            QVERIFY(error.kind != BackendError::Kind::Unsupported);
        }
    }

    void emptyCsvIsAnArtefact()
    {
        QVERIFY(Sqlflow::isArtefact(answer({}, 200, "text/csv"), true, true));
        QVERIFY(!Sqlflow::isArtefact(answer({}, 200, "text/csv"), true, false));
    }

    void multipart()
    {
        QList<Sqlflow::FormPart> parts{
            {QStringLiteral("userId"), QByteArray("google-oauth2|104002923119102769706"), {}, {}},
            {QStringLiteral("sqlfiles"),
             QByteArray("select 1;\r\n"),
             QStringLiteral("a \"b\".sql"),
             "application/octet-stream"},
            {QStringLiteral("sqlfiles"),
             QByteArray("PK\x03\x04\x00\xff", 6),
             QStringLiteral("x.zip"),
             "application/zip"},
        };
        const QByteArray boundary = Sqlflow::boundaryFor(parts);
        QVERIFY(boundary.size() >= 30);
        for (const auto &part : parts)
            QVERIFY(!part.data.contains(boundary));
        const QByteArray body = Sqlflow::multipartBody(parts, boundary);
        const QByteArray expected
            = "--" + boundary
              + "\r\nContent-Disposition: form-data; name=\"userId\"\r\n"
                "Content-Type: text/plain; charset=UTF-8\r\n\r\ngoogle-oauth2|104002923119102769706\r\n"
                "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"sqlfiles\"; filename=\"a %22b%22.sql\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nselect 1;\r\n\r\n"
                "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"sqlfiles\"; filename=\"x.zip\"\r\n"
                "Content-Type: application/zip\r\n\r\n"
              + QByteArray("PK\x03\x04\x00\xff", 6)
              + "\r\n"
                "--"
              + boundary + "--\r\n";
        QCOMPARE(body, expected);
        QCOMPARE(Sqlflow::multipartContentType(boundary), "multipart/form-data; boundary=" + boundary);
        QCOMPARE(Sqlflow::fileContentType(QStringLiteral("A.ZIP")), QByteArray("application/zip"));
        QCOMPARE(Sqlflow::fileContentType(QStringLiteral("a.sql")), QByteArray("application/octet-stream"));
    }

    void urlEncoded()
    {
        const QByteArray body = Sqlflow::urlEncodedForm(
            {{QStringLiteral("userId"), QStringLiteral("auth0|5fc8e95991a780006f180d4d")},
             {QStringLiteral("secretKey"), QStringLiteral("a+b/c=d &é")}});
        QCOMPARE(body,
                 QByteArray("userId=auth0%7C5fc8e95991a780006f180d4d&secretKey=a%2Bb%2Fc%3Dd%20%26%C3%A9"));
        // A form decoder gets the values back, '+' included.
        const QUrlQuery decoded(QString::fromLatin1(body));
        QCOMPARE(decoded.queryItemValue(QStringLiteral("secretKey"), QUrl::FullyDecoded),
                 QStringLiteral("a+b/c=d &é"));
    }
};

QTEST_GUILESS_MAIN(TestSqlflowProtocol)
#include "tst_sqlflowprotocol.moc"
