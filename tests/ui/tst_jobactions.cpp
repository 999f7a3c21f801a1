// The console's job actions and step timeline against a backend whose capabilities the test
// chooses: every job action is in sight; what the backend cannot do is disabled with a
// tooltip that says why, the rest enabled from Backend::availableActions for the selected
// job; the timeline shows the job's steps. Then the same through the Kylin adapter and its
// simulator, end to end.
#include "common/emptystate.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "jobactions/jobcommands.h"
#include "joblist/joblistpanel.h"
#include "jobs/joblistmodel.h"
#include "logview/logdock.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "mainwindow/mainwindow.h"
#include "session/session.h"
#include "timeline/stepspanel.h"
#include "timeline/steptimeline.h"
#include "timeline/timelineview.h"

#include "dinky/dinkysimulator.h"
#include "kylin/kylinsimulator.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace JobDeck;

namespace {

// Answers at once from a table of jobs; records the actions asked for.
class FakeBackend final : public Backend
{
public:
    FakeBackend(const Capabilities &caps, const QList<Job> &jobs)
        : m_caps(caps)
    {
        for (const Job &job : jobs)
            m_jobs.insert(job.id, job);
    }

    QStringList calls;

    QString kind() const override { return QStringLiteral("fake"); }
    Capabilities capabilities() const override { return m_caps; }
    int defaultPollIntervalMs() const override { return 50; }
    void setLanguage(Language) override {}
    Pending<bool> *connectToServer() override { return answer<bool>(true); }
    Pending<bool> *disconnectFromServer() override { return answer<bool>(true); }
    Pending<Job> *lookup(const QString &id) override { return jobAnswer(id); }
    Pending<Job> *submit(const SubmitRequest &) override { return refuse<Job>(); }
    Pending<Job> *refresh(const Job &job) override { return jobAnswer(job.id); }
    Pending<ProgressReport> *progress(const Job &) override { return answer(ProgressReport{}); }
    Pending<LogPage> *log(const Job &, const LogCursor &from, int) override
    {
        LogPage page;
        page.next = from;
        return answer(page);
    }
    Pending<Job> *details(const Job &job) override
    {
        calls << u"details " + job.id;
        return jobAnswer(job.id);
    }
    Pending<JobPage> *list(const ListQuery &) override
    {
        JobPage page;
        page.jobs = m_jobs.values();
        return answer(page);
    }
    Pending<QString> *kill(const Job &job) override
    {
        calls << u"kill " + job.id;
        m_jobs[job.id].state = JobState::Cancelled;
        return answer(QStringLiteral("killed"));
    }
    Pending<QList<ResultSetRef>> *resultSets(const Job &) override { return answer(QList<ResultSetRef>{}); }
    Pending<ResultPage> *resultPage(const ResultSetRef &, int, int) override { return answer(ResultPage{}); }
    Pending<Job> *pause(const Job &job) override
    {
        calls << u"pause " + job.id;
        m_jobs[job.id].state = JobState::Paused;
        m_jobs[job.id].rawStatus = QStringLiteral("STOPPED");
        return jobAnswer(job.id);
    }
    Pending<Job> *resume(const Job &job) override
    {
        calls << u"resume " + job.id;
        m_jobs[job.id].state = JobState::Running;
        m_jobs[job.id].rawStatus = QStringLiteral("RUNNING");
        return jobAnswer(job.id);
    }
    Pending<QString> *drop(const Job &job) override
    {
        calls << u"drop " + job.id;
        m_jobs.remove(job.id);
        return answer(QStringLiteral("dropped"));
    }
    Pending<qint64> *exportLineage(const Job &job, const LineageRequest &request, QIODevice *sink) override
    {
        if (job.id == u"J-broken") {
            sink->write("partial"); // what a real adapter never does; the file must not keep it
            return refuse<qint64>();
        }
        const QByteArray bytes = request.format == LineageFormat::Csv ? QByteArray("source,target\na,b\n")
                                                                      : QByteArray("{\"relations\":[]}");
        return answer<qint64>(sink->write(bytes));
    }
    Pending<QString> *stepOutput(const Job &job, const QString &stepId) override
    {
        calls << u"stepOutput " + job.id + u' ' + stepId;
        return answer(QString(u"output of " + stepId));
    }

private:
    template<typename T>
    Pending<T> *answer(T value)
    {
        auto *call = new Pending<T>(this);
        call->finish(std::move(value));
        return call;
    }
    template<typename T>
    Pending<T> *refuse()
    {
        auto *call = new Pending<T>(this);
        call->finish(failure(BackendError::Kind::Refused, QStringLiteral("no")));
        return call;
    }
    Pending<Job> *jobAnswer(const QString &id)
    {
        if (!m_jobs.contains(id))
            return refuse<Job>();
        return answer(m_jobs.value(id));
    }

