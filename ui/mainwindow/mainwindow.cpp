#include "mainwindow/mainwindow.h"

#include "charts/progresspanel.h"
#include "completion/connectioncompletion.h"
#include "connections/connectionspanel.h"
#include "console/console.h"
#include "core/buildinfo.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "editor/syntaxrepository.h"
#include "editor/workspacebinding.h"
#include "i18n/translations.h"
#include "jobactions/jobcommands.h"
#include "joblist/joblistpanel.h"
#include "lineage/lineagedock.h"
#include "logview/logdock.h"
#include "notifications/jobnotifier.h"
#include "results/resultspanel.h"
#include "schema/schemapanel.h"
#include "schema/schemaregistry.h"
#include "timeline/stepspanel.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace JobDeck {

namespace {
// Bump when the docks change so an old saved layout is not applied to a new set of docks.
constexpr int LayoutVersion = 5;
constexpr auto GeometryKey = "mainwindow/geometry";
constexpr auto StateKey = "mainwindow/state";
constexpr auto ThemeKey = "editor/theme";
} // namespace

MainWindow::MainWindow(Translations *translations, Console *console, QWidget *parent)
    : QMainWindow(parent)
    , m_translations(translations)
    , m_console(console ? console : new Console(this))
    , m_workspace(new ScriptWorkspace(this))
    , m_cursorLabel(new QLabel(this))
    , m_jobList(new JobListPanel(m_console->jobs(), this))
    , m_connections(new ConnectionsPanel(m_console, this))
    , m_log(new LogDock(m_console, this))
    , m_steps(new StepsPanel(m_console, this))
    , m_progress(new ProgressPanel(m_console, this))
    , m_results(new ResultsPanel(m_console, this))
    , m_schemaRegistry(new SchemaRegistry(m_console, {}, this))
    , m_schema(new SchemaPanel(m_console, m_schemaRegistry, this))
    , m_lineage(new LineageDock(m_console, this))
    , m_commands(new JobCommands(m_console, this))
    , m_notifier(new JobNotifier(m_console, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_workspace);
    new WorkspaceBinding(m_console, m_workspace);
    setDockNestingEnabled(true);

    m_jobListDock = addPanelDock(QStringLiteral("jobListDock"), Qt::LeftDockWidgetArea, m_jobList);
    m_connectionsDock
        = addPanelDock(QStringLiteral("connectionsDock"), Qt::LeftDockWidgetArea, m_connections);
    m_progressDock = addPanelDock(QStringLiteral("progressDock"), Qt::RightDockWidgetArea, m_progress);
    m_timelineDock = addPanelDock(QStringLiteral("timelineDock"), Qt::RightDockWidgetArea, m_steps);
    m_logDock = addPanelDock(QStringLiteral("logDock"), Qt::BottomDockWidgetArea, m_log);
    m_resultsDock = addPanelDock(QStringLiteral("resultsDock"), Qt::BottomDockWidgetArea, m_results);
    tabifyDockWidget(m_logDock, m_resultsDock);
    m_logDock->raise();
    splitDockWidget(m_jobListDock, m_connectionsDock, Qt::Vertical);
    splitDockWidget(m_progressDock, m_timelineDock, Qt::Vertical);
    m_lineageDock = addPanelDock(QStringLiteral("lineageDock"), Qt::RightDockWidgetArea, m_lineage);
    tabifyDockWidget(m_progressDock, m_lineageDock);
    // Beside them, right of the editor: the schema the scripts are written against.
    m_schemaDock = addPanelDock(QStringLiteral("schemaDock"), Qt::RightDockWidgetArea, m_schema);
    tabifyDockWidget(m_lineageDock, m_schemaDock);
    m_progressDock->raise();
    resizeDocks({m_jobListDock, m_progressDock}, {640, 330}, Qt::Horizontal);
    resizeDocks({m_jobListDock, m_connectionsDock}, {560, 120}, Qt::Vertical);
    resizeDocks({m_progressDock, m_timelineDock}, {300, 340}, Qt::Vertical);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);

    statusBar()->addPermanentWidget(m_cursorLabel);
    createMenus();

    // The panels talk to each other through the console; these are the window's own links.
    // Completion from the schema of the connection the current tab runs on.
    m_workspace->addCompletionProvider(new ConnectionCompletionProvider(
        m_schemaRegistry,
        [this] {
            const ScriptTab *tab = m_workspace->currentTab();
            return tab && m_console->isOpen(tab->connectionId()) ? tab->connectionId()
                                                                 : m_console->targetConnection();
        },
        this));
    connect(m_schema, &SchemaPanel::insertTextRequested, this, [this](const QString &text) {
        if (SqlEditor *editor = m_workspace->currentEditor()) {
            editor->insertPlainText(text);
            editor->setFocus();
        }
    });
    connect(m_results, &ResultsPanel::resultsShown, m_resultsDock, &QDockWidget::raise);
    connect(m_jobList, &JobListPanel::currentJobChanged, m_console, &Console::setCurrentJob);
    connect(m_jobList->view()->selectionModel(), &QItemSelectionModel::selectionChanged, m_commands, [this] {
        m_commands->setSelection(m_jobList->selectedJobs());
    });
    connect(m_console, &Console::currentJobChanged, m_jobList, &JobListPanel::selectJob);
    connect(m_jobList, &JobListPanel::contextMenuRequested, this, [this](const QPoint &position) {
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("jobContextMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        m_commands->fillMenu(menu);
        menu->popup(position);
    });
    connect(m_commands,
            &JobCommands::openScriptRequested,
            this,
            [this](const QString &connection, const SubmitRequest &request) {
                m_console->setTargetConnection(connection);
                if (ScriptTab *tab = m_workspace->newTab())
                    tab->editor()->setPlainText(request.script);
            });
    connect(m_notifier, &JobNotifier::showJobRequested, this, &MainWindow::bringUp);
    // The script tabs: their title and cursor go to the window, what they say to the status bar.
    connect(m_workspace,
            &ScriptWorkspace::currentScriptChanged,
            this,
            [this](const QString &title, bool modified) {
                m_scriptTitle = title;
                setWindowModified(modified);
                updateTitle();
            });
    connect(m_workspace, &ScriptWorkspace::cursorPositionChanged, this, [this](int line, int column) {
        m_cursorLabel->setText(tr("Ln %1, Col %2").arg(line).arg(column));
    });
    connect(m_workspace, &ScriptWorkspace::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
    connect(m_console, &Console::notice, this, [this](const QString &connection, const QString &text) {
        statusBar()->showMessage(
            connection.isEmpty() ? text : tr("%1: %2").arg(m_console->displayName(connection), text), 10000);
    });
    connect(m_console,
            &Console::connectionStateChanged,
            this,
            [this](const QString &connection, Session::State state, const QString &message) {
                if (state != Session::State::Idle)
                    statusBar()->showMessage(tr("%1: %2").arg(m_console->displayName(connection), message),
                                             state == Session::State::Ready ? 5000 : 10000);
            });
    if (m_translations) {
        m_console->setLanguage(m_translations->language());
        connect(m_translations, &Translations::languageChanged, m_console, &Console::setLanguage);
    }
    retranslateUi();

    // Quitting without closing the window (a termination signal, the session ending)
    // keeps the same things a close does.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_workspace->flushRecovery();
        m_workspace->markEndedCleanly();
        saveLayout();
    });
    m_workspace->restoreTabs();

    resize(1440, 860);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanelDock(const QString &objectName, Qt::DockWidgetArea area, QWidget *panel)
{
    auto *dock = new QDockWidget(this);
    dock->setObjectName(objectName); // saveState() keys the layout by object name
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addActions({m_workspace->newAction(), m_workspace->openAction()});
    m_fileMenu->addMenu(m_workspace->recentFilesMenu());
    m_fileMenu->addActions({m_workspace->saveAction(),
                            m_workspace->saveAsAction(),
                            m_workspace->closeAction(),
                            m_workspace->closeOthersAction()});
    m_fileMenu->addSeparator();
    m_connectionsAction
        = m_fileMenu->addAction(QString(), this, [this] { m_connections->showConnectionsDialog(); });
    m_connectionsAction->setObjectName(QStringLiteral("connectionsAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addActions(m_workspace->editActions());
    m_editMenu->addSeparator();
    m_editMenu->addActions({m_workspace->findAction(),
                            m_workspace->replaceAction(),
                            m_workspace->findNextAction(),
                            m_workspace->goToLineAction()});
    m_editMenu->addSeparator();
    m_editMenu->addActions(
        {m_workspace->commentAction(), m_workspace->indentAction(), m_workspace->unindentAction()});

    m_jobMenu = menuBar()->addMenu(QString());
    m_jobMenu->addActions({m_workspace->runStatementAction(), m_workspace->runScriptAction()});
    m_runTaskAction = m_commands->runTaskAction();
    m_jobMenu->addAction(m_runTaskAction);
    m_jobMenu->addSeparator();
    m_commands->fillMenu(m_jobMenu);
    m_jobMenu->addAction(m_steps->stepOutputAction());

    m_connectionToolBar = addToolBar(QString());
    m_connectionToolBar->setObjectName(QStringLiteral("connectionToolBar"));
    m_connectionToolBar->addWidget(m_connections->selector());
    m_jobToolBar = addToolBar(QString());
    m_jobToolBar->setObjectName(QStringLiteral("jobToolBar"));
    m_jobToolBar->addWidget(m_workspace->runTypeSelector());
    m_jobToolBar->addActions({m_workspace->runStatementAction(), m_workspace->runScriptAction()});
    m_jobToolBar->addAction(m_commands->action(JobCommands::Kill));
    m_jobToolBar->addAction(m_commands->action(JobCommands::Pause));
    m_jobToolBar->addAction(m_commands->action(JobCommands::Resume));
    m_jobToolBar->addAction(m_commands->action(JobCommands::RunAgain));

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget *dock : {m_jobListDock,
                              m_connectionsDock,
                              m_schemaDock,
                              m_timelineDock,
                              m_logDock,
                              m_resultsDock,
                              m_progressDock,
                              m_lineageDock})
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(
        {m_workspace->zoomInAction(), m_workspace->zoomOutAction(), m_workspace->zoomResetAction()});
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    fillThemeMenu();
    m_notifyAction = m_viewMenu->addAction(QString());
    m_notifyAction->setObjectName(QStringLiteral("notifyAction"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(m_notifier->isEnabled());
    connect(m_notifyAction, &QAction::toggled, m_notifier, &JobNotifier::setEnabled);

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
    m_aboutAction = m_helpMenu->addAction(
        QString(), this, [this] { QMessageBox::about(this, tr("About JobDeck"), aboutText()); });
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_connectionsAction->setText(tr("&Connections…"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_jobMenu->setTitle(tr("&Job"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("Editor &Theme"));
    m_followDesktopThemeAction->setText(tr("Follow the Desktop"));
    m_notifyAction->setText(tr("&Notify When Jobs End"));
    m_notifyAction->setToolTip(tr("A desktop notification when a job run or followed here ends"));
    if (m_languageMenu)
        m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About JobDeck"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_connectionToolBar->setWindowTitle(tr("Connection"));
    m_jobToolBar->setWindowTitle(tr("Job"));
    m_commands->retranslate();

    m_jobListDock->setWindowTitle(tr("Jobs"));
    m_connectionsDock->setWindowTitle(tr("Connections"));
    m_timelineDock->setWindowTitle(tr("Steps"));
    m_logDock->setWindowTitle(tr("Log"));
    m_progressDock->setWindowTitle(tr("Progress"));
    m_resultsDock->setWindowTitle(tr("Results"));
    m_schemaDock->setWindowTitle(tr("Schema"));
    m_lineageDock->setWindowTitle(tr("Lineage"));
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::bringUp()
{
    m_jobListDock->show();
    m_jobListDock->raise();
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
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
    if (!m_workspace->confirmClose()) {
        event->ignore();
        return;
    }
    m_workspace->flushRecovery();
    m_workspace->markEndedCleanly();
    saveLayout();
    event->accept();
}

SqlEditor *MainWindow::editor() const
{
    return m_workspace->currentEditor();
}

bool MainWindow::openFile(const QString &path)
{
    return m_workspace->openFile(path);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — JobDeck").arg(m_scriptTitle.isEmpty() ? tr("Untitled") : m_scriptTitle));
}

void MainWindow::fillThemeMenu()
{
    auto *group = new QActionGroup(m_themeMenu);
    m_followDesktopThemeAction = m_themeMenu->addAction(QString());
    m_followDesktopThemeAction->setData(QString());
    m_themeMenu->addSeparator();
    const auto themes = syntaxRepository().themes();
    for (const KSyntaxHighlighting::Theme &theme : themes)
        m_themeMenu->addAction(theme.translatedName())->setData(theme.name());
    const QString savedTheme = QSettings().value(QLatin1StringView(ThemeKey)).toString();
    m_workspace->setThemePreference(savedTheme);
    const QList<QAction *> actions = m_themeMenu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        action->setCheckable(true);
        action->setChecked(action->data().toString() == savedTheme);
        group->addAction(action);
    }
    if (!group->checkedAction()) // a saved theme that this library no longer has
        m_followDesktopThemeAction->setChecked(true);
    connect(group, &QActionGroup::triggered, this, [this](QAction *action) {
        m_workspace->setThemePreference(action->data().toString());
        QSettings().setValue(QLatin1StringView(ThemeKey), action->data().toString());
    });
}

QString MainWindow::aboutText()
{
    return tr("<h3>JobDeck %1</h3>"
              "<p>A desktop console for big-data jobs.</p>"
              "<p>Qt %2<br>KSyntaxHighlighting %3</p>")
        .arg(
            BuildInfo::version(), BuildInfo::qtVersion(), QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING));
}

} // namespace JobDeck
