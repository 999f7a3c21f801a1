#include "editor/scriptworkspace.h"

#include "editor/dialectcompletion.h"
#include "editor/dialects.h"
#include "editor/findbar.h"
#include "editor/sqleditor.h"
#include "editor/syntaxrepository.h"
#include "editor/variablesdialog.h"
#include "scripts/statementsplitter.h"
#include "scripts/variables.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QChildEvent>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

namespace JobDeck {

namespace {
constexpr auto RecentFilesKey = "editor/recentFiles";
constexpr auto VariablesKey = "editor/variables/";
constexpr auto CurrentTabKey = "editor/currentTab";
constexpr int MaxRecentFiles = 10;
// Every change is on disk this long after the last keystroke (the promise is 2 s).
constexpr int RecoveryDelayMs = 1000;
// Scripts bigger than this are not something to edit; they would also freeze the highlighter.
constexpr qint64 MaxScriptBytes = 32 * 1024 * 1024;
constexpr auto ScriptFileFilter = QT_TRANSLATE_NOOP(
    "JobDeck::ScriptWorkspace",
    "Scripts (*.sql *.hql *.fsql *.flinksql *.py *.scala *.sh);;SQL (*.sql);;HiveQL (*.hql);;"
    "Flink SQL (*.fsql *.flinksql);;Python (*.py);;Scala (*.scala);;Shell (*.sh);;All files (*)");
constexpr int EngineRole = Qt::UserRole + 1;

QString readText(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    if (file.size() > MaxScriptBytes) {
        *error = ScriptWorkspace::tr("it is %1 MB; scripts larger than %2 MB cannot be edited here")
                     .arg(file.size() / (1024 * 1024))
                     .arg(MaxScriptBytes / (1024 * 1024));
        return {};
    }
    error->clear();
    return QString::fromUtf8(file.readAll());
}
} // namespace

// ---------------------------------------------------------------------------------------

ScriptTab::ScriptTab(QWidget *parent)
    : QWidget(parent)
    , m_editor(new SqlEditor(this))
    , m_recoveryTimer(new QTimer(this))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(QStringLiteral("scriptTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
    m_recoveryTimer->setSingleShot(true);
    m_recoveryTimer->setInterval(RecoveryDelayMs);
}

QString ScriptTab::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    // Made when asked, so that the title follows a change of language.
    return ScriptWorkspace::tr("Untitled %1").arg(m_untitledNumber);
}

bool ScriptTab::isModified() const
{
    return m_editor->document()->isModified();
}

RecoveryStore::Tab ScriptTab::state(int order) const
{
    RecoveryStore::Tab tab;
    tab.id = m_id;
    tab.order = order;
    tab.text = m_editor->toPlainText();
    tab.filePath = m_filePath;
    tab.modified = isModified();
    const QTextCursor cursor = m_editor->textCursor();
    tab.cursor = cursor.position();
    tab.anchor = cursor.anchor();
    tab.scroll = m_pendingScroll >= 0 ? m_pendingScroll : m_editor->verticalScrollBar()->value();
    tab.connectionId = m_connectionId;
    tab.engine = m_engine;
    tab.runType = m_runType;
    tab.variables = m_variables;
    return tab;
}

// ---------------------------------------------------------------------------------------

ScriptWorkspace::ScriptWorkspace(QWidget *parent, const QString &recoveryDirectory)
    : QWidget(parent)
    , m_store(recoveryDirectory)
    , m_connectionId(localConnectionId())
    , m_tabs(new QTabWidget(this))
    , m_findBar(new FindBar(this))
    , m_noticeBar(new QWidget(this))
    , m_notice(new QLabel(m_noticeBar))
    , m_noticeClose(new QToolButton(m_noticeBar))
    , m_runTypeLabel(new QLabel(this))
    , m_runType(new QComboBox(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_markerTimer(new QTimer(this))
    , m_recentMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("scriptWorkspace"));
    m_tabs->setObjectName(QStringLiteral("scriptTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_runType->setObjectName(QStringLiteral("runType"));
    m_runType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_notice->setObjectName(QStringLiteral("recoveryNotice"));
    m_notice->setWordWrap(true);
    m_noticeBar->setAutoFillBackground(true);
    m_noticeBar->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_noticeClose->setAutoRaise(true);
    m_noticeClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    auto *noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->setContentsMargins(6, 4, 4, 4);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(m_noticeClose);
    m_noticeBar->hide();
    connect(m_noticeClose, &QToolButton::clicked, m_noticeBar, &QWidget::hide);

    auto *strip = new QHBoxLayout;
    strip->setContentsMargins(4, 2, 4, 2);
    strip->addWidget(m_runTypeLabel);
    strip->addWidget(m_runType);
    strip->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(strip);
    layout->addWidget(m_noticeBar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);
    m_findBar->hide();

    m_markerTimer->setSingleShot(true);
    m_markerTimer->setInterval(60);
    connect(m_markerTimer, &QTimer::timeout, this, &ScriptWorkspace::updateMarker);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ScriptWorkspace::onCurrentChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) { closeTab(tab(index)); });
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, &ScriptWorkspace::saveAllOrders);
    connect(m_runType, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_fillingRunTypes)
            applyRunType(index);
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ScriptWorkspace::onFileChanged);

    const auto action = [this](const char *name, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1StringView(name));
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_newAction = action("newScriptAction", {QKeySequence::New}, [this] { newTab(); });
    m_openAction = action("openScriptAction", {QKeySequence::Open}, &ScriptWorkspace::chooseFileToOpen);
    m_saveAction = action("saveScriptAction", {QKeySequence::Save}, [this] { saveTab(currentTab()); });
    m_saveAsAction
        = action("saveScriptAsAction", {QKeySequence::SaveAs}, [this] { chooseSaveAs(currentTab()); });
    m_closeAction = action("closeScriptAction", {QKeySequence::Close}, [this] { closeTab(currentTab()); });
    m_closeOthersAction = action("closeOtherScriptsAction", {}, [this] {
        ScriptTab *keep = currentTab();
        for (int i = count() - 1; i >= 0; --i)
            if (tab(i) != keep && !closeTab(tab(i)))
                return;
    });
    m_runStatementAction
        = action("runStatementAction",
                 {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                 &ScriptWorkspace::runStatement);
    m_runScriptAction = action("runScriptAction",
                               {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)},
                               &ScriptWorkspace::runScript);
    // Whoever enables Run Statement (the window, from the connection's state) enables both.
    connect(m_runStatementAction, &QAction::enabledChanged, this, [this](bool enabled) {
        m_runEnabled = enabled;
        m_runScriptAction->setEnabled(enabled);
    });
    m_findAction = action("findAction", {QKeySequence::Find}, [this] { m_findBar->openFind(); });
    m_replaceAction = action("replaceAction", {QKeySequence::Replace}, [this] { m_findBar->openReplace(); });
    m_findNextAction = action("findNextAction", {QKeySequence::FindNext}, [this] {
        if (m_findBar->findEdit()->text().isEmpty())
            m_findBar->openFind();
        else
            m_findBar->findNext();
    });
    m_goToLineAction
        = action("goToLineAction", {QKeySequence(Qt::CTRL | Qt::Key_G)}, &ScriptWorkspace::chooseLine);
    m_commentAction = action("commentAction", {QKeySequence(Qt::CTRL | Qt::Key_Slash)}, [this] {
        if (ScriptTab *t = currentTab())
            t->editor()->toggleLineComment(dialectFor(t->filePath(), t->runType(), t->engine()).lineComment);
    });
    m_indentAction = action("indentAction", {QKeySequence(Qt::CTRL | Qt::Key_BracketRight)}, [this] {
        if (SqlEditor *e = currentEditor())
            e->indentLines();
    });
    m_unindentAction = action("unindentAction", {QKeySequence(Qt::CTRL | Qt::Key_BracketLeft)}, [this] {
        if (SqlEditor *e = currentEditor())
            e->unindentLines();
    });
    const auto zoomAll = [this](int steps, bool reset) {
        for (int i = 0; i < count(); ++i)
            reset ? tab(i)->editor()->resetZoom() : tab(i)->editor()->zoomBy(steps);
    };
    m_zoomInAction = action("zoomInAction",
                            {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)},
                            [zoomAll] { zoomAll(1, false); });
    m_zoomOutAction = action("zoomOutAction", {QKeySequence::ZoomOut}, [zoomAll] { zoomAll(-1, false); });
    m_zoomResetAction
        = action("zoomResetAction", {QKeySequence(Qt::CTRL | Qt::Key_0)}, [zoomAll] { zoomAll(0, true); });

    // The editor handles these keys itself while it has focus; the menu entries only show them.
    const auto editAction
        = [this](const char *name, QKeySequence::StandardKey key, void (QPlainTextEdit::*slot)()) {
              auto *a = new QAction(this);
              a->setObjectName(QLatin1StringView(name));
              a->setShortcut(key);
              a->setShortcutContext(Qt::WidgetShortcut);
              connect(a, &QAction::triggered, this, [this, slot] {
                  if (SqlEditor *e = currentEditor())
                      (e->*slot)();
              });
              m_editActions.append(a);
          };
    editAction("undoAction", QKeySequence::Undo, &QPlainTextEdit::undo);
    editAction("redoAction", QKeySequence::Redo, &QPlainTextEdit::redo);
    editAction("cutAction", QKeySequence::Cut, &QPlainTextEdit::cut);
    editAction("copyAction", QKeySequence::Copy, &QPlainTextEdit::copy);
    editAction("pasteAction", QKeySequence::Paste, &QPlainTextEdit::paste);
    editAction("selectAllAction", QKeySequence::SelectAll, &QPlainTextEdit::selectAll);

    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ScriptWorkspace::fillRecentMenu);
    fillRecentMenu();
    retranslateUi();
}

