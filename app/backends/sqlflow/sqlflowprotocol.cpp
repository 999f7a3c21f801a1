#include "backends/sqlflow/sqlflowprotocol.h"

#include "core/jsonvalues.h"
#include "core/serverzone.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace JobDeck::Sqlflow {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDeck::Sqlflow", text);
}

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

// code arrives as 200 or "200"; -1 when it is neither a number nor a numeric string.
int codeOf(const QJsonValue &code)
{
    if (code.isDouble()) {
        const double value = code.toDouble();
        return value >= -1e9 && value <= 1e9 ? int(value) : -1;
    }
    bool ok = false;
    const int value = code.toString().trimmed().toInt(&ok);
    return ok ? value : -1;
}

QString codeText(const QJsonValue &code)
{
    if (code.isDouble())
        return QString::number(code.toInteger());
    if (code.isString())
        return code.toString().simplified().left(40);
    return {};
}

// The server's message without what a person should not see: a stack trace's lines after the
// first, and anything past a readable length.
QString serverMessage(QString message)
{
    message = message.trimmed();
    if (const qsizetype newline = message.indexOf(u'\n'); newline >= 0)
        message.truncate(newline);
    message = message.trimmed();
    if (message.size() > 500) {
        message.truncate(500);
        message += u'…';
    }
    return message;
}

bool isAboutCredentials(const QString &message)
{
    static const QRegularExpression credentials(
        // About the caller's credentials, not any "token" (a parser's "unexpected token").
        QStringLiteral("(invalid|expired|wrong|bad|missing|illegal|no)\\s+(jwt\\s+)?token|token\\s+(is\\s+)?"
                       "(invalid|expired|missing|required)|token\\s+has\\s+expired|secret\\s*key|"
                       "unauthori[sz]ed|not logged in|log\\s*in again|jwt\\s+signature"),
        QRegularExpression::CaseInsensitiveOption);
    return credentials.match(message).hasMatch();
}

BackendError errorAt(const HttpResponse &response, BackendError::Kind kind, QString message)
{
    return BackendError{kind, std::move(message), response.url, response.status, {}};
}

BackendError noServiceHere(const HttpResponse &response)
{
    return errorAt(response,
                   BackendError::Kind::Refused,
                   tr("This address has no SQLFlow service (HTTP 404); check the URL"));
}

BackendError gatewayError(const HttpResponse &response)
{
    return errorAt(
        response,
        BackendError::Kind::Connection,
        tr("The proxy in front of SQLFlow could not reach it: %1").arg(HttpClient::describeBody(response)));
}

bool looksLikeHtml(const HttpResponse &response)
{
    const QByteArray start = response.body.trimmed().left(64).toLower();
    return response.contentType.toLower().contains("html") || start.startsWith("<!doctype html")
           || start.startsWith("<html");
}

} // namespace

JobState stateFromStatus(QStringView status)
{
    const QString word = status.trimmed().toString().toLower();
    if (word.isEmpty())
        return JobState::Unknown;
    if (word == u"create")
        return JobState::Queued;
    if (word == u"success" || word == u"partial_success")
        return JobState::Succeeded;
    if (word == u"fail")
        return JobState::Failed;
    if (word == u"delete")
        return JobState::Cancelled;
    return JobState::Running; // parsing, analysing, …: whatever the server does meanwhile
}

bool allowsLineage(QStringView status)
{
    const QString word = status.trimmed().toString().toLower();
    return word == u"success" || word == u"partial_success";
}

QTimeZone serverZone(const QString &spec, bool *ok)
{
    if (ok)
        *ok = true;
    if (spec.trimmed().isEmpty())
        return QTimeZone::UTC;
    const QTimeZone zone = parseServerZone(spec);
    if (zone.isValid())
        return zone;
    if (ok)
        *ok = false;
    return QTimeZone::UTC;
}

QDateTime parseTime(const QString &text, const QTimeZone &zone)
{
    // "yyyy-MM-dd HH:mm:ss" at least: a date alone is no time of a job.
    if (text.trimmed().size() < 19)
        return {};
    return serverTimeToUtc(text, zone);
}

