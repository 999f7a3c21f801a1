#include "mainwindow/mainwindow.h"

#include "charts/progresschart.h"
#include "common/emptystate.h"
#include "connections/connectiondialog.h"
#include "connections/passworddialog.h"
#include "core/buildinfo.h"
#include "editor/sqleditor.h"
#include "editor/syntaxrepository.h"
#include "i18n/translations.h"
#include "jobs/joblistmodel.h"
#include "logview/logview.h"
#include "profiles/profilestore.h"
#include "results/resulttabs.h"
#include "schema/schemabrowser.h"
#include "schema/schemacache.h"
#include "session/session.h"
#include "timeline/steptimeline.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <QToolBar>
#include <QVBoxLayout>
#include <limits>

namespace JobDeck {

namespace {
// Bump when the docks change so an old saved layout is not applied to a new set of docks.
constexpr int LayoutVersion = 3;
constexpr auto GeometryKey = "mainwindow/geometry";
constexpr auto StateKey = "mainwindow/state";
constexpr auto ThemeKey = "editor/theme";
constexpr auto SqlFileFilter
    = QT_TRANSLATE_NOOP("JobDeck::MainWindow", "SQL scripts (*.sql *.hql);;All files (*)");
// Scripts bigger than this are not something to edit; they would also freeze the highlighter.
constexpr qint64 MaxScriptBytes = 32 * 1024 * 1024;
// The connection selector's entries that are not profiles.
constexpr auto LocalEntry = "\x01local";
constexpr auto ManageEntry = "\x01manage";
} // namespace

MainWindow::MainWindow(Translations *translations, Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_translations(translations)
    , m_localSession(session)
    , m_profiles(new ProfileStore(this))
    , m_timeline(new StepTimeline(this))
    , m_editor(new SqlEditor(this))
    , m_jobTable(new QTableView(this))
    , m_jobModel(new JobListModel(this))
    , m_jobProxy(new QSortFilterProxyModel(this))
    , m_logView(new LogView(this))
    , m_progressChart(new ProgressChart(this))
    , m_resultTabs(new ResultTabs(this))
    , m_schemaBrowser(new SchemaBrowser(this))
    , m_cursorLabel(new QLabel(this))
    , m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_editor);
    setDockNestingEnabled(true);

    m_jobTable->setObjectName(QStringLiteral("jobTable"));
    m_jobTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobTable->setSortingEnabled(true);
    m_jobTable->verticalHeader()->hide();
    m_jobTable->horizontalHeader()->setStretchLastSection(false);
    m_jobTable->setWordWrap(false);
    m_jobProxy->setSortRole(JobListModel::SortRole);
    m_jobProxy->setSourceModel(m_jobModel);

    m_jobListDock
        = addPanelDock(QStringLiteral("jobListDock"), Qt::LeftDockWidgetArea, &m_jobListEmpty, m_jobTable);
    m_progressDock = addPanelDock(
        QStringLiteral("progressDock"), Qt::RightDockWidgetArea, &m_progressEmpty, m_progressChart);
    m_timelineDock
        = addPanelDock(QStringLiteral("timelineDock"), Qt::RightDockWidgetArea, &m_timelineEmpty, m_timeline);
    m_logDock = addPanelDock(QStringLiteral("logDock"), Qt::BottomDockWidgetArea, &m_logEmpty, m_logView);
    m_resultsDock = addPanelDock(
        QStringLiteral("resultsDock"), Qt::BottomDockWidgetArea, &m_resultsEmpty, m_resultTabs);
    tabifyDockWidget(m_logDock, m_resultsDock);
    m_schemaDock
        = addPanelDock(QStringLiteral("schemaDock"), Qt::LeftDockWidgetArea, &m_schemaEmpty, m_schemaBrowser);
    splitDockWidget(m_jobListDock, m_schemaDock, Qt::Vertical);
    connect(m_schemaBrowser, &SchemaBrowser::insertTextRequested, this, [this](const QString &text) {
        m_editor->insertPlainText(text);
        m_editor->setFocus();
    });
    connect(m_schemaBrowser, &SchemaBrowser::runRequested, this, &MainWindow::runStatement);
    m_logDock->raise();
    splitDockWidget(m_progressDock, m_timelineDock, Qt::Vertical);
    resizeDocks({m_jobListDock, m_progressDock}, {280, 340}, Qt::Horizontal);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);

    statusBar()->addPermanentWidget(m_cursorLabel);
    createMenus();
    m_jobTable->setModel(m_jobProxy);
    m_jobTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_jobTable, &QWidget::customContextMenuRequested, this, &MainWindow::showJobContextMenu);
    connect(
        m_jobTable->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) { showJob(current.data(JobListModel::JobRole).value<Job>().id); });
    connect(m_timeline, &StepTimeline::currentStepChanged, this, &MainWindow::updateJobActions);
    connect(m_timeline, &StepTimeline::stepActivated, this, &MainWindow::showStepOutput);
    connect(m_profiles, &ProfileStore::changed, this, &MainWindow::fillConnectionSelector);
    setSession(session);
    retranslateUi();

    // Keep what the user types on disk shortly after they stop typing.
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(1500);
    connect(m_draftTimer, &QTimer::timeout, this, &MainWindow::saveDraft);
    loadDraft();
    connect(m_editor->document(), &QTextDocument::contentsChanged, m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::updateCursorPosition);
    updateCursorPosition();

    // Quitting without closing the window (a termination signal, the session ending)
    // keeps the same things a close does.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        saveDraft();
        saveLayout();
    });

    resize(1280, 800);
    restoreLayout();
}

