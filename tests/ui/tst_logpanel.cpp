// The log pane driven as a user drives it: following, scrolling up and jumping back,
// searching, filtering by level and text, marks, copy, save, the failure banner; and a
// 200,000-line job of jobdeck-server followed live to its last line.
#include "backends/local/localserverfile.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "joblist/joblistpanel.h"
#include "jobs/joblistmodel.h"
#include "logs/logstore.h"
#include "logview/logdock.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "mainwindow/mainwindow.h"
#include "session/session.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

// A log mixing the formats of big-data jobs, as jobdeck-server or a Linkis engine hands it
// over: its own lines wrapped as INFO, a wrapped log4j WARN, a stack trace, Spark,
// ZooKeeper, Python, Flink, Hive, Kylin and Linkis lines.
QStringList mixedLog()
{
    return {
        u"2026-12-01 21:55:00.001 INFO Job 42 submitted to engine spark"_s, // I
        u"2026-12-01 21:55:00.002 INFO 2024-01-01 10:00:00,123 WARN  [main] "
        u"org.apache.hadoop.conf.Configuration: "
        u"mapred.job.tracker is deprecated. Instead, use mapreduce.jobtracker.address"_s, // W
        u"17/06/09 20:10:40 INFO SparkContext: Running Spark version 2.1.1"_s,            // I
        u"17/06/09 20:10:41 DEBUG BlockManager: Putting block broadcast_0 without replication took 12 ms"_s, // D
        u"2012-01-01 10:00:00,123 [myid:1] - WARN  [QuorumPeer[myid=1]/0.0.0.0:2181:Follower@118] - "
        u"Got zxid 0x100000001 expected 0x1"_s,                                           // W
        u"2024-01-01 10:00:01,500 - etl.load - INFO - loaded 1200 rows into dw.orders"_s, // I
        u"2024-01-01 10:00:02,000 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor [] - "
        u"Receive slot request 5c3a for job 0b2a from resource manager"_s,                                // I
        u"2024-01-01T10:00:03,123  INFO [main] ql.Driver: Compiling command(queryId=hive_1): SELECT 1"_s, // I
        u"2024-01-01 10:00:04,123 INFO  [Scheduler 1 Job 0b2a] execution.AbstractExecutable:111 : "
        u"Executing AbstractExecutable (Build Dimension Dictionary)"_s, // I
        u"2022-09-15 10:20:31.456 [INFO ] [Linkis-Default-Scheduler-Thread-2] "
        u"o.a.l.e.s.SparkEngineConnExecutor (123) [executeLine] - Ready to run code"_s, // I
        u"2024-01-01 10:00:05,000 ERROR [Executor task launch worker-0] org.apache.spark.executor.Executor: "
        u"Exception in task 0.0 in stage 1.0 (TID 1)"_s,                                              // E
        u"java.lang.IllegalStateException: partition 7 is missing"_s,                                 // E
        u"\tat org.apache.spark.rdd.RDD.computeOrReadCheckpoint(RDD.scala:323)"_s,                    // E
        u"\tat org.apache.spark.scheduler.Task.run(Task.scala:99)"_s,                                 // E
        u"Caused by: java.io.FileNotFoundException: /data/part-00007 (No such file or directory)"_s,  // E
        u"\t... 12 more"_s,                                                                           // E
        u"WARNING:root:retrying partition 7 in 5 s"_s,                                                // W
        u"2026-12-01 21:55:09.000 ERROR Task is Failed,errorMsg: Job aborted due to stage failure"_s, // E
        u"OK"_s,                                                                                      // -
    };
}

QString screenshotDir()
{
    return qEnvironmentVariable("JOBDECK_SCREENSHOT_DIR");
}

// With JOBDECK_SCREENSHOT_DIR set (scripts make the README's pictures so), keeps a picture.
void shoot(QWidget *widget, const QString &name)
{
    if (screenshotDir().isEmpty())
        return;
    QCoreApplication::processEvents();
    widget->grab().save(screenshotDir() + u'/' + name + u".png"_s);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b2d30));
    p.setColor(QPalette::WindowText, QColor(0xdfe1e5));
    p.setColor(QPalette::Base, QColor(0x1e1f22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b2d30));
    p.setColor(QPalette::Text, QColor(0xdfe1e5));
    p.setColor(QPalette::PlaceholderText, QColor(0x868a91));
    p.setColor(QPalette::Button, QColor(0x3c3f41));
    p.setColor(QPalette::ButtonText, QColor(0xdfe1e5));
    p.setColor(QPalette::Highlight, QColor(0x2f65ca));
    p.setColor(QPalette::HighlightedText, QColor(0xffffff));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c3f41));
    p.setColor(QPalette::ToolTipText, QColor(0xdfe1e5));
    return p;
}

