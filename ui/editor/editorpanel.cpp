#include "editor/editorpanel.h"

#include "console/console.h"
#include "editor/sqleditor.h"
#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace JobDeck {

namespace {
constexpr auto SqlFileFilter
    = QT_TRANSLATE_NOOP("JobDeck::EditorPanel", "SQL scripts (*.sql *.hql);;All files (*)");
constexpr auto ThemeKey = "editor/theme";
// Scripts bigger than this are not something to edit; they would also freeze the highlighter.
constexpr qint64 MaxScriptBytes = 32 * 1024 * 1024;
} // namespace

EditorPanel::EditorPanel(Console *console, QWidget *parent)
    : QWidget(parent)
    , m_console(console)
    , m_editor(new SqlEditor(this))
    , m_runType(new QComboBox(this))
    , m_cursorLabel(new QLabel(this))
    , m_draftTimer(new QTimer(this))
    , m_runAction(new QAction(this))
    , m_openAction(new QAction(this))
    , m_saveAction(new QAction(this))
    , m_saveAsAction(new QAction(this))
    , m_undoAction(new QAction(this))
    , m_redoAction(new QAction(this))
    , m_cutAction(new QAction(this))
    , m_copyAction(new QAction(this))
    , m_pasteAction(new QAction(this))
    , m_selectAllAction(new QAction(this))
{
    setObjectName(QStringLiteral("editorPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);

    m_runType->setObjectName(QStringLiteral("runType"));
    m_runType->addItem(QString(), QStringLiteral("sql"));
    m_runType->addItem(QString(), QStringLiteral("shell"));

    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_runAction, &QAction::triggered, this, &EditorPanel::run);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &EditorPanel::chooseFileToOpen);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &EditorPanel::save);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &EditorPanel::chooseFileToSaveAs);

    const auto editAction
        = [this](QAction *action, QKeySequence::StandardKey key, void (QPlainTextEdit::*slot)()) {
              action->setShortcut(key);
              // The editor's own shortcuts handle these keys while it has focus; the menu must not steal
              // them.
              action->setShortcutContext(Qt::WidgetShortcut);
              connect(action, &QAction::triggered, m_editor, slot);
          };
    editAction(m_undoAction, QKeySequence::Undo, &QPlainTextEdit::undo);
    editAction(m_redoAction, QKeySequence::Redo, &QPlainTextEdit::redo);
    editAction(m_cutAction, QKeySequence::Cut, &QPlainTextEdit::cut);
    editAction(m_copyAction, QKeySequence::Copy, &QPlainTextEdit::copy);
    editAction(m_pasteAction, QKeySequence::Paste, &QPlainTextEdit::paste);
    editAction(m_selectAllAction, QKeySequence::SelectAll, &QPlainTextEdit::selectAll);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_cutAction->setEnabled(false);
    m_copyAction->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::undoAvailable, m_undoAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::redoAvailable, m_redoAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, m_cutAction, &QAction::setEnabled);
    connect(m_editor, &QPlainTextEdit::copyAvailable, m_copyAction, &QAction::setEnabled);

    // Keep what the user types on disk shortly after they stop typing.
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(1500);
    connect(m_draftTimer, &QTimer::timeout, this, &EditorPanel::saveDraft);
    loadDraft();
    connect(m_editor->document(), &QTextDocument::contentsChanged, m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &EditorPanel::titleChanged);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &EditorPanel::updateCursorPosition);

    connect(m_console, &Console::targetConnectionChanged, this, &EditorPanel::updateRunAction);
    connect(m_console, &Console::connectionStateChanged, this, &EditorPanel::updateRunAction);
    retranslateUi();
}

bool EditorPanel::isModified() const
{
    return m_editor->document()->isModified();
}

void EditorPanel::fillThemeMenu(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    m_followDesktopThemeAction = menu->addAction(QString());
    m_followDesktopThemeAction->setData(QString());
    menu->addSeparator();
    const auto themes = syntaxRepository().themes();
    for (const KSyntaxHighlighting::Theme &theme : themes)
        menu->addAction(theme.translatedName())->setData(theme.name());
    const QString savedTheme = QSettings().value(QLatin1StringView(ThemeKey)).toString();
    m_editor->setThemePreference(savedTheme);
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        action->setCheckable(true);
        action->setChecked(action->data().toString() == m_editor->themePreference());
        group->addAction(action);
    }
    if (!group->checkedAction()) // a saved theme that this library no longer has
        m_followDesktopThemeAction->setChecked(true);
    connect(group, &QActionGroup::triggered, this, [this](QAction *action) {
        m_editor->setThemePreference(action->data().toString());
        QSettings().setValue(QLatin1StringView(ThemeKey), action->data().toString());
    });
    retranslateUi();
}

