#include "backends/kylin/kylinbackend.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace JobDeck {

using Kylin::Generation;

namespace {
constexpr auto ApiRoot = u"/kylin/api/";
// Accepted by 5.x's v4 controllers and by the v1 controllers of 2.x-4.x alike, so that the
// first call (authentication) works before the generation is known.
constexpr char AcceptAny[] = "application/vnd.apache.kylin-v4-public+json, application/json;q=0.9";

void setAccept(HttpRequest &req, const char *media)
{
    req.headers.append(std::pair(QByteArray("Accept"), QByteArray(media)));
}

bool allDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}
} // namespace

KylinBackend::KylinBackend(ConnectionProfile profile, QObject *parent)
    : Backend(parent)
    , m_profile(std::move(profile))
    , m_http(new HttpClient(m_profile.url, this))
{
    // Kylin answers a missing login with a 401 that has no WWW-Authenticate header, so Qt's
    // authenticationRequired never fires: the credentials go with every request.
    if (!m_profile.user.isEmpty() || !m_profile.secret.isEmpty())
        m_http->setDefaultHeader("Authorization",
                                 "Basic " + (m_profile.user + u':' + m_profile.secret).toUtf8().toBase64());
    if (const auto pinned = Kylin::generationFromVersion(m_profile.serverVersion))
        m_generation = *pinned;
    setLanguage(Language::English);
}

KylinBackend::~KylinBackend() = default;

Capabilities KylinBackend::capabilities() const
{
    Capabilities caps;
    caps.kill = true;
    caps.pause = true;
    caps.resume = true;
    caps.drop = true;
    caps.remove = true;
    caps.steps = true;
    caps.history = true;
    caps.log = true;
    caps.query = true;
    caps.schema = true;
    return caps;
}

void KylinBackend::setLanguage(Language language)
{
    m_language = language;
    // Exactly "cn" or "en": 5.x selects Chinese only for the exact value "cn" (protocols.md 5).
    m_http->setDefaultHeader("Accept-Language", language == Language::Chinese ? "cn" : "en");
}

QString KylinBackend::uuidOf(const Job &job)
{
    return job.ids.kylinJobUuid.isEmpty() ? job.id : job.ids.kylinJobUuid;
}

KylinBackend::Api KylinBackend::jobApi() const
{
    return Kylin::isEnveloped(m_generation) ? Api::V2 : Api::V1;
}

HttpRequest KylinBackend::request(const QByteArray &method, const QString &path, Api api) const
{
    HttpRequest req;
    req.method = method;
    req.path = ApiRoot + path;
    req.timeoutMs = m_profile.requestTimeoutMs;
    switch (api) {
    case Api::V2:
        // As the seed does: the v2 media type as Accept and as Content-Type.
        setAccept(req, Kylin::MediaV2);
        req.contentType = Kylin::MediaV2;
        break;
    case Api::V4:
        setAccept(req, Kylin::MediaV4Public);
        break;
    case Api::V1:
        setAccept(req, Kylin::MediaJson);
        if (method != "GET")
            req.contentType = Kylin::MediaJson;
        break;
    }
    return req;
}

Pending<HttpResponse> *KylinBackend::call(const HttpRequest &req)
{
    auto *pending = new Pending<HttpResponse>(this);
    send(req, pending, false);
    return pending;
}

void KylinBackend::send(const HttpRequest &req, Pending<HttpResponse> *pending, bool isReplay)
{
    auto *http = m_http->send(req);
    pending->cancelWith(http);
    onFinished(http, pending, [this, req, pending, isReplay](const Result<HttpResponse> &answer) {
        // A 401 with a session that expired (or was never made): authenticate again once and
        // replay; a second 401 is reported as it is.
        if (answer && answer->status == 401 && !isReplay && !m_profile.secret.isEmpty()) {
            auto *relogin = authenticate();
            onFinished(
                relogin, pending, [this, req, pending, answer](const Result<Kylin::Authentication> &ok) {
                    if (!ok)
                        pending->finish(std::unexpected(ok.error()));
                    else
                        send(req, pending, true);
                });
            return;
        }
        pending->finish(answer);
    });
}

