#include "backends/linkis/linkisbackend.h"

#include "core/jsonvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace JobDeck {

using Linkis::Envelope;

namespace {
constexpr auto ApiRoot = u"/api/rest_j/v1/";

QString api(QStringView path)
{
    return ApiRoot + path.toString();
}

QJsonObject toJsonObject(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// The numeric part of "_12.dolphin", for ordering result sets as the engine wrote them
// (the server sorts names as strings, putting _10 before _2).
int resultIndex(const QString &name)
{
    static const QRegularExpression digits(QStringLiteral("_(\\d+)"));
    const auto match = digits.match(name);
    return match.hasMatch() ? match.captured(1).toInt() : INT_MAX;
}
} // namespace

LinkisBackend::LinkisBackend(ConnectionProfile profile, QObject *parent)
    : Backend(parent)
    , m_profile(std::move(profile))
    , m_http(new HttpClient(m_profile.url, this))
{
    if (m_profile.kind.isEmpty())
        m_profile.kind = QStringLiteral("linkis");
    m_lineBase = m_profile.logLineBase;
    if (m_profile.auth == ConnectionProfile::Auth::Token) {
        // Real gateways read Token-Code + Token-User; the seed documents Validation-Code +
        // Proxy-User. Sending both works with either (protocols.md 1.3).
        const QByteArray user
            = (m_profile.proxyUser.isEmpty() ? m_profile.user : m_profile.proxyUser).toUtf8();
        m_http->setDefaultHeader("Token-Code", m_profile.secret.toUtf8());
        m_http->setDefaultHeader("Token-User", m_profile.user.toUtf8());
        m_http->setDefaultHeader("Validation-Code", m_profile.secret.toUtf8());
        m_http->setDefaultHeader("Proxy-User", user);
    }
    setLanguage(Language::English);
}

LinkisBackend::~LinkisBackend() = default;

Capabilities LinkisBackend::capabilities() const
{
    Capabilities caps;
    caps.submit = true;
    caps.kill = true;
    caps.log = true;
    caps.progress = true;
    caps.results = true;
    caps.history = true;
    caps.schema = true;
    caps.resultDownload = true;
    return caps;
}

QList<RunOffer> LinkisBackend::runOffers() const
{
    const auto offer = [](const char *engine, const char *runType) {
        return RunOffer{QLatin1StringView(engine), QLatin1StringView(runType)};
    };
    // jobdeck-server runs SQL on SQLite and shell scripts.
    if (kind() == u"local")
        return {offer("sqlite", "sql"), offer("shell", "shell")};
    // The engines of a Linkis 1.x install with the versions its default labels name, and the
    // run types each takes (Linkis's RunType: trino's SQL is "tsql", presto's "psql").
    return {offer("spark-3.2.1", "sql"),
            offer("spark-3.2.1", "scala"),
            offer("spark-3.2.1", "py"),
            offer("hive-3.1.3", "hql"),
            offer("python-python3", "python"),
            offer("shell-1", "shell"),
            offer("jdbc-4", "jdbc"),
            offer("trino-371", "tsql"),
            offer("presto-0.234", "psql")};
}

void LinkisBackend::setLanguage(Language language)
{
    m_language = language;
    // Linkis reads Content-Language in a few endpoints, as linkis-web sends it (protocols.md 5);
    // Accept-Language is the standard header for anything in between.
    const bool chinese = language == Language::Chinese;
    m_http->setDefaultHeader("Content-Language", chinese ? "zh-CN" : "en");
    m_http->setDefaultHeader("Accept-Language", chinese ? "zh-CN,zh;q=0.9,en;q=0.8" : "en-US,en;q=0.9");
}

HttpRequest LinkisBackend::request(const QByteArray &method, const QString &path) const
{
    HttpRequest request;
    request.method = method;
    request.path = api(path);
    request.timeoutMs = m_profile.requestTimeoutMs;
    return request;
}

BackendError LinkisBackend::errorOf(const Envelope &envelope, const HttpResponse &response) const
{
    return Linkis::envelopeError(envelope, response, m_language);
}

LinkisBackend::EnvelopeCall *LinkisBackend::call(const HttpRequest &request)
{
    auto *pending = new EnvelopeCall(this);
    send(request, pending, false);
    return pending;
}

void LinkisBackend::send(const HttpRequest &request, EnvelopeCall *pending, bool isReplay)
{
    auto *http = m_http->send(request);
    pending->cancelWith(http);
    onFinished(http, pending, [this, request, pending, isReplay](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        const Result<Envelope> envelope = Linkis::decodeEnvelope(*answer);
        // Expired sessions: status -1 (HTTP 401), or a bare 401 from a proxy in front.
        const bool expired = envelope ? envelope->status == -1 : answer->status == 401;
        if (expired && !isReplay && m_profile.auth == ConnectionProfile::Auth::Password
            && !m_profile.secret.isEmpty()) {
            auto *relogin = login();
            onFinished(relogin, pending, [this, request, pending](const Result<bool> &loggedIn) {
                if (!loggedIn)
                    pending->finish(std::unexpected(loggedIn.error()));
                else
                    send(request, pending, true);
            });
            return;
        }
        if (!envelope) {
            BackendError error = envelope.error();
            if (answer->status == 401)
                error.kind = BackendError::Kind::Authentication;
            pending->finish(std::unexpected(error));
            return;
        }
        if (envelope->status == -1) {
            pending->finish(std::unexpected(errorOf(*envelope, *answer)));
            return;
        }
        pending->finish(std::pair{*envelope, *answer});
    });
}

Pending<bool> *LinkisBackend::login()
{
    // Requests that find the session expired at the same moment share one login.
    if (m_loginInFlight && !m_loginInFlight->isFinished())
        return m_loginInFlight;
    auto *pending = new Pending<bool>(this);
    m_loginInFlight = pending;
    if (m_profile.user.isEmpty() || m_profile.secret.isEmpty()) {
        pending->finish(failure(
            BackendError::Kind::Authentication,
            tr("No user name or password to log in to %1 with").arg(m_profile.url.toDisplayString())));
        return pending;
    }
    // A login while holding another valid ticket keeps the old user (protocols.md 1.3):
    // start from an empty jar.
    m_http->clearCookies();
    HttpRequest req = request("POST", QStringLiteral("user/login"));
    req.contentType = "application/json";
    req.body = QJsonDocument(QJsonObject{{QStringLiteral("userName"), m_profile.user},
                                         {QStringLiteral("password"), m_profile.secret}})
                   .toJson(QJsonDocument::Compact);
    auto *http = m_http->send(req);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        const Result<Envelope> envelope = Linkis::decodeEnvelope(*answer);
        if (!envelope) {
            pending->finish(std::unexpected(envelope.error()));
            return;
        }
        if (envelope->status != 0) {
            BackendError error = errorOf(*envelope, *answer);
            error.kind = BackendError::Kind::Authentication;
            error.message = tr("Login as %1 failed: %2").arg(m_profile.user, error.message);
            pending->finish(std::unexpected(error));
            return;
        }
        const QString userName = envelope->data.value(QLatin1StringView("userName")).toString();
        if (!userName.isEmpty() && userName != m_profile.user) {
            pending->finish(failure(
                BackendError::Kind::Authentication,
                tr("The server kept a session of %1 instead of logging in %2").arg(userName, m_profile.user),
                answer->url));
            return;
        }
        ++m_loginCount;
        pending->finish(true);
    });
    return pending;
}

