// The Kylin simulator is built on QtHttpServer's QAbstractHttpServer: one handleRequest() sees
// every request with its method, headers and raw path, so content negotiation (the Accept
// header decides between the v1, v2 and v4 controllers), Spring Security's 401 before any
// controller, and any status, header or body can be modelled.

#include "kylin/kylinsimulator.h"

#include "common/simserver.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTime>
#include <QUuid>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace JobDeck::Sim {

namespace {

constexpr QStringView apiPrefix = u"/kylin/api/";
constexpr QByteArrayView sessionCookie = "JSESSIONID";

enum class Media { None, Json, V2, V4, V4Public };

QByteArray mediaName(Media media)
{
    switch (media) {
    case Media::Json:
        return "application/json;charset=UTF-8";
    case Media::V2:
        return "application/vnd.apache.kylin-v2+json;charset=UTF-8";
    case Media::V4:
        return "application/vnd.apache.kylin-v4+json;charset=UTF-8";
    case Media::V4Public:
        return "application/vnd.apache.kylin-v4-public+json;charset=UTF-8";
    case Media::None:
        break;
    }
    return {};
}

// Spring's choice: the first type in the Accept header that a controller produces.
Media negotiate(const QByteArray &accept, const QList<Media> &producible)
{
    if (producible.isEmpty())
        return Media::None;
    if (accept.trimmed().isEmpty())
        return producible.first();
    for (const QByteArray &entry : accept.split(',')) {
        const QByteArray type = entry.split(';').first().trimmed().toLower();
        if (type == "*/*" || type == "application/*")
            return producible.first();
        static const QList<std::pair<QByteArray, Media>> known{
            {"application/json", Media::Json},
            {"application/vnd.apache.kylin-v2+json", Media::V2},
            {"application/vnd.apache.kylin-v4+json", Media::V4},
            {"application/vnd.apache.kylin-v4-public+json", Media::V4Public}};
        for (const auto &[name, media] : known) {
            if (type == name && producible.contains(media))
                return media;
        }
    }
    return Media::None;
}

struct Reply
{
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

Reply htmlError(int status, const QByteArray &title)
{
    // Tomcat's error page: no WWW-Authenticate header, whatever the status.
    Reply reply;
    reply.httpStatus = status;
    reply.contentType = "text/html;charset=utf-8";
    reply.body = "<!doctype html><html lang=\"en\"><head><title>HTTP Status " + QByteArray::number(status)
                 + " – " + title + "</title></head><body><h1>HTTP Status " + QByteArray::number(status)
                 + " – " + title + "</h1><hr class=\"line\" /><h3>Apache Tomcat/7.0.91</h3></body></html>";
    return reply;
}

struct SimStep
{
    QString name;
    QString status = u"PENDING"_s;
    qint64 start = 0;
    qint64 end = 0;
};

struct SimJob
{
    QString uuid;
    QString project;
    QString cube;
    QString submitter;
    QString name;
    QString status = u"PENDING"_s;
    bool frozen = false;
    qint64 created = 0;
    qint64 lastModified = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 phaseStart = 0;
    int current = -1;
    int pendingMs = 0;
    int stepMs = 0;
    int outputLines = 0;
    int failAtStep = -1;
    std::vector<SimStep> steps;
};

const QStringList StepNames{
    u"Create Intermediate Flat Hive Table"_s, u"Build Cube with Spark"_s, u"Update Cube Info"_s};

// JobStatusEnum codes (protocols.md §4.5).
std::optional<QString> statusOfCode(int code, bool kylin5)
{
    static const QList<std::pair<int, QString>> codes{{0, u"NEW"_s},
                                                      {1, u"PENDING"_s},
                                                      {2, u"RUNNING"_s},
                                                      {4, u"FINISHED"_s},
                                                      {8, u"ERROR"_s},
                                                      {16, u"DISCARDED"_s},
                                                      {32, u"STOPPED"_s}};
    static const QList<std::pair<int, QString>> codes5{{64, u"SUICIDAL"_s},
                                                       {128, u"STARTING"_s},
                                                       {256, u"STOPPING"_s},
                                                       {512, u"LAUNCHING_ERROR"_s},
                                                       {1024, u"SKIP"_s},
                                                       {2048, u"WARNING"_s}};
    for (const auto &[known, word] : codes) {
        if (known == code)
            return word;
    }
    if (kylin5) {
        for (const auto &[known, word] : codes5) {
            if (known == code)
                return word;
        }
    }
    return std::nullopt;
}

} // namespace

class KylinSimulator::Private
{
public:
    Private(KylinSimulator *owner, const Options &initial)
        : q(owner)
        , options(initial)
        , frontEnd(std::make_unique<FrontEnd>(
              [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                  handle(request, responder);
              }))
    {}

    KylinSimulator *const q;
    Options options;
    std::unique_ptr<FrontEnd> frontEnd;
    QPointer<QTcpServer> tcp;
    QString listenError;

    QHash<QString, QString> passwords;
    QHash<QByteArray, QString> sessions;
    std::vector<SimJob> jobs;
    bool serverError = false;

    QHash<QString, int> counts;
    QStringList languages;
    QList<QUrlQuery> lists;
    QByteArrayList accepts;
    QByteArrayList bodies;
    QStringList basics;

    // The request being answered.
    QString url;
    Media media = Media::None;

    bool kylin5() const { return options.flavour == Flavour::V5; }
    bool enveloped() const { return media == Media::V2 || media == Media::V4 || media == Media::V4Public; }
    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatch(const QHttpServerRequest &request, QString *kind);
    std::optional<QString> caller(const QHttpServerRequest &request);

    Reply json(const QJsonValue &data) const;
    Reply error(int status, const QString &message, const QString &stack = {}) const;
    Reply unauthorized() const;
    Reply notFound() const;

    SimJob *find(const QString &uuid);
    void advance(SimJob &job, qint64 at) const;
    QString stepId(const SimJob &job, qsizetype index) const;
    QJsonObject stepJson(const SimJob &job, qsizetype index, qint64 at) const;
    QJsonObject jobJson(const SimJob &job, qint64 at) const;
    QString output(const SimJob &job, qsizetype index, qint64 at) const;

    Reply list(const QHttpServerRequest &request);
    std::optional<QString> pause(SimJob &job);
    std::optional<QString> resume(SimJob &job);
    std::optional<QString> discard(SimJob &job);
    std::optional<QString> drop(const QString &uuid);
    Reply v4Status(const QHttpServerRequest &request);
    Reply v4Drop(const QHttpServerRequest &request);
    Reply query(const QHttpServerRequest &request);
    Reply tables(const QHttpServerRequest &request);
    Reply models(const QHttpServerRequest &request);
    Reply cubes(const QHttpServerRequest &request);
    Reply cubeDesc(const QString &name);
};

// ---------------------------------------------------------------------------------------------
// Plumbing

void KylinSimulator::Private::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QHttpHeaders &headers = request.headers();
    languages.append(QString::fromUtf8(headers.combinedValue(QHttpHeaders::WellKnownHeader::AcceptLanguage)));
    accepts.append(headers.combinedValue(QHttpHeaders::WellKnownHeader::Accept));
    url = request.url().toString();
    QString kind = u"unknown"_s;
    const Reply reply = dispatch(request, &kind);
    ++counts[kind];
    if (reply.httpStatus == 406)
        ++counts[u"notAcceptable"_s];
    if (reply.httpStatus == 401)
        ++counts[u"unauthorized"_s];
    Q_EMIT q->requestReceived(kind);

