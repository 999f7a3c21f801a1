#include "localserver/linkisapi.h"

#include "localserver/jobmanager.h"
#include "localserver/resultfile.h"
#include "localserver/workspaceschema.h"

#include "results/resultformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QUrlQuery>

namespace JobDeck::Local {

namespace {
constexpr QStringView ApiRoot = u"/api/rest_j/v1/";
constexpr QByteArrayView TicketCookie = "linkis_user_session_ticket_id_v1";
constexpr qint64 SessionIdleMs = 2LL * 60 * 60 * 1000; // Linkis: wds.linkis.server.web.session.timeout

// Linkis writes its messages in both languages at once, "English(中文)"; clients pick a half.
QString both(const QString &english, const QString &chinese)
{
    return english + u'(' + chinese + u')';
}

int httpStatusFor(int status)
{
    switch (status) {
    case -1:
        return 401;
    case 0:
        return 200;
    case 2:
        return 412;
    case 3:
        return 403;
    case 4:
        return 206;
    default:
        return 400;
    }
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString();
}

// Linkis's log answer: [ERROR, WARN, INFO, ALL], each the lines joined by '\n' (protocols.md 1.7).
QJsonArray levelArrays(const QList<JobLog::Line> &lines)
{
    QStringList error, warn, info, all;
    for (const JobLog::Line &line : lines) {
        (line.level == LogLevel::Error  ? error
         : line.level == LogLevel::Warn ? warn
                                        : info)
            .append(line.text);
        all.append(line.text);
    }
    return {error.join(u'\n'), warn.join(u'\n'), info.join(u'\n'), all.join(u'\n')};
}

QString allText(const QList<JobLog::Line> &lines)
{
    QStringList all;
    all.reserve(lines.size());
    for (const JobLog::Line &line : lines)
        all.append(line.text);
    return all.join(u'\n');
}

QString shortExecId(const JobRecord &job)
{
    return QStringLiteral("IDE_%1_%2").arg(job.user).arg(job.taskId);
}
} // namespace

LinkisApi::LinkisApi(JobManager *jobs, JobStore *store, const ServerConfig &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_jobs(jobs)
    , m_store(store)
    , m_config(config)
{}

LinkisApi::~LinkisApi() = default;

void LinkisApi::addToken(const QString &user, const QString &token)
{
    m_tokens.insert(token, user);
}

void LinkisApi::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

bool LinkisApi::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path(QUrl::FullyDecoded);
    Answer answer;
    if (!path.startsWith(ApiRoot)) {
        answer.status = 1;
        answer.message
            = both(QStringLiteral("No such service: %1").arg(path), QStringLiteral("没有这个服务"));
    } else if (request.body().size() > m_config.maxRequestBytes) {
        answer.status = 1;
        answer.message = both(
            QStringLiteral("The request body is larger than %1 MB").arg(m_config.maxRequestBytes >> 20),
            QStringLiteral("请求体过大"));
    } else if (path.mid(ApiRoot.size()) == u"filesystem/resultsetToExcel") {
        const QString user = authenticate(request);
        if (user.isEmpty()) {
            answer.status = -1;
            answer.message = both(QStringLiteral("You are not logged in, please login first!"),
                                  QStringLiteral("您尚未登录，请先登录!"));
        } else if (const auto file = resultDownload(request, user, &answer)) {
            QHttpHeaders headers;
            headers.append(QHttpHeaders::WellKnownHeader::ContentType, "text/plain");
            headers.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
                           "attachment;filename=result.csv");
            responder.write(*file, headers, QHttpServerResponder::StatusCode::Ok);
            return true;
        }
    } else {
        answer = route(request, path.mid(ApiRoot.size()));
    }

    const QJsonObject envelope{{QStringLiteral("method"), path},
                               {QStringLiteral("status"), answer.status},
                               {QStringLiteral("message"), answer.message},
                               {QStringLiteral("data"), answer.data}};
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json; charset=utf-8");
    for (const auto &[name, value] : answer.headers)
        headers.append(name, value);
    int http = httpStatusFor(answer.status);
    if (!path.startsWith(ApiRoot))
        http = 404;
    else if (request.body().size() > m_config.maxRequestBytes)
        http = 413;
    responder.write(QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                    headers,
                    QHttpServerResponder::StatusCode(http));
    return true;
}

