#include "backends/sqlflow/sqlflowbackend.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace JobDeck {

namespace {
constexpr auto ApiRoot = u"/gspLive_backend/";
const QString JsonExport = QStringLiteral("exportLineageAsJson");
const QString GraphmlExport = QStringLiteral("exportLineageAsGraphml");
const QString FullCsvExport = QStringLiteral("exportFullLineageAsCsv");
const QString ShortCsvExport = QStringLiteral("exportLineageAsCsv");

QString jobIdOf(const Job &job)
{
    return job.ids.sqlflowJobId.isEmpty() ? job.id : job.ids.sqlflowJobId;
}
} // namespace

SqlflowBackend::SqlflowBackend(ConnectionProfile profile, QObject *parent)
    : Backend(parent)
    , m_profile(std::move(profile))
    , m_http(new HttpClient(m_profile.url, this))
{
    m_profile.kind = kind();
    m_zone = Sqlflow::serverZone(m_profile.serverTimeZone);
    const QString secret = m_profile.secret.trimmed();
    m_userId = m_profile.user.trimmed();
    if (secret.isEmpty()) {
        // On-premise: no accounts and no token; the official clients send the literal
        // "token" (protocols.md 3.1).
        m_onPremise = true;
        if (m_userId.isEmpty())
            m_userId = Sqlflow::OnPremUserId.toString();
        m_token = QStringLiteral("token");
    } else if (secret.startsWith(u"eyJ")) {
        // A JWT: a token the user generated; it cannot be renewed without the secret key.
        m_fixedToken = true;
        m_token = secret;
    }
    setLanguage(Language::English);
}

SqlflowBackend::~SqlflowBackend() = default;

Capabilities SqlflowBackend::capabilities() const
{
    Capabilities caps;
    caps.submit = true;
    caps.drop = true;
    caps.remove = true;
    caps.lineage = true;
    caps.history = true; // displayUserJobsSummary lists every job of the user
    return caps;
}

JobActions SqlflowBackend::availableActions(const Job &job) const
{
    JobActions actions;
    // deleteUserJob takes a job in any state but one already deleted.
    actions.drop = job.state != JobState::Cancelled;
    actions.lineage = Sqlflow::allowsLineage(job.rawStatus);
    return actions;
}

void SqlflowBackend::setLanguage(Language language)
{
    // SQLFlow documents no language parameter and answers in English (protocols.md 5);
    // the standard header costs nothing and is right should it ever listen.
    m_http->setDefaultHeader("Accept-Language",
                             language == Language::Chinese ? "zh-CN,zh;q=0.9,en;q=0.8" : "en-US,en;q=0.9");
}

HttpRequest SqlflowBackend::request(const Form &form) const
{
    HttpRequest req;
    req.method = "POST";
    req.path = ApiRoot + form.endpoint;
    req.timeoutMs = m_profile.requestTimeoutMs;
    // What the samples send; an export answers a file, so it accepts anything.
    req.headers.append(
        qMakePair(QByteArray("Accept"),
                  form.download ? QByteArray("*/*") : QByteArray("application/json;charset=utf-8")));
    QList<Sqlflow::FormPart> parts;
    parts.append({QStringLiteral("userId"), m_userId.toUtf8(), {}, {}});
    if (!m_token.isEmpty())
        parts.append({QStringLiteral("token"), m_token.toUtf8(), {}, {}});
    for (const auto &[name, value] : form.fields)
        parts.append({name, value.toUtf8(), {}, {}});
    parts.append(form.files);
    const QByteArray boundary = Sqlflow::boundaryFor(parts);
    req.contentType = Sqlflow::multipartContentType(boundary);
    req.body = Sqlflow::multipartBody(parts, boundary);
    return req;
}

bool SqlflowBackend::canRenewToken() const
{
    return !m_onPremise && !m_fixedToken;
}

