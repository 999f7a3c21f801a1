#pragma once

#include "backends/backend.h"
#include "scripts/statementsplitter.h"
#include "workspace/recoverystore.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;
class QToolButton;

namespace JobDeck {

class CompletionProvider;
class FindBar;
class ScriptTab;
class SqlEditor;

// The script workspace: tabs of scripts, each with its file (or untitled), its connection and
// the engine and run type it runs with; open, save, recent files; every tab kept in the
// recovery area a moment after each change and brought back on the next start; the find
// bar, go to line; Run Statement (the one under the cursor, or the selection) and Run Script,
// with the ${name} variables asked for first. It runs nothing itself: submitRequested()
// says what to run and where, and the main window hands it to the connection's session.
class ScriptWorkspace final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptWorkspace)

public:
    // The id of the built-in Local connection; other connections are named by their profile.
    static QString localConnectionId() { return QStringLiteral("local"); }

    // `recoveryDirectory` empty: the application data folder's.
    explicit ScriptWorkspace(QWidget *parent = nullptr, const QString &recoveryDirectory = {});
    ~ScriptWorkspace() override;

    // Brings back the tabs of the last run (a welcome script when there were none) and says
    // which were recovered after a crash. Call once, before the window shows.
    void restoreTabs();

    // The window's current connection: the current tab and new tabs run there, with one of
    // the engines and run types `offers` names.
    void setConnection(const QString &connectionId,
                       const QString &displayName,
                       const QList<RunOffer> &offers);
    QString connectionId() const { return m_connectionId; }

    int count() const;
    ScriptTab *tab(int index) const;
    ScriptTab *currentTab() const;
    SqlEditor *currentEditor() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    FindBar *findBar() const { return m_findBar; }
    // The names of the tabs the last restoreTabs() recovered with unsaved changes after the
    // console did not end normally.
    QStringList recoveredTabs() const { return m_recovered; }

    ScriptTab *newTab();
    // Opens a file in a tab of its own (or shows the tab that has it); false, after telling
    // the user why, when it cannot.
    bool openFile(const QString &path);
    bool saveTab(ScriptTab *tab);
    bool saveTabAs(ScriptTab *tab, const QString &path);
    // Closes a tab; asks first when it has unsaved changes. False when the user kept it.
    bool closeTab(ScriptTab *tab);
    // Before the window closes: asks about files with unsaved changes (save, discard, cancel).
    // Untitled scripts stay in the recovery area and come back on the next start.
    bool confirmClose();
    // Writes every tab to the recovery area now (also done a moment after each change).
    void flushRecovery();
    // The console ends normally: the next start does not call its tabs recovered.
    void markEndedCleanly();

    // What Run Statement would run in the current tab, as offsets (start, end) in its text.
    std::pair<int, int> statementToRun(ScriptTab *tab) const;

    // Completion proposals for every tab's editor (besides the dialect's own keywords).
    void addCompletionProvider(CompletionProvider *provider);

    // Actions for the window's menus and tool bars.
    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QAction *closeAction() const { return m_closeAction; }
    QAction *closeOthersAction() const { return m_closeOthersAction; }
    QMenu *recentFilesMenu() const { return m_recentMenu; }
    QAction *runStatementAction() const { return m_runStatementAction; }
    QAction *runScriptAction() const { return m_runScriptAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *replaceAction() const { return m_replaceAction; }
    QAction *findNextAction() const { return m_findNextAction; }
    QAction *goToLineAction() const { return m_goToLineAction; }
    QAction *commentAction() const { return m_commentAction; }
    QAction *indentAction() const { return m_indentAction; }
    QAction *unindentAction() const { return m_unindentAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }
    QAction *zoomResetAction() const { return m_zoomResetAction; }
    // Undo, redo, cut, copy, paste and select all, on the current tab's editor.
    QList<QAction *> editActions() const { return m_editActions; }
    QComboBox *runTypeSelector() const { return m_runType; }
    // Enables Run Statement and Run Script (the window knows whether the connection is ready).
    void setRunEnabled(bool enabled);
    void setThemePreference(const QString &name);

    // Runs as the actions do; the variables form may come first.
    void runStatement();
    void runScript();
    void goToLine(int line);

Q_SIGNALS:
    void submitRequested(const JobDeck::SubmitRequest &request, const QString &connectionId);
    // Something to tell the user in passing (the status bar).
    void message(const QString &text);
    // The current tab, its file or its modified state changed: the window's title follows.
    void currentScriptChanged(const QString &title, bool modified);
    void cursorPositionChanged(int line, int column);

protected:
    void changeEvent(QEvent *event) override;
    void childEvent(QChildEvent *event) override;

private:
    ScriptTab *addTab(const RecoveryStore::Tab &state);
    void wireTab(ScriptTab *tab);
    void updateTabTitle(ScriptTab *tab);
    void scheduleRecovery(ScriptTab *tab);
    void saveRecovery(ScriptTab *tab);
    void saveAllOrders();
    void onCurrentChanged();
    void fillRunTypes();
    void applyRunType(int index);
    void applyDialect(ScriptTab *tab);
    void updateMarker();
    void submit(ScriptTab *tab, const QString &script);
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void watch(ScriptTab *tab);
    void onFileChanged(const QString &path);
    bool chooseSaveAs(ScriptTab *tab);
    void chooseFileToOpen();
    void chooseLine();
    ScriptTab *tabForFile(const QString &path) const;
    void retranslateUi();

    RecoveryStore m_store;
    QString m_connectionId;
    QString m_connectionName;
    QList<RunOffer> m_offers;
    QString m_themePreference;
    QTabWidget *m_tabs;
    FindBar *m_findBar;
    QWidget *m_noticeBar;
    QLabel *m_notice;
    QToolButton *m_noticeClose;
    QLabel *m_runTypeLabel;
    QComboBox *m_runType;
    QFileSystemWatcher *m_watcher;
    QTimer *m_markerTimer;
    QList<QPointer<CompletionProvider>> m_providers;
    QStringList m_recovered;
    QStringList m_recoveryProblems;
    bool m_runEnabled = true;
    bool m_fillingRunTypes = false;
    int m_untitledCounter = 0;

    QAction *m_newAction;
    QAction *m_openAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_closeAction;
    QAction *m_closeOthersAction;
    QMenu *m_recentMenu;
    QAction *m_runStatementAction;
    QAction *m_runScriptAction;
    QAction *m_findAction;
    QAction *m_replaceAction;
    QAction *m_findNextAction;
    QAction *m_goToLineAction;
    QAction *m_commentAction;
    QAction *m_indentAction;
    QAction *m_unindentAction;
    QAction *m_zoomInAction;
    QAction *m_zoomOutAction;
    QAction *m_zoomResetAction;
    QList<QAction *> m_editActions;
};

