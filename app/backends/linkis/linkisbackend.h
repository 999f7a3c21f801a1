#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "backends/linkis/linkisprotocol.h"
#include "net/httpclient.h"

#include <QList>
#include <QPointer>

namespace JobDeck {

// Apache Linkis through its gateway (seeds 000 and 001, protocols.md section 1), and
// jobdeck-server, which speaks the same protocol.
class LinkisBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkisBackend)

public:
    explicit LinkisBackend(ConnectionProfile profile, QObject *parent = nullptr);
    ~LinkisBackend() override;

    QString kind() const override { return m_profile.kind; }
    Capabilities capabilities() const override;
    QList<RunOffer> runOffers() const override;
    int defaultPollIntervalMs() const override { return 5000; } // linkis-web and DSS
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
    // datasource/dbs, datasource/tables?database=, datasource/columns?database=&table=
    // (partition keys last, marked).
    Pending<QStringList> *databases() override;
    Pending<QList<SchemaTable>> *tables(const QString &database) override;
    Pending<QList<SchemaColumn>> *columns(const QString &database, const QString &table) override;
    // Hive and Spark: SHOW CREATE TABLE; jobdeck-server (SQLite): the table's CREATE
    // statement from the database's sqlite_master.
    QString ddlStatement(const QString &database, const QString &table) const override;
    // filesystem/resultsetToExcel, streamed into the sink.
    Pending<qint64> *downloadResult(const ResultSetRef &resultSet,
                                    const ResultDownloadOptions &options,
                                    QIODevice *sink) override;

    // The fromLine convention this connection found: 0, 1, or -1 while unknown.
    int logLineBase() const { return m_lineBase; }
    int loginCount() const { return m_loginCount; }

private:
    using EnvelopeCall = Pending<std::pair<Linkis::Envelope, HttpResponse>>;

    HttpRequest request(const QByteArray &method, const QString &path) const;
    // Sends a request and reads its envelope. Session expiry (status -1 or HTTP 401) leads
    // to one new login and one replay; a second refusal is an Authentication error.
    EnvelopeCall *call(const HttpRequest &request);
    void send(const HttpRequest &request, EnvelopeCall *call, bool isReplay);
    Pending<bool> *login();
    // Non-zero status: the error it stands for.
    BackendError errorOf(const Linkis::Envelope &envelope, const HttpResponse &response) const;

    Pending<Linkis::LogChunk> *fetchLogChunk(const Job &job, qint64 fromLine, int size);
    static LogPage logPage(LogCursor cursor, qint64 fromLine, int size, const Linkis::LogChunk &chunk);
    void readLog(const Job &job, LogCursor cursor, int size, Pending<LogPage> *pending);
    void readArchivedLog(const Job &job,
                         LogCursor cursor,
                         Pending<LogPage> *pending,
                         const BackendError &liveError);
    // The job-history record (QueryTaskVO) of a task.
    Pending<QJsonObject> *historyTask(qint64 taskId);
    Pending<Job> *historyJob(qint64 taskId);

    ConnectionProfile m_profile;
    HttpClient *m_http;
    Language m_language = Language::English;
    QPointer<Pending<bool>> m_loginInFlight;
    int m_loginCount = 0;
    int m_lineBase = -1;
    QByteArray m_killMethod = "GET"; // real gateways take GET; the seed documents POST
};

} // namespace JobDeck
