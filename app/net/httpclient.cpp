#include "net/httpclient.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslError>

namespace JobDeck {

BackendError HttpClient::cutAnswer(int networkError, qint64 received, const QUrl &url, int status)
{
    const int count = int(qMin<qint64>(received, INT_MAX));
    // A transfer timeout (Qt reports it as cancelled) is not a dropped connection.
    if (networkError == QNetworkReply::OperationCanceledError)
        return BackendError{
            BackendError::Kind::Timeout,
            tr("The answer stopped arriving within the request's time (%n bytes received)", nullptr, count),
            url,
            status,
            {}};
    return BackendError{
        BackendError::Kind::Connection,
        tr("The connection was lost while reading the answer (%n bytes received)", nullptr, count),
        url,
        status,
        {}};
}

namespace {

// A request body that can be read once and never rewound: Qt cannot send it a second time.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_read);
        if (n <= 0)
            return m_read >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

BackendError::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
        return BackendError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError:
        return BackendError::Kind::Tls;
    default:
        return BackendError::Kind::Connection;
    }
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::HttpClient(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_manager(new QNetworkAccessManager(this))
{
    // A jar of our own: cookies of one connection never reach another.
    m_manager->setCookieJar(new QNetworkCookieJar(m_manager));
    m_manager->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
}

HttpClient::~HttpClient() = default;

void HttpClient::setDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    m_defaultHeaders.removeIf(
        [&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isEmpty())
        m_defaultHeaders.append({name, value});
}

QByteArray HttpClient::defaultHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_defaultHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void HttpClient::clearCookies()
{
    m_manager->setCookieJar(new QNetworkCookieJar(m_manager));
}

QNetworkCookieJar *HttpClient::cookieJar() const
{
    return m_manager->cookieJar();
}

QUrl HttpClient::urlFor(const HttpRequest &request) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    // Ids such as Linkis execIDs hold ':' and '.'; they go into the path as they are,
    // which the gateway's parser expects (protocols.md 6).
    url.setPath(base + request.path, QUrl::DecodedMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

QNetworkReply *HttpClient::start(const HttpRequest &request,
                                 Pending<HttpResponse> *call,
                                 const QUrl &url,
                                 bool capped)
{
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        call->finish(failure(BackendError::Kind::Connection,
                             tr("“%1” is not an http or https address").arg(url.toDisplayString()),
                             url));
        return nullptr;
    }

    QNetworkRequest networkRequest(url);
    networkRequest.setTransferTimeout(request.timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setRawHeader("User-Agent", "JobDeck/" + QCoreApplication::applicationVersion().toUtf8());
    for (const auto &[name, value] : m_defaultHeaders)
        networkRequest.setRawHeader(name, value);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);

    QNetworkReply *reply = nullptr;
    if (request.resendable) {
        reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);
    } else {
        // A manager of its own: a fresh connection, never one the server may have closed while
        // idle (where the first write fails and Qt would resend). It lives as long as the call.
        auto *oneShot = new QNetworkAccessManager(call);
        // The session's cookies go along in a jar of the call's own (a jar shared between two
        // managers does not survive the short-lived one); what the answer sets comes back.
        auto *jar = new QNetworkCookieJar(oneShot);
        jar->setCookiesFromUrl(m_manager->cookieJar()->cookiesForUrl(url), url);
        oneShot->setCookieJar(jar);
        oneShot->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
        networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        networkRequest.setRawHeader("Connection", "close");
        auto *body = new OneShotBody(request.body, oneShot);
        reply = oneShot->sendCustomRequest(networkRequest, request.method, body);
        body->setParent(reply); // read by the reply until its end: it goes with it
        connect(reply, &QNetworkReply::finished, this, [this, jar, url] {
            m_manager->cookieJar()->setCookiesFromUrl(jar->cookiesForUrl(url), url);
        });
    }
    call->setCancelHandler([reply = QPointer<QNetworkReply>(reply)] {
        if (!reply)
            return;
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    });

    // Redirects: followed within the origin only, so credentials and cookies never go to a
    // host the user did not name.
    connect(reply, &QNetworkReply::redirected, reply, [this, reply, call, url](const QUrl &target) {
        if (sameOrigin(target, m_baseUrl)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        call->finish(failure(
            BackendError::Kind::Connection,
            tr("The server redirected to another host, %1; not followed, so that your "
               "credentials stay with %2")
                .arg(target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery),
                     m_baseUrl.host()),
            url));
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    });
    connect(reply,
            &QNetworkReply::downloadProgress,
            reply,
            [this, reply, call, url, capped](qint64 received, qint64) {
                // A download streams to its sink: only answers held in memory are capped.
                if (!capped || received <= m_maxResponseBytes)
                    return;
                call->finish(failure(
                    BackendError::Kind::Protocol,
                    tr("The answer is larger than %1 MB; stopped reading it").arg(m_maxResponseBytes >> 20),
                    url));
                reply->disconnect();
                reply->abort();
                reply->deleteLater();
            });
    return reply;
}

Pending<HttpResponse> *HttpClient::send(const HttpRequest &request)
{
    auto *call = new Pending<HttpResponse>(this);
    const QUrl url = urlFor(request);
    QNetworkReply *reply = start(request, call, url, true);
    if (!reply)
        return call;
    connect(reply,
            &QNetworkReply::finished,
            this,
            [this, reply, call, url, method = request.method, timeout = request.timeoutMs] {
                onFinished(reply, call, url, method, timeout);
            });
    return call;
}

struct HttpClient::Download
{
    QNetworkReply *reply = nullptr;
    QPointer<Pending<HttpResponse>> call;
    QPointer<QIODevice> sink;
    DownloadFilter accept;
    qsizetype probeBytes = 4096;
    QUrl url;
    QByteArray method;
    int timeoutMs = 30000;
    enum class Mode { Probing, Streaming, Refused } mode = Mode::Probing;
    QByteArray held; // the first bytes while probing; the whole (capped) body once refused
    qint64 written = 0;
    bool done = false;
};

namespace {
// A refused answer is an error message, not an artefact: no reason to read more of it.
constexpr qsizetype RefusedBodyCap = 1024 * 1024;

HttpResponse headOf(QNetworkReply *reply, const QUrl &url, const QByteArray &method, QByteArray body)
{
    HttpResponse response;
    response.url = url;
    response.method = method;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = std::move(body);
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    return response;
}

void stopReply(QNetworkReply *reply)
{
    reply->disconnect();
    reply->abort();
    reply->deleteLater();
}
} // namespace

Pending<HttpResponse> *HttpClient::download(const HttpRequest &request,
                                            QIODevice *sink,
                                            DownloadFilter accept,
                                            qsizetype probeBytes)
{
    auto *call = new Pending<HttpResponse>(this);
    const QUrl url = urlFor(request);
    if (!sink || !sink->isWritable()) {
        call->finish(failure(BackendError::Kind::Connection, tr("Nowhere to write the download"), url));
        return call;
    }
    QNetworkReply *reply = start(request, call, url, false);
    if (!reply)
        return call;
    auto state = std::make_shared<Download>();
    state->reply = reply;
    state->call = call;
    state->sink = sink;
    state->accept = std::move(accept);
    state->probeBytes = std::max<qsizetype>(0, probeBytes);
    state->url = url;
    state->method = request.method;
    state->timeoutMs = request.timeoutMs;
    connect(reply, &QNetworkReply::readyRead, this, [this, state] { onDownloadData(state); });
    connect(reply, &QNetworkReply::finished, this, [this, state] { onDownloadFinished(state); });
    return call;
}

void HttpClient::onDownloadData(const std::shared_ptr<Download> &d)
{
    if (d->done || !d->call || d->call->isFinished())
        return;
    const auto fail = [&](BackendError error) {
        d->done = true;
        d->call->finish(std::unexpected(std::move(error)));
        stopReply(d->reply);
    };
    const auto write = [&](const QByteArray &bytes) {
        if (bytes.isEmpty())
            return true;
        if (!d->sink || d->sink->write(bytes) != bytes.size()) {
            fail(BackendError{BackendError::Kind::Connection,
                              tr("Could not write the download: %1")
                                  .arg(d->sink ? d->sink->errorString() : tr("the output was closed")),
                              d->url,
                              0,
                              {}});
            return false;
        }
        d->written += bytes.size();
        return true;
    };
    const QByteArray chunk = d->reply->readAll();
    switch (d->mode) {
    case Download::Mode::Streaming:
        write(chunk);
        return;
    case Download::Mode::Refused:
        d->held.append(chunk.left(RefusedBodyCap - d->held.size()));
        if (d->held.size() >= RefusedBodyCap) {
            // Enough of an error message: answer with it and stop the transfer.
            d->done = true;
            HttpResponse response = headOf(d->reply, d->url, d->method, d->held);
            d->call->finish(std::move(response));
            stopReply(d->reply);
        }
        return;
    case Download::Mode::Probing:
        d->held.append(chunk);
        if (d->held.size() < d->probeBytes)
            return;
        break;
    }
    // Enough bytes to judge the answer by (the rest of it is still on its way).
    const HttpResponse head = headOf(d->reply, d->url, d->method, d->held);
    const bool accepted = d->accept ? d->accept(head, false) : head.status < 400;
    if (!accepted) {
        d->mode = Download::Mode::Refused;
        d->held.truncate(RefusedBodyCap);
        return;
    }
    d->mode = Download::Mode::Streaming;
    const QByteArray held = std::exchange(d->held, {});
    write(held);
}

void HttpClient::onDownloadFinished(const std::shared_ptr<Download> &d)
{
    if (d->done || !d->call || d->call->isFinished())
        return;
    d->reply->deleteLater();
    if (auto error = transportError(d->reply, d->url, d->timeoutMs)) {
        d->done = true;
        d->call->finish(std::unexpected(*error));
        return;
    }
    // Whatever arrived with the end of the answer.
    if (d->reply->bytesAvailable() > 0)
        onDownloadData(d);
    if (d->done)
        return;
    const QNetworkReply::NetworkError networkError = d->reply->error();
    if (networkError == QNetworkReply::RemoteHostClosedError
        || networkError == QNetworkReply::OperationCanceledError) {
        d->done = true;
        d->call->finish(std::unexpected(
            cutAnswer(networkError,
                      d->written + d->held.size(),
                      d->url,
                      d->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())));
        return;
    }
    if (d->mode == Download::Mode::Probing) {
        // The whole answer fitted in the probe.
        const HttpResponse head = headOf(d->reply, d->url, d->method, d->held);
        const bool accepted = d->accept ? d->accept(head, true) : head.status < 400;
        if (accepted) {
            d->mode = Download::Mode::Streaming;
            const QByteArray held = std::exchange(d->held, {});
            if (!held.isEmpty()) {
                if (!d->sink || d->sink->write(held) != held.size()) {
                    d->done = true;
                    d->call->finish(
                        failure(BackendError::Kind::Connection,
                                tr("Could not write the download: %1")
                                    .arg(d->sink ? d->sink->errorString() : tr("the output was closed")),
                                d->url));
                    return;
                }
                d->written += held.size();
            }
        } else {
            d->mode = Download::Mode::Refused;
        }
    }
    d->done = true;
    HttpResponse response
        = headOf(d->reply, d->url, d->method, d->mode == Download::Mode::Refused ? d->held : QByteArray());
    response.bytesWritten = d->mode == Download::Mode::Streaming ? d->written : -1;
    d->call->finish(std::move(response));
}

std::optional<BackendError> HttpClient::transportError(QNetworkReply *reply, const QUrl &url, int timeoutMs)
{
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return std::nullopt;
    // No HTTP answer at all.
    const auto error = reply->error();
    BackendError::Kind kind = kindOf(error);
    QString message;
    if (kind == BackendError::Kind::Timeout)
        message = tr("No answer from the server within %1 s").arg(timeoutMs / 1000.0, 0, 'g', 3);
    else if (error == QNetworkReply::ConnectionRefusedError)
        message = tr("Connection refused: nothing is listening at %1").arg(url.authority());
    else if (error == QNetworkReply::HostNotFoundError)
        message = tr("Host not found: %1").arg(url.host());
    else if (error == QNetworkReply::RemoteHostClosedError)
        message = tr("The server closed the connection without answering");
    else if (error == QNetworkReply::ContentReSendError)
        message = tr("The connection broke before the server answered. The request was not sent "
                     "again, so it took effect at most once: look at the job list before you "
                     "submit it again");
    else if (kind == BackendError::Kind::Tls)
        message = tr("Secure connection failed: %1").arg(reply->errorString());
    else
        message = tr("Network error: %1").arg(reply->errorString());
    return BackendError{kind, message, url, 0, {}};
}

void HttpClient::onFinished(QNetworkReply *reply,
                            Pending<HttpResponse> *call,
                            const QUrl &url,
                            const QByteArray &method,
                            int timeoutMs)
{
    reply->deleteLater();
    if (auto error = transportError(reply, url, timeoutMs)) {
        call->finish(std::unexpected(*error));
        return;
    }

    HttpResponse response;
    response.url = url;
    response.method = method;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    // A connection dropped in the middle of the body still has a status: the body is cut.
    if (reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::OperationCanceledError) {
        call->finish(std::unexpected(cutAnswer(reply->error(), response.body.size(), url, response.status)));
        return;
    }
    call->finish(std::move(response));
}

QString HttpClient::describeBody(const HttpResponse &response)
{
    const QByteArray trimmed = response.body.trimmed();
    if (trimmed.isEmpty())
        return tr("an empty body (HTTP %1)").arg(response.status);
    const QByteArray lower = trimmed.left(512).toLower();
    if (response.contentType.contains("html") || lower.startsWith("<!doctype html")
        || lower.startsWith("<html")) {
        static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                              QRegularExpression::CaseInsensitiveOption);
        const auto match = title.match(QString::fromUtf8(trimmed.left(4096)));
        if (match.hasMatch() && !match.captured(1).trimmed().isEmpty())
            return tr("an HTML page titled “%1” (HTTP %2)")
                .arg(match.captured(1).trimmed())
                .arg(response.status);
        return tr("an HTML page (HTTP %1)").arg(response.status);
    }
    QString excerpt = QString::fromUtf8(trimmed.left(120)).simplified();
    if (trimmed.size() > 120)
        excerpt += u'…';
    return tr("“%1” (HTTP %2, %n bytes)", nullptr, int(qMin<qsizetype>(trimmed.size(), INT_MAX)))
        .arg(excerpt)
        .arg(response.status);
}

} // namespace JobDeck
