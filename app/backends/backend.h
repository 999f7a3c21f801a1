#pragma once

#include "backends/pending.h"
#include "i18n/language.h"
#include "jobs/job.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace JobDeck {

// What a backend can do, so the GUI and the CLI ask instead of switching on its kind.
struct Capabilities
{
    bool submit = false;
    bool kill = false;
    bool pause = false;
    bool resume = false;
    bool drop = false;
    bool steps = false;
    bool log = false;
    bool progress = false;
    bool results = false;
    bool lineage = false;
    bool history = false;
    bool runTask = false; // run a saved task by id (Dinky)
};

struct SubmitRequest
{
    QString script;
    QString engine;  // Linkis engineType label, e.g. "spark-3.2.1", "hive", "shell"
    QString runType; // e.g. "sql", "hql", "py", "shell"
    QMap<QString, QString> variables;
    QVariantMap startupConfiguration;
    QVariantMap runtimeConfiguration;
    QString name;
    QString scriptPath; // where the script came from, for the server's records
};

struct ListQuery
{
    QStringList rawStatuses; // backend words; empty = all
    QList<JobState> states;  // normalised states; empty = all
    int page = 1;            // 1-based
    int pageSize = 20;
    QDateTime since; // UTC; invalid = no lower bound
    QDateTime until; // UTC; invalid = now
    QString engine;
};

struct JobPage
{
    QList<Job> jobs;
    qint64 totalRows = -1; // -1 when the server does not say
    int page = 1;
    int pageSize = 20;
};

// Where the next log page starts. Opaque to the monitor: each adapter keeps its own
// positions in it. `delivered` counts the lines handed out so far, whatever the source.
struct LogCursor
{
    qint64 position = 0;  // the backend's own position (Linkis: 0-based index of the next line)
    qint64 delivered = 0; // lines delivered so far
    int lineBase = -1;    // Linkis fromLine convention: 0, 1, or -1 while unknown
    bool fromArchive = false;

    bool operator==(const LogCursor &) const = default;
};

struct LogPage
{
    QStringList lines;
    LogCursor next;
    bool more = false;     // the server has more right now: ask again without waiting
    bool complete = false; // the log is whole (read from the archive of a finished job)
};

struct ProgressReport
{
    double progress = -1; // 0..1, negative when the server has no figure yet
    QList<SubJobProgress> subJobs;
};

struct ResultSetRef
{
    QString name;
    QString path;
};

struct ResultPage
{
    QStringList columns;
    QList<QStringList> rows;
    qint64 totalRows = -1;
    int page = 1;
    bool hasMore = false;
    QString notice; // a server message about the data (display limits), in the user's language
};

// One connection to one job service. Each adapter implements this; the monitor, the GUI and
// the CLI use nothing else. Calls are asynchronous and may be made concurrently.
class Backend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backend)

public:
    using QObject::QObject;

    virtual QString kind() const = 0;
    virtual Capabilities capabilities() const = 0;
    // How often the real web console polls this backend; the monitor starts from it.
    virtual int defaultPollIntervalMs() const = 0;
    // The language of JobDeck's messages and of what is sent to the server.
    virtual void setLanguage(Language language) = 0;

    // Checks the address and the credentials (logging in where the backend has sessions).
    virtual Pending<bool> *connectToServer() = 0;
    virtual Pending<bool> *disconnectFromServer() = 0;

    // A job from the id a user typed (as printed by submit or list).
    virtual Pending<Job> *lookup(const QString &id) = 0;
    virtual Pending<Job> *submit(const SubmitRequest &request) = 0;
    // The job's current state (and whatever else the status call tells).
    virtual Pending<Job> *refresh(const Job &job) = 0;
    virtual Pending<ProgressReport> *progress(const Job &job) = 0;
    virtual Pending<LogPage> *log(const Job &job, const LogCursor &from, int maxLines) = 0;
    virtual Pending<Job> *details(const Job &job) = 0;
    virtual Pending<JobPage> *list(const ListQuery &query) = 0;
    // Returns the server's confirmation message.
    virtual Pending<QString> *kill(const Job &job) = 0;
    virtual Pending<QList<ResultSetRef>> *resultSets(const Job &job) = 0;
    virtual Pending<ResultPage> *resultPage(const ResultSetRef &resultSet, int page, int pageSize) = 0;

protected:
    // For capabilities a backend lacks.
    template<typename T>
    Pending<T> *unsupported(const QString &what)
    {
        auto *call = new Pending<T>(this);
        call->finish(failure(BackendError::Kind::Unsupported,
                             tr("%1 is not something a %2 server can do").arg(what, kind())));
        return call;
    }
};

} // namespace JobDeck
