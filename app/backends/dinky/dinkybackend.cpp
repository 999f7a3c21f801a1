#include "backends/dinky/dinkybackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkCookie>
#include <QNetworkCookieJar>

namespace JobDeck {

using Dinky::Envelope;
using Dinky::Generation;

namespace {
using Answer = std::pair<Envelope, HttpResponse>;

QString taskArg(qint64 id)
{
    return QString::number(id);
}
} // namespace

DinkyBackend::DinkyBackend(ConnectionProfile profile, QObject *parent)
    : Backend(parent)
    , m_profile(std::move(profile))
    , m_http(new HttpClient(m_profile.url, this))
    , m_zone(Dinky::zoneFromSetting(m_profile.serverTimeZone))
    , m_generation(Dinky::generationFromSetting(m_profile.serverVersion))
{
    if (m_profile.tenantId.trimmed().isEmpty())
        m_profile.tenantId = QStringLiteral("1");
    // The tenant is a cookie the web UI sets itself; 0.7's TenantInterceptor even fails on
    // a request that carries no cookie at all (protocols.md 2.2).
    QNetworkCookie tenant("tenantId", m_profile.tenantId.trimmed().toUtf8());
    tenant.setPath(QStringLiteral("/"));
    m_http->cookieJar()->setCookiesFromUrl({tenant}, m_profile.url);
    if (m_profile.auth == ConnectionProfile::Auth::Token && !m_profile.secret.isEmpty()) {
        // A ready token: 1.x reads dinky-token, 0.7 satoken; the other is ignored.
        m_token = m_profile.secret;
        m_http->setDefaultHeader("dinky-token", m_token.toUtf8());
        m_http->setDefaultHeader("satoken", m_token.toUtf8());
    }
    setLanguage(Language::English);
}

DinkyBackend::~DinkyBackend() = default;

Capabilities DinkyBackend::capabilities() const
{
    Capabilities caps;
    caps.runTask = true;
    caps.kill = true;
    caps.restart = true;
    caps.savepoint = true;
    caps.forceRefresh = canUseUiApi();
    caps.log = true; // without a session: an empty, complete log
    caps.progress = canUseUiApi();
    caps.history = canUseUiApi();
    return caps;
}

JobActions DinkyBackend::availableActions(const Job &job) const
{
    JobActions actions = Backend::availableActions(job);
    // UNKNOWN: Dinky lost track of the job, which may still run or have ended.
    if (job.state == JobState::Unknown) {
        actions.kill = true;
        actions.restart = true;
    }
    actions.restart = actions.restart || job.state == JobState::Paused;
    actions.forceRefresh = canUseUiApi();
    return actions;
}

void DinkyBackend::setLanguage(Language language)
{
    m_language = language;
    // Dinky reads the locale from a header or cookie named "language", never from
    // Accept-Language, and needs the full tag (protocols.md 5).
    const QByteArray tag = language == Language::Chinese ? "zh-CN" : "en-US";
    m_http->setDefaultHeader("language", tag);
    QNetworkCookie cookie("language", tag);
    cookie.setPath(QStringLiteral("/"));
    m_http->cookieJar()->setCookiesFromUrl({cookie}, m_profile.url);
}

bool DinkyBackend::canLogIn() const
{
    return m_profile.auth == ConnectionProfile::Auth::Password && !m_profile.user.isEmpty()
           && !m_profile.secret.isEmpty();
}

bool DinkyBackend::canUseUiApi() const
{
    return canLogIn() || !m_token.isEmpty();
}

BackendError DinkyBackend::needsLogin(const QString &what) const
{
    return BackendError{BackendError::Kind::Authentication,
                        tr("%1 needs a Dinky login (a user and password, or a token); running a task, its "
                           "status, cancel, restart and savepoint work without one")
                            .arg(what),
                        m_profile.url,
                        0,
                        {}};
}

HttpRequest DinkyBackend::request(const QByteArray &method, const QString &path) const
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.timeoutMs = m_profile.requestTimeoutMs;
    return request;
}

