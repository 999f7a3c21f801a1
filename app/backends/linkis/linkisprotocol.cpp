#include "backends/linkis/linkisprotocol.h"

#include "backends/backend.h"

#include "core/jsonvalues.h"

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <simdjson.h>

#include <cstring>

namespace JobDeck::Linkis {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDeck::Linkis", text);
}

bool hasCjk(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x9FFF)
            return true;
        if (c.unicode() >= 0xFF00 && c.unicode() <= 0xFFEF) // full-width punctuation
            return true;
    }
    return false;
}

QDateTime msToUtc(const QJsonValue &value)
{
    const qint64 ms = jsonInteger(value);
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC) : QDateTime();
}

} // namespace

Result<Envelope> decodeEnvelope(const HttpResponse &response)
{
    const auto notProtocol = [&](const QString &why) {
        return failure(BackendError::Kind::Protocol,
                       tr("The server did not answer as a Linkis gateway: %1").arg(why),
                       response.url,
                       response.status);
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QString what = HttpClient::describeBody(response);
        if (response.status == 404)
            return failure(BackendError::Kind::Refused,
                           tr("This address has no such Linkis service (HTTP 404); check the URL"),
                           response.url,
                           response.status);
        if (response.status == 502 || response.status == 503 || response.status == 504)
            return failure(BackendError::Kind::Connection,
                           tr("The gateway could not reach the Linkis service behind it: %1").arg(what),
                           response.url,
                           response.status);
        return notProtocol(what);
    }
    const QJsonObject object = document.object();
    const QJsonValue status = object.value(QLatin1StringView("status"));
    if (!status.isDouble())
        return notProtocol(
            tr("a JSON answer without the envelope's status: %1").arg(HttpClient::describeBody(response)));
    Envelope envelope;
    envelope.status = status.toInt();
    envelope.message = object.value(QLatin1StringView("message")).toString();
    envelope.data = object.value(QLatin1StringView("data")).toObject();
    return envelope;
}

QString pickLanguage(const QString &message, Language language)
{
    // "Successfully killed the job(成功kill了job)": the last parenthesised part, if it is
    // Chinese and what precedes it is not, is the Chinese half.
    QString text = message.trimmed();
    while (text.endsWith(u'!') || text.endsWith(u'！'))
        text.chop(1);
    if (!(text.endsWith(u')') || text.endsWith(u'）')))
        return message;
    int depth = 0;
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (c == u')' || c == u'）')
            ++depth;
        else if ((c == u'(' || c == u'（') && --depth == 0) {
            const QStringView english = QStringView(text).left(i).trimmed();
            const QStringView chinese = QStringView(text).mid(i + 1, text.size() - i - 2).trimmed();
            if (english.isEmpty() || !hasCjk(chinese) || hasCjk(english))
                return message;
            return (language == Language::Chinese ? chinese : english).toString();
        }
    }
    return message;
}

BackendError envelopeError(const Envelope &envelope, const HttpResponse &response, Language language)
{
    BackendError error;
    error.url = response.url;
    error.httpStatus = response.status;
    error.serverCode = QString::number(envelope.status);
    QString message = envelope.message;
    // Generic failures carry the real reason in data.errorMsg.desc (protocols.md 1.2).
    const QJsonObject errorMsg = envelope.data.value(QLatin1StringView("errorMsg")).toObject();
    if (const QString desc = errorMsg.value(QLatin1StringView("desc")).toString(); !desc.isEmpty()) {
        message = desc;
        if (const QJsonValue code = errorMsg.value(QLatin1StringView("errCode")); !code.isUndefined())
            error.serverCode = code.isString() ? code.toString() : QString::number(code.toInteger());
    }
    message = pickLanguage(message, language);
    switch (envelope.status) {
    case -1:
        error.kind = BackendError::Kind::Authentication;
        error.message = message.isEmpty() ? tr("Not logged in, or the session has expired") : message;
        break;
    case 2:
        error.kind = BackendError::Kind::Refused;
        error.message = message.isEmpty() ? tr("The server rejected the request as invalid") : message;
        break;
    case 3:
        error.kind = BackendError::Kind::Refused;
        error.message = message.isEmpty() ? tr("No permission") : message;
        break;
    default:
        error.kind = BackendError::Kind::Refused;
        error.message = message.isEmpty() ? tr("The server reported an error without a message") : message;
        break;
    }
    return error;
}

