#include "backends/kylin/kylinprotocol.h"

#include "backends/backend.h"

#include "core/jsonvalues.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace JobDeck::Kylin {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDeck::Kylin", text);
}

QJsonValue field(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key));
}

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = field(object, key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

// Epoch ms as a number or a string; 0, negative or unreadable = not set.
qint64 number(const QJsonValue &value)
{
    double n = 0;
    if (value.isDouble())
        n = value.toDouble();
    else if (value.isString())
        n = value.toString().trimmed().toDouble();
    if (!std::isfinite(n) || n <= 0 || n > 9.0e15)
        return 0;
    return qint64(n);
}

QDateTime msToUtc(const QJsonValue &value)
{
    const qint64 ms = number(value);
    // Beyond year 9999 (5.x data_range_end is Long.MAX_VALUE) is no time.
    if (ms <= 0 || ms > 253402300799999LL)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
}

BackendError makeError(BackendError::Kind kind, QString message, const HttpResponse &response)
{
    BackendError error;
    error.kind = kind;
    error.message = std::move(message);
    error.url = response.url;
    error.httpStatus = response.status;
    return error;
}

// A Kylin ErrorResponse: {code, data, msg, exception, stacktrace, url} (+ 5.x suggestion,
// error_code). Only the message goes to people; the stack trace never does.
BackendError errorFromObject(const QJsonObject &object, const HttpResponse &response)
{
    QString message = text(object, "msg").trimmed();
    if (message.isEmpty())
        message = text(object, "message").trimmed();
    if (message.isEmpty())
        message = text(object, "exception").trimmed();
    // A Java exception class with its message, "java.lang.IllegalStateException: ...", keeps
    // the message.
    const QString suggestion = text(object, "suggestion").trimmed();
    if (!suggestion.isEmpty() && !message.contains(suggestion))
        message = message.isEmpty() ? suggestion : tr("%1 (%2)").arg(message, suggestion);
    BackendError::Kind kind = BackendError::Kind::Refused;
    if (response.status == 401)
        kind = BackendError::Kind::Authentication;
    else if (response.status == 502 || response.status == 503 || response.status == 504)
        kind = BackendError::Kind::Connection;
    if (message.isEmpty()) {
        message
            = kind == BackendError::Kind::Authentication
                  ? tr("Kylin refused the user name or password (HTTP 401)")
                  : tr("The Kylin server reported an error without a message (HTTP %1)").arg(response.status);
    }
    BackendError error = makeError(kind, message, response);
    error.serverCode = text(object, "error_code");
    if (error.serverCode.isEmpty())
        error.serverCode = text(object, "code");
    return error;
}

bool looksLikeError(const QJsonObject &object)
{
    const QJsonValue code = field(object, "code");
    const bool failedCode
        = (code.isString() && code.toString() != u"000") || (code.isDouble() && code.toInt() != 0);
    return failedCode || object.contains(QLatin1StringView("stacktrace"))
           || object.contains(QLatin1StringView("exception"));
}

// The error an answer without usable JSON stands for.
BackendError nonJsonError(const HttpResponse &response, const QString &why)
{
    const QString what = HttpClient::describeBody(response);
    switch (response.status) {
    case 401:
        return makeError(BackendError::Kind::Authentication,
                         tr("Kylin refused the user name or password (HTTP 401)"),
                         response);
    case 403:
        return makeError(
            BackendError::Kind::Refused, tr("Kylin denied access (HTTP 403): %1").arg(what), response);
    case 404:
        return makeError(BackendError::Kind::Refused,
                         tr("This address has no Kylin REST API (HTTP 404); check the URL"),
                         response);
    case 502:
    case 503:
    case 504:
        return makeError(BackendError::Kind::Connection,
                         tr("The gateway could not reach the Kylin server behind it: %1").arg(what),
                         response);
    default:
        return makeError(BackendError::Kind::Protocol,
                         tr("The server did not answer as Kylin: %1").arg(why.isEmpty() ? what : why),
                         response);
    }
}

struct StatusCode
{
    QStringView word;
    int code;
    JobState state;
    bool since5;
};

constexpr std::array JobStatuses{
    StatusCode{u"NEW", 0, JobState::Queued, false},
    StatusCode{u"PENDING", 1, JobState::Queued, false},
    StatusCode{u"RUNNING", 2, JobState::Running, false},
    StatusCode{u"FINISHED", 4, JobState::Succeeded, false},
    StatusCode{u"ERROR", 8, JobState::Failed, false},
    StatusCode{u"DISCARDED", 16, JobState::Cancelled, false},
    StatusCode{u"STOPPED", 32, JobState::Paused, false},
    StatusCode{u"SUICIDAL", 64, JobState::Cancelled, true},
    StatusCode{u"STARTING", 128, JobState::Queued, true},
    StatusCode{u"STOPPING", 256, JobState::Running, true},
    StatusCode{u"LAUNCHING_ERROR", 512, JobState::Failed, true},
    StatusCode{u"SKIP", 1024, JobState::Succeeded, true},
    StatusCode{u"WARNING", 2048, JobState::Succeeded, true},
};

double clampProgress(double value)
{
    if (!std::isfinite(value) || value < 0)
        return -1;
    return std::min(value, 1.0);
}

} // namespace