QString LinkisApi::sessionTicket(const QHttpServerRequest &request) const
{
    for (const QByteArray &header : request.headers().values(QHttpHeaders::WellKnownHeader::Cookie)) {
        for (const QByteArray &part : header.split(';')) {
            const QByteArray cookie = part.trimmed();
            if (cookie.startsWith(TicketCookie) && cookie.size() > TicketCookie.size()
                && cookie.at(TicketCookie.size()) == '=')
                return QString::fromLatin1(cookie.mid(TicketCookie.size() + 1));
        }
    }
    return {};
}

QString LinkisApi::authenticate(const QHttpServerRequest &request) const
{
    const QString token = QString::fromUtf8(request.value("Token-Code"));
    if (!token.isEmpty()) {
        const auto it = m_tokens.constFind(token);
        const QString user = QString::fromUtf8(request.value("Token-User"));
        return it != m_tokens.cend() && *it == user ? user : QString();
    }
    const QByteArray ticket = sessionTicket(request).toLatin1();
    if (ticket.isEmpty())
        return {};
    const auto it = m_sessions.find(ticket);
    if (it == m_sessions.end())
        return {};
    if (nowMs() - it->lastUsedMs > SessionIdleMs) {
        m_sessions.erase(it);
        return {};
    }
    it->lastUsedMs = nowMs();
    return it->user;
}

LinkisApi::Answer LinkisApi::route(const QHttpServerRequest &request, const QString &path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() == 2 && parts.at(0) == u"user" && parts.at(1) == u"login")
        return login(request);

    const QString user = authenticate(request);
    if (user.isEmpty()) {
        Answer answer;
        answer.status = -1;
        answer.message = both(QStringLiteral("You are not logged in, please login first!"),
                              QStringLiteral("您尚未登录，请先登录!"));
        return answer;
    }
    if (parts.size() == 2 && parts.at(0) == u"user") {
        if (parts.at(1) == u"logout")
            return logout(request);
        if (parts.at(1) == u"userInfo")
            return Answer{0, QStringLiteral("OK"), {{QStringLiteral("userName"), user}}, {}};
    }
    if (parts.size() == 2 && parts.at(0) == u"entrance"
        && (parts.at(1) == u"execute" || parts.at(1) == u"submit"))
        return submit(request, user);
    if (parts.size() == 3 && parts.at(0) == u"entrance")
        return entrance(request, user, parts.at(1), parts.at(2));
    if (parts.size() >= 2 && parts.at(0) == u"jobhistory")
        return history(request, user, parts.mid(1).join(u'/'));
    if (parts.size() == 2 && parts.at(0) == u"filesystem")
        return fileSystem(request, user, parts.at(1));
    if (parts.size() == 2 && parts.at(0) == u"datasource")
        return dataSource(request, user, parts.at(1));
    Answer answer;
    answer.status = 1;
    answer.message = both(QStringLiteral("No such service: /%1").arg(path), QStringLiteral("没有这个服务"));
    return answer;
}

LinkisApi::Answer LinkisApi::login(const QHttpServerRequest &request)
{
    Answer answer;
    QString userName;
    QString password;
    if (!request.body().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            answer.status = 1;
            answer.message
                = both(QStringLiteral("The request body is not valid JSON: %1").arg(error.errorString()),
                       QStringLiteral("请求体不是合法的 JSON"));
            return answer;
        }
        userName = document.object().value(QLatin1StringView("userName")).toString();
        password = document.object().value(QLatin1StringView("password")).toString();
    } else {
        userName = request.query().queryItemValue(QStringLiteral("userName"), QUrl::FullyDecoded);
        password = request.query().queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
    }
    if (userName.isEmpty() || password.isEmpty()) {
        answer.status = 1;
        answer.message = both(QStringLiteral("User name and password must not be empty"),
                              QStringLiteral("用户名和密码不能为空"));
        return answer;
    }
    if (!m_config.checkPassword(userName, password)) {
        answer.status = 1;
        answer.message = both(QStringLiteral("Login failed: wrong user name or password"),
                              QStringLiteral("登录失败：用户名或密码错误"));
        return answer;
    }
    const QByteArray ticket = randomSecret(24).toLatin1();
    m_sessions.insert(ticket, Session{userName, nowMs()});
    answer.message = both(QStringLiteral("login successful"), QStringLiteral("登录成功"));
    answer.data = {{QStringLiteral("userName"), userName},
                   {QStringLiteral("isAdmin"), false},
                   {QStringLiteral("sessionTimeOut"), SessionIdleMs},
                   {QStringLiteral("enableWatermark"), false}};
    answer.headers.append(
        {"Set-Cookie", TicketCookie.toByteArray() + '=' + ticket + "; Path=/; HttpOnly; SameSite=Strict"});
    return answer;
}

