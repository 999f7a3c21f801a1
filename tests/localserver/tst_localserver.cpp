// A real jobdeck-server process on a free loopback port, driven through the same Linkis
// adapter and job monitor the console uses.
#include "backends/linkis/linkisbackend.h"
#include "backends/local/localserverfile.h"
#include "monitor/jobmonitor.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/await.h"
#include "support/processes.h"

#include <csignal>
#include <sys/stat.h>

using namespace JobDeck;

namespace {

QString serverProgram()
{
    return QCoreApplication::applicationDirPath() + u"/jobdeck-server";
}

// One jobdeck-server process with its own data folder and runtime file.
class ServerProcess
{
public:
    explicit ServerProcess(const QString &dataDir, QStringList extra = {})
        : m_dataDir(dataDir)
        , m_runtime(dataDir + u"/runtime.json")
        , m_extra(std::move(extra))
    {}
    ~ServerProcess() { stop(); }

    bool start()
    {
        QFile::remove(m_runtime);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(
            serverProgram(),
            QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--runtime-file"), m_runtime}
                + m_extra);
        if (!m_process.waitForStarted(10000))
            return false;
        return QTest::qWaitFor([this] { return LocalServerInfo::read(m_runtime).has_value(); }, 20000);
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    LocalServerInfo info() const { return LocalServerInfo::read(m_runtime).value_or(LocalServerInfo{}); }
    ConnectionProfile tokenProfile() const
    {
        const LocalServerInfo server = info();
        ConnectionProfile profile;
        profile.kind = QStringLiteral("local");
        profile.url = server.url;
        profile.user = server.user;
        profile.auth = ConnectionProfile::Auth::Token;
        profile.secret = server.token;
        return profile;
    }
    QString runtimeFile() const { return m_runtime; }
    QProcess &process() { return m_process; }

private:
    QString m_dataDir;
    QString m_runtime;
    QStringList m_extra;
    QProcess m_process;
};

MonitorPolicy fastPolicy()
{
    MonitorPolicy policy;
    policy.baseIntervalMs = 25;
    policy.fastIntervalMs = 25;
    policy.firstBackoffMs = 50;
    policy.maxBackoffMs = 500;
    return policy;
}

SubmitRequest script(const QString &code, const QString &runType)
{
    SubmitRequest request;
    request.script = code;
    request.runType = runType;
    request.engine = runType == u"shell" ? QStringLiteral("shell") : QStringLiteral("sqlite");
    return request;
}

struct Followed
{
    QStringList lines;
    QList<double> progress;
    Job finished;
    bool ended = false;
};

Followed follow(Backend &backend, const Job &job, int timeoutMs = 60000)
{
    Followed result;
    JobMonitor monitor(&backend, fastPolicy());
    QObject::connect(&monitor,
                     &JobMonitor::logAppended,
                     &monitor,
                     [&](const QString &, qint64, const QStringList &lines) { result.lines += lines; });
    QObject::connect(&monitor,
                     &JobMonitor::progressSampled,
                     &monitor,
                     [&](const QString &, const QDateTime &, double p, const QList<SubJobProgress> &) {
                         result.progress.append(p);
                     });
    QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
    monitor.follow(job);
    result.ended = finished.wait(timeoutMs);
    if (result.ended)
        result.finished = finished.first().first().value<Job>();
    return result;
}

// The job's status word on the server right now (empty when the call fails).
QString rawStatus(Backend &backend, const Job &job)
{
    std::optional<Result<Job>> state;
    QObject context;
    onFinished(backend.refresh(job), &context, [&](const Result<Job> &r) { state = r; });
    if (!QTest::qWaitFor([&] { return state.has_value(); }, 5000) || !*state)
        return {};
    return (*state)->rawStatus;
}

// A shell command that sleeps for ten minutes and more, and that no other process runs: its
// fraction holds this test process's id, so that a test running beside this one (in another
// build, too) never counts its job processes as this one's. `which` tells a test's sleeps
// apart.
QString longSleep(int which)
{
    return QStringLiteral("sleep 60%1.%2").arg(which).arg(QCoreApplication::applicationPid());
}

// What the command line of a process running longSleep(which) holds (arguments joined by
// spaces, the last one too, so that pid 123 does not match pid 1234).
QByteArray sleepMarker(int which)
{
    return (longSleep(which) + u' ').toUtf8();
}

// Processes whose command line holds `marker` (to find a job's children).
QList<int> processesWith(const QByteArray &marker)
{
    QList<int> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const int pid = entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(u"/proc/" + entry + u"/cmdline");
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().replace('\0', ' ').contains(marker))
            pids.append(pid);
    }
    return pids;
}

} // namespace

