#include "backends/dinky/dinkyprotocol.h"

#include "core/jsonvalues.h"
#include "core/serverzone.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace JobDeck::Dinky {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDeck::Dinky", text);
}

const QTimeZone &defaultZone()
{
    static const QTimeZone zone = QTimeZone::fromSecondsAheadOfUtc(8 * 3600);
    return zone;
}

qint64 toId(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return std::isfinite(d) && d > 0 && d < 9.0e15 ? qint64(d) : 0;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().trimmed().toLongLong(&ok);
        return ok && id > 0 ? id : 0;
    }
    return 0;
}

QString toText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// The first line of a message, without any "\n\tat ..." that a server might have glued on.
QString firstLine(const QString &message)
{
    const QString trimmed = message.trimmed();
    const qsizetype newline = trimmed.indexOf(u'\n');
    return (newline < 0 ? trimmed : trimmed.left(newline)).trimmed();
}

bool isFinishedProcess(QStringView status)
{
    return status == u"FINISHED" || status == u"FAILED" || status == u"CANCELED" || status == u"UNKNOWN";
}

} // namespace

Result<Envelope> decodeEnvelope(const HttpResponse &response)
{
    const QString what = HttpClient::describeBody(response);
    const auto notProtocol = [&](const QString &why) {
        return failure(BackendError::Kind::Protocol,
                       tr("The server did not answer as Dinky: %1").arg(why),
                       response.url,
                       response.status);
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    const bool isObject = error.error == QJsonParseError::NoError && document.isObject();
    const QJsonValue code = isObject ? document.object().value(QLatin1StringView("code")) : QJsonValue();
    const bool hasCode = code.isDouble() || (code.isString() && !code.toString().trimmed().isEmpty());
    if (!isObject || !hasCode) {
        if (response.status == 404)
            return failure(BackendError::Kind::Refused,
                           tr("This address has no such Dinky service (HTTP 404); check the URL"),
                           response.url,
                           response.status);
        if (response.status == 502 || response.status == 503 || response.status == 504)
            return failure(BackendError::Kind::Connection,
                           tr("The proxy could not reach the Dinky server behind it: %1").arg(what),
                           response.url,
                           response.status);
        if (response.status == 401)
            return failure(BackendError::Kind::Authentication,
                           tr("Not logged in, or the session has expired: %1").arg(what),
                           response.url,
                           response.status);
        if (response.status == 200 && response.body.trimmed().isEmpty())
            // Dinky's TenantInterceptor returns false without writing anything when the
            // tenantId cookie names a tenant the user is not in (protocols.md 2.2).
            return notProtocol(tr("an empty answer (HTTP 200); is the tenant id right and the "
                                  "user a member of it?"));
        if (isObject)
            return notProtocol(tr("a JSON answer without the envelope's code: %1").arg(what));
        return notProtocol(what);
    }
    const QJsonObject object = document.object();
    Envelope envelope;
    bool ok = true;
    envelope.code = code.isDouble() ? code.toInt() : code.toString().trimmed().toInt(&ok);
    if (!ok)
        return notProtocol(tr("an envelope whose code is not a number: %1").arg(what));
    envelope.message = toText(object.value(QLatin1StringView("msg")));
    envelope.time = object.value(QLatin1StringView("time")).toString();
    if (object.contains(QLatin1StringView("datas"))) {
        envelope.data = object.value(QLatin1StringView("datas"));
        envelope.generation = Generation::V07;
    } else {
        envelope.data = object.value(QLatin1StringView("data"));
        if (object.contains(QLatin1StringView("success")))
            envelope.generation = Generation::V1;
    }
    return envelope;
}

BackendError envelopeError(const Envelope &envelope, const HttpResponse &response)
{
    BackendError error;
    error.url = response.url;
    error.httpStatus = response.status;
    error.serverCode = QString::number(envelope.code);
    // Code 5 carries the stack trace in data: only the message is shown, never the trace.
    const QString message = firstLine(envelope.message);
    if (envelope.code == 7 || envelope.code == 401 || response.status == 401) {
        error.kind = BackendError::Kind::Authentication;
        error.message = message.isEmpty() ? tr("Not logged in, or the session has expired") : message;
        return error;
    }
    error.kind = BackendError::Kind::Refused;
    switch (envelope.code) {
    case 5:
        error.message = message.isEmpty() ? tr("The server failed with an exception and no message")
                                          : tr("The server failed: %1").arg(message);
        break;
    case 6:
        error.message = message.isEmpty() ? tr("The server rejected the request's parameters") : message;
        break;
    default:
        error.message = message.isEmpty() ? tr("The server reported an error without a message") : message;
        break;
    }
    return error;
}

Result<ServerVersion> decodeVersion(const HttpResponse &response)
{
    if (response.status == 502 || response.status == 503 || response.status == 504)
        return failure(BackendError::Kind::Connection,
                       tr("The proxy could not reach the Dinky server behind it: %1")
                           .arg(HttpClient::describeBody(response)),
                       response.url,
                       response.status);
    // 0.7 has no /openapi/version: Spring answers 404 (JSON or a white-label page), or its
    // catch-all handler turns the missing handler into code 5.
    if (response.status == 404 || response.status == 405)
        return ServerVersion{Generation::V07, {}};
    const Result<Envelope> envelope = decodeEnvelope(response);
    if (!envelope) {
        if (response.status >= 400 && response.status != 401)
            return ServerVersion{Generation::V07, {}}; // an error page instead of a handler
        return std::unexpected(envelope.error());
    }
    if (envelope->generation == Generation::V07 || envelope->code != 0)
        return ServerVersion{Generation::V07, {}};
    const QString version = toText(envelope->data).trimmed();
    return ServerVersion{Generation::V1, version};
}

Generation generationFromSetting(QStringView setting)
{
    const QStringView trimmed = setting.trimmed();
    if (trimmed.isEmpty())
        return Generation::Unknown;
    if (trimmed.startsWith(u"0."))
        return Generation::V07;
    if (trimmed.startsWith(u'1'))
        return Generation::V1;
    return Generation::Unknown;
}

QTimeZone zoneFromSetting(QStringView setting, bool *valid)
{
    if (valid)
        *valid = true;
    if (setting.trimmed().isEmpty())
        return defaultZone();
    const QTimeZone zone = parseServerZone(setting.toString());
    if (zone.isValid())
        return zone;
    if (valid)
        *valid = false;
    return defaultZone();
}

QDateTime parseServerTime(const QJsonValue &value, const QTimeZone &zone)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        // Flink's epoch milliseconds; -1 = not ended, 0 = not set.
        if (!std::isfinite(ms) || ms <= 0 || ms > 1.0e14)
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(ms), QTimeZone::UTC);
    }
    if (value.isArray()) {
        // Jackson without JavaTimeModule writes LocalDateTime as [y, M, d, h, m, s, nanos].
        const QJsonArray parts = value.toArray();
        if (parts.size() < 3)
            return {};
        const QDate date(parts.at(0).toInt(), parts.at(1).toInt(), parts.at(2).toInt());
        const QTime time(parts.at(3).toInt(), parts.at(4).toInt(), parts.at(5).toInt());
        if (!date.isValid() || !time.isValid())
            return {};
        return QDateTime(date, time, zone).toUTC();
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty() || text.size() > 64)
        return {};
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return parseServerTime(QJsonValue(double(ms)), zone);
    // A date alone is not a time Dinky sends.
    if (text.size() < 16)
        return {};
    return serverTimeToUtc(text, zone);
}

