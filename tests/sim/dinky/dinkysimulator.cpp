// A Dinky server built on QAbstractHttpServer: one handler sees every request, with any
// method, so the simulator can answer the wrong method the way Spring does (code 5 with a
// stack trace) and any status or body.

#include "dinky/dinkysimulator.h"

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
#include <QMetaEnum>
#include <QTcpServer>
#include <QTimeZone>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace JobDeck::Sim {

namespace {

constexpr QByteArrayView jsonType = "application/json;charset=UTF-8";

struct Reply
{
    int httpStatus = 200;
    QByteArray contentType = jsonType.toByteArray();
    QByteArray body;
};

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return QString::fromLatin1(key ? key : "Unknown").toUpper();
}

bool isDone(const QString &state)
{
    return state == u"FINISHED" || state == u"FAILED" || state == u"CANCELED" || state == u"UNKNOWN";
}

QString stackTrace(const QString &exception)
{
    return exception
           + u"\n\tat org.dinky.controller.APIController.submitTask(APIController.java:88)"
             u"\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source)"
             u"\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)"_s;
}

} // namespace

class DinkySimulator::Private
{
public:
    struct Instance
    {
        qint64 id = 0;
        qint64 taskId = 0;
        QString jid;
        int polls = 0;
        QString forcedState; // set by cancel or a forced refresh: overrides the script
        QDateTime created;
        QDateTime finished; // invalid while not done
        QString lastState;
    };

    DinkySimulator *q;
    Options options;
    std::unique_ptr<FrontEnd> frontEnd;
    QTcpServer *tcp = nullptr;

    QHash<QString, QString> passwords;
    QString apiToken;
    QHash<QString, QString> tokens;         // token -> user
    QHash<QString, QString> revokedReasons; // token -> why it no longer works
    QHash<qint64, Task> tasks;
    QHash<qint64, Instance> instances;
    QList<qint64> runs;
    qint64 nextInstanceId = 500;
    QHash<qint64, int> processReads; // task id -> getProcess requests
    int savepoints = 0;

    bool throwException = false;
    bool answerHtml = false;
    QHash<QString, int> counts;
    QHash<QString, QList<Recorded>> recorded;
    Recorded last;
    int logins = 0;

