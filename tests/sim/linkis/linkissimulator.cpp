// The Linkis simulator is built on QtHttpServer's QAbstractHttpServer rather than on QHttpServer's
// router: one handleRequest() sees every request with its raw path, so the execID can be taken
// from the still percent-encoded path the way the gateway does (§1.1), and any status code, header
// or (missing) body can be sent. A QTcpServer subclass passed to bind() keeps the accepted sockets,
// which is how a request's connection can be aborted without an answer (dropNextRequests).
// Answers can be given later (setDelayMs) because a QHttpServerResponder can be moved out of the
// handler and written to from a timer.

#include "linkis/linkissimulator.h"

#include "common/simserver.h"

#include "linkis/scenario.h"

#include <QAbstractHttpServer>
#include <QCache>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace JobDeck::Sim {

namespace {

constexpr QStringView restPrefix = u"/api/rest_j/v1/";
// The entrance that "runs" every job: the execID names it (§1.4) and so does log line 1.
constexpr QStringView entranceApplication = u"linkis-cg-entrance";
constexpr QStringView entranceInstance = u"127.0.0.1:9104";
constexpr QByteArrayView ticketCookie = "linkis_user_session_ticket_id_v1";
constexpr QByteArrayView jsonType = "application/json;charset=UTF-8";
constexpr qsizetype maxBodyBytes = 10 * 1024 * 1024;
constexpr int resultSetRowLimit = 100000; // linkis.filesystem.resultset.row.limit (§1.10)
constexpr qint64 sessionTimeoutMs = 7'200'000;
constexpr qint64 historySpacingMs = 60'000;

// Message texts, verbatim from the Linkis sources where protocols.md or the sources give them.
constexpr QStringView notLoggedIn = u"You are not logged in, please login first!(您尚未登录，请先登录!)";
constexpr QStringView logRefused
    = u"The job you just executed has ended. This interface no longer provides a query. It is "
      u"recommended that you download the log file for viewing.(您刚刚执行的job已经结束，本接口不再提供"
      u"查询，建议您下载日志文件进行查看)";
constexpr QStringView statusOfUnknownJob
    = u"ID The corresponding job is empty and cannot obtain the "
      u"corresponding task status.(ID 对应的job为空，不能获取相应的任务状态)";
constexpr QStringView progressOfUnknownJob
    = u"The job corresponding to the ID is empty, and the corresponding task progress cannot be "
      u"obtained.(ID 对应的job为空，不能获取相应的任务进度)";
constexpr QStringView progressNotYet
    = u"Can not get the corresponding progress information, it may be that the corresponding progress "
      u"information has not been generated(不能获取相应的进度信息,可能是相应的进度信息还未生成)";
constexpr QStringView historyNotFound = u"The corresponding job was not found, or there may be no permission "
                                        u"to view the job(没有找到对应的job，也可能是没有查看该job的权限)";

// The gateway's and Spring's view of one request.
struct Route
{
    QString kind;       // counter name, see LinkisSimulator::requestCount()
    QString methodPath; // envelope "method": /api/rest_j/v1/<decoded path>
    QString id;         // {execID} or {taskID} path segment, decoded
    QString verb;       // last segment
};

Route parseRoute(const QString &encodedPath)
{
    Route route;
    route.kind = u"unknown"_s;
    route.methodPath = QUrl::fromPercentEncoding(encodedPath.toUtf8());
    if (!encodedPath.startsWith(restPrefix))
        return route;
    QStringList segments = encodedPath.sliced(restPrefix.size()).split(u'/');
    // Clients may or may not percent-encode the execID's ':' (protocols.md §6): accept both.
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    route.verb = segments.constLast();
    const qsizetype n = segments.size();
    const QString &service = segments.constFirst();
    if (service == u"user" && n == 2) {
        static const QHash<QString, QString> verbs{{u"login"_s, u"login"_s},
                                                   {u"logout"_s, u"logout"_s},
                                                   {u"userInfo"_s, u"userInfo"_s},
                                                   {u"heartbeat"_s, u"heartbeat"_s},
                                                   {u"publicKey"_s, u"publicKey"_s},
                                                   {u"token-login"_s, u"tokenLogin"_s}};
        route.kind = verbs.value(route.verb, u"unknown"_s);
    } else if (service == u"entrance" && n == 2 && (route.verb == u"execute" || route.verb == u"submit")) {
        route.kind = route.verb;
    } else if (service == u"entrance" && n == 3) {
        static const QStringList actions{
            u"status"_s, u"progress"_s, u"progressWithResource"_s, u"log"_s, u"kill"_s};
        if (actions.contains(route.verb)) {
            route.kind = route.verb;
            route.id = segments.at(1);
        }
    } else if (service == u"jobhistory" && n == 2 && route.verb == u"list") {
        route.kind = u"historyList"_s;
    } else if (service == u"jobhistory" && n == 3 && route.verb == u"get") {
        route.kind = u"historyGet"_s;
        route.id = segments.at(1);
    } else if (service == u"filesystem" && n == 2
               && (route.verb == u"openLog" || route.verb == u"getDirFileTrees" || route.verb == u"openFile"
                   || route.verb == u"resultsetToExcel")) {
        route.kind = route.verb;
    } else if (service == u"datasource" && n == 2
               && (route.verb == u"dbs" || route.verb == u"tables" || route.verb == u"columns")) {
        route.kind = route.verb; // DataSourceRestfulApi (linkis-ps-metadataquery)
    }
    return route;
}

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return QString::fromLatin1(key ? key : "Unknown").toUpper(); // "GET", "POST"...
}

// Message.messageToHttpStatus (§1.2).
int httpStatusFor(int status)
{
    switch (status) {
    case -1:
        return 401;
    case 1:
        return 400;
    case 2:
        return 412;
    case 3:
        return 403;
    case 4:
        return 206;
    default:
        return 200;
    }
}

