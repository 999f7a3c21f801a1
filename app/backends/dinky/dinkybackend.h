#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "backends/dinky/dinkyprotocol.h"
#include "net/httpclient.h"

#include <QHash>
#include <QPointer>
#include <QTimeZone>

namespace JobDeck {

// Dinky, the Flink SQL platform (seed 002, protocols.md section 2), 0.7 and 1.x. Jobs are
// saved tasks run through the OpenAPI (which needs no login: the server runs it as admin);
// the job list, the submit console log, the forced refresh and progress are UI API calls
// that need a login or a dinky-token.
//
// Job ids: Job::id is the job instance id (what getJobInstance takes and what users type);
// "task/N" names the latest instance of task N. ids.dinkyTaskId is what cancel, restart and
// savepoint take.
//
// FAILED: Dinky keeps watching a FAILED job for a minute after its end, because Flink may
// restart it (JobRefreshHandler); until then this adapter reports it as Retrying (raw status
// FAILED), after that as Failed. UNKNOWN (Dinky lost track of the job) is JobState::Unknown,
// never Failed; forceRefresh() asks the server to look again.
class DinkyBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DinkyBackend)

public:
    explicit DinkyBackend(ConnectionProfile profile, QObject *parent = nullptr);
    ~DinkyBackend() override;

    QString kind() const override { return QStringLiteral("dinky"); }
    Capabilities capabilities() const override;
    // Flink SQL: Dinky runs the tasks saved on it, so scripts here are written for Flink.
    QList<RunOffer> runOffers() const override
    {
        return {{QStringLiteral("flink"), QStringLiteral("flinksql")}};
    }
    int defaultPollIntervalMs() const override { return 3000; } // dinky-web's job detail page
    void setLanguage(Language language) override;

    Pending<bool> *connectToServer() override;
    Pending<bool> *disconnectFromServer() override;
    Pending<Job> *lookup(const QString &id) override;
    Pending<Job> *submit(const SubmitRequest &request) override;
    Pending<Job> *refresh(const Job &job) override;
    Pending<ProgressReport> *progress(const Job &job) override;
    Pending<LogPage> *log(const Job &job, const LogCursor &from, int maxLines) override;
    Pending<Job> *details(const Job &job) override;
    Pending<JobPage> *list(const ListQuery &query) override;
    Pending<QString> *kill(const Job &job) override;
    Pending<QList<ResultSetRef>> *resultSets(const Job &job) override;
    Pending<ResultPage> *resultPage(const ResultSetRef &resultSet, int page, int pageSize) override;

    JobActions availableActions(const Job &job) const override;
    Pending<QString> *cancel(const Job &job, const CancelOptions &options) override;
    Pending<Job> *restart(const Job &job, const QString &savepointPath) override;
    Pending<QString> *savepoint(const Job &job) override;
    Pending<Job> *forceRefresh(const Job &job) override;
    Pending<Job> *runTask(const TaskRunRequest &request) override;

    // What the user should know about this connection, in their language, once
    // connectToServer() has finished; empty when there is nothing to say. With a password it
    // warns that Dinky allows one session per user (is-concurrent: false): logging in here
    // pushes out the same user's browser session, and the other way round. The CLI prints it
    // to stderr, the GUI shows it.
    QString connectionNotice() const override { return m_notice; }

    // With a password: the session token of the login, kept between runs so that jobdeck-cli
    // does not log in (and push the user's browser out) on every run. A resumed token is
    // checked with /api/tokenInfo; a rejected one leads to one login.
    bool canResumeSession() const override { return canLogIn(); }
    QString sessionToken() const override { return m_loggedIn ? m_sessionToken : QString(); }
    void resumeSession(const QString &token) override;

    // The generation in use: pinned by profile.serverVersion, else detected once.
    Dinky::Generation generation() const { return m_generation; }
    int loginCount() const { return m_loginCount; }
    bool hasSession() const { return !m_token.isEmpty() || m_loggedIn; }

private:
    using EnvelopeCall = Pending<std::pair<Dinky::Envelope, HttpResponse>>;

    HttpRequest request(const QByteArray &method, const QString &path) const;
    static void setJson(HttpRequest &request, const QJsonObject &body);
    // Sends a request and reads its envelope (any code). An expired or replaced session
    // (HTTP 401, code 7) leads to one new login and one replay when there is a password; a
    // second refusal is an Authentication error.
    //
    // Background polls (`background`: the log, progress) do not log in again when another
    // login of the same user pushed this session out: with is-concurrent false, that would
    // push the user's browser session out in turn, every few seconds. They go without; the
    // next call the user asks for logs in again.
    EnvelopeCall *call(const HttpRequest &request, bool background = false);
    void send(const HttpRequest &request, EnvelopeCall *pending, bool isReplay, bool background);
    Pending<bool> *login();
    // Finishes `pending` once the resumed session is known good (or replaced by a new login).
    void checkResumedSession(Pending<bool> *pending);
    Pending<Dinky::Generation> *detectGeneration();
    bool canLogIn() const;
    // The calls of the UI API need a session; without credentials they cannot work.
    bool canUseUiApi() const;
    BackendError needsLogin(const QString &what) const;

    // Runs `then` with the job once its task id is known (asking the server if need be).
    template<typename T, typename Then>
    void withTaskId(const Job &job, Pending<T> *pending, Then then);
    Pending<Job> *fetchInstance(const QString &query, qint64 id);
    Job jobFromSubmit(const std::pair<Dinky::Envelope, HttpResponse> &answer, qint64 taskId);
    QDateTime serverNow(const Dinky::Envelope &envelope) const;

    ConnectionProfile m_profile;
    HttpClient *m_http;
    QTimeZone m_zone;
    Language m_language = Language::English;
    Dinky::Generation m_generation = Dinky::Generation::Unknown;
    QPointer<Pending<Dinky::Generation>> m_detecting;
    QPointer<Pending<bool>> m_loginInFlight;
    QString m_token; // a ready dinky-token (profile Auth::Token)
    bool m_loggedIn = false;
    QString m_sessionToken; // the session's token, from the login or resumeSession()
    bool m_resumed = false; // m_sessionToken came from resumeSession(), not yet checked
    bool m_closed = false;  // disconnected: no more logins until connectToServer()
    int m_loginCount = 0;
    QString m_notice;
    QHash<qint64, QString> m_jobManagers; // task id -> jobManagerAddress, for 0.7's cancel
    bool m_submitByGet = false;           // a 1.x server that only takes the seed's GET
};

} // namespace JobDeck
