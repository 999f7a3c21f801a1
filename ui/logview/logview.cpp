#include "logview/logview.h"

#include <QFontDatabase>
#include <QScrollBar>

namespace JobDeck {

LogView::LogView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("logView"));
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void LogView::showLines(const QStringList &lines)
{
    setPlainText(lines.join(u'\n'));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void LogView::appendLines(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    // One insertion for the whole chunk: far cheaper than a block per line.
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText((document()->isEmpty() ? QString() : QStringLiteral("\n")) + lines.join(u'\n'));
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace JobDeck
