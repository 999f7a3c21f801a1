#include "console/console.h"

#include "jobs/joblistmodel.h"
#include "profiles/profilestore.h"

namespace JobDeck {

Console::Console(QObject *parent)
    : QObject(parent)
    , m_jobs(new JobListModel(this))
    , m_profiles(new ProfileStore(this))
{}

Console::~Console()
{
    // Sessions go before the model their signals feed.
    const QList<Session *> sessions = m_order;
    m_order.clear();
    m_sessions.clear();
    for (Session *session : sessions) {
        disconnect(session, nullptr, this, nullptr);
        delete session;
    }
}

QString Console::connectionId(const Session *session)
{
    return session->isLocal() ? QLatin1StringView(LocalConnection) : session->profileName();
}

Session *Console::session(const QString &connection) const
{
    return m_sessions.value(connection);
}

QStringList Console::connections() const
{
    QStringList ids;
    for (const Session *session : m_order)
        ids << connectionId(session);
    return ids;
}

QString Console::displayName(const QString &connection) const
{
    if (const Session *s = session(connection))
        return s->displayName();
    return connection == QLatin1StringView(LocalConnection) ? tr("Local") : connection;
}

Job Console::job(const JobKey &key) const
{
    if (const Session *s = session(key.connection))
        return s->job(key.id);
    return {};
}

void Console::addSession(Session *session)
{
    const QString connection = connectionId(session);
    if (Session *open = m_sessions.value(connection); open && open != session)
        closeConnection(connection);
    session->setParent(this);
    session->setLanguage(m_language);
    m_sessions.insert(connection, session);
    if (session->isLocal())
        m_order.prepend(session);
    else
        m_order.append(session);
    m_jobs->setConnectionLabel(connection, session->displayName());
    m_jobs->setHistorySource(connection, session);
    watch(session, connection);
    Q_EMIT connectionAdded(connection);
    if (m_target.isEmpty() || !m_sessions.contains(m_target))
        setTargetConnection(connection);
}

void Console::watch(Session *session, const QString &connection)
{
    connect(session, &Session::jobsUpdated, this, [this, connection](const QList<Job> &jobs) {
        takeJobs(connection, jobs);
    });
    connect(session, &Session::jobRemoved, this, [this, connection](const QString &id) {
        const JobKey key{connection, id};
        m_jobs->remove(key);
        m_unfinished.remove(key);
        if (m_current == key)
            setCurrentJob({});
    });
    connect(session,
            &Session::stateChanged,
            this,
            [this, connection](Session::State state, const QString &message) {
                Q_EMIT connectionStateChanged(connection, state, message);
            });
    connect(session, &Session::notice, this, [this, connection](const QString &text) {
        Q_EMIT notice(connection, text);
    });
    connect(session,
            &Session::logAppended,
            this,
            [this, connection](const QString &id, qint64 first, const QStringList &lines) {
                Q_EMIT logAppended({connection, id}, first, lines);
            });
    connect(session,
            &Session::progressSampled,
            this,
            [this, connection](const QString &id, const QPointF &sample) {
                Q_EMIT progressSampled({connection, id}, sample);
            });
    connect(session,
            &Session::resultsLoaded,
            this,
            [this,
             connection](const QString &id, const QList<ResultSetRef> &sets, const QList<ResultPage> &pages) {
                Q_EMIT resultsLoaded({connection, id}, sets, pages);
            });
    connect(session,
            &Session::stepOutputLoaded,
            this,
            [this, connection](const QString &id, const QString &step, const QString &output) {
                Q_EMIT stepOutputLoaded({connection, id}, step, output);
            });
    connect(session, &Session::progressHistoryChanged, this, [this, connection](const QString &id) {
        Q_EMIT progressHistoryChanged({connection, id});
    });
    connect(session,
            &Session::lineageLoaded,
            this,
            [this, connection](const QString &id, const QByteArray &json) {
                Q_EMIT lineageLoaded({connection, id}, json);
            });
    connect(
        session,
        &Session::actionFinished,
        this,
        [this, connection](const QString &id, Session::JobAction action, bool ok, const QString &message) {
            Q_EMIT actionFinished({connection, id}, action, ok, message);
        });
    connect(session, &Session::submitted, this, [this, connection](const Job &job) {
        const JobKey key{connection, job.id};
        Q_EMIT jobSubmitted(key);
        setCurrentJob(key); // the new job is the one shown, so its log and progress appear
    });
}

void Console::takeJobs(const QString &connection, const QList<Job> &jobs)
{
    m_jobs->upsert(connection, jobs);
    bool currentChanged = false;
    for (const Job &job : jobs) {
        const JobKey key{connection, job.id};
        if (key == m_current)
            currentChanged = true;
        if (!job.isTerminal()) {
            m_unfinished.insert(key, job.state);
        } else if (m_unfinished.remove(key)) {
            Q_EMIT jobEnded(key, job);
        }
    }
    if (currentChanged)
        Q_EMIT currentJobUpdated(m_current);
}

void Console::closeConnection(const QString &connection)
{
    Session *session = m_sessions.take(connection);
    if (!session)
        return;
    m_order.removeOne(session);
    disconnect(session, nullptr, this, nullptr);
    m_jobs->setHistorySource(connection, nullptr);
    m_jobs->removeConnection(connection);
    for (auto it = m_unfinished.begin(); it != m_unfinished.end();) {
        if (it.key().connection == connection)
            it = m_unfinished.erase(it);
        else
            ++it;
    }
    if (m_current.connection == connection)
        setCurrentJob({});
    session->deleteLater();
    Q_EMIT connectionRemoved(connection);
    if (m_target == connection)
        setTargetConnection(m_order.isEmpty() ? QString() : connectionId(m_order.constFirst()));
}

void Console::openProfile(const QString &name)
{
    const std::optional<ConnectionProfile> profile = ProfileStore::load(name);
    if (!profile) {
        Q_EMIT notice({}, tr("There is no connection named “%1”").arg(name));
        return;
    }
    Q_EMIT notice(name, tr("Reading the password of %1 from the system keychain…").arg(name));
    onFinished(m_profiles->readSecret(name), this, [this, profile = *profile](const Result<QString> &secret) {
        if (secret && !secret->isEmpty()) {
            ConnectionProfile withSecret = profile;
            withSecret.secret = *secret;
            openProfile(withSecret);
            return;
        }
        Q_EMIT secretNeeded(profile, secret ? QString() : secret.error().message);
    });
}

void Console::openProfile(const ConnectionProfile &profile, bool remember)
{
    if (remember) {
        onFinished(
            m_profiles->writeSecret(profile.name, profile.secret),
            this,
            [this, name = profile.name](const Result<bool> &stored) {
                if (!stored)
                    Q_EMIT notice(
                        name,
                        tr("The password of %1 was not remembered: %2").arg(name, stored.error().message));
            });
    }
    auto *session = new Session(profile);
    addSession(session);
    setTargetConnection(connectionId(session));
    session->start();
}

void Console::setTargetConnection(const QString &connection)
{
    if (connection == m_target)
        return;
    m_target = connection;
    Q_EMIT targetConnectionChanged(connection);
}

void Console::setCurrentJob(const JobKey &key)
{
    if (key == m_current)
        return;
    m_current = key;
    m_currentStep.clear();
    if (Session *s = session(key.connection); s && key.isValid()) {
        s->loadLog(key.id);
        s->loadDetails(key.id); // the steps, where the backend reports them
    }
    Q_EMIT currentJobChanged(key);
}

void Console::setCurrentStep(const QString &stepId)
{
    if (stepId.isEmpty() && m_currentStep.isEmpty())
        return;
    m_currentStep = stepId;
    Session *s = session(m_current.connection);
    // A step with no lines of its own in the job's log has an output to read (Kylin).
    if (s && !stepId.isEmpty() && stepLogLines(m_current, stepId).first <= 0 && s->capabilities().steps)
        s->loadStepOutput(m_current.id, stepId);
    Q_EMIT currentStepChanged(m_current, stepId);
}

std::pair<qint64, qint64> Console::stepLogLines(const JobKey &key, const QString &stepId) const
{
    const Session *s = session(key.connection);
    if (!s || !key.isValid() || stepId.isEmpty())
        return {0, 0};
    const QList<SubJobProgress> subJobs = s->job(key.id).subJobs;
    for (const SubJobProgress &row : subJobs) {
        if (row.id == stepId && row.firstLogLine > 0)
            return {row.firstLogLine, std::max(row.firstLogLine, row.lastLogLine)};
    }
    // The history has the last reading, also of a job that ended before this console started.
    const QList<SubJobTrack> tracks = s->progressHistory(key.id).subJobs();
    for (const SubJobTrack &track : tracks) {
        if (track.last.id == stepId && track.last.firstLogLine > 0)
            return {track.last.firstLogLine, std::max(track.last.firstLogLine, track.last.lastLogLine)};
    }
    return {0, 0};
}

void Console::submit(const SubmitRequest &request, const QString &connection)
{
    const QString where = connection.isEmpty() ? m_target : connection;
    Session *s = session(where);
    if (!s) {
        Q_EMIT notice({}, tr("There is no open connection to run the script on"));
        return;
    }
    if (const Capabilities caps = s->capabilities(); !caps.submit && caps.query) {
        QueryRequest query;
        query.sql = request.script.trimmed();
        while (query.sql.endsWith(u';')) // one statement; the query API takes it bare
            query.sql = query.sql.chopped(1).trimmed();
        Q_EMIT queryRequested(where, query);
        return;
    }
    s->submit(request);
}

std::optional<SubmitRequest> Console::requestOf(const JobKey &key, QString *why) const
{
    Session *s = session(key.connection);
    const Job job = this->job(key);
    const auto refuse = [why](const QString &reason) -> std::optional<SubmitRequest> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!s || job.id.isEmpty())
        return refuse(tr("The job's connection is not open"));
    // What this console sent, variables included; else the server's own record of it.
    SubmitRequest request = s->submitRequestOf(job.id);
    if (request.script.isEmpty()) {
        request.script = job.script;
        request.engine = job.engine;
        request.runType = job.runType;
        request.name = job.name;
    }
    if (request.script.trimmed().isEmpty())
        return refuse(tr("The server did not keep the job's script"));
    return request;
}

bool Console::rerun(const JobKey &key, QString *why)
{
    Session *s = session(key.connection);
    if (s && !s->capabilities().submit) {
        if (why)
            *why = tr("%1 does not run scripts sent to it").arg(s->displayName());
        return false;
    }
    const std::optional<SubmitRequest> request = requestOf(key, why);
    if (!request)
        return false;
    s->submit(*request);
    return true;
}

void Console::setLanguage(Language language)
{
    m_language = language;
    for (Session *session : std::as_const(m_order)) {
        session->setLanguage(language);
        m_jobs->setConnectionLabel(connectionId(session), session->displayName());
    }
    m_jobs->retranslate();
}

} // namespace JobDeck
