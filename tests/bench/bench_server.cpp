// Benchmarks of jobdeck-server, each against a baseline measured in the same run
// (../shared/performance.md): requests per second of the status and log calls under parallel
// keep-alive clients, beside a floor server on the same Qt HTTP stack that answers a fixed
// envelope; and how late a running job's log lines reach a client polling back to back, beside
// one polling every second. Both servers run as child processes, the client here. Prints figures
// and ratios; it is not a test and asserts nothing about speed.
//
//   bench-server [--seconds S] [--connections 1,4,16]
//   bench-server --floor-server     (the baseline server; prints "listening on URL")
#include "backends/local/localserverfile.h"

#include <QAbstractHttpServer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace JobDeck;

namespace {

constexpr int WarmUpMs = 500;
constexpr int LogPageLines = 100;
constexpr int BigLogLines = 10000;
constexpr int MarkLines = 250;

// Set by SIGINT, SIGTERM or SIGHUP: every wait below ends, and main() returns normally so the
// child servers are stopped and the temporary folder removed.
volatile std::sig_atomic_t interrupted = 0;

void onTerminationSignal(int)
{
    interrupted = 1;
}

void catchTerminationSignals()
{
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND; // a second signal ends the process at once
    for (int signal : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

qint64 wallClockNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Runs `loop` until something quits it, `timeoutMs` pass or a termination signal arrives.
// True only when something quit it.
bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (interrupted)
            loop.quit();
    });
    deadline.start(timeoutMs);
    tick.start(100);
    loop.exec();
    return !timedOut && !interrupted;
}

void sleepMs(int ms)
{
    QEventLoop loop;
    runLoop(loop, ms);
}

// The baseline server: Qt's HTTP stack and nothing else, a fixed Linkis-shaped envelope of
// about 200 bytes for every request.
class FloorServer final : public QAbstractHttpServer
{
public:
    FloorServer()
    {
        m_headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json; charset=utf-8");
    }

    static QByteArray body()
    {
        return QByteArrayLiteral(
            R"({"method":"/api/rest_j/v1/entrance/exec_id018014jobdeck127.0.0.1:1IDE_bench_1/status","status":0,)"
            R"("message":"Get status successful","data":{"status":"Succeed","execID":"exec_id018014jobdeck)"
            R"(127.0.0.1:1IDE_bench_1","taskID":1}})");
    }

protected:
    bool handleRequest(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        responder.write(m_body, m_headers);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    QHttpHeaders m_headers;
    const QByteArray m_body = body();
};