QByteArray jsonText(const QJsonValue &value)
{
    // QJsonDocument cannot hold a bare scalar: write it inside an array and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

// A cell as a JSON string. The simulator's cells are plain ASCII, which needs no escaping;
// anything else goes through QJsonDocument.
void appendJsonString(QByteArray &out, const QString &text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    if (!plain) {
        out += jsonText(text);
        return;
    }
    out += '"';
    out += text.toLatin1();
    out += '"';
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// "0.35", "0.5", "1.0", "0.0": how Linkis stores progress as a string in job history (§1.9).
QString progressText(double progress)
{
    QString text = QString::number(progress, 'f', 2);
    while (text.endsWith(u'0') && !text.endsWith(u".0"))
        text.chop(1);
    return text;
}

QString threeDigits(qsizetype n)
{
    return QString::number(n).rightJustified(3, u'0');
}

// The part before the version: "spark-3.2.1" -> "spark".
QString engineName(const QString &engineType)
{
    const qsizetype dash = engineType.indexOf(u'-');
    return dash < 0 ? engineType : engineType.first(dash);
}

QString logPathOf(qint64 taskId)
{
    return u"file:///sim/logs/%1.log"_s.arg(taskId);
}

QString resultLocationOf(qint64 taskId)
{
    return u"file:///sim/results/%1/"_s.arg(taskId);
}

std::optional<qint64> taskIdFromPath(const QString &path,
                                     const QRegularExpression &pattern,
                                     int *index = nullptr)
{
    const QRegularExpressionMatch match = pattern.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    if (index)
        *index = match.captured(2).toInt();
    return match.captured(1).toLongLong();
}

struct Reply
{
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// Spring's own answer to a method the controller does not map: not a Linkis envelope.
Reply methodNotAllowed(QByteArrayView allowed)
{
    Reply reply;
    reply.httpStatus = 405;
    reply.contentType = "text/html;charset=UTF-8";
    reply.body = "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping "
                 "for /error, so you are seeing this as a fallback.</p><div>There was an unexpected error "
                 "(type=Method Not Allowed, status=405).</div></body></html>";
    reply.headers.append({"Allow", allowed.toByteArray()});
    return reply;
}

// What a single-sign-on proxy or captive portal in front of the gateway answers instead.
Reply loginPage()
{
    Reply reply;
    reply.contentType = "text/html;charset=UTF-8";
    reply.body = "<!DOCTYPE html><html><head><title>Login</title><meta charset=\"utf-8\"></head><body>"
                 "<form method=\"post\" action=\"/login\"><input name=\"username\">"
                 "<input name=\"password\" type=\"password\"><button>Sign in</button></form></body></html>";
    return reply;
}

// Cell `column` of row `r` (0-based) of result set `index`, as the result file holds it:
// SQL NULL is the text "NULL" (Dolphin.NULL), an empty string is "".
QString storedCell(const Scenario &scenario, int index, qint64 r, int column)
{
    switch (column) {
    case 0:
        return QString::number(r + 1);
    case 1:
        if (scenario.nulls && r % 7 == 3)
            return u""_s;
        return u"set%1_row%2"_s.arg(index).arg(r + 1);
    default:
        if (scenario.nulls && r % 5 == 4)
            return u"NULL"_s;
        return QString::number(double(r + 1) / 2.0);
    }
}

// ResultsetFileSource's shuffle of a cell by the nullValue parameter (absent: `param` null).
QString shuffledCell(const QString &cell, const QString &param)
{
    const QString nullValue = param.isNull() ? u"NULL"_s : param;
    if (cell == u"NULL")
        return nullValue == u"LINKIS_NULL" ? cell : nullValue;
    if (cell.isEmpty()) {
        const QString emptyValue = param.isNull() ? u""_s : param;
        return emptyValue == u"LINKIS_NULL" ? u""_s : nullValue;
    }
    return cell;
}

QString csvField(const QString &text, QChar separator)
{
    // One pass: the million-row result set renders three million of these.
    const bool quote = !text.isEmpty()
                       && (text.front().isSpace() || text.back().isSpace()
                           || std::any_of(text.cbegin(), text.cend(), [separator](QChar c) {
                                  return c == separator || c == u'"' || c == u'\n' || c == u'\r';
                              }));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

// A Hive metastore of three databases, shaped as HiveMetaDao reads it.
QMap<QString, QList<LinkisSimulator::Table>> defaultMetastore()
{
    using Table = LinkisSimulator::Table;
    using Column = LinkisSimulator::Column;
    QMap<QString, QList<Table>> dbs;
    dbs.insert(u"default"_s,
               {Table{u"dual"_s, false, {Column{u"dummy"_s, u"string"_s, {}, false}}},
                Table{u"user_profile"_s,
                      false,
                      {Column{u"user_id"_s, u"bigint"_s, u"user id"_s, false},
                       Column{u"nick_name"_s, u"string"_s, u"display name"_s, false},
                       Column{u"city"_s, u"string"_s, {}, false},
                       Column{u"dt"_s, u"string"_s, u"partition date"_s, true}}}});
    dbs.insert(u"dw_sales"_s,
               {Table{u"orders"_s,
                      false,
                      {Column{u"order_id"_s, u"bigint"_s, u"order id"_s, false},
                       Column{u"user_id"_s, u"bigint"_s, {}, false},
                       Column{u"amount"_s, u"decimal(18,2)"_s, u"order amount"_s, false},
                       Column{u"status"_s, u"string"_s, {}, false},
                       Column{u"dt"_s, u"string"_s, {}, true}}},
                Table{u"order_items"_s,
                      false,
                      {Column{u"order_id"_s, u"bigint"_s, {}, false},
                       Column{u"sku"_s, u"string"_s, {}, false},
                       Column{u"quantity"_s, u"int"_s, {}, false},
                       Column{u"dt"_s, u"string"_s, {}, true}}},
                Table{u"v_daily_revenue"_s,
                      true,
                      {Column{u"dt"_s, u"string"_s, {}, false},
                       Column{u"revenue"_s, u"decimal(38,2)"_s, {}, false}}}});
    dbs.insert(u"ods_log"_s,
               {Table{u"access_log"_s,
                      false,
                      {Column{u"ts"_s, u"timestamp"_s, {}, false},
                       Column{u"url"_s, u"string"_s, {}, false},
                       Column{u"status_code"_s, u"int"_s, {}, false},
                       Column{u"dt"_s, u"string"_s, {}, true},
                       Column{u"hour"_s, u"string"_s, {}, true}}}});
    return dbs;
}

struct Job
{
    qint64 taskId = 0;
    QString execId;  // exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_hadoop_0
    QString shortId; // IDE_hadoop_0
    QString user;
    QString creator;    // IDE
    QString engineType; // spark-3.2.1
    QString runType;
    QString code;
    QStringList labels; // "key:value"
    QJsonObject params;
    QJsonObject source;
    Scenario scenario;
    LogFormula log;
    qint64 submitAtMs = 0; // on the simulator's clock; negative for seeded history
    qint64 killAtMs = -1;  // elapsed since submit when killed
    bool forgotten = false;
};

// One page of a job's log, shaped like LogReader.readArray / LogReader.read (§1.7).
struct LogSlice
{
    std::array<QString, 4> levels; // error, warn, info, all
    QString plain;                 // distinctLevel=false: every line, blank ones too
    int consumed = 0;

    QJsonArray levelArray() const { return {levels[0], levels[1], levels[2], levels[3]}; }
};

LogSlice readLines(const LogFormula &log, int first, int end)
{
    LogSlice slice;
    for (int i = first; i < end; ++i) {
        const int n = i + 1;
        const QString text = log.line(n);
        slice.plain += text + u'\n';
        ++slice.consumed;
        if (text.isEmpty())
            continue; // dropped, yet counted for fromLine
        const LogLevel level = log.level(n);
        QString &bucket = level == LogLevel::Error  ? slice.levels[0]
                          : level == LogLevel::Warn ? slice.levels[1]
                                                    : slice.levels[2];
        bucket += text + u'\n';
        slice.levels[3] += text + u'\n';
    }
    for (QString &text : slice.levels) {
        if (text.endsWith(u'\n'))
            text.chop(1);
    }
    if (slice.plain.endsWith(u'\n'))
        slice.plain.chop(1);
    return slice;
}

} // namespace

class LinkisSimulator::Private
{
public:
    Private(LinkisSimulator *owner, const Options &initial)
        : q(owner)
        , options(initial)
    {
        clock.start();
        wallStartMs = QDateTime::currentMSecsSinceEpoch();
        metastore = defaultMetastore();
        frontEnd = std::make_unique<FrontEnd>(
            [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                handle(request, responder);
            });
    }

    ~Private()
    {
        // Responders waiting for their delay reach into the server's connection objects:
        // release them while those still exist.
        pending.clear();
        frontEnd.reset();
    }

    struct Caller
    {
        QString user;
        QString failure; // status -1 message when not authenticated
    };

    struct Pending
    {
        QHttpServerResponder responder;
        Reply reply;
        quint16 peerPort = 0;
    };

    LinkisSimulator *const q;
    Options options;
    std::unique_ptr<FrontEnd> frontEnd;
    QPointer<TrackingTcpServer> tcp;
    QString error;

    QHash<QString, QString> passwords; // lower-case user name -> password
    QString firstUser;
    QString token;
    QHash<QByteArray, QString> sessions; // ticket -> user
    int expireEvery = 0;
    int authenticatedSinceExpiry = 0;

    int delayMs = 0;
    int dropRemaining = 0;
    int dropAnswerRemaining = 0;
    bool answerHtml = false;
    bool answerEmpty = false;
    bool truncateJson = false;

    std::vector<Job> jobs;
    QHash<QString, qsizetype> byExecId;
    QHash<qint64, qsizetype> byTaskId;
    qint64 nextTaskId = 1000; // distinct from the short id's counter, so mixing them up shows
    int nextJobIndex = 0;
    QElapsedTimer clock;
    qint64 wallStartMs = 0;

    QHash<QString, int> counts;
    int logins = 0;
    QStringList killMethods;

    std::map<quint64, Pending> pending;
    quint64 nextPendingId = 0;

    QString methodPath; // of the request being answered
    QMap<QString, QList<LinkisSimulator::Table>> metastore;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatch(const QHttpServerRequest &request, const Route &route);
    void send(QHttpServerResponder &responder, const Reply &reply);
    void abortConnection(quint16 peerPort);

    Reply envelope(int status, QStringView message, const QJsonObject &data = {}) const;
    Reply envelope(int status, QStringView message, const QByteArray &dataJson) const;
    Reply workspaceError(int code, const QString &desc) const;

    QByteArray cookie(const QHttpServerRequest &request, QByteArrayView name) const;
    QString sessionUser(const QHttpServerRequest &request) const;
    Caller authenticate(const QHttpServerRequest &request);
    Caller tokenAuth(const QByteArray &code, const QByteArray &user) const;

    Reply userEndpoint(const QHttpServerRequest &request, const Route &route);
    Reply login(const QHttpServerRequest &request);
    Reply submit(const QHttpServerRequest &request, const QString &user);
    Reply status(const Route &route);
    Reply progress(const Route &route);
    Reply log(const QHttpServerRequest &request, const Route &route);
    Reply kill(const QHttpServerRequest &request, const Route &route, const QString &user);
    Reply historyList(const QHttpServerRequest &request, const QString &user);
    Reply historyGet(const Route &route, const QString &user);
    Reply openLog(const QHttpServerRequest &request);
    Reply dirFileTrees(const QHttpServerRequest &request);
    Reply openFile(const QHttpServerRequest &request);
    Reply resultsetToExcel(const QHttpServerRequest &request);
    Reply dataSource(const QHttpServerRequest &request, const Route &route);
    Job *resultJob(const QString &path, int *index);
    QByteArray csvOf(const Job &job, int index, const QString &nullValue, QChar separator) const;
    // A finished result set's file does not change: its renderings are kept (up to 256 MB),
    // as the real server keeps the file, so that a test asking for it again waits for nothing.
    mutable QCache<QString, QByteArray> csvFiles{256 << 20};

    Job &addJob(Job job);
    Scenario::Snapshot snapshot(Job &job);
    Job *entranceJob(const QString &execId);
    Job *jobByTask(qint64 taskId);
    QJsonObject taskVo(Job &job);
    qint64 nowEpochMs() const { return wallStartMs + clock.elapsed(); }
};

// ---------------------------------------------------------------------------------------------
// Plumbing

void LinkisSimulator::Private::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const Route route = parseRoute(request.url().path(QUrl::FullyEncoded));
    ++counts[route.kind];
    if (route.kind == u"kill")
        killMethods.append(methodName(request.method()));
    Q_EMIT q->requestReceived(route.kind);

    if (dropRemaining > 0) {
        --dropRemaining;
        abortConnection(request.remotePort());
        return; // the responder goes unused: nothing is written
    }

    Reply reply;
    if (answerHtml) {
        reply = loginPage();
    } else if (answerEmpty) {
        reply.contentType = jsonType.toByteArray();
    } else {
        methodPath = route.methodPath;
        reply = dispatch(request, route);
        if (truncateJson && reply.contentType == jsonType)
            reply.body.truncate(reply.body.size() / 2);
    }
    if (dropAnswerRemaining > 0) {
        --dropAnswerRemaining;
        abortConnection(request.remotePort());
        return; // done, yet never answered
    }
    // The gateway overwrites Date with Java's DateFormat.FULL text, not RFC 7231 (§1.3).
    reply.headers.append({"Date",
                          QLocale::c()
                              .toString(QDateTime::currentDateTimeUtc(),
                                        u"dddd, MMMM d, yyyy 'at' h:mm:ss AP 'Coordinated Universal Time'")
                              .toUtf8()});

    if (delayMs <= 0) {
        send(responder, reply);
        return;
    }
    const quint64 id = ++nextPendingId;
    pending.emplace(id, Pending{std::move(responder), reply, request.remotePort()});
    QTimer::singleShot(delayMs, q, [this, id] {
        auto node = pending.extract(id);
        if (node.empty())
            return;
        Pending &late = node.mapped();
        const QTcpSocket *socket = tcp ? tcp->socketFor(late.peerPort) : nullptr;
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            send(late.responder, late.reply);
    });
}

void LinkisSimulator::Private::send(QHttpServerResponder &responder, const Reply &reply)
{
    QHttpHeaders headers;
    if (!reply.contentType.isEmpty())
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, reply.contentType);
    for (const auto &[name, value] : reply.headers)
        headers.append(name, value);
    responder.write(reply.body, headers, QHttpServerResponder::StatusCode(reply.httpStatus));
}

void LinkisSimulator::Private::abortConnection(quint16 peerPort)
{
    QTcpSocket *socket = tcp ? tcp->socketFor(peerPort) : nullptr;
    if (!socket) {
        qWarning("LinkisSimulator: no connection from port %u to drop", unsigned(peerPort));
        return;
    }
    // At once, while the server still counts the request as being handled: it then sees the
    // socket closed when the unused responder goes, and deletes the connection without ever
    // reading from the closed socket again.
    socket->abort();
}

Reply LinkisSimulator::Private::envelope(int status, QStringView message, const QJsonObject &data) const
{
    return envelope(status, message, QJsonDocument(data).toJson(QJsonDocument::Compact));
}

Reply LinkisSimulator::Private::envelope(int status, QStringView message, const QByteArray &dataJson) const
{
    Reply reply;
    reply.httpStatus = options.httpStatusMapping ? httpStatusFor(status) : 200;
    reply.contentType = jsonType.toByteArray();
    // Written by hand to keep Jackson's field order (QJsonObject would sort the keys).
    reply.body = "{\"method\":" + jsonText(methodPath) + ",\"status\":" + QByteArray::number(status)
                 + ",\"message\":" + jsonText(message.toString()) + ",\"data\":" + dataJson + '}';
    return reply;
}

// A WorkSpaceException as the public service's REST layer reports it (§1.2 errorMsg).
Reply LinkisSimulator::Private::workspaceError(int code, const QString &desc) const
{
    const QJsonObject errorMsg{{u"level"_s, 2},
                               {u"errCode"_s, code},
                               {u"desc"_s, desc},
                               {u"ip"_s, u"127.0.0.1"_s},
                               {u"port"_s, 9105},
                               {u"serviceKind"_s, u"linkis-ps-publicservice"_s}};
    return envelope(1,
                    u"WorkSpaceException: errCode: %1 ,desc: %2 ,ip: 127.0.0.1 ,port: 9105 ,serviceKind: "
                    u"linkis-ps-publicservice"_s.arg(code)
                        .arg(desc),
                    {{u"errorMsg"_s, errorMsg}});
}

Reply LinkisSimulator::Private::dispatch(const QHttpServerRequest &request, const Route &route)
{
    if (request.body().size() > maxBodyBytes) {
        Reply reply = envelope(1, u"The request body is larger than 10 MB(请求体超过10MB)");
        if (options.httpStatusMapping)
            reply.httpStatus = 413;
        return reply;
    }
    if (route.kind == u"unknown") {
        Reply reply = envelope(1, QString(u"No such interface: "_s + route.methodPath + u"(没有这个接口)"));
        if (options.httpStatusMapping)
            reply.httpStatus = 404;
        return reply;
    }
    // The gateway passes user/* to UserRestful before any login check (§1.3).
    if (route.methodPath.startsWith(u"/api/rest_j/v1/user/"))
        return userEndpoint(request, route);

    const Caller caller = authenticate(request);
    if (!caller.failure.isEmpty())
        return envelope(-1, caller.failure);

    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    if (route.kind == u"execute" || route.kind == u"submit") {
        if (method != Method::Post)
            return methodNotAllowed("POST");
        return submit(request, caller.user);
    }
    if (route.kind == u"kill")
        return kill(request, route, caller.user);
    if (method != Method::Get)
        return methodNotAllowed("GET");
    if (route.kind == u"status")
        return status(route);
    if (route.kind == u"progress" || route.kind == u"progressWithResource")
        return progress(route);
    if (route.kind == u"log")
        return log(request, route);
    if (route.kind == u"historyList")
        return historyList(request, caller.user);
    if (route.kind == u"historyGet")
        return historyGet(route, caller.user);
    if (route.kind == u"openLog")
        return openLog(request);
    if (route.kind == u"getDirFileTrees")
        return dirFileTrees(request);
    if (route.kind == u"resultsetToExcel")
        return resultsetToExcel(request);
    if (route.kind == u"dbs" || route.kind == u"tables" || route.kind == u"columns")
        return dataSource(request, route);
    return openFile(request);
}

// ---------------------------------------------------------------------------------------------
// Authentication (§1.3)

QByteArray LinkisSimulator::Private::cookie(const QHttpServerRequest &request, QByteArrayView name) const
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

QString LinkisSimulator::Private::sessionUser(const QHttpServerRequest &request) const
{
    const QByteArray ticket = cookie(request, ticketCookie);
    return ticket.isEmpty() ? QString() : sessions.value(ticket);
}

LinkisSimulator::Private::Caller LinkisSimulator::Private::tokenAuth(const QByteArray &code,
                                                                     const QByteArray &user) const
{
    // TokenAuthentication.tokenAuth: failures are Chinese-only, status -1.
    if (token.isEmpty())
        return {{}, u"Gateway未启用token认证，请采用其他认证方式!"_s};
    if (code.trimmed().isEmpty() || user.trimmed().isEmpty())
        return {{}, u"请在Header或Cookie中同时指定Token-Code 和 Token-User，以便完成token认证！"_s};
    if (QString::fromUtf8(code) != token) {
        return {{},
                u"未授权的token%1，无法将请求绑定给tokenUser%2!"_s.arg(QString::fromUtf8(code),
                                                                       QString::fromUtf8(user))};
    }
    return {QString::fromUtf8(user), {}};
}

LinkisSimulator::Private::Caller LinkisSimulator::Private::authenticate(const QHttpServerRequest &request)
{
    const QHttpHeaders &headers = request.headers();
    if (headers.contains("Token-Code") && headers.contains("Token-User"))
        return tokenAuth(request.value("Token-Code"), request.value("Token-User"));
    const QByteArray cookieCode = cookie(request, "Token-Code");
    const QByteArray cookieUser = cookie(request, "Token-User");
    if (!cookieCode.isEmpty() && !cookieUser.isEmpty())
        return tokenAuth(cookieCode, cookieUser);
    // The seed's pair; the real gateway never reads it (§1.3), hence the option.
    if (options.acceptSeedTokenHeaders && headers.contains("Validation-Code")
        && headers.contains("Proxy-User"))
        return tokenAuth(request.value("Validation-Code"), request.value("Proxy-User"));

    const QString user = sessionUser(request);
    if (user.isEmpty())
        return {{}, notLoggedIn.toString()};
    if (expireEvery > 0 && ++authenticatedSinceExpiry >= expireEvery) {
        // This request still goes through; the next one finds every ticket gone.
        sessions.clear();
        authenticatedSinceExpiry = 0;
    }
    return {user, {}};
}

Reply LinkisSimulator::Private::userEndpoint(const QHttpServerRequest &request, const Route &route)
{
    if (route.kind == u"login")
        return login(request);
    if (route.kind == u"logout") {
        // Always succeeds, logged in or not.
        sessions.remove(cookie(request, ticketCookie));
        Reply reply = envelope(0, u"Logout successful(退出登录成功)！");
        reply.headers.append({"Set-Cookie", ticketCookie.toByteArray() + "=; Path=/; Max-Age=0"});
        return reply;
    }
    if (route.kind == u"publicKey") {
        return envelope(
            0, u"Gain success(获取成功)！", {{u"enableSSL"_s, false}, {u"enableLoginEncrypt"_s, false}});
    }
    if (route.kind == u"tokenLogin") {
        if (request.method() != QHttpServerRequest::Method::Post)
            return envelope(1, u"Only support method POST");
        const Caller caller = tokenAuth(request.value("Token-Code"), request.value("Token-User"));
        if (!caller.failure.isEmpty())
            return envelope(-1, caller.failure);
        const QByteArray ticket = QUuid::createUuid().toByteArray(QUuid::Id128);
        sessions.insert(ticket, caller.user);
        ++logins;
        Reply reply = envelope(
            0, u"login successful(登录成功)！", {{u"userName"_s, caller.user}, {u"isAdmin"_s, false}});
        reply.headers.append({"Set-Cookie", ticketCookie.toByteArray() + '=' + ticket + "; Path=/"});
        return reply;
    }
    if (route.kind == u"userInfo" || route.kind == u"heartbeat") {
        const Caller caller = authenticate(request);
        if (!caller.failure.isEmpty())
            return envelope(-1, caller.failure);
        if (route.kind == u"heartbeat")
            return envelope(0, u"Maintain heartbeat success(维系心跳成功)");
        return envelope(0, u"get user information succeed!", {{u"userName"_s, caller.user}});
    }
    return envelope(1, QString(u"unknown request URI "_s + route.verb));
}

Reply LinkisSimulator::Private::login(const QHttpServerRequest &request)
{
    // Quirk (§1.3): a valid cookie wins over the new credentials, which are not even checked.
    // The real text glues the user name to "Already" (UserRestful.scala: loginUser + "Already...").
    const QString existing = sessionUser(request);
    if (!existing.isEmpty()) {
        return envelope(
            0,
            QString(existing
                    + u"Already logged in, please log out before signing in(已经登录，请先退出再进行登录)！"),
            {{u"userName"_s, existing}});
    }

    // Query parameters first, then the JSON body; `passwdEncrypt` is an alias of `password`.
    const QUrlQuery query = request.query();
    QString name = query.queryItemValue(u"userName"_s, QUrl::FullyDecoded);
    QString password = query.queryItemValue(u"password"_s, QUrl::FullyDecoded);
    if (password.isEmpty())
        password = query.queryItemValue(u"passwdEncrypt"_s, QUrl::FullyDecoded);
    if (name.isEmpty() || password.isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        name = body.value(u"userName").toString();
        password = body.value(u"password").toString(body.value(u"passwdEncrypt").toString());
    }

    // AbstractUserRestful.login adds these two whatever tryLogin answered.
    QJsonObject data{{u"sessionTimeOut"_s, sessionTimeoutMs}, {u"enableWatermark"_s, false}};
    if (name.trimmed().isEmpty())
        return envelope(1, u"Username can not be empty(用户名不能为空)！", data);
    if (password.trimmed().isEmpty())
        return envelope(1, u"Password can not be blank(密码不能为空)！", data);
    const QString user = name.toLower(); // the standard login lower-cases the user name
    const auto known = passwords.constFind(user);
    if (known == passwords.cend() || *known != password) {
        return envelope(
            1,
            u"Invalid username or password, please check and try again later(用户名或密码无效，请稍后再试)",
            data);
    }

    const QByteArray ticket = QUuid::createUuid().toByteArray(QUuid::Id128);
    sessions.insert(ticket, user);
    ++logins;
    data.insert(u"userName"_s, user);
    data.insert(u"isAdmin"_s, false);
    Reply reply = envelope(0, u"login successful(登录成功)！", data);
    reply.headers.append({"Set-Cookie", ticketCookie.toByteArray() + '=' + ticket + "; Path=/"});
    return reply;
}

// ---------------------------------------------------------------------------------------------
// Entrance (§1.4 - §1.8)

Job &LinkisSimulator::Private::addJob(Job job)
{
    job.taskId = nextTaskId++;
    job.shortId = job.creator + u'_' + job.user + u'_' + QString::number(nextJobIndex++);
    // ZuulEntranceUtils.generateExecID: "exec_id" + len3(app) + len3(instances) + app + instances + short.
    job.execId = u"exec_id"_s + threeDigits(entranceApplication.size()) + threeDigits(entranceInstance.size())
                 + entranceApplication + entranceInstance + job.shortId;
    job.log.submitEpochMs = wallStartMs + job.submitAtMs;
    job.log.execId = job.execId;
    job.log.shortExecId = job.shortId;
    job.log.instance = entranceInstance.toString();
    job.log.taskId = job.taskId;
    job.log.totalLines = job.scenario.lines;
    job.log.blankEvery = job.scenario.blankEvery;
    byExecId.insert(job.execId, qsizetype(jobs.size()));
    byTaskId.insert(job.taskId, qsizetype(jobs.size()));
    jobs.push_back(std::move(job));
    return jobs.back();
}

Scenario::Snapshot LinkisSimulator::Private::snapshot(Job &job)
{
    const qint64 elapsed = clock.elapsed() - job.submitAtMs;
    Scenario::Snapshot result;
    if (job.killAtMs >= 0 && elapsed >= job.killAtMs) {
        // Log and progress stop where the kill found them.
        result = job.scenario.at(job.killAtMs);
        result.state = JobState::Cancelled;
        result.stateSinceMs = job.killAtMs;
        result.progressKnown = true;
    } else {
        result = job.scenario.at(elapsed);
    }
    // The option forgets a job the first time the simulator looks at it after it ended.
    if (options.forgetFinishedJobs && isTerminal(result.state))
        job.forgotten = true;
    return result;
}

Job *LinkisSimulator::Private::entranceJob(const QString &execId)
{
    const auto found = byExecId.constFind(execId);
    if (found == byExecId.cend())
        return nullptr;
    Job &job = jobs[size_t(*found)];
    snapshot(job); // may forget it
    return job.forgotten ? nullptr : &job;
}

Job *LinkisSimulator::Private::jobByTask(qint64 taskId)
{
    const auto found = byTaskId.constFind(taskId);
    return found == byTaskId.cend() ? nullptr : &jobs[size_t(*found)];
}

Reply LinkisSimulator::Private::submit(const QHttpServerRequest &request, const QString &user)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isObject())
        return envelope(1, u"The request body is not a JSON object(请求体不是JSON对象)");
    const QJsonObject body = document.object();

    Job job;
    job.user = user;
    job.params = body.value(u"params").toObject();
    job.source = body.value(u"source").toObject();
    job.source.insert(u"requestIP"_s, u"127.0.0.1"_s); // EntranceRestfulApi adds the client IP
    const auto labelText = [](const QString &key, const QJsonValue &value) -> QString {
        return key + u':' + value.toVariant().toString();
    };

    // CommonEntranceParser.parseToTask switches on the presence of executionContent (§1.4).
    if (body.contains(u"executionContent")) {
        const QJsonObject content = body.value(u"executionContent").toObject();
        const QJsonObject labels = body.value(u"labels").toObject();
        if (labels.isEmpty())
            return envelope(1, u"Param cannot be empty,  labels is null(参数不能为空，labels为空)");
        job.code = content.value(u"code").toString();
        if (job.code.trimmed().isEmpty())
            return envelope(1, u"Param cannot be empty: executionContent.code(参数不能为空：代码为空)");
        job.engineType = labels.value(u"engineType").toString();
        if (job.engineType.isEmpty()) {
            return envelope(
                1,
                u"Label parameters are invalid: You need to specify engineTypeLabel in labels,such as "
                u"spark-3.2.1(标签参数无效：需要在labels中指定engineType)");
        }
        job.runType = content.value(u"runType").toString(labels.value(u"codeType").toString());
        if (job.runType.isEmpty()) {
            return envelope(
                1,
                u"Label parameters are invalid: You need to specify runType in execution content, "
                u"such as sql(标签参数无效：需要在executionContent中指定runType)");
        }
        QString userCreator = labels.value(u"userCreator").toString();
        if (userCreator.isEmpty())
            userCreator = user + u"-IDE"; // DEFAULT_REQUEST_APPLICATION_NAME
        job.creator = userCreator.sliced(userCreator.lastIndexOf(u'-') + 1);
        for (auto it = labels.begin(); it != labels.end(); ++it)
            job.labels.append(labelText(it.key(), it.value()));
        if (!labels.contains(u"codeType"))
            job.labels.append(u"codeType:"_s + job.runType);
        if (!labels.contains(u"userCreator"))
            job.labels.append(u"userCreator:"_s + userCreator);
    } else {
        // parseToOldTask: the 0.x shape of the seed documents.
        job.engineType = body.value(u"executeApplicationName").toString();
        if (job.engineType.isEmpty()) {
            return envelope(1, u"executeApplicationName cannot be empty(executeApplicationName不能为空)");
        }
        job.creator = body.value(u"requestApplicationName").toString();
        if (job.creator.isEmpty())
            job.creator = u"IDE"_s;
        job.code = body.value(u"executionCode").toString();
        if (job.creator == u"IDE" && job.code.isEmpty()
            && job.source.value(u"scriptPath").toString().isEmpty()) {
            return envelope(1,
                            u"The execution code and the script path cannot be empty at the same "
                            u"time(执行代码和脚本路径不能同时为空)");
        }
        job.runType = body.value(u"runType").toString();
        if (job.runType.isEmpty())
            job.runType = u"sql"_s; // DEFAULT_RUN_TYPE
        job.labels = {u"engineType:"_s + job.engineType,
                      u"codeType:"_s + job.runType,
                      u"userCreator:"_s + user + u'-' + job.creator};
    }

    QString problem;
    std::optional<Scenario> scenario = Scenario::fromCode(job.code, &problem);
    if (!scenario)
        return envelope(1, problem);
    job.scenario = std::move(*scenario);
    job.submitAtMs = clock.elapsed();
    const Job &added = addJob(std::move(job));

    const QJsonValue taskId
        = options.taskIdAsString ? QJsonValue(QString::number(added.taskId)) : QJsonValue(added.taskId);
    return envelope(0, u"OK", {{u"execID"_s, added.execId}, {u"taskID"_s, taskId}});
}

