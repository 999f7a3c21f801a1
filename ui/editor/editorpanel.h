#pragma once

#include "workspace/draftstore.h"

#include <QWidget>

class QAction;
class QActionGroup;
class QMenu;
class QComboBox;
class QLabel;
class QTimer;

namespace JobDeck {

class Console;
class SqlEditor;

// The script editor with its file, its draft (kept on disk while the user types) and the
// run type; Run sends the script, or its selected part, to the console's target connection.
class EditorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorPanel)

public:
    explicit EditorPanel(Console *console, QWidget *parent = nullptr);

    SqlEditor *editor() const { return m_editor; }
    QComboBox *runTypeSelector() const { return m_runType; }
    QLabel *cursorLabel() const { return m_cursorLabel; }
    QAction *runAction() const { return m_runAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    // The editing actions, in menu order (null = separator).
    QList<QAction *> editActions() const;

    QString filePath() const { return m_filePath; }
    bool isModified() const;
    // The editor themes, for the View menu: following the desktop, or one chosen.
    void fillThemeMenu(QMenu *menu);
    // The window's title: the file's name with the modified marker.
    QString title() const;

    // Opens a script file; returns false (after telling the user why) when it cannot.
    bool openFile(const QString &path);
    bool saveToFile(const QString &path);
    // Opens `script` in the editor for `connection` (a job's script), keeping the draft.
    void showScript(const QString &script);
    void saveDraft();

Q_SIGNALS:
    void titleChanged();
    void message(const QString &text, int timeoutMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void run();
    void loadDraft();
    void updateCursorPosition();
    void updateRunAction();
    void chooseFileToOpen();
    bool save();
    bool chooseFileToSaveAs();
    void retranslateUi();

    Console *m_console;
    SqlEditor *m_editor;
    QComboBox *m_runType;
    QLabel *m_cursorLabel;
    QTimer *m_draftTimer;
    DraftStore m_drafts;
    QString m_filePath;
    QAction *m_runAction;
    QAction *m_openAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QAction *m_cutAction;
    QAction *m_copyAction;
    QAction *m_pasteAction;
    QAction *m_selectAllAction;
    QAction *m_followDesktopThemeAction = nullptr;
};

} // namespace JobDeck
