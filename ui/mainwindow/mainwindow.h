#pragma once

#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;

namespace JobDeck {

class Console;
class ConnectionsPanel;
class JobCommands;
class JobListPanel;
class JobNotifier;
class LineageDock;
class LogDock;
class ProgressPanel;
class ResultsPanel;
class SchemaPanel;
class SchemaRegistry;
class ScriptWorkspace;
class SqlEditor;
class StepsPanel;
class Translations;

// The console's window. It only arranges: the editor in the centre, a dock for each panel
// (jobs, connections, schema, steps, progress, log, results, lineage), menus and toolbars made of the panels'
// actions, the layout restored on the next start. What the panels show comes from the
// Console they observe; each panel lives in its own folder with the logic behind it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `translations` may be null (no language menu). `console` is what the window shows; the
    // window does not own it. Null: an empty console of the window's own (tests).
    explicit MainWindow(Translations *translations, Console *console = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    Console *console() const { return m_console; }
    ScriptWorkspace *workspace() const { return m_workspace; }
    // The current script tab's editor.
    SqlEditor *editor() const;
    // Opens a script file in a tab; false (after telling the user why) when it cannot.
    bool openFile(const QString &path);
    JobListPanel *jobListPanel() const { return m_jobList; }
    ConnectionsPanel *connectionsPanel() const { return m_connections; }
    LogDock *logPanel() const { return m_log; }
    StepsPanel *stepsPanel() const { return m_steps; }
    ProgressPanel *progressPanel() const { return m_progress; }
    ResultsPanel *resultsPanel() const { return m_results; }
    SchemaPanel *schemaPanel() const { return m_schema; }
    SchemaRegistry *schemaRegistry() const { return m_schemaRegistry; }
    LineageDock *lineagePanel() const { return m_lineage; }
    JobCommands *jobCommands() const { return m_commands; }
    JobNotifier *notifier() const { return m_notifier; }

    QDockWidget *jobListDock() const { return m_jobListDock; }
    QDockWidget *connectionsDock() const { return m_connectionsDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *logDock() const { return m_logDock; }
    QDockWidget *progressDock() const { return m_progressDock; }
    QDockWidget *resultsDock() const { return m_resultsDock; }
    QDockWidget *schemaDock() const { return m_schemaDock; }
    QDockWidget *lineageDock() const { return m_lineageDock; }
    QAction *runTaskAction() const { return m_runTaskAction; }

    // The text of Help > About: versions of JobDeck, Qt and KSyntaxHighlighting.
    static QString aboutText();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QDockWidget *addPanelDock(const QString &objectName, Qt::DockWidgetArea area, QWidget *panel);
    void createMenus();
    void retranslateUi();
    void restoreLayout();
    void saveLayout();
    void bringUp();
    void fillThemeMenu();
    void updateTitle();

    Translations *m_translations;
    Console *m_console;
    ScriptWorkspace *m_workspace;
    QLabel *m_cursorLabel;
    QString m_scriptTitle;
    JobListPanel *m_jobList;
    ConnectionsPanel *m_connections;
    LogDock *m_log;
    StepsPanel *m_steps;
    ProgressPanel *m_progress;
    ResultsPanel *m_results;
    SchemaRegistry *m_schemaRegistry;
    SchemaPanel *m_schema;
    LineageDock *m_lineage;
    JobCommands *m_commands;
    JobNotifier *m_notifier;

    QDockWidget *m_jobListDock;
    QDockWidget *m_connectionsDock;
    QDockWidget *m_timelineDock;
    QDockWidget *m_logDock;
    QDockWidget *m_progressDock;
    QDockWidget *m_resultsDock;
    QDockWidget *m_schemaDock;
    QDockWidget *m_lineageDock;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_jobMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_connectionToolBar = nullptr;
    QToolBar *m_jobToolBar = nullptr;
    QAction *m_connectionsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_runTaskAction = nullptr;
    QAction *m_followDesktopThemeAction = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace JobDeck