Pending<bool> *SqlflowBackend::ensureToken(bool renew)
{
    if (!canRenewToken() || (!renew && !m_token.isEmpty())) {
        auto *ready = new Pending<bool>(this);
        ready->finish(true);
        return ready;
    }
    // Calls that find the token expired at the same moment share one new token.
    if (m_tokenInFlight && !m_tokenInFlight->isFinished())
        return m_tokenInFlight;
    auto *pending = new Pending<bool>(this);
    m_tokenInFlight = pending;
    if (m_userId.isEmpty()) {
        pending->finish(failure(BackendError::Kind::Authentication,
                                tr("SQLFlow needs your user id (the “userId” of your account) with the "
                                   "secret key")));
        return pending;
    }
    HttpRequest req;
    req.method = "POST";
    req.path = ApiRoot + QStringLiteral("user/generateToken");
    req.timeoutMs = m_profile.requestTimeoutMs;
    req.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json;charset=utf-8")));
    req.contentType = "application/x-www-form-urlencoded";
    req.body = Sqlflow::urlEncodedForm(
        {{QStringLiteral("userId"), m_userId}, {QStringLiteral("secretKey"), m_profile.secret.trimmed()}});
    auto *http = m_http->send(req);
    onFinished(http, pending, [this, pending](const Result<HttpResponse> &answer) {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        const Result<QString> token = Sqlflow::decodeToken(*answer);
        if (!token) {
            pending->finish(std::unexpected(token.error()));
            return;
        }
        m_token = *token;
        ++m_tokenCount;
        pending->finish(true);
    });
    return pending;
}

Pending<HttpResponse> *SqlflowBackend::call(const Form &form)
{
    auto *pending = new Pending<HttpResponse>(this);
    send(form, pending, false, nullptr, false);
    return pending;
}

Pending<HttpResponse> *SqlflowBackend::download(const Form &form, QIODevice *sink, bool emptyIsValid)
{
    auto *pending = new Pending<HttpResponse>(this);
    send(form, pending, false, sink, emptyIsValid);
    return pending;
}

void SqlflowBackend::send(
    const Form &form, Pending<HttpResponse> *pending, bool isReplay, QIODevice *sink, bool emptyIsValid)
{
    if (!m_onPremise && m_userId.isEmpty()) {
        pending->finish(failure(BackendError::Kind::Authentication,
                                tr("SQLFlow needs your user id (the “userId” of your account)")));
        return;
    }
    auto *token = ensureToken(false);
    onFinished(token, pending, [=, this](const Result<bool> &ready) {
        if (!ready) {
            pending->finish(std::unexpected(ready.error()));
            return;
        }
        const QString used = m_token;
        const HttpRequest req = request(form);
        Pending<HttpResponse> *http
            = sink ? m_http->download(req,
                                      sink,
                                      [emptyIsValid](const HttpResponse &head, bool complete) {
                                          return Sqlflow::isArtefact(head, complete, emptyIsValid);
                                      })
                   : m_http->send(req);
        pending->cancelWith(http);
        onFinished(http, pending, [=, this](const Result<HttpResponse> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            bool tokenRefused = false;
            if (sink) {
                tokenRefused = answer->bytesWritten < 0
                               && Sqlflow::artefactError(*answer).kind == BackendError::Kind::Authentication;
            } else {
                const Result<QJsonObject> verdict = Sqlflow::decodeAnswer(*answer);
                tokenRefused = !verdict && verdict.error().kind == BackendError::Kind::Authentication;
            }
            if (!tokenRefused || isReplay || !canRenewToken()) {
                pending->finish(*answer);
                return;
            }
            if (m_token != used) { // another call renewed it meanwhile
                send(form, pending, true, sink, emptyIsValid);
                return;
            }
            auto *renewed = ensureToken(true);
            onFinished(renewed, pending, [=, this](const Result<bool> &fresh) {
                if (!fresh)
                    pending->finish(std::unexpected(fresh.error()));
                else
                    send(form, pending, true, sink, emptyIsValid);
            });
        });
    });
}

Pending<bool> *SqlflowBackend::connectToServer()
{
    auto *pending = new Pending<bool>(this);
    if (canRenewToken()) {
        // A secret key: generating the token checks the user id and the key.
        chain(ensureToken(false), pending, [](bool) { return true; });
        return pending;
    }
    // A ready token, or on-premise: any call tells whether the server takes it.
    chain(call({QStringLiteral("sqlflow/job/displayUserJobsSummary"), {}, {}, false}),
          pending,
          [this](const HttpResponse &answer) -> Result<bool> {
              const auto list = Sqlflow::decodeJobList(answer, m_zone);
              if (!list)
                  return std::unexpected(list.error());
              return true;
          });
    return pending;
}

