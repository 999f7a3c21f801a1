// A server's job history of 2,500 jobs, read page by page as a real table view is scrolled:
// the simulated Linkis counts the list requests, so only the pages scrolled to are read.
#include "jobs/joblistmodel.h"
#include "linkis/linkissimulator.h"
#include "session/session.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace JobDeck;

namespace {
const QString User = QStringLiteral("alice");
const QString Password = QStringLiteral("s3cret");
} // namespace

class TestJobHistoryPaging final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void historyIsReadAsTheViewScrolls()
    {
        Sim::LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        sim.addHistoryJobs(2500, QStringLiteral("Succeed"));
        sim.resetCounters();

        ConnectionProfile profile;
        profile.name = QStringLiteral("history");
        profile.kind = QStringLiteral("linkis");
        profile.url = sim.baseUrl();
        profile.user = User;
        profile.secret = Password;
        Session session(profile);
        session.setListRefreshIntervalMs(3600 * 1000); // page 1 read again only by the test's will

        // No QAbstractItemModelTester on these models: it calls fetchMore() itself, which would
        // read pages nobody scrolled to (tst_joblistmodel pages under the tester).
        JobListModel model;
        const QString connection = session.connectionId();
        QCOMPARE(connection, profile.name);
        connect(&session, &Session::jobsUpdated, &model, [&](const QList<Job> &jobs) {
            model.upsert(connection, jobs);
        });
        model.setHistorySource(connection, &session);
        QSortFilterProxyModel proxy;
        proxy.setSortRole(JobListModel::SortRole);
        proxy.setSourceModel(&model);

        QTableView view;
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(JobListModel::SubmittedColumn, Qt::DescendingOrder);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), Session::HistoryPageSize, 20000);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 1);
        QVERIFY(model.canFetchMore({}));
        // Not scrolled: nothing more is read.
        QTest::qWait(300);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 1);
        QCOMPARE(model.rowCount(), Session::HistoryPageSize);

        // A click on the newest job, then each scroll to the end reads the next page, and only that one.
        const QModelIndex newest = proxy.index(0, JobListModel::JobColumn);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(newest).center());
        QCOMPARE(view.currentIndex(), newest);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 1);
        for (int page = 2; page <= 25; ++page) {
            QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), page * Session::HistoryPageSize, 20000);
            QCOMPARE(sim.requestCount(QStringLiteral("historyList")), page);
            // The newest page read is at the bottom of the list sorted by submission.
            const QModelIndex last = proxy.index(proxy.rowCount() - 1, JobListModel::SubmittedColumn);
            QCOMPARE(last.data(JobListModel::SortRole).toDateTime(),
                     model.jobAt(model.rowCount() - 1).submitted);
        }
        QTest::qWait(300); // a page more would be on its way by now
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 25);
        QVERIFY(!session.hasMoreHistory());
        QVERIFY(!model.canFetchMore({}));
        QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QTest::qWait(200);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 25);
        QCOMPARE(model.rowCount(), 2500);
        QCOMPARE(proxy.rowCount(), 2500);
        QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    }

    void aFailedPageIsAskedForAgain()
    {
        Sim::LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(User, Password);
        sim.addHistoryJobs(250, QStringLiteral("Failed"));

        ConnectionProfile profile;
        profile.name = QStringLiteral("flaky");
        profile.kind = QStringLiteral("linkis");
        profile.url = sim.baseUrl();
        profile.user = User;
        profile.secret = Password;
        Session session(profile);
        session.setListRefreshIntervalMs(3600 * 1000);
        QStringList notices;
        connect(&session, &Session::notice, this, [&](const QString &text) { notices << text; });
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), Session::HistoryPageSize, 20000);
        QVERIFY(session.hasMoreHistory());

        sim.setAnswerHtml(true);
        session.fetchMoreHistory();
        QVERIFY(session.isFetchingHistory());
        session.fetchMoreHistory(); // one page at a time
        QTRY_VERIFY_WITH_TIMEOUT(!session.isFetchingHistory(), 20000);
        QVERIFY(notices.join(u'\n').contains(u"page 2"));
        QCOMPARE(session.jobCount(), Session::HistoryPageSize);
        QVERIFY(session.hasMoreHistory());

        sim.setAnswerHtml(false);
        sim.resetCounters();
        session.fetchMoreHistory();
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), 2 * Session::HistoryPageSize, 20000);
        QCOMPARE(sim.requestCount(QStringLiteral("historyList")), 1);
        session.fetchMoreHistory();
        QTRY_COMPARE_WITH_TIMEOUT(session.jobCount(), 250, 20000);
        QVERIFY(!session.hasMoreHistory());
        QCOMPARE(session.job(session.jobs().constFirst().id).state, JobState::Failed);
    }
};

QTEST_MAIN(TestJobHistoryPaging)
#include "tst_jobhistorypaging.moc"
