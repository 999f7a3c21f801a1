#pragma once

#include "backends/pending.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkCookieJar;
class QNetworkReply;

namespace JobDeck {

struct HttpRequest
{
    QByteArray method = "GET";
    QString path; // appended to the connection's base URL path, e.g. "/api/rest_j/v1/entrance/execute"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType; // e.g. "application/json"
    QList<QPair<QByteArray, QByteArray>> headers;
    int timeoutMs = 30000;
};

// An HTTP answer, whatever its status: Linkis sends business errors as 400/401/403/412 and
// warnings as 206, all with a JSON body that must be read.
struct HttpResponse
{
    QUrl url;
    QByteArray method;
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const;
};

// One connection's HTTP: its own QNetworkAccessManager and cookie jar (never shared between
// two users), keep-alive and HTTP/2 where offered, a timeout per request, TLS verification
// on, redirects followed only within the same origin, and a cap on the size of an answer.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QUrl baseUrl, QObject *parent = nullptr);
    ~HttpClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl urlFor(const HttpRequest &request) const;

    // Headers sent on every request (language, tokens); an empty value removes one.
    void setDefaultHeader(const QByteArray &name, const QByteArray &value);
    QByteArray defaultHeader(const QByteArray &name) const;
    void clearCookies();
    QNetworkCookieJar *cookieJar() const;

    // Answers larger than this are cut off with an error instead of filling memory.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    // Fails only when no HTTP answer came: connection, timeout, TLS, redirect off-origin,
    // oversized answer. Any HTTP status with its body is a success here.
    Pending<HttpResponse> *send(const HttpRequest &request);

    // "an HTML page titled “Login”", "an empty body", "“{"status":0,…” (truncated JSON)":
    // how to name an unexpected answer in an error message.
    static QString describeBody(const HttpResponse &response);

private:
    void onFinished(QNetworkReply *reply,
                    Pending<HttpResponse> *call,
                    const QUrl &url,
                    const QByteArray &method,
                    int timeoutMs);

    QUrl m_baseUrl;
    QNetworkAccessManager *m_manager;
    QList<QPair<QByteArray, QByteArray>> m_defaultHeaders;
    qint64 m_maxResponseBytes = 512LL * 1024 * 1024;
};

} // namespace JobDeck