int runFloorServer()
{
    FloorServer server;
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(QHostAddress::LocalHost, 0) || !server.bind(tcp)) {
        std::fprintf(stderr, "floor server: cannot listen: %s\n", qPrintable(tcp->errorString()));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(tcp->serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

// A server in a child process, so this process's CPU is the client's alone. Stopped (SIGTERM,
// then SIGKILL) when this object goes, and by the kernel if this process dies first.
class ChildServer
{
public:
    ChildServer() = default;
    Q_DISABLE_COPY_MOVE(ChildServer)
    ~ChildServer() { stop(); }

    // Starts the program and waits for its first line on standard output, returned in `line`.
    bool start(const QString &program, const QStringList &arguments, QByteArray *line)
    {
#ifdef Q_OS_LINUX
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000)) {
            std::printf(
                "!!! ERROR: cannot start %s: %s\n", qPrintable(program), qPrintable(m_process.errorString()));
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running && timer.elapsed() < 20000
               && !interrupted)
            m_process.waitForReadyRead(100);
        if (!m_process.canReadLine()) {
            std::printf("!!! ERROR: %s did not start listening: %s\n",
                        qPrintable(program),
                        m_process.readAllStandardError().constData());
            return false;
        }
        *line = m_process.readLine().trimmed();
        // A server that ends on its own has failed: say so at once, with what it wrote.
        QObject::connect(&m_process,
                         &QProcess::finished,
                         &m_process,
                         [this, name = QFileInfo(program).fileName()](int code, QProcess::ExitStatus status) {
                             if (m_stopping)
                                 return;
                             std::printf("!!! ERROR: %s ended during the benchmark (%s %d): %s\n",
                                         qPrintable(name),
                                         status == QProcess::CrashExit ? "signal" : "exit code",
                                         code, // the signal's number after a crash, on Unix
                                         m_process.readAllStandardError().constData());
                         });
        return true;
    }

    void stop()
    {
        m_stopping = true;
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QProcess m_process;
    bool m_stopping = false;
};

struct Reply
{
    int status = 0;          // HTTP status; 0 when the connection failed
    QByteArrayView body;     // valid during the callback only
    qint64 latencyNs = 0;    // from writing the request to the end of the response
    qint64 receivedAtNs = 0; // wall clock at the end of the response
};

// One keep-alive HTTP/1.1 connection with one request in flight, requests written by hand and
// responses read by Content-Length: little work per request, the same for every server.
class HttpConnection final : public QObject
{
public:
    using Callback = std::function<void(const Reply &)>;

    HttpConnection(const QUrl &url, const QString &user, const QString &token)
        : m_head("Host: " + url.authority().toLatin1() + "\r\n")
    {
        if (!token.isEmpty())
            m_head += "Token-Code: " + token.toUtf8() + "\r\nToken-User: " + user.toUtf8() + "\r\n";
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { fail(m_socket.errorString()); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            fail(QStringLiteral("the server closed the connection"));
        });
        m_socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        if (!m_socket.waitForConnected(5000))
            m_error = m_socket.errorString();
    }

    ~HttpConnection() override
    {
        // The socket's last signals (disconnected) must not reach the members already gone.
        disconnect(&m_socket, nullptr, this, nullptr);
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QByteArray get(const QByteArray &target) const
    {
        return "GET " + target + " HTTP/1.1\r\n" + m_head + "\r\n";
    }
    QByteArray post(const QByteArray &target, const QByteArray &json) const
    {
        return "POST " + target + " HTTP/1.1\r\n" + m_head
               + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
               + "\r\n\r\n" + json;
    }

    // Writes a whole request; `done` is called once, later, with its response or a failure.
    void send(const QByteArray &request, Callback done)
    {
        m_done = std::move(done);
        m_sentAt = std::chrono::steady_clock::now();
        m_socket.write(request);
        m_socket.flush(); // now, not when the event loop comes round
    }

    // Gives up on the request in flight: its callback is dropped uncalled, the connection closed.
    void abandon(const QString &why)
    {
        m_done = nullptr;
        if (m_error.isEmpty())
            m_error = why;
        m_socket.abort();
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        if (!m_done)
            return;
        if (m_bodyStart < 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_status = m_buffer.startsWith("HTTP/1.") ? m_buffer.mid(9, 3).toInt() : 0;
            m_contentLength = -1;
            qsizetype line = m_buffer.indexOf("\r\n") + 2;
            while (line < end) {
                const qsizetype next = m_buffer.indexOf("\r\n", line);
                const QByteArrayView header = QByteArrayView(m_buffer).sliced(line, next - line);
                if (header.size() > 15 && qstrnicmp(header.data(), "content-length:", 15) == 0)
                    m_contentLength = header.sliced(15).trimmed().toLongLong();
                line = next + 2;
            }
            if (m_contentLength < 0) {
                fail(QStringLiteral("a response without Content-Length"));
                return;
            }
            m_bodyStart = end + 4;
        }
        if (m_buffer.size() < m_bodyStart + m_contentLength)
            return;
        Reply reply;
        reply.status = m_status;
        reply.body = QByteArrayView(m_buffer).sliced(m_bodyStart, m_contentLength);
        reply.latencyNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now() - m_sentAt)
                              .count();
        reply.receivedAtNs = wallClockNs();
        const qsizetype consumed = m_bodyStart + m_contentLength;
        m_bodyStart = -1;
        const Callback done = std::exchange(m_done, nullptr);
        done(reply);
        m_buffer.remove(0, consumed);
    }

    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        if (m_done)
            std::exchange(m_done, nullptr)(Reply{});
    }

    QTcpSocket m_socket;
    QByteArray m_head;
    QByteArray m_buffer;
    qsizetype m_bodyStart = -1;
    qint64 m_contentLength = -1;
    int m_status = 0;
    std::chrono::steady_clock::time_point m_sentAt;
    Callback m_done;
    QString m_error;
};

struct Fetched
{
    int status = 0;
    QByteArray body;
    qint64 receivedAtNs = 0;
    QJsonObject envelope() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return envelope().value(QLatin1StringView("data")).toObject(); }
    bool linkisOk() const
    {
        return status == 200 && envelope().value(QLatin1StringView("status")).toInt(-1) == 0;
    }
};

