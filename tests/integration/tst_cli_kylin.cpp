// jobdeck-cli against the Kylin simulator: a separate process, judged by its output, its
// --json events and its exit codes (../shared/cli-contract.md).
#include "kylin/kylinsimulator.h"
#include "support/clirun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

using JobDeck::Sim::KylinSimulator;
using Flavour = KylinSimulator::Flavour;
using Run = JobDeck::Test::CliRun;

namespace {

const QString User = QStringLiteral("ADMIN");
const QString Password = QStringLiteral("KYLIN");
const QString Project = QStringLiteral("learn_kylin");
constexpr qint64 Hour = 3600 * 1000;

Run runCli(const QStringList &arguments, const QString &password = Password)
{
    return JobDeck::Test::runCli(arguments, {{QStringLiteral("JOBDECK_PASSWORD"), password}});
}

QStringList connection(const KylinSimulator &sim)
{
    return {QStringLiteral("--backend"),
            QStringLiteral("kylin"),
            QStringLiteral("--url"),
            sim.baseUrl().toString(),
            QStringLiteral("--user"),
            User,
            QStringLiteral("--project"),
            Project,
            QStringLiteral("--interval"),
            QStringLiteral("0.05")};
}

std::unique_ptr<KylinSimulator> start(Flavour flavour)
{
    KylinSimulator::Options options;
    options.flavour = flavour;
    auto sim = std::make_unique<KylinSimulator>(options);
    sim->addUser(User, Password);
    if (!sim->listen())
        qFatal("cannot listen: %s", qPrintable(sim->errorString()));
    return sim;
}

KylinSimulator::JobSpec history(const QString &status, qint64 ageMs = Hour)
{
    KylinSimulator::JobSpec spec;
    spec.status = status;
    spec.ageMs = ageMs;
    return spec;
}

KylinSimulator::JobSpec running()
{
    KylinSimulator::JobSpec spec;
    spec.pendingMs = 0;
    spec.stepMs = 600000;
    return spec;
}

QString explain(const Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000)));
}

void addFlavours()
{
    QTest::addColumn<Flavour>("flavour");
    QTest::newRow("2.1") << Flavour::V2_1;
    QTest::newRow("3.x") << Flavour::V3;
    QTest::newRow("5.x") << Flavour::V5;
}

} // namespace

