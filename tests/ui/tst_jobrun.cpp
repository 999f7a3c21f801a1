// Seeing a job run: the Gantt timeline of a Kylin job's steps, a Linkis job's sub-jobs and a
// local SQL job's statements; the progress charts with their estimate and task counts; the
// history of a finished job after a restart; an SQLFlow job's lineage graph. Real simulators
// on loopback and a real jobdeck-server, real widgets driven by QTest events.
#include "charts/chart.h"
#include "charts/progresschart.h"
#include "charts/progresspanel.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "joblist/joblistpanel.h"
#include "jobs/joblistmodel.h"
#include "lineage/lineagedock.h"
#include "lineage/lineagepanel.h"
#include "lineage/lineageview.h"
#include "logview/logdock.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "mainwindow/mainwindow.h"
#include "progress/progressstore.h"
#include "session/session.h"
#include "support/lineagesample.h"
#include "support/processes.h"
#include "timeline/stepspanel.h"
#include "timeline/steptimeline.h"
#include "timeline/timelineview.h"

#include "kylin/kylinsimulator.h"
#include "linkis/linkissimulator.h"
#include "sqlflow/sqlflowsimulator.h"

#include <QApplication>
#include <QBarSet>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace JobDeck;

namespace {

void selectJob(MainWindow &window, const QString &id)
{
    QTableView *table = window.jobListPanel()->view();
    auto *proxy = table->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, JobListModel::JobColumn);
        if (index.data(JobListModel::KeyRole).value<JobKey>().id == id) {
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(u"no row for " + id));
}