ScriptWorkspace::~ScriptWorkspace()
{
    flushRecovery(); // whatever was typed in the last second
}

int ScriptWorkspace::count() const
{
    return m_tabs->count();
}

ScriptTab *ScriptWorkspace::tab(int index) const
{
    return qobject_cast<ScriptTab *>(m_tabs->widget(index));
}

ScriptTab *ScriptWorkspace::currentTab() const
{
    return qobject_cast<ScriptTab *>(m_tabs->currentWidget());
}

SqlEditor *ScriptWorkspace::currentEditor() const
{
    ScriptTab *t = currentTab();
    return t ? t->editor() : nullptr;
}

void ScriptWorkspace::restoreTabs()
{
    const bool crashed = !m_store.lastRunEndedCleanly();
    QStringList problems;
    const QList<RecoveryStore::Tab> kept = m_store.load(&problems);
    m_recovered.clear();
    QStringList gone;
    for (RecoveryStore::Tab state : kept) {
        QString disk;
        bool hasDisk = false;
        if (!state.filePath.isEmpty()) {
            QString error;
            disk = readText(state.filePath, &error);
            hasDisk = error.isEmpty();
            if (!hasDisk && !state.modified) {
                // The file went away (or cannot be read) while the console was closed: the
                // text kept here is all there is now.
                state.modified = true;
                gone.append(QDir::toNativeSeparators(state.filePath));
            }
            if (hasDisk && !state.modified)
                state.text = disk; // a clean tab shows the file as it is now
        }
        ScriptTab *t = addTab(state);
        t->m_diskText = disk;
        if (crashed && state.modified)
            m_recovered.append(t->displayName());
    }
    if (count() == 0) {
        ScriptTab *t = newTab();
        // Runs as it is on the local job server (SQLite), so a new user sees a job at once.
        t->editor()->setPlainText(
            tr("-- Welcome to JobDeck. Press Ctrl+Return to run the statement under the cursor on the\n"
               "-- local job server (SQLite), Ctrl+Shift+Return to run the whole script.\n"
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
        t->editor()->document()->setModified(false);
        saveRecovery(t);
    }
    const QString current = QSettings().value(QLatin1StringView(CurrentTabKey)).toString();
    for (int i = 0; i < count(); ++i)
        if (tab(i)->id() == current)
            m_tabs->setCurrentIndex(i);
    m_store.markRunning();

    QStringList notes;
    if (!m_recovered.isEmpty())
        notes << tr("JobDeck did not end normally last time. Recovered with their unsaved changes: %1. "
                    "Nothing was written to your files; save to keep the changes.")
                     .arg(m_recovered.join(QStringLiteral(", ")));
    if (!gone.isEmpty())
        notes << tr("These files cannot be read any more; their last text is in their tabs: %1")
                     .arg(gone.join(QStringLiteral(", ")));
    notes << problems;
    if (!notes.isEmpty()) {
        m_notice->setText(notes.join(u'\n'));
        m_noticeBar->show();
    }
    onCurrentChanged();
}

ScriptTab *ScriptWorkspace::newTab()
{
    RecoveryStore::Tab state;
    state.connectionId = m_connectionId;
    if (ScriptTab *current = currentTab()) {
        state.engine = current->engine();
        state.runType = current->runType();
    }
    ScriptTab *t = addTab(state);
    m_tabs->setCurrentWidget(t);
    t->editor()->setFocus();
    return t;
}

ScriptTab *ScriptWorkspace::addTab(const RecoveryStore::Tab &state)
{
    auto *t = new ScriptTab(m_tabs);
    if (!state.id.isEmpty())
        t->m_id = state.id;
    t->m_filePath = state.filePath;
    if (state.filePath.isEmpty())
        t->m_untitledNumber = ++m_untitledCounter;
    t->m_connectionId = state.connectionId.isEmpty() ? m_connectionId : state.connectionId;
    t->m_engine = state.engine;
    t->m_runType = state.runType;
    t->m_variables = state.variables;
    t->editor()->setThemePreference(m_themePreference);
    if (!state.text.isEmpty()) {
        t->editor()->setPlainText(state.text);
        QTextCursor cursor(t->editor()->document());
        cursor.setPosition(state.anchor);
        cursor.setPosition(state.cursor, QTextCursor::KeepAnchor);
        t->editor()->setTextCursor(cursor);
    }
    t->editor()->document()->setModified(state.modified);
    if (state.scroll > 0) {
        // The scroll bar has its range once the editor is laid out.
        t->m_pendingScroll = state.scroll;
        QScrollBar *bar = t->editor()->verticalScrollBar();
        connect(bar, &QScrollBar::rangeChanged, t, [t, bar](int, int maximum) {
            if (t->m_pendingScroll >= 0 && maximum >= t->m_pendingScroll) {
                bar->setValue(t->m_pendingScroll);
                t->m_pendingScroll = -1;
            }
        });
    }
    if (ScriptTab *current = currentTab())
        t->editor()->zoomBy(current->editor()->zoom());
    m_tabs->addTab(t, QString());
    wireTab(t);
    applyDialect(t);
    updateTabTitle(t);
    watch(t);
    return t;
}

void ScriptWorkspace::wireTab(ScriptTab *t)
{
    SqlEditor *editor = t->editor();
    connect(t->m_recoveryTimer, &QTimer::timeout, this, [this, t] { saveRecovery(t); });
    connect(editor->document(), &QTextDocument::contentsChange, t, [t] { ++t->m_edits; });
    connect(editor->document(), &QTextDocument::contentsChanged, this, [this, t] {
        scheduleRecovery(t);
        if (t == currentTab())
            m_markerTimer->start();
    });
    connect(editor->document(), &QTextDocument::modificationChanged, this, [this, t] {
        updateTabTitle(t);
        scheduleRecovery(t);
    });
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this, t] {
        scheduleRecovery(t);
        if (t != currentTab())
            return;
        m_markerTimer->start();
        const QTextCursor cursor = t->editor()->textCursor();
        Q_EMIT cursorPositionChanged(cursor.blockNumber() + 1, cursor.positionInBlock() + 1);
    });
    connect(editor, &QPlainTextEdit::selectionChanged, m_markerTimer, qOverload<>(&QTimer::start));
    connect(editor->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, t] {
        if (t->m_pendingScroll < 0)
            scheduleRecovery(t);
    });
}

