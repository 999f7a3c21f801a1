#include "editor/sqleditor.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QTest>

#include <memory>

using namespace JobDeck;

// Restarting the console brings back the user's arrangement and text. Each "start" is a
// new MainWindow reading the same settings and draft folder, as a new process would.
class TestLayoutRestore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QSettings().clear(); // each test starts from a fresh install
        QSettings().sync();
    }

    void defaultLayoutOnFirstStart()
    {
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.dockWidgetArea(window.jobListDock()), Qt::LeftDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(window.logDock()), Qt::BottomDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(window.progressDock()), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(window.timelineDock()), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(window.resultsDock()), Qt::BottomDockWidgetArea);
        QVERIFY(window.tabifiedDockWidgets(window.logDock()).contains(window.resultsDock()));
    }

    void restartRestoresDockLayout()
    {
        QSize savedSize;
        {
            auto window = std::make_unique<MainWindow>(nullptr);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            // The user moves the log to the left, hides the progress chart (View menu) and
            // tabs the timeline onto the job list.
            window->addDockWidget(Qt::LeftDockWidgetArea, window->logDock());
            window->progressDock()->toggleViewAction()->trigger();
            window->tabifyDockWidget(window->jobListDock(), window->timelineDock());
            // Within the offscreen screen (800x600), which restoreGeometry() clamps to, and
            // above the window's minimum with three docks stacked on the left.
            window->resize(780, 596);
            QTRY_COMPARE(window->size(), QSize(780, 596));
            QVERIFY(window->progressDock()->isHidden());
            savedSize = window->size();
            QVERIFY(window->close()); // a real close event, as when the user quits
        }
        {
            MainWindow window(nullptr);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.dockWidgetArea(window.logDock()), Qt::LeftDockWidgetArea);
            QVERIFY(window.progressDock()->isHidden());
            QVERIFY(!window.progressDock()->toggleViewAction()->isChecked());
            QCOMPARE(window.dockWidgetArea(window.timelineDock()), Qt::LeftDockWidgetArea);
            QVERIFY(window.tabifiedDockWidgets(window.jobListDock()).contains(window.timelineDock()));
            QCOMPARE(window.size(), savedSize);
        }
    }

    void restartRestoresTypedScript()
    {
        const QString typed = QStringLiteral("SELECT 1 AS kept;");
        {
            MainWindow window(nullptr);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.editor()->selectAll();
            window.editor()->setFocus();
            QTest::keyClick(window.editor(), Qt::Key_Delete);
            QTest::keyClicks(window.editor(), typed);
            QCOMPARE(window.editor()->toPlainText(), typed);
            QVERIFY(window.close());
        }
        MainWindow window(nullptr);
        QCOMPARE(window.editor()->toPlainText(), typed);
    }
};

QTEST_MAIN(TestLayoutRestore)
#include "tst_layoutrestore.moc"