Pending<bool> *LinkisBackend::connectToServer()
{
    if (m_profile.auth == ConnectionProfile::Auth::Password)
        return login();
    // Token: any authenticated call tells whether the gateway takes it.
    auto *pending = new Pending<bool>(this);
    HttpRequest req = request("GET", QStringLiteral("jobhistory/list"));
    req.query.addQueryItem(QStringLiteral("pageNow"), QStringLiteral("1"));
    req.query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("1"));
    chain(call(req), pending, [this](const auto &answer) -> Result<bool> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        return true;
    });
    return pending;
}

Pending<bool> *LinkisBackend::disconnectFromServer()
{
    auto *pending = new Pending<bool>(this);
    if (m_profile.auth != ConnectionProfile::Auth::Password) {
        pending->finish(true);
        return pending;
    }
    auto *http = m_http->send(request("GET", QStringLiteral("user/logout")));
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &) {
        m_http->clearCookies(); // logged out whatever the server said
        pending->finish(true);
    });
    return pending;
}

Pending<QJsonObject> *LinkisBackend::historyTask(qint64 taskId)
{
    auto *pending = new Pending<QJsonObject>(this);
    chain(call(request("GET", QStringLiteral("jobhistory/%1/get").arg(taskId))),
          pending,
          [this](const auto &answer) -> Result<QJsonObject> {
              if (answer.first.status != 0)
                  return std::unexpected(errorOf(answer.first, answer.second));
              const QJsonObject task = answer.first.data.value(QLatin1StringView("task")).toObject();
              if (task.isEmpty())
                  return failure(BackendError::Kind::Protocol,
                                 tr("The job history answer has no task"),
                                 answer.second.url);
              return task;
          });
    return pending;
}

Pending<Job> *LinkisBackend::historyJob(qint64 taskId)
{
    auto *pending = new Pending<Job>(this);
    chain(historyTask(taskId), pending, [this](const QJsonObject &task) {
        Job job = Linkis::jobFromTask(task);
        job.backend = kind();
        return job;
    });
    return pending;
}