    bool v07() const { return options.version == Version::V07; }
    QTimeZone zone() const { return QTimeZone::fromSecondsAheadOfUtc(options.zoneOffsetSeconds); }
    QString local(const QDateTime &at) const
    {
        return at.toTimeZone(zone()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    }
    QString localIso(const QDateTime &at) const
    {
        return at.toTimeZone(zone()).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    }

    static QByteArray cookie(const QHttpServerRequest &request, QByteArrayView name)
    {
        for (const QByteArray &header : request.headers().values(QHttpHeaders::WellKnownHeader::Cookie)) {
            for (const QByteArray &pair : header.split(';')) {
                const QByteArray trimmed = pair.trimmed();
                const qsizetype equals = trimmed.indexOf('=');
                if (equals > 0 && QByteArrayView(trimmed).first(equals) == name)
                    return trimmed.sliced(equals + 1);
            }
        }
        return {};
    }

    QByteArray tokenName() const { return v07() ? "satoken" : "dinky-token"; }

    QByteArray tokenOf(const QHttpServerRequest &request) const
    {
        const QByteArray header = request.value(tokenName());
        return header.isEmpty() ? cookie(request, tokenName()) : header;
    }

    Reply result(int code, const QString &msg, const QJsonValue &data, int httpStatus = 200) const
    {
        QJsonObject body{
            {u"code"_s, code}, {u"msg"_s, msg}, {u"time"_s, local(QDateTime::currentDateTimeUtc())}};
        if (v07()) {
            body.insert(u"datas"_s, data);
        } else {
            body.insert(u"data"_s, data);
            body.insert(u"success"_s, code == 0);
        }
        Reply reply;
        reply.httpStatus = httpStatus;
        reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return reply;
    }
    Reply ok(const QJsonValue &data, const QString &msg = {}) const
    {
        return result(0, msg.isEmpty() ? (v07() ? u"获取成功"_s : u"Successfully"_s) : msg, data);
    }
    Reply exception(const QString &exceptionText) const
    {
        // UnKnownExceptionHandler: HTTP 200, code 5, the message, the stack trace in data.
        const qsizetype colon = exceptionText.indexOf(u": "_s);
        const QString message = colon < 0 ? exceptionText : exceptionText.mid(colon + 2);
        return result(5, message, stackTrace(exceptionText));
    }
    Reply notLoggedIn(const QString &why) const
    {
        return v07() ? result(401, why, QJsonValue::Null, 401) : result(7, why, QJsonValue::Null, 401);
    }

    // Who the request is from; empty with `why` set when its token is missing or dead.
    QString authenticate(const QHttpServerRequest &request, QString *why) const
    {
        const QString token = QString::fromUtf8(tokenOf(request));
        if (token.isEmpty()) {
            *why = u"Token not found"_s;
            return {};
        }
        if (!apiToken.isEmpty() && token == apiToken)
            return u"admin"_s;
        if (tokens.contains(token))
            return tokens.value(token);
        *why = revokedReasons.value(token, u"Token invalid"_s);
        return {};
    }

    Instance *instance(qint64 id)
    {
        auto it = instances.find(id);
        return it == instances.end() ? nullptr : &*it;
    }

    QString stateOf(Instance &inst, bool advance)
    {
        const Task task = tasks.value(inst.taskId);
        QString state = inst.forcedState;
        if (state.isEmpty()) {
            const QStringList &states = task.states;
            state = states.isEmpty() ? u"RUNNING"_s
                                     : states.at(std::min<qsizetype>(inst.polls, states.size() - 1));
            if (advance)
                ++inst.polls;
        }
        if (state != inst.lastState) {
            inst.lastState = state;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const bool finalState = inst.forcedState.isEmpty() && inst.polls >= task.states.size();
            if (state == u"FAILED" && finalState)
                inst.finished = now.addSecs(-120); // Dinky stopped watching it long ago
            else if (isDone(state))
                inst.finished = now;
            else
                inst.finished = {};
        }
        return state;
    }

    QJsonObject instanceJson(Instance &inst, bool advance)
    {
        const QString state = stateOf(inst, advance);
        const Task task = tasks.value(inst.taskId);
        const QDateTime end = inst.finished.isValid() ? inst.finished : QDateTime::currentDateTimeUtc();
        const qint64 durationMs = std::max<qint64>(0, inst.created.msecsTo(end));
        QJsonObject json{
            {u"id"_s, inst.id},
            {u"tenantId"_s, 1},
            {u"name"_s, task.name},
            {u"taskId"_s, inst.taskId},
            {u"step"_s, v07() ? 5 : 2},
            {u"clusterId"_s, 1},
            {u"jid"_s, inst.jid},
            {u"status"_s, state},
            {u"historyId"_s, inst.id + 1000},
            {u"error"_s, state == u"FAILED" ? u"java.lang.RuntimeException: sink down"_s : QString()},
            {u"createTime"_s, local(inst.created)},
            {u"updateTime"_s, local(QDateTime::currentDateTimeUtc())},
            {u"finishTime"_s, inst.finished.isValid() ? QJsonValue(local(inst.finished)) : QJsonValue()},
            {u"duration"_s, v07() ? durationMs / 1000 : durationMs},
            {u"failedRestartCount"_s, 0},
            {u"creator"_s, 1}};
        if (state.isEmpty())
            json.remove(u"status"_s);
        return json;
    }

    QJsonObject jobResult(const Task &task, const Instance *inst, const QString &error) const
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject config{{u"jobName"_s, task.name},
                           {u"taskId"_s, task.id},
                           {u"type"_s, u"kubernetes-application"_s},
                           {u"savePointPath"_s, QJsonValue()},
                           {u"variables"_s, QJsonObject()}};
        return QJsonObject{{u"id"_s, QJsonValue()},
                           {u"jobConfig"_s, config},
                           {u"jobManagerAddress"_s, u"127.0.0.1:8081"_s},
                           {u"status"_s, error.isEmpty() ? u"SUCCESS"_s : u"FAILED"_s},
                           {u"success"_s, error.isEmpty()},
                           {u"statement"_s, u"insert into sink select * from source"_s},
                           {u"jobId"_s, inst ? QJsonValue(inst->jid) : QJsonValue()},
                           {u"jobInstanceId"_s, inst ? QJsonValue(inst->id) : QJsonValue()},
                           {u"error"_s, error.isEmpty() ? QJsonValue() : QJsonValue(error)},
                           {u"result"_s, QJsonValue()},
                           {u"results"_s, QJsonArray()},
                           {u"startTime"_s, localIso(now.addSecs(-1))},
                           {u"endTime"_s, localIso(now)}};
    }