void DinkyBackend::setJson(HttpRequest &request, const QJsonObject &body)
{
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

DinkyBackend::EnvelopeCall *DinkyBackend::call(const HttpRequest &request, bool background)
{
    auto *pending = new EnvelopeCall(this);
    send(request, pending, false, background);
    return pending;
}

void DinkyBackend::send(const HttpRequest &request, EnvelopeCall *pending, bool isReplay, bool background)
{
    auto *http = m_http->send(request);
    pending->cancelWith(http);
    onFinished(
        http, pending, [this, request, pending, isReplay, background](const Result<HttpResponse> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            const Result<Envelope> envelope = Dinky::decodeEnvelope(*answer);
            // Not logged in, expired, pushed offline by another login (BE_REPLACED): HTTP 401
            // with code 7 (1.x), code 401 (0.7).
            const bool expired
                = answer->status == 401 || (envelope && (envelope->code == 7 || envelope->code == 401));
            const bool replaced = expired && envelope && Dinky::isReplacedSession(envelope->message);
            if (expired && !isReplay && canLogIn() && !(background && replaced)) {
                m_loggedIn = false;
                auto *relogin = login();
                onFinished(
                    relogin, pending, [this, request, pending, background](const Result<bool> &loggedIn) {
                        if (!loggedIn)
                            pending->finish(std::unexpected(loggedIn.error()));
                        else
                            send(request, pending, true, background);
                    });
                return;
            }
            if (!envelope) {
                pending->finish(std::unexpected(envelope.error()));
                return;
            }
            if (expired) {
                pending->finish(std::unexpected(Dinky::envelopeError(*envelope, *answer)));
                return;
            }
            if (envelope->generation != Generation::Unknown && m_generation == Generation::Unknown)
                m_generation = envelope->generation;
            pending->finish(std::pair{*envelope, *answer});
        });
}

Pending<bool> *DinkyBackend::login()
{
    // Requests that find the session gone at the same moment share one login.
    if (m_loginInFlight && !m_loginInFlight->isFinished())
        return m_loginInFlight;
    auto *pending = new Pending<bool>(this);
    m_loginInFlight = pending;
    if (m_closed) {
        // A request still in flight when the connection was closed must not open a new session.
        pending->finish(failure(BackendError::Kind::Authentication,
                                tr("The connection to %1 is closed").arg(m_profile.url.toDisplayString())));
        return pending;
    }
    if (!canLogIn()) {
        pending->finish(failure(
            BackendError::Kind::Authentication,
            tr("No user name or password to log in to %1 with").arg(m_profile.url.toDisplayString())));
        return pending;
    }
    HttpRequest req = request("POST", QStringLiteral("/api/login"));
    QJsonObject body{{QStringLiteral("username"), m_profile.user},
                     {QStringLiteral("password"), m_profile.secret},
                     {QStringLiteral("ldapLogin"), false},
                     {QStringLiteral("autoLogin"), true}};
    bool numeric = false;
    const int tenant = m_profile.tenantId.trimmed().toInt(&numeric);
    if (numeric)
        body.insert(QStringLiteral("tenantId"), tenant);
    setJson(req, body);
    auto *http = m_http->send(req);
    pending->cancelWith(http);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        const Result<Envelope> envelope = Dinky::decodeEnvelope(*answer);
        if (!envelope) {
            pending->finish(std::unexpected(envelope.error()));
            return;
        }
        const Result<Dinky::LoginToken> token = Dinky::decodeLogin(*envelope, *answer);
        if (!token) {
            BackendError error = token.error();
            if (error.kind == BackendError::Kind::Authentication)
                error.message = tr("Login as %1 failed: %2").arg(m_profile.user, error.message);
            pending->finish(std::unexpected(error));
            return;
        }
        if (envelope->generation != Generation::Unknown && m_generation == Generation::Unknown)
            m_generation = envelope->generation;
        // The token goes as a header on every request; without one in the answer, the
        // Set-Cookie of the login (kept by the cookie jar) carries the session.
        if (!token->value.isEmpty())
            m_http->setDefaultHeader(token->name.toUtf8(), token->value.toUtf8());
        m_sessionToken = token->value;
        m_loggedIn = true;
        ++m_loginCount;
        pending->finish(true);
    });
    return pending;
}