Pending<Job> *LinkisBackend::lookup(const QString &id)
{
    // A number is a taskID (what job history shows); anything else is an execID.
    bool isNumber = false;
    const qint64 taskId = id.toLongLong(&isNumber);
    if (isNumber && taskId > 0)
        return historyJob(taskId);
    auto *pending = new Pending<Job>(this);
    Job job;
    job.backend = kind();
    job.id = id;
    job.ids.linkisExecId = id;
    pending->finish(job);
    return pending;
}

Pending<Job> *LinkisBackend::submit(const SubmitRequest &submission)
{
    auto *pending = new Pending<Job>(this);
    if (submission.script.trimmed().isEmpty()) {
        pending->finish(failure(BackendError::Kind::Refused, tr("The script is empty")));
        return pending;
    }
    const QString runType = submission.runType.isEmpty() ? QStringLiteral("sql") : submission.runType;
    // jobdeck-server runs SQL on SQLite and shell on /bin/sh; a Linkis gateway's usual engine is Spark.
    const QString defaultEngine
        = kind() == u"local" ? (runType == u"shell" ? QStringLiteral("shell") : QStringLiteral("sqlite"))
                             : QStringLiteral("spark");
    const QString engine = submission.engine.isEmpty() ? defaultEngine : submission.engine;
    const QString user = m_profile.proxyUser.isEmpty() ? m_profile.user : m_profile.proxyUser;
    QJsonObject configuration{
        {QStringLiteral("startup"), QJsonObject::fromVariantMap(submission.startupConfiguration)},
        {QStringLiteral("runtime"), QJsonObject::fromVariantMap(submission.runtimeConfiguration)}};
    QJsonObject params{{QStringLiteral("variable"), toJsonObject(submission.variables)},
                       {QStringLiteral("configuration"), configuration}};
    QJsonObject source;
    if (!submission.scriptPath.isEmpty())
        source.insert(QStringLiteral("scriptPath"), submission.scriptPath);

    // 1.x: entrance/submit with labels (seed 000).
    QJsonObject body{
        {QStringLiteral("executionContent"),
         QJsonObject{{QStringLiteral("code"), submission.script}, {QStringLiteral("runType"), runType}}},
        {QStringLiteral("params"), params},
        {QStringLiteral("source"), source},
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("engineType"), engine},
                     {QStringLiteral("userCreator"), QString(user + u'-' + m_profile.creator)}}}};
    if (!m_profile.proxyUser.isEmpty())
        body.insert(QStringLiteral("executeUser"), m_profile.proxyUser);
    HttpRequest req = request("POST", QStringLiteral("entrance/submit"));
    req.contentType = "application/json";
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.resendable = false; // a second send would start a second job

    // 0.x has only entrance/execute with the old body (seed 001).
    QJsonObject oldBody{{QStringLiteral("executeApplicationName"), engine.section(u'-', 0, 0)},
                        {QStringLiteral("requestApplicationName"), m_profile.creator},
                        {QStringLiteral("executionCode"), submission.script},
                        {QStringLiteral("runType"), runType},
                        {QStringLiteral("params"), params},
                        {QStringLiteral("source"), source}};
    HttpRequest oldReq = request("POST", QStringLiteral("entrance/execute"));
    oldReq.contentType = "application/json";
    oldReq.body = QJsonDocument(oldBody).toJson(QJsonDocument::Compact);
    oldReq.resendable = false;

    const auto accepted = [this, submission, engine, runType, user](
                              const std::pair<Envelope, HttpResponse> &answer) -> Result<Job> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        Job job;
        job.backend = kind();
        job.ids.linkisExecId = answer.first.data.value(QLatin1StringView("execID")).toString();
        job.ids.linkisTaskId = Linkis::parseTaskId(answer.first.data.value(QLatin1StringView("taskID")));
        if (job.ids.linkisExecId.isEmpty())
            return failure(BackendError::Kind::Protocol,
                           tr("The server accepted the job but sent no execID"),
                           answer.second.url);
        job.id = job.ids.linkisExecId;
        job.name = submission.name;
        job.state = JobState::Queued;
        job.rawStatus = QStringLiteral("Inited");
        job.submitted = QDateTime::currentDateTimeUtc();
        job.submitter = user;
        job.engine = engine;
        job.runType = runType;
        job.script = submission.script;
        return job;
    };
    auto *first = call(req);
    pending->cancelWith(first);
    onFinished(first, pending, [this, pending, oldReq, accepted](const auto &answer) {
        if (!answer && answer.error().httpStatus == 404) {
            chain(call(oldReq), pending, accepted);
            return;
        }
        if (!answer)
            pending->finish(std::unexpected(answer.error()));
        else
            pending->finish(accepted(*answer));
    });
    return pending;
}

