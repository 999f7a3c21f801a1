#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace JobDeck {

// Find and replace in the current script: plain text or a regular expression, with case
// and whole-word choices. Below the editor; Escape closes it.
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(QWidget *parent = nullptr);

    void setEditor(QPlainTextEdit *editor);
    // Opens the bar with the selection (or the word at the cursor) as the text to find.
    void openFind();
    void openReplace();

    // Moves to the next (previous) match, wrapping at the end; false when there is none.
    bool findNext();
    bool findPrevious();
    // Replaces the match that is selected, then finds the next one.
    bool replaceCurrent();
    // Replaces every match as one undo step; returns how many.
    int replaceAll();

    QLineEdit *findEdit() const { return m_find; }
    QLineEdit *replaceEdit() const { return m_replace; }
    QCheckBox *regexBox() const { return m_regex; }
    QCheckBox *caseBox() const { return m_case; }
    QCheckBox *wordBox() const { return m_word; }

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool find(bool backward);
    bool matchesSelection() const;
    void markMatches();
    void retranslateUi();
    void setStatus(const QString &text, bool problem);

    QPointer<QPlainTextEdit> m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QCheckBox *m_word;
    QToolButton *m_next;
    QToolButton *m_previous;
    QToolButton *m_replaceOne;
    QToolButton *m_replaceAll;
    QToolButton *m_close;
    QLabel *m_replaceLabel;
    QLabel *m_status;
};

} // namespace JobDeck
