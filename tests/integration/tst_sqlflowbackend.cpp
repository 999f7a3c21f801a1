// The SQLFlow adapter and the job monitor against the SQLFlow simulator on loopback: uploads,
// both summary shapes, the 2 s polling floor, streamed lineage exports, persistent jobs and
// token renewal, end to end through real HTTP.
#include "backends/sqlflow/sqlflowbackend.h"
#include "monitor/jobmonitor.h"

#include "sqlflow/sqlflowsimulator.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/await.h"

using namespace JobDeck;
using namespace Qt::StringLiterals;
using Sim::SqlflowSimulator;

namespace {

const QString UserId = QStringLiteral("google-oauth2|104002923119102769706");
const QString SecretKey = QStringLiteral("s3cret+key/=|x");

ConnectionProfile cloudProfile(const SqlflowSimulator &sim)
{
    ConnectionProfile profile;
    profile.kind = QStringLiteral("sqlflow");
    profile.url = sim.baseUrl();
    profile.user = UserId;
    profile.secret = SecretKey;
    profile.auth = ConnectionProfile::Auth::Token;
    profile.dbVendor = QStringLiteral("dbvhive");
    profile.requestTimeoutMs = 20000;
    return profile;
}

// SQLFlow's 2 s floor is proved once (followsToSuccessNoFasterThanEveryTwoSeconds); the
// other tests follow jobs without waiting for it.
MonitorPolicy fastPolicy()
{
    MonitorPolicy policy;
    policy.baseIntervalMs = 20;
    policy.fastIntervalMs = 20;
    policy.firstBackoffMs = 20;
    policy.maxBackoffMs = 200;
    policy.minimumIntervalMs = 0;
    return policy;
}

// The same, asking far below SQLFlow's floor with the backend's floor in force: the floor
// must win.
MonitorPolicy flooredPolicy()
{
    MonitorPolicy policy = fastPolicy();
    policy.minimumIntervalMs = -1;
    return policy;
}

// A SQL file with a script for the simulator.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Bytes a careless multipart encoder or decoder would break: CR LF, a would-be boundary,
// NUL, bytes that are not UTF-8.
QByteArray zipLike()
{
    QByteArray bytes("PK\x03\x04\x14\x00\x00\x00", 8);
    for (int i = 0; i < 4096; ++i)
        bytes += char((i * 37 + 11) & 0xff);
    bytes += "\r\n------JobDeckFormBoundary\r\n--\r\n";
    bytes += QByteArray(16, '\0');
    return bytes;
}

struct Followed
{
    QStringList statuses;
    Job finished;
    int failures = 0;
};

Followed followToEnd(Backend &backend, const Job &job, MonitorPolicy policy = fastPolicy())
{
    Followed result;
    JobMonitor monitor(&backend, policy);
    QObject::connect(&monitor, &JobMonitor::jobChanged, &monitor, [&](const Job &changed) {
        if (result.statuses.isEmpty() || result.statuses.last() != changed.rawStatus)
            result.statuses.append(changed.rawStatus);
    });
    QObject::connect(&monitor, &JobMonitor::pollFailed, &monitor, [&] { ++result.failures; });
    QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
    monitor.follow(job);
    if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 60000)) {
        qWarning("job %s did not finish", qPrintable(job.id));
        return result;
    }
    result.finished = finished.first().first().value<Job>();
    return result;
}

// The monitor waits 2 s from the start of one round to the next; arrivals at the server
// differ from the sends by the transit time, which varies on a loaded machine (a parallel
// run on two busy cores has shown 1868 ms between arrivals). The policy asks for 20 ms, so
// any gap near 2 s shows the floor at work.
constexpr qint64 MinimumGapMs = 1500;

// The gaps between the arrivals of the status calls for one job.
QList<qint64> statusGaps(const SqlflowSimulator &sim, const QString &jobId)
{
    QList<qint64> arrivals;
    for (const auto &record : sim.requests(QStringLiteral("displayUserJobSummary"))) {
        if (record.fields.value(QStringLiteral("jobId")) == jobId)
            arrivals.append(record.atMs);
    }
    QList<qint64> gaps;
    for (qsizetype i = 1; i < arrivals.size(); ++i)
        gaps.append(arrivals.at(i) - arrivals.at(i - 1));
    return gaps;
}

