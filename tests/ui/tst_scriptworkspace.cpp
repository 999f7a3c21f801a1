// The script workspace without a server: tabs and files, the statement marker, the find
// bar, comments, indentation, brackets, zoom, completion, the questions before closing and
// when a file changes on disk. Real widgets, real key events.
#include "completion/completionprovider.h"
#include "editor/findbar.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace JobDeck;

namespace {
const QList<RunOffer> localOffers{{QStringLiteral("sqlite"), QStringLiteral("sql")},
                                  {QStringLiteral("shell"), QStringLiteral("shell")}};
const QList<RunOffer> linkisOffers{{QStringLiteral("spark-3.2.1"), QStringLiteral("sql")},
                                   {QStringLiteral("hive-3.1.3"), QStringLiteral("hql")},
                                   {QStringLiteral("python-python3"), QStringLiteral("python")}};

// Answers the next message box that opens with `button`.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    QTimer::singleShot(0, qApp, [button, text] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        if (text)
            *text = box->text();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
}

class TableNames final : public CompletionProvider
{
public:
    using CompletionProvider::CompletionProvider;
    QList<CompletionItem> complete(const QString &, int, const QString &prefix) override
    {
        if (QStringLiteral("staff_salaries").startsWith(prefix, Qt::CaseInsensitive))
            return {{QStringLiteral("staff_salaries"), QStringLiteral("hr"), CompletionItem::Kind::Table}};
        return {};
    }
};
} // namespace

