#include "results/resultexporter.h"

#include <QSaveFile>

namespace JobDeck {

ResultExporter::ResultExporter(ResultPageFetcher fetcher,
                               ExportOptions options,
                               QString path,
                               QObject *parent)
    : QObject(parent)
    , m_fetcher(std::move(fetcher))
    , m_options(std::move(options))
    , m_path(std::move(path))
{}

ResultExporter::~ResultExporter()
{
    if (m_inFlight)
        m_inFlight->cancel();
    if (m_file)
        m_file->cancelWriting();
}

bool ResultExporter::canEncode(const QByteArray &charset)
{
    return QStringEncoder(charset.constData()).isValid();
}

void ResultExporter::start()
{
    if (m_running)
        return;
    m_encoder = QStringEncoder(m_options.charset.constData());
    if (!m_encoder.isValid()) {
        fail(tr("This build of JobDeck cannot write the character set %1")
                 .arg(QString::fromLatin1(m_options.charset)));
        return;
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        fail(tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    m_running = true;
    m_rows = 0;
    m_bytes = 0;
    m_format.separator = m_options.separator;
    m_format.nullText = m_options.nullText;
    request(1);
}

void ResultExporter::cancel()
{
    if (!m_running)
        return;
    if (m_inFlight)
        m_inFlight->cancel();
    fail(tr("The export was cancelled; %1 was left as it was").arg(m_path));
}

void ResultExporter::request(int page)
{
    Pending<ResultPage> *call = m_fetcher ? m_fetcher(page, m_options.pageSize) : nullptr;
    if (!call) {
        fail(tr("The connection of this result set is closed"));
        return;
    }
    m_inFlight = call;
    onFinished(call, this, [this, page](const Result<ResultPage> &result) { receive(page, result); });
}

bool ResultExporter::write(const QString &text)
{
    if (text.isEmpty())
        return true;
    const QByteArray bytes = m_encoder.encode(text);
    if (m_file->write(bytes) != bytes.size()) {
        fail(tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return false;
    }
    m_bytes += bytes.size();
    return true;
}

void ResultExporter::receive(int page, const Result<ResultPage> &result)
{
    m_inFlight = nullptr;
    if (!m_running)
        return;
    if (!result) {
        fail(tr("Reading page %1 of the result set failed: %2").arg(page).arg(result.error().describe()));
        return;
    }
    if (page == 1) {
        m_columns = result->columns;
        m_format.numeric.clear();
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            m_format.numeric.append(isNumericType(result->columnTypes.value(i)));
        if ((m_options.header || m_options.format == RowFormat::Json)
            && !write(formatHeader(m_options.format, m_columns, m_format)))
            return;
    }
    if (result->totalRows >= 0)
        m_total = result->totalRows;
    if (!write(formatRows(m_options.format, m_columns, result->rows, m_format, m_rows == 0)))
        return;
    m_rows += result->rows.size();
    Q_EMIT progress(m_rows, m_total);
    const bool more = result->hasMore && !result->rows.isEmpty() && (m_total < 0 || m_rows < m_total);
    if (more) {
        request(page + 1);
        return;
    }
    QString footer = formatFooter(m_options.format);
    if (m_options.format == RowFormat::Json && m_rows == 0)
        footer = QStringLiteral("]\n");
    if (!write(footer))
        return;
    if (!m_file->commit()) {
        const QString error = m_file->errorString();
        m_file.reset();
        fail(tr("Cannot write %1: %2").arg(m_path, error));
        return;
    }
    m_file.reset();
    m_running = false;
    Q_EMIT finished(true, {});
}

void ResultExporter::fail(const QString &message)
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    m_running = false;
    Q_EMIT finished(false, message);
}

} // namespace JobDeck