MainWindow::~MainWindow()
{
    disconnectSession(); // a session the window owns goes after the widgets it updates
    if (m_session)
        m_jobModel->removeConnection(m_session->connectionId());
}

QDockWidget *MainWindow::addPanelDock(const QString &objectName,
                                      Qt::DockWidgetArea area,
                                      EmptyState **emptyState,
                                      QWidget *view)
{
    auto *dock = new QDockWidget(this);
    dock->setObjectName(objectName); // saveState() keys the layout by object name
    // Page 0 tells the user what to do while there is nothing to show; page 1 is the view.
    auto *stack = new QStackedWidget(dock);
    *emptyState = new EmptyState(stack);
    (*emptyState)->setObjectName(objectName + u"Empty");
    stack->addWidget(*emptyState);
    if (view)
        stack->addWidget(view);
    dock->setWidget(stack);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), QKeySequence::Open, this, &MainWindow::chooseFileToOpen);
    m_saveAction = m_fileMenu->addAction(QString(), QKeySequence::Save, this, &MainWindow::save);
    m_saveAsAction
        = m_fileMenu->addAction(QString(), QKeySequence::SaveAs, this, &MainWindow::chooseFileToSaveAs);
    m_fileMenu->addSeparator();
    m_connectionsAction = m_fileMenu->addAction(QString(), this, [this] { showConnections(); });
    m_connectionsAction->setObjectName(QStringLiteral("connectionsAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(QString());
    m_undoAction = m_editMenu->addAction(QString(), QKeySequence::Undo, m_editor, &QPlainTextEdit::undo);
    m_redoAction = m_editMenu->addAction(QString(), QKeySequence::Redo, m_editor, &QPlainTextEdit::redo);
    m_editMenu->addSeparator();
    m_cutAction = m_editMenu->addAction(QString(), QKeySequence::Cut, m_editor, &QPlainTextEdit::cut);
    m_copyAction = m_editMenu->addAction(QString(), QKeySequence::Copy, m_editor, &QPlainTextEdit::copy);
    m_pasteAction = m_editMenu->addAction(QString(), QKeySequence::Paste, m_editor, &QPlainTextEdit::paste);
    m_editMenu->addSeparator();
    m_selectAllAction
        = m_editMenu->addAction(QString(), QKeySequence::SelectAll, m_editor, &QPlainTextEdit::selectAll);
    // The editor's own shortcuts handle these keys while it has focus; the menu must not steal them.
    for (QAction *action : m_editMenu->actions())
        action->setShortcutContext(Qt::WidgetShortcut);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_cutAction->setEnabled(false);
    m_copyAction->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::undoAvailable, m_undoAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::redoAvailable, m_redoAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, m_cutAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, m_copyAction, &QAction::setEnabled);

    m_jobMenu = menuBar()->addMenu(QString());
    m_runAction = m_jobMenu->addAction(QString(), this, &MainWindow::runScript);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runTaskAction = m_jobMenu->addAction(QString(), this, &MainWindow::runSavedTask);
    m_runTaskAction->setObjectName(QStringLiteral("runTaskAction"));
    m_runTaskAction->setVisible(false);
    m_jobMenu->addSeparator();
    // Job actions: shown when the backend can do them, enabled when the selected job allows them.
    const auto jobActionItem = [this](const char *name, Session::JobAction action) {
        QAction *item = m_jobMenu->addAction(QString(), this, [this, action] { confirmJobAction(action); });
        item->setObjectName(QLatin1StringView(name));
        item->setEnabled(false);
        return item;
    };
    m_killAction = jobActionItem("killAction", Session::JobAction::Kill);
    m_pauseAction = jobActionItem("pauseAction", Session::JobAction::Pause);
    m_resumeAction = jobActionItem("resumeAction", Session::JobAction::Resume);
    m_restartAction = jobActionItem("restartAction", Session::JobAction::Restart);
    m_savepointAction = jobActionItem("savepointAction", Session::JobAction::Savepoint);
    m_refreshStateAction = jobActionItem("refreshStateAction", Session::JobAction::ForceRefresh);
    m_dropAction = jobActionItem("dropAction", Session::JobAction::Drop);
    m_jobMenu->addSeparator();
    m_lineageAction = m_jobMenu->addAction(QString(), this, &MainWindow::exportLineage);
    m_lineageAction->setObjectName(QStringLiteral("lineageAction"));
    m_stepOutputAction = m_jobMenu->addAction(QString(), this, &MainWindow::showStepOutput);
    m_stepOutputAction->setObjectName(QStringLiteral("stepOutputAction"));
    m_runAction->setEnabled(false);
    m_jobToolBar = addToolBar(QString());
    m_jobToolBar->setObjectName(QStringLiteral("jobToolBar"));
    m_runType = new QComboBox(m_jobToolBar);
    m_runType->setObjectName(QStringLiteral("runType"));
    m_runType->addItem(QString(), QStringLiteral("sql"));
    m_runType->addItem(QString(), QStringLiteral("shell"));
    m_jobToolBar->addWidget(m_runType);
    m_jobToolBar->addAction(m_runAction);
    m_jobToolBar->addAction(m_killAction);
    m_jobToolBar->addAction(m_pauseAction);
    m_jobToolBar->addAction(m_resumeAction);

    m_connectionToolBar = new QToolBar(this);
    m_connectionToolBar->setObjectName(QStringLiteral("connectionToolBar"));
    insertToolBar(m_jobToolBar, m_connectionToolBar);
    m_connectionCombo = new QComboBox(m_connectionToolBar);
    m_connectionCombo->setObjectName(QStringLiteral("connectionCombo"));
    m_connectionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connectionCombo->setMinimumContentsLength(12);
    m_connectionToolBar->addWidget(m_connectionCombo);
    connect(m_connectionCombo, &QComboBox::activated, this, [this](int index) {
        const QString entry = m_connectionCombo->itemData(index).toString();
        if (entry == QLatin1StringView(ManageEntry)) {
            fillConnectionSelector(); // back to the current connection while the dialog is open
            showConnections();
        } else if (entry == QLatin1StringView(LocalEntry)) {
            switchToLocal();
        } else if (!m_session || entry != m_session->profileName()) {
            switchToProfile(entry);
        }
    });

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget *dock :
         {m_jobListDock, m_timelineDock, m_logDock, m_resultsDock, m_progressDock, m_schemaDock})
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    m_followDesktopThemeAction = m_themeMenu->addAction(QString());
    m_followDesktopThemeAction->setData(QString());
    m_themeMenu->addSeparator();
    const auto themes = syntaxRepository().themes();
    for (const KSyntaxHighlighting::Theme &theme : themes)
        m_themeMenu->addAction(theme.translatedName())->setData(theme.name());
    const QString savedTheme = QSettings().value(ThemeKey).toString();
    m_editor->setThemePreference(savedTheme);
    for (QAction *action : m_themeMenu->actions()) {
        if (action->isSeparator())
            continue;
        action->setCheckable(true);
        action->setChecked(action->data().toString() == m_editor->themePreference());
        m_themeGroup->addAction(action);
    }
    if (!m_themeGroup->checkedAction()) // a saved theme that this library no longer has
        m_followDesktopThemeAction->setChecked(true);
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        m_editor->setThemePreference(action->data().toString());
        QSettings().setValue(ThemeKey, action->data().toString());
    });

    if (m_translations) {
        m_languageMenu = m_viewMenu->addMenu(QString());
        m_languageGroup = new QActionGroup(this);
        for (Language language : {Language::English, Language::Chinese}) {
            // Each language is named in itself, so a user who can't read the current one finds theirs.
            QAction *action = m_languageMenu->addAction(languageNativeName(language));
            action->setCheckable(true);
            action->setChecked(m_translations->language() == language);
            action->setData(QVariant::fromValue(language));
            m_languageGroup->addAction(action);
        }
        connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *action) {
            const auto language = action->data().value<Language>();
            if (m_translations->setLanguage(language))
                savePreferredLanguage(language);
        });
        connect(m_translations, &Translations::languageChanged, this, [this](Language language) {
            for (QAction *action : m_languageGroup->actions())
                action->setChecked(action->data().value<Language>() == language);
        });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::retranslateUi()
{
    m_jobModel->retranslate();
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open Script…"));
    m_saveAction->setText(tr("&Save"));
    m_saveAsAction->setText(tr("Save &As…"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_undoAction->setText(tr("&Undo"));
    m_redoAction->setText(tr("&Redo"));
    m_cutAction->setText(tr("Cu&t"));
    m_copyAction->setText(tr("&Copy"));
    m_pasteAction->setText(tr("&Paste"));
    m_selectAllAction->setText(tr("Select &All"));
    m_jobMenu->setTitle(tr("&Job"));
    m_runAction->setText(tr("&Run Script"));
    m_runAction->setToolTip(tr("Run the script, or the selected part of it, on %1 (Ctrl+Return)")
                                .arg(m_session ? m_session->displayName() : tr("the job server")));
    m_runTaskAction->setText(tr("Run Saved &Task…"));
    m_runTaskAction->setToolTip(tr("Run a task saved on the server by its id"));
    m_killAction->setText(tr("&Kill Job"));
    m_killAction->setToolTip(tr("Stop the selected job"));
    m_pauseAction->setText(tr("&Pause Job"));
    m_pauseAction->setToolTip(tr("Pause the selected job; Resume continues it"));
    m_resumeAction->setText(tr("Res&ume Job"));
    m_resumeAction->setToolTip(tr("Continue the selected paused job"));
    m_restartAction->setText(tr("Re&start Job"));
    m_savepointAction->setText(tr("Take a Sa&vepoint"));
    m_refreshStateAction->setText(tr("Re&fresh State"));
    m_refreshStateAction->setToolTip(tr("Ask the server to read the job's state again at its source"));
    m_dropAction->setText(tr("&Drop Job…"));
    m_dropAction->setToolTip(tr("Remove the selected finished job from the server's records"));
    m_lineageAction->setText(tr("Export &Lineage…"));
    m_stepOutputAction->setText(tr("Step &Output"));
    m_stepOutputAction->setToolTip(tr("Show the output of the step selected in the Steps panel"));
    m_connectionsAction->setText(tr("&Connections…"));
    m_connectionToolBar->setWindowTitle(tr("Connection"));
    m_connectionCombo->setToolTip(tr("The job service this window works with"));
    fillConnectionSelector();
    m_jobToolBar->setWindowTitle(tr("Job"));
    m_runType->setItemText(0, m_session && !m_session->isLocal() ? tr("SQL") : tr("SQL (SQLite)"));
    m_runType->setItemText(1, tr("Shell"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("Editor &Theme"));
    m_followDesktopThemeAction->setText(tr("Follow the Desktop"));
    if (m_languageMenu)
        m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About JobDeck"));
    m_aboutQtAction->setText(tr("About &Qt"));

    m_jobListDock->setWindowTitle(tr("Jobs"));
    m_timelineDock->setWindowTitle(tr("Steps"));
    m_logDock->setWindowTitle(tr("Log"));
    m_progressDock->setWindowTitle(tr("Progress"));
    m_resultsDock->setWindowTitle(tr("Results"));
    m_schemaDock->setWindowTitle(tr("Schema"));
    updateEmptyStates();
    updateTitle();
    updateCursorPosition();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateEmptyStates()
{
    const bool hasJobs = m_session && m_jobModel->rowCount() > 0;
    if (!m_session) {
        m_jobListEmpty->setTexts(tr("No jobs yet"),
                                 tr("Jobs you submit, and the job history of the server you "
                                    "connect to, are listed here."));
    } else if (m_session->state() == Session::State::Failed) {
        m_jobListEmpty->setTexts(tr("Cannot reach %1").arg(m_session->displayName()), m_sessionMessage);
    } else if (m_session->state() != Session::State::Ready) {
        m_jobListEmpty->setTexts(tr("Connecting to %1…").arg(m_session->displayName()), m_sessionMessage);
    } else {
        m_jobListEmpty->setTexts(tr("No jobs yet"),
                                 tr("Write SQL in the editor and press Ctrl+Return to run it on "
                                    "%1. Its jobs are listed here.")
                                     .arg(m_session->displayName()));
    }
    const bool selected = !m_currentJob.isEmpty();
    const bool reportsSteps = m_session && m_session->capabilities().steps;
    if (!selected)
        m_timelineEmpty->setTexts(tr("No job selected"),
                                  tr("Select a job in the job list to see its steps on a timeline."));
    else if (reportsSteps)
        m_timelineEmpty->setTexts(tr("No steps yet"),
                                  tr("The job's steps appear here as the server reports them."));
    else
        m_timelineEmpty->setTexts(tr("No steps"),
                                  tr("This job's service does not report steps; Kylin jobs show theirs "
                                     "here."));
    m_logEmpty->setTexts(tr("No log to show"),
                         tr("Select a job in the job list to follow its log; new lines "
                            "stream in while it runs."));
    m_progressEmpty->setTexts(tr("No progress to chart"),
                              tr("Select a running job to chart its progress over "
                                 "time."));
    const auto showPage = [](QDockWidget *dock, bool view) {
        if (auto *stack = qobject_cast<QStackedWidget *>(dock->widget()))
            stack->setCurrentIndex(view && stack->count() > 1 ? 1 : 0);
    };
    showPage(m_jobListDock, hasJobs);
    showPage(m_logDock, selected);
    showPage(m_progressDock, selected && m_progressChart->sampleCount() > 0);
    showPage(m_timelineDock, selected && !m_timeline->steps().isEmpty());
    // A job's tabs go when another job is selected; a query's stay until the next run.
    showPage(m_resultsDock, m_resultTabs->count() > 0);
    m_schemaEmpty->setTexts(tr("No schema"),
                            tr("The databases, tables and columns of connections that tell them "
                               "(Linkis, Kylin, the Local server) are listed here."));
    showPage(m_schemaDock, m_schemaBrowser->cache() != nullptr);
}

void MainWindow::showResults(const QString &jobId,
                             const QList<ResultSetRef> &sets,
                             const QList<ResultPage> &pages)
{
    if (jobId != m_currentJob || !m_session)
        return;
    m_resultsJob = jobId;
    m_resultTabs->showResultSets(
        m_session->backend(), m_session->job(jobId).script, sets, pages, Session::ResultPageRows);
    updateEmptyStates();
}

void MainWindow::updateSchema()
{
    Backend *backend = m_session ? m_session->backend() : nullptr;
    if (!backend || !backend->capabilities().schema || m_session->state() != Session::State::Ready) {
        m_schemaBrowser->setCache(nullptr);
        updateEmptyStates();
        return;
    }
    // One cache per session, kept with it; on disk per connection.
    auto *cache = m_session->findChild<SchemaCache *>(QString(), Qt::FindDirectChildrenOnly);
    if (!cache) {
        cache = new SchemaCache(backend,
                                backend->kind() + u'|' + m_session->displayName(),
                                SchemaCache::defaultCacheDir(),
                                m_session);
        cache->load();
    }
    m_schemaBrowser->setCache(cache);
    updateEmptyStates();
}

void MainWindow::runStatement(const QString &sql)
{
    if (!m_session || m_session->state() != Session::State::Ready)
        return;
    if (m_session->capabilities().query && !m_session->capabilities().submit) {
        QueryRequest request;
        request.sql = sql;
        m_resultTabs->showQuery(m_session->backend(), request);
        m_resultsDock->raise();
        updateEmptyStates();
        return;
    }
    SubmitRequest request;
    request.script = sql;
    request.runType = QStringLiteral("sql");
    request.engine = m_session->isLocal() ? QStringLiteral("sqlite") : QStringLiteral("spark");
    m_session->submit(request);
}

void MainWindow::setSession(Session *session)
{
    if (session == m_session)
        return;
    disconnectSession();
    if (m_session)
        m_jobModel->removeConnection(m_session->connectionId());
    m_session = session;
    // Nothing of the previous connection's jobs stays on screen.
    m_currentJob.clear();
    m_logView->showLines({});
    m_progressChart->showSamples({});
    m_timeline->setSteps({});
    while (m_resultTabs->count() > 0) {
        QWidget *page = m_resultTabs->widget(0);
        m_resultTabs->removeTab(0);
        page->deleteLater();
    }
    m_resultsJob.clear();
    m_sessionMessage.clear();
    if (m_session) {
        const QString connection = m_session->connectionId();
        m_jobModel->setConnectionLabel(connection, m_session->displayName());
        m_jobModel->upsert(connection, m_session->jobs());
        m_jobModel->setHistorySource(connection, m_session);
    }
    connectSession();
    m_runAction->setEnabled(m_session && m_session->state() == Session::State::Ready
                            && (m_session->capabilities().submit || m_session->capabilities().query));
    updateSchema();
    retranslateUi(); // texts that name the connection
    updateJobActions();
}

void MainWindow::disconnectSession()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
}

void MainWindow::connectSession()
{
    if (!m_session)
        return;
    m_jobTable->sortByColumn(JobListModel::SubmittedColumn, Qt::DescendingOrder);
    QHeaderView *header = m_jobTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(JobListModel::JobColumn, QHeaderView::Stretch);
    auto &c = m_sessionConnections;
    const QString connection = m_session->connectionId();
    c << connect(m_session, &Session::jobsUpdated, m_jobModel, [this, connection](const QList<Job> &jobs) {
        m_jobModel->upsert(connection, jobs);
    });
    c << connect(m_session, &Session::jobRemoved, m_jobModel, [this, connection](const QString &id) {
        m_jobModel->remove({connection, id});
    });
    c << connect(m_session, &QObject::destroyed, m_jobModel, [this, connection] {
        m_session = nullptr; // going: what it held is gone already
        m_jobModel->removeConnection(connection);
    });
    c << connect(m_jobModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyStates);
    c << connect(m_jobModel, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_currentJob.isEmpty() && (!m_session || !m_session->hasJob(m_currentJob)))
            showJob({}); // the shown job was dropped
        updateEmptyStates();
    });
    c << connect(m_jobModel, &QAbstractItemModel::dataChanged, this, [this] {
        const Job current = m_session->job(m_currentJob);
        updateJobActions();
        updateTimeline();
        // The shown job just succeeded: its result sets are there to read.
        if (current.state == JobState::Succeeded && m_resultsJob != m_currentJob) {
            m_resultsJob = m_currentJob;
            m_session->loadResults(m_currentJob);
        }
        updateEmptyStates();
    });
    c << connect(m_session, &Session::resultsLoaded, this, &MainWindow::showResults);
    c << connect(
        m_session, &Session::stateChanged, this, [this](Session::State state, const QString &message) {
            m_sessionMessage = message;
            m_runAction->setEnabled(state == Session::State::Ready
                                    && (m_session->capabilities().submit || m_session->capabilities().query));
            statusBar()->showMessage(message, state == Session::State::Ready ? 5000 : 0);
            updateSchema();
            updateJobActions();
            updateEmptyStates();
        });
    c << connect(m_session, &Session::notice, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });
    c << connect(m_session, &Session::actionFinished, this, &MainWindow::updateJobActions);
    c << connect(m_session, &Session::stepOutputLoaded, this, &MainWindow::showStepOutputText);
    c << connect(m_session, &Session::submitted, this, [this](const Job &job) {
        // The new job becomes the one shown, so its log and progress appear as they come.
        const QModelIndex index
            = m_jobProxy->mapFromSource(m_jobModel->indexOf({m_session->connectionId(), job.id}));
        m_jobTable->setCurrentIndex(index);
        m_jobTable->scrollTo(index);
    });
    c << connect(m_session,
                 &Session::logAppended,
                 this,
                 [this](const QString &id, qint64 first, const QStringList &lines) {
                     if (id != m_currentJob)
                         return;
                     if (first == 1)
                         m_logView->showLines(lines);
                     else
                         m_logView->appendLines(lines);
                 });
    c << connect(
        m_session, &Session::progressSampled, this, [this](const QString &id, const QPointF &sample) {
            if (id != m_currentJob)
                return;
            m_progressChart->addSample(sample);
            updateEmptyStates();
        });
    if (m_translations) {
        m_session->setLanguage(m_translations->language());
        c << connect(m_translations, &Translations::languageChanged, m_session, &Session::setLanguage);
    }
}

