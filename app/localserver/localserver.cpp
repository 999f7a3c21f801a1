#include "localserver/localserver.h"

#include "backends/local/localserverfile.h"
#include "localserver/jobmanager.h"
#include "localserver/jobstore.h"
#include "localserver/linkisapi.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>

namespace JobDeck::Local {

namespace {
// Answers go out at once: with Nagle's algorithm on, a body that follows its headers in a
// second segment waits for the client's delayed ACK, about 40 ms per log page.
class LowDelayTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};
} // namespace

LocalServer::LocalServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

LocalServer::~LocalServer()
{
    // Jobs end first (marked so in the store), then the API and the store.
    m_api.reset();
    m_jobs.reset();
    m_store.reset();
    // The runtime file names this process; a stale one would send clients to nobody.
    if (!m_runtimeFile.isEmpty()) {
        const auto info = LocalServerInfo::read(m_runtimeFile);
        if (info && info->pid == QCoreApplication::applicationPid())
            QFile::remove(m_runtimeFile);
    }
    if (m_holding)
        LocalServerHolder::remove(m_config.dataDir, QCoreApplication::applicationPid());
}

QString LocalServer::user() const
{
    return m_config.users.isEmpty() ? QString() : m_config.users.firstKey();
}

bool LocalServer::start(const QHostAddress &address, quint16 port, const QString &runtimeFile, QString *error)
{
    m_store = std::make_unique<JobStore>();
    if (!m_store->open(m_config.dataDir + u"/server.db", error))
        return false;
    m_jobs = std::make_unique<JobManager>(m_config, m_store.get());
    m_jobs->recoverAfterRestart();

    m_api = std::make_unique<LinkisApi>(m_jobs.get(), m_store.get(), m_config);
    m_tcp = new LowDelayTcpServer(m_api.get());
    if (!m_tcp->listen(address, port)) {
        *error = QCoreApplication::translate("jobdeck-server", "cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_tcp->errorString());
        return false;
    }
    if (!m_api->bind(m_tcp)) {
        *error = QCoreApplication::translate("jobdeck-server", "cannot serve HTTP on the socket");
        return false;
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    m_url = QUrl(QStringLiteral("http://%1:%2").arg(host).arg(m_tcp->serverPort()));
    m_jobs->setInstance(QStringLiteral("%1:%2").arg(address.toString()).arg(m_tcp->serverPort()));

    // A fresh token each start, for the first user, handed over in the runtime file only.
    m_token = randomSecret(32);
    m_api->addToken(user(), m_token);
    m_runtimeFile = runtimeFile;
    if (!runtimeFile.isEmpty()) {
        LocalServerInfo info;
        info.url = m_url;
        info.user = user();
        info.token = m_token;
        info.pid = QCoreApplication::applicationPid();
        if (const QString written = info.write(runtimeFile); !written.isEmpty()) {
            *error = written;
            return false;
        }
    }
    // Says who serves the data folder, for a second server started on it (its lock says only
    // that one does).
    LocalServerHolder holder;
    holder.pid = QCoreApplication::applicationPid();
    holder.url = m_url;
    holder.runtimeFile = runtimeFile.isEmpty() ? QString() : QFileInfo(runtimeFile).absoluteFilePath();
    if (const QString written = holder.write(m_config.dataDir); !written.isEmpty()) {
        *error = written;
        return false;
    }
    m_holding = true;
    return true;
}

} // namespace JobDeck::Local