Reply LinkisSimulator::Private::status(const Route &route)
{
    Job *job = entranceJob(route.id);
    if (!job)
        return envelope(1, statusOfUnknownJob);
    const Scenario::Snapshot now = snapshot(*job);
    return envelope(0, u"OK", {{u"status"_s, stateName(now.state)}, {u"execID"_s, route.id}});
}

Reply LinkisSimulator::Private::progress(const Route &route)
{
    Job *job = entranceJob(route.id);
    if (!job)
        return envelope(1, progressOfUnknownJob);
    const Scenario::Snapshot now = snapshot(*job);
    if (!now.progressKnown)
        return envelope(1, progressNotYet); // normal before Running (§1.6)

    const bool killed = job->killAtMs >= 0 && now.state == JobState::Cancelled;
    QJsonValue value(now.progress);
    if (options.progressAsString)
        value = killed ? u"1.0f"_s : progressText(now.progress);

    QJsonArray info;
    if (now.state == JobState::Running) {
        switch (options.progressInfoShape) {
        case ProgressInfoShape::Normal: {
            // Two Spark stages of ten tasks: the first fills during the first half.
            const auto stage = [&](int number, double fraction) {
                const int total = 10;
                const int succeed = std::clamp(int(fraction * total), 0, total);
                const int running = fraction > 0 || number == 1 ? std::min(2, total - succeed) : 0;
                return QJsonObject{{u"id"_s, u"jobGroup_stage_%1"_s.arg(number)},
                                   {u"succeedTasks"_s, succeed},
                                   {u"failedTasks"_s, 0},
                                   {u"runningTasks"_s, running},
                                   {u"totalTasks"_s, total}};
            };
            info.append(stage(1, now.progress * 2));
            info.append(stage(2, now.progress * 2 - 1));
            break;
        }
        case ProgressInfoShape::EmptyArray:
            break;
        case ProgressInfoShape::EmptyObject:
            info.append(QJsonObject());
            break;
        }
    }
    QJsonObject data{{u"execID"_s, route.id}, {u"progress"_s, value}, {u"progressInfo"_s, info}};
    if (methodPath.endsWith(u"/progressWithResource"))
        data.insert(u"yarnResource"_s, QJsonValue::Null); // buildYarnResource without metrics
    return envelope(0, u"OK", data);
}

