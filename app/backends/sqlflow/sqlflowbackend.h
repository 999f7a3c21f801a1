#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "backends/sqlflow/sqlflowprotocol.h"
#include "net/httpclient.h"

#include <QPointer>
#include <QTimeZone>

namespace JobDeck {

// Gudu SQLFlow's job API (seed 004, protocols.md section 3): SQL files in, data lineage out.
// Cloud (api.gudusoft.com): profile.user is the user id and profile.secret either the secret
// key, exchanged for a 24 h token through generateToken (and again once when a call finds it
// expired), or a ready token (a JWT, "eyJ…"). On-premise: an empty secret, user id
// gudu|0123456789 unless given, no token.
//
// States: create = Queued, success and partial_success = Succeeded (the raw word stays, and
// errorMessage says "Partial success"), fail = Failed, delete = Cancelled (the job was
// deleted), any other word = Running. There is no log, progress or kill. Zone-less times are
// read in profile.serverTimeZone, UTC when empty (the documented samples' createTime agrees
// with the epoch in their sessionId as UTC).
class SqlflowBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlflowBackend)

public:
    // The largest upload: every file of one submit together.
    static constexpr qint64 MaxUploadBytes = 200LL * 1024 * 1024;

    explicit SqlflowBackend(ConnectionProfile profile, QObject *parent = nullptr);
    ~SqlflowBackend() override;

    QString kind() const override { return QStringLiteral("sqlflow"); }
    Capabilities capabilities() const override;
    // The official clients poll every 2 s (or busy-loop); never faster than that.
    int defaultPollIntervalMs() const override { return 2000; }
    int minimumPollIntervalMs() const override { return 2000; }
    void setLanguage(Language language) override;
    JobActions availableActions(const Job &job) const override;

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
    Pending<QString> *drop(const Job &job) override;
    Pending<qint64> *exportLineage(const Job &job, const LineageRequest &request, QIODevice *sink) override;

    bool isOnPremise() const { return m_onPremise; }
    QString userId() const { return m_userId; }
    // Tokens obtained from generateToken on this connection.
    int tokenCount() const { return m_tokenCount; }
    // The CSV export endpoint this connection found working (exportFullLineageAsCsv, or
    // exportLineageAsCsv on servers that only have the samples' name).
    QString csvEndpoint() const { return m_csvEndpoint; }

private:
    // One call's form, rebuilt at every send so a replay carries the new token.
    struct Form
    {
        QString endpoint; // under /gspLive_backend/, e.g. "sqlflow/job/submitUserJob"
        QList<std::pair<QString, QString>> fields;
        QList<Sqlflow::FormPart> files;
        bool download = false; // an artefact, not JSON
    };

    HttpRequest request(const Form &form) const;
    // Sends the form once the token is known. An answer that refuses the token leads to one
    // new token and one replay; a second refusal is the Authentication error.
    Pending<HttpResponse> *call(const Form &form);
    Pending<HttpResponse> *download(const Form &form, QIODevice *sink, bool emptyIsValid);
    void send(
        const Form &form, Pending<HttpResponse> *pending, bool isReplay, QIODevice *sink, bool emptyIsValid);
    bool canRenewToken() const;
    // The token to send: generated once per connection (and again when it expires).
    Pending<bool> *ensureToken(bool renew);
    Pending<Job> *jobCall(const QString &jobId);
    void exportKnown(const Job &job,
                     const LineageRequest &request,
                     QIODevice *sink,
                     Pending<qint64> *pending);

    ConnectionProfile m_profile;
    HttpClient *m_http;
    QTimeZone m_zone;
    QString m_userId;
    QString m_token;
    bool m_onPremise = false;
    bool m_fixedToken = false; // the profile held a token, not a secret key
    QPointer<Pending<bool>> m_tokenInFlight;
    int m_tokenCount = 0;
    QString m_csvEndpoint = QStringLiteral("exportFullLineageAsCsv");
};

} // namespace JobDeck