LinkisApi::Answer LinkisApi::logout(const QHttpServerRequest &request)
{
    m_sessions.remove(sessionTicket(request).toLatin1());
    Answer answer;
    answer.message = both(QStringLiteral("Logout successful"), QStringLiteral("退出登录成功"));
    answer.headers.append({"Set-Cookie", TicketCookie.toByteArray() + "=; Path=/; Max-Age=0"});
    return answer;
}

LinkisApi::Answer LinkisApi::submit(const QHttpServerRequest &request, const QString &user)
{
    Answer answer;
    answer.status = 1;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        answer.message
            = both(QStringLiteral("The request body is not valid JSON: %1").arg(error.errorString()),
                   QStringLiteral("请求体不是合法的 JSON"));
        return answer;
    }
    const QJsonObject body = document.object();
    JobRecord job;
    job.user = user;
    // Both body shapes of the seeds: the 1.x executionContent + labels, and the 0.x fields.
    if (body.contains(QLatin1StringView("executionContent"))) {
        const QJsonObject content = body.value(QLatin1StringView("executionContent")).toObject();
        const QJsonObject labels = body.value(QLatin1StringView("labels")).toObject();
        job.code = content.value(QLatin1StringView("code")).toString();
        job.runType = content.value(QLatin1StringView("runType")).toString();
        job.engine = labels.value(QLatin1StringView("engineType")).toString();
        const QString userCreator = labels.value(QLatin1StringView("userCreator")).toString();
        job.creator = userCreator.section(u'-', 1);
        for (auto it = labels.begin(); it != labels.end(); ++it)
            job.labels.append(it.key() + u':' + it.value().toString());
        if (job.engine.isEmpty()) {
            answer.message = both(QStringLiteral("labels must contain engineType"),
                                  QStringLiteral("labels 中必须包含 engineType"));
            return answer;
        }
    } else {
        job.code = body.value(QLatin1StringView("executionCode")).toString();
        job.runType = body.value(QLatin1StringView("runType")).toString();
        job.engine = body.value(QLatin1StringView("executeApplicationName")).toString();
        job.creator = body.value(QLatin1StringView("requestApplicationName")).toString();
    }
    if (job.code.trimmed().isEmpty()) {
        answer.message = both(QStringLiteral("The code to execute is empty"), QStringLiteral("执行代码为空"));
        return answer;
    }
    if (job.runType.isEmpty())
        job.runType = job.engine;
    // The local engines: SQLite for SQL of any dialect name, /bin/sh for shell.
    static const QStringList sqlTypes{
        QStringLiteral("sql"), QStringLiteral("hql"), QStringLiteral("sqlite"), QStringLiteral("jdbc")};
    if (sqlTypes.contains(job.runType.toLower()))
        job.runType = QStringLiteral("sql");
    else if (job.runType == u"sh" || job.runType == u"bash")
        job.runType = QStringLiteral("shell");
    if (job.creator.isEmpty())
        job.creator = QStringLiteral("IDE");
    job.params = body.value(QLatin1StringView("params")).toObject();
    job.source = body.value(QLatin1StringView("source")).toObject();

    QString why;
    const auto accepted = m_jobs->submit(job, &why);
    if (!accepted) {
        answer.message = both(why, QStringLiteral("提交失败"));
        return answer;
    }
    answer.status = 0;
    answer.message = both(QStringLiteral("Request executed successfully"), QStringLiteral("请求执行成功"));
    answer.data
        = {{QStringLiteral("execID"), accepted->execId}, {QStringLiteral("taskID"), accepted->taskId}};
    return answer;
}

