// The SQLFlow simulator is built on QAbstractHttpServer, like the Linkis one: one
// handleRequest() sees every request with its raw body (multipart or urlencoded forms are
// parsed here, independently of the client's encoder), and any status, header or body can be
// answered. Lineage exports are written chunked from a timer, one chunk per event-loop turn,
// so the client receives them in pieces while the server is still sending.

#include "sqlflow/sqlflowsimulator.h"

#include "common/simserver.h"

#include <QAbstractHttpServer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
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
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace JobDeck::Sim {

namespace {

constexpr QStringView apiPrefix = u"/gspLive_backend/";
constexpr QStringView onPremUser = u"gudu|0123456789";
constexpr QByteArrayView jsonType = "application/json;charset=UTF-8";

struct Part
{
    QString name;
    QString fileName; // empty for a text field
    QByteArray contentType;
    QByteArray data;
};

struct Form
{
    QMap<QString, QString> fields;
    QList<Part> files;
    QString error; // the body could not be read as a form
};

QByteArray headerParameter(const QByteArray &header, const QByteArray &name)
{
    // name="value" (quoted, browser-escaped) or name=value.
    const QByteArray lower = header.toLower();
    qsizetype at = 0;
    const QByteArray key = name + '=';
    while ((at = lower.indexOf(key, at)) >= 0) {
        if (at > 0 && lower.at(at - 1) != ' ' && lower.at(at - 1) != ';') {
            at += name.size();
            continue;
        }
        qsizetype start = at + name.size() + 1;
        if (start < header.size() && header.at(start) == '"') {
            const qsizetype end = header.indexOf('"', start + 1);
            if (end < 0)
                return {};
            QByteArray value = header.mid(start + 1, end - start - 1);
            value.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
            return value;
        }
        qsizetype end = header.indexOf(';', start);
        return header.mid(start, end < 0 ? -1 : end - start).trimmed();
    }
    return {};
}

Form parseMultipart(const QByteArray &body, const QByteArray &boundary)
{
    Form form;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0) {
        form.error = u"no multipart boundary in the body"_s;
        return form;
    }
    for (;;) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return form; // the closing delimiter
        if (body.mid(at, 2) != "\r\n") {
            form.error = u"a multipart delimiter without CRLF"_s;
            return form;
        }
        at += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        if (headEnd < 0) {
            form.error = u"a multipart part without the end of its headers"_s;
            return form;
        }
        Part part;
        for (const QByteArray &line : body.mid(at, headEnd - at).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const qsizetype colon = trimmed.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = trimmed.left(colon).trimmed().toLower();
            const QByteArray value = trimmed.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(headerParameter(value, "name"));
                part.fileName = QString::fromUtf8(headerParameter(value, "filename"));
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), dataStart);
        if (next < 0) {
            form.error = u"a multipart part without a delimiter after it"_s;
            return form;
        }
        part.data = body.mid(dataStart, next - dataStart);
        if (part.name.isEmpty()) {
            form.error = u"a multipart part without a name"_s;
            return form;
        }
        if (!part.fileName.isEmpty() || part.name == u"sqlfiles")
            form.files.append(part);
        else
            form.fields.insert(part.name, QString::fromUtf8(part.data));
        at = next + 2;
    }
}