JobState stateFromStatus(QStringView status)
{
    if (status == u"Inited" || status == u"Scheduled" || status == u"Submitted")
        return JobState::Queued;
    if (status == u"Running")
        return JobState::Running;
    if (status == u"WaitForRetry")
        return JobState::Retrying;
    if (status == u"Succeed")
        return JobState::Succeeded;
    if (status == u"Failed" || status == u"Timeout")
        return JobState::Failed;
    if (status == u"Cancelled")
        return JobState::Cancelled;
    return JobState::Unknown;
}

double parseProgress(const QJsonValue &value)
{
    double progress = -1;
    if (value.isDouble()) {
        progress = value.toDouble();
    } else if (value.isString()) {
        QString text = value.toString().trimmed();
        if (text.endsWith(u'f') || text.endsWith(u'F')) // "1.0f", stored on kill
            text.chop(1);
        bool ok = false;
        progress = text.toDouble(&ok);
        if (!ok)
            return -1;
    } else {
        return -1;
    }
    if (!std::isfinite(progress))
        return -1;
    return std::clamp(std::abs(progress), 0.0, 1.0);
}

QList<SubJobProgress> parseProgressInfo(const QJsonValue &value)
{
    QList<SubJobProgress> rows;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        const QJsonObject row = entry.toObject();
        const QString id = row.value(QLatin1StringView("id")).toString();
        if (id.isEmpty())
            continue;
        const auto count = [&](const char *key) {
            const QJsonValue v = row.value(QLatin1StringView(key));
            return std::max(0, v.isString() ? v.toString().toInt() : v.toInt());
        };
        SubJobProgress out;
        out.id = id;
        out.succeeded = count("succeedTasks");
        out.failed = count("failedTasks");
        out.running = count("runningTasks");
        out.total = count("totalTasks");
        // jobdeck-server's statements add these; Linkis itself sends none of them.
        out.name = row.value(QLatin1StringView("name")).toString();
        out.detail = row.value(QLatin1StringView("code")).toString();
        const auto time = [&](const char *key) {
            const qint64 ms = jsonInteger(row.value(QLatin1StringView(key)));
            return ms > 0 && ms <= 253402300799999LL ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC)
                                                     : QDateTime();
        };
        out.start = time("startTime");
        out.end = time("endTime");
        out.firstLogLine = std::max<qint64>(0, jsonInteger(row.value(QLatin1StringView("logFromLine"))));
        out.lastLogLine
            = std::max<qint64>(out.firstLogLine, jsonInteger(row.value(QLatin1StringView("logToLine"))));
        if (out.firstLogLine == 0)
            out.lastLogLine = 0;
        rows.append(out);
    }
    return rows;
}

qint64 parseTaskId(const QJsonValue &value)
{
    if (value.isDouble())
        return jsonInteger(value);
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().trimmed().toLongLong(&ok);
        return ok ? id : 0;
    }
    return 0;
}

Job jobFromTask(const QJsonObject &task)
{
    Job job;
    job.ids.linkisTaskId = parseTaskId(task.value(QLatin1StringView("taskID")));
    // execId is the short id; strongerExecId is the one the entrance accepts.
    job.ids.linkisExecId = task.value(QLatin1StringView("strongerExecId")).toString();
    if (job.ids.linkisExecId.isEmpty())
        job.ids.linkisExecId = task.value(QLatin1StringView("execId")).toString();
    job.id = job.ids.linkisExecId.isEmpty() ? QString::number(job.ids.linkisTaskId) : job.ids.linkisExecId;
    job.rawStatus = task.value(QLatin1StringView("status")).toString();
    job.state = stateFromStatus(job.rawStatus);
    job.progress = parseProgress(task.value(QLatin1StringView("progress")));
    if (job.state == JobState::Succeeded)
        job.progress = 1.0;
    job.submitted = msToUtc(task.value(QLatin1StringView("createdTime")));
    job.started = msToUtc(task.value(QLatin1StringView("requestStartTime")));
    if (!job.started.isValid())
        job.started = job.submitted;
    if (job.isTerminal()) {
        job.ended = msToUtc(task.value(QLatin1StringView("requestEndTime")));
        if (!job.ended.isValid())
            job.ended = msToUtc(task.value(QLatin1StringView("updatedTime")));
    }
    const QJsonValue cost = task.value(QLatin1StringView("costTime"));
    if (cost.isDouble())
        job.durationMs = jsonInteger(cost, -1);
    else if (job.started.isValid() && job.ended.isValid())
        job.durationMs = job.started.msecsTo(job.ended);
    job.submitter = task.value(QLatin1StringView("executeUser")).toString();
    if (job.submitter.isEmpty())
        job.submitter = task.value(QLatin1StringView("umUser")).toString();
    job.engine = task.value(QLatin1StringView("engineType")).toString();
    if (job.engine.isEmpty())
        job.engine = task.value(QLatin1StringView("executeApplicationName")).toString();
    job.runType = task.value(QLatin1StringView("runType")).toString();
    job.script = task.value(QLatin1StringView("executionCode")).toString();
    job.errorMessage = task.value(QLatin1StringView("errDesc")).toString();
    return job;
}

