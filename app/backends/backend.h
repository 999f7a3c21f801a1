#pragma once

#include "async/pending.h"
#include "i18n/language.h"
#include "jobs/job.h"

#include <QDateTime>
#include <QIODevice>
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
    bool runTask = false;        // run a saved task by id (Dinky)
    bool restart = false;        // restart a stopped job (Dinky)
    bool savepoint = false;      // trigger a savepoint (Dinky)
    bool forceRefresh = false;   // ask the server to re-read a job's state (Dinky UNKNOWN)
    bool remove = false;         // delete a finished job from the server (Kylin drop, SQLFlow delete)
    bool schema = false;         // databases, tables and columns (databases(), tables(), columns())
    bool resultDownload = false; // the server renders a whole result set as a file (downloadResult())
    bool query = false;          // runs a statement and answers its rows at once, paged (query())
};

// What can be done to one job right now: the GUI enables its actions from this, the CLI
// explains a refusal with it. Kylin drops only FINISHED or DISCARDED jobs, for instance.
struct JobActions
{
    bool kill = false;
    bool pause = false;
    bool resume = false;
    bool drop = false;
    bool restart = false;
    bool savepoint = false;
    bool lineage = false;
    bool forceRefresh = false;
};

// How to stop a streaming job (Dinky cancel): keep its state in a savepoint first, and
// whether to force the stop when the savepoint cannot be taken.
struct CancelOptions
{
    bool withSavepoint = false;
    bool force = true;
};

// Run a task saved on the server (Dinky), by its id.
struct TaskRunRequest
{
    qint64 taskId = 0;
    QString savepointPath; // restore from this savepoint; empty = none
    QMap<QString, QString> variables;
};

enum class LineageFormat { Json, Csv, Graphml };

// SQLFlow lineage export.
struct LineageRequest
{
    LineageFormat format = LineageFormat::Json;
    bool tableToTable = false; // table-level relations only
    QChar csvDelimiter = u',';
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
    // SQLFlow: the SQL files (or zip archives) to analyse, sent as they are; `script` is
    // then unused. dbVendor overrides the profile's.
    QStringList files;
    QString dbVendor;
    // SQLFlow persistent jobs: incremental submits reuse the id the first one returned.
    bool persistent = false;
    bool incremental = false;
    QString persistJobId;
};

// One way of running a script that a backend offers: the engine (for Linkis its engineType
// label, with the version) and the run type the engine takes the script as. The editor's
// engine and run type choices come from these.
struct RunOffer
{
    QString engine;  // e.g. "spark-3.2.1", "hive-3.1.3", "sqlite", "flink"
    QString runType; // e.g. "sql", "scala", "py", "hql", "shell", "jdbc", "tsql", "flinksql"

    bool operator==(const RunOffer &) const = default;
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

// One page of a result set. A cell that is SQL NULL is a null QString (isNull()); an empty
// string is an empty, non-null one: the adapter tells them apart as its protocol allows.
struct ResultPage
{
    QStringList columns;
    QStringList columnTypes; // the server's type names, as many as columns (empty when it gives none)
    QList<QStringList> rows;
    qint64 totalRows = -1;
    int page = 1;
    bool hasMore = false;
    QString notice; // a server message about the data (display limits), in the user's language
};

// How the server renders a whole result set as a file (Linkis filesystem/resultsetToExcel).
struct ResultDownloadOptions
{
    QString format = QStringLiteral("csv"); // "csv" or "xlsx"
    QChar separator = u',';
    QString charset = QStringLiteral("utf-8");
    QString nullText = QStringLiteral("NULL"); // what a NULL cell becomes
};

// The schema a connection's SQL is written against (Linkis datasource/*, Kylin tables).
struct SchemaTable
{
    enum class Kind { Table, View, Model, Cube };
    QString database;
    QString name;
    Kind kind = Kind::Table;
    QString comment;
};

struct SchemaColumn
{
    QString name;
    QString type;
    QString comment;
    bool partitionKey = false;
};

// A statement run at once for its rows (Kylin's query API): a page of `limit` rows from
// `offset`.
struct QueryRequest
{
    QString sql;
    QString project; // empty: the profile's
    qint64 offset = 0;
    int limit = 500;
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
    // The engines and run types a script can be written for, in the order users pick them
    // (the first is the default); empty when the backend runs no scripts of the user's.
    virtual QList<RunOffer> runOffers() const { return {}; }
    // How often the real web console polls this backend; the monitor starts from it.
    virtual int defaultPollIntervalMs() const = 0;
    // The fastest the monitor may poll one job (SQLFlow asks for no faster than 2 s).
    virtual int minimumPollIntervalMs() const { return 0; }
    // The language of JobDeck's messages and of what is sent to the server.
    virtual void setLanguage(Language language) = 0;

