// The job list panel with real widgets and real events: the filter bar (states with counts,
// text, connections, time, "mine"), what survives a restart, the empty states, selection and
// activation, and the cells painted by the delegate.
#include "common/emptystate.h"
#include "common/jobstatestyle.h"
#include "i18n/translations.h"
#include "joblist/joblistpanel.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblistmodel.h"
#include "support/isolatedhome.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <QToolButton>
#include <functional>

using namespace JobDeck;

namespace {
const QString Local = QStringLiteral("local");
const QString Remote = QStringLiteral("prod");

Job makeJob(
    const QString &id, JobState state, int minutesAgo, const QString &submitter, const QString &name = {})
{
    Job job;
    job.id = id;
    job.name = name;
    job.state = state;
    job.submitter = submitter;
    job.submitted = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    job.engine = QStringLiteral("spark");
    job.runType = QStringLiteral("sql");
    job.script = QStringLiteral("SELECT * FROM sales WHERE day = %1").arg(minutesAgo);
    if (state == JobState::Running) {
        job.started = job.submitted.addSecs(5);
        job.progress = 0.6;
    } else if (isTerminal(state)) {
        job.started = job.submitted.addSecs(5);
        job.ended = job.started.addSecs(40 + minutesAgo);
        job.progress = state == JobState::Succeeded ? 1.0 : 0.3;
    }
    return job;
}

void fill(JobListModel &model)
{
    model.setConnectionLabel(Local, QStringLiteral("Local"));
    model.setConnectionLabel(Remote, QStringLiteral("Production Linkis"));
    model.upsert(Local,
                 QList<Job>{makeJob(QStringLiteral("101"),
                                    JobState::Running,
                                    2,
                                    QStringLiteral("alice"),
                                    QStringLiteral("daily revenue")),
                            makeJob(QStringLiteral("102"), JobState::Succeeded, 30, QStringLiteral("alice")),
                            makeJob(QStringLiteral("103"), JobState::Failed, 90, QStringLiteral("alice"))});
    model.upsert(
        Remote,
        QList<Job>{makeJob(QStringLiteral("7781"), JobState::Queued, 1, QStringLiteral("carol")),
                   makeJob(QStringLiteral("7780"),
                           JobState::Failed,
                           600,
                           QStringLiteral("carol"),
                           QStringLiteral("inventory snapshot")),
                   makeJob(QStringLiteral("7779"), JobState::Cancelled, 3000, QStringLiteral("bob")),
                   makeJob(QStringLiteral("7778"), JobState::Succeeded, 20000, QStringLiteral("carol"))});
}

QToolButton *chip(const JobListPanel &panel, JobState state)
{
    return panel.findChild<QToolButton *>(QStringLiteral("stateChip-") + jobStateName(state));
}

QStringList shownIds(const JobListPanel &panel)
{
    QStringList ids;
    const QAbstractItemModel *model = panel.view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(JobListModel::KeyRole).value<JobKey>().id;
    return ids;
}

QPoint cellCentre(const JobListPanel &panel, const JobKey &key, int column = JobListModel::JobColumn)
{
    const QModelIndex index = panel.filterModel()->indexOf(key, column);
    panel.view()->scrollTo(index);
    return panel.view()->visualRect(index).center();
}

// Opens the button's menu with a click and picks the action `choose` returns with the keyboard;
// the menu closes whatever happens, so a failure cannot leave the test waiting in it.
void pickFromMenu(QToolButton *button, const std::function<QAction *(QMenu *)> &choose)
{
    QMenu *menu = button->menu();
    QTimer::singleShot(0, menu, [menu, choose] {
        if (QAction *action = choose(menu)) {
            menu->setActiveAction(action);
            QTest::keyClick(menu, Qt::Key_Return);
        }
        if (menu->isVisible())
            menu->close();
    });
    QTest::mouseClick(button, Qt::LeftButton);
}

int colourDistance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}
} // namespace

class TestJobListPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("JobDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("JobDeck"));
        QVERIFY(QSettings().fileName().startsWith(JobDeck::Test::isolatedHome()));
    }

    void init() { QSettings().clear(); }

    void filtersByStateThroughTheChips()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        QAbstractItemModelTester tester(panel.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.view()->model()->rowCount(), 7);
        // Newest first on the first start.
        QCOMPARE(shownIds(panel).constFirst(), QStringLiteral("7781"));

        QToolButton *failed = chip(panel, JobState::Failed);
        QVERIFY(failed && failed->isVisible());
        QCOMPARE(failed->text(), QStringLiteral("Failed 2"));
        QCOMPARE(chip(panel, JobState::Running)->text(), QStringLiteral("Running 1"));
        // No job is paused: its chip stays out of the way.
        QVERIFY(!chip(panel, JobState::Paused)->isVisible());

        QTest::mouseClick(failed, Qt::LeftButton);
        QVERIFY(failed->isChecked());
        QCOMPARE(shownIds(panel), (QStringList{QStringLiteral("103"), QStringLiteral("7780")}));
        // Two states: either.
        QTest::mouseClick(chip(panel, JobState::Running), Qt::LeftButton);
        QCOMPARE(panel.view()->model()->rowCount(), 3);
        auto *clear = panel.findChild<QToolButton *>(QStringLiteral("jobFilterClear"));
        QVERIFY(clear->isVisible());

        // Counts follow the jobs, whatever is picked.
        model.upsert(Remote, makeJob(QStringLiteral("7782"), JobState::Failed, 0, QStringLiteral("carol")));
        QTRY_COMPARE(failed->text(), QStringLiteral("Failed 3"));
        QCOMPARE(panel.view()->model()->rowCount(), 4);
        Job done = model.job({Local, QStringLiteral("101")});
        done.state = JobState::Succeeded;
        model.upsert(Local, done);
        QTRY_COMPARE(chip(panel, JobState::Succeeded)->text(), QStringLiteral("Succeeded 3"));
        QCOMPARE(panel.view()->model()->rowCount(), 3);       // it left the Running filter
        QVERIFY(chip(panel, JobState::Running)->isVisible()); // picked, so shown at 0
        QCOMPARE(chip(panel, JobState::Running)->text(), QStringLiteral("Running 0"));

        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(panel.view()->model()->rowCount(), 8);
        QVERIFY(!failed->isChecked());
        QVERIFY(!clear->isVisible());
        QVERIFY(!chip(panel, JobState::Running)->isVisible());
    }

    void filtersByTextThroughTheSearchField()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        QAbstractItemModelTester tester(panel.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Ctrl+F from the list goes to the search field.
        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(panel.searchField()->hasFocus());
        QTest::keyClicks(panel.searchField(), QStringLiteral("inventory"));
        QTRY_COMPARE(shownIds(panel), QStringList{QStringLiteral("7780")});
        // The counts count what the text lets through.
        QTRY_COMPARE(chip(panel, JobState::Failed)->text(), QStringLiteral("Failed 1"));
        QVERIFY(!chip(panel, JobState::Running)->isVisible());

        // Script and submitter, any case, every word.
        panel.searchField()->selectAll();
        QTest::keyClicks(panel.searchField(), QStringLiteral("ALICE day = 9"));
        QTRY_COMPARE(shownIds(panel), QStringList{QStringLiteral("103")});

        // Nothing matches: the empty state says so and clears the filter.
        panel.searchField()->selectAll();
        QTest::keyClicks(panel.searchField(), QStringLiteral("no such job"));
        auto *stack = panel.findChild<QStackedWidget *>();
        auto *empty = panel.findChild<EmptyState *>();
        QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("jobListEmpty"));
        QCOMPARE(empty->title(), QStringLiteral("No job matches the filter"));
        QCOMPARE(empty->hint(), QStringLiteral("7 jobs hidden by the filter."));
        auto *clear = panel.findChild<QPushButton *>(QStringLiteral("clearFilterButton"));
        QVERIFY(clear->isVisible());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(stack->currentWidget(), panel.view());
        QCOMPARE(panel.view()->model()->rowCount(), 7);
        QCOMPARE(panel.searchField()->text(), QString());

        // Typed, then a state picked before the typing settled: both hold, the text is kept.
        panel.searchField()->setFocus();
        QTest::keyClicks(panel.searchField(), QStringLiteral("inventory"));
        panel.view()->setFocus(); // the user goes straight on to the chips
        QTest::mouseClick(chip(panel, JobState::Failed), Qt::LeftButton);
        QCOMPARE(panel.searchField()->text(), QStringLiteral("inventory"));
        QTRY_COMPARE(shownIds(panel), QStringList{QStringLiteral("7780")});
        QCOMPARE(panel.searchField()->text(), QStringLiteral("inventory"));
    }

    void filtersByConnectionTimeAndUser()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        panel.filterModel()->setCurrentUser(Local, QStringLiteral("alice"));
        panel.filterModel()->setCurrentUser(Remote, QStringLiteral("carol"));
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        auto *connections = panel.findChild<QToolButton *>(QStringLiteral("jobFilterConnections"));
        QCOMPARE(connections->text(), QStringLiteral("All Connections"));
        QString remoteText;
        pickFromMenu(connections, [&](QMenu *menu) -> QAction * {
            for (QAction *action : menu->actions()) {
                if (action->text().startsWith(u"Production Linkis")) {
                    remoteText = action->text();
                    return action;
                }
            }
            return nullptr;
        });
        QCOMPARE(remoteText, QStringLiteral("Production Linkis (4 jobs)"));
        QTRY_COMPARE(panel.view()->model()->rowCount(), 4);
        QCOMPARE(connections->text(), QStringLiteral("Production Linkis"));

        auto *mine = panel.findChild<QToolButton *>(QStringLiteral("jobFilterMine"));
        QTest::mouseClick(mine, Qt::LeftButton);
        QCOMPARE(panel.view()->model()->rowCount(), 3); // bob's is not carol's

        auto *time = panel.findChild<QToolButton *>(QStringLiteral("jobFilterTime"));
        pickFromMenu(time, [](QMenu *menu) { return menu->actions().value(2); });
        QTRY_COMPARE(time->text(), QStringLiteral("Last 24 Hours"));
        QCOMPARE(shownIds(panel), (QStringList{QStringLiteral("7781"), QStringLiteral("7780")}));
    }

    void theFilterAndColumnsSurviveARestart()
    {
        JobListModel model;
        fill(model);
        {
            JobListPanel panel(&model);
            panel.resize(1200, 500);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            QTest::mouseClick(chip(panel, JobState::Failed), Qt::LeftButton);
            QTest::keyClicks(panel.searchField(), QStringLiteral("carol"));
            QTRY_COMPARE(panel.view()->model()->rowCount(), 1);
            QTest::mouseClick(panel.findChild<QToolButton *>(QStringLiteral("jobFilterMine")),
                              Qt::LeftButton);
            // Sort by submitter with a click on its header.
            QHeaderView *header = panel.view()->horizontalHeader();
            const int x = header->sectionViewportPosition(JobListModel::SubmitterColumn)
                          + header->sectionSize(JobListModel::SubmitterColumn) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
            QCOMPARE(header->sortIndicatorSection(), int(JobListModel::SubmitterColumn));
        }
        JobListPanel again(&model);
        again.resize(1200, 500);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(chip(again, JobState::Failed)->isChecked());
        QCOMPARE(again.searchField()->text(), QStringLiteral("carol"));
        QVERIFY(again.findChild<QToolButton *>(QStringLiteral("jobFilterMine"))->isChecked());
        QCOMPARE(again.filterModel()->filter().states(), QSet<JobState>{JobState::Failed});
        QCOMPARE(shownIds(again), QStringList{QStringLiteral("7780")});
        QCOMPARE(again.view()->horizontalHeader()->sortIndicatorSection(),
                 int(JobListModel::SubmitterColumn));
    }

    void saysWhenThereAreNoJobs()
    {
        JobListModel model;
        JobListPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *stack = panel.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("jobListEmpty"));
        QCOMPARE(panel.findChild<EmptyState *>()->title(), QStringLiteral("No jobs yet"));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("clearFilterButton"))->isVisible());
        model.upsert(Local, makeJob(QStringLiteral("1"), JobState::Queued, 0, QStringLiteral("alice")));
        QCOMPARE(stack->currentWidget(), panel.view());
    }

    void selectionActivationAndTheContextMenu()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy current(&panel, &JobListPanel::currentJobChanged);
        QSignalSpy activated(&panel, &JobListPanel::jobActivated);
        QSignalSpy menu(&panel, &JobListPanel::contextMenuRequested);
        const JobKey failed{Remote, QStringLiteral("7780")};
        const JobKey running{Local, QStringLiteral("101")};

        QWidget *viewport = panel.view()->viewport();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, cellCentre(panel, failed));
        QCOMPARE(panel.currentJob(), failed);
        QCOMPARE(current.constLast().at(0).value<JobKey>(), failed);
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, cellCentre(panel, running));
        QCOMPARE(panel.selectedJobs().size(), 2);
        QVERIFY(panel.selectedJobs().contains(failed));
        QVERIFY(panel.selectedJobs().contains(running));

        // The context menu is about the selection when the pointer is on it...
        QContextMenuEvent onSelection(QContextMenuEvent::Mouse,
                                      cellCentre(panel, failed),
                                      viewport->mapToGlobal(cellCentre(panel, failed)));
        QApplication::sendEvent(viewport, &onSelection);
        QCOMPARE(menu.size(), 1);
        QCOMPARE(menu.at(0).at(0).toPoint(), viewport->mapToGlobal(cellCentre(panel, failed)));
        QCOMPARE(panel.selectedJobs().size(), 2);
        // ...and about the row under it otherwise.
        const JobKey queued{Remote, QStringLiteral("7781")};
        QContextMenuEvent elsewhere(QContextMenuEvent::Mouse,
                                    cellCentre(panel, queued),
                                    viewport->mapToGlobal(cellCentre(panel, queued)));
        QApplication::sendEvent(viewport, &elsewhere);
        QCOMPARE(menu.size(), 2);
        QCOMPARE(panel.selectedJobs(), QList<JobKey>{queued});

        QTest::mouseDClick(viewport, Qt::LeftButton, {}, cellCentre(panel, running));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<JobKey>(), running);
        QTest::keyClick(panel.view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 2);

        // A job the filter hides is shown when selected from outside (a notification).
        panel.filterModel()->setStates({JobState::Succeeded});
        panel.selectJob(failed);
        QCOMPARE(panel.currentJob(), failed);
        QVERIFY(!panel.filterModel()->filter().isActive());
        panel.selectJob({Remote, QStringLiteral("nope")});
        QCOMPARE(panel.currentJob(), failed);
    }

    void retranslatesLive()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Translations *translations = qApp->findChild<Translations *>();
        QVERIFY(translations);
        QVERIFY(translations->setLanguage(Language::Chinese));
        model.retranslate(); // what the console does for the models on a language switch
        QTRY_COMPARE(chip(panel, JobState::Failed)->text(),
                     QStringLiteral("已失败 2")); // widgets hear it posted
        QCOMPARE(model.headerData(JobListModel::StateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("状态"));
        QCOMPARE(panel.view()->model()->headerData(JobListModel::ConnectionColumn, Qt::Horizontal).toString(),
                 QStringLiteral("连接"));
        QVERIFY(panel.searchField()->placeholderText().startsWith(u"按 ID"));
        QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("jobFilterTime"))->text(),
                 QStringLiteral("任意时间"));
        QVERIFY(translations->setLanguage(Language::English));
        QTRY_COMPARE(chip(panel, JobState::Failed)->text(), QStringLiteral("Failed 2"));
        QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("jobFilterTime"))->text(),
                 QStringLiteral("Any Time"));
    }

    void theDelegatePaintsStateAndProgress()
    {
        JobListModel model;
        fill(model);
        JobListPanel panel(&model);
        panel.resize(1200, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const JobKey running{Local, QStringLiteral("101")};
        const QModelIndex progress = panel.filterModel()->indexOf(running, JobListModel::ProgressColumn);
        QCOMPARE(progress.data().toString(), QStringLiteral("60%"));
        const QRect cell = panel.view()->visualRect(progress);
        const QImage image = panel.view()->viewport()->grab().toImage();
        // The bar's filled part, left of the figure, in the running state's colour.
        const QColor expected = JobStateStyle::color(JobState::Running, panel.view()->palette());
        const QColor painted = image.pixelColor(cell.left() + cell.width() / 8, cell.center().y());
        QVERIFY2(colourDistance(painted, expected) < 90,
                 qPrintable(painted.name() + u" is not near " + expected.name()));
        // Past 60 % of the bar (left of the figure), the trough: not the state's colour.
        const int track
            = cell.width() - 8 - panel.view()->fontMetrics().horizontalAdvance(QStringLiteral("100%")) - 4;
        const QColor trough = image.pixelColor(cell.left() + 4 + track * 9 / 10, cell.center().y());
        QVERIFY(colourDistance(trough, expected) > 90);
        // The state column has its symbol before the text.
        QStyleOptionViewItem option;
        option.initFrom(panel.view());
        QVERIFY(panel.view()->itemDelegate()->sizeHint(option, panel.filterModel()->indexOf(running)).width()
                > 0);

        // A screenshot to look at, when asked for.
        if (const QString dir = qEnvironmentVariable("JOBDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            panel.grab().save(dir + QStringLiteral("/joblist-light.png"));
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b2b2b));
            dark.setColor(QPalette::WindowText, QColor(0xe6e6e6));
            dark.setColor(QPalette::Base, QColor(0x1f1f1f));
            dark.setColor(QPalette::AlternateBase, QColor(0x272727));
            dark.setColor(QPalette::Text, QColor(0xe6e6e6));
            dark.setColor(QPalette::Button, QColor(0x353535));
            dark.setColor(QPalette::ButtonText, QColor(0xe6e6e6));
            dark.setColor(QPalette::Highlight, QColor(0x3d6fa5));
            dark.setColor(QPalette::HighlightedText, Qt::white);
            dark.setColor(QPalette::PlaceholderText, QColor(0x9a9a9a));
            panel.setPalette(dark);
            QTest::mouseClick(chip(panel, JobState::Failed), Qt::LeftButton);
            QTest::mouseClick(chip(panel, JobState::Running), Qt::LeftButton);
            QTest::mouseClick(chip(panel, JobState::Queued), Qt::LeftButton);
            panel.grab().save(dir + QStringLiteral("/joblist-dark.png"));
        }
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    auto *translations = new Translations(&app); // English's plural forms ("7 jobs") are a catalogue too
    translations->setLanguage(Language::English);
    // One style whatever the desktop: the pixels the test reads do not depend on it.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    TestJobListPanel test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_joblistpanel.moc"