    QHttpHeaders out;
    if (!reply.contentType.isEmpty())
        out.append(QHttpHeaders::WellKnownHeader::ContentType, reply.contentType);
    for (const auto &[name, value] : reply.headers)
        out.append(name, value);
    responder.write(reply.body, out, QHttpServerResponder::StatusCode(reply.httpStatus));
}

Reply KylinSimulator::Private::json(const QJsonValue &data) const
{
    Reply reply;
    reply.contentType = mediaName(media);
    if (enveloped()) {
        const QJsonObject envelope{{u"code"_s, u"000"_s}, {u"data"_s, data}, {u"msg"_s, u""_s}};
        reply.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    } else if (data.isArray()) {
        reply.body = QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact);
    } else {
        reply.body = QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);
    }
    return reply;
}

// BasicController's ErrorResponse, in every flavour and for v1 as well (protocols.md §4.2).
Reply KylinSimulator::Private::error(int status, const QString &message, const QString &stack) const
{
    const QString exception = status == 400 ? u"org.apache.kylin.rest.exception.BadRequestException"_s
                                            : u"org.apache.kylin.rest.exception.InternalErrorException"_s;
    const QString trace = stack.isEmpty()
                              ? exception + u": " + message
                                    + u"\n\tat org.apache.kylin.rest.controller.JobController."
                                      u"handle(JobController.java:142)\n\tat "
                                      u"sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)"
                              : stack;
    QJsonObject body{{u"code"_s, u"999"_s},
                     {u"data"_s, QJsonValue::Null},
                     {u"msg"_s, message},
                     {u"exception"_s, message},
                     {u"stacktrace"_s, trace},
                     {u"url"_s, url}};
    if (kylin5() && message.startsWith(u"KE-"))
        body.insert(u"error_code"_s, message.section(u'(', 0, 0));
    Reply reply;
    reply.httpStatus = status;
    reply.contentType = media == Media::None ? mediaName(Media::Json) : mediaName(media);
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

Reply KylinSimulator::Private::unauthorized() const
{
    if (!kylin5())
        return htmlError(401, "Unauthorized"); // UnauthorisedEntryPoint: sendError(401)
    // NUnauthorisedEntryPoint: a JSON ErrorResponse.
    Reply reply;
    reply.httpStatus = 401;
    reply.contentType = mediaName(Media::Json);
    reply.body
        = QJsonDocument(
              QJsonObject{{u"code"_s, u"999"_s},
                          {u"data"_s, QJsonValue::Null},
                          {u"msg"_s, u"KE-010001201(User Unauthorized):Invalid username or password."_s},
                          {u"error_code"_s, u"KE-010001201"_s},
                          {u"stacktrace"_s,
                           u"org.apache.kylin.common.exception.KylinException: KE-010001201\n\tat "
                           u"org.apache.kylin.rest.security.NUnauthorisedEntryPoint.commence"_s},
                          {u"exception"_s, u"Invalid username or password."_s},
                          {u"url"_s, url}})
              .toJson(QJsonDocument::Compact);
    return reply;
}

Reply KylinSimulator::Private::notFound() const
{
    if (!kylin5())
        return htmlError(404, "Not Found");
    Reply reply;
    reply.httpStatus = 404;
    reply.contentType = mediaName(Media::Json);
    reply.body = QJsonDocument(QJsonObject{{u"timestamp"_s, QDateTime::currentMSecsSinceEpoch()},
                                           {u"status"_s, 404},
                                           {u"error"_s, u"Not Found"_s},
                                           {u"path"_s, QUrl(url).path()}})
                     .toJson(QJsonDocument::Compact);
    return reply;
}

std::optional<QString> KylinSimulator::Private::caller(const QHttpServerRequest &request)
{
    // Spring Security: Basic credentials when sent (and then they must be right), else the
    // session.
    const QByteArray authorization
        = request.headers().combinedValue(QHttpHeaders::WellKnownHeader::Authorization);
    if (!authorization.isEmpty()) {
        if (!authorization.startsWith("Basic "))
            return std::nullopt;
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QString user = QString::fromUtf8(decoded.left(colon));
        basics.append(user);
        const auto it = passwords.constFind(user.toUpper());
        if (it == passwords.cend() || *it != QString::fromUtf8(decoded.mid(colon + 1)))
            return std::nullopt;
        return user;
    }
    for (const QByteArray &header : request.headers().values(QHttpHeaders::WellKnownHeader::Cookie)) {
        for (const QByteArray &pair : header.split(';')) {
            const QByteArray trimmed = pair.trimmed();
            const qsizetype equals = trimmed.indexOf('=');
            if (equals > 0 && QByteArrayView(trimmed).first(equals) == sessionCookie) {
                const auto it = sessions.constFind(trimmed.sliced(equals + 1));
                if (it != sessions.cend())
                    return *it;
            }
        }
    }
    return std::nullopt;
}

Reply KylinSimulator::Private::dispatch(const QHttpServerRequest &request, QString *kind)
{
    using Method = QHttpServerRequest::Method;
    const QString path = request.url().path();
    if (!path.startsWith(apiPrefix)) {
        media = Media::None;
        return notFound();
    }
    const QStringList segments = path.sliced(apiPrefix.size()).split(u'/');
    const qsizetype n = segments.size();
    const Method method = request.method();
    const bool v5 = kylin5();
    const bool v3 = options.flavour == Flavour::V3;

    // The route, and the media types its controllers produce.
    QList<Media> producible;
    if (n == 2 && segments[0] == u"user" && segments[1] == u"authentication" && method == Method::Post) {
        *kind = u"authentication"_s;
        producible = v5 ? QList{Media::V4, Media::V4Public} : QList{Media::Json};
    } else if (n == 1 && segments[0] == u"jobs" && method == Method::Get) {
        *kind = u"list"_s;
        producible = v5   ? QList{Media::V2, Media::V4, Media::V4Public}
                     : v3 ? QList{Media::Json}
                          : QList{Media::V2, Media::Json};
    } else if (n == 1 && segments[0] == u"jobs" && method == Method::Delete && v5) {
        *kind = u"dropJobs"_s;
        producible = {Media::V4, Media::V4Public};
    } else if (n == 2 && segments[0] == u"jobs" && segments[1] == u"status" && method == Method::Put && v5) {
        *kind = u"status"_s;
        producible = {Media::V4, Media::V4Public};
    } else if (n == 2 && segments[0] == u"jobs" && method == Method::Get) {
        *kind = u"job"_s;
        producible = v5 ? QList{Media::V2} : v3 ? QList{Media::Json} : QList{Media::V2, Media::Json};
    } else if (n == 3 && segments[0] == u"jobs" && segments[2] == u"detail" && method == Method::Get && v5) {
        *kind = u"detail"_s;
        producible = {Media::V4, Media::V4Public};
    } else if (n == 3 && segments[0] == u"jobs" && method == Method::Put
               && (segments[2] == u"resume"
                   || ((segments[2] == u"cancel" || segments[2] == u"pause") && !v5))) {
        *kind = segments[2];
        producible = v5 ? QList{Media::V2} : v3 ? QList{Media::Json} : QList{Media::V2, Media::Json};
    } else if (n == 3 && segments[0] == u"jobs" && segments[2] == u"drop" && method == Method::Delete
               && !v5) {
        *kind = u"drop"_s;
        producible = v3 ? QList{Media::Json} : QList{Media::V2, Media::Json};
    } else if (n == 1 && segments[0] == u"query" && method == Method::Post) {
        *kind = u"query"_s; // QueryController (v1), QueryControllerV2 (2.1), NQueryController (5.x)
        producible = v5   ? QList{Media::V2, Media::V4, Media::V4Public}
                     : v3 ? QList{Media::Json}
                          : QList{Media::V2, Media::Json};
    } else if (n == 1 && segments[0] == u"tables" && method == Method::Get) {
        *kind = u"tables"_s; // TableController
        producible = v5 ? QList{Media::V4, Media::V4Public} : QList{Media::Json};
    } else if (n == 1 && segments[0] == u"models" && method == Method::Get) {
        *kind = u"models"_s; // ModelController (v1), NModelController / OpenModelController (5.x)
        producible = v5 ? QList{Media::V4, Media::V4Public} : QList{Media::Json};
    } else if (n == 1 && segments[0] == u"cubes" && method == Method::Get && !v5) {
        *kind = u"cubes"_s; // CubeController; 5.x has no cubes
        producible = {Media::Json};
    } else if (n == 2 && segments[0] == u"cube_desc" && method == Method::Get && !v5) {
        *kind = u"cubeDesc"_s; // CubeDescController
        producible = {Media::Json};
    } else if (n == 5 && segments[0] == u"jobs" && segments[2] == u"steps" && segments[4] == u"output"
               && method == Method::Get) {
        *kind = u"output"_s;
        producible = v5   ? QList{Media::V2, Media::V4, Media::V4Public}
                     : v3 ? QList{Media::Json}
                          : QList{Media::V2, Media::Json};
    }

    // Spring Security comes before any controller.
    const std::optional<QString> user = caller(request);
    if (!user) {
        media = Media::None;
        return unauthorized();
    }
    if (producible.isEmpty()) {
        media = Media::None;
        return notFound();
    }
    media = negotiate(request.headers().combinedValue(QHttpHeaders::WellKnownHeader::Accept), producible);
    if (media == Media::None)
        return htmlError(406, "Not Acceptable");

    if (*kind == u"authentication") {
        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::Id128).toUpper();
        sessions.insert(id, *user);
        const QJsonObject details{{u"username"_s, *user},
                                  {u"password"_s, QJsonValue::Null},
                                  {u"authorities"_s,
                                   QJsonArray{QJsonObject{{u"authority"_s, u"ROLE_ADMIN"_s}},
                                              QJsonObject{{u"authority"_s, u"ROLE_ANALYST"_s}}}},
                                  {u"accountNonExpired"_s, true},
                                  {u"accountNonLocked"_s, true},
                                  {u"credentialsNonExpired"_s, true},
                                  {u"enabled"_s, true}};
        Reply reply
            = json(enveloped() ? QJsonValue(details) : QJsonValue(QJsonObject{{u"userDetails"_s, details}}));
        reply.headers.append(
            {"Set-Cookie", sessionCookie.toByteArray() + '=' + id + "; Path=/kylin; HttpOnly"});
        return reply;
    }

    if (serverError) {
        return error(
            500,
            serverErrorMessage(),
            u"java.lang.IllegalStateException: "_s + serverErrorMessage()
                + u"\n\tat org.apache.kylin.job.dao.ExecutableDao.getJobs(ExecutableDao.java:201)\n\tat "
                  u"org.apache.kylin.rest.service.JobService.searchJobs(JobService.java:512)"_s);
    }

    if (*kind == u"query")
        return query(request);
    if (*kind == u"tables")
        return tables(request);
    if (*kind == u"models")
        return models(request);
    if (*kind == u"cubes")
        return cubes(request);
    if (*kind == u"cubeDesc")
        return cubeDesc(segments[1]);
    const qint64 at = now();
    if (*kind == u"list")
        return list(request);
    if (*kind == u"status")
        return v4Status(request);
    if (*kind == u"dropJobs")
        return v4Drop(request);

    const QString uuid = segments[1];
    SimJob *job = find(uuid);
    if (!job)
        return error(400, u"Cannot find job %1"_s.arg(uuid));
    advance(*job, at);
    if (*kind == u"job")
        return json(jobJson(*job, at));
    if (*kind == u"detail") {
        QJsonArray steps;
        for (qsizetype i = 0; i < qsizetype(job->steps.size()); ++i)
            steps.append(stepJson(*job, i, at));
        return json(steps);
    }
    if (*kind == u"output") {
        const QString sid = segments[3];
        for (qsizetype i = 0; i < qsizetype(job->steps.size()); ++i) {
            if (stepId(*job, i) == sid) {
                return json(QJsonObject{
                    {u"jobId"_s, job->uuid}, {u"stepId"_s, sid}, {u"cmd_output"_s, output(*job, i, at)}});
            }
        }
        return error(400, u"Cannot find step %1 of job %2"_s.arg(sid, uuid));
    }
    std::optional<QString> refusal;
    if (*kind == u"pause")
        refusal = pause(*job);
    else if (*kind == u"resume")
        refusal = resume(*job);
    else if (*kind == u"cancel")
        refusal = discard(*job);
    if (*kind == u"drop") {
        const QJsonObject last = jobJson(*job, at);
        refusal = drop(uuid);
        if (refusal)
            return error(400, *refusal);
        return json(last);
    }
    if (refusal)
        return error(400, *refusal);
    return json(jobJson(*find(uuid), at));
}