Pending<Kylin::Authentication> *KylinBackend::authenticate()
{
    // Requests that find the session gone at the same moment share one authentication.
    if (m_authenticating && !m_authenticating->isFinished())
        return m_authenticating;
    auto *pending = new Pending<Kylin::Authentication>(this);
    m_authenticating = pending;
    if (m_profile.user.isEmpty() || m_profile.secret.isEmpty()) {
        pending->finish(failure(
            BackendError::Kind::Authentication,
            tr("No user name or password to log in to %1 with").arg(m_profile.url.toDisplayString())));
        return pending;
    }
    // A fresh session: Kylin changes the session id on login anyway.
    m_http->clearCookies();
    HttpRequest req;
    req.method = "POST";
    req.path = QString(ApiRoot) + u"user/authentication";
    req.timeoutMs = m_profile.requestTimeoutMs;
    setAccept(req, AcceptAny);
    req.contentType = Kylin::MediaJson;
    auto *http = m_http->send(req);
    pending->cancelWith(http);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        Result<Kylin::Authentication> decoded = Kylin::decodeAuthentication(*answer);
        if (!decoded) {
            BackendError error = decoded.error();
            if (error.kind == BackendError::Kind::Authentication)
                error.message = tr("Kylin did not accept %1's user name and password: %2")
                                    .arg(m_profile.user, error.message);
            pending->finish(std::unexpected(error));
            return;
        }
        ++m_loginCount;
        pending->finish(std::move(decoded));
    });
    return pending;
}

// Detection (protocols.md 4.1), once per connection:
//  1. POST user/authentication accepting v4-public or plain JSON. 5.x answers with the
//     {code:"000",data} envelope (its controllers produce v4 only); 2.x-4.x with the bare
//     user details of their v1 controller. Envelope -> 5.x.
//  2. Otherwise a v2 probe: GET jobs?timeFilter=0&pageSize=1 with the v2 Accept header. 2.1.x
//     has a v2 controller and answers with an envelope (even an error envelope proves it);
//     2.2-4.x have none and answer 406 Not Acceptable (or anything but an envelope) -> v1.
//  v1 servers are taken to be 3.x-4.x (time filter codes shifted by CURRENT_DAY); the v1
//  servers 2.0 and 2.2-2.6 use the unshifted codes and are pinned with serverVersion "2".
Pending<Generation> *KylinBackend::ensureGeneration()
{
    if (m_detecting && !m_detecting->isFinished())
        return m_detecting;
    auto *pending = new Pending<Generation>(this);
    if (m_generation != Generation::Unknown) {
        pending->finish(m_generation);
        return pending;
    }
    m_detecting = pending;
    auto *auth = authenticate();
    onFinished(auth, pending, [this, pending](const Result<Kylin::Authentication> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        if (answer->enveloped) {
            m_generation = Generation::V5;
            pending->finish(m_generation);
            return;
        }
        HttpRequest probe = request("GET", QStringLiteral("jobs"), Api::V2);
        probe.query.addQueryItem(QStringLiteral("timeFilter"), QStringLiteral("0"));
        probe.query.addQueryItem(QStringLiteral("pageOffset"), QStringLiteral("0"));
        probe.query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("1"));
        if (!m_profile.project.isEmpty())
            probe.query.addQueryItem(QStringLiteral("projectName"), m_profile.project);
        chain(call(probe), pending, [this](const HttpResponse &response) -> Result<Generation> {
            const Result<Generation> found = Kylin::decodeV2Probe(response);
            if (found)
                m_generation = *found;
            return found;
        });
    });
    return pending;
}

Pending<bool> *KylinBackend::connectToServer()
{
    auto *pending = new Pending<bool>(this);
    if (m_generation != Generation::Unknown) {
        // Pinned: the credentials still need checking.
        chain(authenticate(), pending, [](const Kylin::Authentication &) { return true; });
        return pending;
    }
    onFinished(ensureGeneration(), pending, [pending](const Result<Generation> &found) {
        if (!found)
            pending->finish(std::unexpected(found.error()));
        else
            pending->finish(true);
    });
    return pending;
}

Pending<bool> *KylinBackend::disconnectFromServer()
{
    // The session ends with the cookie; the Basic credentials are sent per request anyway.
    auto *pending = new Pending<bool>(this);
    m_http->clearCookies();
    if (Kylin::generationFromVersion(m_profile.serverVersion) == std::nullopt)
        m_generation = Generation::Unknown; // a new connection may meet an upgraded server
    pending->finish(true);
    return pending;
}

