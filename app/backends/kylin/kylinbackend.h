#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "backends/kylin/kylinprotocol.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QPointer>

namespace JobDeck {

// Apache Kylin's job API (seed 003, protocols.md section 4): the v2 API of 2.1.x, the v1 API
// of 3.x-4.x and the v2-compatibility + v4 mix of 5.x, told apart once per connection. Kylin
// builds cubes in jobs of steps; JobDeck submits nothing to it but follows, pauses, resumes,
// discards and drops its jobs, and reads the steps' output as the job's log.
class KylinBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KylinBackend)

public:
    explicit KylinBackend(ConnectionProfile profile, QObject *parent = nullptr);
    ~KylinBackend() override;

    QString kind() const override { return QStringLiteral("kylin"); }
    Capabilities capabilities() const override;
    int defaultPollIntervalMs() const override { return 5000; } // kystudio's chained 5 s
    void setLanguage(Language language) override;

    Pending<bool> *connectToServer() override;
    Pending<bool> *disconnectFromServer() override;
    Pending<Job> *lookup(const QString &id) override;
    Pending<Job> *submit(const SubmitRequest &request) override;
    Pending<Job> *refresh(const Job &job) override;
    Pending<ProgressReport> *progress(const Job &job) override;
    // The steps' output, in step order, each step once it has ended: a header line
    // "== <n>. <name> (<status>) ==" and its output lines. The cursor's position is the index
    // of the next step to deliver.
    Pending<LogPage> *log(const Job &job, const LogCursor &from, int maxLines) override;
    Pending<Job> *details(const Job &job) override;
    Pending<JobPage> *list(const ListQuery &query) override;
    // Discards the job.
    Pending<QString> *kill(const Job &job) override;
    Pending<QList<ResultSetRef>> *resultSets(const Job &job) override;
    Pending<ResultPage> *resultPage(const ResultSetRef &resultSet, int page, int pageSize) override;

    JobActions availableActions(const Job &job) const override;
    Pending<Job> *pause(const Job &job) override;
    Pending<Job> *resume(const Job &job) override;
    Pending<QString> *drop(const Job &job) override;
    // `step` is a step id or a sequence number ("2": the step with sequence_id 2).
    Pending<QString> *stepOutput(const Job &job, const QString &step) override;

    // POST query {sql, project, offset, limit}: one page of rows, column types from
    // columnMetas; a failed statement is Refused with Kylin's message (5.0 writes it in the
    // Accept-Language asked for).
    Pending<ResultPage> *query(const QueryRequest &request) override;
    // The project's tables (GET tables?project=): their databases, the tables of one, and
    // the columns the table description lists.
    Pending<QStringList> *databases() override;
    Pending<QList<SchemaTable>> *tables(const QString &database) override;
    Pending<QList<SchemaColumn>> *columns(const QString &database, const QString &table) override;

    // The API generation this connection uses (Unknown until detected).
    Kylin::Generation generation() const { return m_generation; }
    int loginCount() const { return m_loginCount; }

private:
    enum class Api { V1, V2, V4 };

    HttpRequest request(const QByteArray &method, const QString &path, Api api) const;
    // The API that reads and writes jobs for this generation (v2, or v1).
    Api jobApi() const;
    // Sends a request; a 401 leads to one new authentication and one replay.
    Pending<HttpResponse> *call(const HttpRequest &request);
    void send(const HttpRequest &request, Pending<HttpResponse> *pending, bool isReplay);
    Pending<Kylin::Authentication> *authenticate();
    // Detects the generation once per connection (profile.serverVersion pins it).
    Pending<Kylin::Generation> *ensureGeneration();
    // Runs `start(pending)` once the generation is known.
    template<typename T, typename Start>
    Pending<T> *afterDetection(Start start);

    Pending<Job> *fetchJob(const QString &uuid, const QString &shownId = {});
    // The job with its steps (fetched when `job` has none).
    Pending<Job> *withSteps(const Job &job);
    // The project a 5.x call needs: the job's, the profile's, or the one the server tells.
    Pending<QString> *projectOf(const Job &job);
    Pending<QString> *fetchStepOutput(const Job &job, const QString &stepId);
    void deliverSteps(Job job, LogPage page, int maxLines, Pending<LogPage> *pending);
    // PUT jobs/{id}/<action> (v1, v2) or PUT jobs/status (5.x v4).
    Pending<Job> *jobAction(const Job &job, const QString &v2Action, const QString &v4Action);
    static QString uuidOf(const Job &job);
    // The table descriptions of the profile's project, read once per connection.
    Pending<QJsonArray> *projectTables();
    // The project's models (and cubes, before 5.x), read once per listing of databases; a
    // server without the models API (404) has none.
    Pending<QList<Kylin::ProjectModel>> *projectModels();
    // The tables of `database` from the project's table descriptions.
    static QList<SchemaTable> tablesIn(const QJsonArray &tables, const QString &database);

    ConnectionProfile m_profile;
    HttpClient *m_http;
    Language m_language = Language::English;
    Kylin::Generation m_generation = Kylin::Generation::Unknown;
    QPointer<Pending<Kylin::Generation>> m_detecting;
    QPointer<Pending<Kylin::Authentication>> m_authenticating;
    int m_loginCount = 0;
    QJsonArray m_tables;
    bool m_tablesRead = false;
    QList<Kylin::ProjectModel> m_models;
    bool m_modelsRead = false;
};

// Runs `start` once the server's generation is known (detected once, shared).
template<typename T, typename Start>
Pending<T> *KylinBackend::afterDetection(Start start)
{
    auto *pending = new Pending<T>(this);
    // Not cancelled with the call: the detection may be shared with others.
    onFinished(ensureGeneration(),
               pending,
               [pending, start = std::move(start)](const Result<Kylin::Generation> &found) {
                   if (!found)
                       pending->finish(std::unexpected(found.error()));
                   else
                       start(pending);
               });
    return pending;
}

} // namespace JobDeck