void appendLogLines(QStringList &lines, const char *utf8, qsizetype size)
{
    const char *p = utf8;
    const char *end = utf8 + size;
    while (p < end) {
        const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = newline ? newline : end;
        const char *e = lineEnd;
        if (e > p && e[-1] == '\r')
            --e;
        if (e > p)
            lines.append(QString::fromUtf8(p, e - p));
        p = newline ? newline + 1 : end;
    }
}

QStringList splitLogText(QStringView text)
{
    QStringList lines;
    for (QStringView line : text.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line.toString());
    }
    return lines;
}

QStringList logLinesFromValue(const QJsonValue &log)
{
    if (log.isString())
        return splitLogText(log.toString());
    const QJsonArray array = log.toArray();
    if (array.size() >= 4)
        return splitLogText(array.at(3).toString());
    return {};
}

namespace {
// Reads data.log (4-array or string) and data.fromLine into `chunk`.
bool readLogData(simdjson::ondemand::object data, LogChunk &chunk)
{
    bool haveLog = false;
    for (auto field : data) {
        std::string_view key;
        simdjson::ondemand::value value;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS
            || field.value().get(value) != simdjson::SUCCESS)
            return false;
        if (key == "log") {
            simdjson::ondemand::json_type type;
            if (value.type().get(type) != simdjson::SUCCESS)
                return false;
            std::string_view text;
            if (type == simdjson::ondemand::json_type::string) {
                if (value.get_string().get(text) != simdjson::SUCCESS)
                    return false;
            } else if (type == simdjson::ondemand::json_type::array) {
                simdjson::ondemand::array array;
                if (value.get_array().get(array) != simdjson::SUCCESS)
                    return false;
                int index = 0;
                bool found = false;
                for (auto element : array) {
                    if (index++ == 3) { // [ERROR, WARN, INFO, ALL]
                        if (element.get_string().get(text) != simdjson::SUCCESS)
                            return false;
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return false;
            } else {
                return false;
            }
            appendLogLines(chunk.lines, text.data(), qsizetype(text.size()));
            haveLog = true;
        } else if (key == "fromLine") {
            int64_t from = -1;
            if (value.get_int64().get(from) != simdjson::SUCCESS)
                return false;
            chunk.nextFromLine = from;
        }
    }
    return haveLog;
}
} // namespace

std::optional<LogChunk> decodeLogPageFast(const QByteArray &body)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; padded_string copies once.
    thread_local simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(body.constData(), size_t(body.size()));
    simdjson::ondemand::document document;
    simdjson::ondemand::object root;
    if (parser.iterate(padded).get(document) != simdjson::SUCCESS
        || document.get_object().get(root) != simdjson::SUCCESS)
        return std::nullopt;

    // On-demand parsing reads forward only, so data is read where it stands and status
    // checked once the object has been walked.
    int64_t status = -2;
    bool haveData = false;
    LogChunk chunk;
    for (auto field : root) {
        std::string_view key;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS)
            return std::nullopt;
        if (key == "status") {
            if (field.value().get_int64().get(status) != simdjson::SUCCESS)
                return std::nullopt;
        } else if (key == "data") {
            simdjson::ondemand::object data;
            if (field.value().get_object().get(data) != simdjson::SUCCESS || !readLogData(data, chunk))
                return std::nullopt;
            haveData = true;
        }
    }
    if (status != 0 || !haveData || document.at_end() == false)
        return std::nullopt;
    return chunk;
}