SubmitRequest scripted(const QTemporaryDir &dir, const QByteArray &directive, const QString &name = {})
{
    SubmitRequest request;
    request.files
        = {writeFile(dir,
                     (name.isEmpty() ? QStringLiteral("job") : name) + QStringLiteral(".sql"),
                     QByteArray("-- sqlflow-sim: " + directive + "\ninsert into t select * from s;\n"))};
    request.name = name;
    return request;
}

} // namespace

class TestSqlflowBackend final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A job that has reached `outcome` on the simulator (left empty when something failed).
    void finishedJob(SqlflowBackend &backend, Job &out, const QByteArray &outcome = "success")
    {
        AWAIT(submitted, backend.submit(scripted(m_dir, QByteArray("create=0 run=0 outcome=" + outcome))));
        QVERIFY2(submitted, qPrintable(submitted ? QString() : submitted.error().describe()));
        AWAIT(refreshed, backend.refresh(*submitted));
        QVERIFY2(refreshed, qPrintable(refreshed ? QString() : refreshed.error().describe()));
        out = *refreshed;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void submitsTwoFilesAndAZipIntact()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));

        const QByteArray first = "-- première requête\r\ninsert into a select * from b;\r\n";
        const QByteArray second = "create view v as select x from \"quoted\";\n";
        const QByteArray zip = zipLike();
        SubmitRequest request;
        request.files = {writeFile(m_dir, QStringLiteral("orders.sql"), first),
                         writeFile(m_dir, QStringLiteral("views.sql"), second),
                         writeFile(m_dir, QStringLiteral("more.zip"), zip)};
        AWAIT(job, backend.submit(request));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().describe()));
        QCOMPARE(job->state, JobState::Queued);
        QCOMPARE(job->rawStatus, QStringLiteral("create"));
        QCOMPARE(job->backend, QStringLiteral("sqlflow"));
        QCOMPARE(job->name, QStringLiteral("orders")); // from the first file's name
        QCOMPARE(job->files,
                 (QStringList{
                     QStringLiteral("orders.sql"), QStringLiteral("views.sql"), QStringLiteral("more.zip")}));
        QVERIFY(qAbs(job->submitted.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const auto files = sim.receivedFiles(job->id);
        QCOMPARE(files.size(), qsizetype(3));
        QCOMPARE(files.at(0).fileName, QStringLiteral("orders.sql"));
        QCOMPARE(files.at(0).content, first);
        QCOMPARE(files.at(1).content, second);
        QCOMPARE(files.at(2).fileName, QStringLiteral("more.zip"));
        QCOMPARE(files.at(2).content, zip);
        QCOMPARE(files.at(2).contentType, QByteArray("application/zip"));

        const auto submits = sim.requests(QStringLiteral("submitUserJob"));
        QCOMPARE(submits.size(), qsizetype(1));
        QCOMPARE(submits.first().fields.value(QStringLiteral("userId")), UserId);
        QCOMPARE(submits.first().fields.value(QStringLiteral("dbvendor")), QStringLiteral("dbvhive"));
        QCOMPARE(submits.first().fields.value(QStringLiteral("jobName")), QStringLiteral("orders"));
        QVERIFY(submits.first().contentType.startsWith("multipart/form-data; boundary="));
        QCOMPARE(submits.first().accept, QByteArray("application/json;charset=utf-8"));
        // The secret key went urlencoded to generateToken, '+', '/', '=' and '|' intact.
        const auto tokenCalls = sim.requests(QStringLiteral("generateToken"));
        QCOMPARE(tokenCalls.size(), qsizetype(1));
        QVERIFY(tokenCalls.first().contentType.startsWith("application/x-www-form-urlencoded"));
        QCOMPARE(tokenCalls.first().fields.value(QStringLiteral("secretKey")), SecretKey);
        QCOMPARE(tokenCalls.first().fields.value(QStringLiteral("userId")), UserId);

        // A zip alone, with the request's vendor over the profile's and a name given.
        SubmitRequest zipOnly;
        zipOnly.files = {writeFile(m_dir, QStringLiteral("only.zip"), zip)};
        zipOnly.dbVendor = QStringLiteral("dbvoracle");
        zipOnly.name = QStringLiteral("archive job");
        AWAIT(zipJob, backend.submit(zipOnly));
        QVERIFY(zipJob);
        QCOMPARE(sim.receivedFiles(zipJob->id).size(), qsizetype(1));
        QCOMPARE(sim.receivedFiles(zipJob->id).first().content, zip);
        QCOMPARE(
            sim.requests(QStringLiteral("submitUserJob")).last().fields.value(QStringLiteral("dbvendor")),
            QStringLiteral("dbvoracle"));
        QCOMPARE(zipJob->name, QStringLiteral("archive job"));
        QCOMPARE(backend.tokenCount(), 1); // one token for every call
    }

    void submitChecksBeforeSending()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        ConnectionProfile profile = cloudProfile(sim);
        profile.dbVendor.clear();
        SqlflowBackend backend(profile);

        SubmitRequest noVendor;
        noVendor.files = {writeFile(m_dir, QStringLiteral("v.sql"), "select 1;")};
        AWAIT(vendorless, backend.submit(noVendor));
        QVERIFY(!vendorless);
        QCOMPARE(vendorless.error().kind, BackendError::Kind::Refused);
        QVERIFY2(vendorless.error().message.contains(u"vendor"), qPrintable(vendorless.error().message));

        SubmitRequest missing;
        missing.dbVendor = QStringLiteral("dbvhive");
        missing.files
            = {writeFile(m_dir, QStringLiteral("here.sql"), "select 1;"), m_dir.filePath(u"gone.sql"_s)};
        AWAIT(noFile, backend.submit(missing));
        QVERIFY(!noFile);
        QCOMPARE(noFile.error().kind, BackendError::Kind::Refused);
        QVERIFY2(noFile.error().message.contains(u"gone.sql"), qPrintable(noFile.error().message));

        SubmitRequest nothing;
        nothing.dbVendor = QStringLiteral("dbvhive");
        AWAIT(empty, backend.submit(nothing));
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, BackendError::Kind::Refused);

        QCOMPARE(sim.requests().size(), qsizetype(0)); // nothing reached the server
    }

    void followsToSuccessNoFasterThanEveryTwoSeconds()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        QCOMPARE(backend.minimumPollIntervalMs(), 2000);
        QCOMPARE(backend.defaultPollIntervalMs(), 2000);

        // Long enough for three rounds 2 s apart even when following starts late on a loaded
        // machine.
        AWAIT(job, backend.submit(scripted(m_dir, "create=1000 run=5500 word=parsing outcome=success")));
        QVERIFY(job);
        const Followed followed = followToEnd(backend, *job, flooredPolicy());
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QCOMPARE(followed.finished.rawStatus, QStringLiteral("success"));
        QCOMPARE(followed.finished.files, QStringList{QStringLiteral("job.sql")});
        QCOMPARE(followed.failures, 0);
        QVERIFY2(followed.statuses.contains(u"parsing"_s), qPrintable(followed.statuses.join(u',')));
        QCOMPARE(followed.statuses.last(), QStringLiteral("success"));

        const QList<qint64> gaps = statusGaps(sim, job->id);
        QVERIFY2(gaps.size() >= 2, qPrintable(QString::number(gaps.size())));
        for (qint64 gap : gaps)
            QVERIFY2(gap >= MinimumGapMs, qPrintable(QStringLiteral("%1 ms between status calls").arg(gap)));
    }

    void followsToFailAndPartialSuccess()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));

        AWAIT(failing,
              backend.submit(scripted(
                  m_dir, "create=0 run=300 outcome=fail error=Syntax error near 'selec'", u"bad"_s)));
        QVERIFY(failing);
        AWAIT(partial,
              backend.submit(
                  scripted(m_dir,
                           "create=0 run=100 outcome=partial_success error=2 of 9 statements skipped",
                           u"part"_s)));
        QVERIFY(partial);

        const Followed failed = followToEnd(backend, *failing);
        QCOMPARE(failed.finished.state, JobState::Failed);
        QCOMPARE(failed.finished.rawStatus, QStringLiteral("fail"));
        QCOMPARE(failed.finished.errorMessage, QStringLiteral("Syntax error near 'selec'"));

        const Followed mixed = followToEnd(backend, *partial);
        QCOMPARE(mixed.finished.state, JobState::Succeeded);
        QCOMPARE(mixed.finished.rawStatus, QStringLiteral("partial_success"));
        QVERIFY2(mixed.finished.errorMessage.contains(u"2 of 9 statements skipped"),
                 qPrintable(mixed.finished.errorMessage));
        QVERIFY(backend.availableActions(mixed.finished).lineage);
        QVERIFY(!backend.availableActions(failed.finished).lineage);
    }

    void readsTheAggregateSummaryShape()
    {
        SqlflowSimulator::Options options;
        options.summaryShape = SqlflowSimulator::SummaryShape::Aggregate;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        sim.addJob(UserId, u"older"_s, u"success"_s, 3600);
        sim.addJob(UserId, u"other"_s, u"fail"_s, 60);
        SqlflowBackend backend(cloudProfile(sim));

        AWAIT(job, backend.submit(scripted(m_dir, "create=0 run=200 outcome=success")));
        QVERIFY(job);
        const Followed followed = followToEnd(backend, *job);
        QCOMPARE(followed.finished.id, job->id);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QCOMPARE(followed.finished.files, QStringList{QStringLiteral("job.sql")});

        AWAIT(unknown, backend.lookup(QStringLiteral("0123456789abcdef")));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, BackendError::Kind::Refused);
    }

    void createTimeIsReadInTheServersZone()
    {
        SqlflowSimulator::Options options;
        options.zoneOffsetSeconds = 8 * 3600;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        ConnectionProfile profile = cloudProfile(sim);
        profile.serverTimeZone = QStringLiteral("UTC+08:00");
        SqlflowBackend backend(profile);
        AWAIT(job, backend.submit(scripted(m_dir, "create=0 run=0")));
        QVERIFY(job);
        QVERIFY2(qAbs(job->submitted.secsTo(QDateTime::currentDateTimeUtc())) < 60,
                 qPrintable(job->submitted.toString(Qt::ISODate)));
        QCOMPARE(job->submitted.timeSpec(), Qt::UTC);
    }

    void exportsAllThreeFormatsByteForByte()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());

        struct Case
        {
            LineageFormat format;
            QString name;
            bool tableToTable;
            QChar delimiter;
        };
        const QList<Case> cases{{LineageFormat::Json, u"json"_s, false, u','},
                                {LineageFormat::Csv, u"csv"_s, true, u';'},
                                {LineageFormat::Graphml, u"graphml"_s, false, u','}};
        for (const Case &c : cases) {
            QBuffer sink;
            QVERIFY(sink.open(QIODevice::WriteOnly));
            // Streamed: bytes reach the sink while the server is still sending.
            qint64 inSinkBeforeLastChunk = -1;
            QMetaObject::Connection watch
                = connect(&sim, &SqlflowSimulator::artefactChunkSent, this, [&](qint64 sent, qint64 total) {
                      if (sent == total)
                          inSinkBeforeLastChunk = sink.size();
                  });
            LineageRequest request;
            request.format = c.format;
            request.tableToTable = c.tableToTable;
            request.csvDelimiter = c.delimiter;
            AWAIT(bytes, backend.exportLineage(job, request, &sink));
            disconnect(watch);
            QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().describe()));
            const QByteArray expected = sim.artefact(job.id, c.name, c.tableToTable, c.delimiter);
            QVERIFY(expected.size() >= 5 * 1024 * 1024);
            QCOMPARE(*bytes, qint64(expected.size()));
            QVERIFY2(sink.data() == expected, qPrintable(c.name)); // QCOMPARE would print 5 MB
            QVERIFY2(inSinkBeforeLastChunk > 0, qPrintable(QString::number(inSinkBeforeLastChunk)));

            const auto record = sim.requests().last();
            QCOMPARE(record.fields.value(QStringLiteral("jobId")), job.id);
            QCOMPARE(record.fields.value(QStringLiteral("tableToTable")),
                     c.tableToTable ? QStringLiteral("true") : QStringLiteral("false"));
            QCOMPARE(record.accept, QByteArray("*/*"));
            if (c.format == LineageFormat::Csv) {
                QCOMPARE(record.endpoint, QStringLiteral("exportFullLineageAsCsv"));
                QCOMPARE(record.fields.value(QStringLiteral("delimiter")), QStringLiteral(";"));
                QVERIFY(sink.data().startsWith("source_db;source_schema;"));
            }
        }
        QCOMPARE(sim.requestCount(QStringLiteral("exportLineageAsJson")), 1);
        QCOMPARE(sim.requestCount(QStringLiteral("exportLineageAsGraphml")), 1);
    }

    void csvEndpointFallsBackOnceAndRemembers()
    {
        SqlflowSimulator::Options options;
        options.csvEndpoints = SqlflowSimulator::CsvEndpoints::Short;
        options.artefactBytes = 300 * 1024;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());

        LineageRequest request;
        request.format = LineageFormat::Csv;
        for (int round = 0; round < 2; ++round) {
            QBuffer sink;
            QVERIFY(sink.open(QIODevice::WriteOnly));
            AWAIT(bytes, backend.exportLineage(job, request, &sink));
            QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().describe()));
            QVERIFY(sink.data() == sim.artefact(job.id, u"csv"_s, false, u','));
        }
        QCOMPARE(backend.csvEndpoint(), QStringLiteral("exportLineageAsCsv"));
        QCOMPARE(sim.requestCount(QStringLiteral("exportFullLineageAsCsv")), 1); // the 404, once
        QCOMPARE(sim.requestCount(QStringLiteral("exportLineageAsCsv")), 2);
    }

    void exportOnlyAfterSuccess()
    {
        SqlflowSimulator::Options options;
        options.artefactBytes = 1000;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));

        AWAIT(running, backend.submit(scripted(m_dir, "create=0 run=60000")));
        QVERIFY(running);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        // A job known only by its id: the adapter asks for its state first.
        Job byId;
        byId.id = running->id;
        AWAIT(refused, backend.exportLineage(byId, {}, &sink));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, BackendError::Kind::Refused);
        QVERIFY2(refused.error().message.contains(u"parsing"), qPrintable(refused.error().message));
        QCOMPARE(sim.requestCount(QStringLiteral("displayUserJobSummary")), 1);
        QCOMPARE(sim.requestCount(QStringLiteral("exportLineageAsJson")), 0);
        QCOMPARE(sink.size(), 0);

        Job partial;
        finishedJob(backend, partial, "partial_success");
        QVERIFY(!partial.id.isEmpty());
        Job partialById;
        partialById.id = partial.id;
        AWAIT(exported, backend.exportLineage(partialById, {}, &sink));
        QVERIFY(exported);
        QVERIFY(sink.data() == sim.artefact(partial.id, u"json"_s, false, u','));
    }

    void errorAnswersNeverReachTheOutput_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("code 500 in HTTP 200")
            << 200 << QByteArray("application/json")
            << QByteArray("{\"code\":500,\"error\":\"lineage generation failed\"}")
            << int(BackendError::Kind::Refused) << QStringLiteral("lineage generation failed");
        QTest::newRow("string code, HTTP 400")
            << 400 << QByteArray("application/json;charset=UTF-8")
            << QByteArray("{\"code\":\"400\",\"error\":\"job is not finished\"}")
            << int(BackendError::Kind::Refused) << QStringLiteral("job is not finished");
        QTest::newRow("HTTP 500 text")
            << 500 << QByteArray("text/plain") << QByteArray("a,b,c\nInternal error")
            << int(BackendError::Kind::Protocol) << QStringLiteral("500");
        QTest::newRow("login page") << 200 << QByteArray("text/html")
                                    << QByteArray(
                                           "<!DOCTYPE html><html><head><title>Login</title></head></html>")
                                    << int(BackendError::Kind::Protocol) << QStringLiteral("Login");
        QTest::newRow("large error page, HTTP 503")
            << 503 << QByteArray("text/html") << QByteArray("<html>" + QByteArray(20000, 'x') + "</html>")
            << int(BackendError::Kind::Connection) << QStringLiteral("503");
    }
    void errorAnswersNeverReachTheOutput()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        SqlflowSimulator::Options options;
        options.artefactBytes = 1000;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());

        sim.failNextExport(status, type, body);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        LineageRequest request;
        request.format = LineageFormat::Graphml;
        AWAIT(bytes, backend.exportLineage(job, request, &sink));
        QVERIFY(!bytes);
        QCOMPARE(int(bytes.error().kind), kind);
        QVERIFY2(bytes.error().message.contains(message), qPrintable(bytes.error().message));
        QCOMPARE(sink.size(), 0);

        // The next export is whole.
        AWAIT(again, backend.exportLineage(job, request, &sink));
        QVERIFY(again);
        QVERIFY(sink.data() == sim.artefact(job.id, u"graphml"_s, false, u','));
    }

    void incrementalSubmitsKeepOneJob()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));

        SubmitRequest first;
        first.persistent = true;
        first.incremental = true;
        first.files = {writeFile(m_dir, QStringLiteral("day1.sql"), "insert into a select 1;")};
        AWAIT(created, backend.submit(first));
        QVERIFY(created);
        const auto firstCall = sim.requests(QStringLiteral("submitPersistJob")).last();
        QVERIFY(!firstCall.fields.contains(QStringLiteral("jobId"))); // omitted the first time
        QCOMPARE(firstCall.fields.value(QStringLiteral("incremental")), QStringLiteral("true"));

        SubmitRequest next = first;
        next.persistJobId = created->id;
        next.files = {writeFile(m_dir, QStringLiteral("day2.sql"), "insert into b select 2;")};
        AWAIT(extended, backend.submit(next));
        QVERIFY2(extended, qPrintable(extended ? QString() : extended.error().describe()));
        QCOMPARE(extended->id, created->id);
        QCOMPARE(
            sim.requests(QStringLiteral("submitPersistJob")).last().fields.value(QStringLiteral("jobId")),
            created->id);
        QCOMPARE(sim.jobCount(), 1);
        QCOMPARE(extended->files, (QStringList{QStringLiteral("day1.sql"), QStringLiteral("day2.sql")}));
        QCOMPARE(sim.receivedFiles(created->id).size(), qsizetype(2));

        // A server that answers another id is caught.
        SqlflowSimulator::Options faulty = sim.options();
        faulty.otherIdOnIncremental = true;
        sim.setOptions(faulty);
        AWAIT(moved, backend.submit(next));
        QVERIFY(!moved);
        QCOMPARE(moved.error().kind, BackendError::Kind::Protocol);
        QVERIFY(moved.error().message.contains(created->id));
    }

    void expiredTokenIsRenewedOnce()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        AWAIT(connected, backend.connectToServer());
        QVERIFY(connected);
        QCOMPARE(sim.tokensIssued(), 1);
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());

        sim.expireTokens();
        AWAIT(refreshed, backend.refresh(job));
        QVERIFY2(refreshed, qPrintable(refreshed ? QString() : refreshed.error().describe()));
        QCOMPARE(refreshed->state, JobState::Succeeded);
        QCOMPARE(sim.tokensIssued(), 2);
        QCOMPARE(backend.tokenCount(), 2);
        const auto calls = sim.requests();
        QCOMPARE(calls.at(calls.size() - 3).endpoint, QStringLiteral("displayUserJobSummary")); // refused
        QCOMPARE(calls.at(calls.size() - 2).endpoint, QStringLiteral("generateToken"));
        QCOMPARE(calls.at(calls.size() - 1).endpoint, QStringLiteral("displayUserJobSummary")); // replayed

        // An export finds the token expired: renewed, replayed, and the file is whole.
        sim.expireTokens();
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        AWAIT(bytes, backend.exportLineage(*refreshed, {}, &sink));
        QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().describe()));
        QVERIFY(sink.data() == sim.artefact(job.id, u"json"_s, false, u','));
        QCOMPARE(sim.tokensIssued(), 3);
    }

    void secondRejectionIsAnAuthenticationError()
    {
        SqlflowSimulator::Options options;
        options.tokenTtlMs = 0; // every token is refused
        options.errorsWithHttpStatus = true;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));

        AWAIT(listed, backend.list({}));
        QVERIFY(!listed);
        QCOMPARE(listed.error().kind, BackendError::Kind::Authentication);
        QVERIFY2(listed.error().message.contains(u"token"), qPrintable(listed.error().message));
        QCOMPARE(listed.error().exitCode(), 3);
        QCOMPARE(sim.tokensIssued(), 2);                                         // the first and one renewal
        QCOMPARE(sim.requestCount(QStringLiteral("displayUserJobsSummary")), 2); // the call and one replay

        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        Job known;
        known.id = QStringLiteral("abc");
        known.rawStatus = QStringLiteral("success");
        known.state = JobState::Succeeded;
        AWAIT(exported, backend.exportLineage(known, {}, &sink));
        QVERIFY(!exported);
        QCOMPARE(exported.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(sink.size(), 0);
        QCOMPARE(sim.tokensIssued(), 3);
    }

    void wrongSecretKeyAndFixedToken()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);

        ConnectionProfile wrong = cloudProfile(sim);
        wrong.secret = QStringLiteral("not-the-key");
        SqlflowBackend refused(wrong);
        AWAIT(connected, refused.connectToServer());
        QVERIFY(!connected);
        QCOMPARE(connected.error().kind, BackendError::Kind::Authentication);
        QVERIFY2(connected.error().message.contains(u"secretKey"), qPrintable(connected.error().message));

        // A JWT is sent as it is and cannot be renewed: no generateToken at all.
        ConnectionProfile withToken = cloudProfile(sim);
        withToken.secret
            = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJndWR1c29mdCJ9.c2ln");
        SqlflowBackend fixed(withToken);
        AWAIT(checked, fixed.connectToServer());
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, BackendError::Kind::Authentication);
        QCOMPARE(sim.requestCount(QStringLiteral("generateToken")), 1); // the wrong key's only
        QCOMPARE(sim.requests(QStringLiteral("displayUserJobsSummary"))
                     .first()
                     .fields.value(QStringLiteral("token")),
                 withToken.secret);
    }

    void onPremiseNeedsNoToken()
    {
        SqlflowSimulator::Options options;
        options.cloud = false;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        ConnectionProfile profile = cloudProfile(sim);
        profile.user.clear();
        profile.secret.clear();
        SqlflowBackend backend(profile);
        QVERIFY(backend.isOnPremise());
        QCOMPARE(backend.userId(), QStringLiteral("gudu|0123456789"));
        AWAIT(connected, backend.connectToServer());
        QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().describe()));
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());
        QCOMPARE(job.state, JobState::Succeeded);
        QCOMPARE(sim.requestCount(QStringLiteral("generateToken")), 0);
        const auto submit = sim.requests(QStringLiteral("submitUserJob")).first();
        QCOMPARE(submit.fields.value(QStringLiteral("userId")), QStringLiteral("gudu|0123456789"));
        QCOMPARE(submit.fields.value(QStringLiteral("token")), QStringLiteral("token"));
    }

    void listsNewestFirstInPages()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        sim.addUser(QStringLiteral("someone|else"), QStringLiteral("k"));
        const QString oldest = sim.addJob(UserId, u"oldest"_s, u"success"_s, 4000);
        const QString middle = sim.addJob(UserId, u"middle"_s, u"fail"_s, 3000);
        const QString newer = sim.addJob(UserId, u"newer"_s, u"partial_success"_s, 2000);
        const QString newest = sim.addJob(UserId, u"newest"_s, u"success"_s, 1000);
        sim.addJob(QStringLiteral("someone|else"), u"not mine"_s, u"success"_s, 10);
        SqlflowBackend backend(cloudProfile(sim));

        ListQuery query;
        query.pageSize = 3;
        AWAIT(first, backend.list(query));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().describe()));
        QCOMPARE(first->totalRows, qint64(4));
        QCOMPARE(first->jobs.size(), qsizetype(3));
        QCOMPARE(first->jobs.at(0).id, newest);
        QCOMPARE(first->jobs.at(1).id, newer);
        QCOMPARE(first->jobs.at(2).id, middle);
        query.page = 2;
        AWAIT(second, backend.list(query));
        QVERIFY(second);
        QCOMPARE(second->jobs.size(), qsizetype(1));
        QCOMPARE(second->jobs.first().id, oldest);

        ListQuery succeeded;
        succeeded.states = {JobState::Succeeded};
        AWAIT(filtered, backend.list(succeeded));
        QVERIFY(filtered);
        QCOMPARE(filtered->totalRows, qint64(3));
        ListQuery failedOnly;
        failedOnly.rawStatuses = {QStringLiteral("fail")};
        AWAIT(failed, backend.list(failedOnly));
        QVERIFY(failed);
        QCOMPARE(failed->jobs.size(), qsizetype(1));
        QCOMPARE(failed->jobs.first().errorMessage, QStringLiteral("syntax error"));
    }

    void dropDeletesTheJob()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        SqlflowBackend backend(cloudProfile(sim));
        QVERIFY(backend.capabilities().drop);
        QVERIFY(backend.capabilities().remove);
        QVERIFY(!backend.capabilities().log);
        QVERIFY(!backend.capabilities().progress);
        QVERIFY(!backend.capabilities().kill);
        Job job;
        finishedJob(backend, job);
        QVERIFY(!job.id.isEmpty());
        QVERIFY(backend.availableActions(job).drop);

        AWAIT(dropped, backend.drop(job));
        QVERIFY2(dropped, qPrintable(dropped ? QString() : dropped.error().describe()));
        QVERIFY(dropped->contains(job.id));
        QCOMPARE(sim.jobStatus(job.id), QStringLiteral("delete"));
        AWAIT(after, backend.refresh(job));
        QVERIFY(after);
        QCOMPARE(after->state, JobState::Cancelled);
        QCOMPARE(after->rawStatus, QStringLiteral("delete"));
        QVERIFY(!backend.availableActions(*after).drop);
        QVERIFY(!backend.availableActions(*after).lineage);
        AWAIT(listed, backend.list({}));
        QVERIFY(listed);
        QCOMPARE(listed->jobs.size(), qsizetype(0));

        Job nope;
        nope.id = QStringLiteral("nope");
        AWAIT(unknown, backend.drop(nope));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, BackendError::Kind::Refused);
        QCOMPARE(unknown.error().exitCode(), 4);
    }

    void wrongAddressIsNamed()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        ConnectionProfile profile = cloudProfile(sim);
        profile.url.setPath(QStringLiteral("/somewhere/else"));
        SqlflowBackend backend(profile);
        AWAIT(connected, backend.connectToServer());
        QVERIFY(!connected);
        QCOMPARE(connected.error().kind, BackendError::Kind::Refused);
        QVERIFY2(connected.error().message.contains(u"check the URL"), qPrintable(connected.error().message));
    }

    void unsupportedActionsSaySo()
    {
        ConnectionProfile profile;
        profile.kind = QStringLiteral("sqlflow");
        profile.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        SqlflowBackend backend(profile);
        Job job;
        job.id = QStringLiteral("x");
        AWAIT(killed, backend.kill(job));
        QVERIFY(!killed);
        QCOMPARE(killed.error().kind, BackendError::Kind::Unsupported);
        AWAIT(logged, backend.log(job, {}, 10));
        QVERIFY(!logged);
        QCOMPARE(logged.error().kind, BackendError::Kind::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestSqlflowBackend)
#include "tst_sqlflowbackend.moc"
