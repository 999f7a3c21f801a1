// Results, the schema dock and completion from the schema in the console's frame, driven by
// real key and mouse events against simulated servers on loopback: a 1,000,000-row result set
// of a job run from the editor, read page by page in the Results dock as it scrolls; the
// Schema dock following the connection the scripts run on, with its actions (insert, preview
// and DDL as jobs on that connection); completion after FROM, after an alias and inside a
// subquery as the user types, the popup opening when the background fetch lands; and a Kylin
// tab whose statements run through Kylin's query API into the same grid, with Kylin's errors
// in English and Chinese.
#include "backends/kylin/kylinbackend.h"
#include "backends/linkis/linkisbackend.h"
#include "common/emptystate.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsetview.h"
#include "results/resultspanel.h"
#include "results/resulttabs.h"
#include "schema/schemabrowser.h"
#include "schema/schemapanel.h"
#include "schema/schemaregistry.h"

#include "kylin/kylinsimulator.h"
#include "linkis/linkissimulator.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDockWidget>
#include <QMimeData>
#include <QPointer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

const QString Cluster = u"cluster"_s;

ConnectionProfile linkisProfile(const Sim::LinkisSimulator &sim)
{
    ConnectionProfile profile;
    profile.name = Cluster;
    profile.kind = u"linkis"_s;
    profile.url = sim.baseUrl();
    profile.user = u"hadoop"_s;
    profile.secret = u"s3cret"_s;
    profile.requestTimeoutMs = 60000;
    return profile;
}

// What the completion popup proposes now.
QStringList proposals(SqlEditor *editor)
{
    QStringList names;
    QAbstractItemModel *model = editor->completer()->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}

// Types `text` at the end of the editor, key by key.
void typeAtEnd(SqlEditor *editor, const QString &text)
{
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, text);
}

} // namespace

