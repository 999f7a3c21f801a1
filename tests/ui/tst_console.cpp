// The console's frame with real widgets and real events: two connections open at once (the
// built-in Local one, a real jobdeck-server, and a simulated Linkis server), the jobs of
// both in one list, one server going down marking only its own connection, job actions
// from the context menu (kill, run again), an action the backend cannot do shown disabled
// with its reason, and the desktop notification when a job ends, received by a notification
// service on a private D-Bus session.
#include "backends/local/localserverfile.h"
#include "connections/connectionspanel.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "jobactions/jobcommands.h"
#include "joblist/joblistpanel.h"
#include "jobs/joblistmodel.h"
#include "mainwindow/mainwindow.h"
#include "notifications/jobnotifier.h"
#include "session/session.h"

#include "linkis/linkissimulator.h"
#include "support/fakenotificationserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <csignal>
#include <memory>

using namespace JobDeck;

namespace {

constexpr auto User = "hadoop";
constexpr auto Password = "secret-pw";
const QString Cluster = QStringLiteral("cluster");

ConnectionProfile linkisProfile(const Sim::LinkisSimulator &sim)
{
    ConnectionProfile profile;
    profile.name = Cluster;
    profile.kind = QStringLiteral("linkis");
    profile.url = sim.baseUrl();
    profile.user = QLatin1StringView(User);
    profile.secret = QLatin1StringView(Password);
    profile.requestTimeoutMs = 3000;
    return profile;
}

// The view's row of `key`, or -1.
int viewRowOf(JobListPanel *panel, const JobKey &key)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(panel->view()->model());
    const QModelIndex source = qobject_cast<JobListModel *>(proxy->sourceModel())->indexOf(key);
    return source.isValid() ? proxy->mapFromSource(source).row() : -1;
}

QTreeWidgetItem *connectionRow(ConnectionsPanel *panel, const QString &name)
{
    const QList<QTreeWidgetItem *> items = panel->list()->findItems(name, Qt::MatchExactly, 0);
    return items.isEmpty() ? nullptr : items.constFirst();
}

// Opens the job list's context menu on `row` as a right click does.
QMenu *openContextMenu(MainWindow &window, int row)
{
    QTableView *view = window.jobListPanel()->view();
    const QRect cell = view->visualRect(view->model()->index(row, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    QContextMenuEvent event(
        QContextMenuEvent::Mouse, cell.center(), view->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(view->viewport(), &event);
    QMenu *menu = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            const QList<QMenu *> menus = window.findChildren<QMenu *>(QStringLiteral("jobContextMenu"));
            for (QMenu *candidate : menus) {
                if (candidate->isVisible())
                    menu = candidate;
            }
            return menu != nullptr;
        },
        5000);
    return shown ? menu : nullptr;
}

QAction *menuAction(QMenu *menu, const char *name)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1StringView(name))
            return action;
    }
    return nullptr;
}

void confirm(MainWindow &window)
{
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = window.findChild<QMessageBox *>(QStringLiteral("confirmJobAction"))));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
}

} // namespace

class TestConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The desktop's notification service is there before the console starts.
        m_notifications = std::make_unique<Test::FakeNotificationServer>();
        QVERIFY2(m_notifications->isRegistered(), "no private session bus (run under support/with-dbus.sh)");
    }

    void init()
    {
        m_sim = std::make_unique<Sim::LinkisSimulator>();
        m_sim->addUser(QLatin1StringView(User), QLatin1StringView(Password));
        QVERIFY(m_sim->listen());
        m_console = std::make_unique<Console>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_console->jobs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_local = new Session;
        m_console->addSession(m_local);
        m_linkis = new Session(linkisProfile(*m_sim));
        m_linkis->setListRefreshIntervalMs(300);
        m_console->addSession(m_linkis);
        m_window = std::make_unique<MainWindow>(nullptr, m_console.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_local->start();
        m_linkis->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_local->state(), Session::State::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_linkis->state(), Session::State::Ready, 10000);
    }

    void cleanup()
    {
        m_window.reset();
        m_tester.reset();
        m_console.reset();
        m_sim.reset();
    }

    void jobsOfBothConnectionsInOneList()
    {
        // A script typed into the editor runs on Local, the target connection...
        m_console->setTargetConnection(QLatin1StringView(Console::LocalConnection));
        SqlEditor *editor = m_window->editor();
        editor->setPlainText(QStringLiteral("SELECT 41 + 1 AS answer;"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        // ...then, chosen in the toolbar's selector, on the cluster.
        QComboBox *selector = m_window->connectionsPanel()->selector();
        QCOMPARE(selector->findData(Cluster), selector->currentIndex() + 1);
        selector->setFocus();
        QTest::keyClick(selector, Qt::Key_Down);
        QCOMPARE(m_console->targetConnection(), Cluster);
        editor->setFocus();
        editor->setPlainText(QStringLiteral("--sim states=Running:300,Succeed\nSELECT 1"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

        JobListModel *jobs = m_console->jobs();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 2, 10000);
        QStringList connections;
        for (int row = 0; row < jobs->rowCount(); ++row)
            connections << jobs->index(row, JobListModel::ConnectionColumn).data().toString();
        connections.sort();
        QStringList expected{Cluster, QStringLiteral("Local")};
        expected.sort();
        QCOMPARE(connections, expected);
        // Both end, each on its own server.
        for (int row = 0; row < 2; ++row) {
            const JobKey key = jobs->keyAt(row);
            QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Succeeded, 20000);
        }
        QCOMPARE(m_sim->jobCount(), 1);
    }

    void aServerGoingDownMarksOnlyItsConnection()
    {
        ConnectionsPanel *panel = m_window->connectionsPanel();
        QTreeWidgetItem *clusterRow = connectionRow(panel, Cluster);
        QTreeWidgetItem *localRow = connectionRow(panel, QStringLiteral("Local"));
        QVERIFY(clusterRow && localRow);
        const QString connected = clusterRow->text(1);
        QCOMPARE(localRow->text(1), connected);

        m_sim.reset(); // the cluster's gateway goes away
        QTRY_VERIFY_WITH_TIMEOUT(m_linkis->state() != Session::State::Ready, 15000);
        QTRY_VERIFY(connectionRow(panel, Cluster)->text(1) != connected);
        QVERIFY(!connectionRow(panel, Cluster)->toolTip(1).isEmpty()); // why, on that row
        QCOMPARE(m_local->state(), Session::State::Ready);
        QCOMPARE(connectionRow(panel, QStringLiteral("Local"))->text(1), connected);
        // Local goes on: a script still runs there.
        m_console->setTargetConnection(QLatin1StringView(Console::LocalConnection));
        QTRY_VERIFY(m_window->workspace()->runStatementAction()->isEnabled());
    }

    void killsFromTheContextMenuAndRunsAgain()
    {
        m_console->setTargetConnection(Cluster);
        SubmitRequest request;
        request.script = QStringLiteral("--sim states=Running:60000,Succeed\nSELECT 2");
        request.engine = QStringLiteral("spark");
        request.runType = QStringLiteral("sql");
        request.variables.insert(QStringLiteral("day"), QStringLiteral("2026-12-01"));
        m_console->submit(request);
        JobListModel *jobs = m_console->jobs();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->keys(Cluster).size(), 1, 10000);
        const JobKey key = jobs->keys(Cluster).constFirst();
        QCOMPARE(key.connection, Cluster);
        QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Running, 10000);

        QMenu *menu = openContextMenu(*m_window, viewRowOf(m_window->jobListPanel(), key));
        QVERIFY(menu);
        QAction *kill = menuAction(menu, "killAction");
        QVERIFY(kill);
        QTRY_VERIFY2(kill->isEnabled(), qPrintable(kill->toolTip()));
        // Linkis cannot pause a job: the action is there, disabled, and says why.
        QAction *pause = menuAction(menu, "pauseAction");
        QVERIFY(pause && !pause->isEnabled());
        QVERIFY2(pause->toolTip().contains(u"cannot pause"), qPrintable(pause->toolTip()));
        menu->close();
        kill->trigger();
        confirm(*m_window);
        QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Cancelled, 10000);
        QCOMPARE(m_sim->requestCount(QStringLiteral("kill")), 1);

        // Run Again: the same script, engine and variables, on the same connection.
        menu = openContextMenu(*m_window, viewRowOf(m_window->jobListPanel(), key));
        QVERIFY(menu);
        QAction *again = menuAction(menu, "rerunAction");
        QVERIFY(again);
        QTRY_VERIFY(again->isEnabled());
        menu->close();
        again->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->keys(Cluster).size(), 2, 10000);
        QCOMPARE(m_sim->jobCount(), 2);
        const QList<JobKey> both = jobs->keys(Cluster);
        const JobKey second = both.at(0) == key ? both.at(1) : both.at(0);
        QCOMPARE(second.connection, Cluster);
        const SubmitRequest sent = m_linkis->submitRequestOf(second.id);
        QCOMPARE(sent.script, request.script);
        QCOMPARE(sent.engine, request.engine);
        QCOMPARE(sent.variables, request.variables);
    }

    void killsSeveralSelectedJobsAtOnce()
    {
        m_console->setTargetConnection(Cluster);
        SubmitRequest request;
        request.script = QStringLiteral("--sim states=Running:60000,Succeed\nSELECT 3");
        request.engine = QStringLiteral("spark");
        request.runType = QStringLiteral("sql");
        m_console->submit(request);
        m_console->submit(request);
        JobListModel *jobs = m_console->jobs();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->keys(Cluster).size(), 2, 10000);
        const QList<JobKey> both = jobs->keys(Cluster);
        for (const JobKey &key : both)
            QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Running, 10000);
        // Both rows selected the way a user does: click one, Ctrl+click the other.
        QTableView *view = m_window->jobListPanel()->view();
        view->setFocus();
        for (int i = 0; i < 2; ++i) {
            const QRect cell
                = view->visualRect(view->model()->index(viewRowOf(m_window->jobListPanel(), both.at(i)), 1));
            QTest::mouseClick(view->viewport(),
                              Qt::LeftButton,
                              i == 0 ? Qt::NoModifier : Qt::ControlModifier,
                              cell.center());
        }
        QCOMPARE(m_window->jobListPanel()->selectedJobs().size(), 2);
        QAction *kill = m_window->jobCommands()->action(JobCommands::Kill);
        QTRY_VERIFY(kill->isEnabled());
        QVERIFY(kill->text().contains(u'2'));
        kill->trigger();
        confirm(*m_window);
        for (const JobKey &key : both)
            QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Cancelled, 10000);
        QCOMPARE(m_sim->requestCount(QStringLiteral("kill")), 2);
    }

    void notifiesWhenAFollowedJobEnds()
    {
        Test::FakeNotificationServer &server = *m_notifications;
        const qsizetype before = server.notifications().size(); // from the jobs of the tests before
        m_window->notifier()->setEnabled(true);
        m_console->setTargetConnection(Cluster);
        SubmitRequest request;
        request.script = QStringLiteral("--sim states=Running:400,Succeed\nSELECT 4");
        request.engine = QStringLiteral("spark");
        request.runType = QStringLiteral("sql");
        request.name = QStringLiteral("nightly-report");
        m_console->submit(request);
        JobListModel *jobs = m_console->jobs();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->keys(Cluster).size(), 1, 10000);
        const JobKey key = jobs->keys(Cluster).constFirst();
        // The user looks at something else while it runs.
        m_console->setCurrentJob({});
        QTRY_COMPARE_WITH_TIMEOUT(m_console->job(key).state, JobState::Succeeded, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(server.notifications().size(), before + 1, 10000);
        const auto notification = server.notifications().constLast();
        QCOMPARE(notification.summary, JobNotifier::titleFor(m_console->job(key)));
        QVERIFY2(notification.summary.startsWith(u"Job succeeded: "), qPrintable(notification.summary));
        QVERIFY2(notification.body.contains(u"Succeeded on " + Cluster), qPrintable(notification.body));
        QVERIFY2(notification.actions.contains(QStringLiteral("default")),
                 qPrintable(notification.actions.join(u',')));

        // Choosing it brings the window up with that job selected. The console learns the
        // notification's id from the answer to its Notify call, which may reach it after the
        // server has the notification: an action invoked before then names an id the console
        // cannot place yet (no user could have clicked it yet either), so it is invoked again
        // until it lands (a second activation selects the same job).
        QVERIFY(QTest::qWaitFor(
            [&] {
                server.invokeAction(notification.id, QStringLiteral("default"));
                return QTest::qWaitFor([&] { return m_console->currentJob() == key; }, 1000);
            },
            15000));
        QCOMPARE(m_window->jobListPanel()->currentJob(), key);

        // Turned off: nothing more is said.
        m_window->notifier()->setEnabled(false);
        m_console->submit(request);
        QTRY_COMPARE_WITH_TIMEOUT(jobs->keys(Cluster).size(), 2, 10000);
        const QList<JobKey> both = jobs->keys(Cluster);
        const JobKey other = both.at(0) == key ? both.at(1) : both.at(0);
        m_console->setCurrentJob({});
        QTRY_COMPARE_WITH_TIMEOUT(m_console->job(other).state, JobState::Succeeded, 20000);
        QTest::qWait(500);
        QCOMPARE(server.notifications().size(), before + 1);
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

private:
    std::unique_ptr<Test::FakeNotificationServer> m_notifications;
    std::unique_ptr<Sim::LinkisSimulator> m_sim;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<MainWindow> m_window;
    Session *m_local = nullptr;
    Session *m_linkis = nullptr;
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