Pending<Job> *LinkisBackend::refresh(const Job &job)
{
    if (job.ids.linkisExecId.isEmpty() && job.ids.linkisTaskId > 0)
        return historyJob(job.ids.linkisTaskId);
    auto *pending = new Pending<Job>(this);
    HttpRequest req = request("GET", QStringLiteral("entrance/%1/status").arg(job.ids.linkisExecId));
    if (job.ids.linkisTaskId > 0)
        req.query.addQueryItem(QStringLiteral("taskID"), QString::number(job.ids.linkisTaskId));
    auto *status = call(req);
    pending->cancelWith(status);
    onFinished(status, pending, [this, pending, job](const auto &answer) {
        if (answer && answer->first.status == 0) {
            Job updated = job;
            updated.rawStatus = answer->first.data.value(QLatin1StringView("status")).toString();
            updated.state = Linkis::stateFromStatus(updated.rawStatus);
            if (updated.rawStatus.isEmpty()) {
                pending->finish(failure(
                    BackendError::Kind::Protocol, tr("The status answer has no status"), answer->second.url));
                return;
            }
            pending->finish(updated);
            return;
        }
        // The entrance forgets jobs after a while; job history keeps them (protocols.md 1.5).
        if (job.ids.linkisTaskId > 0 && (answer || answer.error().kind == BackendError::Kind::Refused)) {
            chain(historyJob(job.ids.linkisTaskId), pending, [job](Job fromHistory) {
                fromHistory.id = job.id;
                fromHistory.name = job.name;
                if (fromHistory.script.isEmpty())
                    fromHistory.script = job.script;
                return fromHistory;
            });
            return;
        }
        if (!answer)
            pending->finish(std::unexpected(answer.error()));
        else
            pending->finish(std::unexpected(errorOf(answer->first, answer->second)));
    });
    return pending;
}

Pending<ProgressReport> *LinkisBackend::progress(const Job &job)
{
    auto *pending = new Pending<ProgressReport>(this);
    HttpRequest req = request("GET", QStringLiteral("entrance/%1/progress").arg(job.ids.linkisExecId));
    chain(call(req), pending, [](const auto &answer) -> Result<ProgressReport> {
        ProgressReport report;
        // Status 1 before the engine reports anything is normal (protocols.md 1.6).
        if (answer.first.status != 0)
            return report;
        report.progress = Linkis::parseProgress(answer.first.data.value(QLatin1StringView("progress")));
        report.subJobs
            = Linkis::parseProgressInfo(answer.first.data.value(QLatin1StringView("progressInfo")));
        return report;
    });
    return pending;
}

Pending<LogPage> *LinkisBackend::log(const Job &job, const LogCursor &from, int maxLines)
{
    auto *pending = new Pending<LogPage>(this);
    if (from.fromArchive) {
        // The archive was read whole: there is nothing after it.
        LogPage page;
        page.next = from;
        page.complete = true;
        pending->finish(page);
        return pending;
    }
    readLog(job, from, qBound(1, maxLines, 10000), pending);
    return pending;
}

Pending<Linkis::LogChunk> *LinkisBackend::fetchLogChunk(const Job &job, qint64 fromLine, int size)
{
    auto *pending = new Pending<Linkis::LogChunk>(this);
    HttpRequest req = request("GET", QStringLiteral("entrance/%1/log").arg(job.ids.linkisExecId));
    req.query.addQueryItem(QStringLiteral("fromLine"), QString::number(fromLine));
    req.query.addQueryItem(QStringLiteral("size"), QString::number(size));
    auto *http = m_http->send(req);
    pending->cancelWith(http);
    // The log page is the hot, large answer: decoded on the fast path when it is a plain
    // success, through the general envelope otherwise (expiry and re-login, refusals, garbage).
    onFinished(http, pending, [this, req, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        if (std::optional<Linkis::LogChunk> chunk = Linkis::decodeLogPageFast(answer->body)) {
            pending->finish(std::move(*chunk));
            return;
        }
        const Result<Envelope> envelope = Linkis::decodeEnvelope(*answer);
        if (envelope && envelope->status == 0) {
            Linkis::LogChunk chunk;
            chunk.lines = Linkis::logLinesFromValue(envelope->data.value(QLatin1StringView("log")));
            const QJsonValue next = envelope->data.value(QLatin1StringView("fromLine"));
            chunk.nextFromLine = next.isDouble() ? jsonInteger(next, -1) : -1;
            pending->finish(std::move(chunk));
            return;
        }
        if (envelope && envelope->status != -1 && answer->status != 401) {
            pending->finish(std::unexpected(errorOf(*envelope, *answer)));
            return;
        }
        // Not logged in (expired session) or not the protocol: the general path re-logs in
        // and replays, or names what came back.
        chain(call(req), pending, [this](const auto &replayed) -> Result<Linkis::LogChunk> {
            if (replayed.first.status != 0)
                return std::unexpected(errorOf(replayed.first, replayed.second));
            Linkis::LogChunk chunk;
            chunk.lines = Linkis::logLinesFromValue(replayed.first.data.value(QLatin1StringView("log")));
            const QJsonValue next = replayed.first.data.value(QLatin1StringView("fromLine"));
            chunk.nextFromLine = next.isDouble() ? jsonInteger(next, -1) : -1;
            return chunk;
        });
    });
    return pending;
}

