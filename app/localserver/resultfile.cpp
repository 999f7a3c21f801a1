#include "localserver/resultfile.h"

#include "core/jsonvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstring>

namespace JobDeck::Local {

namespace {

constexpr qint64 CountOffset = 8; // after {"rows":
constexpr int CountWidth = 20;    // room for any qint64, sign included
constexpr qsizetype FlushSize = 256 * 1024;
constexpr qint64 ScanChunk = 1024 * 1024;

QByteArray paddedCount(qint64 rows)
{
    QByteArray count = QByteArray::number(rows);
    count.append(CountWidth - count.size(), ' ');
    return count;
}

void appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char ch : utf8) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte == '"' || byte == '\\') {
            out.append('\\').append(ch);
        } else if (byte == '\n') {
            out.append("\\n");
        } else if (byte == '\r') {
            out.append("\\r");
        } else if (byte == '\t') {
            out.append("\\t");
        } else if (byte < 0x20) {
            out.append("\\u00").append(Hex[byte >> 4]).append(Hex[byte & 0xf]);
        } else {
            out.append(ch);
        }
    }
    out.append('"');
}

void appendJsonArray(QByteArray &out, const QStringList &items)
{
    out.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendJsonString(out, items[i]);
    }
    out.append(']');
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    const QJsonArray array = value.toArray();
    strings.reserve(array.size());
    for (const QJsonValue &item : array)
        strings.append(item.toString());
    return strings;
}

// Moves past `lines` complete lines from the current position. Returns how many it passed
// (fewer at the end of the file); the file is left at the start of the next line.
qint64 skipLines(QFile &file, qint64 lines)
{
    qint64 skipped = 0;
    QByteArray chunk(ScanChunk, Qt::Uninitialized);
    while (skipped < lines) {
        const qint64 chunkStart = file.pos();
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got <= 0)
            break;
        const char *data = chunk.constData();
        qint64 at = 0;
        while (skipped < lines && at < got) {
            const void *found = std::memchr(data + at, '\n', size_t(got - at));
            if (!found) {
                at = got;
                break;
            }
            at = static_cast<const char *>(found) - data + 1;
            ++skipped;
        }
        if (skipped == lines) {
            file.seek(chunkStart + at);
            break;
        }
    }
    return skipped;
}

// Complete lines from the current position to the end; a last line without '\n' is one the
// writer has not finished.
qint64 countLines(QFile &file)
{
    qint64 count = 0;
    QByteArray chunk(ScanChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got <= 0)
            break;
        const char *data = chunk.constData();
        const char *const stop = data + got;
        while (const void *found = std::memchr(data, '\n', size_t(stop - data))) {
            ++count;
            data = static_cast<const char *>(found) + 1;
        }
    }
    return count;
}

} // namespace

ResultFileWriter::~ResultFileWriter()
{
    if (m_open)
        flushBuffer();
}

bool ResultFileWriter::open(const QString &path, const QStringList &columns, const QStringList &types)
{
    m_file.close();
    m_file.setFileName(path);
    m_buffer.clear();
    m_rows = 0;
    m_error.clear();
    m_open = false;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot create"));
    QByteArray header = "{\"rows\":" + paddedCount(-1) + ",\"version\":1,\"columns\":";
    appendJsonArray(header, columns);
    header.append(",\"types\":");
    appendJsonArray(header, types);
    header.append("}\n");
    if (m_file.write(header) != header.size())
        return fail(QStringLiteral("cannot write"));
    m_open = true;
    return true;
}

bool ResultFileWriter::writeRow(const QStringList &cells)
{
    if (!m_open)
        return false;
    appendJsonArray(m_buffer, cells);
    m_buffer.append('\n');
    ++m_rows;
    return m_buffer.size() < FlushSize || flushBuffer();
}

bool ResultFileWriter::finish()
{
    if (!m_open)
        return false;
    if (!flushBuffer())
        return false;
    m_open = false;
    if (!m_file.seek(CountOffset) || m_file.write(paddedCount(m_rows)) != CountWidth || !m_file.flush())
        return fail(QStringLiteral("cannot write"));
    m_file.close();
    return true;
}

bool ResultFileWriter::flushBuffer()
{
    if (m_buffer.isEmpty())
        return true;
    const bool written = m_file.write(m_buffer) == m_buffer.size();
    m_buffer.clear();
    return written || fail(QStringLiteral("cannot write"));
}

bool ResultFileWriter::fail(const QString &what)
{
    m_error = QStringLiteral("%1 the result file %2: %3").arg(what, m_file.fileName(), m_file.errorString());
    m_open = false;
    m_file.close();
    return false;
}

std::optional<ResultFileReader::Page> ResultFileReader::readPage(const QString &path,
                                                                 int page,
                                                                 int pageSize,
                                                                 QString *error)
{
    const auto failure = [&](const QString &message) -> std::optional<Page> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (page < 1 || pageSize < 1)
        return failure(QStringLiteral("invalid page %1 of size %2").arg(page).arg(pageSize));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot open the result file %1: %2").arg(path, file.errorString()));

    const QByteArray headerLine = file.readLine();
    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(headerLine, &parseError);
    const QJsonObject fields = header.object();
    if (!headerLine.endsWith('\n') || parseError.error != QJsonParseError::NoError
        || !fields.value(QLatin1StringView("rows")).isDouble()
        || !fields.value(QLatin1StringView("columns")).isArray())
        return failure(QStringLiteral("%1 is not a JobDeck result file").arg(path));

    Page result;
    result.columns = stringsOf(fields.value(QLatin1StringView("columns")));
    result.types = stringsOf(fields.value(QLatin1StringView("types")));
    const qint64 first = qint64(page - 1) * pageSize;
    const qint64 skipped = skipLines(file, first);
    qint64 lineNumber = skipped + 1; // of the row about to be read, for messages
    if (skipped == first) {
        while (result.rows.size() < pageSize) {
            const QByteArray line = file.readLine();
            if (!line.endsWith('\n'))
                break; // the end, or a row still being written
            const QJsonDocument row = QJsonDocument::fromJson(line, &parseError);
            if (parseError.error != QJsonParseError::NoError || !row.isArray())
                return failure(QStringLiteral("row %1 of %2 is damaged").arg(lineNumber).arg(path));
            result.rows.append(stringsOf(row.array()));
            ++lineNumber;
        }
    }
    const qint64 recorded = jsonInteger(fields.value(QLatin1StringView("rows")));
    result.totalRows = recorded >= 0 ? recorded : skipped + result.rows.size() + countLines(file);
    return result;
}

} // namespace JobDeck::Local