Pending<bool> *SqlflowBackend::disconnectFromServer()
{
    auto *pending = new Pending<bool>(this);
    pending->finish(true);
    return pending;
}

Pending<Job> *SqlflowBackend::jobCall(const QString &jobId)
{
    auto *pending = new Pending<Job>(this);
    if (jobId.trimmed().isEmpty()) {
        pending->finish(failure(BackendError::Kind::Refused, tr("No job id given")));
        return pending;
    }
    chain(call({QStringLiteral("sqlflow/job/displayUserJobSummary"),
                {{QStringLiteral("jobId"), jobId}},
                {},
                false}),
          pending,
          [this, jobId](const HttpResponse &answer) { return Sqlflow::decodeJob(answer, jobId, m_zone); });
    return pending;
}

Pending<Job> *SqlflowBackend::lookup(const QString &id)
{
    return jobCall(id.trimmed());
}

Pending<Job> *SqlflowBackend::refresh(const Job &job)
{
    return jobCall(jobIdOf(job));
}

Pending<Job> *SqlflowBackend::details(const Job &job)
{
    // The summary is the only record SQLFlow keeps, and a finished job's no longer
    // changes: asking again would only poll faster than the 2 s SQLFlow asks for.
    if (job.isTerminal() && !job.rawStatus.isEmpty()) {
        auto *pending = new Pending<Job>(this);
        pending->finish(job);
        return pending;
    }
    return refresh(job);
}

Pending<Job> *SqlflowBackend::submit(const SubmitRequest &submission)
{
    auto *pending = new Pending<Job>(this);
    const auto refuse = [pending](const QString &message) {
        pending->finish(failure(BackendError::Kind::Refused, message));
        return pending;
    };
    const QString dbVendor
        = (submission.dbVendor.isEmpty() ? m_profile.dbVendor : submission.dbVendor).trimmed();
    if (dbVendor.isEmpty())
        return refuse(tr("SQLFlow needs the database vendor of the SQL (for example dbvoracle, dbvmssql, "
                         "dbvhive); none was given"));

    // Every file is checked and read before anything is sent.
    QList<Sqlflow::FormPart> files;
    qint64 total = 0;
    for (const QString &path : submission.files) {
        const QFileInfo info(path);
        if (!info.exists())
            return refuse(tr("No such file: %1").arg(path));
        if (!info.isFile())
            return refuse(tr("Not a file: %1").arg(path));
        total += info.size();
        if (total > MaxUploadBytes)
            return refuse(tr("The files add up to more than %1 MB, more than JobDeck sends SQLFlow at once")
                              .arg(MaxUploadBytes >> 20));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return refuse(tr("Cannot read %1: %2").arg(path, file.errorString()));
        QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return refuse(tr("Cannot read %1: %2").arg(path, file.errorString()));
        files.append(
            {QStringLiteral("sqlfiles"), bytes, info.fileName(), Sqlflow::fileContentType(info.fileName())});
    }
    if (files.isEmpty() && !submission.script.trimmed().isEmpty()) {
        // From the editor: the script as one file.
        const QString name = (submission.name.isEmpty() ? QStringLiteral("script") : submission.name)
                             + QStringLiteral(".sql");
        files.append(
            {QStringLiteral("sqlfiles"), submission.script.toUtf8(), name, Sqlflow::fileContentType(name)});
    }
    if (files.isEmpty())
        return refuse(tr("No SQL files to analyse"));

    QString jobName = submission.name.trimmed();
    if (jobName.isEmpty())
        jobName = QFileInfo(files.first().fileName).completeBaseName();
    if (jobName.isEmpty())
        jobName = files.first().fileName;

    Form form;
    form.endpoint = submission.persistent ? QStringLiteral("sqlflow/job/submitPersistJob")
                                          : QStringLiteral("sqlflow/job/submitUserJob");
    form.fields = {{QStringLiteral("jobName"), jobName}, {QStringLiteral("dbvendor"), dbVendor}};
    if (submission.persistent) {
        if (submission.incremental)
            form.fields.append({QStringLiteral("incremental"), QStringLiteral("true")});
        // Omitted on the first submit; later ones name the job the first one returned.
        if (!submission.persistJobId.isEmpty())
            form.fields.append({QStringLiteral("jobId"), submission.persistJobId});
    }
    form.files = files;
    QStringList fileNames;
    for (const Sqlflow::FormPart &part : std::as_const(files))
        fileNames.append(part.fileName);

    chain(call(form),
          pending,
          [this, submission, jobName, fileNames, dbVendor](const HttpResponse &answer) -> Result<Job> {
              Result<Job> job = Sqlflow::decodeJob(answer, {}, m_zone);
              if (!job)
                  return job;
              if (submission.persistent && !submission.persistJobId.isEmpty()
                  && job->id != submission.persistJobId)
                  return failure(BackendError::Kind::Protocol,
                                 tr("SQLFlow answered the incremental submit to job %1 with another job, %2")
                                     .arg(submission.persistJobId, job->id),
                                 answer.url);
              if (job->name.isEmpty())
                  job->name = jobName;
              if (job->files.isEmpty())
                  job->files = fileNames;
              if (job->engine.isEmpty())
                  job->engine = dbVendor;
              if (job->rawStatus.isEmpty()) {
                  job->rawStatus = QStringLiteral("create");
                  job->state = JobState::Queued;
              }
              if (!job->submitted.isValid())
                  job->submitted = QDateTime::currentDateTimeUtc();
              if (job->submitter.isEmpty())
                  job->submitter = m_userId;
              return job;
          });
    return pending;
}

