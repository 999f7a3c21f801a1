#include "localserver/jobrunner.h"
#include "localserver/resultfile.h"
#include "localserver/shellrunner.h"
#include "localserver/sqlrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <functional>

using namespace JobDeck::Local;
using namespace Qt::StringLiterals;

namespace {

// What a runner said, collected from its signals.
struct Run
{
    QList<std::pair<LogLevel, QString>> logs;
    QList<double> progress;
    QList<ResultSetInfo> results;
    int finishedCount = 0;
    bool succeeded = false;
    bool cancelled = false;
    QString error;

    QStringList lines(LogLevel level) const
    {
        QStringList texts;
        for (const auto &[lineLevel, text] : logs) {
            if (lineLevel == level)
                texts.append(text);
        }
        return texts;
    }
    bool hasLine(LogLevel level, const QString &pattern) const
    {
        const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
        return std::ranges::any_of(logs, [&](const auto &line) {
            return line.first == level && expression.match(line.second).hasMatch();
        });
    }
    QString dump() const
    {
        QStringList texts;
        for (const auto &[level, text] : logs)
            texts.append(QString::number(int(level)) + u' ' + text);
        return texts.join(u'\n');
    }
};

void follow(JobRunner *runner, Run &run)
{
    QObject::connect(runner, &JobRunner::logLine, runner, [&run](LogLevel level, const QString &text) {
        run.logs.append({level, text});
    });
    QObject::connect(
        runner, &JobRunner::progressChanged, runner, [&run](double p) { run.progress.append(p); });
    QObject::connect(runner, &JobRunner::resultSetWritten, runner, [&run](const ResultSetInfo &info) {
        run.results.append(info);
    });
    QObject::connect(
        runner, &JobRunner::finished, runner, [&run](bool succeeded, bool cancelled, const QString &error) {
            ++run.finishedCount;
            run.succeeded = succeeded;
            run.cancelled = cancelled;
            run.error = error;
        });
}

// Processes of group `pgid` that are alive (not zombies), read from /proc independently of
// the runner's own check.
int liveGroupMembers(qint64 pgid)
{
    int count = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(u"/proc/" + entry + u"/stat");
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        // state, ppid, pgrp, ...
        if (fields.size() > 2 && fields[2].toLongLong() == pgid && fields[0] != "Z" && fields[0] != "X")
            ++count;
    }
    return count;
}

bool isStrictlyIncreasing(const QList<double> &values)
{
    return std::adjacent_find(values.cbegin(), values.cend(), std::greater_equal<>()) == values.cend();
}

} // namespace