void MainWindow::fillConnectionSelector()
{
    if (!m_connectionCombo)
        return;
    const QSignalBlocker blocker(m_connectionCombo);
    m_connectionCombo->clear();
    m_connectionCombo->addItem(tr("Local"), QLatin1StringView(LocalEntry));
    m_connectionCombo->setItemData(0, tr("The local job server on this computer"), Qt::ToolTipRole);
    QStringList names = ProfileStore::names();
    const QString current = m_session ? m_session->profileName() : QString();
    if (!current.isEmpty() && !names.contains(current))
        names.prepend(current); // renamed or removed while in use: still the one connected
    for (const QString &name : std::as_const(names))
        m_connectionCombo->addItem(name, name);
    m_connectionCombo->insertSeparator(m_connectionCombo->count());
    m_connectionCombo->addItem(tr("Manage Connections…"), QLatin1StringView(ManageEntry));
    const int index = current.isEmpty() ? 0 : m_connectionCombo->findData(current);
    m_connectionCombo->setCurrentIndex(std::max(0, index));
}

ConnectionDialog *MainWindow::showConnections()
{
    if (!m_connectionDialog) {
        m_connectionDialog = new ConnectionDialog(m_profiles, this);
        m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
        // It opens on the connection in use; once open, it keeps what the user is editing.
        if (m_session && !m_session->profileName().isEmpty())
            m_connectionDialog->selectProfile(m_session->profileName());
    }
    if (m_translations)
        m_connectionDialog->setLanguage(m_translations->language());
    m_connectionDialog->show();
    m_connectionDialog->raise();
    m_connectionDialog->activateWindow();
    return m_connectionDialog;
}