    Reply run(qint64 taskId)
    {
        if (!tasks.contains(taskId))
            return result(
                1, v07() ? u"任务不存在"_s : u"Task does not exist: %1"_s.arg(taskId), QJsonValue());
        const Task &task = tasks[taskId];
        if (!task.submitError.isEmpty())
            return result(1, task.submitError, jobResult(task, nullptr, task.submitError));
        Instance inst;
        inst.id = nextInstanceId++;
        inst.taskId = taskId;
        inst.jid = QUuid::createUuid().toString(QUuid::Id128);
        inst.created = QDateTime::currentDateTimeUtc();
        instances.insert(inst.id, inst);
        runs.append(inst.id);
        processReads.remove(taskId);
        return result(
            0, v07() ? u"执行成功"_s : u"Execute Successfully"_s, jobResult(task, &instances[inst.id], {}));
    }

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatch(const QHttpServerRequest &request, const QString &kind);
    static QString kindOf(const QString &path);
};

QString DinkySimulator::Private::kindOf(const QString &path)
{
    static const QHash<QString, QString> kinds{
        {u"/openapi/version"_s, u"version"_s},
        {u"/api/login"_s, u"login"_s},
        {u"/api/outLogin"_s, u"logout"_s},
        {u"/openapi/submitTask"_s, u"submitTask"_s},
        {u"/openapi/getJobInstance"_s, u"getJobInstance"_s},
        {u"/openapi/getJobInstanceByTaskId"_s, u"getJobInstanceByTaskId"_s},
        {u"/openapi/cancel"_s, u"cancel"_s},
        {u"/openapi/savepoint"_s, u"savepoint"_s},
        {u"/openapi/savepointTask"_s, u"savepointTask"_s},
        {u"/openapi/restartTask"_s, u"restartTask"_s},
        {u"/openapi/selectSavePointRestartTask"_s, u"selectSavePointRestartTask"_s},
        {u"/api/process/getProcess"_s, u"getProcess"_s},
        {u"/api/jobInstance"_s, u"jobInstanceList"_s},
        {u"/api/jobInstance/refreshJobInfoDetail"_s, u"refreshJobInfoDetail"_s},
        {u"/api/jobInstance/getJobInfoDetail"_s, u"getJobInfoDetail"_s},
        {u"/api/tokenInfo"_s, u"tokenInfo"_s}};
    return kinds.value(path, u"unknown"_s);
}

void DinkySimulator::Private::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    const QString kind = kindOf(path);
    ++counts[kind];
    Recorded rec;
    rec.method = methodName(request.method());
    rec.path = path;
    rec.query = QUrlQuery(request.url());
    rec.body = request.body();
    rec.languageHeader = request.value("language");
    rec.languageCookie = cookie(request, "language");
    rec.tenantCookie = cookie(request, "tenantId");
    rec.token = tokenOf(request);
    rec.hadCookies = !request.headers().values(QHttpHeaders::WellKnownHeader::Cookie).isEmpty();
    recorded[kind].append(rec);
    last = rec;

    Reply reply;
    if (answerHtml) {
        reply.contentType = "text/html;charset=UTF-8";
        reply.body
            = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>proxy login</body></html>";
    } else {
        reply = dispatch(request, kind);
    }
    QHttpHeaders headers;
    if (!reply.contentType.isEmpty())
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, reply.contentType);
    responder.write(reply.body, headers, QHttpServerResponder::StatusCode(reply.httpStatus));
}

