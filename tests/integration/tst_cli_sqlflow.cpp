// jobdeck-cli against the SQLFlow simulator, as a separate process: its output, its --json
// events and its exit codes (../shared/cli-contract.md).
#include "sqlflow/sqlflowsimulator.h"
#include "support/clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using JobDeck::Sim::SqlflowSimulator;
using Run = JobDeck::Test::CliRun;
using namespace Qt::StringLiterals;

namespace {

const QString UserId = u"auth0|5fc8e95991a780006f180d4d"_s;
const QString SecretKey = u"k3y+with/odd=chars"_s;

QStringList connection(const SqlflowSimulator &sim, const QString &user = UserId)
{
    QStringList arguments{u"--backend"_s, u"sqlflow"_s, u"--url"_s, sim.baseUrl().toString()};
    if (!user.isEmpty())
        arguments << u"--user"_s << user;
    arguments << u"--db-vendor"_s << u"dbvhive"_s;
    return arguments;
}

Run cli(const SqlflowSimulator &sim, const QStringList &command, const QString &token = SecretKey)
{
    return JobDeck::Test::runCli(connection(sim) + command, {{u"JOBDECK_TOKEN"_s, token}});
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray scriptFor(const QByteArray &directive)
{
    return "-- sqlflow-sim: " + directive + "\ninsert into target select * from source;\n";
}

QString describe(const Run &run)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
}

} // namespace