void ScriptWorkspace::updateTabTitle(ScriptTab *t)
{
    const int index = m_tabs->indexOf(t);
    if (index < 0)
        return;
    // Modified is said in text, not only by a colour or an icon.
    m_tabs->setTabText(index, t->isModified() ? tr("%1 *").arg(t->displayName()) : t->displayName());
    m_tabs->setTabToolTip(index,
                          t->filePath().isEmpty() ? tr("%1 (not saved to a file yet)").arg(t->displayName())
                                                  : QDir::toNativeSeparators(t->filePath()));
    if (t == currentTab())
        Q_EMIT currentScriptChanged(t->displayName(), t->isModified());
}

void ScriptWorkspace::scheduleRecovery(ScriptTab *t)
{
    // Restarted by every change: written once the user pauses, at most RecoveryDelayMs later.
    t->m_recoveryTimer->start();
}

void ScriptWorkspace::saveRecovery(ScriptTab *t)
{
    t->m_recoveryTimer->stop();
    const QString error = m_store.save(t->state(m_tabs->indexOf(t)));
    if (!error.isEmpty())
        Q_EMIT message(error);
}

void ScriptWorkspace::saveAllOrders()
{
    for (int i = 0; i < count(); ++i)
        saveRecovery(tab(i));
}

void ScriptWorkspace::flushRecovery()
{
    for (int i = 0; i < count(); ++i)
        saveRecovery(tab(i));
}