Pending<Generation> *DinkyBackend::detectGeneration()
{
    if (m_detecting && !m_detecting->isFinished())
        return m_detecting;
    auto *pending = new Pending<Generation>(this);
    if (m_generation != Generation::Unknown) {
        pending->finish(m_generation);
        return pending;
    }
    m_detecting = pending;
    auto *http = m_http->send(request("GET", QStringLiteral("/openapi/version")));
    pending->cancelWith(http);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        const Result<Dinky::ServerVersion> version = Dinky::decodeVersion(*answer);
        if (!version) {
            pending->finish(std::unexpected(version.error()));
            return;
        }
        m_generation = version->generation; // once per connection
        pending->finish(m_generation);
    });
    return pending;
}

Pending<bool> *DinkyBackend::connectToServer()
{
    auto *pending = new Pending<bool>(this);
    auto *detecting = detectGeneration();
    onFinished(detecting, pending, [this, pending](const Result<Generation> &generation) {
        if (!generation) {
            pending->finish(std::unexpected(generation.error()));
            return;
        }
        if (!canLogIn()) {
            m_notice.clear();
            pending->finish(true); // the OpenAPI needs no login; a token is checked by use
            return;
        }
        m_notice = tr("Dinky allows one session per user: logging in as %1 here signs out %1's "
                      "other sessions (a browser, another JobDeck), and logging in there signs out "
                      "this one. Use a token to avoid it.")
                       .arg(m_profile.user);
        m_closed = false;
        if (!m_resumed) {
            chain(login(), pending, [](bool ok) { return ok; });
            return;
        }
        checkResumedSession(pending);
    });
    return pending;
}

void DinkyBackend::resumeSession(const QString &token)
{
    m_sessionToken = token;
    m_resumed = !token.isEmpty();
}

void DinkyBackend::checkResumedSession(Pending<bool> *pending)
{
    // The kept session's token goes where this generation reads it; a rejected one makes
    // call() log in once and ask again, so the session is good once this call has answered.
    m_resumed = false;
    m_http->setDefaultHeader(m_generation == Generation::V07 ? "satoken" : "dinky-token",
                             m_sessionToken.toUtf8());
    m_loggedIn = true;
    auto *checking = call(request("GET", QStringLiteral("/api/tokenInfo")));
    pending->cancelWith(checking);
    onFinished(checking, pending, [pending](const Result<Answer> &answer) {
        const bool cannotTalk = !answer
                                && (answer.error().kind == BackendError::Kind::Authentication
                                    || answer.error().kind == BackendError::Kind::Connection);
        if (cannotTalk) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        // Any other answer (a server without tokenInfo) did not reject the session.
        pending->finish(true);
    });
}

Pending<bool> *DinkyBackend::disconnectFromServer()
{
    auto *pending = new Pending<bool>(this);
    m_closed = true;
    if (!m_loggedIn) {
        pending->finish(true);
        return pending;
    }
    auto *http = m_http->send(request("DELETE", QStringLiteral("/api/outLogin")));
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &) {
        m_loggedIn = false; // logged out whatever the server said
        m_sessionToken.clear();
        pending->finish(true);
    });
    return pending;
}

QDateTime DinkyBackend::serverNow(const Envelope &envelope) const
{
    const QDateTime now = Dinky::parseServerTime(envelope.time, m_zone);
    return now.isValid() ? now : QDateTime::currentDateTimeUtc();
}

Pending<Job> *DinkyBackend::fetchInstance(const QString &query, qint64 id)
{
    auto *pending = new Pending<Job>(this);
    HttpRequest req = request("GET", QStringLiteral("/openapi/") + query);
    req.query.addQueryItem(QStringLiteral("id"), QString::number(id));
    chain(call(req), pending, [this, id, query](const Answer &answer) -> Result<Job> {
        const auto &[envelope, response] = answer;
        if (!envelope.ok())
            return std::unexpected(Dinky::envelopeError(envelope, response));
        if (envelope.data.isNull() || envelope.data.isUndefined())
            return failure(BackendError::Kind::Refused,
                           query == u"getJobInstance" ? tr("Dinky has no job instance %1").arg(id)
                                                      : tr("Task %1 has no job instance").arg(id),
                           response.url,
                           response.status);
        const Generation generation
            = envelope.generation != Generation::Unknown ? envelope.generation : m_generation;
        return Dinky::jobFromInstance(envelope.data.toObject(), generation, m_zone, serverNow(envelope));
    });
    return pending;
}