bool isReplacedSession(QStringView message)
{
    for (QStringView word : {u"offline", u"BE_REPLACED", u"KICK_OUT", u"replaced", u"顶下线", u"踢下线"}) {
        if (message.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Result<LoginToken> decodeLogin(const Envelope &envelope, const HttpResponse &response)
{
    if (!envelope.ok()) {
        BackendError error = envelopeError(envelope, response);
        error.kind = BackendError::Kind::Authentication;
        return std::unexpected(error);
    }
    const QJsonObject tokenInfo = envelope.data.toObject().value(QLatin1StringView("tokenInfo")).toObject();
    LoginToken token;
    token.name = tokenInfo.value(QLatin1StringView("tokenName")).toString();
    token.value = tokenInfo.value(QLatin1StringView("tokenValue")).toString();
    if (token.name.isEmpty())
        token.name = envelope.generation == Generation::V07 ? QStringLiteral("satoken")
                                                            : QStringLiteral("dinky-token");
    // A header name must be a token; anything else would break every request.
    static const QRegularExpression headerName(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$"));
    if (!headerName.match(token.name).hasMatch())
        return failure(BackendError::Kind::Protocol,
                       tr("The login answer names an unusable token header “%1”").arg(token.name.left(64)),
                       response.url,
                       response.status);
    if (token.value.contains(u'\n') || token.value.contains(u'\r') || token.value.size() > 4096)
        return failure(BackendError::Kind::Protocol,
                       tr("The login answer holds an unusable token"),
                       response.url,
                       response.status);
    return token;
}

JobState stateFromFlinkStatus(QStringView status)
{
    const QString word = status.trimmed().toString().toUpper();
    if (word == u"INITIALIZING" || word == u"CREATED")
        return JobState::Queued;
    if (word == u"RUNNING" || word == u"FAILING" || word == u"CANCELLING" || word == u"RECONCILING"
        || word == u"RECONNECTING")
        return JobState::Running;
    if (word == u"RESTARTING")
        return JobState::Retrying;
    if (word == u"SUSPENDED")
        return JobState::Paused;
    if (word == u"FINISHED")
        return JobState::Succeeded;
    if (word == u"FAILED")
        return JobState::Failed;
    if (word == u"CANCELED" || word == u"CANCELLED")
        return JobState::Cancelled;
    return JobState::Unknown;
}

JobState stateFromSubmitStatus(QStringView status)
{
    const QString word = status.trimmed().toString().toUpper();
    if (word == u"INITIALIZE")
        return JobState::Queued;
    if (word == u"RUNNING" || word == u"SUCCESS")
        return JobState::Running; // submitted; the Flink state comes from the job instance
    if (word == u"FAILED")
        return JobState::Failed;
    if (word == u"CANCEL")
        return JobState::Cancelled;
    return JobState::Unknown;
}

Result<Job> jobFromInstance(const QJsonObject &instance,
                            Generation generation,
                            const QTimeZone &zone,
                            const QDateTime &serverNow)
{
    const qint64 id = toId(instance.value(QLatin1StringView("id")));
    if (id <= 0)
        return failure(BackendError::Kind::Protocol, tr("The server sent a job instance without an id"));
    Job job;
    job.backend = QStringLiteral("dinky");
    job.id = QString::number(id);
    job.ids.dinkyInstanceId = id;
    job.ids.dinkyTaskId = toId(instance.value(QLatin1StringView("taskId")));
    job.ids.flinkJobId = instance.value(QLatin1StringView("jid")).toString();
    job.name = instance.value(QLatin1StringView("name")).toString();
    job.rawStatus = instance.value(QLatin1StringView("status")).toString();
    job.state = stateFromFlinkStatus(job.rawStatus);
    job.submitted = parseServerTime(instance.value(QLatin1StringView("createTime")), zone);
    job.started = job.submitted;
    const QDateTime finished = parseServerTime(instance.value(QLatin1StringView("finishTime")), zone);
    // Dinky keeps refreshing a FAILED job for a minute after its end: Flink may restart it
    // and it comes back RUNNING. Until then it is only "retrying" for JobDeck, so a monitor
    // keeps following; the raw status still says FAILED.
    if (job.state == JobState::Failed && finished.isValid() && serverNow.isValid()
        && finished.msecsTo(serverNow) < FailedTransitionMs)
        job.state = JobState::Retrying;
    if (job.isTerminal())
        job.ended = finished.isValid()
                        ? finished
                        : parseServerTime(instance.value(QLatin1StringView("updateTime")), zone);
    const QJsonValue duration = instance.value(QLatin1StringView("duration"));
    if (duration.isDouble() && std::isfinite(duration.toDouble()) && duration.toDouble() >= 0
        && duration.toDouble() < 1.0e13) {
        const qint64 amount = qint64(duration.toDouble());
        job.durationMs = generation == Generation::V07 ? amount * 1000 : amount;
    }
    job.errorMessage = firstLine(instance.value(QLatin1StringView("error")).toString());
    job.submitter = instance.value(QLatin1StringView("creator")).toString();
    if (job.submitter.isEmpty())
        job.submitter = instance.value(QLatin1StringView("firstLevelOwner")).toString();
    job.engine = QStringLiteral("flink");
    job.runType = instance.value(QLatin1StringView("type")).toString();
    if (job.state == JobState::Succeeded)
        job.progress = 1.0;
    return job;
}

Job jobFromJobResult(const QJsonObject &result, qint64 taskId, const QTimeZone &zone)
{
    Job job;
    job.backend = QStringLiteral("dinky");
    const QJsonObject config = result.value(QLatin1StringView("jobConfig")).toObject();
    job.ids.dinkyTaskId = toId(config.value(QLatin1StringView("taskId")));
    if (job.ids.dinkyTaskId <= 0)
        job.ids.dinkyTaskId = taskId;
    job.ids.dinkyInstanceId = toId(result.value(QLatin1StringView("jobInstanceId")));
    job.ids.flinkJobId = result.value(QLatin1StringView("jobId")).toString();
    // The instance id is what users look the job up by later; a submit that made no
    // instance (a failed one) is named by its task.
    job.id = job.ids.dinkyInstanceId > 0 ? QString::number(job.ids.dinkyInstanceId)
                                         : QStringLiteral("task/%1").arg(job.ids.dinkyTaskId);
    job.name = config.value(QLatin1StringView("jobName")).toString();
    job.rawStatus = result.value(QLatin1StringView("status")).toString();
    job.state = stateFromSubmitStatus(job.rawStatus);
    if (job.state == JobState::Unknown && result.value(QLatin1StringView("success")).toBool())
        job.state = JobState::Running;
    job.submitted = parseServerTime(result.value(QLatin1StringView("startTime")), zone);
    job.started = job.submitted;
    if (job.isTerminal())
        job.ended = parseServerTime(result.value(QLatin1StringView("endTime")), zone);
    job.errorMessage = firstLine(result.value(QLatin1StringView("error")).toString());
    job.script = result.value(QLatin1StringView("statement")).toString();
    job.engine = QStringLiteral("flink");
    job.runType = config.value(QLatin1StringView("type")).toString();
    return job;
}

Result<JobPage> decodeJobList(const HttpResponse &response, Generation generation, const QTimeZone &zone)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    const QJsonObject object = document.object();
    const bool proTable = error.error == QJsonParseError::NoError && document.isObject()
                          && !object.contains(QLatin1StringView("code"))
                          && object.value(QLatin1StringView("data")).isArray();
    if (!proTable) {
        // Not logged in and the like come as a Result envelope instead.
        const Result<Envelope> envelope = decodeEnvelope(response);
        if (!envelope)
            return std::unexpected(envelope.error());
        if (!envelope->ok())
            return std::unexpected(envelopeError(*envelope, response));
        return failure(BackendError::Kind::Protocol,
                       tr("The job list answer is not a table: %1").arg(HttpClient::describeBody(response)),
                       response.url,
                       response.status);
    }
    JobPage page;
    const QJsonValue total = object.value(QLatin1StringView("total"));
    page.totalRows = total.isDouble() ? std::max<qint64>(-1, jsonInteger(total, -1)) : -1;
    const QJsonValue current = object.value(QLatin1StringView("current"));
    page.page = current.isDouble() ? std::max(1, current.toInt()) : 1;
    const QJsonValue size = object.value(QLatin1StringView("pageSize"));
    page.pageSize = size.isDouble() ? std::max(1, size.toInt()) : 20;
    for (const QJsonValue &row : object.value(QLatin1StringView("data")).toArray()) {
        Result<Job> job = jobFromInstance(row.toObject(), generation, zone);
        if (job)
            page.jobs.append(*job);
    }
    return page;
}

Result<ProcessLog> decodeProcess(const Envelope &envelope)
{
    ProcessLog log;
    if (envelope.data.isNull() || envelope.data.isUndefined())
        return log;
    if (!envelope.data.isObject())
        return failure(BackendError::Kind::Protocol, tr("The console log answer holds no process record"));
    const QJsonObject process = envelope.data.toObject();
    log.text = process.value(QLatin1StringView("log")).toString();
    log.status = process.value(QLatin1StringView("status")).toString();
    log.ended = isFinishedProcess(log.status);
    return log;
}

LogPage logDelta(const QString &whole, const LogCursor &from, bool ended)
{
    LogPage page;
    page.next = from;
    QStringList lines;
    qsizetype start = 0;
    bool partialLast = false;
    while (start < whole.size()) {
        const qsizetype newline = whole.indexOf(u'\n', start);
        if (newline < 0) {
            partialLast = true;
            QString line = whole.mid(start);
            if (line.endsWith(u'\r'))
                line.chop(1);
            lines.append(line);
            break;
        }
        qsizetype end = newline;
        if (end > start && whole.at(end - 1) == u'\r')
            --end;
        lines.append(whole.mid(start, end - start));
        start = newline + 1;
    }
    // An unfinished last line is delivered once the process has ended, not before.
    const qsizetype usable = partialLast && !ended ? lines.size() - 1 : lines.size();
    const qint64 seen = std::max<qint64>(0, from.position);
    if (usable < seen) {
        page.next.position = usable; // a new, shorter log: start over from its end
    } else {
        page.lines = lines.mid(seen, usable - seen);
        page.next.position = usable;
    }
    page.next.delivered = from.delivered + page.lines.size();
    page.complete = ended;
    return page;
}

QString savepointPathFrom(const QJsonValue &data)
{
    if (data.isString())
        return data.toString();
    const QJsonObject object = data.toObject();
    for (const QJsonValue &info : object.value(QLatin1StringView("jobInfos")).toArray()) {
        const QString path = info.toObject().value(QLatin1StringView("savePoint")).toString();
        if (!path.isEmpty())
            return path;
    }
    for (const char *key : {"savePoint", "savePointPath", "path"}) {
        const QString path = object.value(QLatin1StringView(key)).toString();
        if (!path.isEmpty())
            return path;
    }
    return {};
}

ProgressReport progressFromJobDetail(const QJsonObject &jobInfoDetail)
{
    ProgressReport report;
    const QJsonObject job = jobInfoDetail.value(QLatin1StringView("jobDataDto"))
                                .toObject()
                                .value(QLatin1StringView("job"))
                                .toObject();
    qint64 finished = 0;
    qint64 total = 0;
    for (const QJsonValue &entry : job.value(QLatin1StringView("vertices")).toArray()) {
        const QJsonObject vertex = entry.toObject();
        const QString id = vertex.value(QLatin1StringView("id")).toString();
        if (id.isEmpty())
            continue;
        const QJsonObject tasks = vertex.value(QLatin1StringView("tasks")).toObject();
        SubJobProgress row;
        row.id = vertex.value(QLatin1StringView("name")).toString();
        if (row.id.isEmpty())
            row.id = id;
        qint64 sum = 0;
        for (auto it = tasks.constBegin(); it != tasks.constEnd(); ++it) {
            const double count = it.value().toDouble();
            if (!std::isfinite(count) || count < 0 || count > 1.0e7)
                continue;
            const int n = int(count);
            sum += n;
            if (it.key() == u"FINISHED")
                row.succeeded += n;
            else if (it.key() == u"FAILED" || it.key() == u"CANCELED")
                row.failed += n;
            else if (it.key() == u"RUNNING" || it.key() == u"INITIALIZING" || it.key() == u"DEPLOYING")
                row.running += n;
        }
        row.total = int(std::min<qint64>(sum, INT_MAX));
        // Flink's vertex times (epoch ms; -1 while it has not started or ended).
        const auto time = [&](const char *key) {
            const qint64 ms = jsonInteger(vertex.value(QLatin1StringView(key)));
            return ms > 0 && ms <= 253402300799999LL ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC)
                                                     : QDateTime();
        };
        row.start = time("start-time");
        row.end = time("end-time");
        finished += row.succeeded;
        total += row.total;
        report.subJobs.append(row);
    }
    // A streaming job never finishes its tasks: no overall figure until some have.
    if (total > 0 && finished > 0)
        report.progress = std::clamp(double(finished) / double(total), 0.0, 1.0);
    return report;
}

} // namespace JobDeck::Dinky