std::optional<Generation> generationFromVersion(QStringView version)
{
    const QString v = version.trimmed().toString().toLower();
    if (v.isEmpty())
        return std::nullopt;
    if (v == u"2.1" || v.startsWith(u"2.1."))
        return Generation::V2;
    if (v == u"2" || v.startsWith(u"2."))
        return Generation::V1Legacy;
    if (v == u"3" || v == u"4" || v.startsWith(u"3.") || v.startsWith(u"4."))
        return Generation::V1;
    if (v == u"5" || v.startsWith(u"5."))
        return Generation::V5;
    return std::nullopt;
}

QString generationName(Generation generation)
{
    switch (generation) {
    case Generation::V2:
        return QStringLiteral("2.1");
    case Generation::V1:
        return QStringLiteral("3");
    case Generation::V1Legacy:
        return QStringLiteral("2");
    case Generation::V5:
        return QStringLiteral("5");
    case Generation::Unknown:
        break;
    }
    return {};
}

Result<QJsonValue> decodeBody(const HttpResponse &response, bool envelope)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return std::unexpected(nonJsonError(response, {}));
    if (document.isObject()) {
        const QJsonObject object = document.object();
        const bool failedStatus = response.status >= 300 || response.status < 200;
        if (failedStatus
            || (looksLikeError(object) && (envelope || object.contains(QLatin1StringView("msg")))))
            return std::unexpected(errorFromObject(object, response));
        if (!envelope)
            return QJsonValue(object);
        const QJsonValue code = field(object, "code");
        if (!code.isString() || !object.contains(QLatin1StringView("data")))
            return std::unexpected(makeError(BackendError::Kind::Protocol,
                                             tr("The server did not answer with Kylin's envelope: %1")
                                                 .arg(HttpClient::describeBody(response)),
                                             response));
        return field(object, "data");
    }
    // An array: a v1 list. Never right for an error status or where an envelope is due.
    if (response.status >= 300 || response.status < 200)
        return std::unexpected(nonJsonError(response, {}));
    if (envelope)
        return std::unexpected(makeError(
            BackendError::Kind::Protocol,
            tr("The server did not answer with Kylin's envelope: %1").arg(HttpClient::describeBody(response)),
            response));
    return QJsonValue(document.array());
}

Result<Authentication> decodeAuthentication(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(nonJsonError(response, {}));
    const QJsonObject object = document.object();
    if (response.status < 200 || response.status >= 300 || looksLikeError(object)) {
        BackendError error = errorFromObject(object, response);
        if (response.status == 401 || response.status == 403)
            error.kind = BackendError::Kind::Authentication;
        return std::unexpected(error);
    }
    Authentication answer;
    const QJsonValue code = field(object, "code");
    QJsonObject user;
    if (code.isString()) {
        answer.enveloped = true;
        user = field(object, "data").toObject();
    } else {
        user = field(object, "userDetails").toObject();
        if (user.isEmpty())
            user = object;
    }
    answer.userName = text(user, "username");
    return answer;
}

