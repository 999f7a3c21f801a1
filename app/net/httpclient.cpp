#include "net/httpclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslError>

namespace JobDeck {

namespace {

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

Pending<HttpResponse> *HttpClient::send(const HttpRequest &request)
{
    auto *call = new Pending<HttpResponse>(this);
    const QUrl url = urlFor(request);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        call->finish(failure(BackendError::Kind::Connection,
                             tr("“%1” is not an http or https address").arg(url.toDisplayString()),
                             url));
        return call;
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

    QNetworkReply *reply = m_manager->sendCustomRequest(networkRequest, request.method, request.body);
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
    connect(
        reply, &QNetworkReply::downloadProgress, reply, [this, reply, call, url](qint64 received, qint64) {
            if (received <= m_maxResponseBytes)
                return;
            call->finish(failure(
                BackendError::Kind::Protocol,
                tr("The answer is larger than %1 MB; stopped reading it").arg(m_maxResponseBytes >> 20),
                url));
            reply->disconnect();
            reply->abort();
            reply->deleteLater();
        });
    connect(reply,
            &QNetworkReply::finished,
            this,
            [this, reply, call, url, method = request.method, timeout = request.timeoutMs] {
                onFinished(reply, call, url, method, timeout);
            });
    return call;
}

void HttpClient::onFinished(QNetworkReply *reply,
                            Pending<HttpResponse> *call,
                            const QUrl &url,
                            const QByteArray &method,
                            int timeoutMs)
{
    reply->deleteLater();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
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
        else if (kind == BackendError::Kind::Tls)
            message = tr("Secure connection failed: %1").arg(reply->errorString());
        else
            message = tr("Network error: %1").arg(reply->errorString());
        call->finish(failure(kind, message, url));
        return;
    }

    HttpResponse response;
    response.url = url;
    response.method = method;
    response.status = statusAttribute.toInt();
    response.body = reply->readAll();
    response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    // A connection dropped in the middle of the body still has a status: the body is cut.
    if (reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::OperationCanceledError) {
        call->finish(failure(BackendError::Kind::Connection,
                             tr("The connection was lost while reading the answer (%n bytes received)",
                                nullptr,
                                int(qMin<qsizetype>(response.body.size(), INT_MAX))),
                             url,
                             response.status));
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
