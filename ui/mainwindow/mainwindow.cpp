#include "mainwindow/mainwindow.h"

#include "common/emptystate.h"
#include "core/buildinfo.h"
#include "editor/sqleditor.h"
#include "editor/syntaxrepository.h"
#include "i18n/translations.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace JobDeck {

namespace {
// Bump when the docks change so an old saved layout is not applied to a new set of docks.
constexpr int LayoutVersion = 1;
constexpr auto GeometryKey = "mainwindow/geometry";
constexpr auto StateKey = "mainwindow/state";
constexpr auto ThemeKey = "editor/theme";
constexpr auto SqlFileFilter
    = QT_TRANSLATE_NOOP("JobDeck::MainWindow", "SQL scripts (*.sql *.hql);;All files (*)");
// Scripts bigger than this are not something to edit; they would also freeze the highlighter.
constexpr qint64 MaxScriptBytes = 32 * 1024 * 1024;
} // namespace

MainWindow::MainWindow(Translations *translations, QWidget *parent)
    : QMainWindow(parent)
    , m_translations(translations)
    , m_editor(new SqlEditor(this))
    , m_cursorLabel(new QLabel(this))
    , m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_editor);
    setDockNestingEnabled(true);

    m_jobListDock = addPanelDock(QStringLiteral("jobListDock"), Qt::LeftDockWidgetArea, &m_jobListEmpty);
    m_progressDock = addPanelDock(QStringLiteral("progressDock"), Qt::RightDockWidgetArea, &m_progressEmpty);
    m_timelineDock = addPanelDock(QStringLiteral("timelineDock"), Qt::RightDockWidgetArea, &m_timelineEmpty);
    m_logDock = addPanelDock(QStringLiteral("logDock"), Qt::BottomDockWidgetArea, &m_logEmpty);
    splitDockWidget(m_progressDock, m_timelineDock, Qt::Vertical);
    resizeDocks({m_jobListDock, m_progressDock}, {280, 340}, Qt::Horizontal);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);

    statusBar()->addPermanentWidget(m_cursorLabel);
    createMenus();
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

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanelDock(const QString &objectName,
                                      Qt::DockWidgetArea area,
                                      EmptyState **emptyState)
{
    auto *dock = new QDockWidget(this);
    dock->setObjectName(objectName); // saveState() keys the layout by object name
    *emptyState = new EmptyState(dock);
    (*emptyState)->setObjectName(objectName + u"Empty");
    dock->setWidget(*emptyState);
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

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget *dock : {m_jobListDock, m_timelineDock, m_logDock, m_progressDock})
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
    m_jobListEmpty->setTexts(tr("No jobs yet"),
                             tr("Jobs you submit, and the job history of the server you connect to, are "
                                "listed here."));
    m_timelineEmpty->setTexts(tr("No job selected"),
                              tr("Select a job in the job list to see its steps on a timeline."));
    m_logEmpty->setTexts(tr("No log to show"),
                         tr("Select a job in the job list to follow its log; new lines stream in while it "
                            "runs."));
    m_progressEmpty->setTexts(tr("No progress to chart"),
                              tr("Select a running job to chart its progress over time."));
    updateTitle();
    updateCursorPosition();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
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
        m_editor->setPlainText(
            tr("-- Welcome to JobDeck.\n"
               "-- Write SQL here. What you type is kept and comes back on the next start.\n"
               "SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary\n"
               "FROM staff\n"
               "WHERE hired_on >= DATE '2024-01-01'\n"
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