Result<Generation> decodeV2Probe(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    const bool json = parseError.error == QJsonParseError::NoError && !document.isNull();
    if (json && document.isObject() && field(document.object(), "code").isString()) {
        if (response.status == 401)
            return std::unexpected(errorFromObject(document.object(), response));
        return Generation::V2; // the v2 controller answered, even if with an error
    }
    // 406 Not Acceptable (no controller produces v2), a bare body, or anything else that is
    // not an envelope: the v1 API.
    if (!json
        && (response.status == 401 || response.status == 502 || response.status == 503
            || response.status == 504))
        return std::unexpected(nonJsonError(response, {}));
    return Generation::V1;
}

JobStep stepFromInstance(const QJsonObject &step)
{
    JobStep out;
    out.id = text(step, "id");
    out.name = text(step, "name");
    out.rawStatus = text(step, "step_status");
    out.state = stateFromStepStatus(out.rawStatus);
    out.start = msToUtc(field(step, "exec_start_time"));
    out.end = msToUtc(field(step, "exec_end_time"));
    out.command = text(step, "exec_cmd");
    // The server's step number: sequence_id, or the id's "-NN" / "_NN" ending (5.x detail).
    const QJsonValue sequence = field(step, "sequence_id");
    out.sequence = sequence.isDouble() ? sequence.toInt(-1) : stepSequence(out.id);
    // JobInstance.JobStep's exec_wait_time is in seconds, 5.x's wait_time in ms.
    const auto wait = [](const QJsonValue &value, qint64 unitMs) -> qint64 {
        const qint64 n = jsonInteger(value, -1);
        return n < 0 || n > 9'000'000'000LL ? -1 : n * unitMs;
    };
    if (const QJsonValue ms = field(step, "wait_time"); !ms.isUndefined() && !ms.isNull())
        out.waitMs = wait(ms, 1);
    else
        out.waitMs = wait(field(step, "exec_wait_time"), 1000);
    return out;
}

Job jobFromInstance(const QJsonObject &instance, Generation generation)
{
    Job job;
    job.backend = QStringLiteral("kylin");
    job.ids.kylinJobUuid = text(instance, "uuid");
    if (job.ids.kylinJobUuid.isEmpty())
        job.ids.kylinJobUuid = text(instance, "id");
    job.id = job.ids.kylinJobUuid;
    job.name = text(instance, "name");
    if (job.name.isEmpty())
        job.name = text(instance, "job_name");
    // 5.x names a job by its type ("INDEX_BUILD"); the model says which one.
    const QString subject = text(instance, "target_subject");
    if (!subject.isEmpty() && !job.name.contains(subject))
        job.name = job.name.isEmpty() ? subject : tr("%1 – %2").arg(job.name, subject);
    for (const char *key : {"project_name", "project", "projectName"}) {
        if (job.project.isEmpty())
            job.project = text(instance, key);
    }
    job.ids.kylinProject = job.project;
    job.rawStatus = text(instance, "job_status");
    job.state = stateFromJobStatus(job.rawStatus);
    job.submitter = text(instance, "submitter");
    job.engine = text(instance, "type");
    if (job.engine.isEmpty())
        job.engine = QStringLiteral("kylin");

    // Progress: 5.x step_ratio 0..1, else percent of finished steps.
    const QJsonValue ratio = field(instance, "step_ratio");
    const QJsonValue percent = field(instance, "progress");
    if (ratio.isDouble())
        job.progress = clampProgress(ratio.toDouble());
    else if (percent.isDouble())
        job.progress = clampProgress(percent.toDouble() / 100.0);
    else if (percent.isString()) {
        bool ok = false;
        const double value = percent.toString().toDouble(&ok);
        job.progress = ok ? clampProgress(value / 100.0) : -1;
    }
    if (job.state == JobState::Succeeded)
        job.progress = 1.0;

    job.started = msToUtc(field(instance, "exec_start_time"));
    job.submitted = msToUtc(field(instance, "create_time"));
    if (!job.submitted.isValid())
        job.submitted = job.started;
    if (job.isTerminal())
        job.ended = msToUtc(field(instance, "exec_end_time"));
    const QJsonValue duration = field(instance, "duration");
    if (duration.isDouble() && std::isfinite(duration.toDouble()) && duration.toDouble() >= 0
        && duration.toDouble() < 9.0e12) {
        const double value = duration.toDouble();
        job.durationMs = durationsInMs(generation) ? qint64(value) : qint64(std::llround(value * 1000.0));
        if (job.durationMs == 0 && !job.started.isValid())
            job.durationMs = -1; // not started yet: no duration
    }

    const QJsonArray steps = field(instance, "steps").toArray();
    QList<std::pair<int, JobStep>> ordered;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        if (step.isEmpty())
            continue;
        const QJsonValue sequence = field(step, "sequence_id");
        const int order = sequence.isDouble() ? sequence.toInt() : int(i);
        ordered.append({order, stepFromInstance(step)});
        if (job.errorMessage.isEmpty())
            job.errorMessage = text(step, "failed_msg");
    }
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &entry : std::as_const(ordered))
        job.steps.append(entry.second);
    return job;
}