    // Checks the address and the credentials (logging in where the backend has sessions).
    virtual Pending<bool> *connectToServer() = 0;
    virtual Pending<bool> *disconnectFromServer() = 0;
    // Something the user should know once connected, in their language (Dinky: logging in
    // here logs the same user out of the web console). Empty when there is nothing to say.
    virtual QString connectionNotice() const { return {}; }

    // A login session that outlives this object, for servers that keep one session per user
    // (Dinky: each new login pushes the user's other sessions out, a browser's too). When
    // canResumeSession(), sessionToken() is the token of the session this connection holds
    // (empty when it holds none), and resumeSession(), called before connectToServer(),
    // starts from a token kept from an earlier connection: connectToServer() checks it and
    // logs in only when the server rejects it. The token is a secret: keep it in the keychain.
    virtual bool canResumeSession() const { return false; }
    virtual QString sessionToken() const { return {}; }
    virtual void resumeSession(const QString &token) { Q_UNUSED(token) }

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

    // What the job's current state allows; the default follows the capabilities.
    virtual JobActions availableActions(const Job &job) const;

    // Job actions (Kylin: PUT pause/resume; Dinky: restart, savepoint). They answer with
    // the job as the server now sees it.
    virtual Pending<Job> *pause(const Job &) { return unsupported<Job>(tr("Pausing a job")); }
    virtual Pending<Job> *resume(const Job &) { return unsupported<Job>(tr("Resuming a job")); }
    // Removes a finished job from the server's records (Kylin drop, SQLFlow delete).
    // Returns the server's confirmation message.
    virtual Pending<QString> *drop(const Job &) { return unsupported<QString>(tr("Dropping a job")); }
    // kill() with explicit savepoint/force choices, for backends that have them.
    virtual Pending<QString> *cancel(const Job &job, const CancelOptions &options);
    virtual Pending<Job> *restart(const Job &, const QString &)
    {
        return unsupported<Job>(tr("Restarting a job"));
    }
    // Returns where the savepoint was written, or the server's message.
    virtual Pending<QString> *savepoint(const Job &)
    {
        return unsupported<QString>(tr("Taking a savepoint"));
    }
    // Asks the server to re-read the job's state at its source (Dinky's forced refresh).
    virtual Pending<Job> *forceRefresh(const Job &job) { return refresh(job); }

    // The whole output of one step (Kylin; 5.x gives its first and last 100 lines).
    virtual Pending<QString> *stepOutput(const Job &, const QString &)
    {
        return unsupported<QString>(tr("Reading a step's output"));
    }

    // Runs a task saved on the server (Dinky) and returns the job it started.
    virtual Pending<Job> *runTask(const TaskRunRequest &)
    {
        return unsupported<Job>(tr("Running a saved task"));
    }

    // Streams the job's lineage into `sink` (open for writing, owned by the caller, kept
    // alive until the call finishes); returns the number of bytes written. Nothing but the
    // artefact's bytes ever reaches the sink: an error answer is reported, not written.
    virtual Pending<qint64> *exportLineage(const Job &, const LineageRequest &, QIODevice *)
    {
        return unsupported<qint64>(tr("Exporting lineage"));
    }

    // The schema, one level at a time (capabilities().schema).
    virtual Pending<QStringList> *databases() { return unsupported<QStringList>(tr("Listing databases")); }
    virtual Pending<QList<SchemaTable>> *tables(const QString &)
    {
        return unsupported<QList<SchemaTable>>(tr("Listing tables"));
    }
    virtual Pending<QList<SchemaColumn>> *columns(const QString &, const QString &)
    {
        return unsupported<QList<SchemaColumn>>(tr("Listing columns"));
    }

    // The statement that, run as a job on this server, answers the DDL of `database`.`table`
    // in its rows; empty when the server has no way to tell it.
    virtual QString ddlStatement(const QString &database, const QString &table) const
    {
        Q_UNUSED(database);
        Q_UNUSED(table);
        return {};
    }

    // Streams the server's own rendering of a whole result set into `sink` (open for
    // writing, kept alive until the call finishes); returns the bytes written. An error
    // answer is reported, never written (capabilities().resultDownload).
    virtual Pending<qint64> *downloadResult(const ResultSetRef &, const ResultDownloadOptions &, QIODevice *)
    {
        return unsupported<qint64>(tr("Downloading a result set"));
    }

    // Runs `request.sql` and answers one page of its rows (capabilities().query). Each page
    // is a call of its own; totalRows is -1 when the server does not count them.
    virtual Pending<ResultPage> *query(const QueryRequest &)
    {
        return unsupported<ResultPage>(tr("Running a query"));
    }

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
