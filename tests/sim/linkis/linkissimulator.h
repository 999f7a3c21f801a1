#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace JobDeck::Sim {

// An in-process Apache Linkis gateway + entrance + job history + filesystem service, faithful
// to ../shared/protocols.md §1 (quirks included), for integration tests and benchmarks. It links
// no JobDeck library, so it checks the client against the protocol, not against itself.
//
// Paths live under /api/rest_j/v1/ (user/*, entrance/*, jobhistory/*, filesystem/*). Jobs are
// scripted by `--sim` directives in the submitted code (see scenario.h); their logs are computed
// from a formula on each request, so memory stays flat for hundreds of jobs.
//
// Everything runs on the thread that owns the simulator; options and fault switches may be
// changed at any time between requests.
class LinkisSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkisSimulator)

public:
    enum class KillMethod {
        GetOnly,  // every real 1.x and 0.11 server (@GET /{id}/kill, §1.8)
        PostOnly, // what the seed document claims
        Both,
    };

    // What `progressInfo` holds while a job runs (§1.6; linkis-web guards against both odd shapes).
    enum class ProgressInfoShape { Normal, EmptyArray, EmptyObject };

    // Protocol variants seen across Linkis versions and deployments.
    struct Options
    {
        bool httpStatusMapping = true; // §1.2; false: every envelope arrives as HTTP 200
        int lineBase = 1;              // §1.7: 0 = 1.0–1.5.x (0-based), 1 = ≥ 1.6 (1-based)
        bool taskIdAsString = false;   // the 0.x document's "taskID":"123" on submit
        bool progressAsString = false; // progress "0.35", and "1.0f" once killed
        ProgressInfoShape progressInfoShape = ProgressInfoShape::Normal;
        KillMethod killMethod = KillMethod::GetOnly;
        bool refuseLogWhenFinished = false; // terminal jobs: `log` refuses, use filesystem/openLog
        bool forgetFinishedJobs = false;    // terminal jobs leave entrance memory at once (§1.5)
        bool acceptSeedTokenHeaders = true; // seed 001's Validation-Code + Proxy-User pair
    };

    explicit LinkisSimulator(QObject *parent = nullptr);
    explicit LinkisSimulator(const Options &options, QObject *parent = nullptr);
    ~LinkisSimulator() override;

    // Listens on 127.0.0.1 (`port` 0: any free port).
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT, the gateway root (no /api/...)
    QString errorString() const;

    const Options &options() const;
    void setOptions(const Options &options);

    // Accounts and credentials. No user exists until added; an empty token disables token auth.
    void addUser(const QString &name, const QString &password);
    void setToken(const QString &token);

    // Session tickets (cookie `linkis_user_session_ticket_id_v1`). Token auth is never affected.
    void expireSessions();                  // every ticket becomes invalid now
    void expireSessionsEvery(int requests); // after every N session-authenticated requests; 0 = off
    int sessionCount() const;

    // Faults, applied to every endpoint. Requests are counted before any fault applies.
    void setDelayMs(int ms); // answer that much later, without blocking the event loop
    // Aborts the TCP connection of the next `count` requests, unanswered and without effect.
    // QNetworkAccessManager (6.8) resends any request once when that happens, so a client only
    // sees RemoteHostClosedError after two drops in a row.
    void dropNextRequests(int count);
    // The next `count` requests take effect (a submit starts its job), then their connection is
    // aborted before any answer: what a gateway restart or a proxy timeout does to a client.
    void dropAnswersOfNextRequests(int count);
    void setAnswerHtml(bool on);   // HTTP 200 text/html login page; the request has no effect
    void setAnswerEmpty(bool on);  // HTTP 200 with an empty body; the request has no effect
    void setTruncateJson(bool on); // the request takes effect, its envelope is cut in half

    // Jobs. The entrance forgets; job history keeps everything.
    bool forgetJob(const QString &execId);
    // Seeds `count` jobs that ended (or stand) in `status` before the simulator started, one
    // minute apart, known to job history only. `user` defaults to the first user added.
    // Returns their taskIDs, oldest first.
    QList<qint64> addHistoryJobs(int count, const QString &status, const QString &user = {});
    int jobCount() const;

    // The datasource service's Hive metastore (datasource/dbs, tables, columns): three
    // databases until replaced. `tables` maps a database to its tables; a table's columns
    // come last with partition keys marked.
    struct Column
    {
        QString name;
        QString type;
        QString comment;
        bool partitioned = false;
    };
    struct Table
    {
        QString name;
        bool view = false;
        QList<Column> columns;
    };
    void setMetastore(const QMap<QString, QList<Table>> &databases);

    // The bytes of result set `index` of task `taskId` as filesystem/resultsetToExcel
    // renders it with default options except `nullValue` (what a test compares an export with).
    QByteArray resultCsv(qint64 taskId, int index, const QString &nullValue) const;

    // Counters tests can assert on. Endpoint kinds: login, logout, userInfo, heartbeat,
    // publicKey, tokenLogin, execute, submit, status, progress, progressWithResource, log, kill,
    // historyList, historyGet, openLog, getDirFileTrees, openFile, resultsetToExcel, dbs,
    // tables, columns, unknown.
    int requestCount(const QString &endpoint) const;
    int loginCount() const;          // logins that created a session
    QStringList killMethods() const; // HTTP method of every kill request, in order ("GET", "POST")
    void resetCounters();

Q_SIGNALS:
    // Emitted as each request arrives, before any fault or delay applies.
    void requestReceived(const QString &endpoint);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace JobDeck::Sim
