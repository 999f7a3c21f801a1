#include "common/simserver.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

namespace JobDeck::Sim {

FrontEnd::FrontEnd(RequestHandler handler)
    : m_handler(std::move(handler))
{}

bool FrontEnd::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    m_handler(request, responder);
    return true;
}

void FrontEnd::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

void TrackingTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_sockets.size() > 256)
        m_sockets.removeIf([](const auto &entry) { return entry.value().isNull(); });
    m_sockets.insert(socket->peerPort(), socket);
    addPendingConnection(socket);
}

bool listenOnLoopback(QAbstractHttpServer *frontEnd, QTcpServer *server, quint16 port, QString *error)
{
    if (!server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = server->errorString();
        delete server;
        return false;
    }
    if (!frontEnd->bind(server)) {
        if (error)
            *error = QStringLiteral("QAbstractHttpServer::bind failed");
        delete server;
        return false;
    }
    return true;
}

QUrl loopbackUrl(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

} // namespace JobDeck::Sim