// One request, waiting for its response.
Fetched fetch(HttpConnection &connection, const QByteArray &request)
{
    Fetched result;
    if (!connection.ok())
        return result;
    QEventLoop loop;
    connection.send(request, [&](const Reply &reply) {
        result.status = reply.status;
        result.body = reply.body.toByteArray();
        result.receivedAtNs = reply.receivedAtNs;
        loop.quit();
    });
    if (!runLoop(loop, 30000))
        connection.abandon(QStringLiteral("no answer in 30 s")); // the callback refers to this frame
    return result;
}

const QByteArray ApiRoot = QByteArrayLiteral("/api/rest_j/v1/");

QByteArray entrancePath(const QString &execId, const char *verb)
{
    return ApiRoot + "entrance/" + QUrl::toPercentEncoding(execId) + '/' + verb;
}

QByteArray logTarget(const QString &execId, qint64 fromLine, int size)
{
    return entrancePath(execId, "log") + "?fromLine=" + QByteArray::number(fromLine)
           + "&size=" + QByteArray::number(size);
}

// Submits a shell job; its execID, or empty.
QString submitShell(HttpConnection &connection, const QString &code)
{
    const QJsonObject body{
        {QStringLiteral("executionContent"),
         QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("runType"), QStringLiteral("shell")}}},
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("engineType"), QStringLiteral("shell")},
                     {QStringLiteral("userCreator"), QStringLiteral("bench-IDE")}}}};
    const Fetched reply = fetch(
        connection,
        connection.post(ApiRoot + "entrance/submit", QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (!reply.linkisOk()) {
        std::printf(
            "!!! ERROR: submit failed (HTTP %d): %s\n", reply.status, reply.body.left(300).constData());
        return {};
    }
    return reply.data().value(QLatin1StringView("execID")).toString();
}

QString jobStatus(HttpConnection &connection, const QString &execId)
{
    return fetch(connection, connection.get(entrancePath(execId, "status")))
        .data()
        .value(QLatin1StringView("status"))
        .toString();
}

bool isFinal(const QString &status)
{
    return status == u"Succeed" || status == u"Failed" || status == u"Cancelled" || status == u"Timeout";
}

QString waitUntilFinal(HttpConnection &connection, const QString &execId, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QString status = jobStatus(connection, execId);
    while (!isFinal(status) && timer.elapsed() < timeoutMs && !interrupted && connection.ok()) {
        sleepMs(100);
        status = jobStatus(connection, execId);
    }
    return status;
}

struct Load
{
    double requestsPerSecond = 0;
    double meanMs = 0;
    double p99Ms = 0;
    qint64 failures = 0; // transport failures and answers other than HTTP 200
};

double percentileMs(const std::vector<qint64> &sortedNs, double p)
{
    if (sortedNs.empty())
        return 0;
    const auto rank = std::min(sortedNs.size() - 1, size_t(std::ceil(p * double(sortedNs.size()))) - 1);
    return double(sortedNs[rank]) / 1e6;
}

// `connections` keep-alive connections, each sending the next of `requests` (in turn) as soon
// as its previous answer is in; counted over `seconds` after a short warm-up.
Load runLoad(const QUrl &url,
             const QString &user,
             const QString &token,
             const QList<QByteArray> &requests,
             int connections,
             double seconds)
{
    Load load;
    std::vector<std::unique_ptr<HttpConnection>> pool;
    for (int i = 0; i < connections; ++i) {
        pool.push_back(std::make_unique<HttpConnection>(url, user, token));
        if (!pool.back()->ok()) {
            std::printf("!!! ERROR: cannot connect to %s: %s\n",
                        qPrintable(url.toString()),
                        qPrintable(pool.back()->error()));
            load.failures = -1;
            return load;
        }
    }
    std::vector<qint64> latencies;
    latencies.reserve(1 << 20);
    double latencySumNs = 0;
    qsizetype next = 0;
    int inFlight = 0;
    bool measuring = false;
    bool stopping = false;
    QEventLoop loop;
    std::function<void(HttpConnection *)> issue = [&](HttpConnection *connection) {
        ++inFlight;
        connection->send(requests.at(next++ % requests.size()), [&, connection](const Reply &reply) {
            --inFlight;
            if (reply.status != 200)
                ++load.failures;
            if (measuring) {
                latencies.push_back(reply.latencyNs);
                latencySumNs += double(reply.latencyNs);
            }
            if (reply.status != 0 && !stopping && !interrupted)
                issue(connection);
            else if (inFlight == 0)
                loop.quit();
        });
    };
    std::chrono::steady_clock::time_point start;
    std::chrono::steady_clock::time_point end;
    QTimer::singleShot(WarmUpMs, &loop, [&] {
        measuring = true;
        load.failures = 0;
        start = std::chrono::steady_clock::now();
    });
    QTimer::singleShot(WarmUpMs + int(seconds * 1000), &loop, [&] {
        measuring = false;
        stopping = true;
        end = std::chrono::steady_clock::now();
    });
    for (const auto &connection : pool)
        issue(connection.get());
    runLoop(loop, WarmUpMs + int(seconds * 1000) + 30000);
    if (!stopping) {
        load.failures = -1;
        return load;
    }
    const double elapsed = std::chrono::duration<double>(end - start).count();
    load.requestsPerSecond = double(latencies.size()) / elapsed;
    load.meanMs = latencies.empty() ? 0 : latencySumNs / double(latencies.size()) / 1e6;
    std::sort(latencies.begin(), latencies.end());
    load.p99Ms = percentileMs(latencies, 0.99);
    return load;
}

struct Target
{
    QUrl url;
    QString user;
    QString token;
};

// The status call and log pages of a finished job with about 10,000 lines; empty on failure.
struct Calls
{
    QList<QByteArray> status;
    QList<QByteArray> log;
    qint64 logLines = 0;
    qsizetype statusBytes = 0;
    qsizetype logBytes = 0;
};

std::optional<Calls> prepareCalls(const Target &server)
{
    HttpConnection connection(server.url, server.user, server.token);
    const QString execId = submitShell(
        connection,
        QStringLiteral("seq -f 'line %g of a finished job, about as long as an ordinary engine log line' %1")
            .arg(BigLogLines));
    if (execId.isEmpty())
        return std::nullopt;
    const QString status = waitUntilFinal(connection, execId, 60000);
    if (status != u"Succeed") {
        std::printf("!!! ERROR: the %d-line job ended as '%s'\n", BigLogLines, qPrintable(status));
        return std::nullopt;
    }
    Calls calls;
    // The log's length: page through it once.
    qint64 fromLine = 1;
    for (;;) {
        const Fetched page = fetch(connection, connection.get(logTarget(execId, fromLine, 10000)));
        if (!page.linkisOk()) {
            std::printf("!!! ERROR: log call failed (HTTP %d)\n", page.status);
            return std::nullopt;
        }
        const qint64 nextLine = page.data().value(QLatin1StringView("fromLine")).toInteger();
        if (nextLine <= fromLine)
            break;
        fromLine = nextLine;
    }
    calls.logLines = fromLine - 1;
    calls.status = {connection.get(entrancePath(execId, "status"))};
    for (qint64 line = 1; line + LogPageLines - 1 <= calls.logLines; line += LogPageLines)
        calls.log.append(connection.get(logTarget(execId, line, LogPageLines)));
    const Fetched statusReply = fetch(connection, calls.status.first());
    const Fetched logReply = fetch(connection, calls.log.first());
    if (!statusReply.linkisOk() || !logReply.linkisOk() || calls.logLines < BigLogLines) {
        std::printf("!!! ERROR: the calls to measure do not answer as expected (%lld log lines)\n",
                    qlonglong(calls.logLines));
        return std::nullopt;
    }
    calls.statusBytes = statusReply.body.size();
    calls.logBytes = logReply.body.size();
    return calls;
}

void benchRequests(const Target &floorServer,
                   const Target &server,
                   const QList<int> &concurrency,
                   double seconds)
{
    const auto calls = prepareCalls(server);
    if (!calls)
        return;
    std::printf("\n== Requests/s, one request in flight per keep-alive connection, %.0f s per row ==\n",
                seconds);
    std::printf("(client: this process; servers: child processes; %d cores)\n", QThread::idealThreadCount());
    std::printf("%-44s %5s %11s %9s %8s %8s %7s\n",
                "server: call",
                "conns",
                "requests/s",
                "vs floor",
                "mean ms",
                "p99 ms",
                "bytes");
    // The floor gets the status request, so both parse the same request.
    const QList<QByteArray> floorRequests = calls->status;
    const QByteArray logName = QStringLiteral("jobdeck-server: log, %1 of %2 lines")
                                   .arg(LogPageLines)
                                   .arg(calls->logLines)
                                   .toUtf8();
    for (int connections : concurrency) {
        const Load base
            = runLoad(floorServer.url, server.user, server.token, floorRequests, connections, seconds);
        if (interrupted || base.failures < 0)
            return;
        std::printf("%-44s %5d %11.0f %8.3fx %8.3f %8.3f %7lld\n",
                    "baseline: floor (QAbstractHttpServer, fixed)",
                    connections,
                    base.requestsPerSecond,
                    1.0,
                    base.meanMs,
                    base.p99Ms,
                    qlonglong(FloorServer::body().size()));
        const struct
        {
            QByteArray name;
            const QList<QByteArray> &requests;
            qsizetype bytes;
        } rows[] = {{QByteArrayLiteral("jobdeck-server: status"), calls->status, calls->statusBytes},
                    {logName, calls->log, calls->logBytes}};
        for (const auto &row : rows) {
            const Load load
                = runLoad(server.url, server.user, server.token, row.requests, connections, seconds);
            if (interrupted || load.failures < 0)
                return;
            std::printf("%-44s %5d %11.0f %8.3fx %8.3f %8.3f %7lld\n",
                        row.name.constData(),
                        connections,
                        load.requestsPerSecond,
                        load.requestsPerSecond / base.requestsPerSecond,
                        load.meanMs,
                        load.p99Ms,
                        qlonglong(row.bytes));
            if (load.failures > 0)
                std::printf("!!! ERROR: %lld requests of the row above failed\n", qlonglong(load.failures));
        }
    }
}

struct Latency
{
    qint64 lines = 0;      // distinct mark lines received
    qint64 duplicates = 0; // mark lines received more than once
    qint64 polls = 0;      // log calls made
    double p50Ms = 0;
    double p95Ms = 0;
    double maxMs = 0;
    bool ok = false;
};

// Runs a job that prints a line with its own time every 20 ms, and follows its log with one
// request in flight, `intervalMs` after each answer (none while a page comes back full).
Latency measureLogLatency(const Target &server, int intervalMs)
{
    Latency result;
    HttpConnection connection(server.url, server.user, server.token);
    const QString execId
        = submitShell(connection,
                      QStringLiteral("i=0; while [ $i -lt %1 ]; do echo \"mark $i $(date +%s%N)\"; "
                                     "i=$((i+1)); sleep 0.02; done")
                          .arg(MarkLines));
    if (execId.isEmpty())
        return result;
    std::vector<int> seen(MarkLines, 0);
    std::vector<qint64> latencies;
    qint64 fromLine = 1;
    bool ended = false;
    QElapsedTimer sinceStatus;
    sinceStatus.start();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000 && !interrupted) {
        const Fetched page = fetch(connection, connection.get(logTarget(execId, fromLine, LogPageLines)));
        ++result.polls;
        if (!page.linkisOk()) {
            std::printf("!!! ERROR: log call failed (HTTP %d, %s): %s\n",
                        page.status,
                        qPrintable(connection.error()),
                        page.body.left(300).constData());
            return result;
        }
        const QJsonObject data = page.data();
        const QString all = data.value(QLatin1StringView("log")).toArray().at(3).toString();
        const qint64 nextLine = data.value(QLatin1StringView("fromLine")).toInteger();
        const qint64 received = nextLine - fromLine;
        fromLine = nextLine;
        for (QStringView line : QStringView(all).split(u'\n', Qt::SkipEmptyParts)) {
            const qsizetype at = line.indexOf(u" mark ");
            if (at < 0)
                continue;
            const auto fields = line.sliced(at + 6).split(u' ');
            const int index = fields.size() == 2 ? fields.at(0).toInt() : -1;
            if (index < 0 || index >= MarkLines)
                continue;
            if (seen[size_t(index)]++ > 0) {
                ++result.duplicates;
                continue;
            }
            latencies.push_back(page.receivedAtNs - fields.at(1).toLongLong());
        }
        if (received >= LogPageLines)
            continue; // more is waiting: read it now
        if (received == 0) {
            if (ended)
                break; // the job has ended and its log is read to the end
            if (sinceStatus.elapsed() >= 500) {
                ended = isFinal(jobStatus(connection, execId));
                sinceStatus.restart();
                if (ended)
                    continue;
            }
        }
        if (intervalMs > 0)
            sleepMs(intervalMs);
    }
    if (interrupted)
        return result;
    result.lines = qint64(latencies.size());
    std::sort(latencies.begin(), latencies.end());
    result.p50Ms = percentileMs(latencies, 0.50);
    result.p95Ms = percentileMs(latencies, 0.95);
    result.maxMs = latencies.empty() ? 0 : double(latencies.back()) / 1e6;
    result.ok = ended && result.lines == MarkLines && result.duplicates == 0;
    return result;
}