LinkisApi::Answer LinkisApi::entrance(const QHttpServerRequest &request,
                                      const QString &user,
                                      const QString &execId,
                                      const QString &verb)
{
    Answer answer;
    answer.status = 1;
    std::optional<JobRecord> job = m_jobs->jobByExecId(execId);
    if (!job) {
        // A numeric id is a taskID (Linkis 1.5+ accepts those behind a header; here, directly).
        bool isNumber = false;
        const qint64 taskId = execId.toLongLong(&isNumber);
        if (isNumber)
            job = m_jobs->job(taskId);
    }
    if (!job) {
        answer.message = both(QStringLiteral("ID The corresponding job is empty: no job %1").arg(execId),
                              QStringLiteral("ID 对应的job为空"));
        return answer;
    }
    if (job->user != user) {
        answer.status = 3;
        answer.message = both(QStringLiteral("You have no permission to access job %1").arg(execId),
                              QStringLiteral("您没有权限访问该作业"));
        return answer;
    }
    const QJsonValue id(job->execId);
    if (verb == u"status") {
        answer.status = 0;
        answer.message = both(QStringLiteral("Get status successful"), QStringLiteral("获取状态成功"));
        answer.data = {{QStringLiteral("status"), job->status},
                       {QStringLiteral("execID"), id},
                       {QStringLiteral("taskID"), job->taskId}};
        return answer;
    }
    if (verb == u"progress") {
        answer.status = 0;
        answer.message = both(QStringLiteral("Return progress information"), QStringLiteral("返回进度信息"));
        answer.data = {{QStringLiteral("execID"), id},
                       {QStringLiteral("progress"), job->status == u"Succeed" ? 1.0 : job->progress},
                       {QStringLiteral("progressInfo"), m_jobs->progressInfo(job->taskId)}};
        return answer;
    }
    if (verb == u"kill") {
        answer.status = 0;
        if (m_jobs->kill(job->taskId))
            answer.message
                = both(QStringLiteral("Successfully killed the job"), QStringLiteral("成功kill了job"));
        else
            answer.message
                = both(QStringLiteral("The job had already ended"), QStringLiteral("作业已经结束"));
        answer.data = {{QStringLiteral("execID"), id}};
        return answer;
    }
    if (verb == u"log") {
        JobLog *log = m_jobs->log(job->taskId);
        const qint64 lines = log ? log->lineCount() : 0;
        const QUrlQuery query = request.query();
        bool ok = true;
        qint64 fromLine = 1;
        if (query.hasQueryItem(QStringLiteral("fromLine")))
            fromLine = query.queryItemValue(QStringLiteral("fromLine")).toLongLong(&ok);
        qint64 size = 100;
        if (ok && query.hasQueryItem(QStringLiteral("size")))
            size = query.queryItemValue(QStringLiteral("size")).toLongLong(&ok);
        if (!ok) {
            answer.message = both(QStringLiteral("fromLine and size must be numbers"),
                                  QStringLiteral("fromLine 和 size 必须是数字"));
            return answer;
        }
        // As Linkis 1.6+: lines count from 1 (0 means 1 too); a negative size means 10,000.
        const qint64 start = std::max<qint64>(fromLine, 1);
        if (start > lines + 1) {
            answer.message = both(
                QStringLiteral("fromLine %1 is past the end of the log (%2 lines)").arg(fromLine).arg(lines),
                QStringLiteral("fromLine 超出日志末尾"));
            return answer;
        }
        size = size < 0 ? 10000 : std::min<qint64>(size, 10000);
        const QList<JobLog::Line> page = log ? log->read(start - 1, size) : QList<JobLog::Line>{};
        answer.status = 0;
        answer.message = both(QStringLiteral("Return log information"), QStringLiteral("返回日志信息"));
        const bool distinct = query.queryItemValue(QStringLiteral("distinctLevel")) != u"false";
        answer.data
            = {{QStringLiteral("execID"), id},
               {QStringLiteral("log"), distinct ? QJsonValue(levelArrays(page)) : QJsonValue(allText(page))},
               {QStringLiteral("fromLine"), fromLine + page.size()}};
        return answer;
    }
    answer.message
        = both(QStringLiteral("No such entrance call: %1").arg(verb), QStringLiteral("没有这个接口"));
    return answer;
}

