// The console's job actions and step timeline against a backend whose capabilities the test
// chooses: actions show when the backend can do them and are enabled from
// Backend::availableActions for the selected job; the timeline shows the job's steps. Then
// the same through the Kylin adapter and its simulator, end to end.
#include "jobs/joblistmodel.h"
#include "mainwindow/mainwindow.h"
#include "session/session.h"
#include "timeline/steptimeline.h"

#include "dinky/dinkysimulator.h"
#include "kylin/kylinsimulator.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>

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
    QTableView *table = window.jobTable();
    auto *proxy = table->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, JobListModel::JobColumn);
        if (index.data(JobListModel::JobRole).value<Job>().id == id) {
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(u"no row for " + id));
}

QWidget *shownPage(QDockWidget *dock)
{
    return qobject_cast<QStackedWidget *>(dock->widget())->currentWidget();
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
        ConnectionProfile profile;
        profile.name = QStringLiteral("fake");
        profile.kind = QStringLiteral("fake");
        Session session(std::move(backend), profile);
        MainWindow window(nullptr);
        QAbstractItemModelTester tester(window.jobTable()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE(session.state(), Session::State::Ready);
        QTRY_COMPARE(session.jobCount(), 2);

        QAction *kill = window.jobAction(Session::JobAction::Kill);
        QAction *pause = window.jobAction(Session::JobAction::Pause);
        QAction *resume = window.jobAction(Session::JobAction::Resume);
        QAction *drop = window.jobAction(Session::JobAction::Drop);
        QAction *restart = window.jobAction(Session::JobAction::Restart);
        QAction *savepoint = window.jobAction(Session::JobAction::Savepoint);
        // What this backend cannot do is not offered at all.
        QVERIFY(!restart->isVisible());
        QVERIFY(!savepoint->isVisible());
        QVERIFY(!window.exportLineageAction()->isVisible());
        QVERIFY(pause->isVisible() && resume->isVisible() && drop->isVisible() && kill->isVisible());
        QVERIFY(!pause->isEnabled()); // nothing selected yet

        selectJob(window, QStringLiteral("J-run"));
        QCOMPARE(window.currentJobId(), QStringLiteral("J-run"));
        QVERIFY(kill->isEnabled());
        QVERIFY(pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        QVERIFY(!drop->isEnabled()); // only finished jobs are dropped

        // The steps, on the timeline.
        StepTimeline *timeline = window.stepTimeline();
        QTRY_COMPARE(timeline->view()->topLevelItemCount(), 3);
        QCOMPARE(shownPage(window.timelineDock()), timeline);
        QTreeWidgetItem *extract = timeline->view()->topLevelItem(0);
        QCOMPARE(extract->text(StepTimeline::NameColumn), QStringLiteral("Extract"));
        QCOMPARE(extract->text(StepTimeline::StateColumn), jobStateDisplayName(JobState::Succeeded));
        QCOMPARE(extract->foreground(StepTimeline::StateColumn).color(), stateColour(JobState::Succeeded));
        QVERIFY(!extract->text(StepTimeline::DurationColumn).isEmpty());
        QCOMPARE(timeline->view()->topLevelItem(2)->text(StepTimeline::EndColumn), QString());
        QVERIFY(fake->calls.contains(u"details J-run"));

        // A step's output: on double-click, and from the menu once a step is selected.
        QVERIFY(!window.stepOutputAction()->isEnabled());
        QTreeWidget *steps = timeline->view();
        const QRect second = steps->visualItemRect(steps->topLevelItem(1));
        QTest::mouseClick(steps->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(timeline->currentStepId(), QStringLiteral("s2"));
        QVERIFY(window.stepOutputAction()->isEnabled());
        QTest::mouseDClick(steps->viewport(), Qt::LeftButton, {}, second.center());
        QDialog *output = nullptr;
        QTRY_VERIFY((output = window.findChild<QDialog *>(QStringLiteral("stepOutputDialog"))));
        QCOMPARE(output->findChild<QPlainTextEdit *>()->toPlainText(), QStringLiteral("output of s2"));
        QVERIFY(output->windowTitle().contains(u"Build cube"));
        output->close();

        // Pause: the job becomes paused, and Resume is what it allows next.
        pause->trigger();
        QTRY_COMPARE(session.job(QStringLiteral("J-run")).state, JobState::Paused);
        QVERIFY(fake->calls.contains(u"pause J-run"));
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        resume->trigger();
        QTRY_COMPARE(session.job(QStringLiteral("J-run")).state, JobState::Running);
        QTRY_VERIFY(pause->isEnabled());

        // A finished job: no pause or kill; drop after a confirmation.
        selectJob(window, QStringLiteral("J-done"));
        QVERIFY(!pause->isEnabled());
        QVERIFY(!kill->isEnabled());
        QVERIFY(drop->isEnabled());
        QCOMPARE(shownPage(window.timelineDock())->objectName(), QStringLiteral("timelineDockEmpty"));
        drop->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QVERIFY(question->text().contains(u"J-done"));
        QCOMPARE(session.jobCount(), 2); // nothing happens before the answer
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(session.jobCount(), 1);
        QVERIFY(fake->calls.contains(u"drop J-done"));
        QCOMPARE(session.hasJob(QStringLiteral("J-done")), false);
        QVERIFY(window.currentJobId() != u"J-done");
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
        ConnectionProfile profile;
        profile.name = QStringLiteral("sqlflow-like");
        profile.kind = QStringLiteral("fake");
        Session session(std::move(backend), profile);
        MainWindow window(nullptr);
        window.setSession(&session);
        session.start();
        QTRY_COMPARE(session.jobCount(), 2);
        selectJob(window, QStringLiteral("J-ok"));
        QVERIFY(window.exportLineageAction()->isVisible());
        QVERIFY(window.exportLineageAction()->isEnabled());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSignalSpy exported(&session, &Session::lineageExported);
        QSignalSpy notices(&session, &Session::notice);
        LineageRequest csv;
        csv.format = LineageFormat::Csv;
        session.exportLineage(QStringLiteral("J-ok"), dir.filePath(QStringLiteral("ok.csv")), csv);
        QTRY_COMPARE(exported.count(), 1);
        QFile file(dir.filePath(QStringLiteral("ok.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("source,target\na,b\n"));
        QCOMPARE(exported.at(0).at(2).toLongLong(), 18);

        // A failure leaves no file behind, and says why.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        session.exportLineage(QStringLiteral("J-broken"), broken, LineageRequest{});
        QTRY_VERIFY(notices.count() >= 2);
        QVERIFY2(notices.last().at(0).toString().contains(u"J-broken"),
                 qPrintable(notices.last().at(0).toString()));
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
        Session session(profile);
        session.setListRefreshIntervalMs(200);
        MainWindow window(nullptr);
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), 2, 20000);
        // A job started elsewhere (another console, a scheduler) shows up by itself.
        Sim::KylinSimulator::JobSpec elsewhere;
        elsewhere.status = QStringLiteral("FINISHED");
        const QString other = sim.addJob(elsewhere);
        QTRY_VERIFY_WITH_TIMEOUT(session.hasJob(other), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.job(running).rawStatus, QStringLiteral("RUNNING"), 20000);

        selectJob(window, running);
        QAction *pause = window.jobAction(Session::JobAction::Pause);
        QAction *resume = window.jobAction(Session::JobAction::Resume);
        QAction *drop = window.jobAction(Session::JobAction::Drop);
        QVERIFY(pause->isVisible() && pause->isEnabled());
        QVERIFY(resume->isVisible() && !resume->isEnabled());
        QVERIFY(!window.jobAction(Session::JobAction::Restart)->isVisible()); // not a Kylin action

        // Its three steps, the first one running.
        StepTimeline *timeline = window.stepTimeline();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->view()->topLevelItemCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(timeline->view()->topLevelItem(0)->text(StepTimeline::StateColumn),
                                  jobStateDisplayName(JobState::Running),
                                  20000);
        QCOMPARE(shownPage(window.timelineDock()), timeline);
        QTreeWidget *steps = timeline->view();
        QTest::mouseClick(
            steps->viewport(), Qt::LeftButton, {}, steps->visualItemRect(steps->topLevelItem(0)).center());
        QVERIFY(window.stepOutputAction()->isEnabled());
        window.stepOutputAction()->trigger();
        QDialog *output = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((output = window.findChild<QDialog *>(QStringLiteral("stepOutputDialog"))),
                                 20000);
        QVERIFY(!output->findChild<QPlainTextEdit *>()->toPlainText().isEmpty());
        output->close();

        pause->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(running), QStringLiteral("STOPPED"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.job(running).state, JobState::Paused, 20000);
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        resume->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(running), QStringLiteral("RUNNING"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), 20000);

        // Drop the finished one, after the confirmation.
        selectJob(window, finished);
        QVERIFY(drop->isEnabled());
        QVERIFY(!pause->isEnabled());
        drop->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sim.jobStatus(finished), QString(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.hasJob(finished), false, 20000);
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
        Session session(profile);
        MainWindow window(nullptr);
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
        QVERIFY(!window.runAction()->isEnabled());
        QAction *runTask = window.runTaskAction();
        QVERIFY(runTask->isVisible() && runTask->isEnabled());

        // The dialog asks for the id; type 7 and accept.
        QTimer::singleShot(0, this, [&window] {
            QInputDialog *ask = nullptr;
            QTRY_VERIFY((ask = window.findChild<QInputDialog *>()));
            ask->setIntValue(7);
            ask->accept();
        });
        runTask->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), 1, 20000);
        const Job started = session.jobs().constFirst();
        QCOMPARE(started.ids.dinkyTaskId, 7);
        QTRY_COMPARE_WITH_TIMEOUT(session.job(started.id).rawStatus, QStringLiteral("RUNNING"), 20000);
        QCOMPARE(sim.requestCount(QStringLiteral("submitTask")), 1);

        selectJob(window, started.id);
        QAction *kill = window.jobAction(Session::JobAction::Kill);
        QTRY_VERIFY_WITH_TIMEOUT(kill->isEnabled(), 20000);
        QVERIFY(!window.jobAction(Session::JobAction::Pause)->isVisible()); // not a Dinky action
    }

    void aBackendWithoutJobActionsOffersOnlyKill()
    {
        Capabilities caps; // what Linkis can do
        caps.submit = caps.kill = caps.log = caps.progress = caps.results = caps.history = true;
        auto backend = std::make_unique<FakeBackend>(
            caps, QList<Job>{job(QStringLiteral("L1"), JobState::Running, 1)});
        ConnectionProfile profile;
        profile.name = QStringLiteral("linkis-like");
        profile.kind = QStringLiteral("fake");
        Session session(std::move(backend), profile);
        MainWindow window(nullptr);
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE(session.jobCount(), 1);
        selectJob(window, QStringLiteral("L1"));
        QVERIFY(window.jobAction(Session::JobAction::Kill)->isVisible());
        QVERIFY(window.jobAction(Session::JobAction::Kill)->isEnabled());
        for (auto action : {Session::JobAction::Pause,
                            Session::JobAction::Resume,
                            Session::JobAction::Drop,
                            Session::JobAction::Restart,
                            Session::JobAction::Savepoint,
                            Session::JobAction::ForceRefresh})
            QVERIFY(!window.jobAction(action)->isVisible());
        QVERIFY(!window.stepOutputAction()->isVisible());
        QCOMPARE(shownPage(window.timelineDock())->objectName(), QStringLiteral("timelineDockEmpty"));
        // Switching the window to no session leaves nothing of this one on screen.
        window.setSession(nullptr);
        QVERIFY(window.currentJobId().isEmpty());
        QCOMPARE(window.jobTable()->model()->rowCount(), 0);
        QVERIFY(!window.jobAction(Session::JobAction::Kill)->isEnabled());
    }
};

QTEST_MAIN(TestJobActions)
#include "tst_jobactions.moc"