Pending<Job> *DinkyBackend::lookup(const QString &id)
{
    const QString trimmed = id.trimmed();
    bool ok = false;
    if (trimmed.startsWith(u"task/", Qt::CaseInsensitive)) {
        const qint64 taskId = trimmed.mid(5).toLongLong(&ok);
        if (ok && taskId > 0)
            return fetchInstance(QStringLiteral("getJobInstanceByTaskId"), taskId);
    } else {
        const qint64 instanceId = trimmed.toLongLong(&ok);
        if (ok && instanceId > 0)
            return fetchInstance(QStringLiteral("getJobInstance"), instanceId);
    }
    auto *pending = new Pending<Job>(this);
    pending->finish(
        failure(BackendError::Kind::Refused,
                tr("“%1” is not a Dinky job: give a job instance id (a number) or task/<task id>").arg(id)));
    return pending;
}

Pending<Job> *DinkyBackend::submit(const SubmitRequest &)
{
    return unsupported<Job>(tr("Submitting a script (Dinky runs saved tasks: use run-task)"));
}

Pending<Job> *DinkyBackend::refresh(const Job &job)
{
    if (job.ids.dinkyInstanceId > 0)
        return fetchInstance(QStringLiteral("getJobInstance"), job.ids.dinkyInstanceId);
    if (job.ids.dinkyTaskId > 0)
        return fetchInstance(QStringLiteral("getJobInstanceByTaskId"), job.ids.dinkyTaskId);
    return lookup(job.id);
}

Pending<Job> *DinkyBackend::details(const Job &job)
{
    return refresh(job);
}

Pending<Job> *DinkyBackend::forceRefresh(const Job &job)
{
    auto *pending = new Pending<Job>(this);
    if (!canUseUiApi()) {
        pending->finish(std::unexpected(needsLogin(tr("Asking Dinky to re-read a job's state"))));
        return pending;
    }
    withTaskId(job, pending, [this, pending](const Job &known) {
        HttpRequest req = request("GET", QStringLiteral("/api/jobInstance/refreshJobInfoDetail"));
        req.query.addQueryItem(QStringLiteral("id"), QString::number(known.ids.dinkyInstanceId));
        req.query.addQueryItem(QStringLiteral("isForce"), QStringLiteral("true"));
        auto *refreshing = call(req);
        pending->cancelWith(refreshing);
        onFinished(refreshing, pending, [this, pending, known](const Result<Answer> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            if (!answer->first.ok()) {
                pending->finish(std::unexpected(Dinky::envelopeError(answer->first, answer->second)));
                return;
            }
            chain(refresh(known), pending, [](const Job &fresh) { return fresh; });
        });
    });
    return pending;
}

template<typename T, typename Then>
void DinkyBackend::withTaskId(const Job &job, Pending<T> *pending, Then then)
{
    if (job.ids.dinkyTaskId > 0 && job.ids.dinkyInstanceId > 0) {
        then(job);
        return;
    }
    auto *fetching = refresh(job);
    pending->cancelWith(fetching);
    onFinished(fetching, pending, [pending, job, then](const Result<Job> &fetched) mutable {
        if (!fetched) {
            pending->finish(std::unexpected(fetched.error()));
            return;
        }
        Job known = job;
        known.ids.dinkyTaskId = fetched->ids.dinkyTaskId;
        known.ids.dinkyInstanceId = fetched->ids.dinkyInstanceId;
        if (known.ids.flinkJobId.isEmpty())
            known.ids.flinkJobId = fetched->ids.flinkJobId;
        if (known.ids.dinkyTaskId <= 0) {
            pending->finish(failure(BackendError::Kind::Refused,
                                    tr("Dinky does not say which task job %1 belongs to").arg(job.id)));
            return;
        }
        then(known);
    });
}

