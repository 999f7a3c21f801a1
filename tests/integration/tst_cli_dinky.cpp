// jobdeck-cli against the Dinky simulator as scripts run it: a separate process, judged by
// its output, its --json events and its exit code (../shared/cli-contract.md).
#include "dinky/dinkysimulator.h"
#include "support/clirun.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using JobDeck::Sim::DinkySimulator;
using JobDeck::Test::CliRun;
using namespace Qt::StringLiterals;

namespace {

const QString User = u"admin"_s;
const QString Password = u"dinky-pw-42"_s;

QStringList connection(const DinkySimulator &sim)
{
    return {u"--backend"_s, u"dinky"_s, u"--url"_s, sim.baseUrl().toString(), u"--interval"_s, u"0.02"_s};
}

// No credentials at all: Dinky's OpenAPI runs without a login.
CliRun run(const QStringList &arguments)
{
    return JobDeck::Test::runCli(arguments);
}

DinkySimulator::Task task(qint64 id, const QStringList &states)
{
    DinkySimulator::Task t;
    t.id = id;
    t.name = u"cli_task_%1"_s.arg(id);
    t.states = states;
    return t;
}

} // namespace

class TestCliDinky final : public QObject
{
    Q_OBJECT

private:
    DinkySimulator m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sim.listen());
        m_sim.addUser(User, Password);
        m_sim.addTask(task(1, {u"RUNNING"_s, u"FAILED"_s, u"RESTARTING"_s, u"RUNNING"_s, u"FINISHED"_s}));
        m_sim.addTask(task(2, {u"RUNNING"_s, u"FAILED"_s}));
        m_sim.addTask(task(3, {u"RUNNING"_s}));
        DinkySimulator::Task broken = task(4, {u"RUNNING"_s});
        broken.submitError = u"Flink cluster is not available: 127.0.0.1:8081"_s;
        m_sim.addTask(broken);
    }

    void runTaskFollowsToFinished()
    {
        const CliRun done
            = run(connection(m_sim) + QStringList{u"--json"_s, u"run-task"_s, u"1"_s, u"--follow"_s});
        QVERIFY2(done.exitCode == 0, done.err.constData());
        const auto submitted = done.eventsNamed(u"submitted"_s);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).value(u"backend"_s).toString(), u"dinky"_s);
        const QString job = submitted.at(0).value(u"job"_s).toString();
        bool numeric = false;
        QVERIFY(job.toLongLong(&numeric) > 0 && numeric); // the job instance id
        QStringList raw;
        for (const QJsonObject &event : done.eventsNamed(u"status"_s))
            raw.append(event.value(u"raw"_s).toString());
        QVERIFY2(raw.contains(u"FAILED"_s) && raw.contains(u"RESTARTING"_s), qPrintable(raw.join(u',')));
        const auto finished = done.eventsNamed(u"finished"_s);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).value(u"state"_s).toString(), u"succeeded"_s);
        QCOMPARE(finished.at(0).value(u"raw"_s).toString(), u"FINISHED"_s);
    }

    void failedJobExitsWithOne()
    {
        const CliRun failed
            = run(connection(m_sim) + QStringList{u"--json"_s, u"run-task"_s, u"2"_s, u"--follow"_s});
        QCOMPARE(failed.exitCode, 1);
        const auto finished = failed.eventsNamed(u"finished"_s);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(finished.at(0).value(u"raw"_s).toString(), u"FAILED"_s);
    }

    void statusKillRestartSavepoint()
    {
        const CliRun started = run(connection(m_sim) + QStringList{u"run-task"_s, u"3"_s});
        QVERIFY2(started.exitCode == 0, started.err.constData());
        const QString job = QString::fromUtf8(started.out).trimmed();
        QVERIFY2(job.toLongLong() > 0, started.out.constData());

        const CliRun status = run(connection(m_sim) + QStringList{u"--json"_s, u"status"_s, job});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        const auto statuses = status.eventsNamed(u"status"_s);
        QCOMPARE(statuses.size(), 1);
        QCOMPARE(statuses.at(0).value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(statuses.at(0).value(u"raw"_s).toString(), u"RUNNING"_s);

        const CliRun savepoint = run(connection(m_sim) + QStringList{u"savepoint"_s, job});
        QVERIFY2(savepoint.exitCode == 0, savepoint.err.constData());
        QVERIFY2(savepoint.out.contains("hdfs:///flink/savepoints/savepoint-"), savepoint.out.constData());
        QCOMPARE(m_sim.requests(u"savepoint"_s).constLast().query.queryItemValue(u"savePointType"_s),
                 u"trigger"_s);

        const CliRun killed
            = run(connection(m_sim) + QStringList{u"kill"_s, job, u"--with-savepoint"_s, u"--no-force"_s});
        QVERIFY2(killed.exitCode == 0, killed.err.constData());
        const auto cancel = m_sim.requests(u"cancel"_s).constLast();
        QCOMPARE(cancel.query.queryItemValue(u"id"_s), u"3"_s);
        QCOMPARE(cancel.query.queryItemValue(u"withSavePoint"_s), u"true"_s);
        QCOMPARE(cancel.query.queryItemValue(u"forceCancel"_s), u"false"_s);

        // Killing a job that is no longer running: the server refuses (code 1).
        const CliRun again = run(connection(m_sim) + QStringList{u"kill"_s, job});
        QCOMPARE(again.exitCode, 4);

        const int restarts = m_sim.requestCount(u"restartTask"_s);
        const CliRun restarted = run(connection(m_sim) + QStringList{u"--json"_s, u"restart"_s, job});
        QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
        QCOMPARE(m_sim.requestCount(u"restartTask"_s), restarts + 1);
        QCOMPARE(m_sim.requests(u"restartTask"_s).constLast().query.queryItemValue(u"id"_s), u"3"_s);
    }

    void refusedSubmitExitsWithFour()
    {
        const CliRun refused = run(connection(m_sim) + QStringList{u"run-task"_s, u"4"_s});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("Flink cluster is not available"), refused.err.constData());

        // A code-5 exception: the message, never the stack trace.
        m_sim.setThrowException(true);
        const CliRun exception = run(connection(m_sim) + QStringList{u"run-task"_s, u"3"_s});
        m_sim.setThrowException(false);
        QCOMPARE(exception.exitCode, 4);
        QVERIFY2(exception.err.contains("unreachable"), exception.err.constData());
        QVERIFY(!exception.err.contains("\tat "));
    }

    void cannotTalkExitsWithThree()
    {
        m_sim.setAnswerHtml(true);
        const CliRun html = run(connection(m_sim) + QStringList{u"run-task"_s, u"3"_s});
        m_sim.setAnswerHtml(false);
        QCOMPARE(html.exitCode, 3);
        QVERIFY2(html.err.contains("HTML"), html.err.constData());

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        const CliRun refused = run(
            {u"--backend"_s, u"dinky"_s, u"--url"_s, url, u"run-task"_s, u"3"_s, u"--timeout"_s, u"5"_s});
        QCOMPARE(refused.exitCode, 3);
    }

    void passwordLoginWarnsAndSendsTheTenant()
    {
        const CliRun listed = JobDeck::Test::runCli(
            connection(m_sim)
                + QStringList{u"--user"_s, User, u"--tenant"_s, u"5"_s, u"status"_s, u"task/3"_s},
            {{u"JOBDECK_PASSWORD"_s, Password}});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        // Dinky allows one session per user: the CLI says so on stderr.
        QVERIFY2(listed.err.contains("one session per user"), listed.err.constData());
        QVERIFY(!listed.err.contains(Password.toUtf8()));
        QCOMPARE(m_sim.requests(u"login"_s).constLast().tenantCookie, QByteArray("5"));
        QCOMPARE(m_sim.lastRequest().tenantCookie, QByteArray("5"));
        QCOMPARE(m_sim.lastRequest().languageCookie.isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestCliDinky)
#include "tst_cli_dinky.moc"
