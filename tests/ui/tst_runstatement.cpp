// Running from the script workspace, for real: the built-in Local connection starts
// jobdeck-server, keys typed into a tab run the statement under the cursor, the selection or
// the whole script, and the server's own job record holds exactly what was meant to run.
#include "backends/local/localserverfile.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "editor/variablesdialog.h"
#include "jobs/joblistmodel.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsetview.h"
#include "results/resultspanel.h"
#include "results/resulttabs.h"
#include "session/session.h"
#include "support/await.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <csignal>

using namespace JobDeck;

class TestRunStatement final : public QObject
{
    Q_OBJECT

private:
    Console *m_console = nullptr;
    Session *m_session = nullptr;
    MainWindow *m_window = nullptr;

    SqlEditor *freshTab()
    {
        m_window->workspace()->newTab();
        SqlEditor *editor = m_window->editor();
        editor->setFocus();
        return editor;
    }

    VariablesDialog *visibleForm() const
    {
        const auto forms = m_window->findChildren<VariablesDialog *>(QStringLiteral("variablesForm"));
        for (VariablesDialog *form : forms)
            if (form->isVisible())
                return form;
        return nullptr;
    }

    // Types `lines` with real key events, one Return between them.
    static void type(SqlEditor *editor, const QStringList &lines)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(editor, Qt::Key_Return);
            QTest::keyClicks(editor, lines[i]);
        }
    }

    // The next job submitted, once the server says it succeeded; its script as the server's
    // own job history records it.
    void scriptOfNextJob(QSignalSpy &submitted, QString *script)
    {
        *script = QStringLiteral("<no job submitted>");
        QVERIFY(!submitted.isEmpty() || submitted.wait(20000));
        const Job job = submitted.takeFirst().constFirst().value<Job>();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->job(job.id).state, JobState::Succeeded, 20000);
        ListQuery query;
        query.pageSize = 100;
        AWAIT(page, m_session->backend()->list(query));
        QVERIFY(page.has_value());
        *script = QStringLiteral("<not in the server's history>");
        for (const Job &listed : page->jobs)
            if (listed.id == job.id)
                *script = listed.script;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_console = new Console;
        m_session = new Session;
        m_console->addSession(m_session); // the console owns it
        m_window = new MainWindow(nullptr, m_console);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_session->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::Ready, 20000);
        QTRY_VERIFY(m_window->workspace()->runStatementAction()->isEnabled());
    }

    void cleanupTestCase()
    {
        delete m_window;
        delete m_console;
        // The console leaves jobdeck-server running on purpose; the test does not.
        const auto info = LocalServerInfo::read(LocalServerInfo::defaultPath());
        if (info && info->processAlive()) {
            ::kill(pid_t(info->pid), SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(!info->processAlive(), 10000);
        }
    }

    void ctrlReturnRunsTheStatementUnderTheCursor()
    {
        SqlEditor *editor = freshTab();
        type(editor, {QStringLiteral("SELECT 1 AS first;"), QStringLiteral("SELECT 2 AS second;")});
        // The cursor is in the second statement; the gutter marks its line only.
        QTRY_COMPARE(editor->statementMarkerLines(), std::make_pair(1, 1));
        QSignalSpy submitted(m_session, &Session::submitted);
        QString script;
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        scriptOfNextJob(submitted, &script);
        QCOMPARE(script, QStringLiteral("SELECT 2 AS second"));

        // Back in the first statement: the marker follows the cursor, and so does the run.
        QTest::keyClick(editor, Qt::Key_Up);
        QTRY_COMPARE(editor->statementMarkerLines(), std::make_pair(0, 0));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        scriptOfNextJob(submitted, &script);
        QCOMPARE(script, QStringLiteral("SELECT 1 AS first"));
    }

    void ctrlReturnRunsTheSelectionAndCtrlShiftReturnTheScript()
    {
        SqlEditor *editor = freshTab();
        type(editor, {QStringLiteral("SELECT 10 AS x; SELECT 20 AS y;"), QStringLiteral("SELECT 30 AS z;")});
        // Select "SELECT 20 AS y" on the first line with the keyboard.
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
        for (int i = 0; i < 16; ++i)
            QTest::keyClick(editor, Qt::Key_Right);
        for (int i = 0; i < 14; ++i)
            QTest::keyClick(editor, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("SELECT 20 AS y"));
        QSignalSpy submitted(m_session, &Session::submitted);
        QString script;
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        scriptOfNextJob(submitted, &script);
        QCOMPARE(script, QStringLiteral("SELECT 20 AS y"));

        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        scriptOfNextJob(submitted, &script);
        QCOMPARE(script, QStringLiteral("SELECT 10 AS x; SELECT 20 AS y;\nSELECT 30 AS z;"));
    }

    void variablesAreAskedForAndReachTheServer()
    {
        SqlEditor *editor = freshTab();
        type(editor, {QStringLiteral("SELECT 1;"), QStringLiteral("SELECT ${lo} + 1 AS v;")});
        QSignalSpy submitted(m_session, &Session::submitted);
        QString script;
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        VariablesDialog *form = nullptr;
        QTRY_VERIFY((form = visibleForm()));
        QCOMPARE(submitted.count(), 0); // nothing runs before the form is answered
        QLineEdit *lo = form->field(QStringLiteral("lo"));
        QVERIFY(lo);
        QTest::keyClicks(lo, QStringLiteral("41"));
        QTest::keyClick(lo, Qt::Key_Return);
        scriptOfNextJob(submitted, &script);
        QCOMPARE(script, QStringLiteral("SELECT ${lo} + 1 AS v"));
        // The server put the value in its place: the result is 42.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->resultsPanel()->tabs()->count(), 1, 10000);
        ResultSetView *view = m_window->resultsPanel()->tabs()->view(0);
        QVERIFY(view);
        QTableView *table = view->table();
        QTRY_COMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("42"));

        // The value is remembered for the next run of this tab. (The form had the focus: the
        // window takes it back first, as it does when a user's dialog closes.)
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY((form = visibleForm()));
        QCOMPARE(form->field(QStringLiteral("lo"))->text(), QStringLiteral("41"));
        form->reject();
        QTest::qWait(200);
        QCOMPARE(submitted.count(), 0); // cancelled: nothing ran
    }
};

QTEST_MAIN(TestRunStatement)
#include "tst_runstatement.moc"