Form parseUrlEncoded(const QByteArray &body)
{
    Form form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const auto decode = [](QByteArray bytes) {
            bytes.replace('+', ' ');
            return QUrl::fromPercentEncoding(bytes);
        };
        form.fields.insert(decode(pair.left(eq < 0 ? pair.size() : eq)),
                           eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return form;
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Reply
{
    int httpStatus = 200;
    QByteArray contentType = jsonType.toByteArray();
    QByteArray body;
};

// Spring Boot's own JSON error body, for paths and methods no controller maps.
Reply springError(int status, const QString &error, const QString &path)
{
    Reply reply;
    reply.httpStatus = status;
    reply.body = jsonBytes({{u"timestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                            {u"status"_s, status},
                            {u"error"_s, error},
                            {u"path"_s, path}});
    return reply;
}

struct Script
{
    int createMs = 0;
    int runMs = 0;
    QString word;
    QString outcome;
    QString error;
};

void applyDirectives(Script &script, const QByteArray &sql)
{
    static const QRegularExpression directive(u"^\\s*--\\s*sqlflow-sim:(.*)$"_s,
                                              QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(sql.left(64 * 1024));
    auto it = directive.globalMatch(text);
    while (it.hasNext()) {
        QString rest = it.next().captured(1).trimmed();
        while (!rest.isEmpty()) {
            const qsizetype eq = rest.indexOf(u'=');
            if (eq <= 0)
                break;
            const QString key = rest.left(eq).trimmed();
            if (key == u"error") {
                script.error = rest.mid(eq + 1).trimmed();
                break;
            }
            qsizetype space = rest.indexOf(u' ', eq);
            const QString value = rest.mid(eq + 1, space < 0 ? -1 : space - eq - 1);
            if (key == u"create")
                script.createMs = value.toInt();
            else if (key == u"run")
                script.runMs = value.toInt();
            else if (key == u"word")
                script.word = value;
            else if (key == u"outcome")
                script.outcome = value;
            rest = space < 0 ? QString() : rest.mid(space + 1).trimmed();
        }
    }
}

struct Job
{
    QString id;
    QString name;
    QString userId;
    QString dbVendor;
    QStringList fileNames;
    qint64 submitAtMs = 0;   // simulator clock
    qint64 submitWallMs = 0; // epoch ms
    Script script;
    bool persist = false;
    bool incremental = false;
    bool deleted = false;
    QString fixedStatus; // seeded jobs

    QString status(qint64 nowMs) const
    {
        if (deleted)
            return u"delete"_s;
        if (!fixedStatus.isEmpty())
            return fixedStatus;
        const qint64 age = nowMs - submitAtMs;
        if (age < script.createMs)
            return u"create"_s;
        if (age < qint64(script.createMs) + script.runMs)
            return script.word;
        return script.outcome;
    }
};

struct TokenInfo
{
    QString userId;
    qint64 issuedAtMs = 0;
    int generation = 0;
};

} // namespace

class SqlflowSimulator::Private
{
public:
    Private(SqlflowSimulator *owner, const Options &initial)
        : q(owner)
        , options(initial)
    {
        clock.start();
        frontEnd = std::make_unique<FrontEnd>(
            [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                handle(request, responder);
            });
    }

    ~Private()
    {
        streams.clear(); // responders reach into the server's connections: release them first
        frontEnd.reset();
    }

    struct Stream
    {
        QHttpServerResponder responder;
        QByteArray body;
        qsizetype sent = 0;
        quint16 peerPort = 0;
    };

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatch(const QString &endpoint, const Form &form, const QString &path, RequestRecord &record);
    std::optional<Reply> authenticate(const Form &form) const;
    Reply ok(const QJsonObject &data) const;
    Reply refusal(int code, const QString &error) const;
    QJsonObject summary(const Job &job) const;
    QJsonObject aggregate(const QString &userId) const;
    Job *findJob(const QString &id, const QString &userId);
    QString issueToken(const QString &userId);
    void startStream(QHttpServerResponder &responder,
                     quint16 peerPort,
                     const QByteArray &contentType,
                     const QByteArray &fileName,
                     QByteArray body);
    void pump(quint64 id);

    SqlflowSimulator *const q;
    Options options;
    std::unique_ptr<FrontEnd> frontEnd;
    QPointer<TrackingTcpServer> tcp;
    QElapsedTimer clock;

    QHash<QString, QString> secrets; // userId -> secret key
    QHash<QString, TokenInfo> tokens;
    int tokenGeneration = 0; // tokens of older generations are expired
    int tokensIssued = 0;

    std::map<QString, Job> jobs; // by id
    QList<QString> jobOrder;     // submit order
    QList<ReceivedFile> files;
    QList<RequestRecord> records;

    std::optional<Reply> exportFault;
    std::map<quint64, Stream> streams;
    quint64 nextStreamId = 0;
    mutable QHash<QString, QByteArray> artefactCache;
};

void SqlflowSimulator::Private::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    RequestRecord record;
    record.atMs = clock.elapsed();
    record.endpoint = path.section(u'/', -1);
    record.contentType = request.value("Content-Type");
    record.accept = request.value("Accept");

    Reply reply;
    Form form;
    if (!path.startsWith(apiPrefix)) {
        reply = springError(404, u"Not Found"_s, path);
    } else if (request.method() != QHttpServerRequest::Method::Post) {
        reply = springError(405, u"Method Not Allowed"_s, path);
    } else {
        const QByteArray contentType = record.contentType.toLower();
        if (contentType.startsWith("multipart/form-data"))
            form = parseMultipart(request.body(), headerParameter(record.contentType, "boundary"));
        else if (contentType.startsWith("application/x-www-form-urlencoded"))
            form = parseUrlEncoded(request.body());
        else
            form.error = u"Content type '%1' not supported"_s.arg(QString::fromUtf8(record.contentType));
        record.fields = form.fields;
        if (!form.error.isEmpty())
            reply = springError(400, u"Bad Request: "_s + form.error, path);
    }
    records.append(record);
    Q_EMIT q->requestReceived(record.endpoint);
    if (reply.body.isEmpty())
        reply = dispatch(path.sliced(apiPrefix.size()), form, path, records.last());
    if (reply.httpStatus == 0) {
        // An artefact: streamed by dispatch().
        startStream(responder, request.remotePort(), reply.contentType, {}, reply.body);
        return;
    }
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, reply.contentType);
    responder.write(reply.body, headers, QHttpServerResponder::StatusCode(reply.httpStatus));
}

Reply SqlflowSimulator::Private::ok(const QJsonObject &data) const
{
    Reply reply;
    reply.body = jsonBytes({{u"code"_s, 200}, {u"data"_s, data}});
    return reply;
}

Reply SqlflowSimulator::Private::refusal(int code, const QString &error) const
{
    Reply reply;
    if (options.errorsWithHttpStatus)
        reply.httpStatus = code == 401 ? 401 : code == 404 ? 404 : 400;
    reply.body = jsonBytes({{u"code"_s, code}, {u"error"_s, error}});
    return reply;
}

QString SqlflowSimulator::Private::issueToken(const QString &userId)
{
    ++tokensIssued;
    const QByteArray header = QByteArray("{\"typ\":\"JWT\",\"alg\":\"HS256\"}")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = jsonBytes({{u"aud"_s, u"gudusoft"_s},
                                          {u"sub"_s, userId},
                                          {u"n"_s, tokensIssued},
                                          {u"iat"_s, QDateTime::currentSecsSinceEpoch()}})
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray signature = QUuid::createUuid().toRfc4122().toBase64(QByteArray::Base64UrlEncoding
                                                                          | QByteArray::OmitTrailingEquals);
    const QString token = QString::fromLatin1(header + '.' + payload + '.' + signature);
    tokens.insert(token, TokenInfo{userId, clock.elapsed(), tokenGeneration});
    return token;
}

std::optional<Reply> SqlflowSimulator::Private::authenticate(const Form &form) const
{
    const QString userId = form.fields.value(u"userId"_s);
    if (!options.cloud) {
        if (userId != onPremUser)
            return refusal(400, u"user %1 does not exist"_s.arg(userId));
        return std::nullopt;
    }
    if (userId.isEmpty())
        return refusal(400, u"userId is required"_s);
    const QString token = form.fields.value(u"token"_s);
    const auto it = tokens.constFind(token);
    if (token.isEmpty() || it == tokens.cend() || it->userId != userId)
        return refusal(401, u"invalid token, please generate a new token"_s);
    if (it->generation != tokenGeneration || clock.elapsed() - it->issuedAtMs >= options.tokenTtlMs)
        return refusal(401, u"token expired, please generate a new token"_s);
    return std::nullopt;
}

QJsonObject SqlflowSimulator::Private::summary(const Job &job) const
{
    const QString status = job.status(clock.elapsed());
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(job.submitWallMs, QTimeZone::UTC)
                                  .toTimeZone(QTimeZone::fromSecondsAheadOfUtc(options.zoneOffsetSeconds));
    QJsonObject object{{u"jobId"_s, job.id},
                       {u"jobName"_s, job.name},
                       {u"userId"_s, job.userId},
                       {u"dbVendor"_s, job.dbVendor},
                       {u"dataSource"_s, QJsonObject{}},
                       {u"defaultDatabase"_s, u""_s},
                       {u"defaultSchema"_s, u""_s},
                       {u"fileNames"_s, QJsonArray::fromStringList(job.fileNames)},
                       {u"createTime"_s, created.toString(u"yyyy-MM-dd HH:mm:ss")},
                       {u"status"_s, status}};
    if (status == u"success" || status == u"partial_success" || status == u"fail") {
        object.insert(
            u"sessionId"_s,
            QString(QString::fromLatin1(
                        QCryptographicHash::hash(job.id.toUtf8(), QCryptographicHash::Sha256).toHex())
                    + u'_' + QString::number(job.submitWallMs + job.script.createMs + job.script.runMs)));
    }
    if (status == u"fail" || status == u"partial_success")
        object.insert(u"errorMessage"_s, job.script.error);
    if (options.summaryShape == SummaryShape::Aggregate) {
        object.insert(u"persist"_s, job.persist);
        object.insert(u"incremental"_s, job.incremental);
        object.insert(u"executeTimeMillis"_s, 0);
        const qint64 seconds = (job.script.createMs + job.script.runMs) / 1000;
        object.insert(u"executeTime"_s, u"%1min %2sec"_s.arg(seconds / 60).arg(seconds % 60));
    }
    return object;
}

QJsonObject SqlflowSimulator::Private::aggregate(const QString &userId) const
{
    int success = 0, partial = 0, fail = 0, total = 0;
    QJsonArray ids, details;
    // Newest first.
    for (auto it = jobOrder.crbegin(); it != jobOrder.crend(); ++it) {
        const Job &job = jobs.at(*it);
        if (job.deleted || (options.cloud && job.userId != userId))
            continue;
        const QString status = job.status(clock.elapsed());
        ++total;
        success += status == u"success";
        partial += status == u"partial_success";
        fail += status == u"fail";
        ids.append(job.id);
        details.append(summary(job));
    }
    return {{u"total"_s, total},
            {u"success"_s, success},
            {u"partialSuccess"_s, partial},
            {u"fail"_s, fail},
            {u"jobIds"_s, ids},
            {u"jobDetails"_s, details}};
}

Job *SqlflowSimulator::Private::findJob(const QString &id, const QString &userId)
{
    const auto it = jobs.find(id);
    if (it == jobs.end() || (options.cloud && it->second.userId != userId))
        return nullptr;
    return &it->second;
}

Reply SqlflowSimulator::Private::dispatch(const QString &endpoint,
                                          const Form &form,
                                          const QString &path,
                                          RequestRecord &)
{
    const QString userId = form.fields.value(u"userId"_s);
    if (endpoint == u"user/generateToken") {
        if (!options.cloud)
            return springError(404, u"Not Found"_s, path);
        const QString secret = form.fields.value(u"secretKey"_s);
        if (userId.isEmpty() || secret.isEmpty() || secrets.value(userId) != secret) {
            Reply reply;
            reply.body
                = jsonBytes({{u"code"_s, u"500"_s}, {u"error"_s, u"userId or secretKey is invalid"_s}});
            return reply;
        }
        Reply reply;
        reply.body = jsonBytes({{u"code"_s, u"200"_s}, {u"token"_s, issueToken(userId)}});
        return reply;
    }
    if (!endpoint.startsWith(u"sqlflow/job/"))
        return springError(404, u"Not Found"_s, path);
    const QString verb = endpoint.sliced(12);
    static const QStringList known{u"submitUserJob"_s,
                                   u"submitPersistJob"_s,
                                   u"displayUserJobSummary"_s,
                                   u"displayUserJobsSummary"_s,
                                   u"deleteUserJob"_s,
                                   u"exportLineageAsJson"_s,
                                   u"exportFullLineageAsCsv"_s,
                                   u"exportLineageAsCsv"_s,
                                   u"exportLineageAsGraphml"_s};
    if (!known.contains(verb)
        || (verb == u"exportFullLineageAsCsv" && options.csvEndpoints == CsvEndpoints::Short)
        || (verb == u"exportLineageAsCsv" && options.csvEndpoints == CsvEndpoints::Full))
        return springError(404, u"Not Found"_s, path);
    if (const auto refused = authenticate(form))
        return *refused;
    const QString owner = options.cloud ? userId : QString(onPremUser);

    if (verb == u"submitUserJob" || verb == u"submitPersistJob") {
        const bool persist = verb == u"submitPersistJob";
        const QString dbVendor = form.fields.value(u"dbvendor"_s);
        const QString name = form.fields.value(u"jobName"_s);
        if (dbVendor.isEmpty())
            return refusal(400, u"dbvendor is required"_s);
        if (name.isEmpty())
            return refusal(400, u"jobName is required"_s);
        if (form.files.isEmpty())
            return refusal(400, u"sqlfiles is required"_s);
        Script script{options.createMs, options.runMs, options.runningWord, options.outcome, {}};
        for (const Part &part : form.files) {
            if (!part.fileName.endsWith(u".zip", Qt::CaseInsensitive))
                applyDirectives(script, part.data);
        }
        const QString givenId = form.fields.value(u"jobId"_s);
        const bool incremental = form.fields.value(u"incremental"_s) == u"true";
        Job *job = nullptr;
        if (persist && !givenId.isEmpty()) {
            job = findJob(givenId, owner);
            if (!job || job->deleted)
                return refusal(400, u"job %1 does not exist"_s.arg(givenId));
            if (!incremental)
                return refusal(400, u"jobId is only for incremental jobs"_s);
            if (options.otherIdOnIncremental) {
                Job copy = *job;
                copy.id = QUuid::createUuid().toString(QUuid::Id128);
                jobs.emplace(copy.id, copy);
                jobOrder.append(copy.id);
                job = &jobs.at(copy.id);
            }
        } else {
            Job fresh;
            fresh.id = QUuid::createUuid().toString(QUuid::Id128);
            fresh.userId = owner;
            fresh.persist = persist;
            fresh.incremental = incremental;
            jobs.emplace(fresh.id, fresh);
            jobOrder.append(fresh.id);
            job = &jobs.at(fresh.id);
        }
        job->name = name;
        job->dbVendor = dbVendor;
        job->submitAtMs = clock.elapsed();
        job->submitWallMs = QDateTime::currentMSecsSinceEpoch();
        job->script = script;
        for (const Part &part : form.files) {
            if (!job->fileNames.contains(part.fileName))
                job->fileNames.append(part.fileName);
            files.append({job->id, verb, part.fileName, part.contentType, part.data});
        }
        return ok(summary(*job));
    }
    if (verb == u"displayUserJobsSummary")
        return ok(aggregate(owner));

    const QString jobId = form.fields.value(u"jobId"_s);
    if (jobId.isEmpty())
        return refusal(400, u"jobId is required"_s);
    Job *job = findJob(jobId, owner);
    if (!job)
        return refusal(400, u"job %1 does not exist"_s.arg(jobId));
    if (verb == u"displayUserJobSummary") {
        if (options.summaryShape == SummaryShape::Single)
            return ok(summary(*job));
        QJsonObject all = aggregate(owner);
        if (job->deleted) { // still answerable by id
            QJsonArray details = all.value(u"jobDetails"_s).toArray();
            details.append(summary(*job));
            all.insert(u"jobDetails"_s, details);
        }
        return ok(all);
    }
    if (verb == u"deleteUserJob") {
        job->deleted = true;
        return ok(summary(*job));
    }

    // Exports.
    if (exportFault) {
        Reply fault = *exportFault;
        exportFault.reset();
        return fault;
    }
    const QString status = job->status(clock.elapsed());
    if (status != u"success" && status != u"partial_success")
        return refusal(400,
                       u"job %1 is %2, lineage is only available for a successful job"_s.arg(jobId, status));
    const bool tableToTable = form.fields.value(u"tableToTable"_s) == u"true";
    Reply reply;
    reply.httpStatus = 0; // streamed
    if (verb == u"exportLineageAsJson") {
        reply.contentType = "application/json;charset=UTF-8";
        reply.body = options.lineageJson.isEmpty() ? q->artefact(jobId, u"json"_s, tableToTable, u',')
                                                   : options.lineageJson;
    } else if (verb == u"exportLineageAsGraphml") {
        reply.contentType = "application/xml;charset=UTF-8";
        reply.body = q->artefact(jobId, u"graphml"_s, tableToTable, u',');
    } else {
        const QString delimiter = form.fields.value(u"delimiter"_s, u","_s);
        reply.contentType = "text/csv;charset=UTF-8";
        reply.body = q->artefact(jobId, u"csv"_s, tableToTable, delimiter.isEmpty() ? u',' : delimiter.at(0));
    }
    return reply;
}

void SqlflowSimulator::Private::startStream(QHttpServerResponder &responder,
                                            quint16 peerPort,
                                            const QByteArray &contentType,
                                            const QByteArray &,
                                            QByteArray body)
{
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    headers.append("Content-Disposition", "attachment; filename=\"lineage\"");
    responder.writeBeginChunked(headers);
    const quint64 id = ++nextStreamId;
    streams.emplace(id, Stream{std::move(responder), std::move(body), 0, peerPort});
    QTimer::singleShot(0, q, [this, id] { pump(id); });
}

void SqlflowSimulator::Private::pump(quint64 id)
{
    const auto it = streams.find(id);
    if (it == streams.end())
        return;
    Stream &stream = it->second;
    const QTcpSocket *socket = tcp ? tcp->socketFor(stream.peerPort) : nullptr;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        streams.erase(it); // the client went away
        return;
    }
    const qsizetype size
        = std::min<qsizetype>(std::max(1, options.chunkBytes), stream.body.size() - stream.sent);
    const QByteArray chunk = stream.body.mid(stream.sent, size);
    stream.sent += size;
    const qint64 sent = stream.sent;
    const qint64 total = stream.body.size();
    if (stream.sent >= stream.body.size()) {
        stream.responder.writeEndChunked(chunk);
        streams.erase(it);
        Q_EMIT q->artefactChunkSent(sent, total);
        return;
    }
    stream.responder.writeChunk(chunk);
    Q_EMIT q->artefactChunkSent(sent, total);
    QTimer::singleShot(1, q, [this, id] { pump(id); });
}