QJsonObject LinkisApi::taskObject(const JobRecord &job) const
{
    QJsonObject task{
        {QStringLiteral("taskID"), job.taskId},
        {QStringLiteral("execId"), shortExecId(job)},
        {QStringLiteral("strongerExecId"), job.execId},
        {QStringLiteral("status"), job.status},
        {QStringLiteral("progress"), QString::number(job.status == u"Succeed" ? 1.0 : job.progress, 'f', 2)},
        {QStringLiteral("createdTime"), job.createdMs},
        {QStringLiteral("updatedTime"), std::max({job.createdMs, job.startedMs, job.endedMs})},
        {QStringLiteral("executeUser"), job.user},
        {QStringLiteral("umUser"), job.user},
        {QStringLiteral("engineType"), job.engine},
        {QStringLiteral("runType"), job.runType},
        {QStringLiteral("requestApplicationName"), job.creator},
        {QStringLiteral("labels"), QJsonArray::fromStringList(job.labels)},
        {QStringLiteral("paramsJson"),
         QString::fromUtf8(QJsonDocument(job.params).toJson(QJsonDocument::Compact))},
        {QStringLiteral("sourceJson"),
         QString::fromUtf8(QJsonDocument(job.source).toJson(QJsonDocument::Compact))},
        {QStringLiteral("executionCode"), job.code},
        {QStringLiteral("logPath"), fileUrl(m_jobs->logPath(job.taskId))},
        {QStringLiteral("resultLocation"), QString(fileUrl(m_jobs->resultDir(job.taskId)) + u'/')},
    };
    if (job.startedMs > 0)
        task.insert(QStringLiteral("requestStartTime"), job.startedMs);
    if (job.endedMs > 0) {
        task.insert(QStringLiteral("requestEndTime"), job.endedMs);
        task.insert(QStringLiteral("costTime"),
                    job.endedMs - (job.startedMs > 0 ? job.startedMs : job.createdMs));
    } else if (job.startedMs > 0) {
        task.insert(QStringLiteral("costTime"), nowMs() - job.startedMs); // grows while running, as in Linkis
    }
    if (job.errCode != 0) {
        task.insert(QStringLiteral("errCode"), job.errCode);
        task.insert(QStringLiteral("errDesc"), job.errDesc);
    }
    return task;
}

LinkisApi::Answer LinkisApi::history(const QHttpServerRequest &request,
                                     const QString &user,
                                     const QString &rest)
{
    Answer answer;
    answer.status = 1;
    const QUrlQuery query = request.query();
    if (rest == u"list") {
        JobStore::Query q;
        q.user = user;
        bool ok = true;
        const auto number = [&](const char *name, qint64 fallback) {
            const QString value = query.queryItemValue(QString::fromLatin1(name));
            if (value.isEmpty())
                return fallback;
            bool parsed = false;
            const qint64 n = value.toLongLong(&parsed);
            ok = ok && parsed;
            return n;
        };
        q.startMs = number("startDate", 0);
        q.endMs = number("endDate", 0);
        q.page = int(std::clamp<qint64>(number("pageNow", 1), 1, 1000000));
        q.pageSize = int(std::clamp<qint64>(number("pageSize", 20), 1, 500));
        if (!ok) {
            answer.message = both(QStringLiteral("startDate, endDate, pageNow and pageSize must be numbers"),
                                  QStringLiteral("参数必须是数字"));
            return answer;
        }
        if (q.startMs > 0 && q.startMs == q.endMs)
            q.endMs += 24LL * 60 * 60 * 1000; // Linkis: equal dates mean that whole day
        const QString statuses = query.queryItemValue(QStringLiteral("status"));
        if (!statuses.isEmpty())
            q.statuses = statuses.split(u',', Qt::SkipEmptyParts);
        q.engine = query.queryItemValue(QStringLiteral("executeApplicationName"));
        q.creator = query.queryItemValue(QStringLiteral("creator"));
        qint64 total = 0;
        QJsonArray tasks;
        for (const JobRecord &job : m_store->list(q, &total)) {
            // Live figures for running jobs.
            tasks.append(taskObject(m_jobs->job(job.taskId).value_or(job)));
        }
        answer.status = 0;
        answer.message = both(QStringLiteral("Query successful"), QStringLiteral("查询成功"));
        // "totalPage" is the number of rows, as in Linkis (protocols.md 1.9).
        answer.data = {{QStringLiteral("tasks"), tasks}, {QStringLiteral("totalPage"), total}};
        return answer;
    }
    const QStringList parts = rest.split(u'/');
    bool isNumber = false;
    const qint64 taskId = parts.value(0).toLongLong(&isNumber);
    if (parts.size() == 2 && parts.at(1) == u"get" && isNumber) {
        const auto job = m_jobs->job(taskId);
        if (!job || job->user != user) {
            answer.message
                = both(QStringLiteral("The corresponding job was not found, or there may be no permission to "
                                      "view the job"),
                       QStringLiteral("没有找到对应的作业，或者没有权限查看该作业"));
            return answer;
        }
        answer.status = 0;
        answer.message = both(QStringLiteral("Query successful"), QStringLiteral("查询成功"));
        answer.data = {{QStringLiteral("task"), taskObject(*job)}};
        return answer;
    }
    answer.message
        = both(QStringLiteral("No such job history call: %1").arg(rest), QStringLiteral("没有这个接口"));
    return answer;
}