// ---------------------------------------------------------------------------------------------
// Jobs

SimJob *KylinSimulator::Private::find(const QString &uuid)
{
    for (SimJob &job : jobs) {
        if (job.uuid == uuid)
            return &job;
    }
    return nullptr;
}

void KylinSimulator::Private::advance(SimJob &job, qint64 at) const
{
    if (job.frozen)
        return;
    while (true) {
        if (job.status == u"PENDING") {
            const qint64 t = job.phaseStart + job.pendingMs;
            if (at < t)
                return;
            job.status = u"RUNNING"_s;
            if (job.start == 0)
                job.start = t;
            job.current = 0;
            while (job.current < int(job.steps.size()) && job.steps[job.current].status == u"FINISHED")
                ++job.current;
            SimStep &step = job.steps[job.current];
            step.status = u"RUNNING"_s;
            step.start = t;
            step.end = 0;
            job.phaseStart = t;
            job.lastModified = t;
            continue;
        }
        if (job.status == u"RUNNING") {
            const qint64 t = job.phaseStart + job.stepMs;
            if (at < t)
                return;
            SimStep &step = job.steps[job.current];
            step.end = t;
            job.lastModified = t;
            if (job.current == job.failAtStep) {
                step.status = u"ERROR"_s;
                job.status = u"ERROR"_s;
                job.end = t;
                job.failAtStep = -1; // a resume runs it again, and then it works
                return;
            }
            step.status = u"FINISHED"_s;
            ++job.current;
            if (job.current >= int(job.steps.size())) {
                job.status = u"FINISHED"_s;
                job.end = t;
                return;
            }
            SimStep &next = job.steps[job.current];
            next.status = u"RUNNING"_s;
            next.start = t;
            job.phaseStart = t;
            continue;
        }
        return;
    }
}