Pending<JobPage> *SqlflowBackend::list(const ListQuery &query)
{
    auto *pending = new Pending<JobPage>(this);
    chain(call({QStringLiteral("sqlflow/job/displayUserJobsSummary"), {}, {}, false}),
          pending,
          [this, query](const HttpResponse &answer) -> Result<JobPage> {
              const Result<Sqlflow::JobList> all = Sqlflow::decodeJobList(answer, m_zone);
              if (!all)
                  return std::unexpected(all.error());
              // The server sends every job at once: filters and pages are ours.
              const bool filtered = !query.rawStatuses.isEmpty() || !query.states.isEmpty()
                                    || query.since.isValid() || query.until.isValid()
                                    || !query.engine.isEmpty();
              QList<Job> kept;
              for (const Job &job : all->jobs) {
                  if (!query.rawStatuses.isEmpty()
                      && !query.rawStatuses.contains(job.rawStatus, Qt::CaseInsensitive))
                      continue;
                  if (!query.states.isEmpty() && !query.states.contains(job.state))
                      continue;
                  if (query.since.isValid() && (!job.submitted.isValid() || job.submitted < query.since))
                      continue;
                  if (query.until.isValid() && job.submitted.isValid() && job.submitted > query.until)
                      continue;
                  if (!query.engine.isEmpty() && job.engine.compare(query.engine, Qt::CaseInsensitive) != 0)
                      continue;
                  kept.append(job);
              }
              JobPage page;
              page.page = std::max(1, query.page);
              page.pageSize = std::clamp(query.pageSize, 1, 10000);
              const qint64 first = qint64(page.page - 1) * page.pageSize;
              if (first < kept.size())
                  page.jobs = kept.mid(first, page.pageSize);
              page.totalRows = filtered ? kept.size() : all->total;
              return page;
          });
    return pending;
}

Pending<QString> *SqlflowBackend::drop(const Job &job)
{
    auto *pending = new Pending<QString>(this);
    const QString jobId = jobIdOf(job);
    if (jobId.isEmpty()) {
        pending->finish(failure(BackendError::Kind::Refused, tr("No job id given")));
        return pending;
    }
    chain(call({QStringLiteral("sqlflow/job/deleteUserJob"), {{QStringLiteral("jobId"), jobId}}, {}, false}),
          pending,
          [jobId](const HttpResponse &answer) -> Result<QString> {
              const Result<QJsonObject> deleted = Sqlflow::decodeAnswer(answer);
              if (!deleted)
                  return std::unexpected(deleted.error());
              return tr("Job %1 deleted").arg(jobId);
          });
    return pending;
}

