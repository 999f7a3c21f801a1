#include "common/emptystate.h"
#include "core/buildinfo.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"

#include <ksyntaxhighlighting_version.h>

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace JobDeck;

namespace {
// The character format the highlighter gave the character at `position` in `block`.
QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    const auto ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithEditorAndEmptyDocks()
    {
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.editor()->isVisible());
        QCOMPARE(window.centralWidget(), window.workspace());
        QVERIFY(window.workspace()->isAncestorOf(window.editor()));
        for (QDockWidget *dock :
             {window.jobListDock(), window.timelineDock(), window.logDock(), window.progressDock()}) {
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
            QVERIFY(!dock->windowTitle().isEmpty());
            // Each dock tells the user what to do while it is empty.
            auto *empty = dock->findChild<EmptyState *>();
            QVERIFY2(empty, qPrintable(dock->objectName()));
            QVERIFY(!empty->title().isEmpty());
            QVERIFY(empty->hint().size() > 20);
        }
    }

    void sqlKeywordIsHighlighted()
    {
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SqlEditor *editor = window.editor();
        QCOMPARE(editor->syntaxName(), QStringLiteral("SQL"));
        editor->setPlainText(QStringLiteral("SELECT name FROM staff WHERE id = 42;"));
        const QTextBlock block = editor->document()->firstBlock();
        // Highlighting may be queued; wait until the keyword has a format of its own.
        QTRY_VERIFY(formatAt(block, 0).isValid());
        const QTextCharFormat keyword = formatAt(block, 0); // S of SELECT
        const QTextCharFormat plain = formatAt(block, 7);   // n of name
        const QTextCharFormat number = formatAt(block, 34); // 4 of 42
        QVERIFY(keyword != plain);
        QVERIFY(keyword.foreground().color() != plain.foreground().color()
                || keyword.fontWeight() != plain.fontWeight());
        QVERIFY(number != plain);
        // The same keyword later in the line gets the same format.
        QCOMPARE(formatAt(block, 12), keyword); // F of FROM
    }

    void aboutNamesTheVersions()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(BuildInfo::version()));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)));
    }

    void languageMenuRetranslatesAtRunTime()
    {
        Translations translations;
        MainWindow window(&translations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString englishTitle = window.logDock()->windowTitle();
        const QString englishMenu = window.menuBar()->actions().constFirst()->text();
        QCOMPARE(englishTitle, QStringLiteral("Log"));

        QAction *chinese = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->isCheckable() && action->data().value<Language>() == Language::Chinese
                && action->text() == QStringLiteral("中文"))
                chinese = action;
        }
        QVERIFY(chinese);
        chinese->trigger();
        QCOMPARE(translations.language(), Language::Chinese);
        QTRY_VERIFY(window.logDock()->windowTitle() != englishTitle);
        QVERIFY(window.menuBar()->actions().constFirst()->text() != englishMenu);
        auto *empty = window.logDock()->findChild<EmptyState *>();
        QVERIFY(!empty->hint().contains(u"Select a job"));
        QVERIFY(chinese->isChecked());
        // The untitled script's tab is named in the new language too.
        QTabWidget *tabs = window.workspace()->tabWidget();
        QVERIFY(tabs);
        QVERIFY2(!tabs->tabText(0).startsWith(u"Untitled"), qPrintable(tabs->tabText(0)));

        translations.setLanguage(Language::English);
        QTRY_COMPARE(window.logDock()->windowTitle(), englishTitle);
        QVERIFY2(tabs->tabText(0).startsWith(u"Untitled"), qPrintable(tabs->tabText(0)));
        QVERIFY(!chinese->isChecked());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
