#pragma once

#include "localserver/serverconfig.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace JobDeck::Local {

class JobManager;
class JobStore;
class LinkisApi;

// jobdeck-server as a whole: the job store, the job manager and the Linkis API on one
// listening socket, the runtime file that tells the console and the CLI how to connect, and
// the data folder's holder file that tells a second server which one serves the folder.
class LocalServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    explicit LocalServer(ServerConfig config, QObject *parent = nullptr);
    ~LocalServer() override;

    // Opens the store, fails jobs a previous run left behind, listens (127.0.0.1 unless told
    // otherwise) and writes the runtime file with a new token for the first user.
    bool start(const QHostAddress &address, quint16 port, const QString &runtimeFile, QString *error);
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    QString user() const;
    JobManager *jobs() const { return m_jobs.get(); }

private:
    ServerConfig m_config;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<LinkisApi> m_api;
    QTcpServer *m_tcp = nullptr;
    QUrl m_url;
    QString m_token;
    QString m_runtimeFile;
    bool m_holding = false; // this process wrote the data folder's holder file
};

} // namespace JobDeck::Local