SqlflowSimulator::SqlflowSimulator(QObject *parent)
    : SqlflowSimulator(Options{}, parent)
{}

SqlflowSimulator::SqlflowSimulator(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{}

SqlflowSimulator::~SqlflowSimulator() = default;

bool SqlflowSimulator::listen(quint16 port)
{
    auto *server = new TrackingTcpServer(d->frontEnd.get());
    if (!listenOnLoopback(d->frontEnd.get(), server, port, nullptr))
        return false;
    d->tcp = server;
    return true;
}

quint16 SqlflowSimulator::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QUrl SqlflowSimulator::baseUrl() const
{
    return loopbackUrl(port());
}

const SqlflowSimulator::Options &SqlflowSimulator::options() const
{
    return d->options;
}

void SqlflowSimulator::setOptions(const Options &options)
{
    d->options = options;
    d->artefactCache.clear();
}

void SqlflowSimulator::addUser(const QString &userId, const QString &secretKey)
{
    d->secrets.insert(userId, secretKey);
}

void SqlflowSimulator::expireTokens()
{
    ++d->tokenGeneration;
}

int SqlflowSimulator::tokensIssued() const
{
    return d->tokensIssued;
}

void SqlflowSimulator::failNextExport(int httpStatus, const QByteArray &contentType, const QByteArray &body)
{
    d->exportFault = Reply{httpStatus, contentType, body};
}

QString SqlflowSimulator::addJob(const QString &userId,
                                 const QString &name,
                                 const QString &status,
                                 int ageSeconds)
{
    Job job;
    job.id = QUuid::createUuid().toString(QUuid::Id128);
    job.name = name;
    job.userId = d->options.cloud ? userId : QString(onPremUser);
    job.dbVendor = u"dbvoracle"_s;
    job.fileNames = {name + u".sql"_s};
    job.submitAtMs = d->clock.elapsed() - qint64(ageSeconds) * 1000;
    job.submitWallMs = QDateTime::currentMSecsSinceEpoch() - qint64(ageSeconds) * 1000;
    job.fixedStatus = status;
    if (status == u"fail")
        job.script.error = u"syntax error"_s;
    d->jobs.emplace(job.id, job);
    // Kept in submit order, oldest first.
    qsizetype at = d->jobOrder.size();
    while (at > 0 && d->jobs.at(d->jobOrder.at(at - 1)).submitWallMs > job.submitWallMs)
        --at;
    d->jobOrder.insert(at, job.id);
    return job.id;
}

QList<SqlflowSimulator::ReceivedFile> SqlflowSimulator::receivedFiles(const QString &jobId) const
{
    QList<ReceivedFile> result;
    for (const ReceivedFile &file : d->files) {
        if (jobId.isEmpty() || file.jobId == jobId)
            result.append(file);
    }
    return result;
}

QList<SqlflowSimulator::RequestRecord> SqlflowSimulator::requests(const QString &endpoint) const
{
    QList<RequestRecord> result;
    for (const RequestRecord &record : d->records) {
        if (endpoint.isEmpty() || record.endpoint == endpoint)
            result.append(record);
    }
    return result;
}

int SqlflowSimulator::requestCount(const QString &endpoint) const
{
    return int(requests(endpoint).size());
}

int SqlflowSimulator::jobCount() const
{
    return int(d->jobs.size());
}

QString SqlflowSimulator::jobStatus(const QString &jobId) const
{
    const auto it = d->jobs.find(jobId);
    return it == d->jobs.end() ? QString() : it->second.status(d->clock.elapsed());
}

QByteArray SqlflowSimulator::artefact(const QString &jobId,
                                      const QString &format,
                                      bool tableToTable,
                                      QChar delimiter) const
{
    const QString key = u"%1/%2/%3/%4"_s.arg(jobId, format).arg(tableToTable).arg(delimiter);
    if (const auto it = d->artefactCache.constFind(key); it != d->artefactCache.cend())
        return *it;
    const qint64 target = std::max<qint64>(1, d->options.artefactBytes);
    const QByteArray id = jobId.toLatin1();
    const QByteArray level = tableToTable ? "table" : "column";
    QByteArray out;
    out.reserve(target + 4096);
    if (format == u"json") {
        out += "{\"jobId\":\"" + id + "\",\"level\":\"" + level + "\",\"relationships\":[";
        for (qint64 n = 0; out.size() < target; ++n) {
            if (n > 0)
                out += ',';
            const QByteArray i = QByteArray::number(n);
            out += "{\"id\":" + i + ",\"type\":\"fdd\",\"source\":{\"table\":\"src_" + i
                   + "\",\"column\":\"c_" + i + "\"},\"target\":{\"table\":\"dst_" + i + "\",\"column\":\"c_"
                   + i + "\"}}";
        }
        out += "]}";
    } else if (format == u"csv") {
        const QByteArray sep = QString(delimiter).toUtf8();
        const QList<QByteArray> header{"source_db",
                                       "source_schema",
                                       "source_table",
                                       "source_column",
                                       "target_db",
                                       "target_schema",
                                       "target_table",
                                       "target_column",
                                       "relation_type",
                                       "job"};
        out += header.join(sep) + "\n";
        for (qint64 n = 0; out.size() < target; ++n) {
            const QByteArray i = QByteArray::number(n);
            const QByteArray column = tableToTable ? QByteArray("*") : QByteArray("c_" + i);
            out += QList<QByteArray>{"db",
                                     "dbo",
                                     QByteArray("src_" + i),
                                     column,
                                     "db",
                                     "dbo",
                                     QByteArray("dst_" + i),
                                     column,
                                     "fdd",
                                     id}
                       .join(sep)
                   + "\n";
        }
    } else {
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
               "xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph id=\""
               + id + "\" edgedefault=\"directed\" level=\"" + level + "\">\n";
        for (qint64 n = 0; out.size() < target; ++n) {
            const QByteArray i = QByteArray::number(n);
            out += "<node id=\"s" + i + "\"/><node id=\"t" + i + "\"/><edge source=\"s" + i + "\" target=\"t"
                   + i + "\"/>\n";
        }
        out += "</graph>\n</graphml>\n";
    }
    d->artefactCache.insert(key, out);
    return out;
}

} // namespace JobDeck::Sim