Pending<Job> *KylinBackend::fetchJob(const QString &uuid, const QString &shownId)
{
    return afterDetection<Job>([this, uuid, shownId](Pending<Job> *pending) {
        if (uuid.trimmed().isEmpty()) {
            pending->finish(failure(BackendError::Kind::Refused, tr("No job id given")));
            return;
        }
        const HttpRequest req = request("GET", u"jobs/" + uuid.trimmed(), jobApi());
        auto *http = call(req);
        pending->cancelWith(http);
        onFinished(http, pending, [this, pending, shownId](const Result<HttpResponse> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            Result<Job> job = Kylin::decodeJob(*answer, m_generation);
            if (!job) {
                pending->finish(std::move(job));
                return;
            }
            if (!shownId.isEmpty())
                job->id = shownId;
            if (job->project.isEmpty())
                job->project = m_profile.project;
            if (job->ids.kylinProject.isEmpty())
                job->ids.kylinProject = job->project;
            if (m_generation != Generation::V5 || !job->steps.isEmpty() || job->ids.kylinProject.isEmpty()) {
                pending->finish(std::move(job));
                return;
            }
            // A 5.x v2-compat answer without steps: the v4 detail has them.
            HttpRequest detail = request("GET", u"jobs/" + job->ids.kylinJobUuid + u"/detail", Api::V4);
            detail.query.addQueryItem(QStringLiteral("project"), job->ids.kylinProject);
            auto *steps = call(detail);
            pending->cancelWith(steps);
            onFinished(
                steps, pending, [pending, found = *job](const Result<HttpResponse> &stepAnswer) mutable {
                    if (stepAnswer) {
                        QString failed;
                        if (auto decoded = Kylin::decodeStepDetail(*stepAnswer, &failed)) {
                            found.steps = *decoded;
                            if (found.errorMessage.isEmpty())
                                found.errorMessage = failed;
                        }
                    }
                    pending->finish(found);
                });
        });
    });
}

Pending<Job> *KylinBackend::lookup(const QString &id)
{
    return fetchJob(id.trimmed());
}

Pending<Job> *KylinBackend::submit(const SubmitRequest &)
{
    return unsupported<Job>(tr("Submitting a script"));
}

Pending<Job> *KylinBackend::refresh(const Job &job)
{
    return fetchJob(uuidOf(job), job.id);
}

Pending<ProgressReport> *KylinBackend::progress(const Job &job)
{
    auto *pending = new Pending<ProgressReport>(this);
    chain(refresh(job), pending, [](const Job &current) {
        ProgressReport report;
        report.progress = current.progress;
        return report;
    });
    return pending;
}

Pending<Job> *KylinBackend::details(const Job &job)
{
    auto *pending = new Pending<Job>(this);
    auto *fetching = refresh(job);
    pending->cancelWith(fetching);
    onFinished(fetching, pending, [this, pending](const Result<Job> &found) {
        if (!found || m_generation != Generation::V5 || found->ids.kylinProject.isEmpty()
            || !found->errorMessage.isEmpty() || found->state != JobState::Failed) {
            pending->finish(found);
            return;
        }
        // 5.x: the failed step's message is in the v4 detail.
        HttpRequest detail = request("GET", u"jobs/" + found->ids.kylinJobUuid + u"/detail", Api::V4);
        detail.query.addQueryItem(QStringLiteral("project"), found->ids.kylinProject);
        auto *steps = call(detail);
        pending->cancelWith(steps);
        onFinished(steps, pending, [pending, job = *found](const Result<HttpResponse> &answer) mutable {
            if (answer) {
                QString failed;
                if (Kylin::decodeStepDetail(*answer, &failed))
                    job.errorMessage = failed;
            }
            pending->finish(job);
        });
    });
    return pending;
}

Pending<Job> *KylinBackend::withSteps(const Job &job)
{
    if (!job.steps.isEmpty() && !uuidOf(job).isEmpty()) {
        auto *pending = new Pending<Job>(this);
        pending->finish(job);
        return pending;
    }
    return refresh(job);
}