Reply LinkisSimulator::Private::log(const QHttpServerRequest &request, const Route &route)
{
    Job *job = entranceJob(route.id);
    if (!job)
        return envelope(1, logRefused);
    const Scenario::Snapshot now = snapshot(*job);
    if (options.refuseLogWhenFinished && isTerminal(now.state))
        return envelope(1, logRefused);

    // EntranceRestfulApi.log: fromLine = max(n, 0); size = n >= 0 ? n : 10000 (§1.7).
    const QUrlQuery query = request.query();
    int fromLine = 0;
    int size = 100;
    for (auto [name, target] : {std::pair{u"fromLine"_s, &fromLine}, std::pair{u"size"_s, &size}}) {
        const QString text = query.queryItemValue(name).trimmed();
        if (text.isEmpty())
            continue;
        bool ok = false;
        *target = text.toInt(&ok);
        if (!ok)
            return envelope(1, u"NumberFormatException: For input string: \"%1\""_s.arg(text));
    }
    fromLine = std::max(fromLine, 0);
    if (size < 0)
        size = 10000;
    const bool distinctLevel = query.queryItemValue(u"distinctLevel"_s) != u"false";

    // LogReader.readLog: 1.0-1.5.x read from line `fromLine` counted from 0; 1.6+ from
    // max(fromLine, 1) counted from 1, so 0 and 1 both mean the first line. The reply is the
    // request's fromLine plus the lines read, whatever the base: starting at 0 on a 1-based
    // server and echoing the reply re-reads the last line of the page.
    const int first = options.lineBase == 1 ? std::max(fromLine, 1) - 1 : fromLine;
    const int end = int(std::clamp<qint64>(qint64(first) + size, first, std::max(first, now.linesProduced)));
    const LogSlice slice = readLines(job->log, first, end);

    QJsonObject data{{u"execID"_s, route.id}, {u"fromLine"_s, fromLine + slice.consumed}};
    if (distinctLevel)
        data.insert(u"log"_s, slice.levelArray());
    else
        data.insert(u"log"_s, slice.plain);
    return envelope(0, u"OK", data);
}