class TestScriptWorkspace final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<ScriptWorkspace> makeWorkspace(const QString &recovery)
    {
        auto workspace = std::make_unique<ScriptWorkspace>(nullptr, recovery);
        workspace->setConnection(ScriptWorkspace::localConnectionId(), QStringLiteral("Local"), localOffers);
        workspace->restoreTabs();
        workspace->resize(900, 600);
        workspace->show();
        [&] {
            QVERIFY(QTest::qWaitForWindowExposed(workspace.get()));
        }();
        return workspace;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

private Q_SLOTS:
    void markerFollowsTheCursorAndTheRunTypeTheBackend()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r1")));
        SqlEditor *editor = ws->newTab()->editor();
        QTest::keyClicks(editor, QStringLiteral("SELECT 1;"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("SELECT 2,"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("3;"));
        QTRY_COMPARE(editor->statementMarkerLines(), std::make_pair(1, 2));
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE(editor->statementMarkerLines(), std::make_pair(0, 0));
        // The run types are the backend's; Hive makes the tab HiveQL.
        QCOMPARE(ws->runTypeSelector()->count(), 2);
        ws->setConnection(QStringLiteral("prod"), QStringLiteral("prod"), linkisOffers);
        QCOMPARE(ws->runTypeSelector()->count(), 3);
        ws->runTypeSelector()->setCurrentIndex(1);
        QCOMPARE(ws->currentTab()->runType(), QStringLiteral("hql"));
        QCOMPARE(ws->currentTab()->engine(), QStringLiteral("hive-3.1.3"));
        QCOMPARE(ws->currentTab()->connectionId(), QStringLiteral("prod"));
        QCOMPARE(editor->syntaxName(), QStringLiteral("HiveQL"));
        ws->runTypeSelector()->setCurrentIndex(2);
        QCOMPARE(editor->syntaxName(), QStringLiteral("Python"));
        // Python is not split at semicolons: the whole script is marked.
        QTRY_COMPARE(editor->statementMarkerLines(), std::make_pair(0, 2));
    }

    void submitCarriesTheTabsChoices()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r2")));
        ws->setConnection(QStringLiteral("prod"), QStringLiteral("prod"), linkisOffers);
        SqlEditor *editor = ws->newTab()->editor();
        ws->runTypeSelector()->setCurrentIndex(1);
        QTest::keyClicks(editor, QStringLiteral("SELECT a FROM t; SELECT b FROM u"));
        QSignalSpy spy(ws.get(), &ScriptWorkspace::submitRequested);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        const auto request = spy.at(0).at(0).value<SubmitRequest>();
        QCOMPARE(request.script, QStringLiteral("SELECT b FROM u"));
        QCOMPARE(request.runType, QStringLiteral("hql"));
        QCOMPARE(request.engine, QStringLiteral("hive-3.1.3"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("prod"));
        // Nothing to run is said, not sent.
        SqlEditor *empty = ws->newTab()->editor();
        QSignalSpy message(ws.get(), &ScriptWorkspace::message);
        QTest::keyClick(empty, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(message.count(), 1);
    }

    void findAndReplace()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r3")));
        SqlEditor *editor = ws->newTab()->editor();
        editor->setPlainText(QStringLiteral("select id, ID_2, idx from t where id = 1"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        FindBar *bar = ws->findBar();
        QTRY_VERIFY(bar->isVisible());
        bar->findEdit()->clear();
        QTest::keyClicks(bar->findEdit(), QStringLiteral("id"));
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("id"));
        QCOMPARE(editor->textCursor().selectionStart(), 7);
        bar->wordBox()->setChecked(true);
        bar->caseBox()->setChecked(true);
        QTest::keyClick(bar->findEdit(), Qt::Key_Return);
        QCOMPARE(editor->textCursor().selectionStart(), 34); // whole word, case: the id of "where id"
        // Replace all with a regular expression and a group: one undo step.
        bar->openReplace();
        bar->wordBox()->setChecked(false);
        bar->caseBox()->setChecked(false);
        bar->regexBox()->setChecked(true);
        bar->findEdit()->setText(QStringLiteral("id(_\\d|x)?"));
        bar->replaceEdit()->setText(QStringLiteral("key\\1"));
        QCOMPARE(bar->replaceAll(), 4);
        QCOMPARE(editor->toPlainText(), QStringLiteral("select key, key_2, keyx from t where key = 1"));
        editor->undo();
        QCOMPARE(editor->toPlainText(), QStringLiteral("select id, ID_2, idx from t where id = 1"));
        // A bad pattern is said, nothing changes.
        bar->findEdit()->setText(QStringLiteral("(unclosed"));
        QCOMPARE(bar->replaceAll(), 0);
        QTest::keyClick(bar->findEdit(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }

    void commentIndentBracketsZoomAndGoToLine()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r4")));
        SqlEditor *editor = ws->newTab()->editor();
        editor->setPlainText(QStringLiteral("SELECT (a + (b))\nFROM t\nWHERE x"));
        editor->selectAll();
        QTest::keyClick(editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(), QStringLiteral("-- SELECT (a + (b))\n-- FROM t\n-- WHERE x"));
        QTest::keyClick(editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(), QStringLiteral("SELECT (a + (b))\nFROM t\nWHERE x"));
        QTest::keyClick(editor, Qt::Key_Tab); // a selection of lines: indented, not replaced
        QCOMPARE(editor->toPlainText(), QStringLiteral("    SELECT (a + (b))\n    FROM t\n    WHERE x"));
        QTest::keyClick(editor, Qt::Key_Backtab);
        QCOMPARE(editor->toPlainText(), QStringLiteral("SELECT (a + (b))\nFROM t\nWHERE x"));
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(7); // before the first "("
        editor->setTextCursor(cursor);
        QCOMPARE(editor->matchingBrackets(), std::make_pair(7, 15));
        cursor.setPosition(16); // after the last ")"
        editor->setTextCursor(cursor);
        QCOMPARE(editor->matchingBrackets(), std::make_pair(15, 7));
        const qreal size = editor->font().pointSizeF();
        QTest::keyClick(editor, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(editor->font().pointSizeF() > size);
        QTest::keyClick(editor, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(editor->font().pointSizeF(), size);
        ws->goToLine(3);
        QCOMPARE(editor->textCursor().blockNumber(), 2);
        ws->goToLine(99);
        QCOMPARE(editor->textCursor().blockNumber(), 2);
    }

    void completionWhileTyping()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r5")));
        TableNames tables;
        ws->addCompletionProvider(&tables);
        SqlEditor *editor = ws->newTab()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("SELECT * FROM sta"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("staff_salaries"));
        // The popup takes Return: the word is completed.
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("SELECT * FROM staff_salaries"));
        // The dialect's keywords, as typed.
        QTest::keyClicks(editor, QStringLiteral(" wher"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("where"));
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Escape);
        QVERIFY(!editor->completer()->popup()->isVisible());
    }

    void filesOpenInTabsAndClosingAsks()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r6")));
        const QString path = writeFile(QStringLiteral("a.hql"), "SELECT 1;\n");
        const int before = ws->count();
        QVERIFY(ws->openFile(path));
        QCOMPARE(ws->count(), before + 1);
        QVERIFY(ws->openFile(path)); // the same file: its tab, not another
        QCOMPARE(ws->count(), before + 1);
        ScriptTab *tab = ws->currentTab();
        QCOMPARE(tab->displayName(), QStringLiteral("a.hql"));
        QCOMPARE(tab->editor()->syntaxName(), QStringLiteral("HiveQL"));
        QTest::keyClicks(tab->editor(), QStringLiteral("-- more "));
        QVERIFY(ws->tabWidget()->tabText(ws->tabWidget()->currentIndex()).endsWith(u'*'));
        // Cancel keeps the tab; Discard closes it and leaves the file alone.
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!ws->closeTab(tab));
        QCOMPARE(ws->count(), before + 1);
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(ws->closeTab(tab));
        QTRY_COMPARE(ws->count(), before);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("SELECT 1;\n"));
        // Save writes it.
        QVERIFY(ws->openFile(path));
        QTest::keyClicks(ws->currentEditor(), QStringLiteral("-- saved "));
        answerNextMessageBox(QMessageBox::Save);
        QVERIFY(ws->closeTab(ws->currentTab()));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("-- saved SELECT 1;\n"));
    }

    void windowCloseAsksAboutModifiedFilesOnly()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r7")));
        QTest::keyClicks(ws->newTab()->editor(), QStringLiteral("SELECT 'untitled'"));
        QVERIFY(ws->confirmClose()); // untitled scripts are kept, not asked about
        QVERIFY(ws->openFile(writeFile(QStringLiteral("b.sql"), "SELECT 2;")));
        QTest::keyClicks(ws->currentEditor(), QStringLiteral("x"));
        QString question;
        answerNextMessageBox(QMessageBox::Cancel, &question);
        QVERIFY(!ws->confirmClose());
        QVERIFY(question.contains(u"b.sql"));
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(ws->confirmClose());
    }

    void aFileChangedOnDiskIsNoticed()
    {
        auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("r8")));
        const QString path = writeFile(QStringLiteral("c.sql"), "SELECT 1;");
        QVERIFY(ws->openFile(path));
        SqlEditor *editor = ws->currentEditor();
        writeFile(QStringLiteral("c.sql"), "SELECT 'changed elsewhere';");
        QMessageBox *question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (question = ws->findChild<QMessageBox *>(QStringLiteral("fileChangedQuestion"))), 10000);
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("reloadButton")), Qt::LeftButton);
        QTRY_COMPARE(editor->toPlainText(), QStringLiteral("SELECT 'changed elsewhere';"));
        QVERIFY(!editor->document()->isModified());
        // Keep mine: the text stays and counts as unsaved.
        QTRY_VERIFY(!ws->findChild<QMessageBox *>(QStringLiteral("fileChangedQuestion")));
        writeFile(QStringLiteral("c.sql"), "SELECT 'again';");
        QTRY_VERIFY_WITH_TIMEOUT(
            (question = ws->findChild<QMessageBox *>(QStringLiteral("fileChangedQuestion"))), 10000);
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("keepMineButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(editor->document()->isModified());
        QCOMPARE(editor->toPlainText(), QStringLiteral("SELECT 'changed elsewhere';"));
        // Our own save is not a change from elsewhere.
        QVERIFY(ws->saveTab(ws->currentTab()));
        QTest::qWait(500);
        QVERIFY(!ws->findChild<QMessageBox *>(QStringLiteral("fileChangedQuestion")));
    }

    void tabsComeBackWithTheirPlaceAfterANormalEnd()
    {
        const QString recovery = m_dir.filePath(QStringLiteral("r9"));
        int cursor = 0;
        int scroll = 0;
        {
            auto ws = makeWorkspace(recovery);
            SqlEditor *editor = ws->currentEditor();
            QString text;
            for (int i = 0; i < 300; ++i)
                text += QStringLiteral("SELECT %1;\n").arg(i);
            editor->setPlainText(text);
            ws->goToLine(250);
            cursor = editor->textCursor().position();
            scroll = editor->verticalScrollBar()->value();
            QVERIFY(scroll > 0);
            ws->flushRecovery();
            ws->markEndedCleanly();
        }
        auto ws = makeWorkspace(recovery);
        QCOMPARE(ws->count(), 1);
        QCOMPARE(ws->currentEditor()->textCursor().position(), cursor);
        QTRY_COMPARE(ws->currentEditor()->verticalScrollBar()->value(), scroll);
        QVERIFY(ws->recoveredTabs().isEmpty());
    }
};

QTEST_MAIN(TestScriptWorkspace)
#include "tst_scriptworkspace.moc"