// Where a screenshot goes when JOBDECK_SCREENSHOTS names a folder (scripts/screenshots);
// JOBDECK_SCREENSHOTS_DARK=1 takes them with a dark palette.
bool darkShots()
{
    return qEnvironmentVariableIntValue("JOBDECK_SCREENSHOTS_DARK") == 1;
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("JOBDECK_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // A dock alone, floated to a size that reads in the README.
    auto *dock = qobject_cast<QDockWidget *>(widget);
    if (dock) {
        dock->setFloating(true);
        dock->resize(900, 460);
        QTest::qWait(200);
    }
    widget->grab().save(dir + u'/' + name + (darkShots() ? u"-dark" : u"-light") + u".png");
    if (dock)
        dock->setFloating(false);
}

// The colour at the middle of a bar's right end (clear of the text at its left).
QColor barColour(TimelineView *view, int row)
{
    const QRect bar = view->barRect(row);
    const QImage image = view->viewport()->grab().toImage();
    return image.pixelColor(bar.right() - 3, bar.center().y());
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

} // namespace

class TestJobRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("JOBDECK_SCREENSHOTS"))
            return;
        QApplication::setStyle(QStringLiteral("Fusion"));
        if (!darkShots())
            return;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        QApplication::setPalette(dark);
    }

    void aKylinJobsStepsOnTheTimeline()
    {
        Sim::KylinSimulator::Options options;
        options.pendingMs = 0;
        options.stepMs = 4000; // long enough to see a step run and the now line move
        Sim::KylinSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(QStringLiteral("ADMIN"), QStringLiteral("KYLIN"));
        const QString uuid = sim.addJob();

        ConnectionProfile profile;
        profile.name = QStringLiteral("kylin");
        profile.kind = QStringLiteral("kylin");
        profile.url = sim.baseUrl();
        profile.user = QStringLiteral("ADMIN");
        profile.secret = QStringLiteral("KYLIN");
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        console.addSession(session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->jobCount(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(console.jobs()->indexOf({QStringLiteral("kylin"), uuid}).isValid(), 20000);
        selectJob(window, uuid);
        QCOMPARE(console.currentJob(), (JobKey{QStringLiteral("kylin"), uuid}));

        StepsPanel *stepsPanel = window.stepsPanel();
        StepTimeline *timeline = stepsPanel->timeline();
        TimelineView *view = timeline->view();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model().rowCount(), 3, 20000);
        // Some step runs (on a loaded machine the first may be over before the timeline's first read).
        const auto aStepRuns = [&] {
            for (int i = 0; i < timeline->model().rowCount(); ++i) {
                if (timeline->model().row(i).state == JobState::Running)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(aStepRuns(), 20000);
        QVERIFY(stepsPanel->isShowingView());
        QVERIFY(timeline->model().isRunning());

        // The now line moves while the job runs (zoomed out, so the axis stands still).
        view->zoomOut();
        QVERIFY(!view->isFitting());
        const int before = view->nowLineX();
        QVERIFY(before > 0);
        QTRY_VERIFY_WITH_TIMEOUT(view->nowLineX() > before, 5000);
        if (!qEnvironmentVariableIsEmpty("JOBDECK_SCREENSHOTS")) {
            QTRY_COMPARE_WITH_TIMEOUT(timeline->model().row(1).state, JobState::Running, 20000);
            QTest::qWait(1200);
            view->fitToJob();
            screenshot(window.timelineDock(), QStringLiteral("timeline-kylin-running"));
        }

        // All three steps done: three green bars, left to right at the server's times.
        QTRY_COMPARE_WITH_TIMEOUT(session->job(uuid).state, JobState::Succeeded, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(timeline->model().row(2).state == JobState::Succeeded
                                     && timeline->model().row(2).endMs > 0,
                                 20000);
        view->fitToJob();
        const QList<JobStep> steps = session->job(uuid).steps;
        QCOMPARE(steps.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const TimelineModel::Row &row = timeline->model().row(i);
            QCOMPARE(row.startMs, steps.at(i).start.toMSecsSinceEpoch());
            QCOMPARE(row.endMs, steps.at(i).end.toMSecsSinceEpoch());
            QVERIFY(row.endMs - row.startMs >= 2000); // each step ran (4 s each)
            QVERIFY(!view->barRect(i).isEmpty());
            QCOMPARE(barColour(view, i), stateColour(JobState::Succeeded, view->palette()));
            if (i > 0)
                QVERIFY(view->barRect(i).left() >= view->barRect(i - 1).right() - 1);
        }
        QCOMPARE(view->nowLineX(), -1);                    // the job ended: no now line
        QVERIFY(view->toolTipFor(0).contains(u"hive -e")); // the step's command

        // A click on step 2 shows step 2's output in the log pane, in front of the results.
        window.resultsDock()->raise();
        QSignalSpy asked(&console, &Console::currentStepChanged);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->barRect(1).center());
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(1).toString(), steps.at(1).id);
        QCOMPARE(console.currentStep(), steps.at(1).id);
        LogDock *logDock = window.logPanel();
        QTRY_VERIFY_WITH_TIMEOUT(logDock->isShowingStepOutput(), 20000);
        const QString shown = logDock->log()->toPlainText();
        QVERIFY(shown.contains(u"Output of"));
        QVERIFY(shown.contains(u"kylin_sales_cube step 1 line 1"));
        QVERIFY(shown.contains(steps.at(1).name));
        QVERIFY(!shown.contains(u"step 0 line"));
        QVERIFY(!shown.contains(u"step 2 line"));
        QVERIFY(logDock->stepBarText().contains(steps.at(1).name));
        QVERIFY(!logDock->visibleRegion().isEmpty()); // the log dock came to the front

        // Step durations chart: one bar a step.
        QCOMPARE(window.progressPanel()->chart()->durationCategories().size(), 3);
    }

    void aLinkisJobsSubJobsAndItsEstimate()
    {
        Sim::LinkisSimulator sim;
        QVERIFY(sim.listen());
        sim.addUser(QStringLiteral("hadoop"), QStringLiteral("secret"));
        ConnectionProfile profile;
        profile.name = QStringLiteral("linkis");
        profile.kind = QStringLiteral("linkis");
        profile.url = sim.baseUrl();
        profile.user = QStringLiteral("hadoop");
        profile.secret = QStringLiteral("secret");
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        console.addSession(session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        QSignalSpy sampled(session, &Session::progressSampled);
        SubmitRequest request;
        request.script = QStringLiteral("--sim states=Running:9000,Succeed\nselect 1");
        request.engine = QStringLiteral("spark-3.2.1");
        request.runType = QStringLiteral("sql");
        console.submit(request, QStringLiteral("linkis"));
        QTRY_COMPARE_WITH_TIMEOUT(session->jobCount(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(console.currentJob().isValid(), 20000);
        const QString id = console.currentJob().id;
        QCOMPARE(id, session->jobs().constFirst().id);

        // Progress grows linearly: an estimate, as a dashed line and as text.
        ProgressChart *chart = window.progressPanel()->chart();
        QTRY_VERIFY_WITH_TIMEOUT(chart->etaText().contains(u"Estimated to finish"), 20000);
        QCOMPARE(chart->projectionSeries()->count(), 2);
        QCOMPARE(chart->projectionSeries()->at(1).y(), 100.0);
        QVERIFY(chart->projectionSeries()->at(1).x() > chart->progressSeries()->at(0).x());
        screenshot(window.progressDock(), QStringLiteral("progress-eta"));

        // One row per sub-job, and the stacked bars hold the counts the server sent.
        QVERIFY(window.progressPanel()->isShowingView());
        StepTimeline *timeline = window.stepsPanel()->timeline();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model().rowCount(), 2, 20000);
        QCOMPARE(timeline->model().row(0).id, QStringLiteral("jobGroup_stage_1"));
        QCOMPARE(timeline->model().row(0).total, 10);
        QVERIFY(window.stepsPanel()->isShowingView());
        QTRY_VERIFY_WITH_TIMEOUT(timeline->model().row(1).state == JobState::Running, 20000);
        screenshot(window.timelineDock(), QStringLiteral("timeline-linkis-subjobs"));
        const auto countsMatch = [&] {
            const QList<SubJobProgress> subJobs = session->job(id).subJobs;
            const QList<QBarSet *> sets = chart->taskSeries()->barSets();
            if (subJobs.size() != 2 || sets.size() != 4 || chart->taskCategories().size() != 2)
                return false;
            QList<qreal> succeeded, failed, running, remaining;
            for (const SubJobProgress &row : subJobs) {
                succeeded << row.succeeded;
                failed << row.failed;
                running << row.running;
                remaining << row.total - row.succeeded - row.failed - row.running;
            }
            return values(sets[0]) == succeeded && values(sets[1]) == failed && values(sets[2]) == running
                   && values(sets[3]) == remaining;
        };
        QTRY_VERIFY_WITH_TIMEOUT(countsMatch(), 10000);
        chart->tabs()->setCurrentIndex(ProgressChart::TasksPage);
        screenshot(window.progressDock(), QStringLiteral("progress-tasks"));
        chart->tabs()->setCurrentIndex(ProgressChart::ProgressPage);

        QTRY_COMPARE_WITH_TIMEOUT(session->job(id).state, JobState::Succeeded, 30000);
        // One point per progress change.
        QTRY_COMPARE_WITH_TIMEOUT(chart->sampleCount(), int(sampled.count()), 10000);
        const ProgressHistory history = session->progressHistory(id);
        QCOMPARE(chart->sampleCount(), int(history.points().size()));
        for (qsizetype i = 1; i < history.points().size(); ++i)
            QVERIFY(history.points().at(i).progress != history.points().at(i - 1).progress);
        QVERIFY(chart->sampleCount() >= 3);
        QVERIFY(chart->etaText().contains(u"Finished"));
        QCOMPARE(chart->projectionSeries()->count(), 0);
    }

    void aLocalSqlJobsStatementsAndItsHistoryAfterARestart()
    {
        QString jobId;
        int points = 0;
        {
            Console console;
            MainWindow window(nullptr, &console);
            auto *session = new Session;
            console.addSession(session);
            window.resize(1400, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            session->start();
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
            QTRY_VERIFY(window.workspace()->runScriptAction()->isEnabled());
            // Three statements, the second one slow enough to be seen running.
            window.editor()->setPlainText(QStringLiteral(
                "CREATE TABLE nums(x);\n"
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) "
                "INSERT INTO nums SELECT x FROM c;\n"
                "SELECT count(*) FROM nums;"));
            window.workspace()->runScriptAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(console.currentJob().isValid(), 10000);
            jobId = console.currentJob().id;
            QTRY_COMPARE_WITH_TIMEOUT(session->job(jobId).state, JobState::Succeeded, 60000);

            StepTimeline *timeline = window.stepsPanel()->timeline();
            QTRY_COMPARE_WITH_TIMEOUT(timeline->model().rowCount(), 3, 20000);
            // The reading after the end has the last statement's own times.
            QTRY_VERIFY_WITH_TIMEOUT(!timeline->model().row(2).timesObserved, 10000);
            for (int i = 0; i < 3; ++i) {
                const TimelineModel::Row &row = timeline->model().row(i);
                QCOMPARE(row.kind, TimelineModel::Kind::Statement);
                QCOMPARE(row.name, QStringLiteral("Statement %1").arg(i + 1));
                QVERIFY(row.startMs > 0);
                QVERIFY(row.endMs >= row.startMs);
                QVERIFY(row.firstLogLine > 0);
            }
            QVERIFY(timeline->model().row(1).command.contains(u"RECURSIVE"));
            QVERIFY(timeline->model().row(1).startMs >= timeline->model().row(0).endMs);
            QVERIFY(window.stepsPanel()->isShowingView());
            QCOMPARE(window.progressPanel()->chart()->durationCategories().size(), 3);

            // A click on statement 2 selects its lines in the job's log.
            TimelineView *view = timeline->view();
            QTest::mouseClick(
                view->viewport(), Qt::LeftButton, {}, QPoint(20, view->barRect(1).center().y()));
            QCOMPARE(console.currentStep(), timeline->model().row(1).id);
            LogDock *logDock = window.logPanel();
            LogView *logView = logDock->log()->view();
            QTRY_VERIFY_WITH_TIMEOUT(logView->selectedText().contains(u"Statement 2 of 3"), 10000);
            const QString selected = logView->selectedText();
            QVERIFY(!selected.contains(u"Statement 1 of 3"));
            QVERIFY(!selected.contains(u"Statement 3 of 3"));
            QVERIFY(!logDock->isShowingStepOutput()); // the job's own log, its lines selected
            QVERIFY(logDock->stepBarText().contains(u"Statement 2"));
            QVERIFY(logDock->log()->toPlainText().contains(u"Statement 1 of 3"));
            points = window.progressPanel()->chart()->sampleCount();
            QVERIFY(points > 0);
        }
        // The console restarts: the finished job's charts are still there, from the cache.
        QVERIFY(!QDir(ProgressStore().directory()).entryList({QStringLiteral("*.json")}).isEmpty());
        Console console;
        MainWindow window(nullptr, &console);
        auto *again = new Session;
        console.addSession(again);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        again->start();
        QTRY_COMPARE_WITH_TIMEOUT(again->state(), Session::State::Ready, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(console.jobs()->indexOf({QStringLiteral("local"), jobId}).isValid(), 10000);
        selectJob(window, jobId);
        QCOMPARE(console.currentJob().id, jobId);
        QCOMPARE(window.progressPanel()->chart()->sampleCount(), points);
        QVERIFY(window.progressPanel()->isShowingView());
        QCOMPARE(window.progressPanel()->chart()->durationCategories().size(), 3);
        QCOMPARE(window.stepsPanel()->timeline()->model().rowCount(), 3);
        QVERIFY(window.stepsPanel()->isShowingView());
    }

    void anSqlflowJobsLineage()
    {
        Sim::SqlflowSimulator::Options options;
        options.createMs = 100;
        options.runMs = 300;
        options.lineageJson = Test::sampleLineage();
        Sim::SqlflowSimulator sim(options);
        QVERIFY(sim.listen());
        sim.addUser(QStringLiteral("google-oauth2|104002923119102769706"), QStringLiteral("s3cret+key/=|x"));
        ConnectionProfile profile;
        profile.name = QStringLiteral("sqlflow");
        profile.kind = QStringLiteral("sqlflow");
        profile.url = sim.baseUrl();
        profile.user = QStringLiteral("google-oauth2|104002923119102769706");
        profile.secret = QStringLiteral("s3cret+key/=|x");
        profile.auth = ConnectionProfile::Auth::Token;
        profile.dbVendor = QStringLiteral("dbvhive");
        Console console;
        MainWindow window(nullptr, &console);
        auto *session = new Session(profile);
        console.addSession(session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Ready, 20000);
        QTemporaryDir dir;
        QFile sql(dir.filePath(QStringLiteral("report.sql")));
        QVERIFY(sql.open(QIODevice::WriteOnly));
        sql.write("insert into report select customer_name, total from v_order_summary;\n");
        sql.close();
        SubmitRequest request;
        request.files = {sql.fileName()};
        request.name = QStringLiteral("report");
        console.submit(request, QStringLiteral("sqlflow"));
        QTRY_VERIFY_WITH_TIMEOUT(console.currentJob().isValid(), 20000);
        const QString id = console.currentJob().id;
        LineageDock *dock = window.lineagePanel();
        QVERIFY(!dock->isShowingView()); // not finished yet: nothing to draw
        QTRY_COMPARE_WITH_TIMEOUT(session->job(id).state, JobState::Succeeded, 30000);

        LineagePanel *panel = dock->lineage();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isEmpty(), 30000);
        QCOMPARE(panel->jobId(), id);
        window.lineageDock()->raise();
        QVERIFY(dock->isShowingView());
        LineageView *view = panel->view();
        const LineageGraph &graph = view->graph();
        QStringList tables;
        for (const LineageGraph::Table &table : graph.tables())
            tables << table.name;
        tables.sort();
        QCOMPARE(tables,
                 (QStringList{QStringLiteral("customers"),
                              QStringLiteral("orders"),
                              QStringLiteral("report"),
                              QStringLiteral("v_order_summary")}));
        QCOMPARE(graph.columns().size(), 9);
        QCOMPARE(graph.edges().size(), 5);
        // Left to right: sources, the view, the report.
        QVERIFY(view->tableRect(graph.tableIndex(QStringLiteral("orders"))).right()
                < view->tableRect(graph.tableIndex(QStringLiteral("report"))).left());

        // A click on report.total highlights exactly its sources (and nothing downstream).
        const int total = graph.columnIndex(QStringLiteral("report"), QStringLiteral("total"));
        view->fit();
        QTest::mouseClick(view, Qt::LeftButton, {}, view->columnRect(total).center().toPoint());
        QCOMPARE(view->selectedColumn(), total);
        QCOMPARE(view->upstreamColumns(),
                 (QSet<int>{graph.columnIndex(QStringLiteral("v_order_summary"), QStringLiteral("total")),
                            graph.columnIndex(QStringLiteral("orders"), QStringLiteral("amount"))}));
        QVERIFY(view->downstreamColumns().isEmpty());
        QVERIFY2(panel->statusText().contains(u"2 source"), qPrintable(panel->statusText()));
        screenshot(window.lineageDock(), QStringLiteral("lineage-highlight"));
        // What is painted: the selected column in the highlight colour, still where it is
        // after a pan (drawn tiles moved, not redrawn), and no longer once another column is
        // selected (the tiles drawn afresh).
        const auto colourAt = [view](int column) {
            // Right of the text, inside the row.
            const QRectF row = view->columnRect(column);
            return view->grab().toImage().pixelColor(QPoint(int(row.right()) - 3, int(row.center().y())));
        };
        const QColor highlight = view->palette().color(QPalette::Highlight);
        QCOMPARE(colourAt(total), highlight);
        view->panBy(QPointF(-37, 23));
        QCOMPARE(colourAt(total), highlight);
        view->selectColumn(graph.columnIndex(QStringLiteral("customers"), QStringLiteral("name")));
        QVERIFY(colourAt(total) != highlight);
        view->fit();
        view->selectColumn(total);

        // Search finds a column; table mode; the picture.
        auto *search = panel->findChild<QLineEdit *>(QStringLiteral("lineageSearch"));
        QTest::keyClicks(search, QStringLiteral("customer_id"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(view->selectedColumn(),
                 graph.columnIndex(QStringLiteral("orders"), QStringLiteral("customer_id")));
        view->setTableMode(true);
        QCOMPARE(view->columnAt(view->tableRect(0).center()), -1);
        view->setTableMode(false);
        const QString png = dir.filePath(QStringLiteral("lineage.png"));
        QVERIFY(panel->exportImage(png));
        QImage picture(png);
        QVERIFY(!picture.isNull());
        QVERIFY(picture.width() > 200);
        // And as SVG: a real XML drawing with every table and the highlighted path.
        view->selectColumn(total);
        const QString svgPath = dir.filePath(QStringLiteral("lineage.svg"));
        QVERIFY(panel->exportImage(svgPath));
        QFile svgFile(svgPath);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        QStringList texts;
        int paths = 0;
        int strongPaths = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"path") {
                ++paths;
                if (xml.attributes().value(u"stroke-width") == u"2.5")
                    ++strongPaths;
            } else if (xml.name() == u"text") {
                texts << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(paths, 5);       // every data flow
        QCOMPARE(strongPaths, 2); // the two upstream of report.total
        QVERIFY(texts.contains(u"[T] orders"));
        QVERIFY(texts.contains(u"◀ amount"));
    }

    void cleanupTestCase()
    {
        // The console leaves jobdeck-server running on purpose; the test does not.
        JobDeck::Test::endLocalServers();
    }
};

QTEST_MAIN(TestJobRun)
#include "tst_jobrun.moc"