Reply LinkisSimulator::Private::kill(const QHttpServerRequest &request,
                                     const Route &route,
                                     const QString &user)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    switch (options.killMethod) {
    case KillMethod::GetOnly:
        if (method != Method::Get)
            return methodNotAllowed("GET");
        break;
    case KillMethod::PostOnly:
        if (method != Method::Post)
            return methodNotAllowed("POST");
        break;
    case KillMethod::Both:
        if (method != Method::Get && method != Method::Post)
            return methodNotAllowed("GET, POST");
        break;
    }

    Job *job = entranceJob(route.id);
    if (!job) {
        // Not in entrance memory: JobHistoryHelper.forceKill(taskID), when a taskID is given.
        bool ok = false;
        const qint64 taskId = request.query().queryItemValue(u"taskID"_s).toLongLong(&ok);
        if (!ok || taskId <= 0)
            return envelope(1, u"Get job by ID error, kill failed.(获取job时发生异常，kill失败)");
        if (Job *known = jobByTask(taskId); known && !isTerminal(snapshot(*known).state))
            known->killAtMs = clock.elapsed() - known->submitAtMs;
        return envelope(0, u"Forced Kill task (强制杀死任务)");
    }
    if (job->user != user)
        return envelope(1,
                        QString(u"You have no permission to kill this job, excecute by user:"_s + job->user));
    // Killing a job that already ended answers the same success and changes nothing: Job.kill()
    // on a completed job is a no-op in the entrance.
    if (!isTerminal(snapshot(*job).state))
        job->killAtMs = clock.elapsed() - job->submitAtMs;
    return envelope(0, u"Successfully killed the job(成功kill了job)", {{u"execID"_s, route.id}});
}

