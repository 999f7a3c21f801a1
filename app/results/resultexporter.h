#pragma once

#include "results/resultformat.h"
#include "results/resultsetmodel.h"

#include <QObject>
#include <QPointer>
#include <QStringEncoder>

#include <memory>

class QSaveFile;

namespace JobDeck {

struct ExportOptions
{
    RowFormat format = RowFormat::Csv;         // Csv, Tsv or Json
    QChar separator = u',';                    // Csv
    QByteArray charset = "UTF-8";              // any name QStringEncoder knows: "UTF-8", "GBK", ...
    QString nullText = QStringLiteral("NULL"); // Csv, Tsv: what NULL becomes ("" = empty)
    bool header = true;
    int pageSize = 10000;
};

// Writes a whole result set to a file, page by page from the server's result file (the
// query is never run again): no more than one page in memory, the file replaced only once
// it is whole (QSaveFile), progress after every page, cancel at any time.
class ResultExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExporter)

public:
    ResultExporter(ResultPageFetcher fetcher, ExportOptions options, QString path, QObject *parent = nullptr);
    ~ResultExporter() override;

    // Whether `charset` is one this build can write (GBK needs Qt with ICU).
    static bool canEncode(const QByteArray &charset);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_rows; }
    qint64 bytesWritten() const { return m_bytes; }

Q_SIGNALS:
    // `total` is -1 while the server has not said.
    void progress(qint64 rows, qint64 total);
    // `message` says what went wrong; empty on success.
    void finished(bool ok, const QString &message);

private:
    void request(int page);
    void receive(int page, const Result<ResultPage> &result);
    bool write(const QString &text);
    void fail(const QString &message);

    ResultPageFetcher m_fetcher;
    ExportOptions m_options;
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    QStringEncoder m_encoder;
    RowFormatOptions m_format;
    QStringList m_columns;
    QPointer<Pending<ResultPage>> m_inFlight;
    qint64 m_rows = 0;
    qint64 m_bytes = 0;
    qint64 m_total = -1;
    bool m_running = false;
};

} // namespace JobDeck