Pending<qint64> *SqlflowBackend::exportLineage(const Job &job, const LineageRequest &request, QIODevice *sink)
{
    auto *pending = new Pending<qint64>(this);
    if (!sink || !sink->isWritable()) {
        pending->finish(failure(BackendError::Kind::Refused, tr("Nowhere to write the lineage")));
        return pending;
    }
    if (jobIdOf(job).isEmpty()) {
        pending->finish(failure(BackendError::Kind::Refused, tr("No job id given")));
        return pending;
    }
    if (!job.rawStatus.isEmpty()) {
        exportKnown(job, request, sink, pending);
        return pending;
    }
    // The export depends on the job's state: ask for it first.
    auto *asking = refresh(job);
    pending->cancelWith(asking);
    onFinished(asking, pending, [this, request, sink, pending](const Result<Job> &known) {
        if (!known)
            pending->finish(std::unexpected(known.error()));
        else
            exportKnown(*known, request, sink, pending);
    });
    return pending;
}

void SqlflowBackend::exportKnown(const Job &job,
                                 const LineageRequest &request,
                                 QIODevice *sink,
                                 Pending<qint64> *pending)
{
    const QString jobId = jobIdOf(job);
    if (!Sqlflow::allowsLineage(job.rawStatus)) {
        pending->finish(failure(BackendError::Kind::Refused,
                                tr("The lineage of job %1 can be exported once SQLFlow has analysed it "
                                   "(success or partial_success); it is %2")
                                    .arg(jobId, job.rawStatus)));
        return;
    }
    Form form;
    form.download = true;
    form.fields = {{QStringLiteral("jobId"), jobId},
                   {QStringLiteral("tableToTable"),
                    request.tableToTable ? QStringLiteral("true") : QStringLiteral("false")}};
    QString endpoint;
    switch (request.format) {
    case LineageFormat::Json:
        endpoint = JsonExport;
        break;
    case LineageFormat::Graphml:
        endpoint = GraphmlExport;
        break;
    case LineageFormat::Csv:
        endpoint = m_csvEndpoint;
        form.fields.append({QStringLiteral("delimiter"), QString(request.csvDelimiter)});
        break;
    }
    const bool csv = request.format == LineageFormat::Csv;
    form.endpoint = QStringLiteral("sqlflow/job/") + endpoint;
    const auto finish = [pending](const HttpResponse &answer) {
        if (answer.bytesWritten >= 0)
            pending->finish(answer.bytesWritten);
        else
            pending->finish(std::unexpected(Sqlflow::artefactError(answer)));
    };
    auto *first = download(form, sink, csv);
    pending->cancelWith(first);
    onFinished(first, pending, [=, this](const Result<HttpResponse> &answer) mutable {
        if (!answer) {
            pending->finish(std::unexpected(answer.error()));
            return;
        }
        // The CSV export has two names (docs: exportFullLineageAsCsv; the Java and Python
        // samples: exportLineageAsCsv). A 404 of one tries the other, and the one that
        // answers is kept for this connection.
        if (csv && answer->bytesWritten < 0 && answer->status == 404) {
            const QString other = endpoint == FullCsvExport ? ShortCsvExport : FullCsvExport;
            form.endpoint = QStringLiteral("sqlflow/job/") + other;
            auto *second = download(form, sink, csv);
            pending->cancelWith(second);
            onFinished(second, pending, [this, pending, other, finish](const Result<HttpResponse> &retry) {
                if (!retry) {
                    pending->finish(std::unexpected(retry.error()));
                    return;
                }
                if (retry->status != 404)
                    m_csvEndpoint = other;
                finish(*retry);
            });
            return;
        }
        finish(*answer);
    });
}

Pending<ProgressReport> *SqlflowBackend::progress(const Job &)
{
    return unsupported<ProgressReport>(tr("Reporting a job's progress"));
}

Pending<LogPage> *SqlflowBackend::log(const Job &, const LogCursor &, int)
{
    return unsupported<LogPage>(tr("Reading a job's log"));
}

Pending<QString> *SqlflowBackend::kill(const Job &)
{
    return unsupported<QString>(tr("Stopping a job"));
}

Pending<QList<ResultSetRef>> *SqlflowBackend::resultSets(const Job &)
{
    return unsupported<QList<ResultSetRef>>(tr("Reading result sets"));
}

Pending<ResultPage> *SqlflowBackend::resultPage(const ResultSetRef &, int, int)
{
    return unsupported<ResultPage>(tr("Reading result sets"));
}

} // namespace JobDeck