LogPage LinkisBackend::logPage(LogCursor cursor, qint64 fromLine, int size, const Linkis::LogChunk &chunk)
{
    // Where the read started, as a 0-based line index: fromLine 0 and 1 both mean the first
    // line on a 1-based server.
    const int base = std::max(cursor.lineBase, 0);
    const qint64 start = std::max(fromLine, qint64(base)) - base;
    // The server's next fromLine is the request's plus the lines it consumed, blank ones
    // included; it is the truth about how far the read went.
    const qint64 consumed
        = chunk.nextFromLine >= fromLine ? chunk.nextFromLine - fromLine : chunk.lines.size();
    LogPage page;
    page.lines = chunk.lines;
    page.next = cursor;
    page.next.position = std::max(cursor.position, start + consumed);
    page.next.delivered = cursor.delivered + chunk.lines.size();
    page.more = consumed >= size;
    return page;
}

void LinkisBackend::readLog(const Job &job, LogCursor cursor, int size, Pending<LogPage> *pending)
{
    if (cursor.lineBase < 0)
        cursor.lineBase = m_lineBase;
    if (cursor.lineBase >= 0 || cursor.position > 0) {
        if (cursor.lineBase < 0)
            cursor.lineBase = 0;
        const qint64 fromLine = cursor.position + cursor.lineBase;
        auto *chunk = fetchLogChunk(job, fromLine, size);
        pending->cancelWith(chunk);
        onFinished(chunk, pending, [=, this](const Result<Linkis::LogChunk> &answer) {
            if (!answer && answer.error().kind == BackendError::Kind::Refused)
                readArchivedLog(job, cursor, pending, answer.error());
            else if (!answer)
                pending->finish(std::unexpected(answer.error()));
            else
                pending->finish(logPage(cursor, fromLine, size, *answer));
        });
        return;
    }

    // The fromLine convention is unknown (Linkis went from 0-based to 1-based in 1.6,
    // protocols.md 1.7). fromLine=0 means the first line on both kinds of server, so the
    // first page is right either way; reading fromLine=1 next tells them apart: a 1-based
    // server answers the same page again, a 0-based one the page shifted by a line.
    auto *first = fetchLogChunk(job, 0, size);
    pending->cancelWith(first);
    onFinished(first, pending, [=, this](const Result<Linkis::LogChunk> &firstAnswer) {
        if (!firstAnswer) {
            if (firstAnswer.error().kind == BackendError::Kind::Refused)
                readArchivedLog(job, cursor, pending, firstAnswer.error());
            else
                pending->finish(std::unexpected(firstAnswer.error()));
            return;
        }
        if (firstAnswer->lines.isEmpty()) {
            LogPage page; // nothing logged yet: nothing to learn, nothing to deliver
            page.next = cursor;
            pending->finish(page);
            return;
        }
        auto *probe = fetchLogChunk(job, 1, size);
        pending->cancelWith(probe);
        onFinished(
            probe, pending, [=, this, firstPage = *firstAnswer](const Result<Linkis::LogChunk> &probeAnswer) {
                if (!probeAnswer) {
                    pending->finish(std::unexpected(probeAnswer.error()));
                    return;
                }
                const QStringList &a = firstPage.lines;
                const QStringList &b = probeAnswer->lines;
                // B repeats A (a 1-based server; the log may have grown in between), or B is A
                // without its first line (0-based).
                const bool repeats = b.size() >= a.size() && std::equal(a.cbegin(), a.cend(), b.cbegin());
                m_lineBase = repeats ? 1 : 0;
                LogCursor known = cursor;
                known.lineBase = m_lineBase;
                pending->finish(logPage(known, 0, size, firstPage));
            });
    });
}