QLabel *countLabel(LogPanel &panel)
{
    return panel.findChild<QLabel *>(u"logMatchCount"_s);
}

} // namespace

class TestLogPanel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogPanel> makePanel(std::shared_ptr<LogStore> store, const Job &job = {})
    {
        auto panel = std::make_unique<LogPanel>();
        panel->resize(1300, 560);
        panel->setLog(std::move(store), job);
        panel->show();
        panel->activateWindow(); // shortcuts (F3, F8, Ctrl+M) work in the active window
        if (!QTest::qWaitForWindowActive(panel.get()))
            qWarning("the panel did not become active");
        return panel;
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); }

    void followsScrollUpStopsAndJumpBrings()
    {
        auto store = std::make_shared<LogStore>();
        auto panel = makePanel(store);
        LogView *view = panel->view();
        for (int i = 1; i <= 1000; ++i)
            store->append(u"2026-12-01 21:55:00.000 INFO line %1"_s.arg(i));
        panel->linesAppended();
        QVERIFY(view->isFollowing());
        QCOMPARE(view->lineAtRow(view->firstVisibleRow() + view->visibleRows() - 1), 1000);
        auto *jump = panel->findChild<QPushButton *>(u"logJumpToEnd"_s);
        QVERIFY(jump->isHidden());

        // Scrolling up with the wheel stops following; new lines are counted, not shown.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_PageUp);
        QTest::keyClick(view, Qt::Key_PageUp);
        QVERIFY(!view->isFollowing());
        const qint64 first = view->firstVisibleRow();
        for (int i = 1001; i <= 1050; ++i)
            store->append(u"2026-12-01 21:55:01.000 INFO line %1"_s.arg(i));
        panel->linesAppended();
        QCOMPARE(view->firstVisibleRow(), first);
        QTRY_VERIFY(jump->isVisible());
        QVERIFY2(jump->text().contains(u"50"), qPrintable(jump->text()));
        QTest::mouseClick(jump, Qt::LeftButton);
        QVERIFY(view->isFollowing());
        QCOMPARE(view->lineAtRow(view->firstVisibleRow() + view->visibleRows() - 1), 1050);
        QTRY_VERIFY(jump->isHidden());
        store->append(u"one more"_s);
        panel->linesAppended();
        QCOMPARE(view->lineAtRow(view->firstVisibleRow() + view->visibleRows() - 1), 1051);
    }

    void searchCountsHighlightsAndSteps()
    {
        auto store = std::make_shared<LogStore>();
        for (int i = 1; i <= 30000; ++i)
            store->append(i % 7 == 0 ? u"2026-12-01 21:55:00.000 WARN slow Disk on node %1"_s.arg(i)
                                     : u"2026-12-01 21:55:00.000 INFO copied block %1"_s.arg(i));
        auto panel = makePanel(store);
        auto *search = panel->findChild<QLineEdit *>(u"logSearch"_s);
        QSignalSpy finished(panel.get(), &LogPanel::searchFinished);
        QTest::keyClicks(search, u"slow disk"_s);
        QTRY_VERIFY(!panel->isBusy() && !finished.isEmpty());
        QCOMPARE(finished.last().at(0).toLongLong(), 30000 / 7);
        QCOMPARE(panel->matches().size(), 30000 / 7);
        QVERIFY2(countLabel(*panel)->text().contains(u"4,285")
                     || countLabel(*panel)->text().contains(u"4285"),
                 qPrintable(countLabel(*panel)->text()));
        // Enter goes to the first match after the current line (none: the first one), F3 to the next.
        panel->view()->goToLine(1);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(panel->view()->currentLine(), 7);
        QTest::keyClick(search, Qt::Key_F3);
        QCOMPARE(panel->view()->currentLine(), 14);
        QVERIFY(countLabel(*panel)->text().startsWith(u"2 of"));
        QTest::keyClick(search, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(panel->view()->currentLine(), 7);
        // Lines that arrive are searched as they come.
        store->append(u"2026-12-01 21:55:09.000 WARN SLOW DISK again"_s);
        panel->linesAppended();
        QCOMPARE(panel->matches().size(), 30000 / 7 + 1);
        QCOMPARE(panel->matches().last(), 30001);
        shoot(panel.get(), u"logview-search"_s);

        // A regular expression that is not one says so.
        panel->setSearch(u"disk("_s, true);
        QVERIFY2(countLabel(*panel)->text().startsWith(u"Invalid"), qPrintable(countLabel(*panel)->text()));
    }

    void levelFilterOnMixedFormats_data()
    {
        QTest::addColumn<int>("downPresses"); // in the level box, from "All lines"
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << 0 << 19;
        QTest::newRow("debug and above") << 2 << 18;
        QTest::newRow("info and above") << 3 << 17;
        QTest::newRow("warnings and errors") << 4 << 10;
        QTest::newRow("errors") << 5 << 7;
        QTest::newRow("fatal") << 6 << 0;
    }
    void levelFilterOnMixedFormats()
    {
        QFETCH(int, downPresses);
        QFETCH(int, rows);
        auto store = std::make_shared<LogStore>();
        store->append(mixedLog());
        auto panel = makePanel(store);
        auto *level = panel->findChild<QComboBox *>(u"logLevel"_s);
        QSignalSpy filtered(panel.get(), &LogPanel::filterFinished);
        level->setFocus();
        for (int i = 0; i < downPresses; ++i)
            QTest::keyClick(level, Qt::Key_Down);
        if (downPresses > 0)
            QTRY_VERIFY(!panel->isBusy() && !filtered.isEmpty());
        QCOMPARE(panel->view()->rowCount(), rows);
        // The stack trace stays with its ERROR record.
        if (rows == 7)
            QCOMPARE(panel->view()->rows().value(), (QList<qint64>{11, 12, 13, 14, 15, 16, 18}));
        if (rows == 10)
            shoot(panel.get(), u"logview-level-filter"_s);
    }

    void includeAndExcludeFilters()
    {
        auto store = std::make_shared<LogStore>();
        store->append(mixedLog());
        auto panel = makePanel(store);
        auto *include = panel->findChild<QLineEdit *>(u"logInclude"_s);
        auto *exclude = panel->findChild<QLineEdit *>(u"logExclude"_s);
        QSignalSpy filtered(panel.get(), &LogPanel::filterFinished);
        QTest::keyClicks(include, u"spark"_s);
        QTest::keyClick(include, Qt::Key_Return);
        QTRY_VERIFY(!panel->isBusy() && !filtered.isEmpty());
        QCOMPARE(panel->view()->rows().value(), (QList<qint64>{1, 3, 10, 11, 13, 14}));
        QTest::keyClicks(exclude, u"at org"_s);
        QTest::keyClick(exclude, Qt::Key_Return);
        QTRY_VERIFY(!panel->isBusy() && filtered.size() >= 2);
        QCOMPARE(panel->view()->rows().value(), (QList<qint64>{1, 3, 10, 11}));
        // New lines pass the same filters.
        store->append(u"spark again"_s);
        store->append(u"\tat org.spark.Foo"_s);
        store->append(u"hive"_s);
        panel->linesAppended();
        QCOMPARE(panel->view()->rows().value(), (QList<qint64>{1, 3, 10, 11, 20}));
        QVERIFY(panel->toPlainText().endsWith(u"spark again"));
    }

    void spillingKeepsEverySearchMatch()
    {
        auto budget = std::make_shared<LogMemoryBudget>(LogMemoryBudget::Limits{1 << 20, 2 << 20});
        auto store = std::make_shared<LogStore>(budget);
        for (int i = 1; i <= 100000; ++i)
            store->append(u"2026-12-01 21:55:00.000 INFO row %1 of the nightly export%2"_s.arg(i).arg(
                i % 1000 == 0 ? u" needle"_s : QString()));
        QVERIFY(store->spilledBytes() > 3 * LogStore::BlockBytes);
        auto panel = makePanel(store);
        QSignalSpy finished(panel.get(), &LogPanel::searchFinished);
        QTest::keyClicks(panel->findChild<QLineEdit *>(u"logSearch"_s), u"NEEDLE"_s);
        QTRY_VERIFY(!panel->isBusy() && !finished.isEmpty());
        QCOMPARE(panel->matches().size(), 100);
        for (qsizetype i = 0; i < panel->matches().size(); ++i)
            QCOMPARE(panel->matches()[i], (i + 1) * 1000);
        // A spilled line reads back when jumped to.
        panel->view()->goToLine(1000);
        QVERIFY(store->line(1000).endsWith(u"needle"));
    }

    void marksErrorsCopyAndSave()
    {
        auto store = std::make_shared<LogStore>();
        store->append(mixedLog());
        auto panel = makePanel(store);
        LogView *view = panel->view();
        view->goToLine(1);
        // Next error: the ERROR record's first line, then the next record.
        QTest::keyClick(view, Qt::Key_F8);
        QCOMPARE(view->currentLine(), 11);
        QTest::keyClick(view, Qt::Key_F8);
        QCOMPARE(view->currentLine(), 18);
        QTest::keyClick(view, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(view->currentLine(), 11);

        // A click on a line number marks it; F2 goes from mark to mark.
        const int lh = view->fontMetrics().height();
        const auto rowY = [&](qint64 n) {
            return int((view->rowOfLine(n) - view->firstVisibleRow()) * lh + lh / 2);
        };
        view->jumpToEnd();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(10, rowY(5)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(10, rowY(17)));
        QCOMPARE(panel->marks(), (QList<qint64>{5, 17}));
        view->goToLine(1);
        QTest::keyClick(view, Qt::Key_F2);
        QCOMPARE(view->currentLine(), 5);
        QTest::keyClick(view, Qt::Key_F2);
        QCOMPARE(view->currentLine(), 17);
        QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(panel->marks(), (QList<qint64>{5}));

        // Click and shift-click select lines; Ctrl+C copies them whole.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(300, rowY(12)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(300, rowY(14)));
        QCOMPARE(view->selectedLines(), (QList<qint64>{12, 13, 14}));
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), mixedLog().mid(11, 3).join(u'\n'));

        QTemporaryDir dir;
        QString error;
        QVERIFY2(panel->saveTo(dir.filePath(u"job.log"_s), &error), qPrintable(error));
        QFile saved(dir.filePath(u"job.log"_s));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), mixedLog().join(u'\n') + u'\n');
        QVERIFY(!panel->saveTo(dir.filePath(u"no/such/dir/job.log"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void longLinesAreCutWithTheWholeLineShown()
    {
        auto store = std::make_shared<LogStore>();
        const QString longLine = u"2026-12-01 21:55:00.000 INFO "_s + QString(5000, u'x') + u"END"_s;
        store->append(u"short"_s);
        store->append(longLine);
        auto panel = makePanel(store);
        auto *detail = panel->findChild<QWidget *>(u"logLineDetail"_s);
        QVERIFY(detail->isHidden());
        LogView *view = panel->view();
        const int lh = view->fontMetrics().height();
        QTest::mouseClick(view->viewport(),
                          Qt::LeftButton,
                          {},
                          QPoint(300, int(view->rowOfLine(2) - view->firstVisibleRow()) * lh + 2));
        QCOMPARE(view->currentLine(), 2);
        QVERIFY(detail->isVisible());
        QCOMPARE(detail->property("plainText").toString(), longLine);
        QTRY_VERIFY(view->horizontalScrollBar()->maximum() > 0);
    }

    void failureBannerJumpsToTheFirstError()
    {
        auto store = std::make_shared<LogStore>();
        store->append(mixedLog());
        Job job;
        job.id = u"42"_s;
        job.state = JobState::Running;
        auto panel = makePanel(store, job);
        QVERIFY(!panel->isBannerShown());
        job.state = JobState::Failed;
        job.errorMessage = u"Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 times"_s;
        panel->setJob(job);
        QVERIFY(panel->isBannerShown());
        QVERIFY(panel->bannerText().contains(job.errorMessage));
        QVERIFY2(panel->bannerText().contains(u"line 11"), qPrintable(panel->bannerText()));
        panel->view()->goToLine(1);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"logFailureGo"_s), Qt::LeftButton);
        QCOMPARE(panel->view()->currentLine(), 11);
        shoot(panel.get(), u"logview-failed"_s);
    }

    // The pictures of the README, in dark mode too (light ones come from the tests above).
    void darkMode()
    {
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        auto store = std::make_shared<LogStore>();
        store->append(mixedLog());
        Job job;
        job.id = u"42"_s;
        job.state = JobState::Failed;
        job.errorMessage = u"Job aborted due to stage failure"_s;
        auto panel = makePanel(store, job);
        panel->setSearch(u"partition"_s);
        QTRY_VERIFY(!panel->isBusy());
        QCOMPARE(panel->matches(), (QList<qint64>{12, 17}));
        // The palette's colours, not fixed ones: the text reads on a dark base.
        const QImage picture = panel->view()->viewport()->grab().toImage();
        QVERIFY(qGray(picture.pixel(picture.width() - 5, picture.height() - 5)) < 100);
        shoot(panel.get(), u"logview-dark"_s);
        QApplication::setPalette(light);
    }

    // Through jobdeck-server: a job's 200,000 lines followed live to the last, none missing
    // or doubled; switching to another job and back shows it again without reading it again.
    void followsAJobOfTheLocalServerLive()
    {
        Console console;
        auto *sessionPtr = new Session;
        console.addSession(sessionPtr); // the console owns it
        Session &session = *sessionPtr;
        MainWindow window(nullptr, &console);
        const auto currentJobId = [&console] {
            return console.currentJob().id;
        };
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Ready, 20000);
        auto *runType = window.findChild<QComboBox *>(u"runType"_s);
        runType->setCurrentIndex(runType->findData(u"shell"_s));
        window.editor()->setPlainText(u"i=0; while [ $i -lt 4 ]; do seq $((i*50000+1)) $((i*50000+50000)); "
                                      u"i=$((i+1)); sleep 0.5; done"_s);
        window.workspace()->runScriptAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!currentJobId().isEmpty(), 10000);
        const QString big = currentJobId();
        LogPanel *panel = window.logPanel()->log();
        QTRY_VERIFY_WITH_TIMEOUT(panel->store() && panel->store()->lineCount() > 60000, 60000);
        QVERIFY(panel->view()->isFollowing());
        shoot(&window, u"logview-following"_s);
        QTRY_COMPARE_WITH_TIMEOUT(session.job(big).state, JobState::Succeeded, 120000);
        const LogStore *store = panel->store();
        QTRY_VERIFY_WITH_TIMEOUT(store->lineCount() >= 200000, 30000);
        QTest::qWait(500);
        const QRegularExpression numbered(u"^\\S+ \\S+ INFO (\\d+)$"_s);
        qint64 expected = 1;
        for (qint64 n = 1; n <= store->lineCount(); ++n) {
            const QRegularExpressionMatch m = numbered.match(store->line(n));
            if (!m.hasMatch())
                continue;
            if (m.captured(1).toLongLong() != expected)
                QFAIL(qPrintable(u"line %1 holds %2, expected %3"_s.arg(n).arg(m.captured(1)).arg(expected)));
            ++expected;
        }
        QCOMPARE(expected - 1, 200000);
        LogView *view = panel->view();
        QVERIFY(view->isFollowing());
        QCOMPARE(view->lineAtRow(view->firstVisibleRow() + view->visibleRows() - 1), store->lineCount());

        // Another job, then back: the same store, not read again.
        const quint64 generation = store->generation();
        const qint64 lines = store->lineCount();
        window.editor()->setPlainText(u"echo the other job"_s);
        window.workspace()->runScriptAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(currentJobId() != big && !currentJobId().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->toPlainText().contains(u"the other job"), 20000);
        QTableView *table = window.jobListPanel()->view();
        const QModelIndex bigRow = table->model()->index(
            [&] {
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    if (table->model()->index(row, 0).data(JobListModel::JobRole).value<Job>().id == big)
                        return row;
                }
                return -1;
            }(),
            0);
        QVERIFY(bigRow.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(bigRow).center());
        QCOMPARE(currentJobId(), big);
        QCOMPARE(panel->store(), store); // at once, the same lines
        QCOMPARE(store->generation(), generation);
        QCOMPARE(store->lineCount(), lines);
        QCOMPARE(view->lineAtRow(view->firstVisibleRow() + view->visibleRows() - 1), lines);
        QTest::qWait(1500); // a refetch would clear the store and deliver it again
        QCOMPARE(store->generation(), generation);
        QCOMPARE(store->lineCount(), lines);

        // A failed job: the banner with the server's reason and the first ERROR line.
        window.editor()->setPlainText(u"echo start; echo 'disk /data is full' >&2; exit 3"_s);
        window.workspace()->runScriptAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(currentJobId() != big && !currentJobId().isEmpty(), 10000);
        const QString failed = currentJobId();
        QTRY_COMPARE_WITH_TIMEOUT(session.job(failed).state, JobState::Failed, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->bannerText().contains(u"disk /data is full"), 10000);
        QVERIFY(panel->isBannerShown());
        shoot(&window, u"logview-failed-console"_s);
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

QTEST_MAIN(TestLogPanel)
#include "tst_logpanel.moc"