Reply DinkySimulator::Private::dispatch(const QHttpServerRequest &request, const QString &kind)
{
    const QUrlQuery query(request.url());
    const QString method = methodName(request.method());
    const auto param = [&](const QString &name) {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    };
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();

    // 0.7's TenantInterceptor streams request.getCookies(), null without any cookie.
    if (v07() && request.headers().values(QHttpHeaders::WellKnownHeader::Cookie).isEmpty()) {
        Reply npe = exception(u"java.lang.NullPointerException: null"_s);
        npe.httpStatus = 500;
        return npe;
    }
    if (throwException && kind != u"login")
        return exception(u"java.lang.IllegalStateException: Flink cluster 127.0.0.1:8081 is unreachable"_s);

    if (kind == u"version") {
        if (v07()) {
            if (options.versionAnswersCode5)
                return exception(u"org.springframework.web.servlet.NoHandlerFoundException: No handler found "
                                 u"for GET /openapi/version, not supported"_s);
            Reply notFound;
            notFound.httpStatus = 404;
            notFound.body
                = R"({"timestamp":"2023-03-06T07:58:58.000+00:00","status":404,"error":"Not Found","path":"/openapi/version"})";
            return notFound;
        }
        return ok(u"1.1.0"_s, u"Get Successfully"_s);
    }

    if (kind == u"login") {
        const QString user = body.value(u"username"_s).toString();
        if (!passwords.contains(user) || passwords.value(user) != body.value(u"password"_s).toString())
            return v07() ? result(1, u"登录失败，用户名或密码错误"_s, QJsonValue())
                         : result(7, u"Username or password is incorrect"_s, QJsonValue());
        // is-concurrent: false, a new login pushes the user's other sessions offline.
        for (auto it = tokens.begin(); it != tokens.end();) {
            if (it.value() == user) {
                revokedReasons.insert(it.key(), u"token has been pushed offline"_s);
                it = tokens.erase(it);
            } else {
                ++it;
            }
        }
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        tokens.insert(token, user);
        ++logins;
        const QJsonObject tokenInfo{{u"tokenName"_s, QString::fromLatin1(tokenName())},
                                    {u"tokenValue"_s, token},
                                    {u"isLogin"_s, true},
                                    {u"tokenTimeout"_s, 36000}};
        return result(
            0,
            v07() ? u"登录成功"_s : u"Login Successfully"_s,
            QJsonObject{{u"user"_s, QJsonObject{{u"username"_s, user}}}, {u"tokenInfo"_s, tokenInfo}});
    }

    // The UI API (/api/**) needs a session; the OpenAPI does not (1.x runs it as admin).
    if (request.url().path().startsWith(u"/api/")) {
        QString why;
        if (authenticate(request, &why).isEmpty())
            return notLoggedIn(why);
    }

    if (kind == u"logout")
        return ok(QJsonValue(), u"Logout Successfully"_s);

    if (kind == u"submitTask") {
        const bool getWanted = v07() || options.submitGetOnly;
        if (getWanted && method != u"GET")
            return exception(
                u"org.springframework.web.HttpRequestMethodNotSupportedException: Request method '%1' not supported"_s
                    .arg(method));
        if (!getWanted && method != u"POST")
            return exception(
                u"org.springframework.web.HttpRequestMethodNotSupportedException: Request method '%1' not supported"_s
                    .arg(method));
        const qint64 id = getWanted ? param(u"id"_s).toLongLong() : qint64(body.value(u"id"_s).toDouble());
        return run(id);
    }

    if (kind == u"getJobInstance" || kind == u"getJobInstanceByTaskId") {
        const qint64 id = param(u"id"_s).toLongLong();
        Instance *inst = nullptr;
        if (kind == u"getJobInstance") {
            inst = instance(id);
        } else {
            for (qsizetype i = runs.size() - 1; i >= 0 && !inst; --i) {
                if (instances.value(runs.at(i)).taskId == id)
                    inst = instance(runs.at(i));
            }
        }
        if (!inst)
            return ok(QJsonValue::Null);
        return ok(instanceJson(*inst, true));
    }

    if (kind == u"cancel") {
        qint64 taskId = 0;
        if (v07()) {
            if (method != u"POST")
                return exception(
                    u"org.springframework.web.HttpRequestMethodNotSupportedException: Request method '%1' not supported"_s
                        .arg(method));
            const QString jid = body.value(u"jobId"_s).toString();
            for (const Instance &inst : std::as_const(instances)) {
                if (inst.jid == jid)
                    taskId = inst.taskId;
            }
        } else {
            if (method != u"GET")
                return exception(
                    u"org.springframework.web.HttpRequestMethodNotSupportedException: Request method '%1' not supported"_s
                        .arg(method));
            taskId = param(u"id"_s).toLongLong();
        }
        bool found = false;
        for (Instance &inst : instances) {
            const QString current = inst.forcedState.isEmpty() ? inst.lastState : inst.forcedState;
            if (inst.taskId == taskId && !isDone(current)) {
                inst.forcedState = u"CANCELED"_s;
                found = true;
            }
        }
        if (!found)
            return result(1, u"The job is not running: task %1"_s.arg(taskId), false);
        return ok(true, v07() ? u"执行成功"_s : u"Execute Successfully"_s);
    }

    if (kind == u"savepoint" || kind == u"savepointTask") {
        const qint64 taskId = kind == u"savepoint" ? param(u"taskId"_s).toLongLong()
                                                   : qint64(body.value(u"taskId"_s).toDouble());
        const QString type
            = kind == u"savepoint" ? param(u"savePointType"_s) : body.value(u"type"_s).toString();
        if (!tasks.contains(taskId))
            return result(1, u"Task does not exist: %1"_s.arg(taskId), QJsonValue());
        const QString path = u"hdfs:///flink/savepoints/savepoint-%1"_s.arg(++savepoints);
        if (type == u"cancel" || type == u"stop") {
            for (Instance &inst : instances) {
                if (inst.taskId == taskId && !isDone(inst.lastState))
                    inst.forcedState = u"CANCELED"_s;
            }
        }
        QJsonObject info{{u"jobId"_s, u"0"_s}, {u"savePoint"_s, path}};
        return ok(QJsonObject{{u"type"_s, type}, {u"jobInfos"_s, QJsonArray{info}}},
                  u"Execute Successfully"_s);
    }

    if (kind == u"restartTask" || kind == u"selectSavePointRestartTask") {
        const qint64 taskId = param(u"id"_s).toLongLong();
        return run(taskId);
    }

    if (kind == u"getProcess") {
        const QString name = param(u"processName"_s);
        if (!name.startsWith(u"FlinkSubmit/"))
            return ok(QJsonValue::Null);
        const qint64 taskId = name.mid(12).toLongLong();
        if (!tasks.contains(taskId) || tasks.value(taskId).consoleLines.isEmpty())
            return ok(QJsonValue::Null);
        const QStringList &lines = tasks.value(taskId).consoleLines;
        const int shown = std::min<int>(++processReads[taskId], int(lines.size()));
        const bool finished = shown >= lines.size();
        QString log;
        for (int i = 0; i < shown; ++i)
            log += lines.at(i) + u'\n';
        return ok(QJsonObject{{u"key"_s, name},
                              {u"title"_s, name},
                              {u"type"_s, u"FlinkSubmit"_s},
                              {u"status"_s, finished ? u"FINISHED"_s : u"RUNNING"_s},
                              {u"log"_s, log},
                              {u"children"_s, QJsonArray()}});
    }

    if (kind == u"jobInstanceList") {
        QJsonArray rows;
        for (qsizetype i = runs.size() - 1; i >= 0; --i) {
            Instance *inst = instance(runs.at(i));
            rows.append(instanceJson(*inst, false));
        }
        QJsonObject table{{u"total"_s, rows.size()},
                          {u"success"_s, true},
                          {u"current"_s, body.value(u"current"_s).toInt(1)},
                          {u"pageSize"_s, body.value(u"pageSize"_s).toInt(10)},
                          {u"data"_s, rows}};
        Reply reply;
        reply.body = QJsonDocument(table).toJson(QJsonDocument::Compact);
        return reply;
    }

    if (kind == u"refreshJobInfoDetail" || kind == u"getJobInfoDetail") {
        Instance *inst = instance(param(u"id"_s).toLongLong());
        if (!inst)
            return result(1, u"Job instance not found"_s, QJsonValue());
        if (kind == u"refreshJobInfoDetail" && param(u"isForce"_s) == u"true"
            && inst->lastState == u"UNKNOWN") {
            const QString after = tasks.value(inst->taskId).stateAfterForce;
            if (!after.isEmpty())
                inst->forcedState = after;
        }
        const QJsonObject tasksCount{{u"RUNNING"_s, 2}, {u"FINISHED"_s, 1}, {u"CANCELED"_s, 0}};
        const QJsonObject vertex{{u"id"_s, u"cbc357ccb763df2852fee8c4fc7d55f2"_s},
                                 {u"name"_s, u"Source: source -> Sink: sink"_s},
                                 {u"parallelism"_s, 3},
                                 {u"status"_s, u"RUNNING"_s},
                                 {u"tasks"_s, tasksCount}};
        const QJsonObject job{{u"jid"_s, inst->jid},
                              {u"state"_s, inst->lastState},
                              {u"start-time"_s, inst->created.toMSecsSinceEpoch()},
                              {u"end-time"_s, -1},
                              {u"vertices"_s, QJsonArray{vertex}}};
        return ok(QJsonObject{{u"id"_s, inst->id},
                              {u"instance"_s, instanceJson(*inst, false)},
                              {u"jobDataDto"_s, QJsonObject{{u"job"_s, job}}}});
    }

    if (kind == u"tokenInfo")
        return ok(QJsonObject{{u"tokenName"_s, QString::fromLatin1(tokenName())}, {u"isLogin"_s, true}});

    Reply notFound;
    notFound.httpStatus = 404;
    notFound.body = R"({"timestamp":"2024-10-20T04:42:50.000+00:00","status":404,"error":"Not Found"})";
    return notFound;
}