class TestLocalServer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("data")));
        QVERIFY(m_server->start());
        const LocalServerInfo info = m_server->info();
        QCOMPARE(info.url.host(), QStringLiteral("127.0.0.1")); // loopback unless told otherwise
        QVERIFY(!info.token.isEmpty());
    }

    void secretsAreOwnerOnlyAndHashed()
    {
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(m_server->runtimeFile()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const QString config = m_dir.filePath(QStringLiteral("data/server.json"));
        QCOMPARE(::stat(QFile::encodeName(config).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QFile file(config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject user = json.value(u"users").toArray().first().toObject();
        QVERIFY(user.value(u"pbkdf2").toObject().value(u"iterations").toInt() >= 100000);
        QVERIFY(!user.contains(u"password"));
    }

    void sqlScriptOfThreeStatements()
    {
        LinkisBackend backend(m_server->tokenProfile());
        AWAIT(job,
              backend.submit(script(
                  QStringLiteral("CREATE TABLE IF NOT EXISTS staff(name TEXT, dept TEXT);\n"
                                 "INSERT INTO staff VALUES ('ann', 'ops'), ('bo', 'dev'), ('cy', 'dev');\n"
                                 "SELECT dept, COUNT(*) AS n FROM staff GROUP BY dept ORDER BY dept;"),
                  QStringLiteral("sql"))));
        QVERIFY2(job.has_value(), qPrintable(job ? QString() : job.error().describe()));
        const Followed followed = follow(backend, *job);
        QVERIFY(followed.ended);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        // One line per statement with its duration and rows.
        int statementLines = 0;
        static const QRegularExpression done(QStringLiteral("(returned|changed) \\d+ rows? in \\d+ ms"));
        for (const QString &line : followed.lines)
            statementLines += line.contains(done) ? 1 : 0;
        QCOMPARE(statementLines, 3);
        QVERIFY(!followed.progress.isEmpty());
        QCOMPARE(followed.progress.last(), 1.0);
        QVERIFY(std::is_sorted(followed.progress.cbegin(), followed.progress.cend()));

        AWAIT(sets, backend.resultSets(followed.finished));
        QVERIFY(sets.has_value());
        QCOMPARE(sets->size(), 1);
        AWAIT(page, backend.resultPage(sets->first(), 1, 100));
        QVERIFY(page.has_value());
        QCOMPARE(page->columns, (QStringList{QStringLiteral("dept"), QStringLiteral("n")}));
        QCOMPARE(page->rows.size(), 2);
        QCOMPARE(page->rows.at(0), (QStringList{QStringLiteral("dev"), QStringLiteral("2")}));
    }

    void shellJobOf100kLines()
    {
        LinkisBackend backend(m_server->tokenProfile());
        AWAIT(job,
              backend.submit(
                  script(QStringLiteral("i=1; while [ $i -le 100000 ]; do echo \"row $i\"; i=$((i+1)); "
                                        "done"),
                         QStringLiteral("shell"))));
        QVERIFY(job.has_value());
        const Followed followed = follow(backend, *job, 600000); // sanitizer builds take their time
        QVERIFY(followed.ended);
        QCOMPARE(followed.finished.state, JobState::Succeeded);
        QList<int> rows;
        static const QRegularExpression row(QStringLiteral(" INFO row (\\d+)$"));
        for (const QString &line : followed.lines) {
            const auto match = row.match(line);
            if (match.hasMatch())
                rows.append(match.captured(1).toInt());
        }
        QCOMPARE(rows.size(), 100000);
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i) != i + 1)
                QFAIL(qPrintable(QStringLiteral("line %1 is row %2").arg(i + 1).arg(rows.at(i))));
        }
    }

    void killIsImmediate_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("runType");
        QTest::addColumn<QByteArray>("marker");
        QTest::newRow("long SQL statement") << QStringLiteral(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c;")
                                            << QStringLiteral("sql") << QByteArray();
        QTest::newRow("sleep 600") << QStringLiteral("%1 & %1; wait").arg(longSleep(1))
                                   << QStringLiteral("shell") << sleepMarker(1);
    }

    void killIsImmediate()
    {
        QFETCH(QString, code);
        QFETCH(QString, runType);
        QFETCH(QByteArray, marker);
        LinkisBackend backend(m_server->tokenProfile());
        AWAIT(job, backend.submit(script(code, runType)));
        QVERIFY(job.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(rawStatus(backend, *job), QStringLiteral("Running"), 10000);
        if (!marker.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(processesWith(marker).size() >= 2, 5000); // the shell and its two sleeps
        QTest::qWait(300); // well inside the statement or the sleep
        QElapsedTimer timer;
        timer.start();
        AWAIT(killed, backend.kill(*job));
        QVERIFY(killed.has_value());
        // Sooner than the SIGKILL that follows a SIGTERM after 2 s (ShellRunner::KillDelayMs):
        // the kill waits neither for the statement nor for the sleep nor for that.
        QTRY_COMPARE_WITH_TIMEOUT(rawStatus(backend, *job), QStringLiteral("Cancelled"), 2000);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        if (!marker.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(processesWith(marker).isEmpty(), 3000); // no child left behind
    }

    void rejectedRequests()
    {
        const LocalServerInfo info = m_server->info();
        QNetworkAccessManager manager;
        const auto call = [&](const QByteArray &method,
                              const QString &path,
                              const QByteArray &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers) {
            QNetworkRequest request(QUrl(info.url.toString() + u"/api/rest_j/v1/" + path));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            for (const auto &[name, value] : headers)
                request.setRawHeader(name, value);
            QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(60000);
            const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject envelope = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return std::pair{http, envelope};
        };
        const QList<QPair<QByteArray, QByteArray>> token{{"Token-Code", info.token.toUtf8()},
                                                         {"Token-User", info.user.toUtf8()}};

        auto [http, envelope] = call("GET", QStringLiteral("jobhistory/list"), {}, {});
        QCOMPARE(http, 401);
        QCOMPARE(envelope.value(u"status").toInt(), -1);

        std::tie(http, envelope)
            = call("POST", QStringLiteral("user/login"), R"({"userName":"nobody","password":"wrong"})", {});
        QCOMPARE(http, 400);
        QCOMPARE(envelope.value(u"status").toInt(), 1);
        QVERIFY(envelope.value(u"message").toString().contains(u"wrong user name or password"));

        std::tie(http, envelope)
            = call("POST", QStringLiteral("entrance/submit"), "{\"executionContent\": {", token);
        QCOMPARE(http, 400);
        QVERIFY(envelope.value(u"message").toString().contains(u"not valid JSON"));

        std::tie(http, envelope)
            = call("POST",
                   QStringLiteral("entrance/submit"),
                   R"({"executionContent":{"code":"select 1","runType":"sql"},"labels":{}})",
                   token);
        QCOMPARE(http, 400);
        QVERIFY(envelope.value(u"message").toString().contains(u"engineType"));

        std::tie(http, envelope) = call("GET", QStringLiteral("entrance/exec_id_nope/status"), {}, token);
        QCOMPARE(envelope.value(u"status").toInt(), 1);

        std::tie(http, envelope)
            = call("GET", QStringLiteral("filesystem/openLog?path=file:///etc/passwd"), {}, token);
        QCOMPARE(http, 403);

        // 100 MB of body: refused with the envelope, and the server goes on serving.
        std::tie(http, envelope)
            = call("POST", QStringLiteral("entrance/submit"), QByteArray(100 * 1024 * 1024, 'x'), token);
        QCOMPARE(http, 413);
        QCOMPARE(envelope.value(u"status").toInt(), 1);
        std::tie(http, envelope) = call("GET", QStringLiteral("jobhistory/list"), {}, token);
        QCOMPARE(http, 200);
        QCOMPARE(envelope.value(u"status").toInt(), 0);

        // Another user's job: a second account, its own login, and no access to the first's jobs.
        QProcess setPassword;
        setPassword.start(serverProgram(),
                          {QStringLiteral("--data-dir"),
                           m_dir.filePath(QStringLiteral("data")),
                           QStringLiteral("--set-password"),
                           QStringLiteral("mallory")});
        setPassword.write("mallory-password\n");
        setPassword.closeWriteChannel();
        QVERIFY(setPassword.waitForFinished(20000));
        QCOMPARE(setPassword.exitCode(), 0);
        // The running server read its accounts at start; restart it to take the new one.
        m_server->stop();
        QVERIFY(m_server->start());
        const LocalServerInfo restarted = m_server->info();

        LinkisBackend owner(m_server->tokenProfile());
        AWAIT(mine, owner.submit(script(QStringLiteral("select 1;"), QStringLiteral("sql"))));
        QVERIFY(mine.has_value());
        ConnectionProfile other;
        other.kind = QStringLiteral("local");
        other.url = restarted.url;
        other.user = QStringLiteral("mallory");
        other.secret = QStringLiteral("mallory-password");
        LinkisBackend intruder(other);
        AWAIT(loggedIn, intruder.connectToServer());
        QVERIFY(loggedIn.has_value());
        AWAIT(peek, intruder.refresh(*mine));
        QVERIFY(!peek.has_value());
        QCOMPARE(peek.error().kind, BackendError::Kind::Refused);
        QVERIFY2(peek.error().message.contains(u"permission"), qPrintable(peek.error().message));
        AWAIT(kill, intruder.kill(*mine));
        QVERIFY(!kill.has_value());
    }

    void restartKeepsFinishedJobsLogsAndResults()
    {
        LinkisBackend backend(m_server->tokenProfile());
        AWAIT(finished,
              backend.submit(script(QStringLiteral("SELECT 6 * 7 AS answer;"), QStringLiteral("sql"))));
        QVERIFY(finished.has_value());
        const Followed done = follow(backend, *finished);
        QCOMPARE(done.finished.state, JobState::Succeeded);
        AWAIT(
            long_,
            backend.submit(script(QStringLiteral("echo started; ") + longSleep(2), QStringLiteral("shell"))));
        QVERIFY(long_.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(!processesWith(sleepMarker(2)).isEmpty(), 10000);

        // The server dies mid-job (SIGKILL: no chance to clean up) and comes back; the job's
        // orphaned processes are ended on the new start.
        m_server->process().kill();
        QVERIFY(m_server->process().waitForFinished(10000));
        QVERIFY(!processesWith(sleepMarker(2)).isEmpty());
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(processesWith(sleepMarker(2)).isEmpty(), 5000);
        LinkisBackend again(m_server->tokenProfile());

        AWAIT(record, again.details(done.finished));
        QVERIFY(record.has_value());
        QCOMPARE(record->state, JobState::Succeeded);
        const Followed replay = follow(again, done.finished);
        QCOMPARE(replay.lines, done.lines); // every line, none twice
        AWAIT(sets, again.resultSets(done.finished));
        QVERIFY(sets.has_value() && sets->size() == 1);
        AWAIT(page, again.resultPage(sets->first(), 1, 10));
        QVERIFY(page.has_value());
        QCOMPARE(page->rows.value(0), QStringList{QStringLiteral("42")});

        AWAIT(interrupted, again.details(*long_));
        QVERIFY(interrupted.has_value());
        QCOMPARE(interrupted->state, JobState::Failed);
        QVERIFY2(interrupted->errorMessage.contains(u"stopped"), qPrintable(interrupted->errorMessage));
    }

    void parallelismAndTimeout()
    {
        // A server of its own: one job at a time, each limited to one second.
        ServerProcess strict(m_dir.filePath(QStringLiteral("strict")),
                             {QStringLiteral("--parallel"),
                              QStringLiteral("1"),
                              QStringLiteral("--job-timeout"),
                              QStringLiteral("1")});
        QVERIFY(strict.start());
        LinkisBackend backend(strict.tokenProfile());
        AWAIT(first, backend.submit(script(longSleep(3), QStringLiteral("shell"))));
        AWAIT(second, backend.submit(script(QStringLiteral("echo second ran"), QStringLiteral("shell"))));
        QVERIFY(first.has_value() && second.has_value());
        // The first runs into the limit; then the second gets its turn. The records show it
        // (a loaded machine may poll only after the one-second limit, so the states in
        // between are not caught in flight).
        QTRY_COMPARE_WITH_TIMEOUT(rawStatus(backend, *first), QStringLiteral("Timeout"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(rawStatus(backend, *second), QStringLiteral("Succeed"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(processesWith(sleepMarker(3)).isEmpty(), 5000);
        AWAIT(record, backend.details(*first));
        QVERIFY(record.has_value());
        QCOMPARE(record->state, JobState::Failed);
        QCOMPARE(record->rawStatus, QStringLiteral("Timeout"));
        QVERIFY2(record->errorMessage.contains(u"limit"), qPrintable(record->errorMessage));
        // The limit is 1 s; the server's coarse timer may stop the job a few ms early.
        QVERIFY2(record->durationMs >= 900 && record->durationMs < 60000,
                 qPrintable(QString::number(record->durationMs)));
        AWAIT(waited, backend.details(*second));
        QVERIFY(waited.has_value());
        QVERIFY(record->ended.isValid() && waited->started.isValid());
        QVERIFY2(waited->started >= record->ended, // it waited for the slot
                 qPrintable(waited->started.toString(Qt::ISODateWithMs) + u" < "
                            + record->ended.toString(Qt::ISODateWithMs)));
    }

    void cliStartsTheLocalServerOnDemand()
    {
        // No --url: the CLI finds the local server through the default runtime file, and
        // starts one (detached, with the default data folder) when none runs.
        const QString path = m_dir.filePath(QStringLiteral("hello.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("CREATE TABLE IF NOT EXISTS hello(w TEXT);\nINSERT INTO hello VALUES ('world');\n"
                   "SELECT w FROM hello;\n");
        file.close();
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("JOBDECK_PASSWORD"));
        env.remove(QStringLiteral("JOBDECK_TOKEN"));
        cli.setProcessEnvironment(env);
        cli.start(QCoreApplication::applicationDirPath() + u"/jobdeck-cli",
                  {QStringLiteral("--backend"),
                   QStringLiteral("local"),
                   QStringLiteral("--json"),
                   QStringLiteral("--interval"),
                   QStringLiteral("0.05"),
                   QStringLiteral("submit"),
                   path,
                   QStringLiteral("--follow")});
        QVERIFY(cli.waitForFinished(60000));
        const QByteArray out = cli.readAllStandardOutput();
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY(out.contains("\"backend\":\"local\""));
        QVERIFY(out.contains("returned 1 row"));
        QVERIFY(out.contains("\"event\":\"finished\""));

        const auto started = LocalServerInfo::read(LocalServerInfo::defaultPath());
        QVERIFY(started.has_value());
        QVERIFY(started->processAlive()); // left running for the next client
        ::kill(pid_t(started->pid), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(!started->processAlive(), 10000);
    }

    // datasource/dbs, tables and columns over the user's real SQLite workspace, through the
    // adapter the schema browser uses; then the server's own CSV of a result set with NULL
    // and an empty string told apart.
    void schemaOfTheWorkspaceAndResultDownload()
    {
        LinkisBackend backend(m_server->tokenProfile());
        QVERIFY(backend.capabilities().schema);
        AWAIT(job,
              backend.submit(script(
                  QStringLiteral(
                      "CREATE TABLE IF NOT EXISTS orders(order_id INTEGER PRIMARY KEY, amount REAL, "
                      "note TEXT);\n"
                      "CREATE VIEW IF NOT EXISTS big_orders AS SELECT * FROM orders WHERE amount > 100;\n"
                      "DELETE FROM orders;\n"
                      "INSERT INTO orders VALUES (1, 250.5, 'first'), (2, NULL, ''), (3, 12, 'a,b');\n"
                      "SELECT order_id, amount, note FROM orders ORDER BY order_id;"),
                  QStringLiteral("sql"))));
        QVERIFY2(job.has_value(), qPrintable(job ? QString() : job.error().describe()));
        const Followed followed = follow(backend, *job);
        QVERIFY(followed.ended);
        QCOMPARE(followed.finished.state, JobState::Succeeded);

        AWAIT(dbs, backend.databases());
        QVERIFY2(dbs.has_value(), qPrintable(dbs ? QString() : dbs.error().describe()));
        QCOMPARE(*dbs, QStringList{QStringLiteral("main")});
        AWAIT(tables, backend.tables(QStringLiteral("main")));
        QVERIFY(tables.has_value());
        QStringList names;
        for (const SchemaTable &table : *tables)
            names.append(table.name + (table.kind == SchemaTable::Kind::View ? u" (view)" : u""));
        QVERIFY2(names.contains(QStringLiteral("orders")), qPrintable(names.join(u", ")));
        QVERIFY(names.contains(QStringLiteral("big_orders (view)")));
        AWAIT(columns, backend.columns(QStringLiteral("main"), QStringLiteral("orders")));
        QVERIFY(columns.has_value());
        QCOMPARE(columns->size(), 3);
        QCOMPARE(columns->at(0).name, QStringLiteral("order_id"));
        QCOMPARE(columns->at(0).type, QStringLiteral("INTEGER"));
        QCOMPARE(columns->at(0).comment, QStringLiteral("primary key"));
        QCOMPARE(columns->at(1).type, QStringLiteral("REAL"));
        AWAIT(missing, backend.columns(QStringLiteral("main"), QStringLiteral("no_such_table")));
        QVERIFY(!missing.has_value());
        QVERIFY2(missing.error().message.contains(u"no_such_table"), qPrintable(missing.error().message));

        // The rows, NULL apart from the empty string, and the column types.
        AWAIT(sets, backend.resultSets(followed.finished));
        QVERIFY(sets.has_value());
        QCOMPARE(sets->size(), 1);
        AWAIT(page, backend.resultPage(sets->first(), 1, 100));
        QVERIFY(page.has_value());
        QCOMPARE(page->rows.size(), 3);
        QVERIFY(page->rows.at(1).at(1).isNull());
        QVERIFY(!page->rows.at(1).at(2).isNull());
        QVERIFY(page->rows.at(1).at(2).isEmpty());
        QCOMPARE(page->columnTypes.size(), 3);

        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        ResultDownloadOptions options;
        options.nullText = QStringLiteral("NULL");
        AWAIT(bytes, backend.downloadResult(sets->first(), options, &csv));
        QVERIFY2(bytes.has_value(), qPrintable(bytes ? QString() : bytes.error().describe()));
        QCOMPARE(csv.data(), QByteArray("order_id,amount,note\n1,250.5,first\n2,NULL,\n3,12,\"a,b\"\n"));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        JobDeck::Test::endLocalServers(); // the CLI's server, should the test have stopped early
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