void LinkisBackend::readArchivedLog(const Job &job,
                                    LogCursor cursor,
                                    Pending<LogPage> *pending,
                                    const BackendError &liveError)
{
    // After a job ends and leaves the entrance's memory, its log is a file named by job
    // history's logPath, read whole through filesystem/openLog (protocols.md 1.7). The lines
    // already delivered are skipped, so nothing is shown twice.
    if (job.ids.linkisTaskId <= 0) {
        pending->finish(std::unexpected(liveError));
        return;
    }
    auto *task = historyTask(job.ids.linkisTaskId);
    pending->cancelWith(task);
    onFinished(task, pending, [=, this](const Result<QJsonObject> &record) {
        if (!record) {
            pending->finish(std::unexpected(liveError));
            return;
        }
        const QString status = record->value(QLatin1StringView("status")).toString();
        const QString logPath = record->value(QLatin1StringView("logPath")).toString();
        if (!isTerminal(Linkis::stateFromStatus(status)) || logPath.isEmpty()) {
            // Still running: the live log refused for another reason; try again later.
            pending->finish(std::unexpected(liveError));
            return;
        }
        HttpRequest req = request("GET", QStringLiteral("filesystem/openLog"));
        req.query.addQueryItem(QStringLiteral("path"), logPath);
        if (!m_profile.proxyUser.isEmpty())
            req.query.addQueryItem(QStringLiteral("proxyUser"), m_profile.proxyUser);
        chain(call(req), pending, [this, cursor](const auto &answer) -> Result<LogPage> {
            if (answer.first.status != 0)
                return std::unexpected(errorOf(answer.first, answer.second));
            const QStringList all
                = Linkis::logLinesFromValue(answer.first.data.value(QLatin1StringView("log")));
            LogPage page;
            page.lines = all.mid(std::min<qsizetype>(cursor.delivered, all.size()));
            page.next = cursor;
            page.next.delivered = cursor.delivered + page.lines.size();
            page.next.fromArchive = true;
            page.complete = true;
            return page;
        });
    });
}

Pending<Job> *LinkisBackend::details(const Job &job)
{
    if (job.ids.linkisTaskId <= 0) {
        auto *pending = new Pending<Job>(this);
        pending->finish(
            failure(BackendError::Kind::Refused,
                    tr("Job %1 has no task id, so its history record cannot be found").arg(job.id)));
        return pending;
    }
    auto *pending = new Pending<Job>(this);
    chain(historyJob(job.ids.linkisTaskId), pending, [job](Job fromHistory) {
        if (!job.id.isEmpty())
            fromHistory.id = job.id;
        if (fromHistory.name.isEmpty())
            fromHistory.name = job.name;
        return fromHistory;
    });
    return pending;
}

Pending<JobPage> *LinkisBackend::list(const ListQuery &query)
{
    auto *pending = new Pending<JobPage>(this);
    HttpRequest req = request("GET", QStringLiteral("jobhistory/list"));
    const int pageSize = qBound(1, query.pageSize, 500);
    req.query.addQueryItem(QStringLiteral("pageNow"), QString::number(std::max(1, query.page)));
    req.query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize));
    if (query.since.isValid())
        req.query.addQueryItem(QStringLiteral("startDate"), QString::number(query.since.toMSecsSinceEpoch()));
    const QDateTime until = query.until.isValid() ? query.until : QDateTime::currentDateTimeUtc();
    if (query.since.isValid())
        req.query.addQueryItem(QStringLiteral("endDate"), QString::number(until.toMSecsSinceEpoch()));
    QStringList statuses = query.rawStatuses;
    for (JobState state : query.states) {
        static const QList<std::pair<JobState, QStringList>> words{
            {JobState::Queued, {QStringLiteral("Inited"), QStringLiteral("Scheduled")}},
            {JobState::Running, {QStringLiteral("Running")}},
            {JobState::Retrying, {QStringLiteral("WaitForRetry")}},
            {JobState::Succeeded, {QStringLiteral("Succeed")}},
            {JobState::Failed, {QStringLiteral("Failed"), QStringLiteral("Timeout")}},
            {JobState::Cancelled, {QStringLiteral("Cancelled")}}};
        for (const auto &[known, raw] : words) {
            if (known == state)
                statuses += raw;
        }
    }
    if (!statuses.isEmpty())
        req.query.addQueryItem(QStringLiteral("status"), statuses.join(u','));
    if (!query.engine.isEmpty())
        req.query.addQueryItem(QStringLiteral("executeApplicationName"), query.engine);
    chain(call(req), pending, [this, query, pageSize](const auto &answer) -> Result<JobPage> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        JobPage page;
        page.page = std::max(1, query.page);
        page.pageSize = pageSize;
        const QJsonArray tasks = answer.first.data.value(QLatin1StringView("tasks")).toArray();
        for (const QJsonValue &task : tasks) {
            Job job = Linkis::jobFromTask(task.toObject());
            job.backend = kind();
            page.jobs.append(job);
        }
        // "totalPage" is the number of rows, not of pages (protocols.md 1.9).
        const QJsonValue total = answer.first.data.value(QLatin1StringView("totalPage"));
        page.totalRows = total.isDouble() ? jsonInteger(total, -1) : -1;
        return page;
    });
    return pending;
}