Result<Job> decodeJob(const HttpResponse &response, Generation generation)
{
    const Result<QJsonValue> body = decodeBody(response, isEnveloped(generation));
    if (!body)
        return std::unexpected(body.error());
    const QJsonObject instance = body->toObject();
    Job job = jobFromInstance(instance, generation);
    if (job.id.isEmpty())
        return std::unexpected(
            makeError(BackendError::Kind::Protocol,
                      tr("The server's answer has no job: %1").arg(HttpClient::describeBody(response)),
                      response));
    return job;
}

Result<JobPage> decodeJobList(const HttpResponse &response, Generation generation)
{
    const Result<QJsonValue> body = decodeBody(response, isEnveloped(generation));
    if (!body)
        return std::unexpected(body.error());
    JobPage page;
    QJsonArray rows;
    if (body->isArray()) {
        rows = body->toArray();
    } else if (body->isObject()) {
        const QJsonObject data = body->toObject();
        if (data.contains(QLatin1StringView("jobs"))) {
            rows = field(data, "jobs").toArray();
            page.totalRows = std::max<qint64>(-1, jsonInteger(field(data, "size"), -1));
        } else if (data.contains(QLatin1StringView("value"))) {
            rows = field(data, "value").toArray();
            page.totalRows = std::max<qint64>(-1, jsonInteger(field(data, "total_size"), -1));
        } else {
            return std::unexpected(
                makeError(BackendError::Kind::Protocol,
                          tr("The job list answer has neither a “jobs” nor a “value” field: %1")
                              .arg(HttpClient::describeBody(response)),
                          response));
        }
    } else {
        return std::unexpected(
            makeError(BackendError::Kind::Protocol,
                      tr("The job list is not a list: %1").arg(HttpClient::describeBody(response)),
                      response));
    }
    for (const QJsonValue &row : std::as_const(rows)) {
        Job job = jobFromInstance(row.toObject(), generation);
        if (!job.id.isEmpty())
            page.jobs.append(job);
    }
    return page;
}

Result<QList<JobStep>> decodeStepDetail(const HttpResponse &response, QString *failure)
{
    const Result<QJsonValue> body = decodeBody(response, true);
    if (!body)
        return std::unexpected(body.error());
    if (!body->isArray())
        return std::unexpected(
            makeError(BackendError::Kind::Protocol,
                      tr("The job detail is not a list of steps: %1").arg(HttpClient::describeBody(response)),
                      response));
    QList<JobStep> steps;
    for (const QJsonValue &row : body->toArray()) {
        const QJsonObject step = row.toObject();
        if (step.isEmpty())
            continue;
        steps.append(stepFromInstance(step));
        if (failure && failure->isEmpty())
            *failure = text(step, "failed_msg");
    }
    return steps;
}

Result<QString> decodeStepOutput(const HttpResponse &response, Generation generation)
{
    const Result<QJsonValue> body = decodeBody(response, isEnveloped(generation));
    if (!body)
        return std::unexpected(body.error());
    if (!body->isObject())
        return std::unexpected(
            makeError(BackendError::Kind::Protocol,
                      tr("The step output is not an object: %1").arg(HttpClient::describeBody(response)),
                      response));
    const QJsonValue output = field(body->toObject(), "cmd_output");
    if (output.isString())
        return output.toString();
    if (output.isNull() || output.isUndefined())
        return QString();
    return std::unexpected(
        makeError(BackendError::Kind::Protocol,
                  tr("The step output's cmd_output is not text: %1").arg(HttpClient::describeBody(response)),
                  response));
}

