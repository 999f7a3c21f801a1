// jobdeck-cli as scripts run it: a separate process, talking to the Linkis simulator on
// loopback, judged by its output and exit code (../shared/cli-contract.md).
#include "linkis/linkissimulator.h"
#include "support/clirun.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using JobDeck::Sim::LinkisSimulator;

namespace {

const QString User = QStringLiteral("bob");
const QString Password = QStringLiteral("pa55-word");

using Run = JobDeck::Test::CliRun;

// The Linkis password in the environment unless told otherwise.
Run runCli(const QStringList &arguments,
           const QByteArray &password = Password.toUtf8(),
           const QByteArray &stdinData = {})
{
    return JobDeck::Test::runCli(
        arguments, {{QStringLiteral("JOBDECK_PASSWORD"), QString::fromUtf8(password)}}, stdinData);
}

QStringList connection(const LinkisSimulator &sim)
{
    return {QStringLiteral("--backend"),
            QStringLiteral("linkis"),
            QStringLiteral("--url"),
            sim.baseUrl().toString(),
            QStringLiteral("--user"),
            User,
            QStringLiteral("--interval"),
            QStringLiteral("0.02")};
}

QString writeScript(const QTemporaryDir &dir, const QString &name, const QString &directives)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QString(u"--sim " + directives + u"\nselect count(*) from events;\n").toUtf8());
    return path;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private:
    LinkisSimulator m_sim;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sim.listen());
        m_sim.addUser(User, Password);
    }

    void submitFollowJsonPrintsEveryLineOnce()
    {
        const QString script
            = writeScript(m_dir,
                          QStringLiteral("ok.sql"),
                          QStringLiteral("lines=2500 linesPerSecond=5000 states=Running:300,Succeed"));
        const Run run = runCli(
            connection(m_sim)
            + QStringList{
                QStringLiteral("--json"), QStringLiteral("submit"), script, QStringLiteral("--follow")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.events.isEmpty());
        QCOMPARE(run.events.first().value(u"event").toString(), QStringLiteral("submitted"));
        QCOMPARE(run.events.first().value(u"backend").toString(), QStringLiteral("linkis"));
        const QString job = run.events.first().value(u"job").toString();
        QVERIFY(job.startsWith(u"exec_id"));
        qint64 expected = 1;
        int finished = 0;
        QStringList states;
        for (const QJsonObject &event : run.events) {
            const QString kind = event.value(u"event").toString();
            QCOMPARE(event.value(u"job").toString(), job);
            if (kind == u"log") {
                QCOMPARE(event.value(u"n").toInteger(), expected); // 1, 2, 3, ... no gap, no repeat
                ++expected;
            } else if (kind == u"finished") {
                ++finished;
                QCOMPARE(event.value(u"state").toString(), QStringLiteral("succeeded"));
                QCOMPARE(event.value(u"raw").toString(), QStringLiteral("Succeed"));
            } else if (kind == u"status") {
                states.append(event.value(u"raw").toString());
            } else if (kind == u"progress") {
                const double progress = event.value(u"progress").toDouble(-1);
                QVERIFY(progress >= 0 && progress <= 1);
            }
        }
        QCOMPARE(finished, 1);
        QCOMPARE(run.events.last().value(u"event").toString(), QStringLiteral("finished"));
        QCOMPARE(expected - 1, 2501); // 2,500 log lines, the first of them two text lines
        QVERIFY(states.contains(QStringLiteral("Running")));
        // The password went through the environment, never onto the command line or out.
        QVERIFY(!run.out.contains(Password.toUtf8()));
        QVERIFY(!run.err.contains(Password.toUtf8()));
    }

    void failedJobExitsWithOne()
    {
        const QString script = writeScript(
            m_dir,
            QStringLiteral("bad.sql"),
            QStringLiteral("lines=10 states=Running:100,Failed error=\"Table events not found\""));
        const Run run = runCli(connection(m_sim)
                               + QStringList{QStringLiteral("submit"), script, QStringLiteral("--follow")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("Table events not found"), run.err.constData());
        QVERIFY(run.out.contains("line 10 of 10"));
    }

    void cannotTalkExitsWithThree_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html") << QStringLiteral("html") << QStringLiteral("HTML");
        QTest::newRow("refused") << QStringLiteral("refused") << QStringLiteral("refused");
        QTest::newRow("wrong password")
            << QStringLiteral("password") << QStringLiteral("Login as bob failed");
    }

    void cannotTalkExitsWithThree()
    {
        QFETCH(QString, fault);
        QFETCH(QString, mentions);
        const QString script = writeScript(m_dir, QStringLiteral("any.sql"), QStringLiteral("lines=3"));
        QStringList args = connection(m_sim);
        QByteArray password = Password.toUtf8();
        QTcpServer probe;
        if (fault == u"html") {
            m_sim.setAnswerHtml(true);
        } else if (fault == u"refused") {
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            args[3] = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
            probe.close();
        } else {
            password = "wrong";
        }
        const Run run = runCli(args
                                   + QStringList{QStringLiteral("--json"),
                                                 QStringLiteral("submit"),
                                                 script,
                                                 QStringLiteral("--follow")},
                               password);
        m_sim.setAnswerHtml(false);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
        QVERIFY(!run.events.isEmpty());
        QCOMPARE(run.events.last().value(u"event").toString(), QStringLiteral("error"));
    }

    void passwordFromStdin()
    {
        const QString script = writeScript(
            m_dir, QStringLiteral("stdin.sql"), QStringLiteral("lines=3 states=Running:20,Succeed"));
        const Run run
            = runCli(connection(m_sim)
                         + QStringList{QStringLiteral("--password-stdin"), QStringLiteral("submit"), script},
                     QByteArray(),
                     Password.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.trimmed().startsWith("exec_id"));
    }

    void statusLogKillAndList()
    {
        const QString script
            = writeScript(m_dir,
                          QStringLiteral("long.sql"),
                          QStringLiteral("lines=40 linesPerSecond=400 states=Running:600000,Succeed"));
        const Run submitted = runCli(connection(m_sim) + QStringList{QStringLiteral("submit"), script});
        QCOMPARE(submitted.exitCode, 0);
        const QString job = QString::fromUtf8(submitted.out.trimmed());

        QTest::qWait(300);
        const Run status = runCli(connection(m_sim)
                                  + QStringList{QStringLiteral("--json"), QStringLiteral("status"), job});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QCOMPARE(status.events.size(), 1);
        QCOMPARE(status.events.first().value(u"state").toString(), QStringLiteral("running"));
        QVERIFY(status.events.first().value(u"taskId").toInteger() > 0); // remembered from submit

        const Run log = runCli(
            connection(m_sim)
            + QStringList{QStringLiteral("log"), job, QStringLiteral("--from"), QStringLiteral("3")});
        QCOMPARE(log.exitCode, 0);
        QVERIFY(!log.out.contains("Your job is accepted")); // lines 1 and 2 skipped
        QVERIFY(log.out.contains("line 2 of 40"));

        const Run killed = runCli(connection(m_sim) + QStringList{QStringLiteral("kill"), job});
        QVERIFY2(killed.exitCode == 0, killed.err.constData());
        QVERIFY(killed.out.contains("killed"));

        const Run followed
            = runCli(connection(m_sim) + QStringList{QStringLiteral("log"), job, QStringLiteral("--follow")});
        QCOMPARE(followed.exitCode, 1); // cancelled
        QVERIFY(followed.out.contains("Your job is accepted"));

        const Run list = runCli(connection(m_sim)
                                + QStringList{QStringLiteral("--json"),
                                              QStringLiteral("list"),
                                              QStringLiteral("--limit"),
                                              QStringLiteral("2"),
                                              QStringLiteral("--status"),
                                              QStringLiteral("cancelled")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY(list.events.size() >= 2);
        QCOMPARE(list.events.first().value(u"job").toString(), job); // newest first
        QCOMPARE(list.events.first().value(u"state").toString(), QStringLiteral("cancelled"));
        QCOMPARE(list.events.last().value(u"event").toString(), QStringLiteral("page"));
    }

    // --level and --grep keep the lines' own numbers; every JSON log event names its level.
    void logLevelAndGrep()
    {
        const QString script
            = writeScript(m_dir,
                          QStringLiteral("levels.sql"),
                          QStringLiteral("lines=250 linesPerSecond=100000 states=Running:50,Succeed"));
        const Run submitted = runCli(
            connection(m_sim)
            + QStringList{
                QStringLiteral("--json"), QStringLiteral("submit"), script, QStringLiteral("--follow")});
        QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
        const QString job = submitted.events.value(0).value(u"job").toString();
        QVERIFY(!job.isEmpty());
        const auto log = [&](const QStringList &options) {
            return runCli(connection(m_sim)
                          + QStringList{QStringLiteral("--json"), QStringLiteral("log"), job} + options);
        };

        // The simulator's line k (its first is two lines) is WARN when k is a multiple of 10,
        // ERROR of 100, and the CLI's n is k + 1.
        const Run all = log({});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QList<QJsonObject> lines = all.eventsNamed(QStringLiteral("log"));
        QCOMPARE(lines.size(), 251);
        QMap<QString, int> levels;
        for (const QJsonObject &line : lines)
            ++levels[line.value(u"level").toString(QStringLiteral("(none)"))];
        QCOMPARE(levels,
                 (QMap<QString, int>{{QStringLiteral("info"), 226},
                                     {QStringLiteral("warn"), 23},
                                     {QStringLiteral("error"), 2}}));

        const Run warn = log({QStringLiteral("--level"), QStringLiteral("warn")});
        QVERIFY2(warn.exitCode == 0, warn.err.constData());
        const QList<QJsonObject> warnings = warn.eventsNamed(QStringLiteral("log"));
        QCOMPARE(warnings.size(), 25);
        for (qsizetype i = 0; i < warnings.size(); ++i) {
            const int k = int(10 * (i + 1));
            QCOMPARE(warnings[i].value(u"n").toInteger(), k + 1);
            QVERIFY(warnings[i].value(u"line").toString().endsWith(QStringLiteral(" line %1 of 250").arg(k)));
            QCOMPARE(warnings[i].value(u"level").toString(),
                     k % 100 == 0 ? QStringLiteral("error") : QStringLiteral("warn"));
        }

        const Run grep = log({QStringLiteral("--grep"), QStringLiteral("line 1[0-9]0 of")});
        QVERIFY2(grep.exitCode == 0, grep.err.constData());
        QList<qint64> numbers;
        for (const QJsonObject &line : grep.eventsNamed(QStringLiteral("log")))
            numbers.append(line.value(u"n").toInteger());
        QCOMPARE(numbers, (QList<qint64>{101, 111, 121, 131, 141, 151, 161, 171, 181, 191}));

        const Run both = runCli(connection(m_sim)
                                + QStringList{QStringLiteral("log"),
                                              job,
                                              QStringLiteral("--level"),
                                              QStringLiteral("ERROR"),
                                              QStringLiteral("--grep"),
                                              QStringLiteral("line 1[0-9]0 of")});
        QVERIFY2(both.exitCode == 0, both.err.constData());
        QCOMPARE(both.out.count('\n'), 1);
        QVERIFY(both.out.trimmed().endsWith(" line 100 of 250"));

        QCOMPARE(log({QStringLiteral("--level"), QStringLiteral("loud")}).exitCode, 2);
        const Run badRegex = log({QStringLiteral("--grep"), QStringLiteral("line (")});
        QCOMPARE(badRegex.exitCode, 2);
        QVERIFY2(badRegex.err.contains("--grep"), badRegex.err.constData());
        QCOMPARE(runCli(connection(m_sim)
                        + QStringList{QStringLiteral("status"),
                                      job,
                                      QStringLiteral("--level"),
                                      QStringLiteral("warn")})
                     .exitCode,
                 2);
    }

    void results()
    {
        const QString script = writeScript(m_dir,
                                           QStringLiteral("results.sql"),
                                           QStringLiteral("results=2 rows=4 states=Running:20,Succeed"));
        const Run run = runCli(connection(m_sim)
                               + QStringList{QStringLiteral("submit"), script, QStringLiteral("--follow")});
        QCOMPARE(run.exitCode, 0);
        const QString job = QString::fromUtf8(run.err.split('\n').first()).section(u' ', 1);
        const QString output = m_dir.filePath(QStringLiteral("out.csv"));
        const Run results
            = runCli(connection(m_sim)
                     + QStringList{QStringLiteral("results"), job, QStringLiteral("--output"), output});
        QVERIFY2(results.exitCode == 0, results.err.constData());
        for (const QString &path : {output, m_dir.filePath(QStringLiteral("out_2.csv"))}) {
            QFile csv(path);
            QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(path));
            const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
            QCOMPARE(lines.size(), 5); // header and 4 rows
        }
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("password on the command line")
            << QStringList{QStringLiteral("--password"), QStringLiteral("x"), QStringLiteral("list")}
            << QStringLiteral("password");
        QTest::newRow("kylin command on linkis")
            << QStringList{QStringLiteral("pause"), QStringLiteral("j1")} << QStringLiteral("pause");
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("status"), QStringLiteral("j1"), QStringLiteral("--follow")}
            << QStringLiteral("--follow");
        QTest::newRow("bad since") << QStringList{QStringLiteral("list"),
                                                  QStringLiteral("--since"),
                                                  QStringLiteral("soon")}
                                   << QStringLiteral("--since");
        // Out of range: no overflow into a negative interval (a follow that never polls).
        QTest::newRow("huge since") << QStringList{QStringLiteral("list"),
                                                   QStringLiteral("--since"),
                                                   QStringLiteral("99999999999999w")}
                                    << QStringLiteral("--since");
        QTest::newRow("huge timeout")
            << QStringList{QStringLiteral("--timeout"), QStringLiteral("3e9"), QStringLiteral("list")}
            << QStringLiteral("--timeout");
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const bool needsConnection = !arguments.isEmpty() && arguments.first() != u"--password";
        const Run run = runCli((needsConnection ? connection(m_sim) : QStringList{}) + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    }

    void unknownJobIsARefusal()
    {
        const Run run = runCli(
            connection(m_sim) + QStringList{QStringLiteral("status"), QStringLiteral("exec_id_no_such_job")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
