#pragma once

// What every protocol simulator needs around its own protocol: an HTTP front end that hands
// each request to one function, a TCP server that can find (and abort) a request's
// connection, and listening on loopback only.

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace JobDeck::Sim {

using RequestHandler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &)>;

// Every request goes to the handler; nothing is routed by Qt.
class FrontEnd final : public QAbstractHttpServer
{
public:
    explicit FrontEnd(RequestHandler handler);

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder) override;

private:
    RequestHandler m_handler;
};

// Keeps the accepted sockets by peer port, so a request's connection can be found and aborted
// (a simulated connection drop).
class TrackingTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    QTcpSocket *socketFor(quint16 peerPort) const { return m_sockets.value(peerPort).data(); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QHash<quint16, QPointer<QTcpSocket>> m_sockets;
};

// Listens with `server` on 127.0.0.1:`port` (0: any free port) and binds the front end to it.
// On failure deletes `server`, sets `error` and returns false. The front end owns the server.
bool listenOnLoopback(QAbstractHttpServer *frontEnd, QTcpServer *server, quint16 port, QString *error);

// http://127.0.0.1:PORT
QUrl loopbackUrl(quint16 port);

} // namespace JobDeck::Sim
