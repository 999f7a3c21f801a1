#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace JobDeck::Sim {

// An in-process Apache Kylin REST server (job API only), faithful to ../shared/protocols.md §4
// and seed 003, for integration tests. It links no JobDeck library, so it checks the client
// against the protocol, not against itself.
//
// Flavours: 2.1.x (v1 + v2 job API, {code,data,msg} envelope for v2), 3.x-4.x (v1 only: bare
// bodies, row offsets, time filter codes shifted by CURRENT_DAY, 406 for the v2 media type) and
// 5.x (v2 compatibility for GET jobs, GET jobs/{id}, step output and PUT resume; v4 for
// authentication, PUT jobs/status, DELETE jobs and GET jobs/{id}/detail; durations in ms; step
// output cut to its first and last 100 lines).
//
// Jobs have three steps that advance on a schedule (PENDING, then each step RUNNING in turn,
// then FINISHED) computed from the clock on each request. Everything runs on the thread that
// owns the simulator; options may be changed between requests.
class KylinSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KylinSimulator)

public:
    enum class Flavour { V2_1, V3, V5 };

    struct Options
    {
        Flavour flavour = Flavour::V2_1;
        int pendingMs = 150; // how long a new job waits before its first step runs
        int stepMs = 250;    // how long each step runs
        int outputLines = 3; // lines of output per step
    };

    // A job to add. With an empty `status` it starts now and advances; with a status it stands
    // still in it, as history (FINISHED, ERROR, DISCARDED, STOPPED, RUNNING, PENDING).
    struct JobSpec
    {
        QString project = QStringLiteral("learn_kylin");
        QString cube = QStringLiteral("kylin_sales_cube");
        QString submitter = QStringLiteral("ADMIN");
        QString status;
        qint64 ageMs = 0;     // how long ago it was last modified (history jobs)
        int pendingMs = -1;   // -1: the options' value
        int stepMs = -1;      // -1: the options' value
        int outputLines = -1; // -1: the options' value
        int failAtStep = -1;  // this step ends in ERROR (the job too); a resume runs it again
    };

    explicit KylinSimulator(QObject *parent = nullptr);
    explicit KylinSimulator(const Options &options, QObject *parent = nullptr);
    ~KylinSimulator() override;

    // Listens on 127.0.0.1 (`port` 0: any free port).
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT (the client adds /kylin/api/...)
    QString errorString() const;

    const Options &options() const;
    void setOptions(const Options &options);

    void addUser(const QString &name, const QString &password);
    void expireSessions();

    // Returns the new job's uuid.
    QString addJob(const JobSpec &spec);
    QString addJob() { return addJob(JobSpec{}); }
    QString jobStatus(const QString &uuid); // "" when there is no such job
    QStringList stepStatuses(const QString &uuid);
    // What another user would do from the web console.
    bool discardJob(const QString &uuid);
    int jobCount() const;

    // Faults: every job request answers HTTP 500 with a Kylin ErrorResponse
    // {"code":"999","msg":...,"stacktrace":...}.
    void setServerError(bool on);
    static QString serverErrorMessage();

    // What clients sent. Request kinds: authentication, list, job, detail, output, resume,
    // cancel, pause, drop, status (5.x v4 PUT jobs/status), dropJobs (5.x v4 DELETE jobs),
    // query, tables, notAcceptable (406), unauthorized (401), unknown.
    int requestCount(const QString &kind) const;
    QStringList acceptLanguages() const; // of every request, in order ("" when none was sent)
    QList<QUrlQuery> listQueries() const;
    QByteArrayList acceptHeaders() const; // of every request, in order
    QByteArrayList v4Bodies() const;      // bodies of PUT jobs/status, in order
    QStringList basicUsers() const;       // users named by Authorization: Basic, in order
    void resetCounters();

Q_SIGNALS:
    void requestReceived(const QString &kind);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace JobDeck::Sim
