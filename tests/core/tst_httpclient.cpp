// The HTTP client against a raw TCP server on loopback that misbehaves on purpose: hangs,
// resets, floods, and redirects elsewhere. Also what the Linkis adapter puts on the wire.
#include "backends/linkis/linkisbackend.h"
#include "net/httpclient.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace JobDeck;

namespace {

// Accepts connections and hands each complete request head to `respond`.
class RawServer final : public QObject
{
public:
    std::function<void(QTcpSocket *, const QByteArray &)> respond;
    QList<QByteArray> requests;

    RawServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end);
                    buffer->remove(0, end + 4);
                    requests.append(head);
                    respond(socket, head);
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

Result<HttpResponse> sendAndWait(HttpClient &client, HttpRequest request)
{
    std::optional<Result<HttpResponse>> result;
    QObject context;
    onFinished(client.send(request), &context, [&](const Result<HttpResponse> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return failure(BackendError::Kind::Cancelled, QStringLiteral("test timed out"));
    return *result;
}

Result<HttpResponse> downloadAndWait(HttpClient &client,
                                     const HttpRequest &request,
                                     QIODevice *sink,
                                     DownloadFilter accept)
{
    std::optional<Result<HttpResponse>> result;
    QObject context;
    onFinished(client.download(request, sink, std::move(accept)),
               &context,
               [&](const Result<HttpResponse> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return failure(BackendError::Kind::Cancelled, QStringLiteral("test timed out"));
    return *result;
}

QByteArray header(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestHttpClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyIsReadOnEveryStatus()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write(
                "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
                "{\"status\":1}");
        };
        HttpClient client(server.url());
        HttpRequest request;
        request.path = QStringLiteral("/api/x");
        const auto response = sendAndWait(client, request);
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 400);
        QCOMPARE(response->body, QByteArray("{\"status\":1}"));
    }

    void serverThatHangsTimesOut()
    {
        RawServer server;
        server.respond = [](QTcpSocket *, const QByteArray &) {
        }; // never answers
        HttpClient client(server.url());
        HttpRequest request;
        request.timeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const auto response = sendAndWait(client, request);
        QVERIFY(!response.has_value());
        QCOMPARE(response.error().kind, BackendError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(response.error().describe().contains(server.url().authority()));
    }

    void resetMidBodyIsAConnectionError()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"status\":0,\"da");
            socket->flush();
            socket->abort();
        };
        HttpClient client(server.url());
        const auto response = sendAndWait(client, HttpRequest());
        QVERIFY(!response.has_value());
        QCOMPARE(response.error().kind, BackendError::Kind::Connection);
    }