Pending<JobPage> *KylinBackend::list(const ListQuery &query)
{
    return afterDetection<JobPage>([this, query](Pending<JobPage> *pending) {
        const int pageSize = qBound(1, query.pageSize, 1000);
        const int page = std::max(1, query.page);
        QList<int> codes;
        for (const QString &word : query.rawStatuses) {
            const int code = Kylin::jobStatusCode(word, m_generation);
            if (code < 0) {
                pending->finish(failure(BackendError::Kind::Refused,
                                        tr("Kylin has no job status “%1”; it knows NEW, PENDING, RUNNING, "
                                           "STOPPED, FINISHED, ERROR and DISCARDED")
                                            .arg(word)));
                return;
            }
            codes.append(code);
        }
        for (JobState state : query.states)
            codes += Kylin::statusCodesFor(state, m_generation);
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        if (codes.isEmpty() && (!query.states.isEmpty() || !query.rawStatuses.isEmpty())) {
            // A state Kylin never reports (retrying): nothing can match.
            JobPage empty;
            empty.page = page;
            empty.pageSize = pageSize;
            empty.totalRows = 0;
            pending->finish(empty);
            return;
        }

        const QString timeFilter = QString::number(
            Kylin::timeFilterFor(query.since, QDateTime::currentDateTimeUtc(), m_generation));
        HttpRequest req = request("GET", QStringLiteral("jobs"), jobApi());
        req.query.addQueryItem(QStringLiteral("timeFilter"), timeFilter);
        if (!m_profile.project.isEmpty())
            req.query.addQueryItem(QStringLiteral("projectName"), m_profile.project);
        for (int code : std::as_const(codes))
            req.query.addQueryItem(QStringLiteral("status"), QString::number(code));
        if (jobApi() == Api::V2) {
            // pageOffset is a page index here (JobControllerV2: offset = pageOffset * pageSize).
            req.query.addQueryItem(QStringLiteral("pageOffset"), QString::number(page - 1));
            req.query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize));
            req.query.addQueryItem(QStringLiteral("sortby"), QStringLiteral("last_modify"));
            req.query.addQueryItem(QStringLiteral("reverse"), QStringLiteral("true"));
        } else {
            // v1: row offsets.
            req.query.addQueryItem(QStringLiteral("offset"), QString::number(qint64(page - 1) * pageSize));
            req.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        }
        auto *http = call(req);
        pending->cancelWith(http);
        chain(http, pending, [this, page, pageSize](const HttpResponse &response) -> Result<JobPage> {
            Result<JobPage> decoded = Kylin::decodeJobList(response, m_generation);
            if (!decoded)
                return decoded;
            decoded->page = page;
            decoded->pageSize = pageSize;
            for (Job &job : decoded->jobs) {
                if (job.project.isEmpty())
                    job.project = job.ids.kylinProject = m_profile.project;
            }
            return decoded;
        });
    });
}

Pending<QString> *KylinBackend::projectOf(const Job &job)
{
    auto *pending = new Pending<QString>(this);
    const QString known = !job.ids.kylinProject.isEmpty() ? job.ids.kylinProject
                          : !job.project.isEmpty()        ? job.project
                                                          : m_profile.project;
    if (!known.isEmpty()) {
        pending->finish(known);
        return pending;
    }
    chain(fetchJob(uuidOf(job)), pending, [job](const Job &found) -> Result<QString> {
        if (found.ids.kylinProject.isEmpty())
            return failure(
                BackendError::Kind::Refused,
                tr("The project of job %1 is unknown; name it with the profile's project").arg(job.id));
        return found.ids.kylinProject;
    });
    return pending;
}

