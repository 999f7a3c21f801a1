#pragma once

// Decoding Apache Linkis answers (../shared/protocols.md section 1). Pure functions over
// bytes and JSON, so they are unit-tested and fuzzed without a network.

#include "async/result.h"
#include "i18n/language.h"
#include "jobs/job.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace JobDeck {
struct HttpResponse;
struct ResultPage;
struct SchemaTable;
struct SchemaColumn;
} // namespace JobDeck

namespace JobDeck::Linkis {

// {method, status, message, data}: status -1 not logged in, 0 ok, 1 error, 2 validation
// failed, 3 no permission, 4 warning.
struct Envelope
{
    int status = 0;
    QString message;
    QJsonObject data;
};

// Reads the envelope from an answer of any HTTP status. An answer that is not the protocol
// (HTML, empty, truncated or non-object JSON, no status) is a Protocol error naming the URL
// and what came back.
Result<Envelope> decodeEnvelope(const HttpResponse &response);

// The error an envelope with a non-zero status stands for, its message in `language`.
BackendError envelopeError(const Envelope &envelope, const HttpResponse &response, Language language);

// Linkis messages are "English(中文)" in one string; this picks the user's half.
QString pickLanguage(const QString &message, Language language);

JobState stateFromStatus(QStringView status);
// progress arrives as 0.35, "0.35", "1.0f" or 0; returns a value in 0..1, or -1.
double parseProgress(const QJsonValue &value);
// progressInfo rows; `[]`, `[{}]` and rows without an id give nothing.
QList<SubJobProgress> parseProgressInfo(const QJsonValue &value);
// taskID is a number in 1.x and a string in 0.x; 0 when absent or unreadable.
qint64 parseTaskId(const QJsonValue &value);
// A job-history task (QueryTaskVO) as a job.
Job jobFromTask(const QJsonObject &task);

// One page of the entrance's log: the ALL lines and the fromLine to send next.
struct LogChunk
{
    QStringList lines;
    qint64 nextFromLine = -1; // -1 when the answer had none
};
// Splits Linkis log text into lines: "\n"-joined, "\r" dropped, blank lines dropped (the
// entrance drops them too, so live and archived logs number their lines alike).
QStringList splitLogText(QStringView text);
void appendLogLines(QStringList &lines, const char *utf8, qsizetype size);
// The 4-array [ERROR, WARN, INFO, ALL] or the single string of distinctLevel=false.
QStringList logLinesFromValue(const QJsonValue &log);
// Fast path for the hot, large answer of the log endpoint: reads data.log and
// data.fromLine straight from the bytes. nullopt when the body is anything but a
// status-0 log page; the caller then decodes it the general way to find out why.
std::optional<LogChunk> decodeLogPageFast(const QByteArray &body);

// filesystem/openFile's data (asked with nullValue=LINKIS_NULL): metadata {columnName,
// dataType, comment}, fileContent rows of strings (or the text of a TEXT result set),
// totalLine. "NULL" cells become null strings; `page` and `pageSize` were asked for.
ResultPage decodeResultPage(const QJsonObject &data, int page, int pageSize, Language language);
// datasource/dbs: data.dbs [{dbName}].
QStringList decodeDatabases(const QJsonObject &data);
// datasource/tables: data.tables [{databaseName, tableName, isView, ...}].
QList<SchemaTable> decodeTables(const QJsonObject &data, const QString &database);
// datasource/columns: data.columns [{columnName, columnType, columnComment, partitioned}].
QList<SchemaColumn> decodeColumns(const QJsonObject &data);

} // namespace JobDeck::Linkis