LinkisApi::Answer LinkisApi::fileSystem(const QHttpServerRequest &request,
                                        const QString &user,
                                        const QString &verb)
{
    Answer answer;
    answer.status = 1;
    const QUrlQuery query = request.query();
    const QString path = query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    // Only the files of the caller's own jobs, named exactly as job history names them: no
    // path from a request ever reaches the file system otherwise.
    static const QRegularExpression jobFile(
        QStringLiteral("/(logs|results)/(\\d+)(?:\\.log|/([A-Za-z0-9_.-]*))?$"));
    const auto match = jobFile.match(path);
    const qint64 taskId = match.hasMatch() ? match.captured(2).toLongLong() : 0;
    const auto job = taskId > 0 ? m_jobs->job(taskId) : std::nullopt;
    const auto refuse = [&] {
        answer.status = 3;
        answer.message = both(QStringLiteral("No permission to read %1").arg(path),
                              QStringLiteral("没有权限读取该文件"));
        return answer;
    };
    if (!job || job->user != user)
        return refuse();
    const QString logUrl = fileUrl(m_jobs->logPath(taskId));
    const QString resultUrl = fileUrl(m_jobs->resultDir(taskId)) + u'/';

    if (verb == u"openLog") {
        if (path != logUrl)
            return refuse();
        JobLog *log = m_jobs->log(taskId);
        const QList<JobLog::Line> lines = log ? log->read(0, log->lineCount()) : QList<JobLog::Line>{};
        answer.status = 0;
        answer.message = both(QStringLiteral("OK"), QStringLiteral("成功"));
        answer.data = {{QStringLiteral("log"), levelArrays(lines)}};
        return answer;
    }
    if (verb == u"getDirFileTrees") {
        if (path != resultUrl && path != resultUrl.chopped(1))
            return refuse();
        const QDir dir(m_jobs->resultDir(taskId));
        const QStringList names = dir.entryList({QStringLiteral("_*.dolphin")}, QDir::Files, QDir::Name);
        QJsonValue children = QJsonValue::Null; // as Linkis: null when there are no result sets
        if (!names.isEmpty()) {
            QJsonArray list;
            for (const QString &name : names) {
                list.append(QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("path"), QString(resultUrl + name)},
                                        {QStringLiteral("isLeaf"), true},
                                        {QStringLiteral("size"), QFileInfo(dir.filePath(name)).size()}});
            }
            children = list;
        }
        answer.status = 0;
        answer.message = both(QStringLiteral("OK"), QStringLiteral("成功"));
        answer.data = {{QStringLiteral("dirFileTrees"),
                        QJsonObject{{QStringLiteral("name"), QString::number(taskId)},
                                    {QStringLiteral("path"), resultUrl},
                                    {QStringLiteral("isLeaf"), false},
                                    {QStringLiteral("children"), children}}}};
        return answer;
    }
    if (verb == u"openFile") {
        const QString name = match.captured(3);
        if (!path.startsWith(resultUrl) || name.isEmpty() || name.contains(u"..")
            || !name.endsWith(u".dolphin"))
            return refuse();
        bool ok = true;
        const int page = query.hasQueryItem(QStringLiteral("page"))
                             ? query.queryItemValue(QStringLiteral("page")).toInt(&ok)
                             : 1;
        bool sizeOk = true;
        const int pageSize = query.hasQueryItem(QStringLiteral("pageSize"))
                                 ? query.queryItemValue(QStringLiteral("pageSize")).toInt(&sizeOk)
                                 : 5000;
        if (!ok || !sizeOk || page < 1 || pageSize < 1) {
            answer.message = both(QStringLiteral("page and pageSize must be positive numbers"),
                                  QStringLiteral("page 和 pageSize 必须是正数"));
            return answer;
        }
        if (pageSize > 100000) {
            answer.data = {{QStringLiteral("errCode"), 80034}};
            answer.message = both(QStringLiteral("The result set page size cannot exceed 100000"),
                                  QStringLiteral("结果集每页行数不能超过 100000"));
            return answer;
        }
        QString error;
        const auto rows
            = ResultFileReader::readPage(m_jobs->resultDir(taskId) + u'/' + name, page, pageSize, &error);
        if (!rows) {
            answer.message = both(QStringLiteral("Cannot read the result set: %1").arg(error),
                                  QStringLiteral("无法读取结果集"));
            return answer;
        }
        QJsonArray metadata;
        for (qsizetype i = 0; i < rows->columns.size(); ++i) {
            metadata.append(
                QJsonObject{{QStringLiteral("columnName"), rows->columns.at(i)},
                            {QStringLiteral("dataType"), rows->types.value(i, QStringLiteral("string"))},
                            {QStringLiteral("comment"), QString()}});
        }
        QJsonArray content;
        for (const QStringList &row : rows->rows)
            content.append(QJsonArray::fromStringList(row));
        answer.status = 0;
        answer.message = both(QStringLiteral("OK"), QStringLiteral("成功"));
        answer.data = {{QStringLiteral("metadata"), metadata},
                       {QStringLiteral("fileContent"), content},
                       {QStringLiteral("type"), QStringLiteral("2")},
                       {QStringLiteral("totalLine"), rows->totalRows},
                       {QStringLiteral("page"), page},
                       {QStringLiteral("totalPage"), 0}};
        return answer;
    }
    answer.message
        = both(QStringLiteral("No such file system call: %1").arg(verb), QStringLiteral("没有这个接口"));
    return answer;
}

