#include "editor/findbar.h"

#include "editor/sqleditor.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

namespace JobDeck {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_regex(new QCheckBox(this))
    , m_case(new QCheckBox(this))
    , m_word(new QCheckBox(this))
    , m_next(new QToolButton(this))
    , m_previous(new QToolButton(this))
    , m_replaceOne(new QToolButton(this))
    , m_replaceAll(new QToolButton(this))
    , m_close(new QToolButton(this))
    , m_replaceLabel(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setObjectName(QStringLiteral("findText"));
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_regex->setObjectName(QStringLiteral("findRegex"));
    m_case->setObjectName(QStringLiteral("findCase"));
    m_word->setObjectName(QStringLiteral("findWholeWord"));
    m_replaceAll->setObjectName(QStringLiteral("replaceAll"));
    m_find->setClearButtonEnabled(true);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(m_previous, 0, 1);
    grid->addWidget(m_next, 0, 2);
    grid->addWidget(m_regex, 0, 3);
    grid->addWidget(m_case, 0, 4);
    grid->addWidget(m_word, 0, 5);
    grid->addWidget(m_status, 0, 6);
    grid->addWidget(m_close, 0, 7);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceOne, 1, 1);
    grid->addWidget(m_replaceAll, 1, 2);
    grid->addWidget(m_replaceLabel, 1, 3, 1, 3);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(6, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_find, &QLineEdit::textEdited, this, [this] {
        // Find as you type, from where the current match starts.
        if (!m_editor)
            return;
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(qMin(cursor.anchor(), cursor.position()));
        m_editor->setTextCursor(cursor);
        if (!m_find->text().isEmpty())
            findNext();
        else
            setStatus({}, false);
    });
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_replaceOne, &QToolButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replaceAll, &QToolButton::clicked, this, &FindBar::replaceAll);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
    });
    retranslateUi();
}

void FindBar::setEditor(QPlainTextEdit *editor)
{
    if (auto *previous = qobject_cast<SqlEditor *>(m_editor.data()))
        previous->setSearchMatches({});
    m_editor = editor;
    if (isVisible())
        markMatches();
}