void MainWindow::switchToLocal()
{
    setSession(m_localSession);
    if (m_remoteSession) {
        m_remoteSession->deleteLater();
        m_remoteSession = nullptr;
    }
    fillConnectionSelector();
}

void MainWindow::switchToProfile(const QString &name)
{
    const std::optional<ConnectionProfile> profile = ProfileStore::load(name);
    if (!profile) {
        statusBar()->showMessage(tr("There is no connection named “%1”").arg(name), 10000);
        fillConnectionSelector();
        return;
    }
    statusBar()->showMessage(tr("Reading the password of %1 from the system keychain…").arg(name));
    onFinished(m_profiles->readSecret(name), this, [this, profile = *profile](const Result<QString> &secret) {
        if (secret && !secret->isEmpty()) {
            ConnectionProfile withSecret = profile;
            withSecret.secret = *secret;
            startRemoteSession(withSecret);
            return;
        }
        askSecret(profile, secret ? QString() : secret.error().message);
    });
}

void MainWindow::askSecret(ConnectionProfile profile, const QString &keychainProblem)
{
    auto *dialog = new PasswordDialog(profile, keychainProblem, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::rejected, this, [this] {
        statusBar()->clearMessage();
        fillConnectionSelector(); // still on the connection it was on
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, profile]() mutable {
        profile.secret = dialog->secret();
        if (dialog->remember()) {
            onFinished(
                m_profiles->writeSecret(profile.name, profile.secret),
                this,
                [this, name = profile.name](const Result<bool> &stored) {
                    if (!stored)
                        statusBar()->showMessage(
                            tr("The password of %1 was not remembered: %2").arg(name, stored.error().message),
                            10000);
                });
        }
        startRemoteSession(profile);
    });
    dialog->open();
}