Job DinkyBackend::jobFromSubmit(const Answer &answer, qint64 taskId)
{
    const QJsonObject result = answer.first.data.toObject();
    Job job = Dinky::jobFromJobResult(result, taskId, m_zone);
    const QString address = result.value(QLatin1StringView("jobManagerAddress")).toString();
    if (!address.isEmpty() && job.ids.dinkyTaskId > 0)
        m_jobManagers.insert(job.ids.dinkyTaskId, address);
    return job;
}

Pending<Job> *DinkyBackend::runTask(const TaskRunRequest &run)
{
    auto *pending = new Pending<Job>(this);
    if (run.taskId <= 0) {
        pending->finish(failure(BackendError::Kind::Refused, tr("A Dinky task id is a positive number")));
        return pending;
    }
    auto *detecting = detectGeneration();
    onFinished(detecting, pending, [this, pending, run](const Result<Generation> &generation) {
        if (!generation) {
            pending->finish(std::unexpected(generation.error()));
            return;
        }
        const auto submitted = [this, taskId = run.taskId](const Answer &answer) -> Result<Job> {
            // A failed submit is code 1 with the JobResult's error as the message.
            if (!answer.first.ok())
                return std::unexpected(Dinky::envelopeError(answer.first, answer.second));
            if (!answer.first.data.isObject())
                return failure(BackendError::Kind::Protocol,
                               tr("The server answered the submit without a job result"),
                               answer.second.url,
                               answer.second.status);
            return jobFromSubmit(answer, taskId);
        };
        HttpRequest get = request("GET", QStringLiteral("/openapi/submitTask"));
        get.query.addQueryItem(QStringLiteral("id"), taskArg(run.taskId));
        if (*generation == Generation::V07 || m_submitByGet) {
            // 0.7 (and the seed document): GET with the task id only.
            chain(call(get), pending, submitted);
            return;
        }
        HttpRequest post = request("POST", QStringLiteral("/openapi/submitTask"));
        QJsonObject body{{QStringLiteral("id"), run.taskId}};
        if (!run.savepointPath.isEmpty())
            body.insert(QStringLiteral("savePointPath"), run.savepointPath);
        QJsonObject variables;
        for (auto it = run.variables.cbegin(); it != run.variables.cend(); ++it)
            variables.insert(it.key(), it.value());
        body.insert(QStringLiteral("variables"), variables);
        setJson(post, body);
        auto *posting = call(post);
        pending->cancelWith(posting);
        onFinished(posting, pending, [this, pending, get, submitted](const Result<Answer> &answer) {
            // A server that takes only the documented GET says so with code 5 (or 405).
            const bool methodRefused
                = (answer && answer->first.code == 5
                   && answer->first.message.contains(u"not supported", Qt::CaseInsensitive))
                  || (!answer && answer.error().httpStatus == 405);
            if (methodRefused) {
                m_submitByGet = true;
                chain(call(get), pending, submitted);
                return;
            }
            if (!answer)
                pending->finish(std::unexpected(answer.error()));
            else
                pending->finish(submitted(*answer));
        });
    });
    return pending;
}

Pending<QString> *DinkyBackend::kill(const Job &job)
{
    return cancel(job, CancelOptions{});
}

