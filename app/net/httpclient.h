#pragma once

#include "async/pending.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkCookieJar;
class QIODevice;
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
    // False for a request that must reach the server at most once (a submit). Qt's HTTP
    // client sends a request again, once, when a kept-alive connection closes before any
    // answer: for a submit that the server already acted on, a second job. Such a request goes
    // on a connection of its own, with a body Qt cannot rewind, so a connection that breaks
    // before the answer is an error the user hears about, never a second job.
    bool resendable = true;
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
    // download(): the bytes written to the sink, or -1 when the body was kept in `body`
    // instead (the answer was refused as an artefact, or it came from send()).
    qint64 bytesWritten = -1;

    QByteArray header(QByteArrayView name) const;
};

// download(): looks at an answer's status, headers and first bytes (`complete` when that is
// the whole body) and says whether it is the artefact to stream into the sink. A refused
// answer is read into HttpResponse::body instead (up to 1 MB) and nothing reaches the sink.
using DownloadFilter = std::function<bool(const HttpResponse &head, bool complete)>;

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

    // Like send(), but streams the body into `sink` (open for writing, alive until the call
    // finishes) as it arrives instead of holding it in memory. The first `probeBytes` are
    // held back until `accept` (default: any status below 400) has seen them, so an error
    // answer never reaches the sink. After a failure the sink may hold part of the artefact.
    Pending<HttpResponse> *download(const HttpRequest &request,
                                    QIODevice *sink,
                                    DownloadFilter accept = {},
                                    qsizetype probeBytes = 4096);

    // "an HTML page titled “Login”", "an empty body", "“{"status":0,…” (truncated JSON)":
    // how to name an unexpected answer in an error message.
    static QString describeBody(const HttpResponse &response);

private:
    struct Download;

    // The reply for `request` with the headers, timeout, cancel handler, same-origin
    // redirects and size cap every request gets; nullptr (and `call` finished) if the URL is
    // unusable.
    // `capped`: answers over the size limit are cut off (not for downloads to a sink).
    QNetworkReply *start(const HttpRequest &request,
                         Pending<HttpResponse> *call,
                         const QUrl &url,
                         bool capped);
    // The error for an answer cut short after its status arrived.
    static BackendError cutAnswer(int networkError, qint64 received, const QUrl &url, int status);
    // The error for a reply that ended without an HTTP answer; nullopt if it has a status.
    static std::optional<BackendError> transportError(QNetworkReply *reply, const QUrl &url, int timeoutMs);
    void onDownloadData(const std::shared_ptr<Download> &download);
    void onDownloadFinished(const std::shared_ptr<Download> &download);
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