void FindBar::openFind()
{
    if (m_editor) {
        QTextCursor cursor = m_editor->textCursor();
        if (!cursor.hasSelection())
            cursor.select(QTextCursor::WordUnderCursor);
        const QString selected = cursor.selectedText();
        if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
            m_find->setText(m_regex->isChecked() ? QRegularExpression::escape(selected) : selected);
    }
    m_replace->setVisible(false);
    m_replaceOne->setVisible(false);
    m_replaceAll->setVisible(false);
    m_replaceLabel->setVisible(false);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::openReplace()
{
    openFind();
    m_replace->setVisible(true);
    m_replaceOne->setVisible(true);
    m_replaceAll->setVisible(true);
    m_replaceLabel->setVisible(true);
}

bool FindBar::findNext()
{
    return find(false);
}

bool FindBar::findPrevious()
{
    return find(true);
}

bool FindBar::find(bool backward)
{
    if (!m_editor || m_find->text().isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_case->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_word->isChecked())
        flags |= QTextDocument::FindWholeWords;
    QTextDocument *document = m_editor->document();
    const QTextCursor from = m_editor->textCursor();
    QRegularExpression pattern;
    if (m_regex->isChecked()) {
        pattern.setPattern(m_find->text());
        if (!m_case->isChecked())
            pattern.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        if (!pattern.isValid()) {
            setStatus(tr("Not a valid regular expression: %1").arg(pattern.errorString()), true);
            return false;
        }
    }
    const auto search = [&](const QTextCursor &at) {
        return m_regex->isChecked() ? document->find(pattern, at, flags)
                                    : document->find(m_find->text(), at, flags);
    };
    QTextCursor found = search(from);
    bool wrapped = false;
    if (found.isNull()) {
        QTextCursor start(document);
        start.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = search(start);
        wrapped = true;
    }
    if (found.isNull() || found.selectionStart() == found.selectionEnd()) {
        setStatus(tr("Not found"), true);
        return false;
    }
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    markMatches();
    setStatus(wrapped ? tr("Continued from the other end") : QString(), false);
    return true;
}

bool FindBar::matchesSelection() const
{
    if (!m_editor)
        return false;
    const QTextCursor cursor = m_editor->textCursor();
    if (!cursor.hasSelection())
        return false;
    const QString selected = cursor.selectedText();
    if (m_regex->isChecked()) {
        QRegularExpression pattern(u"\\A(?:" + m_find->text() + u")\\z",
                                   m_case->isChecked() ? QRegularExpression::NoPatternOption
                                                       : QRegularExpression::CaseInsensitiveOption);
        return pattern.isValid() && pattern.match(selected).hasMatch();
    }
    return selected.compare(m_find->text(), m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive)
           == 0;
}

bool FindBar::replaceCurrent()
{
    if (!m_editor || m_editor->isReadOnly())
        return false;
    if (matchesSelection()) {
        QTextCursor cursor = m_editor->textCursor();
        QString replacement = m_replace->text();
        if (m_regex->isChecked()) {
            // \1 and the like refer to the match's groups.
            QRegularExpression pattern(m_find->text(),
                                       m_case->isChecked() ? QRegularExpression::NoPatternOption
                                                           : QRegularExpression::CaseInsensitiveOption);
            const QString selected = cursor.selectedText();
            replacement = QString(selected).replace(pattern, replacement);
        }
        cursor.insertText(replacement);
        m_editor->setTextCursor(cursor);
    }
    return findNext();
}

int FindBar::replaceAll()
{
    if (!m_editor || m_editor->isReadOnly() || m_find->text().isEmpty())
        return 0;
    QTextDocument *document = m_editor->document();
    QTextDocument::FindFlags flags;
    if (m_case->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_word->isChecked())
        flags |= QTextDocument::FindWholeWords;
    QRegularExpression pattern(m_find->text(),
                               m_case->isChecked() ? QRegularExpression::NoPatternOption
                                                   : QRegularExpression::CaseInsensitiveOption);
    if (m_regex->isChecked() && !pattern.isValid()) {
        setStatus(tr("Not a valid regular expression: %1").arg(pattern.errorString()), true);
        return 0;
    }
    int count = 0;
    QTextCursor edit(document);
    edit.beginEditBlock();
    QTextCursor at(document);
    for (;;) {
        QTextCursor found = m_regex->isChecked() ? document->find(pattern, at, flags)
                                                 : document->find(m_find->text(), at, flags);
        if (found.isNull() || found.selectionStart() == found.selectionEnd())
            break;
        QString replacement = m_replace->text();
        if (m_regex->isChecked())
            replacement = found.selectedText().replace(pattern, replacement);
        found.insertText(replacement);
        at = found;
        ++count;
    }
    edit.endEditBlock();
    setStatus(tr("Matches replaced: %1").arg(count), count == 0);
    return count;
}

void FindBar::markMatches()
{
    auto *editor = qobject_cast<SqlEditor *>(m_editor.data());
    if (!editor)
        return;
    QList<QTextCursor> matches;
    if (isVisible() && !m_find->text().isEmpty()) {
        QTextDocument::FindFlags flags;
        if (m_case->isChecked())
            flags |= QTextDocument::FindCaseSensitively;
        if (m_word->isChecked())
            flags |= QTextDocument::FindWholeWords;
        const QRegularExpression pattern(m_find->text(),
                                         m_case->isChecked() ? QRegularExpression::NoPatternOption
                                                             : QRegularExpression::CaseInsensitiveOption);
        QTextCursor at(editor->document());
        // Enough to see where they are; a script with more has them found one by one.
        while (matches.size() < 1000) {
            const QTextCursor found = m_regex->isChecked()
                                          ? editor->document()->find(pattern, at, flags)
                                          : editor->document()->find(m_find->text(), at, flags);
            if (found.isNull() || found.selectionStart() == found.selectionEnd())
                break;
            matches.append(found);
            at = found;
        }
    }
    editor->setSearchMatches(matches);
}

void FindBar::hideEvent(QHideEvent *event)
{
    if (auto *editor = qobject_cast<SqlEditor *>(m_editor.data()))
        editor->setSearchMatches({});
    QWidget::hideEvent(event);
}

void FindBar::setStatus(const QString &text, bool problem)
{
    // Told in words; a problem is in bold, so it reads in any palette.
    m_status->setText(text);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FindBar::retranslateUi()
{
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_regex->setText(tr("Regular e&xpression"));
    m_case->setText(tr("Match &case"));
    m_word->setText(tr("&Whole words"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Find the next match (Return)"));
    m_previous->setText(tr("Previous"));
    m_replaceOne->setText(tr("Replace"));
    m_replaceAll->setText(tr("Replace All"));
    m_close->setToolTip(tr("Close the find bar (Escape)"));
    m_replaceLabel->setText(tr("Regular expressions may use \\1 for a group"));
}

} // namespace JobDeck