QList<QAction *> EditorPanel::editActions() const
{
    return {m_undoAction,
            m_redoAction,
            nullptr,
            m_cutAction,
            m_copyAction,
            m_pasteAction,
            nullptr,
            m_selectAllAction};
}

void EditorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EditorPanel::retranslateUi()
{
    m_openAction->setText(tr("&Open Script…"));
    m_saveAction->setText(tr("&Save"));
    m_saveAsAction->setText(tr("Save &As…"));
    m_undoAction->setText(tr("&Undo"));
    m_redoAction->setText(tr("&Redo"));
    m_cutAction->setText(tr("Cu&t"));
    m_copyAction->setText(tr("&Copy"));
    m_pasteAction->setText(tr("&Paste"));
    m_selectAllAction->setText(tr("Select &All"));
    m_runAction->setText(tr("&Run Script"));
    m_runType->setToolTip(tr("How the script runs"));
    if (m_followDesktopThemeAction)
        m_followDesktopThemeAction->setText(tr("Follow the Desktop"));
    updateRunAction();
    updateCursorPosition();
    Q_EMIT titleChanged();
}

void EditorPanel::updateRunAction()
{
    Session *target = m_console->targetSession();
    m_runAction->setEnabled(target && target->state() == Session::State::Ready
                            && target->capabilities().submit);
    m_runAction->setToolTip(tr("Run the script, or the selected part of it, on %1 (Ctrl+Return)")
                                .arg(target ? target->displayName() : tr("the job server")));
    m_runType->setItemText(0, target && !target->isLocal() ? tr("SQL") : tr("SQL (SQLite)"));
    m_runType->setItemText(1, tr("Shell"));
}

void EditorPanel::run()
{
    Session *target = m_console->targetSession();
    if (!target)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    // The selection alone when there is one: run a single statement out of a long script.
    const QString script = cursor.hasSelection()
                               ? cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n')
                               : m_editor->toPlainText();
    if (script.trimmed().isEmpty()) {
        Q_EMIT message(tr("There is nothing to run: the editor is empty"), 5000);
        return;
    }
    SubmitRequest request;
    request.script = script;
    request.runType = m_runType->currentData().toString();
    // The local server runs SQL on SQLite; a Linkis cluster's default SQL engine is Spark.
    const QString sqlEngine = target->isLocal() ? QStringLiteral("sqlite") : QStringLiteral("spark");
    request.engine = request.runType == u"shell" ? QStringLiteral("shell") : sqlEngine;
    request.scriptPath = m_filePath;
    m_console->submit(request);
}

QString EditorPanel::title() const
{
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    return tr("%1[*] — JobDeck").arg(name);
}

void EditorPanel::updateCursorPosition()
{
    const QTextCursor cursor = m_editor->textCursor();
    m_cursorLabel->setText(
        tr("Ln %1, Col %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

void EditorPanel::loadDraft()
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
    Q_EMIT titleChanged();
}

void EditorPanel::saveDraft()
{
    m_draftTimer->stop();
    const QString error = m_drafts.save({m_editor->toPlainText(), m_filePath, true});
    if (!error.isEmpty())
        Q_EMIT message(error, 0);
}

void EditorPanel::showScript(const QString &script)
{
    saveDraft();
    m_editor->setPlainText(script);
    m_filePath.clear();
    m_editor->document()->setModified(true);
    Q_EMIT titleChanged();
    saveDraft();
}

bool EditorPanel::openFile(const QString &path)
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
    Q_EMIT titleChanged();
    saveDraft();
    return true;
}

bool EditorPanel::saveToFile(const QString &path)
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
    Q_EMIT titleChanged();
    saveDraft();
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)), 4000);
    return true;
}

void EditorPanel::chooseFileToOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Script"), QFileInfo(m_filePath).path(), tr(SqlFileFilter));
    if (!path.isEmpty())
        openFile(path);
}

bool EditorPanel::save()
{
    return m_filePath.isEmpty() ? chooseFileToSaveAs() : saveToFile(m_filePath);
}

bool EditorPanel::chooseFileToSaveAs()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save Script As"), m_filePath, tr(SqlFileFilter));
    return !path.isEmpty() && saveToFile(path);
}

} // namespace JobDeck