class TestCliKylin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listWithFilters_data() { addFlavours(); }

    void listWithFilters()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        for (int i = 0; i < 25; ++i)
            sim->addJob(history(QStringLiteral("FINISHED"), Hour + i * 60000));
        sim->addJob(history(QStringLiteral("ERROR"), 30 * Hour));
        sim->addJob(history(QStringLiteral("FINISHED"), 20 * 24 * Hour));

        const Run run = runCli(connection(*sim)
                               + QStringList{QStringLiteral("--json"),
                                             QStringLiteral("list"),
                                             QStringLiteral("--status"),
                                             QStringLiteral("FINISHED"),
                                             QStringLiteral("--since"),
                                             QStringLiteral("2d"),
                                             QStringLiteral("--limit"),
                                             QStringLiteral("10"),
                                             QStringLiteral("--page"),
                                             QStringLiteral("3")});
        QVERIFY2(run.exitCode == 0, qPrintable(explain(run)));
        const QList<QJsonObject> jobs = run.eventsNamed(QStringLiteral("job"));
        QCOMPARE(jobs.size(), 5); // 25 finished in the last week, third page of 10
        for (const QJsonObject &job : jobs) {
            QCOMPARE(job.value(u"state").toString(), QStringLiteral("succeeded"));
            QCOMPARE(job.value(u"raw").toString(), QStringLiteral("FINISHED"));
        }
        const QList<QJsonObject> pages = run.eventsNamed(QStringLiteral("page"));
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages.first().value(u"page").toInt(), 3);
        if (flavour == Flavour::V3)
            QVERIFY(!pages.first().contains(u"total")); // a bare v1 array has no total
        else
            QCOMPARE(pages.first().value(u"total").toInt(), 25);

        const QUrlQuery sent = sim->listQueries().last();
        QCOMPARE(sent.queryItemValue(QStringLiteral("projectName")), Project);
        QCOMPARE(sent.allQueryItemValues(QStringLiteral("status")), QStringList{QStringLiteral("4")});
        // 2 days: LAST_ONE_WEEK, one higher on 3.x-4.x.
        QCOMPARE(sent.queryItemValue(QStringLiteral("timeFilter")),
                 flavour == Flavour::V3 ? QStringLiteral("2") : QStringLiteral("1"));
    }

    void statusStepsAndStepOutput()
    {
        auto sim = start(Flavour::V2_1);
        const QString uuid = sim->addJob(history(QStringLiteral("FINISHED")));

        const Run status = runCli(connection(*sim)
                                  + QStringList{QStringLiteral("--json"), QStringLiteral("status"), uuid});
        QVERIFY2(status.exitCode == 0, qPrintable(explain(status)));
        const QList<QJsonObject> states = status.eventsNamed(QStringLiteral("status"));
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.first().value(u"job").toString(), uuid);
        QCOMPARE(states.first().value(u"state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(states.first().value(u"raw").toString(), QStringLiteral("FINISHED"));

        const Run steps
            = runCli(connection(*sim) + QStringList{QStringLiteral("--json"), QStringLiteral("steps"), uuid});
        QVERIFY2(steps.exitCode == 0, qPrintable(explain(steps)));
        const QList<QJsonObject> rows = steps.eventsNamed(QStringLiteral("step"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).value(u"name").toString(), QStringLiteral("Create Intermediate Flat Hive Table"));
        QCOMPARE(rows.at(2).value(u"name").toString(), QStringLiteral("Update Cube Info"));
        for (const QJsonObject &row : rows) {
            QCOMPARE(row.value(u"raw").toString(), QStringLiteral("FINISHED"));
            QVERIFY(row.contains(u"started"));
            QVERIFY(row.contains(u"ended"));
        }

        // No progress call in Kylin: the job's percentage and its steps answer `progress`.
        const Run progress = runCli(
            connection(*sim) + QStringList{QStringLiteral("--json"), QStringLiteral("progress"), uuid});
        QVERIFY2(progress.exitCode == 0, qPrintable(explain(progress)));
        const QList<QJsonObject> reports = progress.eventsNamed(QStringLiteral("progress"));
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().value(u"progress").toDouble(), 1.0);
        QCOMPARE(reports.first().value(u"steps").toArray().size(), 3);

        const Run output = runCli(connection(*sim)
                                  + QStringList{QStringLiteral("step-output"), uuid, QStringLiteral("1")});
        QVERIFY2(output.exitCode == 0, qPrintable(explain(output)));
        QCOMPARE(output.out,
                 QByteArray("kylin_sales_cube step 1 line 1 of 3\n"
                            "kylin_sales_cube step 1 line 2 of 3\n"
                            "kylin_sales_cube step 1 line 3 of 3\n"));
        const Run byId
            = runCli(connection(*sim)
                     + QStringList{QStringLiteral("step-output"), uuid, uuid + QStringLiteral("-02")});
        QVERIFY2(byId.exitCode == 0, qPrintable(explain(byId)));
        QVERIFY(byId.out.startsWith("kylin_sales_cube step 2 line 1 of 3\n"));
        const Run missing = runCli(connection(*sim)
                                   + QStringList{QStringLiteral("step-output"), uuid, QStringLiteral("9")});
        QCOMPARE(missing.exitCode, 4);

        const Run unknown
            = runCli(connection(*sim) + QStringList{QStringLiteral("status"), QStringLiteral("no-such-job")});
        QCOMPARE(unknown.exitCode, 4);
        QVERIFY2(unknown.err.contains("Cannot find job no-such-job"), qPrintable(explain(unknown)));
    }

    void jobActions_data() { addFlavours(); }

    void jobActions()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        const QString uuid = sim->addJob(running());
        QTRY_COMPARE_WITH_TIMEOUT(sim->jobStatus(uuid), QStringLiteral("RUNNING"), 10000);

        const auto act = [&](const QString &action) {
            return runCli(connection(*sim) + QStringList{QStringLiteral("--json"), action, uuid});
        };
        // Dropping a running job: the server refuses, with its reason; exit 4.
        const Run early = act(QStringLiteral("drop"));
        QCOMPARE(early.exitCode, 4);
        QVERIFY2(early.err.contains("Cannot drop running job"), qPrintable(explain(early)));
        QVERIFY(!early.err.contains("\tat "));
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("RUNNING"));

        const Run paused = act(QStringLiteral("pause"));
        QVERIFY2(paused.exitCode == 0, qPrintable(explain(paused)));
        QCOMPARE(paused.eventsNamed(QStringLiteral("status")).last().value(u"raw").toString(),
                 QStringLiteral("STOPPED"));
        QCOMPARE(paused.eventsNamed(QStringLiteral("status")).last().value(u"state").toString(),
                 QStringLiteral("paused"));
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("STOPPED"));

        const Run resumed = act(QStringLiteral("resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(explain(resumed)));
        QVERIFY(sim->jobStatus(uuid) == u"PENDING" || sim->jobStatus(uuid) == u"RUNNING");

        const Run killed = act(QStringLiteral("kill"));
        QVERIFY2(killed.exitCode == 0, qPrintable(explain(killed)));
        QCOMPARE(sim->jobStatus(uuid), QStringLiteral("DISCARDED"));

        const Run dropped = act(QStringLiteral("drop"));
        QVERIFY2(dropped.exitCode == 0, qPrintable(explain(dropped)));
        QCOMPARE(dropped.eventsNamed(QStringLiteral("dropped")).size(), 1);
        QCOMPARE(sim->jobStatus(uuid), QString());
    }

    void followToTheEnd_data() { addFlavours(); }

    void followToTheEnd()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        KylinSimulator::JobSpec spec;
        spec.pendingMs = 1500; // the CLI starts while it waits, even on a loaded machine
        spec.stepMs = 500;
        const QString uuid = sim->addJob(spec);
        const Run run = runCli(
            connection(*sim)
            + QStringList{QStringLiteral("--json"), QStringLiteral("log"), uuid, QStringLiteral("--follow")});
        QVERIFY2(run.exitCode == 0, qPrintable(explain(run)));
        const QStringList raws = [&] {
            QStringList seen;
            for (const QJsonObject &event : run.eventsNamed(QStringLiteral("status")))
                seen.append(event.value(u"raw").toString());
            return seen;
        }();
        QVERIFY2(raws.contains(u"RUNNING"), qPrintable(raws.join(u',')));
        const QList<QJsonObject> lines = run.eventsNamed(QStringLiteral("log"));
        QCOMPARE(lines.size(), 12); // 3 steps: a header and 3 lines each
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).value(u"n").toInteger(), i + 1);
        QCOMPARE(lines.first().value(u"line").toString(),
                 QStringLiteral("== 0. Create Intermediate Flat Hive Table (FINISHED) =="));
        QCOMPARE(lines.last().value(u"line").toString(),
                 QStringLiteral("kylin_sales_cube step 2 line 3 of 3"));
        const QList<QJsonObject> finished = run.eventsNamed(QStringLiteral("finished"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().value(u"state").toString(), QStringLiteral("succeeded"));
        QCOMPARE(finished.first().value(u"raw").toString(), QStringLiteral("FINISHED"));
        QCOMPARE(run.events.last().value(u"event").toString(), QStringLiteral("finished"));
    }

    void followADiscardedJob()
    {
        auto sim = start(Flavour::V2_1);
        KylinSimulator::JobSpec spec;
        spec.pendingMs = 0;
        spec.stepMs = 700;
        const QString uuid = sim->addJob(spec);
        // Someone discards it from the web console while the CLI follows it.
        QTimer::singleShot(1000, sim.get(), [&] { QVERIFY(sim->discardJob(uuid)); });
        const Run run = runCli(
            connection(*sim)
            + QStringList{QStringLiteral("--json"), QStringLiteral("log"), uuid, QStringLiteral("--follow")});
        QCOMPARE(run.exitCode, 1);
        const QList<QJsonObject> finished = run.eventsNamed(QStringLiteral("finished"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().value(u"state").toString(), QStringLiteral("cancelled"));
        QCOMPARE(finished.first().value(u"raw").toString(), QStringLiteral("DISCARDED"));
        const QList<QJsonObject> lines = run.eventsNamed(QStringLiteral("log"));
        QVERIFY(!lines.isEmpty());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).value(u"n").toInteger(), i + 1);
        QCOMPARE(lines.last().value(u"line").toString(),
                 QStringLiteral("== 2. Update Cube Info (DISCARDED) =="));
    }

    void wrongPassword_data() { addFlavours(); }

    void wrongPassword()
    {
        QFETCH(Flavour, flavour);
        auto sim = start(flavour);
        const Run run
            = runCli(connection(*sim) + QStringList{QStringLiteral("list")}, QStringLiteral("nope"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("ADMIN"), qPrintable(explain(run)));
        QVERIFY(!run.err.contains("<html"));
    }

    void serverErrorShowsItsMessage()
    {
        auto sim = start(Flavour::V2_1);
        sim->setServerError(true);
        const Run run = runCli(connection(*sim) + QStringList{QStringLiteral("list")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(KylinSimulator::serverErrorMessage().toUtf8()), qPrintable(explain(run)));
        QVERIFY(!run.err.contains("ExecutableDao"));
    }
};

QTEST_GUILESS_MAIN(TestCliKylin)
#include "tst_cli_kylin.moc"