// ---------------------------------------------------------------------------------------------
// Job history (§1.9)

QJsonObject LinkisSimulator::Private::taskVo(Job &job)
{
    const Scenario::Snapshot now = snapshot(job);
    const bool terminal = isTerminal(now.state);
    const bool killed = job.killAtMs >= 0 && now.state == JobState::Cancelled;
    const qint64 created = job.log.submitEpochMs;
    const qint64 ended = created + now.stateSinceMs;
    const QJsonValue endTime = terminal ? QJsonValue(ended) : QJsonValue(QJsonValue::Null);

    QString storedProgress = u"0.0"_s;
    if (killed)
        storedProgress = u"1.0f"_s; // killJobs stores jobReq.setProgress("1.0f") (§1.8)
    else if (now.progressKnown)
        storedProgress = progressText(now.progress);

    QJsonObject task{
        {u"taskID"_s, job.taskId},
        {u"instance"_s, entranceInstance.toString()},
        {u"execId"_s, job.shortId},
        {u"strongerExecId"_s, job.execId},
        {u"umUser"_s, job.user},
        {u"executeUser"_s, job.user},
        {u"submitUser"_s, job.user},
        {u"engineInstance"_s, QJsonValue::Null},
        {u"status"_s, stateName(now.state)},
        {u"progress"_s, storedProgress},
        {u"logPath"_s, logPathOf(job.taskId)},
        {u"resultLocation"_s, resultLocationOf(job.taskId)},
        {u"createdTime"_s, created},
        {u"updatedTime"_s, created + now.stateSinceMs},
        {u"requestStartTime"_s, created},
        {u"requestEndTime"_s, endTime},
        {u"engineStartTime"_s,
         now.runningStartMs >= 0 ? QJsonValue(created + now.runningStartMs) : QJsonValue()},
        {u"costTime"_s, (terminal ? ended : nowEpochMs()) - created}, // grows while unfinished
        {u"engineType"_s, engineName(job.engineType)},
        {u"executeApplicationName"_s, engineName(job.engineType)},
        {u"requestApplicationName"_s, job.creator},
        {u"runType"_s, job.runType},
        {u"labels"_s, QJsonArray::fromStringList(job.labels)},
        {u"executionCode"_s, job.code},
        // JSON encoded in a string: clients parse twice.
        {u"paramsJson"_s, compactJson(job.params)},
        {u"sourceJson"_s, compactJson(job.source)},
        {u"metrics"_s, compactJson({{u"submitTime"_s, created}})},
        {u"canRetry"_s, false},
        {u"observeInfo"_s, QJsonValue::Null},
        // Nulled unless failed; the code is the simulator's own (any int will do for a client).
        {u"errCode"_s, now.state == JobState::Failed ? QJsonValue(10001) : QJsonValue()},
        {u"errDesc"_s,
         now.state == JobState::Failed ? QJsonValue(
             job.scenario.error.isEmpty() ? u"Simulated failure(模拟失败)"_s : job.scenario.error)
                                       : QJsonValue()},
    };
    return task;
}

Reply LinkisSimulator::Private::historyList(const QHttpServerRequest &request, const QString &user)
{
    const QUrlQuery query = request.query();
    std::optional<QString> badNumber;
    const auto number = [&](const QString &name, qint64 fallback) {
        const QString text = query.queryItemValue(name).trimmed();
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok)
            badNumber = text;
        return ok ? value : fallback;
    };
    const qint64 startDate = number(u"startDate"_s, 0);
    qint64 endDate = number(u"endDate"_s, nowEpochMs());
    if (endDate == startDate)
        endDate += 24 * 3600 * 1000; // QueryRestfulApi: equal dates mean that whole day
    const qint64 pageNow = std::max<qint64>(number(u"pageNow"_s, 1), 1);
    qint64 pageSize = number(u"pageSize"_s, 20);
    if (pageSize <= 0)
        pageSize = 20;
    const qint64 taskId = number(u"taskID"_s, 0);
    if (badNumber)
        return envelope(1, u"NumberFormatException: For input string: \"%1\""_s.arg(*badNumber));
    const QStringList states = query.queryItemValue(u"status"_s).split(u',', Qt::SkipEmptyParts);
    const QString engine = query.queryItemValue(u"executeApplicationName"_s);
    const QString creator = query.queryItemValue(u"creator"_s);

    std::vector<Job *> matches;
    for (Job &job : jobs) {
        const qint64 created = job.log.submitEpochMs;
        if (job.user != user || created < startDate || created > endDate)
            continue;
        if ((taskId > 0 && job.taskId != taskId)
            || (!engine.isEmpty() && engineName(job.engineType) != engine)
            || (!creator.isEmpty() && job.creator != creator)) {
            continue;
        }
        if (!states.isEmpty() && !states.contains(stateName(snapshot(job).state)))
            continue;
        matches.push_back(&job);
    }
    std::sort(matches.begin(), matches.end(), [](const Job *a, const Job *b) {
        return std::pair(a->log.submitEpochMs, a->taskId) > std::pair(b->log.submitEpochMs, b->taskId);
    });

    QJsonArray tasks;
    const qint64 first = (pageNow - 1) * pageSize;
    for (qint64 i = first; i < std::min<qint64>(first + pageSize, qint64(matches.size())); ++i)
        tasks.append(taskVo(*matches[size_t(i)]));
    // Quirk: "totalPage" is PageInfo.getTotal(), the number of rows, not of pages.
    return envelope(0, u"OK", {{u"tasks"_s, tasks}, {u"totalPage"_s, qint64(matches.size())}});
}

Reply LinkisSimulator::Private::historyGet(const Route &route, const QString &user)
{
    bool ok = false;
    const qint64 taskId = route.id.toLongLong(&ok);
    Job *job = ok ? jobByTask(taskId) : nullptr;
    if (!job || job->user != user)
        return envelope(1, historyNotFound);
    return envelope(0, u"OK", {{u"task"_s, taskVo(*job)}});
}

// ---------------------------------------------------------------------------------------------
// Filesystem (§1.7 openLog, §1.10 result sets)

Reply LinkisSimulator::Private::openLog(const QHttpServerRequest &request)
{
    static const QRegularExpression pattern(u"^file:///sim/logs/(\\d+)\\.log$"_s);
    const QString path = request.query().queryItemValue(u"path"_s, QUrl::FullyDecoded);
    const std::optional<qint64> taskId = taskIdFromPath(path, pattern);
    Job *job = taskId ? jobByTask(*taskId) : nullptr;
    if (!job)
        return workspaceError(80007, u"The log file does not exist: %1(日志文件不存在)"_s.arg(path));
    // The whole file written so far, no paging.
    const LogSlice slice = readLines(job->log, 0, snapshot(*job).linesProduced);
    return envelope(0, u"OK", {{u"log"_s, slice.levelArray()}});
}