Pending<Job> *KylinBackend::jobAction(const Job &job, const QString &v2Action, const QString &v4Action)
{
    const QString uuid = uuidOf(job);
    return afterDetection<Job>([this, job, uuid, v2Action, v4Action](Pending<Job> *pending) {
        // 5.x has only resume among the v2 job actions; pause and discard are v4 batch calls.
        if (m_generation == Generation::V5 && !v4Action.isEmpty()) {
            auto *project = projectOf(job);
            pending->cancelWith(project);
            onFinished(project, pending, [this, pending, job, uuid, v4Action](const Result<QString> &name) {
                if (!name) {
                    pending->finish(std::unexpected(name.error()));
                    return;
                }
                HttpRequest req = request("PUT", QStringLiteral("jobs/status"), Api::V4);
                req.contentType = "application/json;charset=utf-8";
                req.body = QJsonDocument(QJsonObject{{QStringLiteral("action"), v4Action},
                                                     {QStringLiteral("project"), *name},
                                                     {QStringLiteral("job_ids"), QJsonArray{uuid}},
                                                     {QStringLiteral("statuses"), QJsonArray{}}})
                               .toJson(QJsonDocument::Compact);
                auto *http = call(req);
                pending->cancelWith(http);
                onFinished(http, pending, [this, pending, job](const Result<HttpResponse> &answer) {
                    if (!answer) {
                        pending->finish(std::unexpected(answer.error()));
                        return;
                    }
                    if (const Result<bool> ok = Kylin::decodeAcknowledgement(*answer); !ok) {
                        pending->finish(std::unexpected(ok.error()));
                        return;
                    }
                    chain(refresh(job), pending, [](const Job &current) { return current; });
                });
            });
            return;
        }
        const QByteArray method = v2Action == u"drop" ? QByteArray("DELETE") : QByteArray("PUT");
        auto *http = call(request(method, u"jobs/" + uuid + u'/' + v2Action, jobApi()));
        pending->cancelWith(http);
        onFinished(http, pending, [this, pending, job](const Result<HttpResponse> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            const Result<QJsonValue> body = Kylin::decodeBody(*answer, Kylin::isEnveloped(m_generation));
            if (!body) {
                pending->finish(std::unexpected(body.error()));
                return;
            }
            Job current = Kylin::jobFromInstance(body->toObject(), m_generation);
            if (current.id.isEmpty()) {
                // An answer without the job (5.x resume): ask for it.
                chain(refresh(job), pending, [](const Job &found) { return found; });
                return;
            }
            current.id = job.id.isEmpty() ? current.id : job.id;
            if (current.project.isEmpty())
                current.project = current.ids.kylinProject = job.project;
            pending->finish(current);
        });
    });
}

Pending<Job> *KylinBackend::pause(const Job &job)
{
    return jobAction(job, QStringLiteral("pause"), QStringLiteral("PAUSE"));
}

Pending<Job> *KylinBackend::resume(const Job &job)
{
    return jobAction(job, QStringLiteral("resume"), {});
}

Pending<QString> *KylinBackend::kill(const Job &job)
{
    auto *pending = new Pending<QString>(this);
    chain(jobAction(job, QStringLiteral("cancel"), QStringLiteral("DISCARD")), pending, [job](const Job &) {
        return tr("Job %1 discarded").arg(job.id);
    });
    return pending;
}

Pending<QString> *KylinBackend::drop(const Job &job)
{
    const QString uuid = uuidOf(job);
    if (m_generation != Generation::V5 && m_generation != Generation::Unknown) {
        auto *pending = new Pending<QString>(this);
        chain(jobAction(job, QStringLiteral("drop"), {}), pending, [job](const Job &) {
            return tr("Job %1 dropped").arg(job.id);
        });
        return pending;
    }
    return afterDetection<QString>([this, job, uuid](Pending<QString> *pending) {
        if (m_generation != Generation::V5) {
            chain(jobAction(job, QStringLiteral("drop"), {}), pending, [job](const Job &) {
                return tr("Job %1 dropped").arg(job.id);
            });
            return;
        }
        auto *project = projectOf(job);
        pending->cancelWith(project);
        onFinished(project, pending, [this, pending, job, uuid](const Result<QString> &name) {
            if (!name) {
                pending->finish(std::unexpected(name.error()));
                return;
            }
            HttpRequest req = request("DELETE", QStringLiteral("jobs"), Api::V4);
            req.query.addQueryItem(QStringLiteral("project"), *name);
            req.query.addQueryItem(QStringLiteral("job_ids"), uuid);
            chain(call(req), pending, [job](const HttpResponse &response) -> Result<QString> {
                if (const Result<bool> ok = Kylin::decodeAcknowledgement(response); !ok)
                    return std::unexpected(ok.error());
                return tr("Job %1 dropped").arg(job.id);
            });
        });
    });
}

JobActions KylinBackend::availableActions(const Job &job) const
{
    return Kylin::actionsFor(job);
}

Pending<QString> *KylinBackend::fetchStepOutput(const Job &job, const QString &stepId)
{
    const QString uuid = uuidOf(job);
    return afterDetection<QString>([this, uuid, stepId](Pending<QString> *pending) {
        // 5.x keeps this call in its v2 compatibility layer, which needs no project.
        auto *http = call(request("GET", u"jobs/" + uuid + u"/steps/" + stepId + u"/output", jobApi()));
        pending->cancelWith(http);
        chain(http, pending, [this](const HttpResponse &response) {
            return Kylin::decodeStepOutput(response, m_generation);
        });
    });
}