    Capabilities m_caps;
    QMap<QString, Job> m_jobs;
};

QDateTime at(int minute, int second = 0)
{
    return QDateTime(QDate(2026, 3, 1), QTime(10, minute, second), QTimeZone::UTC);
}

Job job(const QString &id, JobState state, int minute)
{
    Job j;
    j.backend = QStringLiteral("fake");
    j.id = id;
    j.state = state;
    j.rawStatus = jobStateName(state).toUpper();
    j.submitted = at(minute);
    j.script = u"job " + id;
    return j;
}

QList<JobStep> threeSteps()
{
    JobStep extract{QStringLiteral("s1"),
                    QStringLiteral("Extract"),
                    JobState::Succeeded,
                    QStringLiteral("FINISHED"),
                    at(1),
                    at(3),
                    {}};
    JobStep build{QStringLiteral("s2"),
                  QStringLiteral("Build cube"),
                  JobState::Running,
                  QStringLiteral("RUNNING"),
                  at(3),
                  {},
                  {}};
    JobStep publish{QStringLiteral("s3"),
                    QStringLiteral("Publish"),
                    JobState::Queued,
                    QStringLiteral("PENDING"),
                    {},
                    {},
                    {}};
    return {extract, build, publish};
}

Capabilities kylinLike()
{
    Capabilities caps;
    caps.kill = caps.pause = caps.resume = caps.drop = caps.steps = caps.history = caps.log = true;
    return caps;
}

void selectJob(MainWindow &window, const QString &id)
{
    QTableView *table = window.jobListPanel()->view();
    auto *proxy = table->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, JobListModel::JobColumn);
        if (index.data(JobListModel::KeyRole).value<JobKey>().id == id) {
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(u"no row for " + id));
}

QAction *command(MainWindow &window, JobCommands::Command which)
{
    return window.jobCommands()->action(which);
}

// In sight, disabled, and its tooltip says why: `reason` is part of what it says.
bool offeredButRefused(QAction *action, const QString &reason)
{
    if (!action->isVisible() || action->isEnabled() || !action->toolTip().contains(reason)) {
        qWarning("%s: visible %d, enabled %d, tooltip \"%s\", expected a reason with \"%s\"",
                 qPrintable(action->objectName()),
                 action->isVisible(),
                 action->isEnabled(),
                 qPrintable(action->toolTip()),
                 qPrintable(reason));
        return false;
    }
    return true;
}

ConnectionProfile fakeProfile(const QString &name)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.kind = QStringLiteral("fake");
    return profile;
}

} // namespace

class TestJobActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionsFollowCapabilitiesAndTheJobsState()
    {
        Job running = job(QStringLiteral("J-run"), JobState::Running, 5);
        running.steps = threeSteps();
        const Job finished = job(QStringLiteral("J-done"), JobState::Succeeded, 2);
        auto backend = std::make_unique<FakeBackend>(kylinLike(), QList<Job>{running, finished});
        FakeBackend *fake = backend.get();
        Console console;
        QAbstractItemModelTester tester(console.jobs(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        MainWindow window(nullptr, &console);
        QAbstractItemModelTester viewTester(window.jobListPanel()->view()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *session = new Session(std::move(backend), fakeProfile(QStringLiteral("fake")));
        console.addSession(session);
        QCOMPARE(console.session(QStringLiteral("fake")), session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE(session->state(), Session::State::Ready);
        QTRY_COMPARE(session->jobCount(), 2);
        QCOMPARE(console.jobs()->rowCount(), 2);

        QAction *kill = command(window, JobCommands::Kill);
        QAction *pause = command(window, JobCommands::Pause);
        QAction *resume = command(window, JobCommands::Resume);
        QAction *drop = command(window, JobCommands::Drop);
        QAction *restart = command(window, JobCommands::Restart);
        QAction *savepoint = command(window, JobCommands::Savepoint);
        QAction *lineage = command(window, JobCommands::ExportLineage);
        QAction *stepOutput = window.stepsPanel()->stepOutputAction();
        // Nothing selected yet: every action in sight, none enabled, each saying what to do.
        for (QAction *action : {kill, pause, resume, drop, restart, savepoint, lineage, stepOutput})
            QVERIFY(offeredButRefused(action, QStringLiteral("Select a job")));

        selectJob(window, QStringLiteral("J-run"));
        const JobKey runKey{QStringLiteral("fake"), QStringLiteral("J-run")};
        QCOMPARE(console.currentJob(), runKey);
        QCOMPARE(window.jobListPanel()->currentJob(), runKey);
        QCOMPARE(window.jobListPanel()->selectedJobs(), QList<JobKey>{runKey});
        QVERIFY(kill->isEnabled());
        QVERIFY(pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        QVERIFY(resume->toolTip().contains(u"paused"));
        QVERIFY(!drop->isEnabled()); // only finished jobs are dropped
        QVERIFY(drop->toolTip().contains(u"finished"));
        // What this backend cannot do stays in sight, disabled, with the reason.
        QVERIFY(offeredButRefused(restart, QStringLiteral("cannot restart jobs")));
        QVERIFY(offeredButRefused(savepoint, QStringLiteral("does not take savepoints")));
        QVERIFY(offeredButRefused(lineage, QStringLiteral("does not compute lineage")));
        QVERIFY(restart->toolTip().contains(session->displayName()));

        // The steps, on the timeline.
        StepsPanel *stepsPanel = window.stepsPanel();
        StepTimeline *timeline = stepsPanel->timeline();
        QTRY_COMPARE(timeline->model().rowCount(), 3);
        QVERIFY(stepsPanel->isShowingView());
        QVERIFY(timeline->isVisible());
        const TimelineModel::Row &extract = timeline->model().row(0);
        QCOMPARE(extract.name, QStringLiteral("Extract"));
        QCOMPARE(extract.state, JobState::Succeeded);
        QVERIFY(extract.endMs > extract.startMs);
        QCOMPARE(timeline->model().row(2).endMs, -1); // still running: an open range
        QVERIFY(fake->calls.contains(u"details J-run"));

        // A step's output: a click shows it in the log pane; the menu has it for the selected step.
        QVERIFY(!stepOutput->isEnabled());
        TimelineView *steps = timeline->view();
        const QRect second = steps->barRect(1);
        QVERIFY(!second.isEmpty());
        LogDock *logDock = window.logPanel();
        QTest::mouseClick(steps->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(timeline->currentStepId(), QStringLiteral("s2"));
        QCOMPARE(console.currentStep(), QStringLiteral("s2"));
        QVERIFY(stepOutput->isEnabled());
        QTRY_VERIFY(logDock->log()->toPlainText().contains(u"output of s2"));
        QVERIFY(logDock->log()->toPlainText().contains(u"Build cube"));
        QVERIFY(logDock->isShowingStepOutput());
        QVERIFY(logDock->stepBarText().contains(u"Build cube"));
        QVERIFY(fake->calls.contains(u"stepOutput J-run s2"));
        // Back to the job's log, and the menu's Step Output shows the step again.
        auto *back = logDock->findChild<QPushButton *>(QStringLiteral("logBackToJob"));
        QVERIFY(back && back->isVisible());
        QTest::mouseClick(back, Qt::LeftButton);
        QVERIFY(!logDock->isShowingStepOutput());
        QVERIFY(!logDock->log()->toPlainText().contains(u"output of s2"));
        QVERIFY(logDock->stepBarText().isEmpty());
        stepOutput->trigger();
        QTRY_VERIFY(logDock->isShowingStepOutput());
        QVERIFY(logDock->log()->toPlainText().contains(u"output of s2"));

        // Pause: the job becomes paused, and Resume is what it allows next.
        pause->trigger();
        QTRY_COMPARE(session->job(QStringLiteral("J-run")).state, JobState::Paused);
        QVERIFY(fake->calls.contains(u"pause J-run"));
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        QVERIFY(pause->isVisible());
        resume->trigger();
        QTRY_COMPARE(session->job(QStringLiteral("J-run")).state, JobState::Running);
        QTRY_VERIFY(pause->isEnabled());

        // A finished job: no pause or kill; drop after a confirmation.
        selectJob(window, QStringLiteral("J-done"));
        const JobKey doneKey{QStringLiteral("fake"), QStringLiteral("J-done")};
        QCOMPARE(console.currentJob(), doneKey);
        QVERIFY(!pause->isEnabled());
        QVERIFY(!kill->isEnabled());
        QVERIFY(kill->toolTip().contains(u"stopped"));
        QVERIFY(drop->isEnabled());
        QVERIFY(!stepsPanel->isShowingView()); // the job has no steps: the empty state
        auto *empty = stepsPanel->findChild<EmptyState *>();
        QVERIFY(empty);
        QCOMPARE(empty, stepsPanel->emptyState());
        QVERIFY(empty->isVisible());
        QVERIFY(!empty->title().isEmpty());
        drop->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QVERIFY(question->text().contains(u"J-done"));
        QCOMPARE(session->jobCount(), 2); // nothing happens before the answer
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(session->jobCount(), 1);
        QVERIFY(fake->calls.contains(u"drop J-done"));
        QCOMPARE(session->hasJob(QStringLiteral("J-done")), false);
        QCOMPARE(console.jobs()->indexOf(doneKey).isValid(), false);
        QVERIFY(console.currentJob() != doneKey);
        QVERIFY(!window.jobListPanel()->selectedJobs().contains(doneKey));
        QVERIFY(!window.jobCommands()->selection().contains(doneKey));
        QVERIFY(!drop->isEnabled());
    }

    void lineageIsWrittenWholeOrNotAtAll()
    {
        Capabilities caps;
        caps.lineage = caps.history = true;
        auto backend = std::make_unique<FakeBackend>(
            caps,
            QList<Job>{job(QStringLiteral("J-ok"), JobState::Succeeded, 1),
                       job(QStringLiteral("J-broken"), JobState::Succeeded, 2)});
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(std::move(backend), fakeProfile(QStringLiteral("sqlflow-like")));
        console.addSession(session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE(session->jobCount(), 2);
        selectJob(window, QStringLiteral("J-ok"));
        QCOMPARE(console.currentJob(), (JobKey{QStringLiteral("sqlflow-like"), QStringLiteral("J-ok")}));
        QAction *lineage = command(window, JobCommands::ExportLineage);
        QVERIFY(lineage->isVisible());
        QVERIFY(lineage->isEnabled());
        // This backend cannot kill: in sight, disabled, and why.
        QVERIFY(offeredButRefused(command(window, JobCommands::Kill), QStringLiteral("cannot stop jobs")));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSignalSpy exported(session, &Session::lineageExported);
        QSignalSpy notices(session, &Session::notice);
        QSignalSpy consoleNotices(&console, &Console::notice);
        LineageRequest csv;
        csv.format = LineageFormat::Csv;
        session->exportLineage(QStringLiteral("J-ok"), dir.filePath(QStringLiteral("ok.csv")), csv);
        QTRY_COMPARE(exported.count(), 1);
        QFile file(dir.filePath(QStringLiteral("ok.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("source,target\na,b\n"));
        QCOMPARE(exported.at(0).at(2).toLongLong(), 18);

        // A failure leaves no file behind, and says why, on that connection.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        session->exportLineage(QStringLiteral("J-broken"), broken, LineageRequest{});
        QTRY_VERIFY(notices.count() >= 2);
        QVERIFY2(notices.last().at(0).toString().contains(u"J-broken"),
                 qPrintable(notices.last().at(0).toString()));
        QCOMPARE(consoleNotices.count(), notices.count());
        QCOMPARE(consoleNotices.last().at(0).toString(), QStringLiteral("sqlflow-like"));
        QCOMPARE(consoleNotices.last().at(1).toString(), notices.last().at(0).toString());
        QCOMPARE(exported.count(), 1);
        QVERIFY(!QFile::exists(broken));
    }

    void aKylinJobThroughTheConsole()
    {
        Sim::KylinSimulator::Options options;
        options.pendingMs = 0;
        options.stepMs = 600000; // the first step runs for the whole test
        Sim::KylinSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(QStringLiteral("ADMIN"), QStringLiteral("KYLIN"));
        const QString running = sim.addJob();
        Sim::KylinSimulator::JobSpec history;
        history.status = QStringLiteral("FINISHED");
        history.ageMs = 3600000;
        const QString finished = sim.addJob(history);

        ConnectionProfile profile;
        profile.name = QStringLiteral("kylin");
        profile.kind = QStringLiteral("kylin");
        profile.url = sim.baseUrl();
        profile.user = QStringLiteral("ADMIN");
        profile.secret = QStringLiteral("KYLIN");
        profile.requestTimeoutMs = 20000;
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        session->setListRefreshIntervalMs(200);
        console.addSession(session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session->jobCount(), 2, 20000);
        // A job started elsewhere (another console, a scheduler) shows up by itself.
        Sim::KylinSimulator::JobSpec elsewhere;
        elsewhere.status = QStringLiteral("FINISHED");
        const QString other = sim.addJob(elsewhere);
        QTRY_VERIFY_WITH_TIMEOUT(session->hasJob(other), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(console.jobs()->indexOf({QStringLiteral("kylin"), other}).isValid(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session->job(running).rawStatus, QStringLiteral("RUNNING"), 20000);

        selectJob(window, running);
        QCOMPARE(console.currentJob(), (JobKey{QStringLiteral("kylin"), running}));
        QAction *pause = command(window, JobCommands::Pause);
        QAction *resume = command(window, JobCommands::Resume);
        QAction *drop = command(window, JobCommands::Drop);
        QVERIFY(pause->isVisible() && pause->isEnabled());
        QVERIFY(resume->isVisible() && !resume->isEnabled());
        // Not a Kylin action: in sight, disabled, with the reason.
        QVERIFY(
            offeredButRefused(command(window, JobCommands::Restart), QStringLiteral("cannot restart jobs")));

        // Its three steps, the first one running.
        StepsPanel *stepsPanel = window.stepsPanel();
        StepTimeline *timeline = stepsPanel->timeline();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model().rowCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model().row(0).state, JobState::Running, 20000);
        QVERIFY(stepsPanel->isShowingView());
        TimelineView *steps = timeline->view();
        QTest::mouseClick(steps->viewport(), Qt::LeftButton, {}, steps->barRect(0).center());
        QAction *stepOutput = stepsPanel->stepOutputAction();
        QVERIFY(stepOutput->isEnabled());
        LogPanel *log = window.logPanel()->log();
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"Output of"), 20000);
        QVERIFY(window.logPanel()->isShowingStepOutput());

        pause->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(running), QStringLiteral("STOPPED"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session->job(running).state, JobState::Paused, 20000);
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        resume->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(running), QStringLiteral("RUNNING"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), 20000);

        // Drop the finished one, after the confirmation.
        selectJob(window, finished);
        QCOMPARE(console.currentJob(), (JobKey{QStringLiteral("kylin"), finished}));
        QVERIFY(drop->isEnabled());
        QVERIFY(!pause->isEnabled());
        drop->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(finished), QString(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session->hasJob(finished), false, 20000);
        QTRY_VERIFY(!console.jobs()->indexOf({QStringLiteral("kylin"), finished}).isValid());
    }

    void aDinkyTaskRunFromTheConsole()
    {
        // Dinky cannot run the editor's script; Job > Run Saved Task starts a saved task by
        // id, and the job it starts is listed and followed; cancel comes with its flags.
        Sim::DinkySimulator sim;
        QVERIFY(sim.listen());
        Sim::DinkySimulator::Task task;
        task.id = 7;
        task.name = QStringLiteral("orders_to_ods");
        task.states = {QStringLiteral("RUNNING")};
        sim.addTask(task);

        ConnectionProfile profile;
        profile.name = QStringLiteral("dinky");
        profile.kind = QStringLiteral("dinky");
        profile.url = sim.baseUrl();
        profile.requestTimeoutMs = 20000;
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        console.addSession(session);
        QCOMPARE(console.targetConnection(), QStringLiteral("dinky"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        QVERIFY(!window.workspace()->runStatementAction()->isEnabled());
        QAction *runTask = window.runTaskAction();
        QCOMPARE(runTask, window.jobCommands()->runTaskAction());
        QVERIFY(runTask->isVisible() && runTask->isEnabled());

        // The dialog asks for the id; type 7 and accept.
        QTimer::singleShot(0, this, [&window] {
            QInputDialog *ask = nullptr;
            QTRY_VERIFY((ask = window.findChild<QInputDialog *>()));
            ask->setIntValue(7);
            ask->accept();
        });
        runTask->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session->jobCount(), 1, 20000);
        const Job started = session->jobs().constFirst();
        QCOMPARE(started.ids.dinkyTaskId, 7);
        QTRY_COMPARE_WITH_TIMEOUT(session->job(started.id).rawStatus, QStringLiteral("RUNNING"), 20000);
        QCOMPARE(sim.requestCount(QStringLiteral("submitTask")), 1);

        selectJob(window, started.id);
        QCOMPARE(console.currentJob(), (JobKey{QStringLiteral("dinky"), started.id}));
        QAction *kill = command(window, JobCommands::Kill);
        QTRY_VERIFY_WITH_TIMEOUT(kill->isEnabled(), 20000);
        // Not a Dinky action: in sight, disabled, with the reason.
        QVERIFY(offeredButRefused(command(window, JobCommands::Pause), QStringLiteral("cannot pause jobs")));

        // Run Saved Task goes with the target connection: with the Dinky one closed, it goes.
        console.closeConnection(QStringLiteral("dinky"));
        QVERIFY(!runTask->isVisible());
        QVERIFY(!console.currentJob().isValid());
        QCOMPARE(window.jobListPanel()->view()->model()->rowCount(), 0);
    }

    void aBackendWithoutJobActionsOffersOnlyKill()
    {
        Capabilities caps; // what Linkis can do
        caps.submit = caps.kill = caps.log = caps.progress = caps.results = caps.history = true;
        auto backend = std::make_unique<FakeBackend>(
            caps, QList<Job>{job(QStringLiteral("L1"), JobState::Running, 1)});
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(std::move(backend), fakeProfile(QStringLiteral("linkis-like")));
        console.addSession(session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE(session->jobCount(), 1);
        // Run Saved Task is only where the target connection's server has saved tasks.
        QVERIFY(!window.runTaskAction()->isVisible());
        selectJob(window, QStringLiteral("L1"));
        const JobKey key{QStringLiteral("linkis-like"), QStringLiteral("L1")};
        QCOMPARE(console.currentJob(), key);
        QAction *kill = command(window, JobCommands::Kill);
        QVERIFY(kill->isVisible());
        QVERIFY(kill->isEnabled());
        const QList<std::pair<JobCommands::Command, QString>> refused{
            {JobCommands::Pause, QStringLiteral("cannot pause jobs")},
            {JobCommands::Resume, QStringLiteral("cannot resume jobs")},
            {JobCommands::Drop, QStringLiteral("does not remove jobs")},
            {JobCommands::Restart, QStringLiteral("cannot restart jobs")},
            {JobCommands::Savepoint, QStringLiteral("does not take savepoints")},
            {JobCommands::RefreshState, QStringLiteral("has no forced refresh")},
            {JobCommands::ExportLineage, QStringLiteral("does not compute lineage")}};
        for (const auto &[which, reason] : refused) {
            QVERIFY2(offeredButRefused(command(window, which), reason),
                     qPrintable(command(window, which)->objectName()));
            QVERIFY(command(window, which)->toolTip().contains(session->displayName()));
        }
        // The step output belongs to the Steps panel, which this backend does not fill: in
        // sight, disabled, saying why.
        QVERIFY(offeredButRefused(window.stepsPanel()->stepOutputAction(), QStringLiteral("no steps")));
        QVERIFY(!window.stepsPanel()->isShowingView());
        QVERIFY(window.stepsPanel()->findChild<EmptyState *>()->isVisible());

        // Closing the connection leaves nothing of it on screen.
        console.closeConnection(QStringLiteral("linkis-like"));
        QVERIFY(!console.isOpen(QStringLiteral("linkis-like")));
        QVERIFY(!console.currentJob().isValid());
        QVERIFY(!window.jobListPanel()->currentJob().isValid());
        QCOMPARE(console.jobs()->rowCount(), 0);
        QCOMPARE(window.jobListPanel()->view()->model()->rowCount(), 0);
        QVERIFY(window.jobCommands()->selection().isEmpty());
        QVERIFY(offeredButRefused(kill, QStringLiteral("Select a job")));
        QVERIFY(!window.stepsPanel()->isShowingView());
    }
};

QTEST_MAIN(TestJobActions)
#include "tst_jobactions.moc"
