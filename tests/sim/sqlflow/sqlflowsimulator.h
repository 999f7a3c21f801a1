#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace JobDeck::Sim {

// An in-process Gudu SQLFlow server (job API, token API), faithful to ../shared/protocols.md §3
// and seed 004, for integration tests. It links no JobDeck library, so it checks the client
// against the protocol, not against itself.
//
// Every call is a POST under /gspLive_backend/ with form fields (multipart, or urlencoded for
// generateToken). Jobs go create -> (a running word, "parsing") -> success | partial_success |
// fail over scripted times. A job's script comes from a directive line in any of its
// uploaded SQL files, e.g.
//     -- sqlflow-sim: create=500 run=2000 word=parsing outcome=fail error=Syntax error at line 3
// (times in ms; `error` takes the rest of the line), else from Options. Lineage exports are
// deterministic artefacts of Options::artefactBytes, sent chunked over several writes.
class SqlflowSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlflowSimulator)

public:
    // displayUserJobSummary's answer: the job itself (tutorial) or the aggregate of all the
    // user's jobs (API reference).
    enum class SummaryShape { Single, Aggregate };
    // Which CSV export names exist: the docs' exportFullLineageAsCsv, the samples'
    // exportLineageAsCsv, or both.
    enum class CsvEndpoints { Full, Short, Both };

    struct Options
    {
        bool cloud = true; // false: on-premise, userId gudu|0123456789, the token is not checked
        SummaryShape summaryShape = SummaryShape::Single;
        CsvEndpoints csvEndpoints = CsvEndpoints::Full;
        qint64 tokenTtlMs = 24LL * 3600 * 1000; // 0: tokens are refused as soon as issued
        bool errorsWithHttpStatus = false;      // refusals also carry HTTP 400/401/404
        int zoneOffsetSeconds = 0;              // the zone createTime is written in
        qint64 artefactBytes = 5 * 1024 * 1024; // lineage exports are at least this large
        int chunkBytes = 64 * 1024;             // written one chunk per event-loop turn
        // Scripts of jobs without a directive.
        int createMs = 500;
        int runMs = 2000;
        QString runningWord = QStringLiteral("parsing");
        QString outcome = QStringLiteral("success");
        // A faulty server: an incremental submit answers a new job id.
        bool otherIdOnIncremental = false;
        // When set, exportLineageAsJson answers this document (a real lineage in SQLFlow's
        // format) instead of the generated artefact.
        QByteArray lineageJson;
    };

    struct ReceivedFile
    {
        QString jobId;
        QString endpoint;
        QString fileName;
        QByteArray contentType;
        QByteArray content;
    };

    struct RequestRecord
    {
        QString endpoint; // last path segment: "generateToken", "submitUserJob", ...
        qint64 atMs = 0;  // on the simulator's monotonic clock
        QMap<QString, QString> fields;
        QByteArray contentType;
        QByteArray accept;
    };

    explicit SqlflowSimulator(QObject *parent = nullptr);
    explicit SqlflowSimulator(const Options &options, QObject *parent = nullptr);
    ~SqlflowSimulator() override;

    bool listen(quint16 port = 0); // on 127.0.0.1; 0 = any free port
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT (the client adds /gspLive_backend/...)

    const Options &options() const;
    void setOptions(const Options &options);

    // Cloud accounts.
    void addUser(const QString &userId, const QString &secretKey);
    // Every token issued so far is refused from now on (as after 24 h).
    void expireTokens();
    int tokensIssued() const;

    // The next lineage export answers this instead of the artefact.
    void failNextExport(int httpStatus, const QByteArray &contentType, const QByteArray &body);
    // Adds a finished job as if submitted `ageSeconds` ago (for listing).
    QString addJob(const QString &userId, const QString &name, const QString &status, int ageSeconds);

    // What arrived.
    QList<ReceivedFile> receivedFiles(const QString &jobId = {}) const;
    QList<RequestRecord> requests(const QString &endpoint = {}) const;
    int requestCount(const QString &endpoint) const;
    int jobCount() const;
    QString jobStatus(const QString &jobId) const;

    // The artefact an export of `jobId` serves: format "json", "csv" or "graphml".
    QByteArray artefact(const QString &jobId,
                        const QString &format,
                        bool tableToTable,
                        QChar delimiter) const;

Q_SIGNALS:
    void requestReceived(const QString &endpoint);
    // One chunk of a lineage export was written; `sent` of `total` bytes so far.
    void artefactChunkSent(qint64 sent, qint64 total);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace JobDeck::Sim