Pending<QString> *DinkyBackend::cancel(const Job &job, const CancelOptions &options)
{
    auto *pending = new Pending<QString>(this);
    auto *detecting = detectGeneration();
    onFinished(detecting, pending, [this, pending, job, options](const Result<Generation> &generation) {
        if (!generation) {
            pending->finish(std::unexpected(generation.error()));
            return;
        }
        withTaskId(job, pending, [this, pending, options, generation = *generation](const Job &known) {
            const auto done = [](const Answer &answer) -> Result<QString> {
                if (!answer.first.ok())
                    return std::unexpected(Dinky::envelopeError(answer.first, answer.second));
                if (answer.first.data.isBool() && !answer.first.data.toBool())
                    return failure(BackendError::Kind::Refused,
                                   answer.first.message.isEmpty() ? tr("Dinky did not stop the job")
                                                                  : answer.first.message,
                                   answer.second.url,
                                   answer.second.status);
                return answer.first.message.isEmpty() ? tr("Cancel requested") : answer.first.message;
            };
            if (generation == Generation::V07) {
                HttpRequest req;
                if (options.withSavepoint) {
                    // 0.7: a savepoint of type "cancel" stops the job after the savepoint.
                    req = request("POST", QStringLiteral("/openapi/savepointTask"));
                    setJson(req,
                            QJsonObject{{QStringLiteral("taskId"), known.ids.dinkyTaskId},
                                        {QStringLiteral("type"), QStringLiteral("cancel")}});
                } else {
                    // 0.7's cancel takes the Flink job id and the JobManager's address, which
                    // only a run started by this connection tells.
                    const QString address = m_jobManagers.value(known.ids.dinkyTaskId);
                    if (known.ids.flinkJobId.isEmpty() || address.isEmpty()) {
                        pending->finish(failure(
                            BackendError::Kind::Refused,
                            tr("Dinky 0.7 stops a job by its Flink job id and JobManager address, which "
                               "JobDeck only knows for runs it started itself; stop it with a savepoint "
                               "instead, or from Dinky's web console")));
                        return;
                    }
                    req = request("POST", QStringLiteral("/openapi/cancel"));
                    setJson(req,
                            QJsonObject{{QStringLiteral("jobId"), known.ids.flinkJobId},
                                        {QStringLiteral("address"), address}});
                }
                chain(call(req), pending, done);
                return;
            }
            HttpRequest req = request("GET", QStringLiteral("/openapi/cancel"));
            req.query.addQueryItem(QStringLiteral("id"), taskArg(known.ids.dinkyTaskId));
            req.query.addQueryItem(QStringLiteral("withSavePoint"),
                                   options.withSavepoint ? QStringLiteral("true") : QStringLiteral("false"));
            req.query.addQueryItem(QStringLiteral("forceCancel"),
                                   options.force ? QStringLiteral("true") : QStringLiteral("false"));
            chain(call(req), pending, done);
        });
    });
    return pending;
}

Pending<Job> *DinkyBackend::restart(const Job &job, const QString &savepointPath)
{
    auto *pending = new Pending<Job>(this);
    auto *detecting = detectGeneration();
    onFinished(detecting, pending, [this, pending, job, savepointPath](const Result<Generation> &generation) {
        if (!generation) {
            pending->finish(std::unexpected(generation.error()));
            return;
        }
        withTaskId(job, pending, [this, pending, savepointPath, generation = *generation](const Job &known) {
            const bool v07WithPath = generation == Generation::V07 && !savepointPath.isEmpty();
            HttpRequest req = request("GET",
                                      v07WithPath ? QStringLiteral("/openapi/selectSavePointRestartTask")
                                                  : QStringLiteral("/openapi/restartTask"));
            req.query.addQueryItem(QStringLiteral("id"), taskArg(known.ids.dinkyTaskId));
            if (!savepointPath.isEmpty())
                req.query.addQueryItem(QStringLiteral("savePointPath"), savepointPath);
            const qint64 taskId = known.ids.dinkyTaskId;
            chain(call(req), pending, [this, taskId](const Answer &answer) -> Result<Job> {
                if (!answer.first.ok())
                    return std::unexpected(Dinky::envelopeError(answer.first, answer.second));
                if (!answer.first.data.isObject())
                    return failure(BackendError::Kind::Protocol,
                                   tr("The server answered the restart without a job result"),
                                   answer.second.url,
                                   answer.second.status);
                return jobFromSubmit(answer, taskId);
            });
        });
    });
    return pending;
}