void MainWindow::startRemoteSession(const ConnectionProfile &profile)
{
    auto *session = new Session(profile, this);
    Session *previous = std::exchange(m_remoteSession, session);
    setSession(session);
    if (previous)
        previous->deleteLater();
    fillConnectionSelector();
    session->start();
}

QAction *MainWindow::jobAction(Session::JobAction action) const
{
    switch (action) {
    case Session::JobAction::Kill:
        return m_killAction;
    case Session::JobAction::Pause:
        return m_pauseAction;
    case Session::JobAction::Resume:
        return m_resumeAction;
    case Session::JobAction::Drop:
        return m_dropAction;
    case Session::JobAction::Restart:
        return m_restartAction;
    case Session::JobAction::Savepoint:
        return m_savepointAction;
    case Session::JobAction::ForceRefresh:
        return m_refreshStateAction;
    }
    return nullptr;
}

void MainWindow::updateJobActions()
{
    const bool ready = m_session && m_session->state() == Session::State::Ready;
    const Capabilities caps = ready ? m_session->capabilities() : Capabilities{};
    const JobActions allowed
        = ready && !m_currentJob.isEmpty() ? m_session->availableActions(m_currentJob) : JobActions{};
    const auto set = [](QAction *action, bool visible, bool enabled) {
        action->setVisible(visible);
        action->setEnabled(visible && enabled);
    };
    // Kill stays in sight while connecting: every backend so far can stop a job.
    set(m_runTaskAction, caps.runTask, true);
    set(m_killAction, !ready || caps.kill, allowed.kill);
    set(m_pauseAction, caps.pause, allowed.pause);
    set(m_resumeAction, caps.resume, allowed.resume);
    set(m_restartAction, caps.restart, allowed.restart);
    set(m_savepointAction, caps.savepoint, allowed.savepoint);
    set(m_refreshStateAction, caps.forceRefresh, allowed.forceRefresh);
    set(m_dropAction, caps.drop || caps.remove, allowed.drop);
    set(m_lineageAction, caps.lineage, allowed.lineage);
    set(m_stepOutputAction, caps.steps, !m_currentJob.isEmpty() && !m_timeline->currentStepId().isEmpty());
}