void benchLogLatency(const Target &server)
{
    std::printf("\n== Log latency: a shell job printing its time every 20 ms (%d lines, ~5 s) ==\n",
                MarkLines);
    std::printf("(latency = when the client has the line - when the job printed it)\n");
    std::printf("%-44s %6s %8s %8s %8s %6s\n", "client", "lines", "p50 ms", "p95 ms", "max ms", "polls");
    const struct
    {
        const char *name;
        int intervalMs;
    } rows[] = {{"jobdeck-server, polling back to back", 0},
                {"baseline: polling every 1 s (console's max)", 1000}};
    double p50[2] = {};
    for (int i = 0; i < 2; ++i) {
        const Latency latency = measureLogLatency(server, rows[i].intervalMs);
        if (interrupted)
            return;
        p50[i] = latency.p50Ms;
        std::printf("%-44s %6lld %8.1f %8.1f %8.1f %6lld\n",
                    rows[i].name,
                    qlonglong(latency.lines),
                    latency.p50Ms,
                    latency.p95Ms,
                    latency.maxMs,
                    qlonglong(latency.polls));
        if (!latency.ok)
            std::printf("!!! ERROR: %lld of %d lines arrived, %lld more than once, for the row above\n",
                        qlonglong(latency.lines),
                        MarkLines,
                        qlonglong(latency.duplicates));
    }
    if (p50[1] > 0)
        std::printf("%-44s %6s %7.4fx (the rest of the 1 s client's p50 is its polling interval)\n",
                    "back to back vs 1 s polling, p50",
                    "",
                    p50[0] / p50[1]);
}