bool isHeadTailSeparator(QStringView line)
{
    return line.size() == 64 && std::all_of(line.begin(), line.end(), [](QChar c) { return c == u'='; });
}

QStringList outputLines(const QString &output, bool headAndTail)
{
    QStringList lines;
    QStringView rest(output);
    if (rest.endsWith(u'\n'))
        rest.chop(1);
    if (rest.endsWith(u'\r'))
        rest.chop(1);
    if (rest.isEmpty())
        return lines;
    for (QStringView line : rest.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (headAndTail && isHeadTailSeparator(line))
            lines.append(tr("… (Kylin 5 shows only the first and the last 100 lines of a step's output: "
                            "the middle is left out) …"));
        else
            lines.append(line.toString());
    }
    return lines;
}

Result<bool> decodeAcknowledgement(const HttpResponse &response)
{
    const Result<QJsonValue> body = decodeBody(response, true);
    if (!body)
        return std::unexpected(body.error());
    return true;
}

JobState stateFromJobStatus(QStringView status)
{
    for (const StatusCode &entry : JobStatuses) {
        if (entry.word == status)
            return entry.state;
    }
    return JobState::Unknown;
}

JobState stateFromStepStatus(QStringView status)
{
    // Steps: WAITING(32), KILLED(64), STOPPED(128); the rest as for jobs.
    if (status == u"WAITING")
        return JobState::Queued;
    if (status == u"KILLED")
        return JobState::Cancelled;
    return stateFromJobStatus(status);
}

int jobStatusCode(QStringView word, Generation generation)
{
    const QString upper = word.trimmed().toString().toUpper();
    bool isNumber = false;
    const int code = upper.toInt(&isNumber);
    for (const StatusCode &entry : JobStatuses) {
        if (entry.since5 && generation != Generation::V5)
            continue;
        if ((isNumber && entry.code == code) || (!isNumber && entry.word == upper))
            return entry.code;
    }
    return -1;
}

QList<int> statusCodesFor(JobState state, Generation generation)
{
    QList<int> codes;
    for (const StatusCode &entry : JobStatuses) {
        if (entry.since5 && generation != Generation::V5)
            continue;
        if (entry.state == state)
            codes.append(entry.code);
    }
    return codes;
}

int timeFilterFor(const QDateTime &since, const QDateTime &now, Generation generation)
{
    // LAST_ONE_DAY, LAST_ONE_WEEK, LAST_ONE_MONTH, LAST_ONE_YEAR, ALL (2.x, 5.x: 0..4);
    // 3.x-4.x put CURRENT_DAY first, so their codes are one higher.
    int code = 4;
    if (since.isValid()) {
        if (since >= now.addDays(-1))
            code = 0;
        else if (since >= now.addDays(-7))
            code = 1;
        else if (since >= now.addMonths(-1))
            code = 2;
        else if (since >= now.addYears(-1))
            code = 3;
    }
    return generation == Generation::V1 ? code + 1 : code;
}

int stepSequence(QStringView stepId)
{
    qsizetype end = stepId.size();
    qsizetype begin = end;
    while (begin > 0 && stepId.at(begin - 1).isDigit())
        --begin;
    if (begin == end || begin == 0 || end - begin > 6)
        return -1;
    const QChar separator = stepId.at(begin - 1);
    if (separator != u'-' && separator != u'_')
        return -1;
    return stepId.mid(begin).toInt();
}

JobActions actionsFor(const Job &job)
{
    JobActions actions;
    const QString &raw = job.rawStatus;
    actions.drop = raw == u"FINISHED" || raw == u"DISCARDED" || raw == u"SUICIDAL";
    actions.pause = raw == u"RUNNING" || raw == u"PENDING" || raw == u"NEW" || raw == u"STARTING";
    actions.resume = raw == u"STOPPED" || raw == u"ERROR" || raw == u"LAUNCHING_ERROR";
    // Discard: anything that has not finished or been discarded; an ERROR job is resumable,
    // so it can still be discarded (which is what makes it droppable).
    actions.kill = !(actions.drop || raw == u"SKIP" || raw == u"WARNING") && !raw.isEmpty();
    return actions;
}