void MainWindow::updateTimeline()
{
    m_timeline->setSteps(m_session && !m_currentJob.isEmpty() ? m_session->job(m_currentJob).steps
                                                              : QList<JobStep>{});
}

void MainWindow::showJobContextMenu(const QPoint &position)
{
    if (!m_jobTable->indexAt(position).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("jobContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction *action : {m_killAction,
                            m_pauseAction,
                            m_resumeAction,
                            m_restartAction,
                            m_savepointAction,
                            m_refreshStateAction,
                            m_dropAction,
                            m_lineageAction,
                            m_stepOutputAction}) {
        if (action->isVisible())
            menu->addAction(action);
    }
    menu->popup(m_jobTable->viewport()->mapToGlobal(position));
}

void MainWindow::confirmJobAction(Session::JobAction action)
{
    if (!m_session || m_currentJob.isEmpty())
        return;
    const QString jobId = m_currentJob;
    if (action != Session::JobAction::Kill && action != Session::JobAction::Drop) {
        m_session->perform(action, jobId);
        return;
    }
    // The two that cannot be undone are asked about first.
    const bool drop = action == Session::JobAction::Drop;
    auto *question = new QMessageBox(
        QMessageBox::Question,
        drop ? tr("Drop Job") : tr("Kill Job"),
        drop ? tr("Remove job %1 from the records of %2? This cannot be undone.")
                   .arg(jobId, m_session->displayName())
             : tr("Stop job %1 on %2? Its work so far may be lost.").arg(jobId, m_session->displayName()),
        QMessageBox::Cancel,
        this);
    question->setObjectName(QStringLiteral("confirmJobAction"));
    QPushButton *confirm = question->addButton(drop ? tr("Drop") : tr("Kill"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<Session> session = m_session;
    connect(question, &QMessageBox::finished, this, [question, confirm, session, action, jobId] {
        if (question->clickedButton() == confirm && session)
            session->perform(action, jobId);
    });
    question->open();
}

void MainWindow::exportLineage()
{
    if (!m_session || m_currentJob.isEmpty())
        return;
    const QString jobId = m_currentJob;
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV (*.csv)");
    const QString graphml = tr("GraphML (*.graphml)");
    QString filter = json;
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export Lineage of %1").arg(jobId),
                                                QDir::home().filePath(jobId + u"-lineage.json"),
                                                QStringList{json, csv, graphml}.join(u";;"),
                                                &filter);
    if (path.isEmpty() || !m_session)
        return;
    // The format follows the file's extension; without one, the chosen filter's.
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"json" && suffix != u"csv" && suffix != u"graphml") {
        suffix = filter == csv       ? QStringLiteral("csv")
                 : filter == graphml ? QStringLiteral("graphml")
                                     : QStringLiteral("json");
        path += u'.' + suffix;
    }
    LineageRequest request;
    request.format = suffix == u"csv"       ? LineageFormat::Csv
                     : suffix == u"graphml" ? LineageFormat::Graphml
                                            : LineageFormat::Json;
    m_session->exportLineage(jobId, path, request);
}