class TestRunners final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_jobs = 0;

    JobContext context(const QString &runType, const QString &code, QMap<QString, QString> variables = {})
    {
        JobContext job;
        job.taskId = ++m_jobs;
        job.user = QStringLiteral("tester");
        job.runType = runType;
        job.code = code;
        job.variables = std::move(variables);
        job.workDir = m_dir.filePath(QStringLiteral("work/%1").arg(job.taskId));
        job.workspaceDb = m_dir.filePath(QStringLiteral("workspace/tester.db"));
        job.resultDir = m_dir.filePath(QStringLiteral("results/%1").arg(job.taskId));
        QDir().mkpath(job.workDir);
        return job;
    }

    // Starts a runner and waits for its end (and a little more, to see a second finished()).
    std::unique_ptr<JobRunner> runToEnd(const JobContext &job, Run &run, int timeoutMs = 20000)
    {
        auto runner = createRunner(job);
        if (!runner)
            return runner;
        follow(runner.get(), run);
        runner->start();
        if (!QTest::qWaitFor([&run] { return run.finishedCount > 0; }, timeoutMs))
            qWarning("the runner did not finish in %d ms", timeoutMs);
        QTest::qWait(20);
        return runner;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runTypes()
    {
        QVERIFY(qobject_cast<SqlRunner *>(createRunner(context(QStringLiteral("sql"), {})).get()));
        QVERIFY(qobject_cast<ShellRunner *>(createRunner(context(QStringLiteral("shell"), {})).get()));
        QVERIFY(qobject_cast<ShellRunner *>(createRunner(context(QStringLiteral("sh"), {})).get()));
        QVERIFY(!createRunner(context(QStringLiteral("python"), {})));
        const QStringList types = supportedRunTypes();
        QVERIFY(types.contains(u"sql"_s) && types.contains(u"shell"_s) && types.contains(u"sh"_s));
    }

    // --- SQL ---

    void sqlScriptWithSelect()
    {
        Run run;
        const JobContext job = context(QStringLiteral("sql"),
                                       QStringLiteral("CREATE TABLE t (a INTEGER, b TEXT);\n"
                                                      "-- three rows\n"
                                                      "INSERT INTO t VALUES (1, 'x'), (2, NULL), (3, 'z');\n"
                                                      "SELECT a, b FROM t ORDER BY a;\n"));
        const auto runner = runToEnd(job, run);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY2(run.succeeded, qPrintable(run.error + u'\n' + run.dump()));
        QVERIFY(!run.cancelled);

        QVERIFY2(run.hasLine(LogLevel::Info,
                             QStringLiteral("Statement 1 of 3: CREATE TABLE t \\(a INTEGER, b TEXT\\)")),
                 qPrintable(run.dump()));
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("statement changed 0 rows in \\d+ ms")));
        QVERIFY(
            run.hasLine(LogLevel::Info,
                        QStringLiteral("Statement 2 of 3: INSERT INTO t VALUES \\(1, 'x'\\), \\(2, NULL\\), "
                                       "\\(3, 'z'\\)")));
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("statement changed 3 rows in \\d+ ms")));
        QVERIFY(
            run.hasLine(LogLevel::Info, QStringLiteral("Statement 3 of 3: SELECT a, b FROM t ORDER BY a")));
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("SELECT returned 3 rows in \\d+ ms")));
        QVERIFY(run.lines(LogLevel::Error).isEmpty());

        QVERIFY(!run.progress.isEmpty());
        QVERIFY2(isStrictlyIncreasing(run.progress), qPrintable(QString::number(run.progress.size())));
        QVERIFY(run.progress.first() >= 0);
        QCOMPARE(run.progress.last(), 1.0);

        QCOMPARE(run.results.size(), 1);
        const ResultSetInfo info = run.results.first();
        QCOMPARE(info.path, QDir(job.resultDir).filePath(QStringLiteral("_0.dolphin")));
        QCOMPARE(info.columns, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(info.rows, 3);

        QString error;
        auto page = ResultFileReader::readPage(info.path, 1, 2, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->columns, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(page->types, (QStringList{u"int"_s, u"string"_s}));
        QCOMPARE(page->totalRows, 3);
        QCOMPARE(page->rows, (QList<QStringList>{{u"1"_s, u"x"_s}, {u"2"_s, u"NULL"_s}}));
        page = ResultFileReader::readPage(info.path, 2, 2, &error);
        QVERIFY(page);
        QCOMPARE(page->rows, (QList<QStringList>{{u"3"_s, u"z"_s}}));
        page = ResultFileReader::readPage(info.path, 3, 2, &error);
        QVERIFY(page);
        QVERIFY(page->rows.isEmpty());
        QCOMPARE(page->totalRows, 3);

        // The changes are in the workspace database, which the job created.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(job.workspaceDb);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM t")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 3);
            QVERIFY(query.exec(QStringLiteral("DROP TABLE t")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void sqlFailingStatement()
    {
        Run run;
        const auto runner = runToEnd(
            context(QStringLiteral("sql"),
                    QStringLiteral("SELECT 1 AS one; SELECT * FROM missing_table; SELECT 3 AS three")),
            run);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY(!run.succeeded);
        QVERIFY(!run.cancelled);
        QCOMPARE(run.error, QStringLiteral("Statement 2: no such table: missing_table"));
        QCOMPARE(run.lines(LogLevel::Error), QStringList{run.error});
        QCOMPARE(run.results.size(), 1);
        QVERIFY(!run.hasLine(LogLevel::Info, QStringLiteral("Statement 3 of 3: .*")));
        QVERIFY(run.progress.isEmpty() || run.progress.last() < 1);
    }

    void sqlVariables()
    {
        Run run;
        const auto runner
            = runToEnd(context(QStringLiteral("sql"),
                               QStringLiteral("SELECT '${name}' AS greeting, ${n} + 1 AS answer, "
                                              "'${missing}' AS kept"),
                               {{QStringLiteral("name"), QStringLiteral("world")},
                                {QStringLiteral("n"), QStringLiteral("41")}}),
                       run);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        QVERIFY2(run.hasLine(LogLevel::Warn, QStringLiteral(".*\\$\\{missing\\}.*")), qPrintable(run.dump()));
        QVERIFY(!run.hasLine(LogLevel::Warn, QStringLiteral(".*\\$\\{name\\}.*")));
        QCOMPARE(run.results.size(), 1);
        const auto page = ResultFileReader::readPage(run.results.first().path, 1, 10);
        QVERIFY(page);
        QCOMPARE(page->rows, (QList<QStringList>{{u"world"_s, u"42"_s, u"${missing}"_s}}));
    }

    void sqlCellsAndSeveralResultSets()
    {
        Run run;
        const auto runner = runToEnd(
            context(QStringLiteral("sql"),
                    QStringLiteral("CREATE TEMP TABLE e (a INTEGER); SELECT * FROM e;"
                                   "SELECT 1 AS i, NULL AS n, x'00ff' AS blob, 2.5 AS d, '' AS empty, "
                                   "'a\"b\\c\nd' AS text")),
            run);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        QCOMPARE(run.results.size(), 2);
        QVERIFY(run.results[0].path.endsWith(u"/_0.dolphin"));
        QVERIFY(run.results[1].path.endsWith(u"/_1.dolphin"));
        QCOMPARE(run.results[0].rows, 0);
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("SELECT returned 0 rows in \\d+ ms")));
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("SELECT returned 1 row in \\d+ ms")));

        auto page = ResultFileReader::readPage(run.results[0].path, 1, 10);
        QVERIFY(page);
        QCOMPARE(page->columns, QStringList{u"a"_s});
        QCOMPARE(page->totalRows, 0);
        QVERIFY(page->rows.isEmpty());
        page = ResultFileReader::readPage(run.results[1].path, 1, 10);
        QVERIFY(page);
        QCOMPARE(
            page->rows,
            (QList<QStringList>{{u"1"_s, u"NULL"_s, u"X'00FF'"_s, u"2.5"_s, QString(), u"a\"b\\c\nd"_s}}));
    }

    void sqlTrigger()
    {
        Run run;
        const auto runner = runToEnd(
            context(
                QStringLiteral("sql"),
                QStringLiteral("CREATE TEMP TABLE src (x); CREATE TEMP TABLE dst (y);\n"
                               "CREATE TEMP TRIGGER double_it AFTER INSERT ON src BEGIN\n"
                               "  INSERT INTO dst VALUES (CASE WHEN new.x > 0 THEN new.x * 2 ELSE 0 END);\n"
                               "  INSERT INTO dst VALUES (-1);\n"
                               "END;\n"
                               "INSERT INTO src VALUES (21);\n"
                               "SELECT y FROM dst ORDER BY y DESC;")),
            run);
        QVERIFY2(run.succeeded, qPrintable(run.error + u'\n' + run.dump()));
        QVERIFY(run.hasLine(LogLevel::Info, QStringLiteral("Statement 5 of 5: SELECT .*")));
        const auto page = ResultFileReader::readPage(run.results.value(0).path, 1, 10);
        QVERIFY(page);
        QCOMPARE(page->rows, (QList<QStringList>{{u"42"_s}, {u"-1"_s}}));
    }

    void sqlEmptyScript()
    {
        Run run;
        const auto runner
            = runToEnd(context(QStringLiteral("sql"), QStringLiteral("-- nothing to do\n;;")), run);
        QVERIFY(run.succeeded);
        QCOMPARE(run.progress, QList<double>{1.0});
        QVERIFY(run.results.isEmpty());
    }

    void sqlLargeResultPaged()
    {
        Run run;
        const auto runner = runToEnd(
            context(QStringLiteral("sql"),
                    QStringLiteral(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)\n"
                        "SELECT x, 'row ' || x AS label, x * 0.5 AS half FROM c")),
            run);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        QCOMPARE(run.results.value(0).rows, 100000);
        QString error;
        auto page = ResultFileReader::readPage(run.results.value(0).path, 20, 5000, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->totalRows, 100000);
        QCOMPARE(page->types, (QStringList{u"int"_s, u"string"_s, u"double"_s}));
        QCOMPARE(page->rows.size(), 5000);
        QCOMPARE(page->rows.first(), (QStringList{u"95001"_s, u"row 95001"_s, u"47500.5"_s}));
        QCOMPARE(page->rows.last(), (QStringList{u"100000"_s, u"row 100000"_s, u"50000"_s}));
        page = ResultFileReader::readPage(run.results.value(0).path, 21, 5000);
        QVERIFY(page);
        QVERIFY(page->rows.isEmpty());
        QCOMPARE(page->totalRows, 100000);
    }

    void sqlCancelLongStatement()
    {
        Run run;
        const JobContext job = context(
            QStringLiteral("sql"),
            QStringLiteral(
                "SELECT 1 AS warmup;\n"
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)\n"
                "SELECT count(*) FROM c;\n"
                "SELECT 3"));
        auto runner = createRunner(job);
        follow(runner.get(), run);
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            run.hasLine(LogLevel::Info, QStringLiteral("Statement 2 of 3: WITH RECURSIVE .*")), 10000);
        // Progress creeps inside the statement: past statement 2's start, short of its end.
        QTRY_VERIFY_WITH_TIMEOUT(!run.progress.isEmpty() && run.progress.last() > 1.0 / 3, 5000);
        QVERIFY(run.progress.last() < 2.0 / 3);
        QVERIFY(isStrictlyIncreasing(run.progress));
        QCOMPARE(run.finishedCount, 0);

        QElapsedTimer clock;
        clock.start();
        runner->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(run.finishedCount > 0, 1000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!run.succeeded);
        QVERIFY(run.cancelled);
        QCOMPARE(run.error, QStringLiteral("cancelled"));
        QVERIFY(!run.hasLine(LogLevel::Info, QStringLiteral("Statement 3 of 3: .*")));
        QCOMPARE(run.results.size(), 1); // the warm-up's only
        QCOMPARE(QDir(job.resultDir).entryList(QDir::Files), QStringList{u"_0.dolphin"_s});
        QTest::qWait(50);
        QCOMPARE(run.finishedCount, 1);
        runner->cancel(); // after the end: nothing more
        QTest::qWait(20);
        QCOMPARE(run.finishedCount, 1);
    }

    void sqlCancelBeforeStart()
    {
        Run run;
        auto runner = createRunner(context(QStringLiteral("sql"), QStringLiteral("CREATE TABLE never (a)")));
        follow(runner.get(), run);
        runner->cancel();
        QTRY_COMPARE(run.finishedCount, 1);
        QVERIFY(run.cancelled);
        runner->start();
        QTest::qWait(100);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY(run.logs.isEmpty());
    }

    void sqlDestroyedWhileRunning()
    {
        Run run;
        auto runner = createRunner(context(
            QStringLiteral("sql"),
            QStringLiteral(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
                "SELECT count(*) FROM c")));
        follow(runner.get(), run);
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT(!run.logs.isEmpty(), 10000);
        QElapsedTimer clock;
        clock.start();
        runner.reset();
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QTest::qWait(20);
        QCOMPARE(run.finishedCount, 0);
    }

    // --- Result files ---

    void resultFileRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.dolphin"));
        const QList<QStringList> rows{
            {u"plain"_s, u"\"quoted\""_s},
            {u"back\\slash"_s, u"new\nline\r\n"_s},
            {u"tab\there"_s, QString(QChar(1)) + u"control" + QChar(0x1f)},
            {u"中文 ✓ 😀"_s, QString()},
        };
        ResultFileWriter writer;
        QVERIFY(writer.open(path, {u"first"_s, u"sec\"ond"_s}, {u"string"_s, u"string"_s}));
        for (const QStringList &row : rows)
            QVERIFY(writer.writeRow(row));
        QCOMPARE(writer.rows(), rows.size());
        QVERIFY(writer.finish());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), rows.size() + 2); // header, rows, and nothing after the last '\n'
        QVERIFY(lines.first().startsWith("{\"rows\":4 "));
        QVERIFY(lines.last().isEmpty());

        const auto page = ResultFileReader::readPage(path, 1, 100);
        QVERIFY(page);
        QCOMPARE(page->columns, (QStringList{u"first"_s, u"sec\"ond"_s}));
        QCOMPARE(page->rows, rows);
        QCOMPARE(page->totalRows, rows.size());
    }

    void resultFileUnfinishedIsCounted()
    {
        const QString path = m_dir.filePath(QStringLiteral("unfinished.dolphin"));
        {
            ResultFileWriter writer;
            QVERIFY(writer.open(path, {u"n"_s}, {u"int"_s}));
            for (int i = 1; i <= 5; ++i)
                QVERIFY(writer.writeRow({QString::number(i)}));
        }
        // A row the writer had not ended yet is not counted.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("[\"6\"");
        file.close();
        const auto page = ResultFileReader::readPage(path, 2, 3);
        QVERIFY(page);
        QCOMPARE(page->totalRows, 5);
        QCOMPARE(page->rows, (QList<QStringList>{{u"4"_s}, {u"5"_s}}));
    }

    void resultFileSkipsRowsWithoutParsingThem()
    {
        const QString path = m_dir.filePath(QStringLiteral("skip.dolphin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"rows\":3                   ,\"version\":1,\"columns\":[\"c\"],\"types\":[\"string\"]}\n"
            "not json\n"
            "[broken\n"
            "[\"third\"]\n");
        file.close();
        QString error;
        auto page = ResultFileReader::readPage(path, 2, 2, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->rows, QList<QStringList>{{u"third"_s}});
        QCOMPARE(page->totalRows, 3);
        page = ResultFileReader::readPage(path, 1, 2, &error);
        QVERIFY(!page);
        QVERIFY2(error.contains(u"row 1"), qPrintable(error));
    }

    void resultFileErrors()
    {
        QString error;
        QVERIFY(!ResultFileReader::readPage(m_dir.filePath(QStringLiteral("absent.dolphin")), 1, 10, &error));
        QVERIFY(error.contains(u"absent.dolphin"));

        const QString path = m_dir.filePath(QStringLiteral("notresult.dolphin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b,c\n1,2,3\n");
        file.close();
        error.clear();
        QVERIFY(!ResultFileReader::readPage(path, 1, 10, &error));
        QVERIFY(error.contains(u"not a JobDeck result file"));

        ResultFileWriter writer;
        QVERIFY(writer.open(path, {u"a"_s}, {u"int"_s}));
        QVERIFY(writer.finish());
        QVERIFY(!ResultFileReader::readPage(path, 0, 10, &error));
        QVERIFY(!ResultFileReader::readPage(path, 1, 0, &error));
        QVERIFY(ResultFileReader::readPage(path, 1, 10, &error));
        QVERIFY(!writer.open(m_dir.filePath(QStringLiteral("no/such/folder/x.dolphin")), {u"a"_s}, {}));
        QVERIFY(!writer.errorString().isEmpty());
    }

    // --- Shell ---

    void shellLinesAndLevels()
    {
        Run run;
        const auto runner
            = runToEnd(context(QStringLiteral("shell"),
                               QStringLiteral("echo out1; echo err1 >&2; echo out2; printf 'crlf\\r\\n';"
                                              "printf 'partial'")),
                       run);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        QCOMPARE(run.lines(LogLevel::Info), (QStringList{u"out1"_s, u"out2"_s, u"crlf"_s, u"partial"_s}));
        QCOMPARE(run.lines(LogLevel::Error), QStringList{u"err1"_s});
        QVERIFY(run.lines(LogLevel::Warn).isEmpty());
        QCOMPARE(run.progress.value(run.progress.size() - 1), 1.0);
    }

    void shellExitCode()
    {
        Run run;
        const auto runner = runToEnd(context(QStringLiteral("sh"), QStringLiteral("echo bye; exit 3")), run);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY(!run.succeeded);
        QVERIFY(!run.cancelled);
        QCOMPARE(run.error, QStringLiteral("exit code 3"));
        QCOMPARE(run.lines(LogLevel::Info), QStringList{u"bye"_s});
        QVERIFY(run.hasLine(LogLevel::Error, QStringLiteral(".*exit code 3")));
    }

    void shellKilledBySignal()
    {
        Run run;
        const auto runner = runToEnd(context(QStringLiteral("shell"), QStringLiteral("kill -KILL $$")), run);
        QVERIFY(!run.succeeded);
        QVERIFY(!run.cancelled);
        QVERIFY2(run.error.startsWith(u"killed by signal 9"), qPrintable(run.error));
    }

    void shellEnvironmentAndVariables()
    {
        Run run;
        const JobContext job
            = context(QStringLiteral("shell"),
                      QStringLiteral("echo \"$JOBDECK_TASK_ID|${greeting}|$greeting|${HOME:+home}\";"
                                     "pwd -P; read line; echo \"stdin:$line\""),
                      {{QStringLiteral("greeting"), QStringLiteral("hello world")}});
        const auto runner = runToEnd(job, run);
        QVERIFY2(run.succeeded, qPrintable(run.error + u'\n' + run.dump()));
        QCOMPARE(run.lines(LogLevel::Info),
                 (QStringList{QString::number(job.taskId) + u"|hello world|hello world|home",
                              QDir(job.workDir).canonicalPath(),
                              u"stdin:"_s}));
    }

    void shellManyLinesInOrder()
    {
        Run run;
        const auto runner
            = runToEnd(context(QStringLiteral("shell"), QStringLiteral("seq 1 100000")), run, 60000);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        const QStringList lines = run.lines(LogLevel::Info);
        QCOMPARE(lines.size(), 100000);
        for (int i = 0; i < lines.size(); ++i) {
            if (lines[i] != QString::number(i + 1))
                QFAIL(qPrintable(QStringLiteral("line %1 is \"%2\"").arg(i + 1).arg(lines[i])));
        }
    }

    // Past the kernel's 128 KiB limit for one argument, where `sh -c CODE` failed with
    // nothing but "exit code 255".
    void shellScriptOfOneMegabyte()
    {
        QString code;
        int count = 0;
        while (code.size() < 1024 * 1024)
            code += u"echo 'line %1 of a generated script, padded to be about sixty bytes'\n"_s.arg(++count);
        Run run;
        const auto runner = runToEnd(context(QStringLiteral("shell"), code), run, 120000);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        const QStringList lines = run.lines(LogLevel::Info);
        QCOMPARE(lines.size(), count);
        for (int i = 0; i < count; ++i) {
            if (lines[i] != u"line %1 of a generated script, padded to be about sixty bytes"_s.arg(i + 1))
                QFAIL(qPrintable(QStringLiteral("line %1 is \"%2\"").arg(i + 1).arg(lines[i])));
        }
    }

    void shellVariableTooLongSaysWhy()
    {
        Run run;
        const auto runner = runToEnd(context(QStringLiteral("shell"),
                                             QStringLiteral("echo hi"),
                                             {{QStringLiteral("big"), QString(200000, u'x')}}),
                                     run);
        QVERIFY(!run.succeeded);
        QVERIFY2(run.error.contains(u"the variable big is 200004 bytes long"), qPrintable(run.error));
        QVERIFY(run.hasLine(LogLevel::Error, u"Cannot start /bin/sh.*the variable big.*"_s));
    }

    void shellLongLinesAreSplit()
    {
        Run run;
        const auto runner = runToEnd(
            context(QStringLiteral("shell"),
                    QStringLiteral(
                        "head -c 200000 /dev/zero | tr '\\0' a; echo; head -c 70000 /dev/zero | tr '\\0' b")),
            run);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        const QStringList lines = run.lines(LogLevel::Info);
        QList<qsizetype> sizes;
        for (const QString &line : lines)
            sizes.append(line.size());
        QCOMPARE(sizes, (QList<qsizetype>{65536, 65536, 65536, 3392, 65536, 4464}));
        QCOMPARE(lines[3], QString(3392, u'a'));
        QCOMPARE(lines[5], QString(4464, u'b'));
    }

    void shellCancelEndsTheWholeGroup()
    {
        Run run;
        auto runner = createRunner(context(
            QStringLiteral("shell"), QStringLiteral("echo $$; sleep 600 & sleep 600; wait; echo never")));
        follow(runner.get(), run);
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT(!run.lines(LogLevel::Info).isEmpty(), 10000);
        const qint64 pgid = run.lines(LogLevel::Info).first().toLongLong();
        QVERIFY(pgid > 1);
        QTRY_COMPARE_WITH_TIMEOUT(liveGroupMembers(pgid), 3, 5000); // sh and both sleeps

        QElapsedTimer clock;
        clock.start();
        runner->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(run.finishedCount > 0, 5000);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed()))); // SIGTERM sufficed
        QVERIFY(run.cancelled);
        QVERIFY(!run.succeeded);
        QCOMPARE(run.error, QStringLiteral("cancelled"));
        QCOMPARE(liveGroupMembers(pgid), 0);
        // Dead members may wait a moment for init to reap them; then the group is gone.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(pgid), 0) == -1 && errno == ESRCH, 30000);
        QVERIFY(!run.lines(LogLevel::Info).contains(u"never"_s));
        QTest::qWait(20);
        QCOMPARE(run.finishedCount, 1);
    }

    void shellCancelEscalatesToKill()
    {
        Run run;
        auto runner = createRunner(context(
            QStringLiteral("shell"), QStringLiteral("trap '' TERM; echo $$; sleep 600 & sleep 600; wait")));
        follow(runner.get(), run);
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT(!run.lines(LogLevel::Info).isEmpty(), 10000);
        const qint64 pgid = run.lines(LogLevel::Info).first().toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(liveGroupMembers(pgid), 3, 5000);

        QElapsedTimer clock;
        clock.start();
        runner->cancel();
        QTest::qWait(ShellRunner::KillDelayMs / 2);
        QCOMPARE(run.finishedCount, 0); // everything ignores SIGTERM
        QCOMPARE(liveGroupMembers(pgid), 3);
        QTRY_VERIFY_WITH_TIMEOUT(run.finishedCount > 0, 5000);
        // A coarse timer may fire up to 5% early.
        QVERIFY2(clock.elapsed() >= ShellRunner::KillDelayMs * 9 / 10,
                 qPrintable(QString::number(clock.elapsed())));
        QVERIFY(run.cancelled);
        QCOMPARE(liveGroupMembers(pgid), 0);
    }

    void shellBackgroundLeftoversAreEnded()
    {
        Run run;
        const auto runner
            = runToEnd(context(QStringLiteral("shell"), QStringLiteral("echo $$; sleep 600 &")), run);
        QVERIFY2(run.succeeded, qPrintable(run.error));
        QVERIFY(run.hasLine(LogLevel::Warn, QStringLiteral(".*background.*")));
        const qint64 pgid = run.lines(LogLevel::Info).value(0).toLongLong();
        QVERIFY(pgid > 1);
        QCOMPARE(liveGroupMembers(pgid), 0);
    }

    void shellCancelBeforeStart()
    {
        Run run;
        auto runner = createRunner(context(QStringLiteral("shell"), QStringLiteral("echo no")));
        follow(runner.get(), run);
        runner->cancel();
        QTRY_COMPARE(run.finishedCount, 1);
        QVERIFY(run.cancelled);
        runner->start();
        QTest::qWait(100);
        QCOMPARE(run.finishedCount, 1);
        QVERIFY(run.logs.isEmpty());
    }

    void shellCancelRightAfterStart()
    {
        Run run;
        auto runner = createRunner(context(QStringLiteral("shell"), QStringLiteral("sleep 600")));
        follow(runner.get(), run);
        runner->start();
        runner->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(run.finishedCount > 0, 5000);
        QVERIFY(run.cancelled);
    }

    void shellMissingWorkDir()
    {
        Run run;
        JobContext job = context(QStringLiteral("shell"), QStringLiteral("echo hi"));
        job.workDir = m_dir.filePath(QStringLiteral("does/not/exist"));
        const auto runner = runToEnd(job, run);
        QVERIFY(!run.succeeded);
        QVERIFY(!run.cancelled);
        QVERIFY2(run.error.startsWith(u"Cannot start /bin/sh"), qPrintable(run.error));
    }

    void shellDestroyedWhileRunning()
    {
        Run run;
        auto runner = createRunner(
            context(QStringLiteral("shell"), QStringLiteral("echo $$; sleep 600 & sleep 600; wait")));
        follow(runner.get(), run);
        runner->start();
        QTRY_VERIFY_WITH_TIMEOUT(!run.lines(LogLevel::Info).isEmpty(), 10000);
        const qint64 pgid = run.lines(LogLevel::Info).first().toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(liveGroupMembers(pgid), 3, 5000);
        runner.reset();
        QTRY_COMPARE_WITH_TIMEOUT(liveGroupMembers(pgid), 0, 2000);
        QCOMPARE(run.finishedCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestRunners)
#include "tst_runners.moc"
