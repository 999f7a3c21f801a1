#include "benchsupport.h"

#include <QFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <sys/resource.h>

namespace JobDeck::Bench {

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

PlainTextLogPane::PlainTextLogPane(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void PlainTextLogPane::appendLines(const QStringList &lines)
{
    for (qsizetype from = 0; from < lines.size(); from += ChunkLines) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        QString chunk = lines.mid(from, ChunkLines).join(u'\n');
        if (!document()->isEmpty())
            chunk.prepend(u'\n');
        cursor.insertText(chunk);
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
}

bool PlainTextLogPane::isLineShown(qint64 n) const
{
    const QTextBlock block = document()->findBlockByNumber(int(n - 1));
    if (!block.isValid())
        return false;
    const QRectF shown = blockBoundingGeometry(block).translated(contentOffset());
    return shown.bottom() > 0 && shown.top() < viewport()->height();
}

} // namespace JobDeck::Bench