    void hugeAnswerIsCutOff()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 8388608\r\n\r\n");
            socket->write(QByteArray(8 * 1024 * 1024, 'x'));
        };
        HttpClient client(server.url());
        client.setMaxResponseBytes(1024 * 1024);
        const auto response = sendAndWait(client, HttpRequest());
        QVERIFY(!response.has_value());
        QCOMPARE(response.error().kind, BackendError::Kind::Protocol);
        QVERIFY(response.error().message.contains(u"larger than"));
    }

    void redirectsStayWithinTheOrigin()
    {
        RawServer server;
        server.respond = [&server](QTcpSocket *socket, const QByteArray &head) {
            if (head.startsWith("GET /here ")) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            } else if (head.startsWith("GET /same ")) {
                socket->write("HTTP/1.1 302 Found\r\nLocation: " + server.url().toEncoded()
                              + "/here\r\nContent-Length: 0\r\n\r\n");
            } else {
                // Another host (127.0.0.2 is loopback too, but not the origin the user named).
                socket->write("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:"
                              + QByteArray::number(server.url().port())
                              + "/here\r\nContent-Length: 0\r\n\r\n");
            }
        };
        HttpClient client(server.url());
        client.setDefaultHeader("Token-Code", "secret-token");
        HttpRequest same;
        same.path = QStringLiteral("/same");
        const auto followed = sendAndWait(client, same);
        QVERIFY(followed.has_value());
        QCOMPARE(followed->body, QByteArray("ok"));

        HttpRequest away;
        away.path = QStringLiteral("/away");
        const int before = int(server.requests.size());
        const auto refused = sendAndWait(client, away);
        QVERIFY(!refused.has_value());
        QVERIFY(refused.error().message.contains(u"127.0.0.2"));
        QTest::qWait(100);
        QCOMPARE(server.requests.size(), before + 1); // nothing went on to the other host
    }

    void linkisSendsTheLanguageAndKeepsTheColonOfExecIds()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            const QByteArray body = R"({"status":0,"message":"OK","data":{"status":"Running","execID":"x"}})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        };
        ConnectionProfile profile;
        profile.kind = QStringLiteral("linkis");
        profile.url = server.url();
        profile.user = QStringLiteral("alice");
        profile.auth = ConnectionProfile::Auth::Token;
        profile.secret = QStringLiteral("tok");
        LinkisBackend backend(profile);
        backend.setLanguage(Language::Chinese);
        Job job;
        job.id = job.ids.linkisExecId
            = QStringLiteral("exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_alice_1");
        std::optional<Result<Job>> result;
        QObject context;
        onFinished(backend.refresh(job), &context, [&](const Result<Job> &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->has_value());
        QCOMPARE((*result)->state, JobState::Running);
        const QByteArray head = server.requests.last();
        QVERIFY2(
            head.startsWith(
                "GET "
                "/api/rest_j/v1/entrance/exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_alice_1/status"),
            head.constData());
        QCOMPARE(header(head, "Content-Language"), QByteArray("zh-CN"));
        QVERIFY(header(head, "Accept-Language").startsWith("zh-CN"));
        QCOMPARE(header(head, "Token-Code"), QByteArray("tok"));
        QCOMPARE(header(head, "Token-User"), QByteArray("alice"));
        QCOMPARE(header(head, "Validation-Code"), QByteArray("tok"));
        QCOMPARE(header(head, "Proxy-User"), QByteArray("alice"));
    }

    // download(): the body goes to the sink as it arrives; an error answer never does.
    void downloadStreamsIntoTheSink()
    {
        const QByteArray body = QByteArray(300000, 'a') + QByteArray(300000, 'b');
        RawServer server;
        server.respond = [body](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n");
            socket->write(body.left(1000)); // less than the probe at first
            socket->flush();
            QTimer::singleShot(50, socket, [socket, body] { socket->write(body.mid(1000)); });
        };
        HttpClient client(server.url());
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        int judged = 0;
        const auto response
            = downloadAndWait(client, HttpRequest(), &sink, [&](const HttpResponse &head, bool complete) {
                  ++judged;
                  // Judged once, on the probe's worth of bytes, before the rest has come.
                  return head.status == 200 && !complete && head.body.size() >= 4096
                         && head.body.startsWith("aaaa");
              });
        QVERIFY2(response.has_value(), qPrintable(response ? QString() : response.error().describe()));
        QCOMPARE(judged, 1);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->bytesWritten, qint64(body.size()));
        QVERIFY(response->body.isEmpty());
        QVERIFY(sink.data() == body);
    }

    void downloadKeepsErrorAnswersOutOfTheSink()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                          "Content-Length: 33\r\n\r\n{\"code\":500,\"error\":\"no lineage\"}");
        };
        HttpClient client(server.url());
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        const auto response = downloadAndWait(client, HttpRequest(), &sink, {}); // default: status < 400
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 500);
        QCOMPARE(response->bytesWritten, qint64(-1));
        QCOMPARE(response->body, QByteArray("{\"code\":500,\"error\":\"no lineage\"}"));
        QCOMPARE(sink.size(), 0);

        // A small whole answer the filter refuses stays out as well.
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nerror");
        };
        const auto refused
            = downloadAndWait(client, HttpRequest(), &sink, [](const HttpResponse &head, bool complete) {
                  return !(complete && head.body == "error");
              });
        QVERIFY(refused.has_value());
        QCOMPARE(refused->bytesWritten, qint64(-1));
        QCOMPARE(refused->body, QByteArray("error"));
        QCOMPARE(sink.size(), 0);
    }

    void downloadCutMidBodyIsAConnectionError()
    {
        RawServer server;
        server.respond = [](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            socket->write(QByteArray(20000, 'x'));
            socket->flush();
            QTimer::singleShot(50, socket, [socket] { socket->abort(); });
        };
        HttpClient client(server.url());
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        const auto response = downloadAndWait(client, HttpRequest(), &sink, {});
        QVERIFY(!response.has_value());
        QCOMPARE(response.error().kind, BackendError::Kind::Connection);
        QVERIFY2(response.error().message.contains(u"20000"), qPrintable(response.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
