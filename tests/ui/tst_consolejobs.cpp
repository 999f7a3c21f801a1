// The console's main job, for real: the built-in Local connection starts jobdeck-server,
// the editor's script runs there, and the job list, log and chart follow it.
#include "backends/local/localserverfile.h"
#include "charts/progresschart.h"
#include "common/emptystate.h"
#include "editor/sqleditor.h"
#include "jobs/joblistmodel.h"
#include "logview/logview.h"
#include "mainwindow/mainwindow.h"
#include "results/resulttabs.h"
#include "session/session.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace JobDeck;

namespace {
Job onlyJob(const Session &session)
{
    return session.jobCount() == 1 ? session.jobs().constFirst() : Job{};
}
} // namespace

class TestConsoleJobs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsTheEditorsScriptAndFollowsIt()
    {
        Session session;
        MainWindow window(nullptr, &session);
        QAbstractItemModelTester tester(window.jobTable()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
        QVERIFY(window.runAction()->isEnabled());

        window.editor()->setPlainText(QStringLiteral("CREATE TABLE t(x);\nINSERT INTO t VALUES (1), (2);\n"
                                                     "SELECT count(*) AS n FROM t;"));
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(onlyJob(session).state, JobState::Succeeded, 20000);
        const Job job = onlyJob(session);
        QCOMPARE(window.currentJobId(), job.id); // the new job is the one shown
        QTRY_VERIFY_WITH_TIMEOUT(window.logView()->toPlainText().contains(u"returned 1 row"), 10000);
        QVERIFY(window.logView()->toPlainText().contains(u"Statement 3 of 3"));
        QTRY_VERIFY_WITH_TIMEOUT(window.progressChart()->sampleCount() > 0, 10000);
        auto *logStack = qobject_cast<QStackedWidget *>(window.logDock()->widget());
        QCOMPARE(logStack->currentWidget(), window.logView());
        // The SELECT's rows, in the results dock.
        QTRY_COMPARE_WITH_TIMEOUT(window.resultTabs()->count(), 1, 10000);
        auto *table = window.resultTabs()->widget(0)->findChild<QTableView *>(QStringLiteral("resultTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("n"));
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("2"));
        auto *resultStack = qobject_cast<QStackedWidget *>(window.resultsDock()->widget());
        QCOMPARE(resultStack->currentWidget(), window.resultTabs());
    }

    void killsTheSelectedJobAndPicksUpJobsAfterARestart()
    {
        QString jobId;
        {
            Session session;
            MainWindow window(nullptr, &session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            session.start();
            QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
            QTRY_VERIFY(session.jobCount() >= 1); // the first test's job, from history
            auto *runType = window.findChild<QComboBox *>(QStringLiteral("runType"));
            runType->setCurrentIndex(runType->findData(QStringLiteral("shell")));
            window.editor()->setPlainText(QStringLiteral("echo begun; sleep 3; echo finished-after-restart"));
            window.runAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(window.logView()->toPlainText().contains(u"begun"), 10000);
            jobId = window.currentJobId();
            QVERIFY(!jobId.isEmpty());
            // The console closes; the server and the job go on.
        }
        Session again;
        MainWindow window(nullptr, &again);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), Session::State::Ready, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(again.hasJob(jobId), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(again.job(jobId).state, JobState::Succeeded, 20000);
        again.loadLog(jobId); // followed already if it was still running when listed; read once if not
        QTRY_VERIFY_WITH_TIMEOUT(again.logLines(jobId).join(u'\n').contains(u"finished-after-restart"),
                                 10000);

        // A job killed from the console.
        window.editor()->setPlainText(QStringLiteral("sleep 600.75"));
        auto *runType = window.findChild<QComboBox *>(QStringLiteral("runType"));
        runType->setCurrentIndex(runType->findData(QStringLiteral("shell")));
        window.runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.currentJobId() != jobId && !window.currentJobId().isEmpty(), 10000);
        const QString sleeper = window.currentJobId();
        QTRY_COMPARE_WITH_TIMEOUT(again.job(sleeper).state, JobState::Running, 10000);
        auto *kill = window.findChild<QAction *>(QStringLiteral("killAction"));
        QTRY_VERIFY(kill->isEnabled());
        kill->trigger();
        // Killing is confirmed first.
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
        QCOMPARE(again.job(sleeper).state, JobState::Running);
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(again.job(sleeper).state, JobState::Cancelled, 10000);
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
        Session session(profile);
        MainWindow window(nullptr, &session);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Failed, 10000);
        auto *empty = window.findChild<EmptyState *>(QStringLiteral("jobListDockEmpty"));
        QVERIFY(empty->title().contains(u"gone"));
        QVERIFY2(empty->hint().contains(u"refused"), qPrintable(empty->hint()));
        QVERIFY(!window.runAction()->isEnabled());
    }

    void cleanupTestCase()
    {
        // The console leaves jobdeck-server running on purpose; the test does not.
        const auto info = LocalServerInfo::read(LocalServerInfo::defaultPath());
        if (info && info->processAlive()) {
            ::kill(pid_t(info->pid), SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(!info->processAlive(), 10000);
        }
    }
};

QTEST_MAIN(TestConsoleJobs)
#include "tst_consolejobs.moc"