Reply LinkisSimulator::Private::dirFileTrees(const QHttpServerRequest &request)
{
    static const QRegularExpression pattern(u"^file:///sim/results/(\\d+)/?$"_s);
    const QString path = request.query().queryItemValue(u"path"_s, QUrl::FullyDecoded);
    const std::optional<qint64> taskId = taskIdFromPath(path, pattern);
    Job *job = taskId ? jobByTask(*taskId) : nullptr;
    if (!job) // FsRestfulApi: a path that does not exist is "ok" with no tree
        return envelope(0, u"OK", {{u"dirFileTrees"_s, QJsonValue::Null}});

    const QString location = resultLocationOf(job->taskId);
    const Scenario::Snapshot now = snapshot(*job);
    QJsonValue children; // null when the job wrote no result set
    if (now.state == JobState::Succeed && job->scenario.results > 0) {
        QStringList names;
        for (int i = 0; i < job->scenario.results; ++i)
            names.append(u"_%1.dolphin"_s.arg(i));
        names.sort(); // by string, so _10 comes before _2 (§1.10)
        QJsonArray files;
        for (const QString &name : std::as_const(names)) {
            files.append(QJsonObject{
                {u"name"_s, name},
                {u"path"_s, QString(location + name)},
                {u"properties"_s,
                 QJsonObject{{u"size"_s, QString::number(64 + 32 * job->scenario.rows)},
                             {u"modifytime"_s, QString::number(job->log.submitEpochMs + now.stateSinceMs)}}},
                {u"children"_s, QJsonValue::Null},
                {u"isLeaf"_s, true},
                {u"parentPath"_s, location},
            });
        }
        children = files;
    }
    const QJsonObject tree{{u"name"_s, QString::number(job->taskId)},
                           {u"path"_s, location},
                           {u"properties"_s, QJsonValue::Null},
                           {u"children"_s, children},
                           {u"isLeaf"_s, false},
                           {u"parentPath"_s, u"file:///sim/results"_s}};
    return envelope(0, u"OK", {{u"dirFileTrees"_s, tree}});
}

Reply LinkisSimulator::Private::openFile(const QHttpServerRequest &request)
{
    static const QRegularExpression pattern(u"^file:///sim/results/(\\d+)/_(\\d+)\\.dolphin$"_s);
    const QUrlQuery query = request.query();
    const QString path = query.queryItemValue(u"path"_s, QUrl::FullyDecoded);
    bool ok = false;
    int page = query.queryItemValue(u"page"_s).toInt(&ok);
    if (!ok || page < 1)
        page = 1;
    int pageSize = query.queryItemValue(u"pageSize"_s).toInt(&ok);
    if (!ok || pageSize <= 0)
        pageSize = 5000;
    if (pageSize > resultSetRowLimit) {
        return workspaceError(80034,
                              u"The result set exceeds %1 rows and page viewing is currently not supported. "
                              u"Please download to view or view in the shared directory(结果集行数超过%1行，"
                              u"暂不支持页面查看。请下载查看或在共享目录中查看)"_s.arg(resultSetRowLimit));
    }

    int index = -1;
    const std::optional<qint64> taskId = taskIdFromPath(path, pattern, &index);
    Job *job = taskId ? jobByTask(*taskId) : nullptr;
    if (!job || snapshot(*job).state != JobState::Succeed || index >= job->scenario.results)
        return workspaceError(80017, u"The file does not exist: %1(文件不存在)"_s.arg(path));

    const QJsonArray metadata{
        QJsonObject{{u"columnName"_s, u"id"_s}, {u"dataType"_s, u"int"_s}, {u"comment"_s, u"NULL"_s}},
        QJsonObject{{u"columnName"_s, u"name"_s}, {u"dataType"_s, u"string"_s}, {u"comment"_s, u"NULL"_s}},
        QJsonObject{{u"columnName"_s, u"value"_s}, {u"dataType"_s, u"double"_s}, {u"comment"_s, u"NULL"_s}},
    };
    // FsRestfulApi passes nullValue on only when it is not empty (BLANK counts as empty).
    QString nullValue = query.queryItemValue(u"nullValue"_s, QUrl::FullyDecoded);
    if (nullValue.isEmpty() || nullValue.compare(u"BLANK"_s, Qt::CaseInsensitive) == 0)
        nullValue = QString();
    // The rows are written as bytes: a page holds up to 50,000 of them, and building them as
    // a QJsonArray first was most of the million-row export test's time under the sanitizers.
    const qint64 first = qint64(page - 1) * pageSize;
    const qint64 end = std::min<qint64>(first + pageSize, job->scenario.rows);
    QByteArray rows = "[";
    rows.reserve(qsizetype(std::max<qint64>(end - first, 0)) * 40 + 2);
    for (qint64 r = first; r < end; ++r) {
        if (r > first)
            rows += ',';
        rows += '[';
        for (int c = 0; c < 3; ++c) {
            if (c > 0)
                rows += ',';
            appendJsonString(rows, shuffledCell(storedCell(job->scenario, index, r, c), nullValue));
        }
        rows += ']';
    }
    rows += ']';
    return envelope(0,
                    u"OK",
                    "{\"fileContent\":" + rows
                        + ",\"metadata\":" + QJsonDocument(metadata).toJson(QJsonDocument::Compact)
                        + ",\"page\":" + QByteArray::number(page) + ",\"totalLine\":"
                        + QByteArray::number(job->scenario.rows) + ",\"totalPage\":0,\"type\":\"2\"}");
}

Job *LinkisSimulator::Private::resultJob(const QString &path, int *index)
{
    static const QRegularExpression pattern(u"^file:///sim/results/(\\d+)/_(\\d+)\\.dolphin$"_s);
    const std::optional<qint64> taskId = taskIdFromPath(path, pattern, index);
    Job *job = taskId ? jobByTask(*taskId) : nullptr;
    if (!job || snapshot(*job).state != JobState::Succeed || *index >= job->scenario.results)
        return nullptr;
    return job;
}

QByteArray LinkisSimulator::Private::csvOf(const Job &job,
                                           int index,
                                           const QString &nullValue,
                                           QChar separator) const
{
    const QString key = u"%1/%2/%3/%4"_s.arg(job.taskId).arg(index).arg(separator).arg(nullValue);
    if (const QByteArray *file = csvFiles.object(key))
        return *file;
    // CSVFsWriter: the column names, then one line per row.
    QByteArray out = (csvField(u"id"_s, separator) + separator + csvField(u"name"_s, separator) + separator
                      + csvField(u"value"_s, separator) + u'\n')
                         .toUtf8();
    out.reserve(qsizetype(job.scenario.rows) * 32 + out.size());
    const QByteArray separatorBytes = QString(separator).toUtf8();
    for (qint64 r = 0; r < job.scenario.rows; ++r) {
        for (int c = 0; c < 3; ++c) {
            if (c > 0)
                out += separatorBytes;
            out += csvField(shuffledCell(storedCell(job.scenario, index, r, c), nullValue), separator)
                       .toUtf8();
        }
        out += '\n';
    }
    csvFiles.insert(key, new QByteArray(out), std::max<qsizetype>(out.size(), 1));
    return out;
}

// FsRestfulApi.resultsetToExcel: the file itself, or after response.reset() a text/plain
// "error(错误):" line with HTTP 200.
Reply LinkisSimulator::Private::resultsetToExcel(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    const QString path = query.queryItemValue(u"path"_s, QUrl::FullyDecoded);
    Reply reply;
    reply.httpStatus = 200;
    int index = -1;
    const Job *job = resultJob(path, &index);
    const QString type
        = query.hasQueryItem(u"outputFileType"_s) ? query.queryItemValue(u"outputFileType"_s) : u"csv"_s;
    if (!job || type != u"csv") {
        reply.contentType = "text/plain; charset=utf-8";
        reply.body
            = job ? "error(错误):errCode: 80015 ,desc: unsupported outputFileType(不支持的输出类型)"
                  : QString(u"error(错误):errCode: 80017 ,desc: The file does not exist: "_s + path).toUtf8();
        return reply;
    }
    QString nullValue = query.hasQueryItem(u"nullValue"_s)
                            ? query.queryItemValue(u"nullValue"_s, QUrl::FullyDecoded)
                            : u"NULL"_s;
    if (nullValue.compare(u"BLANK"_s, Qt::CaseInsensitive) == 0)
        nullValue = u""_s;
    QString separator = query.queryItemValue(u"csvSeparator"_s, QUrl::FullyDecoded);
    if (separator.isEmpty())
        separator = u","_s;
    reply.contentType = "text/plain";
    reply.headers.append(
        std::pair{QByteArray("Content-Disposition"), QByteArray("attachment;filename=result.csv")});
    reply.body = csvOf(*job, index, nullValue, separator.at(0));
    return reply;
}