Pending<QString> *LinkisBackend::kill(const Job &job)
{
    auto *pending = new Pending<QString>(this);
    HttpRequest req = request(m_killMethod,
                              QStringLiteral("entrance/%1/kill")
                                  .arg(job.ids.linkisExecId.isEmpty() ? job.id : job.ids.linkisExecId));
    if (job.ids.linkisTaskId > 0)
        req.query.addQueryItem(QStringLiteral("taskID"), QString::number(job.ids.linkisTaskId));
    const auto killed = [this](const std::pair<Envelope, HttpResponse> &answer) -> Result<QString> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        const QString message = Linkis::pickLanguage(answer.first.message, m_language);
        return message.isEmpty() ? tr("Kill requested") : message;
    };
    auto *first = call(req);
    pending->cancelWith(first);
    onFinished(first, pending, [this, pending, req, killed](const auto &answer) mutable {
        // Real gateways take GET only; the seed documents POST. Whichever the server refuses
        // with 405, the other is tried, and remembered for this connection.
        if (!answer && answer.error().httpStatus == 405) {
            m_killMethod = m_killMethod == "GET" ? QByteArray("POST") : QByteArray("GET");
            req.method = m_killMethod;
            chain(call(req), pending, killed);
            return;
        }
        if (!answer)
            pending->finish(std::unexpected(answer.error()));
        else
            pending->finish(killed(*answer));
    });
    return pending;
}

Pending<QList<ResultSetRef>> *LinkisBackend::resultSets(const Job &job)
{
    auto *pending = new Pending<QList<ResultSetRef>>(this);
    if (job.ids.linkisTaskId <= 0) {
        pending->finish(failure(BackendError::Kind::Refused,
                                tr("Job %1 has no task id, so its results cannot be found").arg(job.id)));
        return pending;
    }
    auto *task = historyTask(job.ids.linkisTaskId);
    pending->cancelWith(task);
    onFinished(task, pending, [this, pending, job](const Result<QJsonObject> &record) {
        if (!record) {
            pending->finish(std::unexpected(record.error()));
            return;
        }
        const QString location = record->value(QLatin1StringView("resultLocation")).toString();
        if (location.isEmpty()) {
            pending->finish(QList<ResultSetRef>{});
            return;
        }
        HttpRequest req = request("GET", QStringLiteral("filesystem/getDirFileTrees"));
        req.query.addQueryItem(QStringLiteral("path"), location);
        chain(call(req), pending, [this](const auto &answer) -> Result<QList<ResultSetRef>> {
            if (answer.first.status != 0)
                return std::unexpected(errorOf(answer.first, answer.second));
            QList<ResultSetRef> sets;
            // children is null when the job produced no result set.
            const QJsonArray children = answer.first.data.value(QLatin1StringView("dirFileTrees"))
                                            .toObject()
                                            .value(QLatin1StringView("children"))
                                            .toArray();
            for (const QJsonValue &child : children) {
                const QJsonObject node = child.toObject();
                const QString path = node.value(QLatin1StringView("path")).toString();
                if (!path.isEmpty())
                    sets.append({node.value(QLatin1StringView("name")).toString(), path});
            }
            std::stable_sort(sets.begin(), sets.end(), [](const ResultSetRef &a, const ResultSetRef &b) {
                return resultIndex(a.name) < resultIndex(b.name);
            });
            return sets;
        });
    });
    return pending;
}

Pending<ResultPage> *LinkisBackend::resultPage(const ResultSetRef &resultSet, int page, int pageSize)
{
    auto *pending = new Pending<ResultPage>(this);
    HttpRequest req = request("GET", QStringLiteral("filesystem/openFile"));
    const int size = qBound(1, pageSize, 100000); // the server's row limit (error 80034 above it)
    req.query.addQueryItem(QStringLiteral("path"), resultSet.path);
    req.query.addQueryItem(QStringLiteral("page"), QString::number(std::max(1, page)));
    req.query.addQueryItem(QStringLiteral("pageSize"), QString::number(size));
    // Without it the file source turns NULL into "NULL" and the empty string into "NULL" as
    // well; with LINKIS_NULL a NULL stays "NULL" and an empty string stays empty
    // (ResultsetFileSource, protocols.md 1.10).
    req.query.addQueryItem(QStringLiteral("nullValue"), QStringLiteral("LINKIS_NULL"));
    chain(call(req), pending, [this, page, size](const auto &answer) -> Result<ResultPage> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        return Linkis::decodeResultPage(answer.first.data, std::max(1, page), size, m_language);
    });
    return pending;
}