qint64 parseExecuteTime(QStringView text)
{
    static const QRegularExpression part(QStringLiteral("(\\d{1,9})\\s*([a-zA-Z]+)"));
    qint64 total = 0;
    bool any = false;
    auto it = part.globalMatchView(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const qint64 n = match.captured(1).toLongLong();
        const QString unit = match.captured(2).toLower();
        qint64 factor = 0;
        if (unit == u"ms" || unit.startsWith(u"milli"))
            factor = 1;
        else if (unit == u"s" || unit.startsWith(u"sec"))
            factor = 1000;
        else if (unit == u"m" || unit.startsWith(u"min"))
            factor = 60'000;
        else if (unit == u"h" || unit.startsWith(u"hour") || unit == u"hr" || unit == u"hrs")
            factor = 3'600'000;
        else if (unit == u"d" || unit.startsWith(u"day"))
            factor = 86'400'000;
        else
            return -1;
        total += n * factor; // at most 1e9 days in ms per part: no overflow yet
        if (total > 1'000'000'000'000'000LL)
            return -1; // longer than anything a server measured
        any = true;
    }
    return any ? total : -1;
}

Result<QJsonObject> decodeAnswer(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (response.status == 404)
            return std::unexpected(noServiceHere(response));
        if (response.status == 502 || response.status == 503 || response.status == 504)
            return std::unexpected(gatewayError(response));
        if (response.status == 401)
            return std::unexpected(errorAt(response,
                                           BackendError::Kind::Authentication,
                                           tr("The server refused the credentials (HTTP 401)")));
        return std::unexpected(
            errorAt(response,
                    BackendError::Kind::Protocol,
                    tr("The server did not answer as SQLFlow: %1").arg(HttpClient::describeBody(response))));
    }
    const QJsonObject object = document.object();
    const QJsonValue code = object.value(QLatin1StringView("code"));
    QString message = serverMessage(text(object, "error"));
    if (message.isEmpty())
        message = serverMessage(text(object, "message"));

    if (code.isUndefined() || code.isNull()) {
        // Not SQLFlow's envelope: Spring's own error page ({timestamp, status, error, path})
        // or something else entirely.
        if (response.status == 404)
            return std::unexpected(noServiceHere(response));
        if (response.status == 502 || response.status == 503 || response.status == 504)
            return std::unexpected(gatewayError(response));
        if (response.status == 401)
            return std::unexpected(
                errorAt(response,
                        BackendError::Kind::Authentication,
                        message.isEmpty() ? tr("The server refused the credentials (HTTP 401)") : message));
        if (response.status >= 400 && !message.isEmpty())
            return std::unexpected(errorAt(response,
                                           isAboutCredentials(message) ? BackendError::Kind::Authentication
                                                                       : BackendError::Kind::Refused,
                                           tr("HTTP %1: %2").arg(response.status).arg(message)));
        return std::unexpected(errorAt(response,
                                       BackendError::Kind::Protocol,
                                       tr("The server did not answer as SQLFlow (no code): %1")
                                           .arg(HttpClient::describeBody(response))));
    }

    const int value = codeOf(code);
    if (value == 200 && response.status < 400)
        return object;
    if (value == 200 && message.isEmpty() && response.status == 404)
        return std::unexpected(noServiceHere(response));
    if (value == 200 && message.isEmpty() && response.status >= 502 && response.status <= 504)
        return std::unexpected(gatewayError(response));
    BackendError error = errorAt(response, BackendError::Kind::Refused, message);
    error.serverCode = codeText(code);
    if (error.message.isEmpty())
        error.message
            = value == 200
                  ? tr("The server answered HTTP %1 without a message").arg(response.status)
                  : tr("The server refused the request (code %1) without saying why").arg(error.serverCode);
    if (response.status == 401 || value == 401 || isAboutCredentials(message))
        error.kind = BackendError::Kind::Authentication;
    return std::unexpected(error);
}

Result<QString> decodeToken(const HttpResponse &response)
{
    const Result<QJsonObject> answer = decodeAnswer(response);
    if (!answer) {
        BackendError error = answer.error();
        if (error.kind == BackendError::Kind::Refused && response.status != 404) {
            error.kind = BackendError::Kind::Authentication;
            error.message = tr("SQLFlow refused the user id or secret key: %1").arg(error.message);
        }
        return std::unexpected(error);
    }
    QString token = text(*answer, "token");
    const QJsonValue data = answer->value(QLatin1StringView("data"));
    if (token.isEmpty() && data.isString())
        token = data.toString();
    if (token.isEmpty() && data.isObject())
        token = text(data.toObject(), "token");
    token = token.trimmed();
    if (token.isEmpty())
        return std::unexpected(
            errorAt(response,
                    BackendError::Kind::Protocol,
                    tr("The token answer holds no token: %1").arg(HttpClient::describeBody(response))));
    return token;
}