QString KylinSimulator::Private::stepId(const SimJob &job, qsizetype index) const
{
    // <uuid>-NN in 2.x-4.x, <uuid>_NN in 5.x (protocols.md §4.4).
    return job.uuid + (kylin5() ? u'_' : u'-') + QString::number(index).rightJustified(2, u'0');
}

QJsonObject KylinSimulator::Private::stepJson(const SimJob &job, qsizetype index, qint64 at) const
{
    const SimStep &step = job.steps[size_t(index)];
    QJsonObject object{
        {u"interruptCmd"_s, QJsonValue::Null},
        {u"id"_s, stepId(job, index)},
        {u"name"_s, step.name},
        {u"sequence_id"_s, int(index)},
        {u"exec_cmd"_s,
         index == 0 ? QJsonValue(u"hive -e \"CREATE EXTERNAL TABLE ...\""_s) : QJsonValue(QJsonValue::Null)},
        {u"interrupt_cmd"_s, QJsonValue::Null},
        {u"exec_start_time"_s, step.start},
        {u"exec_end_time"_s, step.end},
        {u"exec_wait_time"_s, 0},
        {u"step_status"_s, step.status},
        {u"cmd_type"_s, u"SHELL_CMD_HADOOP"_s},
        {u"info"_s, QJsonObject{}},
        {u"run_async"_s, false}};
    if (kylin5()) {
        const qint64 end = step.end > 0 ? step.end : (step.status == u"RUNNING" ? at : step.start);
        object.insert(u"duration"_s, step.start > 0 ? end - step.start : 0);
        object.insert(u"wait_time"_s, 0);
        object.insert(u"create_time"_s, job.created);
        if (step.status == u"ERROR") {
            object.insert(u"failed_msg"_s, u"Step %1 failed: simulated error"_s.arg(index));
            object.insert(u"failed_stack"_s,
                          u"java.lang.RuntimeException: simulated\n\tat org.apache.kylin"_s);
        }
    }
    return object;
}

QJsonObject KylinSimulator::Private::jobJson(const SimJob &job, qint64 at) const
{
    qint64 durationMs = 0;
    int finished = 0;
    QJsonArray steps;
    for (qsizetype i = 0; i < qsizetype(job.steps.size()); ++i) {
        const SimStep &step = job.steps[size_t(i)];
        if (step.start > 0) {
            const qint64 end = step.end > 0 ? step.end : (step.status == u"RUNNING" ? at : step.start);
            durationMs += end - step.start;
        }
        if (step.status == u"FINISHED")
            ++finished;
        steps.append(stepJson(job, i, at));
    }
    const double progress = 100.0 * finished / double(job.steps.size());
    QJsonObject object{{u"uuid"_s, job.uuid},
                       {u"last_modified"_s, job.lastModified},
                       {u"name"_s, job.name},
                       {u"type"_s, u"BUILD"_s},
                       {u"related_cube"_s, job.cube},
                       {u"display_cube_name"_s, job.cube},
                       {u"related_segment"_s, u"19700101000000_20150101000000"_s},
                       {u"exec_start_time"_s, job.start},
                       {u"exec_end_time"_s, job.end},
                       {u"exec_interrupt_time"_s, 0},
                       {u"mr_waiting"_s, 0},
                       {u"steps"_s, steps},
                       {u"submitter"_s, job.submitter},
                       {u"job_status"_s, job.status},
                       {u"progress"_s, progress}};
    switch (options.flavour) {
    case Flavour::V2_1:
        object.insert(u"version"_s, u"2.1.0"_s);
        object.insert(u"duration"_s, durationMs / 1000); // seconds
        break;
    case Flavour::V3:
        object.insert(u"version"_s, u"3.1.3"_s);
        object.insert(u"duration"_s, durationMs / 1000);
        object.insert(u"related_segment_name"_s, u"19700101000000_20150101000000"_s);
        break;
    case Flavour::V5:
        // ExecutableResponse with the 3.x "old params" unwrapped into it.
        object.insert(u"version"_s, u"5.0.0"_s);
        object.insert(u"id"_s, job.uuid);
        object.insert(u"name"_s, u"INDEX_BUILD"_s);
        object.insert(u"job_name"_s, u"INDEX_BUILD"_s);
        object.insert(u"target_subject"_s, job.cube);
        object.insert(u"target_model"_s, job.cube);
        object.insert(u"project"_s, job.project);
        object.insert(u"project_name"_s, job.project);
        object.insert(u"create_time"_s, job.created);
        object.insert(u"duration"_s, durationMs); // ms
        object.insert(u"total_duration"_s, durationMs);
        object.insert(u"wait_time"_s, 0);
        object.insert(u"step_ratio"_s, finished / double(job.steps.size()));
        object.insert(u"data_range_start"_s, 0);
        object.insert(u"data_range_end"_s, qint64(9223372036854775807LL));
        break;
    }
    return object;
}

QString KylinSimulator::Private::output(const SimJob &job, qsizetype index, qint64 at) const
{
    const SimStep &step = job.steps[size_t(index)];
    if (step.start == 0)
        return {};
    int count = job.outputLines;
    if (step.status == u"RUNNING" && job.stepMs > 0)
        count = int(std::min<qint64>(count, count * (at - step.start) / job.stepMs));
    else if (step.status == u"STOPPED"
             || (step.status == u"DISCARDED" && step.end > 0 && index == job.current))
        count = count / 2;
    QStringList lines;
    const auto line = [&](int i) {
        return u"%1 step %2 line %3 of %4"_s.arg(job.cube).arg(index).arg(i).arg(job.outputLines);
    };
    if (kylin5() && count > 200) {
        // NExecutableManager: the first and the last 100 lines around a separator.
        for (int i = 1; i <= 100; ++i)
            lines.append(line(i));
        lines.append(QString(64, u'='));
        for (int i = count - 99; i <= count; ++i)
            lines.append(line(i));
        return lines.join(u'\n');
    }
    for (int i = 1; i <= count; ++i)
        lines.append(line(i));
    return lines.isEmpty() ? QString() : lines.join(u'\n') + u'\n';
}

namespace {
// learn_kylin's fact table, as the sample cube's project describes it.
struct SampleColumn
{
    const char16_t *name;
    const char16_t *type;
    const char16_t *typeName;
    int sqlType;
    int precision;
    int scale;
};
constexpr SampleColumn salesColumns[] = {
    {u"TRANS_ID", u"bigint", u"BIGINT", -5, 19, 0},
    {u"PART_DT", u"date", u"DATE", 91, 0, 0},
    {u"LSTG_FORMAT_NAME", u"varchar(256)", u"VARCHAR", 12, 256, 0},
    {u"PRICE", u"decimal(19,4)", u"DECIMAL", 3, 19, 4},
    {u"SELLER_ID", u"bigint", u"BIGINT", -5, 19, 0},
};
constexpr qint64 salesRows = 10000;

QJsonValue salesCell(qint64 r, int column)
{
    switch (column) {
    case 0:
        return QString::number(r + 1);
    case 1:
        return QDate(2012, 1, 1).addDays(r % 730).toString(Qt::ISODate);
    case 2:
        if (r % 9 == 8)
            return QJsonValue::Null;
        return QStringList{u"FP-GTC"_s, u"Auction"_s, u"ABIN"_s, u"Others"_s}.at(r % 4);
    case 3:
        return QString::number(double((r * 37) % 100000) / 100.0, 'f', 4);
    default:
        return QString::number(10000000 + r % 1000);
    }
}
} // namespace