// One script tab: the editor and what the tab knows about its script.
class ScriptTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptTab)

public:
    explicit ScriptTab(QWidget *parent = nullptr);

    SqlEditor *editor() const { return m_editor; }
    QString id() const { return m_id; }
    QString filePath() const { return m_filePath; }
    // "Untitled 3" in the current language (0: the tab has a file).
    int untitledNumber() const { return m_untitledNumber; }
    QString displayName() const;
    QString connectionId() const { return m_connectionId; }
    QString engine() const { return m_engine; }
    QString runType() const { return m_runType; }
    QMap<QString, QString> variables() const { return m_variables; }
    bool isModified() const;
    // The text the file had when it was last read or written here.
    QString diskText() const { return m_diskText; }
    RecoveryStore::Tab state(int order) const;

private:
    friend class ScriptWorkspace;
    SqlEditor *m_editor;
    QTimer *m_recoveryTimer;
    QString m_id;
    QString m_filePath;
    int m_untitledNumber = 0;
    QString m_connectionId;
    QString m_engine;
    QString m_runType;
    QMap<QString, QString> m_variables;
    QString m_diskText;
    CompletionProvider *m_dialectCompletion = nullptr;
    // The statements of the text at a document revision, so a cursor move does not split again.
    QList<Scripts::StatementRange> m_statements;
    quint64 m_edits = 0; // changes to the text so far
    quint64 m_statementsAt = ~quint64(0);
    QString m_statementsDialect;
    int m_pendingScroll = -1;
    bool m_askingAboutDisk = false;
};

} // namespace JobDeck