Job jobFromSummary(const QJsonObject &summary, const QTimeZone &zone)
{
    Job job;
    job.backend = QStringLiteral("sqlflow");
    job.id = text(summary, "jobId");
    job.ids.sqlflowJobId = job.id;
    job.name = text(summary, "jobName");
    job.rawStatus = text(summary, "status");
    job.state = stateFromStatus(job.rawStatus);
    job.submitter = text(summary, "userId");
    job.engine = text(summary, "dbVendor");
    if (job.engine.isEmpty())
        job.engine = text(summary, "dbvendor");
    for (const QJsonValue &file : summary.value(QLatin1StringView("fileNames")).toArray()) {
        if (file.isString())
            job.files.append(file.toString());
    }
    job.submitted = parseTime(text(summary, "createTime"), zone);
    if (job.isTerminal()) {
        const QDateTime last = parseTime(text(summary, "lastExecuteTime"), zone);
        if (last.isValid())
            job.ended = last;
        // executeTimeMillis is 0 in every documented sample; executeTime says "0min 1sec".
        if (const qint64 millis = jsonInteger(summary.value(QLatin1StringView("executeTimeMillis")), 0);
            millis > 0)
            job.durationMs = millis;
        else
            job.durationMs = parseExecuteTime(text(summary, "executeTime"));
    }
    QString serverError = serverMessage(text(summary, "errorMessage"));
    if (serverError.isEmpty())
        serverError = serverMessage(text(summary, "error"));
    const QString word = job.rawStatus.trimmed().toLower();
    if (word == u"fail") {
        job.errorMessage = serverError.isEmpty() ? tr("SQLFlow could not analyse the SQL") : serverError;
    } else if (word == u"partial_success") {
        // Succeeded as far as the user's next steps go (the lineage can be exported), but
        // some statements were not understood: say so wherever the job is shown.
        job.errorMessage = serverError.isEmpty()
                               ? tr("Partial success: some statements could not be analysed")
                               : tr("Partial success: %1").arg(serverError);
    }
    return job;
}

Result<Job> decodeJob(const HttpResponse &response, const QString &jobId, const QTimeZone &zone)
{
    const Result<QJsonObject> answer = decodeAnswer(response);
    if (!answer)
        return std::unexpected(answer.error());
    const QJsonValue data = answer->value(QLatin1StringView("data"));
    const auto noSuchJob = [&] {
        return std::unexpected(
            errorAt(response, BackendError::Kind::Refused, tr("SQLFlow has no job %1").arg(jobId)));
    };
    const auto notProtocol = [&](const QString &why) {
        return std::unexpected(errorAt(response,
                                       BackendError::Kind::Protocol,
                                       tr("The server did not answer as SQLFlow: %1 (%2)")
                                           .arg(why, HttpClient::describeBody(response))));
    };
    if ((data.isNull() || data.isUndefined()) && !jobId.isEmpty())
        return noSuchJob();
    if (!data.isObject())
        return notProtocol(tr("the answer has no job"));
    const QJsonObject object = data.toObject();
    const QJsonValue details = object.value(QLatin1StringView("jobDetails"));
    if (details.isArray()
        || (object.contains(QLatin1StringView("jobIds")) && !object.contains(QLatin1StringView("jobId")))) {
        // The aggregate shape of the API reference.
        if (jobId.isEmpty())
            return notProtocol(tr("a summary of all jobs where one job was expected"));
        for (const QJsonValue &entry : details.toArray()) {
            const QJsonObject summary = entry.toObject();
            if (text(summary, "jobId") == jobId) {
                Job job = jobFromSummary(summary, zone);
                return job;
            }
        }
        return noSuchJob();
    }
    Job job = jobFromSummary(object, zone);
    if (job.id.isEmpty())
        return notProtocol(tr("the job has no jobId"));
    if (!jobId.isEmpty() && job.id != jobId)
        return notProtocol(tr("asked for job %1, the answer is about job %2").arg(jobId, job.id));
    return job;
}

