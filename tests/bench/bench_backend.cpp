// Benchmarks of the backend layer, each against a baseline measured in the same run
// (../shared/performance.md): decoding Linkis log pages, and the job monitor following 500
// running jobs on a Linkis simulator in another process. Prints figures and ratios; it is
// not a test and asserts nothing about speed.
//
//   bench-backend [--jobs N] [--seconds S]
#include "backends/linkis/linkisbackend.h"
#include "backends/linkis/linkisprotocol.h"
#include "monitor/jobmonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

using namespace JobDeck;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A log page as a Linkis 1.x entrance sends it: 10,000 lines of about 100 characters, the
// text twice (in its level's element and in ALL), about 1.9 MB.
QByteArray logPageBody(int lines)
{
    QString info;
    QString all;
    for (int i = 1; i <= lines; ++i) {
        const QString line
            = QStringLiteral("2026-11-22 10:%1:%2.%3 INFO SparkContext: stage %4 task %5 finished on "
                             "executor 12 (host worker-07) in 183 ms")
                  .arg(i / 6000 % 60, 2, 10, QChar(u'0'))
                  .arg(i / 100 % 60, 2, 10, QChar(u'0'))
                  .arg(i % 1000, 3, 10, QChar(u'0'))
                  .arg(i / 200)
                  .arg(i);
        info += line + u'\n';
        all += line + u'\n';
    }
    info.chop(1);
    all.chop(1);
    const QJsonObject data{
        {QStringLiteral("execID"), QStringLiteral("exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_a_1")},
        {QStringLiteral("log"), QJsonArray{QString(), QString(), info, all}},
        {QStringLiteral("fromLine"), lines + 1}};
    return QJsonDocument(QJsonObject{{QStringLiteral("method"), QStringLiteral("/api/entrance/x/log")},
                                     {QStringLiteral("status"), 0},
                                     {QStringLiteral("message"), QStringLiteral("Return log information")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

// Runs `decode` for about `seconds` and returns lines per second.
template<typename Decode>
double linesPerSecond(const QByteArray &body, double seconds, Decode decode)
{
    QElapsedTimer timer;
    timer.start();
    qint64 lines = 0;
    int rounds = 0;
    while (timer.elapsed() < seconds * 1000 || rounds < 3) {
        lines += decode(body);
        ++rounds;
    }
    return double(lines) / (double(timer.nsecsElapsed()) / 1e9);
}

void benchDecoding(double seconds)
{
    const QByteArray body = logPageBody(10000);
    std::printf("\n== Decoding a Linkis log page (10,000 lines, %.2f MB of JSON) ==\n",
                double(body.size()) / 1e6);
    // Baseline: what a Qt client does by default.
    const double baseline = linesPerSecond(body, seconds, [](const QByteArray &b) {
        const QJsonDocument document = QJsonDocument::fromJson(b);
        const QString all = document.object()
                                .value(QLatin1StringView("data"))
                                .toObject()
                                .value(QLatin1StringView("log"))
                                .toArray()
                                .at(3)
                                .toString();
        return all.split(u'\n').size();
    });
    const double general = linesPerSecond(body, seconds, [](const QByteArray &b) {
        HttpResponse response;
        response.status = 200;
        response.body = b;
        const auto envelope = Linkis::decodeEnvelope(response);
        return Linkis::logLinesFromValue(envelope->data.value(QLatin1StringView("log"))).size();
    });
    const double fast = linesPerSecond(
        body, seconds, [](const QByteArray &b) { return Linkis::decodeLogPageFast(b)->lines.size(); });
    std::printf("%-58s %12.0f lines/s  %6.1f MB/s\n",
                "baseline: QJsonDocument + data.log[3].split()",
                baseline,
                baseline / 10000 * body.size() / 1e6);
    std::printf("%-58s %12.0f lines/s  %6.2fx baseline\n",
                "JobDeck, general path (QJsonDocument, blank-line filter)",
                general,
                general / baseline);
    std::printf("%-58s %12.0f lines/s  %6.2fx baseline\n",
                "JobDeck, log fast path (simdjson on-demand)",
                fast,
                fast / baseline);
}

// The simulator runs in its own process, so this process's CPU time is the client's alone.
struct SimulatorProcess
{
    QProcess process;
    QUrl url;

    bool start(const QString &program)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(program,
                      {QStringLiteral("--user"),
                       QStringLiteral("bench"),
                       QStringLiteral("--password"),
                       QStringLiteral("bench-pw")});
        if (!process.waitForStarted(10000) || !process.waitForReadyRead(10000))
            return false;
        const QByteArray line = process.readLine().trimmed();
        if (!line.startsWith("listening on "))
            return false;
        url = QUrl(QString::fromUtf8(line.mid(13)));
        return true;
    }
    ~SimulatorProcess()
    {
        process.kill();
        process.waitForFinished(5000);
    }
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QList<Job> submitJobs(LinkisBackend &backend, int count)
{
    QList<Job> jobs;
    int pending = count;
    for (int i = 0; i < count; ++i) {
        SubmitRequest request;
        request.script
            = QStringLiteral(
                  "--sim states=Running:3600000,Succeed lines=1000000 linesPerSecond=2\nselect %1;")
                  .arg(i);
        request.engine = QStringLiteral("spark");
        onFinished(backend.submit(request), &backend, [&](const Result<Job> &job) {
            if (job)
                jobs.append(*job);
            --pending;
        });
    }
    QElapsedTimer timer;
    timer.start();
    while (pending > 0 && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    return jobs;
}

// The baseline poller: what a straightforward port of linkis-web's loop does: a repeating
// timer per job calling status, progress and log each round, decoding with QJsonDocument.
class NaivePoller final : public QObject
{
public:
    NaivePoller(const QUrl &base, const QByteArray &cookie, const QList<Job> &jobs, int intervalMs)
    {
        for (const Job &job : jobs) {
            auto *timer = new QTimer(this);
            connect(timer, &QTimer::timeout, this, [this, base, cookie, job] {
                for (const QString &what :
                     {QStringLiteral("status"), QStringLiteral("progress"), QStringLiteral("log")}) {
                    QUrl url = base;
                    url.setPath(
                        QStringLiteral("/api/rest_j/v1/entrance/%1/%2").arg(job.ids.linkisExecId, what));
                    QNetworkRequest request(url);
                    request.setRawHeader("Cookie", cookie);
                    QNetworkReply *reply = m_manager.get(request);
                    connect(reply, &QNetworkReply::finished, this, [this, reply] {
                        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
                        m_decoded += document.isObject() ? 1 : 0;
                        ++m_requests;
                        reply->deleteLater();
                    });
                }
            });
            timer->start(intervalMs);
        }
    }
    qint64 requests() const { return m_requests; }

private:
    QNetworkAccessManager m_manager;
    qint64 m_requests = 0;
    qint64 m_decoded = 0;
};

void benchMonitor(int jobCount, int seconds)
{
    std::printf("\n== Following %d running jobs on a Linkis simulator (another process), %d s each ==\n",
                jobCount,
                seconds);
    SimulatorProcess sim;
    if (!sim.start(QCoreApplication::applicationDirPath() + u"/jobdeck-linkis-sim")) {
        std::printf("could not start jobdeck-linkis-sim\n");
        return;
    }
    ConnectionProfile profile;
    profile.kind = QStringLiteral("linkis");
    profile.url = sim.url;
    profile.user = QStringLiteral("bench");
    profile.secret = QStringLiteral("bench-pw");
    LinkisBackend backend(profile);
    const QList<Job> jobs = submitJobs(backend, jobCount);
    if (jobs.size() != jobCount) {
        std::printf("only %lld of %d jobs were accepted\n", qlonglong(jobs.size()), jobCount);
        return;
    }
    spin(1000);

    // Both at one round per second per job, so the cost per request compares like for like.
    const qint64 rssBefore = residentKb();
    double monitorCpuPerRequest = 0;
    double cpu0 = cpuSeconds();
    qint64 lines = 0;
    {
        MonitorPolicy policy;
        policy.baseIntervalMs = 1000;
        policy.fastIntervalMs = 1000;
        policy.maxIdleFactor = 1;
        JobMonitor monitor(&backend, policy);
        QObject::connect(&monitor,
                         &JobMonitor::logAppended,
                         &monitor,
                         [&](const QString &, qint64, const QStringList &l) { lines += l.size(); });
        QElapsedTimer timer;
        timer.start();
        for (const Job &job : jobs)
            monitor.follow(job);
        spin(seconds * 1000);
        const double elapsed = timer.elapsed() / 1000.0;
        const double cpu = cpuSeconds() - cpu0;
        const qint64 calls = monitor.callCount();
        const qint64 rss = residentKb();
        std::printf("%-46s %8.0f requests/s  %7.1f us CPU/request  %7.1f us CPU/job-round\n",
                    "JobDeck monitor (status + log + progress)",
                    calls / elapsed,
                    cpu / calls * 1e6,
                    cpu / (calls / 3.0) * 1e6);
        std::printf("%-46s %8lld log lines delivered; resident memory %.1f MB (+%.1f MB while following)\n",
                    "",
                    qlonglong(lines),
                    rss / 1024.0,
                    (rss - rssBefore) / 1024.0);
        std::printf("%-46s %8.1f %% of one core\n", "", cpu / elapsed * 100);
        monitorCpuPerRequest = cpu / calls;
    }
    spin(500);

    // Baseline, same jobs, same server, same rate.
    QByteArray cookie;
    for (const QNetworkCookie &c :
         backend.findChild<QNetworkAccessManager *>()->cookieJar()->cookiesForUrl(sim.url))
        cookie += c.toRawForm(QNetworkCookie::NameAndValueOnly) + "; ";
    cpu0 = cpuSeconds();
    {
        NaivePoller naive(sim.url, cookie, jobs, 1000);
        QElapsedTimer timer;
        timer.start();
        spin(seconds * 1000);
        const double elapsed = timer.elapsed() / 1000.0;
        const double cpu = cpuSeconds() - cpu0;
        std::printf("%-46s %8.0f requests/s  %7.1f us CPU/request\n",
                    "baseline: naive poller (QJsonDocument)",
                    naive.requests() / elapsed,
                    cpu / naive.requests() * 1e6);
        std::printf("%-46s %8.2fx baseline CPU per request\n",
                    "JobDeck monitor",
                    monitorCpuPerRequest / (cpu / naive.requests()));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("jobs"),
                        QStringLiteral("Jobs to follow."),
                        QStringLiteral("N"),
                        QStringLiteral("500")},
                       {QStringLiteral("seconds"),
                        QStringLiteral("Seconds per measurement."),
                        QStringLiteral("S"),
                        QStringLiteral("20")}});
    parser.process(app);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    std::printf("JobDeck backend benchmarks (Qt %s)\n", qVersion());
    benchDecoding(2.0);
    benchMonitor(parser.value(QStringLiteral("jobs")).toInt(),
                 parser.value(QStringLiteral("seconds")).toInt());
    return 0;
}
