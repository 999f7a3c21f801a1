#pragma once

#include "backends/backend.h"
#include "workspace/draftstore.h"

#include <QMainWindow>

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

class EmptyState;
class LogView;
class ProgressChart;
class Session;
class SqlEditor;
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
    // keep their empty states), as in tests that need neither.
    explicit MainWindow(Translations *translations, Session *session = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    SqlEditor *editor() const { return m_editor; }
    QDockWidget *jobListDock() const { return m_jobListDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *logDock() const { return m_logDock; }
    QDockWidget *progressDock() const { return m_progressDock; }
    QDockWidget *resultsDock() const { return m_resultsDock; }
    QTabWidget *resultTabs() const { return m_resultTabs; }
    QTableView *jobTable() const { return m_jobTable; }
    LogView *logView() const { return m_logView; }
    ProgressChart *progressChart() const { return m_progressChart; }
    QString currentJobId() const { return m_currentJob; }
    QAction *runAction() const { return m_runAction; }

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
    void runScript();
    void killCurrentJob();
    void showJob(const QString &jobId);
    void updateEmptyStates();
    void showResults(const QString &jobId, const QStringList &names, const QList<ResultPage> &pages);
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
    Session *m_session;
    SqlEditor *m_editor;
    QTableView *m_jobTable;
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
    QTabWidget *m_resultTabs;
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
    QAction *m_killAction = nullptr;
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