void ScriptWorkspace::markEndedCleanly()
{
    m_store.markEndedCleanly();
}

void ScriptWorkspace::onCurrentChanged()
{
    ScriptTab *t = currentTab();
    m_findBar->setEditor(t ? t->editor() : nullptr);
    fillRunTypes();
    updateMarker();
    if (t) {
        QSettings().setValue(QLatin1StringView(CurrentTabKey), t->id());
        Q_EMIT currentScriptChanged(t->displayName(), t->isModified());
        const QTextCursor cursor = t->editor()->textCursor();
        Q_EMIT cursorPositionChanged(cursor.blockNumber() + 1, cursor.positionInBlock() + 1);
    }
}

void ScriptWorkspace::setConnection(const QString &connectionId,
                                    const QString &displayName,
                                    const QList<RunOffer> &offers)
{
    m_connectionId = connectionId;
    m_connectionName = displayName;
    m_offers = offers;
    if (ScriptTab *t = currentTab())
        t->m_connectionId = connectionId;
    fillRunTypes();
    retranslateUi();
}

void ScriptWorkspace::fillRunTypes()
{
    ScriptTab *t = currentTab();
    m_fillingRunTypes = true;
    m_runType->clear();
    int chosen = -1;
    int sameRunType = -1;
    int forFile = -1;
    const QString fileRunType = t ? runTypeForFile(t->filePath()) : QString();
    for (const RunOffer &offer : std::as_const(m_offers)) {
        m_runType->addItem(runOfferLabel(offer.runType, offer.engine), offer.runType);
        const int index = m_runType->count() - 1;
        m_runType->setItemData(index, offer.engine, EngineRole);
        if (!t)
            continue;
        if (offer.runType == t->runType() && offer.engine == t->engine())
            chosen = index;
        if (offer.runType == t->runType() && sameRunType < 0)
            sameRunType = index;
        if (!fileRunType.isEmpty() && offer.runType == fileRunType && forFile < 0)
            forFile = index;
    }
    if (chosen < 0)
        chosen = sameRunType >= 0 ? sameRunType : forFile >= 0 ? forFile : (m_offers.isEmpty() ? -1 : 0);
    m_runType->setCurrentIndex(chosen);
    m_runType->setEnabled(!m_offers.isEmpty());
    m_fillingRunTypes = false;
    applyRunType(chosen);
}