// DataSourceRestfulApi over HiveMetaDao: dbs {dbName}, tables {databaseName, tableName,
// isView, createdBy, createdAt, lastAccessAt}, columns {columnName, columnType,
// columnComment, partitioned} with the partition keys after the columns.
Reply LinkisSimulator::Private::dataSource(const QHttpServerRequest &request, const Route &route)
{
    const QUrlQuery query = request.query();
    const QString database = query.queryItemValue(u"database"_s, QUrl::FullyDecoded);
    const QString table = query.queryItemValue(u"table"_s, QUrl::FullyDecoded);
    if (route.kind == u"dbs") {
        QJsonArray dbs;
        for (auto it = metastore.cbegin(); it != metastore.cend(); ++it)
            dbs.append(QJsonObject{{u"dbName"_s, it.key()}});
        return envelope(0, u"", {{u"dbs"_s, dbs}});
    }
    const auto db = metastore.constFind(database);
    if (route.kind == u"tables") {
        QJsonArray tables;
        if (db != metastore.cend()) {
            for (const LinkisSimulator::Table &t : *db) {
                tables.append(QJsonObject{{u"databaseName"_s, database},
                                          {u"tableName"_s, t.name},
                                          {u"isView"_s, t.view},
                                          {u"createdBy"_s, firstUser},
                                          {u"createdAt"_s, 1700000000},
                                          {u"lastAccessAt"_s, 0}});
            }
        }
        return envelope(0, u"", {{u"tables"_s, tables}});
    }
    if (db != metastore.cend()) {
        for (const LinkisSimulator::Table &t : *db) {
            if (t.name != table)
                continue;
            QJsonArray columns;
            for (int pass = 0; pass < 2; ++pass) {
                for (const LinkisSimulator::Column &c : t.columns) {
                    if (c.partitioned != (pass == 1))
                        continue;
                    columns.append(
                        QJsonObject{{u"columnName"_s, c.name},
                                    {u"columnType"_s, c.type},
                                    {u"columnComment"_s, c.comment.isEmpty() ? QJsonValue() : c.comment},
                                    {u"partitioned"_s, c.partitioned}});
                }
            }
            return envelope(0, u"", {{u"columns"_s, columns}});
        }
    }
    return envelope(
        1,
        u"Failed to get data table structure(获取数据表结构失败)",
        {{u"errorMsg"_s, QJsonObject{{u"desc"_s, u"Table not found: %1.%2"_s.arg(database, table)}}}});
}

// ---------------------------------------------------------------------------------------------
// Public API

LinkisSimulator::LinkisSimulator(QObject *parent)
    : LinkisSimulator(Options(), parent)
{}

LinkisSimulator::LinkisSimulator(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{}

LinkisSimulator::~LinkisSimulator() = default;

bool LinkisSimulator::listen(quint16 port)
{
    auto *server = new TrackingTcpServer(d->frontEnd.get());
    if (!listenOnLoopback(d->frontEnd.get(), server, port, &d->error))
        return false;
    d->tcp = server;
    return true;
}

quint16 LinkisSimulator::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QUrl LinkisSimulator::baseUrl() const
{
    return loopbackUrl(port());
}

QString LinkisSimulator::errorString() const
{
    return d->error;
}

const LinkisSimulator::Options &LinkisSimulator::options() const
{
    return d->options;
}

void LinkisSimulator::setOptions(const Options &options)
{
    d->options = options;
}

void LinkisSimulator::addUser(const QString &name, const QString &password)
{
    const QString user = name.toLower();
    if (d->firstUser.isEmpty())
        d->firstUser = user;
    d->passwords.insert(user, password);
}

void LinkisSimulator::setToken(const QString &token)
{
    d->token = token;
}

void LinkisSimulator::expireSessions()
{
    d->sessions.clear();
    d->authenticatedSinceExpiry = 0;
}

void LinkisSimulator::expireSessionsEvery(int requests)
{
    d->expireEvery = std::max(requests, 0);
    d->authenticatedSinceExpiry = 0;
}

int LinkisSimulator::sessionCount() const
{
    return int(d->sessions.size());
}

void LinkisSimulator::setDelayMs(int ms)
{
    d->delayMs = std::max(ms, 0);
}

void LinkisSimulator::dropAnswersOfNextRequests(int count)
{
    d->dropAnswerRemaining = std::max(count, 0);
}

void LinkisSimulator::dropNextRequests(int count)
{
    d->dropRemaining = std::max(count, 0);
}

void LinkisSimulator::setAnswerHtml(bool on)
{
    d->answerHtml = on;
}

void LinkisSimulator::setAnswerEmpty(bool on)
{
    d->answerEmpty = on;
}

void LinkisSimulator::setTruncateJson(bool on)
{
    d->truncateJson = on;
}

bool LinkisSimulator::forgetJob(const QString &execId)
{
    const auto found = d->byExecId.constFind(execId);
    if (found == d->byExecId.cend())
        return false;
    d->jobs[size_t(*found)].forgotten = true;
    return true;
}

QList<qint64> LinkisSimulator::addHistoryJobs(int count, const QString &status, const QString &user)
{
    const std::optional<JobState> state = stateFromName(status);
    if (!state) {
        qWarning("LinkisSimulator::addHistoryJobs: unknown state %ls", qUtf16Printable(status));
        return {};
    }
    // Each one took a second to queue and five to run, well before the simulator started.
    QList<Scenario::Step> steps;
    if (*state == JobState::Inited)
        steps = {{JobState::Inited, -1}};
    else if (*state == JobState::Running)
        steps = {{JobState::Inited, 1000}, {JobState::Running, -1}};
    else if (isTerminal(*state))
        steps = {{JobState::Inited, 1000}, {JobState::Running, 5000}, {*state, -1}};
    else
        steps = {{JobState::Inited, 1000}, {*state, -1}};

    QList<qint64> taskIds;
    const qint64 now = d->clock.elapsed();
    for (int i = 0; i < count; ++i) {
        Job job;
        job.user = user.isEmpty() ? (d->firstUser.isEmpty() ? u"hadoop"_s : d->firstUser) : user.toLower();
        job.creator = u"IDE"_s;
        job.engineType = u"spark-3.2.1"_s;
        job.runType = u"sql"_s;
        job.code = u"SELECT %1"_s.arg(i);
        job.labels = {u"engineType:spark-3.2.1"_s, u"codeType:sql"_s, u"userCreator:"_s + job.user + u"-IDE"};
        job.source = {{u"requestIP"_s, u"127.0.0.1"_s}};
        job.scenario = Scenario::defaults();
        job.scenario.steps = steps;
        job.submitAtMs = now - qint64(count - i) * historySpacingMs;
        job.forgotten = true; // from before an entrance restart: history only
        taskIds.append(d->addJob(std::move(job)).taskId);
    }
    return taskIds;
}

int LinkisSimulator::jobCount() const
{
    return int(d->jobs.size());
}

int LinkisSimulator::requestCount(const QString &endpoint) const
{
    return d->counts.value(endpoint);
}

int LinkisSimulator::loginCount() const
{
    return d->logins;
}

QStringList LinkisSimulator::killMethods() const
{
    return d->killMethods;
}

void LinkisSimulator::resetCounters()
{
    d->counts.clear();
    d->logins = 0;
    d->killMethods.clear();
}

void LinkisSimulator::setMetastore(const QMap<QString, QList<Table>> &databases)
{
    d->metastore = databases;
}

QByteArray LinkisSimulator::resultCsv(qint64 taskId, int index, const QString &nullValue) const
{
    const auto found = d->byTaskId.constFind(taskId);
    if (found == d->byTaskId.cend())
        return {};
    return d->csvOf(d->jobs[size_t(*found)], index, nullValue, u',');
}

} // namespace JobDeck::Sim