LinkisApi::Answer LinkisApi::dataSource(const QHttpServerRequest &request,
                                        const QString &user,
                                        const QString &verb)
{
    Answer answer;
    answer.status = 1;
    if (request.method() != QHttpServerRequest::Method::Get) {
        answer.message
            = both(QStringLiteral("Use GET for datasource/%1").arg(verb), QStringLiteral("请使用 GET 请求"));
        return answer;
    }
    const QUrlQuery query = request.query();
    const QString database = query.queryItemValue(QStringLiteral("database"), QUrl::FullyDecoded);
    const QString table = query.queryItemValue(QStringLiteral("table"), QUrl::FullyDecoded);
    const WorkspaceSchema schema(m_config.dataDir + u"/workspaces/" + user + u".sqlite");
    QString error;
    std::optional<QJsonArray> list;
    QString key;
    if (verb == u"dbs") {
        list = schema.databases(&error);
        key = QStringLiteral("dbs");
    } else if (verb == u"tables") {
        list = schema.tables(database, user, &error);
        key = QStringLiteral("tables");
    } else if (verb == u"columns") {
        if (table.isEmpty()) {
            answer.message = both(QStringLiteral("Name the table: columns?database=&table="),
                                  QStringLiteral("请指定表名"));
            return answer;
        }
        list = schema.columns(database, table, &error);
        key = QStringLiteral("columns");
    } else {
        answer.message
            = both(QStringLiteral("No such datasource call: %1").arg(verb), QStringLiteral("没有这个接口"));
        return answer;
    }
    if (!list) {
        // The datasource service's own words for a failed lookup (DataSourceRestfulApi).
        answer.message = verb == u"columns"
                             ? both(QStringLiteral("Failed to get data table structure: %1").arg(error),
                                    QStringLiteral("获取数据表结构失败"))
                             : both(QStringLiteral("Failed to query %1: %2").arg(verb, error),
                                    QStringLiteral("查询失败"));
        return answer;
    }
    answer.status = 0;
    answer.message = QString();
    answer.data = {{key, *list}};
    return answer;
}