void MainWindow::showStepOutput()
{
    const QString stepId = m_timeline->currentStepId();
    if (!m_session || m_currentJob.isEmpty() || stepId.isEmpty())
        return;
    if (!m_session->capabilities().steps)
        return;
    statusBar()->showMessage(tr("Reading the output of step %1…").arg(stepId), 5000);
    m_session->loadStepOutput(m_currentJob, stepId);
}

void MainWindow::showStepOutputText(const QString &jobId, const QString &stepId, const QString &output)
{
    QString name = stepId;
    const QList<JobStep> steps = m_session ? m_session->job(jobId).steps : QList<JobStep>{};
    for (const JobStep &step : steps) {
        if (step.id == stepId && !step.name.isEmpty())
            name = step.name;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("stepOutputDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Output of “%1” (job %2)").arg(name, jobId));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("stepOutputText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(output.isEmpty() ? tr("(the step wrote nothing)") : output);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(760, 480);
    dialog->show();
}

void MainWindow::showJob(const QString &jobId)
{
    m_currentJob = jobId;
    m_logView->showLines(m_session ? m_session->logLines(jobId) : QStringList{});
    m_progressChart->showSamples(m_session ? m_session->progressSamples(jobId) : QList<QPointF>{});
    while (m_resultTabs->count() > 0) {
        QWidget *page = m_resultTabs->widget(0);
        m_resultTabs->removeTab(0);
        page->deleteLater();
    }
    m_resultsJob.clear();
    updateTimeline();
    updateJobActions();
    if (m_session && !jobId.isEmpty()) {
        m_session->loadLog(jobId);
        m_session->loadDetails(jobId); // the steps, where the backend reports them
        if (m_session->job(jobId).state == JobState::Succeeded) {
            m_resultsJob = jobId;
            m_session->loadResults(jobId);
        }
    }
    updateEmptyStates();
}

void MainWindow::runScript()
{
    if (!m_session)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    // The selection alone when there is one: run a single statement out of a long script.
    QString script = cursor.hasSelection() ? cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n')
                                           : m_editor->toPlainText();
    if (script.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("There is nothing to run: the editor is empty"), 5000);
        return;
    }
    if (m_session->capabilities().query && !m_session->capabilities().submit) {
        runStatement(script.trimmed());
        return;
    }
    SubmitRequest request;
    request.script = script;
    request.runType = m_runType->currentData().toString();
    // The local server runs SQL on SQLite; a Linkis cluster's default SQL engine is Spark.
    const QString sqlEngine = m_session->isLocal() ? QStringLiteral("sqlite") : QStringLiteral("spark");
    request.engine = request.runType == u"shell" ? QStringLiteral("shell") : sqlEngine;
    request.scriptPath = m_filePath;
    m_session->submit(request);
}