Pending<QString> *DinkyBackend::savepoint(const Job &job)
{
    auto *pending = new Pending<QString>(this);
    auto *detecting = detectGeneration();
    onFinished(detecting, pending, [this, pending, job](const Result<Generation> &generation) {
        if (!generation) {
            pending->finish(std::unexpected(generation.error()));
            return;
        }
        withTaskId(job, pending, [this, pending, generation = *generation](const Job &known) {
            HttpRequest req;
            if (generation == Generation::V07) {
                req = request("POST", QStringLiteral("/openapi/savepointTask"));
                setJson(req,
                        QJsonObject{{QStringLiteral("taskId"), known.ids.dinkyTaskId},
                                    {QStringLiteral("type"), QStringLiteral("trigger")}});
            } else {
                // Query parameters on a POST, as the 1.x controller takes them.
                req = request("POST", QStringLiteral("/openapi/savepoint"));
                req.query.addQueryItem(QStringLiteral("taskId"), taskArg(known.ids.dinkyTaskId));
                req.query.addQueryItem(QStringLiteral("savePointType"), QStringLiteral("trigger"));
            }
            chain(call(req), pending, [](const Answer &answer) -> Result<QString> {
                if (!answer.first.ok())
                    return std::unexpected(Dinky::envelopeError(answer.first, answer.second));
                const QString path = Dinky::savepointPathFrom(answer.first.data);
                if (!path.isEmpty())
                    return path;
                return answer.first.message.isEmpty() ? tr("Savepoint triggered") : answer.first.message;
            });
        });
    });
    return pending;
}

Pending<ProgressReport> *DinkyBackend::progress(const Job &job)
{
    auto *pending = new Pending<ProgressReport>(this);
    if (!canUseUiApi() || job.ids.dinkyInstanceId <= 0) {
        pending->finish(ProgressReport{}); // no figure without a session
        return pending;
    }
    HttpRequest req = request("GET", QStringLiteral("/api/jobInstance/getJobInfoDetail"));
    req.query.addQueryItem(QStringLiteral("id"), QString::number(job.ids.dinkyInstanceId));
    auto *asking = call(req, true);
    pending->cancelWith(asking);
    onFinished(asking, pending, [pending](const Result<Answer> &answer) {
        // Progress is a nicety: a refusal (no permission, the endpoint moved) gives no figure
        // rather than a failed poll; a network failure is still one.
        if (!answer
            && (answer.error().kind == BackendError::Kind::Connection
                || answer.error().kind == BackendError::Kind::Timeout)) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        if (!answer || !answer->first.ok()) {
            pending->finish(ProgressReport{});
            return;
        }
        pending->finish(Dinky::progressFromJobDetail(answer->first.data.toObject()));
    });
    return pending;
}

Pending<LogPage> *DinkyBackend::log(const Job &job, const LogCursor &from, int maxLines)
{
    auto *pending = new Pending<LogPage>(this);
    // Without a session, or on a server without the process API (0.7), the submit log is
    // simply not there: an empty, complete log rather than an error every poll.
    const auto notAvailable = [pending, from] {
        LogPage page;
        page.next = from;
        page.complete = true;
        pending->finish(page);
    };
    if (!canUseUiApi() || m_generation == Generation::V07) {
        notAvailable();
        return pending;
    }
    withTaskId(job, pending, [this, pending, from, maxLines, notAvailable](const Job &known) {
        HttpRequest req = request("GET", QStringLiteral("/api/process/getProcess"));
        req.query.addQueryItem(QStringLiteral("processName"),
                               QStringLiteral("FlinkSubmit/%1").arg(known.ids.dinkyTaskId));
        auto *asking = call(req, true);
        pending->cancelWith(asking);
        onFinished(asking, pending, [pending, from, maxLines, notAvailable](const Result<Answer> &answer) {
            if (!answer) {
                const BackendError::Kind kind = answer.error().kind;
                if (kind == BackendError::Kind::Authentication) {
                    // Pushed out by another login: nothing this round, but the log goes on
                    // once the user's next call has logged in again.
                    LogPage page;
                    page.next = from;
                    pending->finish(page);
                } else if (kind == BackendError::Kind::Refused) {
                    notAvailable();
                } else {
                    pending->finish(std::unexpected(answer.error()));
                }
                return;
            }
            const Result<Dinky::ProcessLog> process = Dinky::decodeProcess(answer->first);
            if (!answer->first.ok() || !process) {
                notAvailable();
                return;
            }
            LogPage page = Dinky::logDelta(process->text, from, process->ended);
            const int limit = std::max(1, maxLines);
            if (page.lines.size() > limit) {
                page.lines = page.lines.first(limit);
                page.next.position = from.position + limit;
                page.next.delivered = from.delivered + limit;
                page.more = true;
                page.complete = false;
            }
            pending->finish(page);
        });
    });
    return pending;
}