QString LinkisApi::resultFile(const QString &path, const QString &user, Answer *answer) const
{
    static const QRegularExpression jobFile(QStringLiteral("/results/(\\d+)/([A-Za-z0-9_.-]*)$"));
    const auto match = jobFile.match(path);
    const qint64 taskId = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    const auto job = taskId > 0 ? m_jobs->job(taskId) : std::nullopt;
    const QString name = match.captured(2);
    const QString resultUrl = fileUrl(m_jobs->resultDir(taskId)) + u'/';
    if (!job || job->user != user || !path.startsWith(resultUrl) || name.contains(u"..")
        || !name.endsWith(u".dolphin")) {
        answer->status = 3;
        answer->message = both(QStringLiteral("No permission to read %1").arg(path),
                               QStringLiteral("没有权限读取该文件"));
        return {};
    }
    return m_jobs->resultDir(taskId) + u'/' + name;
}

std::optional<QByteArray> LinkisApi::resultDownload(const QHttpServerRequest &request,
                                                    const QString &user,
                                                    Answer *answer)
{
    answer->status = 1;
    const QUrlQuery query = request.query();
    const QString path = query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    const QString file = resultFile(path, user, answer);
    if (file.isEmpty())
        return std::nullopt;
    const QString type = query.queryItemValue(QStringLiteral("outputFileType"));
    if (!type.isEmpty() && type != u"csv") {
        answer->message = both(QStringLiteral("jobdeck-server exports result sets as csv only"),
                               QStringLiteral("只支持导出 csv"));
        return std::nullopt;
    }
    QByteArray charset = query.queryItemValue(QStringLiteral("charset")).toLatin1();
    if (charset.isEmpty())
        charset = "utf-8";
    QStringEncoder encoder(charset.constData());
    if (!encoder.isValid()) {
        answer->message = both(QStringLiteral("Unknown charset %1").arg(QString::fromLatin1(charset)),
                               QStringLiteral("未知的字符集"));
        return std::nullopt;
    }
    QString separator = query.queryItemValue(QStringLiteral("csvSeparator"), QUrl::FullyDecoded);
    if (separator.isEmpty())
        separator = query.queryItemValue(QStringLiteral("csvSeperator"), QUrl::FullyDecoded);
    RowFormatOptions options;
    options.separator = separator.isEmpty() ? QChar(u',') : separator.at(0);
    // As Linkis: NULL cells become nullValue (default "NULL"); BLANK means the empty string;
    // LINKIS_NULL keeps them as the file has them.
    QString nullValue = query.hasQueryItem(QStringLiteral("nullValue"))
                            ? query.queryItemValue(QStringLiteral("nullValue"), QUrl::FullyDecoded)
                            : QStringLiteral("NULL");
    if (nullValue.compare(u"BLANK", Qt::CaseInsensitive) == 0)
        nullValue.clear();
    if (nullValue == u"LINKIS_NULL")
        nullValue = QStringLiteral("NULL");
    options.nullText = nullValue;

    constexpr int PageRows = 50000;
    QByteArray out;
    for (int page = 1;; ++page) {
        QString error;
        auto rows = ResultFileReader::readPage(file, page, PageRows, &error);
        if (!rows) {
            answer->message = both(QStringLiteral("Cannot read the result set: %1").arg(error),
                                   QStringLiteral("无法读取结果集"));
            return std::nullopt;
        }
        if (page == 1)
            out += encoder.encode(formatHeader(RowFormat::Csv, rows->columns, options));
        for (QStringList &row : rows->rows) {
            for (QString &cell : row) {
                if (cell == u"NULL")
                    cell = QString();
            }
        }
        out += encoder.encode(formatRows(RowFormat::Csv, rows->columns, rows->rows, options));
        if (rows->rows.size() < PageRows || qint64(page) * PageRows >= rows->totalRows)
            break;
    }
    return out;
}

} // namespace JobDeck::Local
