#pragma once

#include "backends/connectionprofile.h"
#include "i18n/language.h"
#include "jobs/jobkey.h"
#include "session/session.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace JobDeck {

class JobListModel;
class ProfileStore;

// What the console holds, without a widget: the open connections (one Session each: the
// built-in Local one and every connected profile), the jobs of all of them in one model,
// the connection the editor's scripts go to, and the job the user looks at. Panels observe
// it and ask it; the main window only arranges them.
class Console final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Console)

public:
    static constexpr auto LocalConnection = "local";

    explicit Console(QObject *parent = nullptr);
    ~Console() override;

    // Takes `session` over (reparents it) and lists its jobs; its id is connectionId(session).
    // A session already open under the same id is closed first.
    void addSession(Session *session);
    // Ends a connection: its session goes, and so do its jobs from the list.
    void closeConnection(const QString &connection);
    // Opens a saved profile: the secret comes from the system keychain; when it has none
    // (or cannot be read), secretNeeded() asks the user, who answers with openProfile(profile).
    void openProfile(const QString &name);
    // Opens a profile whose secret is filled in; `remember` stores it in the keychain.
    void openProfile(const ConnectionProfile &profile, bool remember = false);

    static QString connectionId(const Session *session);
    Session *session(const QString &connection) const;
    QList<Session *> sessions() const { return m_order; }
    QStringList connections() const;
    bool isOpen(const QString &connection) const { return m_sessions.contains(connection); }
    QString displayName(const QString &connection) const;

    JobListModel *jobs() const { return m_jobs; }
    ProfileStore *profiles() const { return m_profiles; }
    Job job(const JobKey &key) const;
    Session *sessionOf(const JobKey &key) const { return session(key.connection); }

    // Where the editor's scripts go.
    QString targetConnection() const { return m_target; }
    void setTargetConnection(const QString &connection);
    Session *targetSession() const { return session(m_target); }

    // The job shown in the log, steps, progress and results panels.
    JobKey currentJob() const { return m_current; }
    void setCurrentJob(const JobKey &key);
    // The step (sub-job, statement) of the current job the user looks at; empty for none
    // (a new current job has none). Its part of the log shows in the log pane: its lines of
    // the job's log where the server says which (stepLogLines), else the step's own output,
    // which this reads (stepOutputLoaded). Setting the same step again shows it again.
    QString currentStep() const { return m_currentStep; }
    void setCurrentStep(const QString &stepId);
    // The lines of the job's log (from 1) that the step wrote; {0, 0} when the server does
    // not say (Kylin steps have an output of their own).
    std::pair<qint64, qint64> stepLogLines(const JobKey &key, const QString &stepId) const;

    // Submits on `connection` (empty: the target connection). A connection that runs no
    // jobs but answers queries (Kylin) gets the statement as a query: queryRequested().
    void submit(const SubmitRequest &request, const QString &connection = {});
    // What would run the job again: its script, engine, run type and variables; nothing
    // (and `why`) when neither this console nor the server kept the script.
    std::optional<SubmitRequest> requestOf(const JobKey &key, QString *why = nullptr) const;
    // Runs the job again, the same way, on the same connection.
    bool rerun(const JobKey &key, QString *why = nullptr);

    void setLanguage(Language language);
    Language language() const { return m_language; }

Q_SIGNALS:
    void connectionAdded(const QString &connection);
    void connectionRemoved(const QString &connection);
    void connectionStateChanged(const QString &connection,
                                JobDeck::Session::State state,
                                const QString &message);
    void targetConnectionChanged(const QString &connection);
    void currentJobChanged(const JobDeck::JobKey &key);
    // The current job's record changed (state, progress, steps...).
    void currentJobUpdated(const JobDeck::JobKey &key);
    void currentStepChanged(const JobDeck::JobKey &key, const QString &stepId);
    // A job this console saw unfinished has ended.
    void jobEnded(const JobDeck::JobKey &key, const JobDeck::Job &job);
    // A job this console submitted was accepted.
    void jobSubmitted(const JobDeck::JobKey &key);
    // What the connections' sessions report about their jobs, named by JobKey.
    void logAppended(const JobDeck::JobKey &key, qint64 firstLineNumber, const QStringList &lines);
    void progressSampled(const JobDeck::JobKey &key, const QPointF &sample);
    // `pages[i]` is the first page of `sets[i]`.
    void resultsLoaded(const JobDeck::JobKey &key,
                       const QList<JobDeck::ResultSetRef> &sets,
                       const QList<JobDeck::ResultPage> &pages);
    // A statement sent to a connection that answers rows at once (Kylin's query API) instead
    // of running jobs: the results panel reads its pages.
    void queryRequested(const QString &connection, const JobDeck::QueryRequest &request);
    void stepOutputLoaded(const JobDeck::JobKey &key, const QString &stepId, const QString &output);
    // The job's progress history changed (Session::progressHistory()).
    void progressHistoryChanged(const JobDeck::JobKey &key);
    void lineageLoaded(const JobDeck::JobKey &key, const QByteArray &json);
    void actionFinished(const JobDeck::JobKey &key,
                        JobDeck::Session::JobAction action,
                        bool ok,
                        const QString &message);
    // Something the user should hear about, from one connection (empty: the console itself).
    void notice(const QString &connection, const QString &text);
    // A profile to open needs its secret from the user; `keychainProblem` says why the
    // keychain gave none (empty when it simply has none).
    void secretNeeded(const JobDeck::ConnectionProfile &profile, const QString &keychainProblem);

private:
    void watch(Session *session, const QString &connection);
    void takeJobs(const QString &connection, const QList<Job> &jobs);

    JobListModel *m_jobs;
    ProfileStore *m_profiles;
    QHash<QString, Session *> m_sessions;
    QList<Session *> m_order;             // in the order they were opened; Local first
    QHash<JobKey, JobState> m_unfinished; // jobs seen running: their end is worth a notification
    QString m_target;
    JobKey m_current;
    QString m_currentStep;
    Language m_language = Language::English;
};

} // namespace JobDeck