Pending<JobPage> *DinkyBackend::list(const ListQuery &query)
{
    auto *pending = new Pending<JobPage>(this);
    if (!canUseUiApi()) {
        pending->finish(std::unexpected(needsLogin(tr("Listing Dinky's jobs"))));
        return pending;
    }
    HttpRequest req = request("POST", QStringLiteral("/api/jobInstance"));
    const int pageSize = qBound(1, query.pageSize, 500);
    QJsonObject body{{QStringLiteral("current"), std::max(1, query.page)},
                     {QStringLiteral("pageSize"), pageSize}};
    QStringList statuses = query.rawStatuses;
    for (JobState state : query.states) {
        static const QList<std::pair<JobState, QStringList>> words{
            {JobState::Queued, {QStringLiteral("INITIALIZING"), QStringLiteral("CREATED")}},
            {JobState::Running,
             {QStringLiteral("RUNNING"),
              QStringLiteral("FAILING"),
              QStringLiteral("CANCELLING"),
              QStringLiteral("RECONCILING"),
              QStringLiteral("RECONNECTING")}},
            {JobState::Retrying, {QStringLiteral("RESTARTING")}},
            {JobState::Paused, {QStringLiteral("SUSPENDED")}},
            {JobState::Succeeded, {QStringLiteral("FINISHED")}},
            {JobState::Failed, {QStringLiteral("FAILED")}},
            {JobState::Cancelled, {QStringLiteral("CANCELED")}},
            {JobState::Unknown, {QStringLiteral("UNKNOWN")}}};
        for (const auto &[known, raw] : words) {
            if (known == state)
                statuses += raw;
        }
    }
    // ProTable filters: {"filter":{"status":[...]}} (ProTableUtil), and the bare key the
    // older list took.
    if (!statuses.isEmpty()) {
        body.insert(QStringLiteral("filter"),
                    QJsonObject{{QStringLiteral("status"), QJsonArray::fromStringList(statuses)}});
        if (statuses.size() == 1)
            body.insert(QStringLiteral("status"), statuses.constFirst());
    }
    body.insert(QStringLiteral("sorter"), QJsonObject{{QStringLiteral("id"), QStringLiteral("descend")}});
    setJson(req, body);
    auto *http = m_http->send(req);
    pending->cancelWith(http);
    // A ProTableResult has no code: it is decoded here, re-logging in by hand on a 401.
    const auto decode = [this, pending, query](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        Result<JobPage> page = Dinky::decodeJobList(*answer, m_generation, m_zone);
        if (page) {
            page->page = std::max(1, query.page);
            for (Job &job : page->jobs)
                job.backend = kind();
        }
        pending->finish(std::move(page));
    };
    onFinished(http, pending, [this, pending, req, decode](const Result<HttpResponse> &answer) {
        const bool expired = answer && answer->status == 401;
        if (expired && canLogIn()) {
            m_loggedIn = false;
            auto *relogin = login();
            onFinished(relogin, pending, [this, pending, req, decode](const Result<bool> &loggedIn) {
                if (!loggedIn) {
                    pending->finish(std::unexpected(loggedIn.error()));
                    return;
                }
                auto *replay = m_http->send(req);
                pending->cancelWith(replay);
                onFinished(replay, pending, decode);
            });
            return;
        }
        decode(answer);
    });
    return pending;
}

Pending<QList<ResultSetRef>> *DinkyBackend::resultSets(const Job &)
{
    return unsupported<QList<ResultSetRef>>(tr("Reading result sets"));
}

Pending<ResultPage> *DinkyBackend::resultPage(const ResultSetRef &, int, int)
{
    return unsupported<ResultPage>(tr("Reading result sets"));
}

} // namespace JobDeck