class TestCliSqlflow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Submits a job that succeeds at once and returns its id (empty on failure).
    QString succeededJob(SqlflowSimulator &sim, const QByteArray &outcome = "success")
    {
        const QString path
            = writeFile(m_dir, u"quick.sql"_s, scriptFor(QByteArray("create=0 run=0 outcome=" + outcome)));
        const Run run = cli(sim, {u"submit"_s, path});
        if (run.exitCode != 0)
            return {};
        return QString::fromUtf8(run.out.trimmed());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void submitsTwoFilesAndFollowsToSuccess()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const QByteArray first = scriptFor("create=500 run=2000 word=parsing outcome=success");
        const QByteArray second = "create view v as select 1 as \"x\";\r\n";
        const Run run = cli(sim,
                            {u"submit"_s,
                             writeFile(m_dir, u"a.sql"_s, first),
                             writeFile(m_dir, u"b.sql"_s, second),
                             u"--follow"_s,
                             u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const auto submitted = run.eventsNamed(u"submitted"_s);
        QCOMPARE(submitted.size(), qsizetype(1));
        QCOMPARE(submitted.first().value(u"backend"_s).toString(), u"sqlflow"_s);
        const QString id = submitted.first().value(u"job"_s).toString();
        QVERIFY(!id.isEmpty());
        const auto finished = run.eventsNamed(u"finished"_s);
        QCOMPARE(finished.size(), qsizetype(1));
        QCOMPARE(finished.first().value(u"job"_s).toString(), id);
        QCOMPARE(finished.first().value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(finished.first().value(u"raw"_s).toString(), u"success"_s);
        QStringList raws;
        for (const auto &status : run.eventsNamed(u"status"_s))
            raws.append(status.value(u"raw"_s).toString());
        QVERIFY2(raws.contains(u"parsing"_s), qPrintable(raws.join(u',')));

        const auto files = sim.receivedFiles(id);
        QCOMPARE(files.size(), qsizetype(2));
        QCOMPARE(files.at(0).fileName, u"a.sql"_s);
        QCOMPARE(files.at(0).content, first);
        QCOMPARE(files.at(1).fileName, u"b.sql"_s);
        QCOMPARE(files.at(1).content, second);
        const auto submit = sim.requests(u"submitUserJob"_s).first();
        QCOMPARE(submit.fields.value(u"userId"_s), UserId);
        QCOMPARE(submit.fields.value(u"dbvendor"_s), u"dbvhive"_s);
        QCOMPARE(sim.requests(u"generateToken"_s).first().fields.value(u"secretKey"_s), SecretKey);
    }

    void followsToFailAndPartialSuccess()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const Run failed
            = cli(sim,
                  {u"submit"_s,
                   writeFile(m_dir,
                             u"bad.sql"_s,
                             scriptFor("create=0 run=100 outcome=fail error=Syntax error at line 2")),
                   u"--follow"_s,
                   u"--json"_s});
        QVERIFY2(failed.exitCode == 1, qPrintable(describe(failed)));
        QCOMPARE(failed.eventsNamed(u"finished"_s).first().value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(failed.eventsNamed(u"finished"_s).first().value(u"raw"_s).toString(), u"fail"_s);

        const Run partial
            = cli(sim,
                  {u"submit"_s,
                   writeFile(m_dir, u"part.sql"_s, scriptFor("create=0 run=100 outcome=partial_success")),
                   u"--follow"_s});
        QVERIFY2(partial.exitCode == 0, qPrintable(describe(partial)));
        QVERIFY2(partial.err.contains("Partial success"), qPrintable(describe(partial)));
    }

    void submitsAZipAndIncrementalJobs()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        QByteArray zip("PK\x03\x04", 4);
        for (int i = 0; i < 3000; ++i)
            zip += char(i * 7);
        const Run zipped = cli(sim, {u"submit"_s, writeFile(m_dir, u"bundle.zip"_s, zip)});
        QVERIFY2(zipped.exitCode == 0, qPrintable(describe(zipped)));
        const QString zipJob = QString::fromUtf8(zipped.out.trimmed());
        QCOMPARE(sim.receivedFiles(zipJob).size(), qsizetype(1));
        QCOMPARE(sim.receivedFiles(zipJob).first().content, zip);
        QCOMPARE(sim.receivedFiles(zipJob).first().fileName, u"bundle.zip"_s);

        const Run created
            = cli(sim, {u"submit"_s, writeFile(m_dir, u"day1.sql"_s, scriptFor("create=0")), u"--persist"_s});
        QVERIFY2(created.exitCode == 0, qPrintable(describe(created)));
        const QString id = QString::fromUtf8(created.out.trimmed());
        QVERIFY(!sim.requests(u"submitPersistJob"_s).last().fields.contains(u"jobId"_s));
        const Run extended = cli(sim,
                                 {u"submit"_s,
                                  writeFile(m_dir, u"day2.sql"_s, scriptFor("create=0")),
                                  u"--persist"_s,
                                  u"--incremental"_s,
                                  u"--job-id"_s,
                                  id,
                                  u"--json"_s});
        QVERIFY2(extended.exitCode == 0, qPrintable(describe(extended)));
        QCOMPARE(extended.eventsNamed(u"submitted"_s).first().value(u"job"_s).toString(), id);
        const auto second = sim.requests(u"submitPersistJob"_s).last();
        QCOMPARE(second.fields.value(u"jobId"_s), id);
        QCOMPARE(second.fields.value(u"incremental"_s), u"true"_s);
        QCOMPARE(sim.receivedFiles(id).size(), qsizetype(2));
        QCOMPARE(sim.jobCount(), 2); // the zip's and the persistent one
    }

    void listsStatusAndDrops()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const QString older = sim.addJob(UserId, u"older"_s, u"fail"_s, 600);
        const QString newer = sim.addJob(UserId, u"newer"_s, u"success"_s, 60);

        const Run listed = cli(sim, {u"list"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
        const auto jobs = listed.eventsNamed(u"job"_s);
        QCOMPARE(jobs.size(), qsizetype(2));
        QCOMPARE(jobs.at(0).value(u"job"_s).toString(), newer);
        QCOMPARE(jobs.at(1).value(u"job"_s).toString(), older);
        QCOMPARE(jobs.at(1).value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(listed.eventsNamed(u"page"_s).first().value(u"total"_s).toInt(), 2);

        const Run status = cli(sim, {u"status"_s, newer, u"--json"_s});
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        const auto shown = status.eventsNamed(u"status"_s).first();
        QCOMPARE(shown.value(u"raw"_s).toString(), u"success"_s);
        QCOMPARE(shown.value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(shown.value(u"files"_s).toArray().first().toString(), u"newer.sql"_s);

        const Run dropped = cli(sim, {u"drop"_s, older});
        QVERIFY2(dropped.exitCode == 0, qPrintable(describe(dropped)));
        QVERIFY(dropped.out.contains(older.toUtf8()));
        QCOMPARE(sim.jobStatus(older), u"delete"_s);

        const Run unknown = cli(sim, {u"status"_s, u"0000000000000000"_s});
        QVERIFY2(unknown.exitCode == 4, qPrintable(describe(unknown)));
    }

    void exportsLineageByteForByte()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const QString id = succeededJob(sim);
        QVERIFY(!id.isEmpty());

        const QString csv = m_dir.filePath(u"lineage.csv"_s);
        const Run csvRun = cli(sim,
                               {u"lineage"_s,
                                id,
                                u"--format"_s,
                                u"csv"_s,
                                u"--output"_s,
                                csv,
                                u"--table-to-table"_s,
                                u"--delimiter"_s,
                                u";"_s});
        QVERIFY2(csvRun.exitCode == 0, qPrintable(describe(csvRun)));
        QVERIFY(readFile(csv) == sim.artefact(id, u"csv"_s, true, u';'));

        for (const QString &format : {u"json"_s, u"graphml"_s}) {
            const QString path = m_dir.filePath(u"lineage."_s + format);
            const Run run
                = cli(sim, {u"lineage"_s, id, u"--format"_s, format, u"--output"_s, path, u"--json"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
            const QByteArray expected = sim.artefact(id, format, false, u',');
            QVERIFY2(readFile(path) == expected, qPrintable(format));
            QCOMPARE(run.eventsNamed(u"lineage"_s).first().value(u"bytes"_s).toInteger(),
                     qint64(expected.size()));
        }
    }

    void refusedExportsLeaveNoFile()
    {
        SqlflowSimulator::Options options;
        options.artefactBytes = 1000;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const QString id = succeededJob(sim);
        QVERIFY(!id.isEmpty());
        sim.failNextExport(200, "application/json", "{\"code\":500,\"error\":\"lineage is being rebuilt\"}");
        const QString path = m_dir.filePath(u"refused.json"_s);
        const Run run = cli(sim, {u"lineage"_s, id, u"--format"_s, u"json"_s, u"--output"_s, path});
        QVERIFY2(run.exitCode == 4, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("lineage is being rebuilt"), qPrintable(describe(run)));
        QVERIFY(!QFile::exists(path));

        // A job still being analysed: refused before any export call.
        const Run running
            = cli(sim, {u"submit"_s, writeFile(m_dir, u"slow.sql"_s, scriptFor("create=0 run=600000"))});
        const QString slow = QString::fromUtf8(running.out.trimmed());
        const int exportsBefore = sim.requestCount(u"exportLineageAsJson"_s);
        const Run early = cli(sim, {u"lineage"_s, slow, u"--format"_s, u"json"_s, u"--output"_s, path});
        QVERIFY2(early.exitCode == 4, qPrintable(describe(early)));
        QCOMPARE(sim.requestCount(u"exportLineageAsJson"_s), exportsBefore);
        QVERIFY(!QFile::exists(path));
    }

    void badCredentialsExitThree()
    {
        SqlflowSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(UserId, SecretKey);
        const Run wrongKey = cli(sim, {u"list"_s}, u"wrong-key"_s);
        QVERIFY2(wrongKey.exitCode == 3, qPrintable(describe(wrongKey)));
        const Run oldToken = cli(sim, {u"list"_s}, u"eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2ln"_s);
        QVERIFY2(oldToken.exitCode == 3, qPrintable(describe(oldToken)));
    }

    void onPremiseWithoutToken()
    {
        SqlflowSimulator::Options options;
        options.cloud = false;
        SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        const Run submitted = JobDeck::Test::runCli(
            QStringList{u"--backend"_s,
                        u"sqlflow"_s,
                        u"--url"_s,
                        sim.baseUrl().toString(),
                        u"--db-vendor"_s,
                        u"dbvmssql"_s,
                        u"submit"_s,
                        writeFile(m_dir, u"onprem.sql"_s, scriptFor("create=0 run=0")),
                        u"--follow"_s,
                        u"--json"_s},
            {{u"USER"_s, u"alice"_s}}); // a login name is not an SQLFlow account id
        QVERIFY2(submitted.exitCode == 0, qPrintable(describe(submitted)));
        QCOMPARE(sim.requests(u"submitUserJob"_s).first().fields.value(u"userId"_s), u"gudu|0123456789"_s);
        QCOMPARE(sim.requestCount(u"generateToken"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSqlflow)
#include "tst_cli_sqlflow.moc"