Result<JobList> decodeJobList(const HttpResponse &response, const QTimeZone &zone)
{
    const Result<QJsonObject> answer = decodeAnswer(response);
    if (!answer)
        return std::unexpected(answer.error());
    const QJsonValue data = answer->value(QLatin1StringView("data"));
    if (!data.isObject())
        return std::unexpected(errorAt(response,
                                       BackendError::Kind::Protocol,
                                       tr("The server did not answer as SQLFlow: no job summary (%1)")
                                           .arg(HttpClient::describeBody(response))));
    const QJsonObject object = data.toObject();
    JobList list;
    for (const QJsonValue &entry : object.value(QLatin1StringView("jobDetails")).toArray()) {
        Job job = jobFromSummary(entry.toObject(), zone);
        if (!job.id.isEmpty())
            list.jobs.append(job);
    }
    // Newest first, whatever order the server keeps; jobs without a time go last.
    std::stable_sort(list.jobs.begin(), list.jobs.end(), [](const Job &a, const Job &b) {
        if (a.submitted.isValid() != b.submitted.isValid())
            return a.submitted.isValid();
        return a.submitted > b.submitted;
    });
    list.total
        = std::max<qint64>(jsonInteger(object.value(QLatin1StringView("total")), -1), list.jobs.size());
    return list;
}

bool isArtefact(const HttpResponse &head, bool complete, bool emptyIsValid)
{
    if (head.status >= 400 || head.status < 200)
        return false;
    const QByteArray trimmed = head.body.trimmed();
    if (trimmed.isEmpty())
        return !complete || emptyIsValid;
    if (looksLikeHtml(head))
        return false;
    if (complete && trimmed.startsWith('{')) {
        // Error answers are small envelopes; a JSON artefact with code 200 is still one.
        const QJsonDocument document = QJsonDocument::fromJson(trimmed);
        if (document.isObject()) {
            const QJsonObject object = document.object();
            const QJsonValue code = object.value(QLatin1StringView("code"));
            if (!code.isUndefined() && !code.isNull())
                return codeOf(code) == 200;
            // Spring's error page.
            if (object.contains(QLatin1StringView("error")) && object.contains(QLatin1StringView("status")))
                return false;
        }
    }
    return true;
}

BackendError artefactError(const HttpResponse &response)
{
    const Result<QJsonObject> answer = decodeAnswer(response);
    if (!answer)
        return answer.error();
    return errorAt(response,
                   BackendError::Kind::Protocol,
                   tr("The server sent no lineage file but %1").arg(HttpClient::describeBody(response)));
}

QByteArray boundaryFor(const QList<FormPart> &parts)
{
    static constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (;;) {
        QByteArray boundary = "----JobDeckFormBoundary";
        for (int i = 0; i < 24; ++i)
            boundary += Alphabet[QRandomGenerator::global()->bounded(int(sizeof(Alphabet) - 1))];
        const bool clash = std::any_of(
            parts.cbegin(), parts.cend(), [&](const FormPart &part) { return part.data.contains(boundary); });
        if (!clash)
            return boundary;
    }
}

namespace {
// Quoted-string parameters of Content-Disposition, escaped the way browsers do (WHATWG).
QByteArray dispositionValue(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    bytes.replace('"', "%22");
    bytes.replace('\r', "%0D");
    bytes.replace('\n', "%0A");
    return bytes;
}
} // namespace

QByteArray multipartBody(const QList<FormPart> &parts, const QByteArray &boundary)
{
    qsizetype size = 64;
    for (const FormPart &part : parts)
        size += part.data.size() + boundary.size() + 160 + part.fileName.size() * 3;
    QByteArray body;
    body.reserve(size);
    for (const FormPart &part : parts) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + dispositionValue(part.name) + '"';
        if (!part.fileName.isEmpty()) {
            body += "; filename=\"" + dispositionValue(part.fileName) + "\"\r\n";
            body += "Content-Type: "
                    + (part.contentType.isEmpty() ? QByteArray("application/octet-stream") : part.contentType)
                    + "\r\n";
        } else {
            body += "\r\nContent-Type: text/plain; charset=UTF-8\r\n";
        }
        body += "\r\n";
        body += part.data;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

QByteArray multipartContentType(const QByteArray &boundary)
{
    return "multipart/form-data; boundary=" + boundary;
}

QByteArray urlEncodedForm(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QByteArray fileContentType(const QString &fileName)
{
    return fileName.endsWith(u".zip", Qt::CaseInsensitive) ? QByteArray("application/zip")
                                                           : QByteArray("application/octet-stream");
}

} // namespace JobDeck::Sqlflow