void ScriptWorkspace::applyRunType(int index)
{
    ScriptTab *t = currentTab();
    if (!t)
        return;
    if (index >= 0) {
        const QString runType = m_runType->itemData(index).toString();
        const QString engine = m_runType->itemData(index, EngineRole).toString();
        if (runType != t->m_runType || engine != t->m_engine || t->m_connectionId != m_connectionId) {
            t->m_runType = runType;
            t->m_engine = engine;
            t->m_connectionId = m_connectionId;
            scheduleRecovery(t);
        }
    }
    applyDialect(t);
    updateMarker();
}

void ScriptWorkspace::applyDialect(ScriptTab *t)
{
    const Dialect dialect = dialectFor(t->filePath(), t->runType(), t->engine());
    if (t->editor()->syntaxName() != dialect.definitionName || !t->m_dialectCompletion) {
        t->editor()->setSyntaxName(dialect.definitionName);
        delete t->m_dialectCompletion;
        t->m_dialectCompletion = new DialectCompletionProvider(
            syntaxRepository().definitionForName(t->editor()->syntaxName()), t);
    }
    // The names of the user's own tables and columns first, the dialect's words after them.
    QList<CompletionProvider *> providers;
    for (const auto &provider : std::as_const(m_providers))
        if (provider)
            providers.append(provider);
    providers.append(t->m_dialectCompletion);
    t->editor()->setCompletionProviders(providers);
}

void ScriptWorkspace::addCompletionProvider(CompletionProvider *provider)
{
    m_providers.append(provider);
    for (int i = 0; i < count(); ++i)
        applyDialect(tab(i));
}

std::pair<int, int> ScriptWorkspace::statementToRun(ScriptTab *t) const
{
    if (!t)
        return {0, 0};
    const QTextCursor cursor = t->editor()->textCursor();
    if (cursor.hasSelection())
        return {cursor.selectionStart(), cursor.selectionEnd()};
    const QString text = t->editor()->toPlainText();
    const Dialect dialect = dialectFor(t->filePath(), t->runType(), t->engine());
    if (!dialect.splitsStatements)
        return {0, int(text.size())};
    const QString key = dialect.definitionName + u'|' + t->runType() + u'|' + t->engine();
    if (t->m_edits != t->m_statementsAt || key != t->m_statementsDialect) {
        t->m_statements = Scripts::splitStatements(text, dialect.split);
        t->m_statementsAt = t->m_edits;
        t->m_statementsDialect = key;
    }
    const QList<Scripts::StatementRange> &ranges = t->m_statements;
    const qsizetype index = Scripts::statementAt(text, ranges, cursor.position());
    if (index < 0)
        return {0, 0};
    return {int(ranges[index].start), int(ranges[index].end)};
}

void ScriptWorkspace::updateMarker()
{
    ScriptTab *t = currentTab();
    if (!t)
        return;
    const auto [start, end] = statementToRun(t);
    t->editor()->setStatementMarker(start, end);
}

void ScriptWorkspace::setRunEnabled(bool enabled)
{
    m_runStatementAction->setEnabled(enabled); // Run Script follows it
}

void ScriptWorkspace::setThemePreference(const QString &name)
{
    m_themePreference = name;
    for (int i = 0; i < count(); ++i)
        tab(i)->editor()->setThemePreference(name);
}

void ScriptWorkspace::runStatement()
{
    ScriptTab *t = currentTab();
    if (!t || !m_runEnabled)
        return;
    const auto [start, end] = statementToRun(t);
    submit(t, t->editor()->toPlainText().mid(start, end - start));
}