bool stepHasEnded(const JobStep &step, bool jobEnded)
{
    const QString &raw = step.rawStatus;
    if (raw == u"FINISHED" || raw == u"ERROR" || raw == u"DISCARDED" || raw == u"KILLED" || raw == u"SKIP"
        || raw == u"WARNING" || raw == u"SUICIDAL" || raw == u"LAUNCHING_ERROR")
        return true;
    if (raw == u"STOPPED" && step.start.isValid())
        return true;
    return jobEnded;
}

Result<ResultPage> decodeQueryResult(const HttpResponse &response, bool envelope, int limit)
{
    const Result<QJsonValue> body = decodeBody(response, envelope);
    if (!body)
        return std::unexpected(body.error());
    const QJsonObject answer = body->toObject();
    if (field(answer, "isException").toBool()) {
        QString message = text(answer, "exceptionMessage").trimmed();
        // Calcite's messages carry the Java exception's class in front; the user wants the sentence.
        static const QRegularExpression javaClass(
            QStringLiteral("^([a-z]+\\.)+[A-Za-z]+(Exception|Error): "));
        message.remove(javaClass);
        return std::unexpected(makeError(BackendError::Kind::Refused,
                                         message.isEmpty() ? tr("Kylin could not run the query") : message,
                                         response));
    }
    ResultPage page;
    for (const QJsonValue &meta : field(answer, "columnMetas").toArray()) {
        const QJsonObject column = meta.toObject();
        QString label = text(column, "label");
        if (label.isEmpty())
            label = text(column, "name");
        page.columns.append(label);
        QString type = text(column, "columnTypeName").toLower();
        const int precision = jsonInteger(field(column, "precision"), 0);
        const int scale = jsonInteger(field(column, "scale"), 0);
        if (type == u"decimal" && precision > 0)
            type += QStringLiteral("(%1,%2)").arg(precision).arg(scale);
        page.columnTypes.append(type);
    }
    for (const QJsonValue &row : field(answer, "results").toArray()) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray()) {
            if (cell.isNull() || cell.isUndefined())
                cells.append(QString());
            else if (cell.isString())
                cells.append(cell.toString().isEmpty() ? QStringLiteral("") : cell.toString());
            else
                cells.append(cell.toVariant().toString());
        }
        page.rows.append(cells);
    }
    page.hasMore = limit > 0 && page.rows.size() >= limit;
    page.totalRows = -1; // Kylin does not count a query's rows beyond the page
    return page;
}

Result<QJsonArray> decodeTables(const HttpResponse &response, bool envelope)
{
    return decodeList(response, envelope, tr("table list"));
}

Result<QJsonArray> decodeList(const HttpResponse &response, bool envelope, const QString &what)
{
    const Result<QJsonValue> body = decodeBody(response, envelope);
    if (!body)
        return std::unexpected(body.error());
    if (body->isArray())
        return body->toArray();
    const QJsonObject data = body->toObject();
    for (const char *key : {"value", "tables", "models", "cubes"}) {
        const QJsonValue list = field(data, key);
        if (list.isArray())
            return list.toArray();
    }
    return std::unexpected(
        makeError(BackendError::Kind::Protocol,
                  tr("The server's %1 is not a list: %2").arg(what, HttpClient::describeBody(response)),
                  response));
}

namespace {
// "DEFAULT.KYLIN_SALES": the database part, or empty.
QString databaseOf(const QString &qualified)
{
    const qsizetype dot = qualified.indexOf(u'.');
    return dot > 0 ? qualified.left(dot) : QString();
}

// A 5.x measure's parameters (parameter_value) or a 2.x-4.x one's (function.parameter,
// with next_parameter for more): "SUM(KYLIN_SALES.PRICE)".
QString measureText(const QString &expression, const QJsonValue &parameters)
{
    QStringList values;
    if (parameters.isArray()) {
        for (const QJsonValue &p : parameters.toArray())
            values.append(text(p.toObject(), "value"));
    } else {
        QJsonObject p = parameters.toObject();
        for (int depth = 0; !p.isEmpty() && depth < 16; ++depth) {
            values.append(text(p, "value"));
            p = field(p, "next_parameter").toObject();
        }
    }
    values.removeAll(QString());
    return expression.isEmpty() ? values.join(u", ") : expression + u'(' + values.join(u", ") + u')';
}

SchemaColumn measure(const QString &name, const QString &definition, const QString &type)
{
    return {name, type.isEmpty() ? definition : QString(definition + u", " + type), tr("measure"), false};
}
} // namespace

