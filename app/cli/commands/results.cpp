#include "cli/commands/results.h"

#include <QFileInfo>
#include <QSaveFile>

namespace JobDeck {

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

void ResultsCommand::run()
{
    withJob([this](const Job &job) {
        auto *listing = m_backend->resultSets(job);
        onFinished(listing, this, [this, job](const Result<QList<ResultSetRef>> &sets) {
            if (!sets) {
                fail(sets.error());
                return;
            }
            if (sets->isEmpty()) {
                diagnose(tr("%1 produced no result sets").arg(job.id));
                exitWith(Done);
                return;
            }
            writeResultSets(*sets, 0, m_parser.value(QStringLiteral("output")));
        });
    });
}

void ResultsCommand::writeResultSets(QList<ResultSetRef> sets, int index, QString output)
{
    if (index >= sets.size()) {
        exitWith(Done);
        return;
    }
    // Each result set is one CSV: FILE, then FILE_2.csv, FILE_3.csv ... for the next ones.
    QString path = output;
    if (!path.isEmpty() && index > 0) {
        const QFileInfo info(output);
        path = info.path() + u'/' + info.completeBaseName() + u'_' + QString::number(index + 1)
               + (info.suffix().isEmpty() ? QString() : u'.' + info.suffix());
    }
    auto file = std::make_shared<QSaveFile>(path);
    if (!path.isEmpty() && !file->open(QIODevice::WriteOnly)) {
        fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
        return;
    }
    if (path.isEmpty() && index > 0)
        out() << u'\n'; // sets on stdout are separated by an empty line
    writeResultPage({sets, index, output, path, file}, 1);
}

void ResultsCommand::writeResultPage(ResultWriting writing, int page)
{
    auto *reading = m_backend->resultPage(writing.sets.at(writing.index), page, 5000);
    onFinished(reading, this, [this, writing, page](const Result<ResultPage> &rows) {
        if (!rows) {
            fail(rows.error());
            return;
        }
        QString text;
        if (page == 1) {
            QStringList header;
            for (const QString &column : rows->columns)
                header.append(csvField(column));
            text += header.join(u',') + u'\n';
        }
        for (const QStringList &row : rows->rows) {
            QStringList cells;
            for (const QString &cell : row)
                cells.append(csvField(cell));
            text += cells.join(u',') + u'\n';
        }
        if (!rows->notice.isEmpty())
            diagnose(rows->notice);
        if (writing.path.isEmpty()) {
            out() << text;
            out().flush();
        } else {
            writing.file->write(text.toUtf8());
        }
        if (rows->hasMore && !rows->rows.isEmpty()) {
            writeResultPage(writing, page + 1);
            return;
        }
        if (!writing.path.isEmpty() && !writing.file->commit()) {
            fail(localError(tr("cannot write %1: %2").arg(writing.path, writing.file->errorString())));
            return;
        }
        if (!writing.path.isEmpty())
            diagnose(tr("wrote %1").arg(writing.path));
        writeResultSets(writing.sets, writing.index + 1, writing.output);
    });
}

} // namespace JobDeck
