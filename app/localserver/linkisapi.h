#pragma once

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace JobDeck::Local {

class JobManager;
class JobStore;
struct JobRecord;
struct ServerConfig;

// The Apache Linkis REST protocol (seeds 000 and 001, ../shared/protocols.md section 1) over
// jobdeck-server's jobs: login and tokens, entrance (submit, status, log, progress, kill), job
// history and the file-system calls for logs and result sets. Every answer is the
// {method, status, message, data} envelope with Linkis's HTTP status codes.
class LinkisApi final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkisApi)

public:
    LinkisApi(JobManager *jobs, JobStore *store, const ServerConfig &config, QObject *parent = nullptr);
    ~LinkisApi() override;

    // A token for `user` (Token-Code + Token-User), as written to the runtime file.
    void addToken(const QString &user, const QString &token);

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    struct Answer
    {
        int status = 0; // Linkis status: -1, 0, 1, 2, 3, 4
        QString message;
        QJsonObject data;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Session
    {
        QString user;
        qint64 lastUsedMs = 0;
    };

    Answer route(const QHttpServerRequest &request, const QString &path);
    QString authenticate(const QHttpServerRequest &request) const;
    Answer login(const QHttpServerRequest &request);
    Answer logout(const QHttpServerRequest &request);
    Answer submit(const QHttpServerRequest &request, const QString &user);
    Answer entrance(const QHttpServerRequest &request,
                    const QString &user,
                    const QString &execId,
                    const QString &verb);
    Answer history(const QHttpServerRequest &request, const QString &user, const QString &rest);
    Answer fileSystem(const QHttpServerRequest &request, const QString &user, const QString &verb);
    Answer dataSource(const QHttpServerRequest &request, const QString &user, const QString &verb);
    // filesystem/resultsetToExcel: the whole result set as a CSV file, or nothing (and
    // `answer` says why).
    std::optional<QByteArray> resultDownload(const QHttpServerRequest &request,
                                             const QString &user,
                                             Answer *answer);
    // The result file a filesystem path of `user`'s names, or empty (and a refusal in `answer`).
    QString resultFile(const QString &path, const QString &user, Answer *answer) const;
    QJsonObject taskObject(const JobRecord &job) const;
    QString sessionTicket(const QHttpServerRequest &request) const;

    JobManager *m_jobs;
    JobStore *m_store;
    const ServerConfig &m_config;
    QHash<QString, QString> m_tokens; // token -> user
    mutable QHash<QByteArray, Session> m_sessions;
};

} // namespace JobDeck::Local