void ScriptWorkspace::runScript()
{
    ScriptTab *t = currentTab();
    if (!t || !m_runEnabled)
        return;
    submit(t, t->editor()->toPlainText());
}

void ScriptWorkspace::submit(ScriptTab *t, const QString &script)
{
    if (script.trimmed().isEmpty()) {
        Q_EMIT message(tr("There is nothing to run here: the script is empty"));
        return;
    }
    SubmitRequest request;
    request.script = script;
    request.engine = t->engine();
    request.runType = t->runType();
    request.scriptPath = t->filePath();
    const QString connection = t->connectionId();
    const QStringList names = Scripts::variableNames(script);
    if (names.isEmpty()) {
        Q_EMIT submitRequested(request, connection);
        return;
    }
    // The values given last time for this file (or this tab), to check or change.
    QMap<QString, QString> remembered = t->variables();
    const QString settingsKey
        = QLatin1StringView(VariablesKey)
          + QString::fromLatin1(t->filePath().toUtf8().toBase64(QByteArray::Base64UrlEncoding));
    if (!t->filePath().isEmpty()) {
        const QVariantMap saved = QSettings().value(settingsKey).toMap();
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            if (!remembered.contains(it.key()))
                remembered.insert(it.key(), it.value().toString());
    }
    auto *form = new VariablesDialog(names, remembered, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ScriptTab> guard(t);
    connect(form, &QDialog::accepted, this, [this, form, request, connection, guard, settingsKey]() mutable {
        request.variables = form->values();
        if (ScriptTab *target = guard.data()) {
            for (auto it = request.variables.cbegin(); it != request.variables.cend(); ++it)
                target->m_variables.insert(it.key(), it.value());
            if (!target->filePath().isEmpty()) {
                QVariantMap saved;
                for (auto it = target->m_variables.cbegin(); it != target->m_variables.cend(); ++it)
                    saved.insert(it.key(), it.value());
                QSettings().setValue(settingsKey, saved);
            }
            scheduleRecovery(target);
        }
        Q_EMIT submitRequested(request, connection);
    });
    form->open();
}

// Files ----------------------------------------------------------------------------------

ScriptTab *ScriptWorkspace::tabForFile(const QString &path) const
{
    for (int i = 0; i < count(); ++i)
        if (tab(i)->filePath() == path)
            return tab(i);
    return nullptr;
}

bool ScriptWorkspace::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (ScriptTab *open = tabForFile(absolute)) {
        m_tabs->setCurrentWidget(open);
        return true;
    }
    QString error;
    const QString text = readText(absolute, &error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this,
                             tr("Cannot open script"),
                             tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(absolute), error));
        return false;
    }
    RecoveryStore::Tab state;
    state.filePath = absolute;
    state.text = text;
    state.connectionId = m_connectionId;
    state.runType = runTypeForFile(absolute);
    ScriptTab *t = addTab(state);
    t->m_diskText = text;
    m_tabs->setCurrentWidget(t);
    t->editor()->setFocus();
    addRecentFile(absolute);
    saveRecovery(t);
    return true;
}

bool ScriptWorkspace::saveTab(ScriptTab *t)
{
    if (!t)
        return false;
    return t->filePath().isEmpty() ? chooseSaveAs(t) : saveTabAs(t, t->filePath());
}

bool ScriptWorkspace::chooseSaveAs(ScriptTab *t)
{
    if (!t)
        return false;
    const QString start = t->filePath().isEmpty() ? QString() : t->filePath();
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save Script As"), start, tr(ScriptFileFilter));
    return !path.isEmpty() && saveTabAs(t, path);
}

bool ScriptWorkspace::saveTabAs(ScriptTab *t, const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString text = t->editor()->toPlainText();
    QSaveFile file(absolute);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        QMessageBox::warning(
            this,
            tr("Cannot save script"),
            tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(absolute), file.errorString()));
        return false;
    }
    if (!t->m_filePath.isEmpty() && t->m_filePath != absolute)
        m_watcher->removePath(t->m_filePath);
    t->m_filePath = absolute;
    t->m_untitledNumber = 0;
    t->m_diskText = text;
    t->editor()->document()->setModified(false);
    watch(t);
    addRecentFile(absolute);
    applyDialect(t);
    updateTabTitle(t);
    saveRecovery(t);
    if (t == currentTab())
        fillRunTypes();
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(absolute)));
    return true;
}