void MainWindow::runSavedTask()
{
    if (!m_session)
        return;
    QSettings settings;
    const QString key = u"runTask/" + m_session->displayName();
    bool ok = false;
    const int taskId
        = QInputDialog::getInt(this,
                               tr("Run Saved Task"),
                               tr("The id of the task to run on %1:").arg(m_session->displayName()),
                               settings.value(key, 1).toInt(),
                               1,
                               std::numeric_limits<int>::max(),
                               1,
                               &ok);
    if (!ok)
        return;
    settings.setValue(key, taskId);
    m_session->runTask(taskId);
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(LayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveDraft();
    saveLayout();
    event->accept();
}

void MainWindow::loadDraft()
{
    const DraftStore::Draft draft = m_drafts.load();
    if (draft.exists) {
        m_editor->setPlainText(draft.text);
        m_filePath = draft.filePath;
        // A draft that differs from its file holds unsaved edits.
        bool modified = false;
        if (!m_filePath.isEmpty()) {
            QFile file(m_filePath);
            modified = !file.open(QIODevice::ReadOnly) || QString::fromUtf8(file.readAll()) != draft.text;
        }
        m_editor->document()->setModified(modified);
    } else {
        // Runs as it is on the local job server (SQLite), so a new user sees a job at once.
        m_editor->setPlainText(
            tr("-- Welcome to JobDeck. Press Ctrl+Return to run this script on the local job "
               "server (SQLite).\n"
               "-- What you type is kept and comes back on the next start.\n"
               "CREATE TABLE IF NOT EXISTS staff (name TEXT PRIMARY KEY, dept TEXT, salary REAL, "
               "hired_on TEXT);\n"
               "INSERT OR IGNORE INTO staff VALUES ('Ann', 'ops', 5200, '2024-03-01'),\n"
               "    ('Bo', 'dev', 6100, '2024-05-12'), ('Cy', 'dev', 5900, '2023-11-20');\n"
               "SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary\n"
               "FROM staff\n"
               "WHERE hired_on >= '2024-01-01'\n"
               "GROUP BY dept\n"
               "ORDER BY employees DESC;\n"));
        m_editor->document()->setModified(false);
    }
    setWindowModified(m_editor->document()->isModified());
    updateTitle();
}

void MainWindow::saveDraft()
{
    m_draftTimer->stop();
    const QString error = m_drafts.save({m_editor->toPlainText(), m_filePath, true});
    if (!error.isEmpty())
        statusBar()->showMessage(error);
}

void MainWindow::updateTitle()
{
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    setWindowTitle(tr("%1[*] — JobDeck").arg(name));
}

void MainWindow::updateCursorPosition()
{
    const QTextCursor cursor = m_editor->textCursor();
    m_cursorLabel->setText(
        tr("Ln %1, Col %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this,
            tr("Cannot open script"),
            tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    if (file.size() > MaxScriptBytes) {
        QMessageBox::warning(this,
                             tr("Cannot open script"),
                             tr("%1 is %2 MB; scripts larger than %3 MB cannot be edited here.")
                                 .arg(QDir::toNativeSeparators(path))
                                 .arg(file.size() / (1024 * 1024))
                                 .arg(MaxScriptBytes / (1024 * 1024)));
        return false;
    }
    m_editor->setPlainText(QString::fromUtf8(file.readAll()));
    m_editor->document()->setModified(false);
    m_filePath = QFileInfo(path).absoluteFilePath();
    updateTitle();
    saveDraft();
    return true;
}

bool MainWindow::saveToFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_editor->toPlainText().toUtf8()) < 0
        || !file.commit()) {
        QMessageBox::warning(
            this,
            tr("Cannot save script"),
            tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_editor->document()->setModified(false);
    updateTitle();
    saveDraft();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 4000);
    return true;
}

void MainWindow::chooseFileToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Script"), QFileInfo(m_filePath).path(), tr(SqlFileFilter));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    return m_filePath.isEmpty() ? chooseFileToSaveAs() : saveToFile(m_filePath);
}

bool MainWindow::chooseFileToSaveAs()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save Script As"), m_filePath, tr(SqlFileFilter));
    return !path.isEmpty() && saveToFile(path);
}

QString MainWindow::aboutText()
{
    return tr("<h3>JobDeck %1</h3>"
              "<p>A desktop console for big-data jobs.</p>"
              "<p>Qt %2<br>KSyntaxHighlighting %3</p>")
        .arg(
            BuildInfo::version(), BuildInfo::qtVersion(), QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About JobDeck"), aboutText());
}

} // namespace JobDeck