std::optional<QList<int>> parseConcurrency(const QString &text)
{
    QList<int> values;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = part.trimmed().toInt(&ok);
        if (!ok || value < 1 || value > 1000)
            return std::nullopt;
        values.append(value);
    }
    if (values.isEmpty())
        return std::nullopt;
    return values;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption floorMode(QStringLiteral("floor-server"), QStringLiteral("Run the baseline server."));
    floorMode.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds per throughput row."),
                                           QStringLiteral("S"),
                                           QStringLiteral("5"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
                                               QStringLiteral("Parallel connections, comma-separated."),
                                               QStringLiteral("N,N,..."),
                                               QStringLiteral("1,4,16"));
    parser.addOptions({floorMode, secondsOption, connectionsOption});
    parser.process(app);
    if (parser.isSet(floorMode))
        return runFloorServer();

    bool ok = false;
    const double seconds = parser.value(secondsOption).toDouble(&ok);
    const auto concurrency = parseConcurrency(parser.value(connectionsOption));
    if (!ok || seconds <= 0 || !concurrency) {
        std::fprintf(stderr, "bench-server: --seconds needs a positive number, --connections numbers\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    catchTerminationSignals();
    std::printf("JobDeck server benchmarks (Qt %s)\n", qVersion());

    QTemporaryDir folder;
    if (!folder.isValid()) {
        std::printf("!!! ERROR: no temporary folder: %s\n", qPrintable(folder.errorString()));
        return 1;
    }
    ChildServer floorProcess;
    ChildServer serverProcess;
    QByteArray line;
    if (!floorProcess.start(
            QCoreApplication::applicationFilePath(), {QStringLiteral("--floor-server")}, &line)
        || !line.startsWith("listening on "))
        return 1;
    const Target floorServer{QUrl(QString::fromLatin1(line.mid(13))), {}, {}};

    const QString runtimeFile = folder.filePath(QStringLiteral("server.json"));
    if (!serverProcess.start(QCoreApplication::applicationDirPath() + u"/jobdeck-server",
                             {QStringLiteral("--data-dir"),
                              folder.filePath(QStringLiteral("data")),
                              QStringLiteral("--runtime-file"),
                              runtimeFile,
                              QStringLiteral("--port"),
                              QStringLiteral("0")},
                             &line))
        return 1;
    QString error;
    const auto info = LocalServerInfo::read(runtimeFile, &error);
    if (!info) {
        std::printf("!!! ERROR: cannot read jobdeck-server's runtime file: %s\n", qPrintable(error));
        return 1;
    }
    const Target server{info->url, info->user, info->token};
    if (server.url.host() != u"127.0.0.1" || floorServer.url.host() != u"127.0.0.1") {
        std::printf("!!! ERROR: a server is not on the loopback address\n");
        return 1;
    }

    benchRequests(floorServer, server, *concurrency, seconds);
    if (!interrupted)
        benchLogLatency(server);
    if (interrupted) {
        std::printf("interrupted\n");
        return 130;
    }
    return 0;
}