bool ScriptWorkspace::closeTab(ScriptTab *t)
{
    if (!t)
        return false;
    const bool untitledEmpty = t->filePath().isEmpty() && t->editor()->toPlainText().trimmed().isEmpty();
    if (t->isModified() && !untitledEmpty) {
        m_tabs->setCurrentWidget(t);
        QMessageBox question(QMessageBox::Question,
                             tr("Close Script"),
                             tr("%1 has changes that are not saved.").arg(t->displayName()),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                             this);
        question.setObjectName(QStringLiteral("closeTabQuestion"));
        question.setInformativeText(tr("Save them before closing the tab?"));
        question.setDefaultButton(QMessageBox::Save);
        const int answer = question.exec();
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveTab(t)))
            return false;
    }
    if (!t->filePath().isEmpty())
        m_watcher->removePath(t->filePath());
    t->m_recoveryTimer->stop();
    const QString error = m_store.remove(t->id());
    if (!error.isEmpty())
        Q_EMIT message(error);
    m_tabs->removeTab(m_tabs->indexOf(t));
    t->deleteLater();
    if (count() == 0)
        newTab();
    saveAllOrders();
    return true;
}

bool ScriptWorkspace::confirmClose()
{
    QList<ScriptTab *> unsaved;
    QStringList names;
    for (int i = 0; i < count(); ++i) {
        if (!tab(i)->filePath().isEmpty() && tab(i)->isModified()) {
            unsaved.append(tab(i));
            names.append(tab(i)->displayName());
        }
    }
    if (unsaved.isEmpty())
        return true;
    QMessageBox question(
        QMessageBox::Question,
        tr("Unsaved Changes"),
        tr("These scripts have changes that are not saved: %1.").arg(names.join(QStringLiteral(", "))),
        QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel,
        this);
    question.setObjectName(QStringLiteral("closeWindowQuestion"));
    question.setInformativeText(tr("Save them before closing? Untitled scripts are kept and come back "
                                   "on the next start."));
    question.setDefaultButton(QMessageBox::SaveAll);
    const int answer = question.exec();
    if (answer == QMessageBox::Cancel)
        return false;
    for (ScriptTab *t : std::as_const(unsaved)) {
        if (answer == QMessageBox::SaveAll) {
            if (!saveTab(t))
                return false;
        } else {
            // Discarded: the next start shows the file as it is on disk.
            RecoveryStore::Tab state = t->state(m_tabs->indexOf(t));
            state.text = t->diskText();
            state.modified = false;
            state.cursor = std::min(state.cursor, int(state.text.size()));
            state.anchor = std::min(state.anchor, int(state.text.size()));
            t->m_recoveryTimer->stop();
            m_store.save(state);
            t->editor()->document()->setModified(false);
            t->m_recoveryTimer->stop();
        }
    }
    return true;
}

void ScriptWorkspace::watch(ScriptTab *t)
{
    if (!t->filePath().isEmpty() && QFile::exists(t->filePath())
        && !m_watcher->files().contains(t->filePath()))
        m_watcher->addPath(t->filePath());
}

void ScriptWorkspace::onFileChanged(const QString &path)
{
    ScriptTab *t = tabForFile(path);
    if (!t)
        return;
    // A replaced file (an atomic save, ours or another program's) has to be watched anew.
    if (QFile::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    if (t->m_askingAboutDisk)
        return;
    QString error;
    const QString disk = readText(path, &error);
    if (!error.isEmpty()) {
        if (!QFile::exists(path)) {
            Q_EMIT message(
                tr("%1 was removed from the disk; its text stays in the tab, save to write it again")
                    .arg(QDir::toNativeSeparators(path)));
            t->editor()->document()->setModified(true);
        }
        return;
    }
    if (disk == t->m_diskText)
        return; // what we wrote ourselves, or a touch
    t->m_askingAboutDisk = true;
    auto *question
        = new QMessageBox(QMessageBox::Question,
                          tr("File Changed on Disk"),
                          tr("%1 was changed by another program.").arg(QDir::toNativeSeparators(path)),
                          QMessageBox::NoButton,
                          this);
    question->setObjectName(QStringLiteral("fileChangedQuestion"));
    question->setInformativeText(t->isModified()
                                     ? tr("Reload it and lose your unsaved changes, or keep your version?")
                                     : tr("Reload it, or keep the text you have here?"));
    QPushButton *reload = question->addButton(tr("&Reload"), QMessageBox::AcceptRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    QPushButton *keep = question->addButton(tr("&Keep Mine"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepMineButton"));
    question->setDefaultButton(t->isModified() ? keep : reload);
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ScriptTab> guard(t);
    connect(question, &QMessageBox::finished, this, [this, guard, question, reload, path] {
        if (!guard)
            return;
        guard->m_askingAboutDisk = false;
        QString readError;
        const QString now = readText(path, &readError);
        if (!readError.isEmpty())
            return;
        if (question->clickedButton() == reload) {
            const int position = guard->editor()->textCursor().position();
            guard->editor()->setPlainText(now);
            QTextCursor cursor(guard->editor()->document());
            cursor.setPosition(std::min(position, int(now.size())));
            guard->editor()->setTextCursor(cursor);
            guard->m_diskText = now;
            guard->editor()->document()->setModified(false);
        } else {
            // Kept: the tab's text now differs from the file, and the same change is not asked again.
            guard->m_diskText = now;
            guard->editor()->document()->setModified(true);
        }
        saveRecovery(guard);
    });
    question->open();
}

void ScriptWorkspace::chooseFileToOpen()
{
    ScriptTab *t = currentTab();
    const QString start = t && !t->filePath().isEmpty() ? QFileInfo(t->filePath()).path() : QString();
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Open Scripts"), start, tr(ScriptFileFilter));
    for (const QString &path : paths)
        openFile(path);
}

void ScriptWorkspace::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1StringView(RecentFilesKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(QLatin1StringView(RecentFilesKey), recent);
    fillRecentMenu();
}

void ScriptWorkspace::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1StringView(RecentFilesKey)).toStringList();
    for (const QString &path : recent) {
        QAction *entry = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(entry, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent scripts"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear the List")), &QAction::triggered, this, [this] {
        QSettings().remove(QLatin1StringView(RecentFilesKey));
        fillRecentMenu();
    });
}

void ScriptWorkspace::chooseLine()
{
    SqlEditor *editor = currentEditor();
    if (!editor)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this,
                                          tr("Go to Line"),
                                          tr("Line (1 to %1):").arg(editor->blockCount()),
                                          editor->textCursor().blockNumber() + 1,
                                          1,
                                          editor->blockCount(),
                                          1,
                                          &ok);
    if (ok)
        goToLine(line);
}