// POST query: SQLResponse. Any statement that reads KYLIN_SALES answers the sample rows from
// `offset`, at most `limit`; anything else fails as Calcite fails on an unknown table, in
// HTTP 200 with isException (QueryService.doQueryWithCache). Kylin 5.0 writes the message in
// Chinese for Accept-Language "cn".
Reply KylinSimulator::Private::query(const QHttpServerRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString sql = body.value(u"sql"_s).toString();
    const QString project = body.value(u"project"_s).toString();
    const qint64 offset = std::max<qint64>(0, body.value(u"offset"_s).toInteger());
    const qint64 limit = body.value(u"limit"_s).toInteger() > 0 ? body.value(u"limit"_s).toInteger() : 50000;
    const bool chinese = kylin5() && languages.constLast() == u"cn";
    QJsonObject response{{u"columnMetas"_s, QJsonArray{}},
                         {u"results"_s, QJsonArray{}},
                         {u"cube"_s, u""_s},
                         {u"affectedRowCount"_s, 0},
                         {u"isException"_s, false},
                         {u"exceptionMessage"_s, QJsonValue::Null},
                         {u"duration"_s, 41},
                         {u"totalScanCount"_s, 0},
                         {u"hitExceptionCache"_s, false},
                         {u"storageCacheUsed"_s, false},
                         {u"pushDown"_s, false}};
    static const QRegularExpression fromTable(u"\\bfrom\\s+(?:(\\w+)\\.)?(\\w+)"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    const auto match = fromTable.match(sql);
    const QString table = match.captured(2).toUpper();
    if (project.isEmpty() || !match.hasMatch() || table != u"KYLIN_SALES") {
        const QString object = match.hasMatch() ? table : u"?"_s;
        QString message;
        if (project.isEmpty())
            message = chinese ? u"KE-010002201(项目不存在):项目名称不能为空。"_s
                              : u"KE-010002201(Project Not Exist):The project name cannot be empty."_s;
        else if (chinese)
            message = u"KE-030001000(查询失败):From line 1, column %1 to line 1, column %2: 找不到对象 '%3'"_s
                          .arg(match.capturedStart(2) + 1)
                          .arg(match.capturedEnd(2))
                          .arg(object);
        else if (kylin5())
            message
                = u"KE-030001000(Query Failed):From line 1, column %1 to line 1, column %2: Object '%3' not found"_s
                      .arg(match.capturedStart(2) + 1)
                      .arg(match.capturedEnd(2))
                      .arg(object);
        else
            message
                = u"org.apache.calcite.sql.validate.SqlValidatorException: From line 1, column %1 to line 1, "
                  u"column %2: Object '%3' not found"_s.arg(match.capturedStart(2) + 1)
                      .arg(match.capturedEnd(2))
                      .arg(object);
        response.insert(u"isException"_s, true);
        response.insert(u"exceptionMessage"_s, message);
        return json(response);
    }
    QJsonArray metas;
    for (const SampleColumn &c : salesColumns) {
        metas.append(QJsonObject{{u"isNullable"_s, 1},
                                 {u"displaySize"_s, c.precision > 0 ? c.precision : 10},
                                 {u"label"_s, QString::fromUtf16(c.name)},
                                 {u"name"_s, QString::fromUtf16(c.name)},
                                 {u"schemaName"_s, u"DEFAULT"_s},
                                 {u"catelogName"_s, QJsonValue::Null},
                                 {u"tableName"_s, u"KYLIN_SALES"_s},
                                 {u"precision"_s, c.precision},
                                 {u"scale"_s, c.scale},
                                 {u"columnType"_s, c.sqlType},
                                 {u"columnTypeName"_s, QString::fromUtf16(c.typeName)},
                                 {u"readOnly"_s, true},
                                 {u"signed"_s, c.sqlType == -5 || c.sqlType == 3}});
    }
    QJsonArray rows;
    for (qint64 r = offset; r < std::min(salesRows, offset + limit); ++r) {
        QJsonArray row;
        for (int c = 0; c < int(std::size(salesColumns)); ++c)
            row.append(salesCell(r, c));
        rows.append(row);
    }
    response.insert(u"columnMetas"_s, metas);
    response.insert(u"results"_s, rows);
    response.insert(u"cube"_s, u"CUBE[name=kylin_sales_cube]"_s);
    response.insert(u"totalScanCount"_s, rows.size());
    return json(response);
}

// GET models: the sample project's one model on KYLIN_SALES. 5.x (?project=) answers
// NDataModelResponse objects in data.value with simplified_dimensions and
// simplified_measures; 2.x-4.x (?projectName=) a bare array of DataModelDesc with dimensions
// per table and metrics.
Reply KylinSimulator::Private::models(const QHttpServerRequest &request)
{
    const bool v5 = kylin5();
    const QString project = request.query().queryItemValue(v5 ? u"project"_s : u"projectName"_s);
    QJsonArray list;
    if (project == u"learn_kylin") {
        if (v5) {
            QJsonArray dimensions;
            int id = 0;
            for (const char16_t *column : {u"PART_DT", u"LSTG_FORMAT_NAME", u"SELLER_ID", u"TRANS_ID"})
                dimensions.append(
                    QJsonObject{{u"id"_s, id++},
                                {u"name"_s, QString::fromUtf16(column)},
                                {u"column"_s, QString(u"KYLIN_SALES."_s + QString::fromUtf16(column))},
                                {u"status"_s, u"DIMENSION"_s}});
            // A column of the model that is no dimension: not listed.
            dimensions.append(QJsonObject{{u"id"_s, id++},
                                          {u"name"_s, u"OPS_REGION"_s},
                                          {u"column"_s, u"KYLIN_SALES.OPS_REGION"_s},
                                          {u"status"_s, u"EXIST"_s}});
            const QJsonArray measures{
                QJsonObject{{u"id"_s, 100000},
                            {u"name"_s, u"COUNT_ALL"_s},
                            {u"expression"_s, u"COUNT"_s},
                            {u"parameter_value"_s,
                             QJsonArray{QJsonObject{{u"type"_s, u"constant"_s}, {u"value"_s, u"1"_s}}}},
                            {u"return_type"_s, u"bigint"_s}},
                QJsonObject{
                    {u"id"_s, 100001},
                    {u"name"_s, u"GMV_SUM"_s},
                    {u"expression"_s, u"SUM"_s},
                    {u"parameter_value"_s,
                     QJsonArray{QJsonObject{{u"type"_s, u"column"_s}, {u"value"_s, u"KYLIN_SALES.PRICE"_s}}}},
                    {u"return_type"_s, u"decimal(19,4)"_s}}};
            list.append(QJsonObject{{u"uuid"_s, u"0928468a-9fab-4185-9a14-6f2e7c74823f"_s},
                                    {u"alias"_s, u"kylin_sales_model"_s},
                                    {u"name"_s, u"kylin_sales_model"_s},
                                    {u"fact_table"_s, u"DEFAULT.KYLIN_SALES"_s},
                                    {u"status"_s, u"ONLINE"_s},
                                    {u"owner"_s, u"ADMIN"_s},
                                    {u"simplified_dimensions"_s, dimensions},
                                    {u"simplified_measures"_s, measures}});
            return json(QJsonObject{
                {u"value"_s, list}, {u"offset"_s, 0}, {u"limit"_s, 100000}, {u"total_size"_s, list.size()}});
        }
        list.append(QJsonObject{
            {u"uuid"_s, u"0928468a-9fab-4185-9a14-6f2e7c74823f"_s},
            {u"name"_s, u"kylin_sales_model"_s},
            {u"owner"_s, u"ADMIN"_s},
            {u"fact_table"_s, u"DEFAULT.KYLIN_SALES"_s},
            {u"lookups"_s,
             QJsonArray{QJsonObject{{u"table"_s, u"DEFAULT.KYLIN_CAL_DT"_s},
                                    {u"alias"_s, u"KYLIN_CAL_DT"_s},
                                    {u"kind"_s, u"LOOKUP"_s}}}},
            {u"dimensions"_s,
             QJsonArray{
                 QJsonObject{{u"table"_s, u"KYLIN_SALES"_s},
                             {u"columns"_s, QJsonArray{u"PART_DT"_s, u"LSTG_FORMAT_NAME"_s, u"SELLER_ID"_s}}},
                 QJsonObject{{u"table"_s, u"KYLIN_CAL_DT"_s}, {u"columns"_s, QJsonArray{u"WEEK_BEG_DT"_s}}}}},
            {u"metrics"_s, QJsonArray{u"KYLIN_SALES.PRICE"_s, u"KYLIN_SALES.ITEM_COUNT"_s}}});
    }
    return json(list);
}

// GET cubes?projectName= (2.x-4.x): CubeInstance objects with their model's name.
Reply KylinSimulator::Private::cubes(const QHttpServerRequest &request)
{
    QJsonArray list;
    if (request.query().queryItemValue(u"projectName"_s) == u"learn_kylin")
        list.append(QJsonObject{{u"uuid"_s, u"2fbca32a-a33e-4b69-83dd-0bb8b1f8c53b"_s},
                                {u"name"_s, u"kylin_sales_cube"_s},
                                {u"owner"_s, u"ADMIN"_s},
                                {u"descriptor"_s, u"kylin_sales_cube"_s},
                                {u"status"_s, u"READY"_s},
                                {u"project"_s, u"learn_kylin"_s},
                                {u"model"_s, u"kylin_sales_model"_s},
                                {u"size_kb"_s, 3912},
                                {u"input_records_count"_s, 10000},
                                {u"segments"_s, QJsonArray{}}});
    return json(list);
}

// GET cube_desc/{name} (2.x-4.x): [CubeDesc], its dimensions (a derived one names its
// columns in "derived") and measures (function.parameter).
Reply KylinSimulator::Private::cubeDesc(const QString &name)
{
    if (name != u"kylin_sales_cube")
        return json(QJsonArray{});
    const QJsonArray dimensions{QJsonObject{{u"name"_s, u"TRANS_ID"_s},
                                            {u"table"_s, u"KYLIN_SALES"_s},
                                            {u"column"_s, u"TRANS_ID"_s},
                                            {u"derived"_s, QJsonValue::Null}},
                                QJsonObject{{u"name"_s, u"CAL_DT"_s},
                                            {u"table"_s, u"KYLIN_CAL_DT"_s},
                                            {u"column"_s, u"{FK}"_s},
                                            {u"derived"_s, QJsonArray{u"WEEK_BEG_DT"_s}}}};
    const QJsonArray measures{
        QJsonObject{
            {u"name"_s, u"_COUNT_"_s},
            {u"function"_s,
             QJsonObject{{u"expression"_s, u"COUNT"_s},
                         {u"parameter"_s, QJsonObject{{u"type"_s, u"constant"_s}, {u"value"_s, u"1"_s}}},
                         {u"returntype"_s, u"bigint"_s}}}},
        QJsonObject{
            {u"name"_s, u"GMV_SUM"_s},
            {u"function"_s,
             QJsonObject{{u"expression"_s, u"SUM"_s},
                         {u"parameter"_s,
                          QJsonObject{{u"type"_s, u"column"_s}, {u"value"_s, u"KYLIN_SALES.PRICE"_s}}},
                         {u"returntype"_s, u"decimal(19,4)"_s}}}}};
    return json(QJsonArray{QJsonObject{{u"uuid"_s, u"0ef9b7a8-3929-4dff-b59d-2100aadc8dbf"_s},
                                       {u"name"_s, name},
                                       {u"model_name"_s, u"kylin_sales_model"_s},
                                       {u"dimensions"_s, dimensions},
                                       {u"measures"_s, measures}}});
}

// GET tables?project=: TableDesc with its columns; 5.x pages them in data.value.
Reply KylinSimulator::Private::tables(const QHttpServerRequest &request)
{
    const QString project = request.query().queryItemValue(u"project"_s);
    QJsonArray list;
    if (project == u"learn_kylin") {
        const auto table = [](const QString &name, const QList<std::pair<QString, QString>> &columns) {
            QJsonArray cols;
            int id = 1;
            for (const auto &[column, type] : columns)
                cols.append(QJsonObject{
                    {u"id"_s, QString::number(id++)}, {u"name"_s, column}, {u"datatype"_s, type}});
            return QJsonObject{{u"uuid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {u"name"_s, name},
                               {u"database"_s, u"DEFAULT"_s},
                               {u"table_type"_s, u"MANAGED_TABLE"_s},
                               {u"source_type"_s, 0},
                               {u"columns"_s, cols}};
        };
        QList<std::pair<QString, QString>> sales;
        for (const SampleColumn &c : salesColumns)
            sales.append({QString::fromUtf16(c.name), QString::fromUtf16(c.type)});
        list.append(table(u"KYLIN_SALES"_s, sales));
        list.append(
            table(u"KYLIN_CAL_DT"_s,
                  {{u"CAL_DT"_s, u"date"_s}, {u"YEAR_BEG_DT"_s, u"date"_s}, {u"WEEK_BEG_DT"_s, u"date"_s}}));
        list.append(
            table(u"KYLIN_COUNTRY"_s, {{u"COUNTRY"_s, u"varchar(256)"_s}, {u"NAME"_s, u"varchar(256)"_s}}));
    }
    if (kylin5())
        return json(QJsonObject{
            {u"value"_s, list}, {u"offset"_s, 0}, {u"limit"_s, 100000}, {u"total_size"_s, list.size()}});
    return json(list);
}

Reply KylinSimulator::Private::list(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    lists.append(query);
    const bool v4 = media == Media::V4 || media == Media::V4Public;
    const bool v1 = media == Media::Json;

    // Time filter (JobTimeFilterEnum, §4.5): 2.x and 5.x count from LAST_ONE_DAY, 3.x-4.x from
    // CURRENT_DAY.
    const QString filterText = query.queryItemValue(v4 ? u"time_filter"_s : u"timeFilter"_s);
    int filter = -1;
    bool ok = false;
    if (filterText.isEmpty()) {
        if (!v1)
            return error(400, u"Required Integer parameter 'timeFilter' is not present"_s);
        filter = 2; // kylin.web.default-time-filter: LAST_ONE_WEEK
    } else {
        filter = filterText.toInt(&ok);
        if (!ok)
            return error(400, u"Invalid timeFilter '%1'"_s.arg(filterText));
    }
    const bool shifted = options.flavour == Flavour::V3;
    if (shifted && filter == 0) {
        filter = -2; // CURRENT_DAY
    } else if (shifted) {
        --filter;
    }
    const QDateTime current = QDateTime::currentDateTime();
    qint64 since = 0;
    switch (filter) {
    case -2:
        since = QDateTime(current.date(), QTime(0, 0)).toMSecsSinceEpoch();
        break;
    case 0:
        since = current.addDays(-1).toMSecsSinceEpoch();
        break;
    case 1:
        since = current.addDays(-7).toMSecsSinceEpoch();
        break;
    case 2:
        since = current.addMonths(-1).toMSecsSinceEpoch();
        break;
    case 3:
        since = current.addYears(-1).toMSecsSinceEpoch();
        break;
    case 4:
        since = 0;
        break;
    default:
        return error(400, u"Illegal timeFilter: %1"_s.arg(filterText));
    }

    QStringList statuses;
    if (v4) {
        for (const QString &word : query.queryItemValue(u"statuses"_s).split(u',', Qt::SkipEmptyParts))
            statuses.append(word.trimmed());
    } else {
        for (const QString &code : query.allQueryItemValues(u"status"_s)) {
            if (code.isEmpty())
                continue;
            const auto word = statusOfCode(code.toInt(&ok), kylin5());
            if (!ok || !word)
                return error(400, u"Invalid value of job status: %1"_s.arg(code));
            statuses.append(*word);
        }
    }
    const QString project = query.queryItemValue(v4 ? u"project"_s : u"projectName"_s);
    const QString cube = query.queryItemValue(v1 ? u"cubeName"_s : u"jobName"_s);

    const qint64 at = now();
    std::vector<SimJob *> matches;
    for (SimJob &job : jobs) {
        advance(job, at);
        if (job.lastModified < since)
            continue;
        if (!project.isEmpty() && job.project != project)
            continue;
        if (!cube.isEmpty() && !kylin5() && job.cube != cube)
            continue;
        if (!statuses.isEmpty() && !statuses.contains(job.status))
            continue;
        matches.push_back(&job);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const SimJob *a, const SimJob *b) {
        return a->lastModified > b->lastModified;
    });

    qint64 offset = 0;
    qint64 limit = qint64(matches.size());
    if (v1) {
        if (query.hasQueryItem(u"offset"_s))
            offset = query.queryItemValue(u"offset"_s).toLongLong();
        if (query.hasQueryItem(u"limit"_s))
            limit = query.queryItemValue(u"limit"_s).toLongLong();
    } else {
        // pageOffset is a page index (JobControllerV2 / JobController v4).
        const qint64 size = query.queryItemValue(v4 ? u"page_size"_s : u"pageSize"_s).toLongLong(&ok);
        const qint64 page = query.queryItemValue(v4 ? u"page_offset"_s : u"pageOffset"_s).toLongLong();
        limit = ok ? size : 10;
        if (limit < 0 || page < 0)
            return error(400, u"pageOffset and pageSize must not be negative"_s);
        offset = page * limit;
    }
    QJsonArray rows;
    for (qint64 i = offset; i >= 0 && i < qint64(matches.size()) && i < offset + limit; ++i)
        rows.append(jobJson(*matches[size_t(i)], at));
    if (v1)
        return json(rows);
    if (v4) {
        return json(QJsonObject{{u"value"_s, rows},
                                {u"offset"_s, offset / std::max<qint64>(1, limit)},
                                {u"limit"_s, limit},
                                {u"total_size"_s, qint64(matches.size())}});
    }
    return json(QJsonObject{{u"jobs"_s, rows}, {u"size"_s, qint64(matches.size())}});
}

std::optional<QString> KylinSimulator::Private::pause(SimJob &job)
{
    if (job.status != u"RUNNING" && job.status != u"PENDING")
        return u"Job %1 is %2; only running or pending jobs can be paused"_s.arg(job.uuid, job.status);
    const qint64 at = now();
    if (job.status == u"RUNNING")
        job.steps[size_t(job.current)].status = u"STOPPED"_s;
    job.status = u"STOPPED"_s;
    job.lastModified = at;
    return std::nullopt;
}

std::optional<QString> KylinSimulator::Private::resume(SimJob &job)
{
    if (job.status != u"STOPPED" && job.status != u"ERROR")
        return u"Job %1 is %2; only stopped or failed jobs can be resumed"_s.arg(job.uuid, job.status);
    const qint64 at = now();
    for (SimStep &step : job.steps) {
        if (step.status == u"STOPPED" || step.status == u"ERROR") {
            step.status = u"PENDING"_s;
            step.start = 0;
            step.end = 0;
        }
    }
    job.status = u"PENDING"_s;
    job.frozen = false;
    job.end = 0;
    job.phaseStart = at;
    job.lastModified = at;
    return std::nullopt;
}

std::optional<QString> KylinSimulator::Private::discard(SimJob &job)
{
    if (job.status == u"FINISHED" || job.status == u"DISCARDED")
        return u"The job %1 has already ended (%2) and cannot be discarded"_s.arg(job.uuid, job.status);
    const qint64 at = now();
    for (SimStep &step : job.steps) {
        if (step.status == u"FINISHED")
            continue;
        if ((step.status == u"RUNNING" || step.status == u"STOPPED") && step.end == 0)
            step.end = at;
        step.status = u"DISCARDED"_s;
    }
    job.status = u"DISCARDED"_s;
    job.end = at;
    job.lastModified = at;
    return std::nullopt;
}

std::optional<QString> KylinSimulator::Private::drop(const QString &uuid)
{
    SimJob *job = find(uuid);
    if (!job)
        return u"Cannot find job %1"_s.arg(uuid);
    if (job->status != u"FINISHED" && job->status != u"DISCARDED")
        return u"Cannot drop running job %1, please discard it first."_s.arg(job->name);
    jobs.erase(jobs.begin() + (job - jobs.data()));
    return std::nullopt;
}

// 5.x: PUT jobs/status {"action","project","job_ids","statuses"}.
Reply KylinSimulator::Private::v4Status(const QHttpServerRequest &request)
{
    bodies.append(request.body());
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString action = body.value(u"action"_s).toString();
    const QString project = body.value(u"project"_s).toString();
    const QJsonArray ids = body.value(u"job_ids"_s).toArray();
    if (action.isEmpty())
        return error(400, u"KE-010000003(Empty Parameter):'action' is required."_s);
    if (ids.isEmpty())
        return error(400,
                     u"KE-010043201(Job ID Empty):At least one job should be selected to %1."_s.arg(action));
    const qint64 at = now();
    for (const QJsonValue &id : ids) {
        SimJob *job = find(id.toString());
        if (!job || job->project != project)
            return error(400,
                         u"KE-010032214(Job Not Found):Can't find job \"%1\" in project \"%2\"."_s.arg(
                             id.toString(), project));
        advance(*job, at);
        std::optional<QString> refusal;
        if (action == u"PAUSE")
            refusal = pause(*job);
        else if (action == u"DISCARD")
            refusal = discard(*job);
        else if (action == u"RESUME")
            refusal = resume(*job);
        else
            refusal = u"KE-010032201(Illegal Job Action):Invalid action \"%1\"."_s.arg(action);
        if (refusal)
            return error(400, *refusal);
    }
    return json(QString());
}

// 5.x: DELETE jobs?project=&job_ids=.
Reply KylinSimulator::Private::v4Drop(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    const QString project = query.queryItemValue(u"project"_s);
    QStringList ids;
    for (const QString &value : query.allQueryItemValues(u"job_ids"_s))
        ids += value.split(u',', Qt::SkipEmptyParts);
    if (project.isEmpty() && ids.isEmpty())
        return error(400, u"KE-010043201(Job ID Empty):At least one job should be selected to delete."_s);
    const qint64 at = now();
    for (const QString &id : std::as_const(ids)) {
        SimJob *job = find(id);
        if (!job || job->project != project)
            return error(
                400,
                u"KE-010032214(Job Not Found):Can't find job \"%1\" in project \"%2\"."_s.arg(id, project));
        advance(*job, at);
        if (const auto refusal = drop(id))
            return error(400, *refusal);
    }
    return json(QString());
}

// ---------------------------------------------------------------------------------------------
// Public API

KylinSimulator::KylinSimulator(QObject *parent)
    : KylinSimulator(Options(), parent)
{}

KylinSimulator::KylinSimulator(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{}

KylinSimulator::~KylinSimulator() = default;

bool KylinSimulator::listen(quint16 port)
{
    auto *server = new QTcpServer(d->frontEnd.get());
    if (!listenOnLoopback(d->frontEnd.get(), server, port, &d->listenError))
        return false;
    d->tcp = server;
    return true;
}

quint16 KylinSimulator::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QUrl KylinSimulator::baseUrl() const
{
    return loopbackUrl(port());
}

QString KylinSimulator::errorString() const
{
    return d->listenError;
}

const KylinSimulator::Options &KylinSimulator::options() const
{
    return d->options;
}

void KylinSimulator::setOptions(const Options &options)
{
    d->options = options;
}

void KylinSimulator::addUser(const QString &name, const QString &password)
{
    d->passwords.insert(name.toUpper(), password); // Kylin user names are case-insensitive
}

void KylinSimulator::expireSessions()
{
    d->sessions.clear();
}

QString KylinSimulator::addJob(const JobSpec &spec)
{
    SimJob job;
    job.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.project = spec.project;
    job.cube = spec.cube;
    job.submitter = spec.submitter;
    job.pendingMs = spec.pendingMs >= 0 ? spec.pendingMs : d->options.pendingMs;
    job.stepMs = spec.stepMs >= 0 ? spec.stepMs : d->options.stepMs;
    job.outputLines = spec.outputLines >= 0 ? spec.outputLines : d->options.outputLines;
    job.failAtStep = spec.failAtStep;
    const qint64 at = Private::now() - spec.ageMs;
    job.created = at;
    job.lastModified = at;
    job.phaseStart = at;
    job.name = u"%1 - 19700101000000_20150101000000 - BUILD - GMT+08:00 %2"_s.arg(
        spec.cube, QDateTime::fromMSecsSinceEpoch(at).toString(u"yyyy-MM-dd HH:mm:ss"_s));
    for (const QString &name : StepNames)
        job.steps.push_back(SimStep{name});
    if (!spec.status.isEmpty()) {
        // History: stands still in its status, its steps as that status implies.
        job.frozen = spec.status != u"PENDING" && spec.status != u"RUNNING";
        job.status = spec.status;
        const qint64 stepMs = std::max(1, job.stepMs);
        job.start = spec.status == u"PENDING" ? 0 : at - qint64(job.steps.size()) * stepMs;
        for (qsizetype i = 0; i < qsizetype(job.steps.size()); ++i) {
            SimStep &step = job.steps[size_t(i)];
            const qint64 start = job.start + i * stepMs;
            if (spec.status == u"FINISHED") {
                step.status = u"FINISHED"_s;
            } else if (spec.status == u"PENDING") {
                continue;
            } else if (i == 0) {
                step.status = u"FINISHED"_s;
            } else if (i == 1) {
                step.status = spec.status == u"RUNNING"   ? u"RUNNING"_s
                              : spec.status == u"STOPPED" ? u"STOPPED"_s
                                                          : spec.status;
            } else {
                step.status = spec.status == u"DISCARDED" ? u"DISCARDED"_s : u"PENDING"_s;
                continue;
            }
            step.start = start;
            step.end = step.status == u"RUNNING" || step.status == u"STOPPED" ? 0 : start + stepMs;
        }
        if (spec.status == u"RUNNING") {
            job.current = 1;
            job.phaseStart = job.steps[1].start;
            job.stepMs = std::max(job.stepMs, int(spec.ageMs) + 3600000); // keeps running
        }
        if (spec.status == u"STOPPED")
            job.current = 1;
        if (spec.status == u"FINISHED" || spec.status == u"ERROR" || spec.status == u"DISCARDED")
            job.end = at;
    }
    d->jobs.push_back(job);
    return job.uuid;
}

QString KylinSimulator::jobStatus(const QString &uuid)
{
    SimJob *job = d->find(uuid);
    if (!job)
        return {};
    d->advance(*job, Private::now());
    return job->status;
}

QStringList KylinSimulator::stepStatuses(const QString &uuid)
{
    QStringList statuses;
    SimJob *job = d->find(uuid);
    if (!job)
        return statuses;
    d->advance(*job, Private::now());
    for (const SimStep &step : job->steps)
        statuses.append(step.status);
    return statuses;
}

bool KylinSimulator::discardJob(const QString &uuid)
{
    SimJob *job = d->find(uuid);
    if (!job)
        return false;
    d->advance(*job, Private::now());
    return !d->discard(*job).has_value();
}

int KylinSimulator::jobCount() const
{
    return int(d->jobs.size());
}

void KylinSimulator::setServerError(bool on)
{
    d->serverError = on;
}

QString KylinSimulator::serverErrorMessage()
{
    return u"java.lang.IllegalStateException: The job store at hdfs:///kylin/kylin_metadata is not reachable"_s;
}

int KylinSimulator::requestCount(const QString &kind) const
{
    return d->counts.value(kind);
}

QStringList KylinSimulator::acceptLanguages() const
{
    return d->languages;
}

QList<QUrlQuery> KylinSimulator::listQueries() const
{
    return d->lists;
}

QByteArrayList KylinSimulator::acceptHeaders() const
{
    return d->accepts;
}

QByteArrayList KylinSimulator::v4Bodies() const
{
    return d->bodies;
}

QStringList KylinSimulator::basicUsers() const
{
    return d->basics;
}

void KylinSimulator::resetCounters()
{
    d->counts.clear();
    d->languages.clear();
    d->lists.clear();
    d->accepts.clear();
    d->bodies.clear();
    d->basics.clear();
}

} // namespace JobDeck::Sim
