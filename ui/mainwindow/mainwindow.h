#pragma once

#include "backends/backend.h"
#include "session/session.h"
#include "workspace/draftstore.h"

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace JobDeck {

class ConnectionDialog;
class EmptyState;
class JobListModel;
class LogView;
class ProfileStore;
class ProgressChart;
class ResultTabs;
class SchemaBrowser;
class SqlEditor;
class StepTimeline;
class Translations;

// The console's window: the script editor in the centre, docks around it for the job list,
// the step timeline, the log and the progress chart. Geometry and dock layout survive
// restarts; the editor's text is kept as a draft while the user types.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `translations` may be null (no language menu), and `session` too (no jobs: the docks
    // keep their empty states), as in tests that need neither. `session` is the built-in
    // "Local" connection; the window does not own it.
    explicit MainWindow(Translations *translations, Session *session = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `session`'s jobs (null: none); the window does not take it over.
    void setSession(Session *session);
    Session *session() const { return m_session; }
    // The connection selector's choices: back to Local, or a saved profile, whose secret is
    // read from the keychain (or asked for) before its session starts.
    void switchToLocal();
    void switchToProfile(const QString &name);
    // Opens the Connections dialog (not modal) and returns it.
    ConnectionDialog *showConnections();
    ProfileStore *profileStore() const { return m_profiles; }
    QComboBox *connectionSelector() const { return m_connectionCombo; }
    StepTimeline *stepTimeline() const { return m_timeline; }
    QAction *jobAction(Session::JobAction action) const;
    QAction *exportLineageAction() const { return m_lineageAction; }
    QAction *stepOutputAction() const { return m_stepOutputAction; }

    SqlEditor *editor() const { return m_editor; }
    QDockWidget *jobListDock() const { return m_jobListDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *logDock() const { return m_logDock; }
    QDockWidget *progressDock() const { return m_progressDock; }
    QDockWidget *resultsDock() const { return m_resultsDock; }
    QDockWidget *schemaDock() const { return m_schemaDock; }
    SchemaBrowser *schemaBrowser() const { return m_schemaBrowser; }
    ResultTabs *resultTabs() const { return m_resultTabs; }
    QTableView *jobTable() const { return m_jobTable; }
    LogView *logView() const { return m_logView; }
    ProgressChart *progressChart() const { return m_progressChart; }
    QString currentJobId() const { return m_currentJob; }
    QAction *runAction() const { return m_runAction; }
    QAction *runTaskAction() const { return m_runTaskAction; }

    // The text of Help > About: versions of JobDeck, Qt and KSyntaxHighlighting.
    static QString aboutText();

    // Opens a script file; returns false (after telling the user why) when it cannot.
    bool openFile(const QString &path);
    bool saveToFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QDockWidget *addPanelDock(const QString &objectName,
                              Qt::DockWidgetArea area,
                              EmptyState **emptyState,
                              QWidget *view = nullptr);
    void connectSession();
    void disconnectSession();
    void fillConnectionSelector();
    void startRemoteSession(const ConnectionProfile &profile);
    void askSecret(ConnectionProfile profile, const QString &keychainProblem);
    void updateJobActions();
    void updateTimeline();
    void confirmJobAction(Session::JobAction action);
    void exportLineage();
    void showStepOutput();
    void showStepOutputText(const QString &jobId, const QString &stepId, const QString &output);
    void showJobContextMenu(const QPoint &position);
    void runScript();
    void runSavedTask();
    void showJob(const QString &jobId);
    void updateEmptyStates();
    void showResults(const QString &jobId, const QList<ResultSetRef> &sets, const QList<ResultPage> &pages);
    // Results and schema (issue 13): the schema of the session's connection, and a statement
    // run for its rows (the schema browser's preview, a Kylin query).
    void updateSchema();
    void runStatement(const QString &sql);
    void createMenus();
    void retranslateUi();
    void restoreLayout();
    void saveLayout();
    void loadDraft();
    void saveDraft();
    void updateTitle();
    void updateCursorPosition();
    void chooseFileToOpen();
    bool save();
    bool chooseFileToSaveAs();
    void showAbout();

    Translations *m_translations;
    Session *m_session = nullptr;
    Session *m_localSession;
    Session *m_remoteSession = nullptr; // owned: the session of the chosen profile
    QList<QMetaObject::Connection> m_sessionConnections;
    ProfileStore *m_profiles;
    QPointer<ConnectionDialog> m_connectionDialog;
    StepTimeline *m_timeline;
    SqlEditor *m_editor;
    QTableView *m_jobTable;
    JobListModel *m_jobModel; // until the console holds the jobs of every connection
    QSortFilterProxyModel *m_jobProxy;
    LogView *m_logView;
    ProgressChart *m_progressChart;
    QString m_currentJob;
    QString m_sessionMessage;
    QDockWidget *m_jobListDock;
    QDockWidget *m_timelineDock;
    QDockWidget *m_logDock;
    QDockWidget *m_progressDock;
    QDockWidget *m_resultsDock;
    ResultTabs *m_resultTabs;
    SchemaBrowser *m_schemaBrowser;
    QDockWidget *m_schemaDock;
    EmptyState *m_schemaEmpty = nullptr;
    QString m_resultsJob; // the job whose result sets are shown (or being read)
    EmptyState *m_jobListEmpty = nullptr;
    EmptyState *m_timelineEmpty = nullptr;
    EmptyState *m_logEmpty = nullptr;
    EmptyState *m_progressEmpty = nullptr;
    EmptyState *m_resultsEmpty = nullptr;
    QLabel *m_cursorLabel;
    QTimer *m_draftTimer;
    DraftStore m_drafts;
    QString m_filePath;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_followDesktopThemeAction = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_jobMenu = nullptr;
    QToolBar *m_jobToolBar = nullptr;
    QComboBox *m_runType = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runTaskAction = nullptr;
    QAction *m_killAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_savepointAction = nullptr;
    QAction *m_refreshStateAction = nullptr;
    QAction *m_dropAction = nullptr;
    QAction *m_lineageAction = nullptr;
    QAction *m_stepOutputAction = nullptr;
    QAction *m_connectionsAction = nullptr;
    QToolBar *m_connectionToolBar = nullptr;
    QComboBox *m_connectionCombo = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_cutAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace JobDeck