class TestResultsConsole final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::LinkisSimulator> m_sim;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<MainWindow> m_window;
    Session *m_session = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_sim = std::make_unique<Sim::LinkisSimulator>();
        m_sim->addUser(u"hadoop"_s, u"s3cret"_s);
        QVERIFY(m_sim->listen());
        m_console = std::make_unique<Console>();
        m_window = std::make_unique<MainWindow>(nullptr, m_console.get());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_session = new Session(linkisProfile(*m_sim));
        m_console->addSession(m_session);
        QCOMPARE(m_console->targetConnection(), Cluster);
        // Not connected yet: the Schema dock says so.
        QVERIFY(!m_window->schemaPanel()->isShowingView());
        m_session->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::Ready, 20000);
        QTRY_VERIFY(m_window->workspace()->runStatementAction()->isEnabled());
    }

    void millionRowsPagedInTheResultsDock()
    {
        SqlEditor *editor = m_window->editor();
        editor->setPlainText(
            u"--sim states=Running:20,Succeed rows=1000000 nulls=1\nSELECT id, name, value FROM big"_s);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        ResultTabs *tabs = m_window->resultsPanel()->tabs();
        QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 1, 30000);
        QVERIFY(m_window->resultsPanel()->isShowingView());
        ResultSetView *view = tabs->view(0);
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 5000);
        QCOMPARE(view->model()->totalRows(), 1000000);
        QCOMPARE(tabs->tabText(0), u"SELECT id, name, value FROM big (1,000,000 rows)"_s);
        QVERIFY2(view->statusText().startsWith(u"Rows 1–5,000 of 1,000,000"), qPrintable(view->statusText()));
        QTRY_VERIFY(view->table()->isVisible()); // the dock came forward with the rows

        // Only the pages scrolled to are read, one per scroll to the bottom.
        m_sim->resetCounters();
        view->table()->setCurrentIndex(view->table()->model()->index(0, 0));
        for (int pages = 1; pages <= 2; ++pages) {
            view->table()->setFocus();
            QTest::keyClick(view->table(), Qt::Key_End, Qt::ControlModifier);
            QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5000 * (pages + 1), 20000);
            QTest::qWait(100);
            QCOMPARE(m_sim->requestCount(u"openFile"_s), pages);
        }
        QTest::keyClick(view->table(), Qt::Key_Home, Qt::ControlModifier);
        QTest::qWait(200);
        QCOMPARE(m_sim->requestCount(u"openFile"_s), 2);
        QVERIFY2(view->statusText().startsWith(u"Rows 1–15,000 of 1,000,000"),
                 qPrintable(view->statusText()));
        // NULL apart from the empty string.
        const QAbstractItemModel *model = view->table()->model();
        QVERIFY(model->index(4, 2).data(ResultSetModel::IsNullRole).toBool());
        QCOMPARE(model->index(3, 1).data().toString(), QString());
        QVERIFY(!model->index(3, 1).data(ResultSetModel::IsNullRole).toBool());
    }

    void schemaDockOfTheTargetConnection()
    {
        SchemaPanel *panel = m_window->schemaPanel();
        QCOMPARE(panel->connection(), Cluster);
        QTRY_VERIFY(panel->isShowingView());
        SchemaBrowser *browser = panel->browser();
        QTRY_COMPARE(browser->model()->rowCount(), 3);
        SchemaModel *model = browser->model();
        const QModelIndex sales = model->databaseIndex(u"dw_sales"_s);
        browser->tree()->expand(browser->filter()->mapFromSource(sales));
        QTRY_COMPARE(model->rowCount(sales), 3);
        const QModelIndex orders = model->tableIndex(u"dw_sales"_s, u"orders"_s);
        browser->tree()->expand(browser->filter()->mapFromSource(orders));
        QTRY_COMPARE(model->rowCount(orders), 5);

        // Double-click a table: its name goes into the script at the cursor.
        SqlEditor *editor = m_window->editor();
        editor->setPlainText(u"SELECT * FROM "_s);
        editor->moveCursor(QTextCursor::End);
        const QModelIndex shown = browser->filter()->mapFromSource(orders);
        browser->tree()->scrollTo(shown);
        const QPoint at = browser->tree()->visualRect(shown).center();
        QTest::mouseClick(browser->tree()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(browser->tree()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(editor->toPlainText(), u"SELECT * FROM dw_sales.orders"_s);
        // Dragged: the same text.
        std::unique_ptr<QMimeData> mime(model->mimeData({orders}));
        QCOMPARE(mime->text(), u"dw_sales.orders"_s);

        // Preview and DDL run as jobs on that connection.
        QSignalSpy submitted(m_session, &Session::submitted);
        browser->previewRows();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 10000);
        Job job = submitted.takeFirst().first().value<Job>();
        QCOMPARE(m_session->submitRequestOf(job.id).script, u"SELECT * FROM dw_sales.orders LIMIT 100"_s);
        QCOMPARE(m_console->currentJob(), (JobKey{Cluster, job.id}));
        browser->showDdl();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 10000);
        job = submitted.takeFirst().first().value<Job>();
        QCOMPARE(m_session->submitRequestOf(job.id).script, u"SHOW CREATE TABLE `dw_sales`.`orders`"_s);
    }

    void completionFromTheSchemaWhileTyping()
    {
        ScriptWorkspace *workspace = m_window->workspace();
        workspace->newTab();
        SqlEditor *editor = m_window->editor();
        QCOMPARE(workspace->currentTab()->connectionId(), Cluster);
        QAbstractItemView *popup = editor->completer()->popup();

        // After FROM: the tables of the database typed, with their database.
        typeAtEnd(editor, u"SELECT * FROM dw_sales.or"_s);
        QTRY_VERIFY(popup->isVisible());
        // The schema's names first (the server's order), the dialect's words after them.
        QTRY_COMPARE(proposals(editor).mid(0, 2), (QStringList{u"orders"_s, u"order_items"_s}));
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), u"SELECT * FROM dw_sales.orders"_s);

        // After an alias and a dot: that table's columns, aliases resolved in the statement.
        // user_profile's columns were never read: the popup opens when they arrive.
        editor->setPlainText(
            u"SELECT  FROM dw_sales.orders o JOIN default.user_profile u ON o.user_id = u.user_id"_s);
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(7);
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClicks(editor, u"u."_s);
        QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
        QCOMPARE(proposals(editor), (QStringList{u"user_id"_s, u"nick_name"_s, u"city"_s, u"dt"_s}));
        QTest::keyClicks(editor, u"ni"_s);
        QTRY_COMPARE(proposals(editor).value(0), u"nick_name"_s);
        QTest::keyClick(popup, Qt::Key_Return);
        QVERIFY(editor->toPlainText().startsWith(u"SELECT u.nick_name FROM"));
        QTest::keyClicks(editor, u", o."_s);
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(proposals(editor),
                 (QStringList{u"order_id"_s, u"user_id"_s, u"amount"_s, u"status"_s, u"dt"_s}));
        QTest::keyClick(popup, Qt::Key_Escape);

        // Inside a subquery: its own table's columns, and the outer query sees its alias.
        editor->setPlainText(u"SELECT  FROM (SELECT user_id, amount FROM dw_sales.orders WHERE am) t"_s);
        cursor = editor->textCursor();
        cursor.setPosition(int(editor->toPlainText().indexOf(u"WHERE am") + 8));
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(popup->isVisible());
        QVERIFY2(proposals(editor).contains(u"amount"_s), qPrintable(proposals(editor).join(u", ")));
        QTest::keyClick(popup, Qt::Key_Escape);
        cursor.setPosition(7);
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClicks(editor, u"t."_s);
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(proposals(editor), (QStringList{u"user_id"_s, u"amount"_s}));
        QTest::keyClick(popup, Qt::Key_Escape);
    }

    void kylinTabRunsThroughTheQueryApi_data()
    {
        QTest::addColumn<int>("flavour");
        QTest::newRow("5.x") << int(Sim::KylinSimulator::Flavour::V5);
        QTest::newRow("3.x") << int(Sim::KylinSimulator::Flavour::V3);
    }
    void kylinTabRunsThroughTheQueryApi()
    {
        QFETCH(int, flavour);
        Sim::KylinSimulator::Options options;
        options.flavour = Sim::KylinSimulator::Flavour(flavour);
        Sim::KylinSimulator sim(options);
        sim.addUser(u"ADMIN"_s, u"KYLIN"_s);
        QVERIFY(sim.listen());
        ConnectionProfile profile;
        profile.name = u"kylin"_s;
        profile.kind = u"kylin"_s;
        profile.url = sim.baseUrl();
        profile.user = u"ADMIN"_s;
        profile.secret = u"KYLIN"_s;
        profile.project = u"learn_kylin"_s;
        profile.requestTimeoutMs = 20000;
        auto *session = new Session(profile);
        m_console->addSession(session);
        m_console->setTargetConnection(u"kylin"_s);
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        ScriptWorkspace *workspace = m_window->workspace();
        QTRY_VERIFY(workspace->runStatementAction()->isEnabled()); // no jobs, but queries
        // Its schema in the dock: the project's tables.
        QTRY_COMPARE(m_window->schemaPanel()->connection(), u"kylin"_s);
        QTRY_VERIFY(m_window->schemaPanel()->isShowingView());
        QTRY_COMPARE(m_window->schemaPanel()->browser()->model()->rowCount(), 1);

        workspace->newTab();
        SqlEditor *editor = m_window->editor();
        QCOMPARE(workspace->currentTab()->connectionId(), u"kylin"_s);
        editor->setPlainText(u"select * from kylin_sales;"_s);
        editor->setFocus();
        sim.resetCounters();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        ResultTabs *tabs = m_window->resultsPanel()->tabs();
        QTRY_COMPARE(tabs->count(), 1);
        // Guarded: a later statement replaces the tab, and its old view goes (deleteLater).
        QPointer<ResultSetView> view = tabs->view(0);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 500, 10000);
        QCOMPARE(view->model()->columns().first(), u"TRANS_ID"_s);
        QCOMPARE(view->model()->columnTypes().at(3), u"decimal(19,4)"_s);
        QVERIFY(view->model()->index(8, 2).data(ResultSetModel::IsNullRole).toBool());
        QCOMPARE(sim.requestCount(u"query"_s), 1);
        QCOMPARE(session->jobCount(), 0); // a query, not a job
        // The job still current in the list (the schema test's last, on the Linkis connection)
        // ends while the query's rows are shown, and its monitor tells the console: its result
        // sets stay away, the query's rows stay in the tab. Then once more, said again.
        const JobKey current = m_console->currentJob();
        QVERIFY(current.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(m_console->job(current).state, JobState::Succeeded, 20000);
        Q_EMIT m_console->currentJobUpdated(current);
        QTest::qWait(300); // a reload would be one loopback round trip
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(tabs->view(0), view.data());
        // The next page asks again with its offset, once the grid is laid out and scrolled down.
        QTRY_VERIFY(view->table()->isVisible() && view->table()->verticalScrollBar()->maximum() > 0);
        view->table()->setFocus();
        view->table()->setCurrentIndex(view->table()->model()->index(0, 0));
        QTest::keyClick(view->table(), Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1000, 10000);
        QCOMPARE(sim.requestCount(u"query"_s), 2);
        QCOMPARE(view->model()->index(500, 0).data(ResultSetModel::RawTextRole).toString(), u"501"_s);
        QVERIFY2(view->statusText().contains(u"the server has more"), qPrintable(view->statusText()));

        // Kylin's error, in English, then in Chinese where the server writes it (5.0).
        editor->setPlainText(u"select * from no_such_table"_s);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(tabs->view(0) && tabs->view(0) != view);
        QTRY_VERIFY_WITH_TIMEOUT(tabs->view(0) && !tabs->view(0)->model()->errorString().isEmpty(), 10000);
        view = tabs->view(0);
        QVERIFY2(view->statusText().contains(u"Object 'NO_SUCH_TABLE' not found"),
                 qPrintable(view->statusText()));
        QVERIFY(!view->statusText().contains(u"SqlValidatorException"));
        m_console->setLanguage(Language::Chinese);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(tabs->view(0) && tabs->view(0) != view);
        QTRY_VERIFY_WITH_TIMEOUT(tabs->view(0) && !tabs->view(0)->model()->errorString().isEmpty(), 10000);
        view = tabs->view(0);
        if (options.flavour == Sim::KylinSimulator::Flavour::V5)
            QVERIFY2(view->model()->errorString().contains(u"找不到对象 'NO_SUCH_TABLE'"),
                     qPrintable(view->model()->errorString()));
        else
            QVERIFY(view->model()->errorString().contains(u"not found")); // 3.x writes English only
        m_console->setLanguage(Language::English);

        m_console->closeConnection(u"kylin"_s);
        QTRY_COMPARE(m_window->schemaPanel()->connection(), Cluster);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_console.reset();
        m_sim.reset();
    }
};

QTEST_MAIN(TestResultsConsole)
#include "tst_resultsconsole.moc"