void ScriptWorkspace::goToLine(int line)
{
    SqlEditor *editor = currentEditor();
    if (!editor)
        return;
    const QTextBlock block = editor->document()->findBlockByNumber(qBound(1, line, editor->blockCount()) - 1);
    QTextCursor cursor(block);
    editor->setTextCursor(cursor);
    editor->centerCursor();
    editor->setFocus();
}

void ScriptWorkspace::childEvent(QChildEvent *event)
{
    // The window put the run type selector in its tool bar: its label here has nothing to name.
    if (event->removed() && event->child() == m_runType)
        m_runTypeLabel->hide();
    QWidget::childEvent(event);
}

void ScriptWorkspace::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ScriptWorkspace::retranslateUi()
{
    m_newAction->setText(tr("&New Script"));
    m_openAction->setText(tr("&Open Script…"));
    m_saveAction->setText(tr("&Save"));
    m_saveAsAction->setText(tr("Save &As…"));
    m_closeAction->setText(tr("&Close Script"));
    m_closeOthersAction->setText(tr("Close &Other Scripts"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_runStatementAction->setText(tr("&Run Statement"));
    const QString where = m_connectionName.isEmpty() ? tr("the job server") : m_connectionName;
    m_runStatementAction->setToolTip(
        tr("Run the statement under the cursor, or the selection, on %1 (Ctrl+Return)").arg(where));
    m_runScriptAction->setText(tr("Run &Whole Script"));
    m_runScriptAction->setToolTip(tr("Run the whole script on %1 (Ctrl+Shift+Return)").arg(where));
    m_findAction->setText(tr("&Find…"));
    m_replaceAction->setText(tr("&Replace…"));
    m_findNextAction->setText(tr("Find &Next"));
    m_goToLineAction->setText(tr("&Go to Line…"));
    m_commentAction->setText(tr("Co&mment or Uncomment Lines"));
    m_indentAction->setText(tr("&Indent Lines"));
    m_unindentAction->setText(tr("U&nindent Lines"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_zoomResetAction->setText(tr("&Reset Zoom"));
    const QStringList editTexts{
        tr("&Undo"), tr("&Redo"), tr("Cu&t"), tr("&Copy"), tr("&Paste"), tr("Select &All")};
    for (qsizetype i = 0; i < m_editActions.size(); ++i)
        m_editActions[i]->setText(editTexts[i]);
    m_runTypeLabel->setText(tr("Runs as:"));
    m_runType->setToolTip(tr("The engine and language this script runs with on %1").arg(where));
    m_noticeClose->setToolTip(tr("Close this message"));
    fillRecentMenu();
    for (int i = 0; i < count(); ++i)
        updateTabTitle(tab(i));
    if (!m_fillingRunTypes && m_runType->count() > 0) {
        for (int i = 0; i < m_runType->count(); ++i)
            m_runType->setItemText(i,
                                   runOfferLabel(m_runType->itemData(i).toString(),
                                                 m_runType->itemData(i, EngineRole).toString()));
    }
}

} // namespace JobDeck