DinkySimulator::DinkySimulator(QObject *parent)
    : DinkySimulator(Options{}, parent)
{}

DinkySimulator::DinkySimulator(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->options = options;
    d->frontEnd = std::make_unique<FrontEnd>(
        [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            d->handle(request, responder);
        });
}

DinkySimulator::~DinkySimulator()
{
    d->frontEnd.reset();
}

bool DinkySimulator::listen(quint16 port)
{
    auto *server = new QTcpServer(d->frontEnd.get());
    if (!listenOnLoopback(d->frontEnd.get(), server, port, nullptr))
        return false;
    d->tcp = server;
    return true;
}

QUrl DinkySimulator::baseUrl() const
{
    return loopbackUrl(d->tcp ? d->tcp->serverPort() : 0);
}

const DinkySimulator::Options &DinkySimulator::options() const
{
    return d->options;
}

void DinkySimulator::setOptions(const Options &options)
{
    d->options = options;
}

void DinkySimulator::addUser(const QString &name, const QString &password)
{
    d->passwords.insert(name, password);
}

void DinkySimulator::setApiToken(const QString &token)
{
    d->apiToken = token;
}

void DinkySimulator::addTask(const Task &task)
{
    d->tasks.insert(task.id, task);
}

void DinkySimulator::expireTokens()
{
    for (auto it = d->tokens.cbegin(); it != d->tokens.cend(); ++it)
        d->revokedReasons.insert(it.key(), u"Token expired"_s);
    d->tokens.clear();
}

void DinkySimulator::kickOut(const QString &user)
{
    for (auto it = d->tokens.begin(); it != d->tokens.end();) {
        if (it.value() == user) {
            d->revokedReasons.insert(it.key(), u"token has been pushed offline"_s);
            it = d->tokens.erase(it);
        } else {
            ++it;
        }
    }
}

void DinkySimulator::setThrowException(bool on)
{
    d->throwException = on;
}

void DinkySimulator::setAnswerHtml(bool on)
{
    d->answerHtml = on;
}

int DinkySimulator::requestCount(const QString &kind) const
{
    return d->counts.value(kind);
}

int DinkySimulator::loginCount() const
{
    return d->logins;
}

QList<DinkySimulator::Recorded> DinkySimulator::requests(const QString &kind) const
{
    return d->recorded.value(kind);
}

DinkySimulator::Recorded DinkySimulator::lastRequest() const
{
    return d->last;
}

qint64 DinkySimulator::instanceOfRun(int run) const
{
    return run >= 0 && run < d->runs.size() ? d->runs.at(run) : 0;
}

} // namespace JobDeck::Sim