Pending<QStringList> *LinkisBackend::databases()
{
    auto *pending = new Pending<QStringList>(this);
    chain(call(request("GET", QStringLiteral("datasource/dbs"))),
          pending,
          [this](const auto &answer) -> Result<QStringList> {
              if (answer.first.status != 0)
                  return std::unexpected(errorOf(answer.first, answer.second));
              return Linkis::decodeDatabases(answer.first.data);
          });
    return pending;
}

Pending<QList<SchemaTable>> *LinkisBackend::tables(const QString &database)
{
    auto *pending = new Pending<QList<SchemaTable>>(this);
    HttpRequest req = request("GET", QStringLiteral("datasource/tables"));
    req.query.addQueryItem(QStringLiteral("database"), database);
    chain(call(req), pending, [this, database](const auto &answer) -> Result<QList<SchemaTable>> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        return Linkis::decodeTables(answer.first.data, database);
    });
    return pending;
}

Pending<QList<SchemaColumn>> *LinkisBackend::columns(const QString &database, const QString &table)
{
    auto *pending = new Pending<QList<SchemaColumn>>(this);
    HttpRequest req = request("GET", QStringLiteral("datasource/columns"));
    req.query.addQueryItem(QStringLiteral("database"), database);
    req.query.addQueryItem(QStringLiteral("table"), table);
    chain(call(req), pending, [this](const auto &answer) -> Result<QList<SchemaColumn>> {
        if (answer.first.status != 0)
            return std::unexpected(errorOf(answer.first, answer.second));
        return Linkis::decodeColumns(answer.first.data);
    });
    return pending;
}

Pending<qint64> *LinkisBackend::downloadResult(const ResultSetRef &resultSet,
                                               const ResultDownloadOptions &options,
                                               QIODevice *sink)
{
    auto *pending = new Pending<qint64>(this);
    HttpRequest req = request("GET", QStringLiteral("filesystem/resultsetToExcel"));
    req.timeoutMs = std::max(req.timeoutMs, 600000); // linkis-web's own 600 s
    req.query.addQueryItem(QStringLiteral("path"), resultSet.path);
    req.query.addQueryItem(QStringLiteral("outputFileType"), options.format);
    req.query.addQueryItem(QStringLiteral("charset"), options.charset);
    req.query.addQueryItem(QStringLiteral("csvSeparator"), QString(options.separator));
    // "" would arrive as null; the server reads the word BLANK as the empty string.
    req.query.addQueryItem(QStringLiteral("nullValue"),
                           options.nullText.isEmpty() ? QStringLiteral("BLANK") : options.nullText);
    req.query.addQueryItem(QStringLiteral("outputFileName"), QStringLiteral("result"));
    // A failed export is a 200 text/plain "error(错误):..." after a reset, or the envelope.
    auto accept = [](const HttpResponse &head, bool) {
        return head.status < 400 && !head.body.startsWith("error(") && !head.body.startsWith("{\"method\"");
    };
    auto *http = m_http->download(req, sink, accept);
    pending->cancelWith(http);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        if (answer->bytesWritten >= 0) {
            pending->finish(answer->bytesWritten);
            return;
        }
        const Result<Envelope> envelope = Linkis::decodeEnvelope(*answer);
        if (envelope && envelope->status != 0) {
            pending->finish(std::unexpected(errorOf(*envelope, *answer)));
            return;
        }
        pending->finish(failure(
            BackendError::Kind::Refused,
            QString::fromUtf8(answer->body.left(2000)).remove(QStringLiteral("error(错误):")).trimmed(),
            answer->url));
    });
    return pending;
}

QString LinkisBackend::ddlStatement(const QString &database, const QString &table) const
{
    if (kind() == u"local") {
        const auto quotedName = [](QString name) {
            return u'"' + name.replace(u'"', QStringLiteral("\"\"")) + u'"';
        };
        const QString literal = u'\'' + QString(table).replace(u'\'', QStringLiteral("''")) + u'\'';
        return QStringLiteral("SELECT sql FROM %1.sqlite_master WHERE name = %2")
            .arg(quotedName(database.isEmpty() ? QStringLiteral("main") : database), literal);
    }
    const auto quotedName = [](QString name) {
        return u'`' + name.replace(u'`', QStringLiteral("``")) + u'`';
    };
    return database.isEmpty()
               ? QStringLiteral("SHOW CREATE TABLE %1").arg(quotedName(table))
               : QStringLiteral("SHOW CREATE TABLE %1.%2").arg(quotedName(database), quotedName(table));
}

} // namespace JobDeck
