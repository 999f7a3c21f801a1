// The console's main job, for real: the built-in Local connection starts jobdeck-server,
// the editor's script runs there, and the job list, log and chart follow it.
#include "charts/progresschart.h"
#include "charts/progresspanel.h"
#include "common/emptystate.h"
#include "connections/connectionspanel.h"
#include "connections/connectionstate.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "jobactions/jobcommands.h"
#include "joblist/joblistpanel.h"
#include "jobs/joblistmodel.h"
#include "logview/logdock.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsetview.h"
#include "results/resultspanel.h"
#include "results/resulttabs.h"
#include "session/session.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

#include "support/processes.h"

using namespace JobDeck;

namespace {
const QString Local = QLatin1StringView(Console::LocalConnection);

Job onlyJob(const Session &session)
{
    return session.jobCount() == 1 ? session.jobs().constFirst() : Job{};
}

void chooseRunType(MainWindow &window, const QString &runType)
{
    QComboBox *selector = window.workspace()->runTypeSelector();
    const int index = selector->findData(runType);
    QVERIFY(index >= 0);
    selector->setCurrentIndex(index);
}
} // namespace

class TestConsoleJobs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsTheEditorsScriptAndFollowsIt()
    {
        Console console;
        QAbstractItemModelTester tester(console.jobs(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        MainWindow window(nullptr, &console);
        QAbstractItemModelTester viewTester(window.jobListPanel()->view()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *session = new Session;
        console.addSession(session);
        QCOMPARE(console.targetConnection(), Local);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        QTRY_VERIFY(window.workspace()->runStatementAction()->isEnabled());

        SqlEditor *editor = window.editor();
        editor->setPlainText(QStringLiteral("CREATE TABLE t(x);\nINSERT INTO t VALUES (1), (2);\n"
                                            "SELECT count(*) AS n FROM t;"));
        editor->setFocus();
        // The whole script (Ctrl+Return alone runs the statement under the cursor).
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(session->jobCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(onlyJob(*session).state, JobState::Succeeded, 20000);
        const Job job = onlyJob(*session);
        const JobKey key{Local, job.id};
        QCOMPARE(console.currentJob(), key);                    // the new job is the one shown
        QTRY_COMPARE(window.jobListPanel()->currentJob(), key); // and selected in the list
        QVERIFY(console.jobs()->indexOf(key).isValid());
        LogPanel *log = window.logPanel()->log();
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"returned 1 row"), 10000);
        QVERIFY(log->toPlainText().contains(u"Statement 3 of 3"));
        QTRY_VERIFY_WITH_TIMEOUT(window.progressPanel()->chart()->sampleCount() > 0, 10000);
        QVERIFY(window.logPanel()->isShowingView());
        QVERIFY(log->view()->isVisible());
        QTRY_VERIFY(window.progressPanel()->isShowingView());
        // The SELECT's rows, in the results dock.
        ResultTabs *tabs = window.resultsPanel()->tabs();
        QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 1, 10000);
        QTableView *table = tabs->view(0)->table();
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("n"));
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("2"));
        QVERIFY(window.resultsPanel()->isShowingView());

        // Nothing selected: the log, results and progress panels show their empty states.
        console.setCurrentJob({});
        for (Panel *panel : std::initializer_list<Panel *>{window.logPanel(), window.resultsPanel()}) {
            QTRY_VERIFY2(!panel->isShowingView(), qPrintable(panel->objectName()));
            auto *empty = panel->findChild<EmptyState *>();
            QVERIFY(empty);
            QCOMPARE(empty, panel->emptyState());
            QVERIFY(!empty->title().isEmpty());
        }
    }

    void killsTheSelectedJobAndPicksUpJobsAfterARestart()
    {
        QString jobId;
        {
            Console console;
            MainWindow window(nullptr, &console);
            auto *session = new Session;
            console.addSession(session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            session->start();
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
            QTRY_VERIFY(session->jobCount() >= 1); // the first test's job, from history
            chooseRunType(window, QStringLiteral("shell"));
            window.editor()->setPlainText(QStringLiteral("echo begun; sleep 3; echo finished-after-restart"));
            window.workspace()->runScriptAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(window.logPanel()->log()->toPlainText().contains(u"begun"), 10000);
            jobId = console.currentJob().id;
            QVERIFY(!jobId.isEmpty());
            QCOMPARE(console.currentJob().connection, Local);
            // The console closes; the server and the job go on.
        }
        Console console;
        MainWindow window(nullptr, &console);
        auto *again = new Session;
        console.addSession(again);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        again->start();
        QTRY_COMPARE_WITH_TIMEOUT(again->state(), Session::State::Ready, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(again->hasJob(jobId), 10000);
        QTRY_VERIFY(console.jobs()->indexOf({Local, jobId}).isValid());
        QTRY_COMPARE_WITH_TIMEOUT(again->job(jobId).state, JobState::Succeeded, 20000);
        again->loadLog(jobId); // followed already if it was still running when listed; read once if not
        QTRY_VERIFY_WITH_TIMEOUT(again->logLines(jobId).join(u'\n').contains(u"finished-after-restart"),
                                 10000);

        // A job killed from the console.
        window.editor()->setPlainText(QStringLiteral("sleep 600.75"));
        chooseRunType(window, QStringLiteral("shell"));
        window.workspace()->runScriptAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(console.currentJob().id != jobId && console.currentJob().isValid(), 10000);
        const JobKey sleeper = console.currentJob();
        QCOMPARE(sleeper.connection, Local);
        QTRY_COMPARE_WITH_TIMEOUT(again->job(sleeper.id).state, JobState::Running, 10000);
        // The new job is the one selected, so the Job menu's Kill acts on it.
        QTRY_COMPARE(window.jobListPanel()->selectedJobs(), QList<JobKey>{sleeper});
        auto *kill = window.findChild<QAction *>(QStringLiteral("killAction"));
        QCOMPARE(kill, window.jobCommands()->action(JobCommands::Kill));
        QTRY_VERIFY2(kill->isEnabled(), qPrintable(kill->toolTip()));
        kill->trigger();
        // Killing is confirmed first.
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QVERIFY(question->text().contains(sleeper.id));
        QCOMPARE(again->job(sleeper.id).state, JobState::Running);
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(again->job(sleeper.id).state, JobState::Cancelled, 10000);
        QTRY_COMPARE(console.job(sleeper).state, JobState::Cancelled);
    }

    void anUnreachableServiceIsExplained()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        ConnectionProfile profile;
        profile.kind = QStringLiteral("linkis");
        profile.name = QStringLiteral("gone");
        profile.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        profile.user = QStringLiteral("u");
        profile.secret = QStringLiteral("p");
        probe.close();
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        console.addSession(session);
        QCOMPARE(console.targetConnection(), QStringLiteral("gone"));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Failed, 10000);
        // The failure shows on that connection's row, with the reason.
        QTreeWidget *list = window.connectionsPanel()->list();
        const QList<QTreeWidgetItem *> rows = list->findItems(session->displayName(), Qt::MatchExactly, 0);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.constFirst()->text(0).contains(u"gone"));
        QCOMPARE(rows.constFirst()->text(1), connectionStateText(Session::State::Failed));
        QVERIFY2(rows.constFirst()->toolTip(1).contains(u"refused"),
                 qPrintable(rows.constFirst()->toolTip(1)));
        // So does the selector's entry for it.
        QComboBox *selector = window.connectionsPanel()->selector();
        const int entry = selector->findData(QStringLiteral("gone"));
        QVERIFY(entry >= 0);
        QCOMPARE(selector->currentIndex(), entry);
        QVERIFY2(selector->itemData(entry, Qt::ToolTipRole).toString().contains(u"refused"),
                 qPrintable(selector->itemData(entry, Qt::ToolTipRole).toString()));
        QVERIFY(!window.workspace()->runStatementAction()->isEnabled());
    }

    void cleanupTestCase()
    {
        // The console leaves jobdeck-server running on purpose; the test does not.
        JobDeck::Test::endLocalServers();
    }
};

QTEST_MAIN(TestConsoleJobs)
#include "tst_consolejobs.moc"