ResultPage decodeResultPage(const QJsonObject &data, int page, int pageSize, Language language)
{
    ResultPage result;
    result.page = page;
    for (const QJsonValue &column : data.value(QLatin1StringView("metadata")).toArray()) {
        const QJsonObject meta = column.toObject();
        result.columns.append(meta.value(QLatin1StringView("columnName")).toString());
        result.columnTypes.append(meta.value(QLatin1StringView("dataType")).toString());
    }
    const QJsonValue content = data.value(QLatin1StringView("fileContent"));
    if (content.isString()) { // a TEXT result set
        if (result.columns.isEmpty()) {
            result.columns.append(QStringLiteral("text"));
            result.columnTypes.append(QStringLiteral("string"));
        }
        for (const QString &line : splitLogText(content.toString()))
            result.rows.append({line});
    } else {
        const QJsonArray rows = content.toArray();
        result.rows.reserve(rows.size());
        for (const QJsonValue &row : rows) {
            QStringList cells;
            const QJsonArray values = row.toArray();
            cells.reserve(values.size());
            for (const QJsonValue &cell : values) {
                if (cell.isString()) {
                    // Decoded once: each toString() copies the text out of the document.
                    const QString text = cell.toString();
                    if (text == QLatin1StringView("NULL"))
                        cells.append(QString());
                    else
                        cells.append(text.isEmpty() ? QStringLiteral("") : text);
                } else if (cell.isNull()) {
                    cells.append(QString());
                } else {
                    cells.append(cell.toVariant().toString());
                }
            }
            result.rows.append(cells);
        }
    }
    const QJsonValue total = data.value(QLatin1StringView("totalLine"));
    result.totalRows = total.isDouble() ? jsonInteger(total, -1) : -1;
    result.hasMore
        = result.totalRows >= 0 ? qint64(page) * pageSize < result.totalRows : result.rows.size() >= pageSize;
    // Oversized data is withheld with a message in both languages (protocols.md 1.10).
    if (data.value(QLatin1StringView("display_prohibited")).toBool()
        || data.value(QLatin1StringView("column_limit_display")).toBool()) {
        result.notice
            = data.value(QLatin1StringView(language == Language::Chinese ? "zh_msg" : "en_msg")).toString();
    }
    return result;
}

QStringList decodeDatabases(const QJsonObject &data)
{
    QStringList names;
    for (const QJsonValue &db : data.value(QLatin1StringView("dbs")).toArray()) {
        const QString name
            = db.isString() ? db.toString() : db.toObject().value(QLatin1StringView("dbName")).toString();
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

QList<SchemaTable> decodeTables(const QJsonObject &data, const QString &database)
{
    QList<SchemaTable> tables;
    for (const QJsonValue &value : data.value(QLatin1StringView("tables")).toArray()) {
        const QJsonObject table = value.toObject();
        SchemaTable t;
        t.name = table.value(QLatin1StringView("tableName")).toString();
        if (t.name.isEmpty())
            continue;
        t.database = table.value(QLatin1StringView("databaseName")).toString(database);
        if (t.database.isEmpty())
            t.database = database;
        t.kind = table.value(QLatin1StringView("isView")).toBool() ? SchemaTable::Kind::View
                                                                   : SchemaTable::Kind::Table;
        t.comment = table.value(QLatin1StringView("comment")).toString();
        tables.append(t);
    }
    return tables;
}

QList<SchemaColumn> decodeColumns(const QJsonObject &data)
{
    QList<SchemaColumn> columns;
    for (const QJsonValue &value : data.value(QLatin1StringView("columns")).toArray()) {
        const QJsonObject column = value.toObject();
        SchemaColumn c;
        c.name = column.value(QLatin1StringView("columnName")).toString();
        if (c.name.isEmpty())
            continue;
        c.type = column.value(QLatin1StringView("columnType")).toString();
        c.comment = column.value(QLatin1StringView("columnComment")).toString();
        c.partitionKey = column.value(QLatin1StringView("partitioned")).toBool();
        columns.append(c);
    }
    return columns;
}

} // namespace JobDeck::Linkis