Pending<QString> *KylinBackend::stepOutput(const Job &job, const QString &step)
{
    auto *pending = new Pending<QString>(this);
    auto *resolving = withSteps(job);
    pending->cancelWith(resolving);
    onFinished(resolving, pending, [this, pending, step](const Result<Job> &found) {
        if (!found) {
            pending->finish(std::unexpected(found.error()));
            return;
        }
        QString stepId = step.trimmed();
        if (allDigits(stepId)) {
            const int wanted = stepId.toInt();
            stepId.clear();
            for (qsizetype i = 0; i < found->steps.size(); ++i) {
                const JobStep &candidate = found->steps.at(i);
                const int sequence = Kylin::stepSequence(candidate.id);
                if (sequence == wanted || (sequence < 0 && i == wanted)) {
                    stepId = candidate.id;
                    break;
                }
            }
            if (stepId.isEmpty()) {
                pending->finish(
                    failure(BackendError::Kind::Refused,
                            tr("Job %1 has no step %2 (it has %n steps)", nullptr, int(found->steps.size()))
                                .arg(found->id, step)));
                return;
            }
        }
        chain(fetchStepOutput(*found, stepId), pending, [this](const QString &output) {
            return Kylin::outputLines(output, m_generation == Generation::V5).join(u'\n');
        });
    });
    return pending;
}

Pending<LogPage> *KylinBackend::log(const Job &job, const LogCursor &from, int maxLines)
{
    auto *pending = new Pending<LogPage>(this);
    auto *resolving = withSteps(job);
    pending->cancelWith(resolving);
    onFinished(resolving, pending, [this, pending, from, maxLines](const Result<Job> &found) {
        if (!found) {
            pending->finish(std::unexpected(found.error()));
            return;
        }
        LogPage page;
        page.next = from;
        deliverSteps(*found, page, std::max(1, maxLines), pending);
    });
    return pending;
}

void KylinBackend::deliverSteps(Job job, LogPage page, int maxLines, Pending<LogPage> *pending)
{
    // A job that has ended (or failed: its later steps will not run) lets every remaining step
    // be delivered, run or not.
    const bool jobEnded = job.isTerminal();
    while (true) {
        const qint64 index = page.next.position;
        if (index < 0 || index >= job.steps.size()) {
            page.complete = jobEnded;
            page.more = false;
            pending->finish(page);
            return;
        }
        if (page.lines.size() >= maxLines) {
            page.more = true;
            pending->finish(page);
            return;
        }
        const JobStep step = job.steps.at(index);
        if (!Kylin::stepHasEnded(step, jobEnded)) {
            pending->finish(page); // the next step is still running: later
            return;
        }
        const int sequence = Kylin::stepSequence(step.id);
        const QString header = tr("== %1. %2 (%3) ==")
                                   .arg(sequence >= 0 ? sequence : int(index))
                                   .arg(step.name, step.rawStatus);
        if (!step.start.isValid() || step.id.isEmpty()) {
            // Never ran: nothing to read.
            page.lines.append(header);
            page.next.position = index + 1;
            page.next.delivered += 1;
            continue;
        }
        auto *output = fetchStepOutput(job, step.id);
        pending->cancelWith(output);
        onFinished(output,
                   pending,
                   [this, job, page, maxLines, pending, header, index](const Result<QString> &text) mutable {
                       QStringList lines{header};
                       if (text) {
                           lines += Kylin::outputLines(*text, m_generation == Generation::V5);
                       } else if (text.error().kind == BackendError::Kind::Refused) {
                           // The server will not give it (gone, not permitted): say so and go on,
                           // or this step would hold back every later one for ever.
                           lines.append(tr("(no output: %1)").arg(text.error().message));
                       } else {
                           // Try again later; what was read so far is delivered.
                           if (page.lines.isEmpty())
                               pending->finish(std::unexpected(text.error()));
                           else
                               pending->finish(page);
                           return;
                       }
                       page.lines += lines;
                       page.next.position = index + 1;
                       page.next.delivered += lines.size();
                       deliverSteps(job, page, maxLines, pending);
                   });
        return;
    }
}

Pending<QList<ResultSetRef>> *KylinBackend::resultSets(const Job &)
{
    return unsupported<QList<ResultSetRef>>(tr("Reading result sets"));
}

Pending<ResultPage> *KylinBackend::resultPage(const ResultSetRef &, int, int)
{
    return unsupported<ResultPage>(tr("Reading result sets"));
}

} // namespace JobDeck