QList<ProjectModel> readModels(const QJsonArray &models)
{
    QList<ProjectModel> found;
    for (const QJsonValue &value : models) {
        const QJsonObject m = value.toObject();
        ProjectModel model;
        // 5.x names a model by its alias (its "name" in responses); 2.x-4.x by "name".
        model.name = text(m, "alias").isEmpty() ? text(m, "name") : text(m, "alias");
        model.factTable = text(m, "fact_table");
        model.database = databaseOf(model.factTable);
        model.status = text(m, "status");
        if (model.name.isEmpty())
            continue;
        if (field(m, "simplified_dimensions").isArray() || field(m, "simplified_measures").isArray()) {
            for (const QJsonValue &d : field(m, "simplified_dimensions").toArray()) {
                const QJsonObject dimension = d.toObject();
                // Only the columns in use as dimensions (status DIMENSION), as Kylin lists them.
                const QString status = text(dimension, "status");
                if (!status.isEmpty() && status != u"DIMENSION")
                    continue;
                model.members.append(
                    {text(dimension, "name"), text(dimension, "column"), tr("dimension"), false});
            }
            for (const QJsonValue &v : field(m, "simplified_measures").toArray()) {
                const QJsonObject me = v.toObject();
                model.members.append(
                    measure(text(me, "name"),
                            measureText(text(me, "expression"), field(me, "parameter_value")),
                            text(me, "return_type")));
            }
        } else {
            for (const QJsonValue &d : field(m, "dimensions").toArray()) {
                const QJsonObject dimension = d.toObject();
                const QString table = text(dimension, "table");
                for (const QJsonValue &c : field(dimension, "columns").toArray()) {
                    const QString column = c.toString();
                    model.members.append({column, table + u'.' + column, tr("dimension"), false});
                }
            }
            for (const QJsonValue &metric : field(m, "metrics").toArray()) {
                const QString column = metric.toString();
                model.members.append(measure(column.mid(column.lastIndexOf(u'.') + 1), column, {}));
            }
        }
        model.membersRead = true;
        found.append(model);
    }
    return found;
}

QList<ProjectModel> readCubes(const QJsonArray &cubes, const QList<ProjectModel> &models)
{
    QList<ProjectModel> found;
    for (const QJsonValue &value : cubes) {
        const QJsonObject c = value.toObject();
        ProjectModel cube;
        cube.kind = SchemaTable::Kind::Cube;
        cube.name = text(c, "name");
        cube.status = text(c, "status");
        cube.model = text(c, "model");
        if (cube.name.isEmpty())
            continue;
        for (const ProjectModel &model : models) {
            if (model.name == cube.model) {
                cube.factTable = model.factTable;
                cube.database = model.database;
            }
        }
        found.append(cube);
    }
    return found;
}

QList<SchemaColumn> readCubeMembers(const QJsonArray &descriptors)
{
    QList<SchemaColumn> members;
    const QJsonObject desc = descriptors.isEmpty() ? QJsonObject() : descriptors.first().toObject();
    for (const QJsonValue &d : field(desc, "dimensions").toArray()) {
        const QJsonObject dimension = d.toObject();
        // A derived dimension names its columns in "derived"; a normal one in "column".
        QString column = text(dimension, "column");
        if (column.isEmpty() || column == u"{FK}") {
            QStringList derived;
            for (const QJsonValue &name : field(dimension, "derived").toArray())
                derived.append(name.toString());
            column = derived.join(u", ");
        }
        const QString table = text(dimension, "table");
        members.append({text(dimension, "name"),
                        table.isEmpty() ? column : QString(table + u'.' + column),
                        tr("dimension"),
                        false});
    }
    for (const QJsonValue &v : field(desc, "measures").toArray()) {
        const QJsonObject me = v.toObject();
        const QJsonObject function = field(me, "function").toObject();
        members.append(measure(text(me, "name"),
                               measureText(text(function, "expression"), field(function, "parameter")),
                               text(function, "returntype")));
    }
    return members;
}

} // namespace JobDeck::Kylin
