// A local shell job printing 1,000,000 lines of about 100 characters, followed end to end
// in the console: jobdeck-server (started by the Session in temporary home folders, on
// loopback), the Session's monitor, and the log pane. Two variants, each in a child process
// of its own so that each has its own peak memory:
//   logpanel   the log pane of the log engine (LogStore in the Session, LogPanel);
//   plaintext  the log pane as it was before it, at its best: the same Session signals fed
//              into a QPlainTextEdit (no wrap, no undo, chunks of at most 10,000 lines
//              appended, scrolled to the end: Qt Creator's output pane).
// The job writes its clock (ns) into its first and last lines. Each child measures from the
// last line written to that line painted at the tail of the view, from the first line
// written to the last one shown, its CPU time, the longest time its event loop was stalled
// and its peak resident memory (VmHWM); the parent prints them side by side with ratios.
// Every child ends the jobdeck-server it started. It is not a test; it asserts nothing
// about speed, but fails when a line is missing or the last line was not shown.
//
//   bench-loglocal [--lines N] [--runs R]        (run with -platform offscreen)
#include "backends/local/localserverfile.h"
#include "benchsupport.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "session/session.h"
#include "support/processes.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

const QString LogPanelVariant = u"logpanel"_s;
const QString PlainTextVariant = u"plaintext"_s;
const QByteArray ResultTag = "bench-loglocal-result";
// Lines with the job's clock are short ("<server time> INFO last t=<ns>"); the others are not.
constexpr int MarkerLineChars = 80;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The job: its clock in its first and last lines, `count - 2` lines of about 100 characters
// as a Spark driver writes them between (awk, so that the job itself is not the bottleneck).
QString jobScript(int count)
{
    return uR"sh(echo "first t=$(date +%s%N)"
awk -v n=)sh"_s
           + QString::number(count - 2)
           + uR"sh( 'BEGIN { for (i = 1; i <= n; i++) printf "24/01/01 10:%02d:%02d INFO TaskSetManager: Finished task %d.0 in stage 3.0 (TID %d) in %d ms on node-%d\n", int(i / 60000) % 60, int(i / 1000) % 60, i % 2000, i, (i * 7919) % 5000, i % 20 }'
echo "last t=$(date +%s%N)"
)sh"_s;
}

// CPU time (user + system) of another process of this user, from /proc; -1 when gone.
double processCpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // After the command's closing parenthesis: state is field 3, utime and stime 14 and 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields[11].toDouble() + fields[12].toDouble()) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

qint64 clockIn(const QString &line, QStringView marker)
{
    const qsizetype at = line.indexOf(marker);
    return at < 0 ? 0 : QStringView(line).mid(at + marker.size()).trimmed().toLongLong();
}

int runChild(const QString &variant, int count)
{
    Session session;
    std::unique_ptr<LogPanel> panel;
    std::unique_ptr<Bench::PlainTextLogPane> edit;
    QWidget *shown = nullptr;
    if (variant == LogPanelVariant) {
        panel = std::make_unique<LogPanel>();
        shown = panel.get();
    } else {
        edit = std::make_unique<Bench::PlainTextLogPane>();
        shown = edit.get();
    }
    shown->resize(1200, 500);
    shown->show();

    session.start();
    // Waits in the event loop (a loop of processEvents() would spin and its CPU time would
    // drown the console's).
    const auto waitUntil = [](const std::function<bool()> &done, int ms) {
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        check.start(5);
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        if (!done())
            loop.exec();
    };
    waitUntil([&] { return session.state() == Session::State::Ready; }, 60000);
    if (session.state() != Session::State::Ready) {
        std::fprintf(stderr, "bench-loglocal: the local server did not start\n");
        Test::endLocalServers();
        return 1;
    }
    const auto server = LocalServerInfo::read(LocalServerInfo::defaultPath());
    const qint64 serverPid = server ? server->pid : 0;
    const double serverCpuBefore = processCpuMs(serverPid);
    const qint64 idleKb = Bench::statusKb("VmRSS");

    QString jobId;
    qint64 fed = 0;         // lines given to the pane
    qint64 firstMarker = 0; // the line numbers of the job's first and last lines
    qint64 lastMarker = 0;
    qint64 firstWrittenNs = 0;
    qint64 lastWrittenNs = 0;
    qint64 lastShownNs = 0;
    bool lastVisible = false;
    double cpuAtLast = 0;
    qint64 receivedChars = 0;
    qint64 longestStallNs = 0;
    qint64 batches = 0;
    double longestFeedMs = 0;

    // How long the event loop could not run: the largest gap between ticks of a 10 ms timer.
    QTimer ticker;
    ticker.setInterval(10);
    qint64 lastTick = 0;
    QObject::connect(&ticker, &QTimer::timeout, shown, [&] {
        const qint64 now = nowNs();
        if (lastTick)
            longestStallNs = std::max(longestStallNs, now - lastTick);
        lastTick = now;
    });

    QObject::connect(&session, &Session::submitted, shown, [&](const Job &job) { jobId = job.id; });
    QObject::connect(&session,
                     &Session::logAppended,
                     shown,
                     [&](const QString &id, qint64 first, const QStringList &lines) {
                         if (id != jobId)
                             return;
                         // The monitor delivers every line once; the pane takes only what it does not have.
                         const qsizetype skip = std::clamp<qint64>(fed - first + 1, 0, lines.size());
                         if (skip == lines.size())
                             return;
                         const QStringList fresh = skip ? lines.mid(skip) : lines;
                         ++batches;
                         QElapsedTimer feed;
                         feed.start();
                         if (panel) {
                             if (panel->store() != session.logStore(id).get())
                                 panel->setLog(session.logStore(id), session.job(id));
                             else
                                 panel->linesAppended();
                             panel->view()->viewport()->repaint(); // on screen now
                         } else {
                             edit->appendLines(fresh);
                             edit->viewport()->repaint();
                         }
                         const qint64 now = nowNs();
                         longestFeedMs = std::max(longestFeedMs, feed.nsecsElapsed() / 1e6);

                         // The job's clock is in two short lines among the long ones (the server's own
                         // lines come before and after them).
                         for (qsizetype i = 0; i < fresh.size(); ++i) {
                             const QString &line = fresh[i];
                             receivedChars += line.size();
                             if (line.size() > MarkerLineChars)
                                 continue;
                             if (const qint64 at = clockIn(line, u"first t="); at > 0 && !firstMarker) {
                                 firstMarker = fed + i + 1;
                                 firstWrittenNs = at;
                             } else if (const qint64 end = clockIn(line, u"last t="); end > 0) {
                                 lastMarker = fed + i + 1;
                                 lastWrittenNs = end;
                             }
                         }
                         fed += fresh.size();
                         if (lastMarker && !lastShownNs) {
                             lastShownNs = now;
                             cpuAtLast = Bench::cpuMs();
                             if (panel) {
                                 const LogView *view = panel->view();
                                 const qint64 top = view->firstVisibleRow();
                                 const qint64 bottom
                                     = std::min<qint64>(top + view->visibleRows(), view->rowCount()) - 1;
                                 lastVisible = view->isFollowing() && view->lineAtRow(top) <= lastMarker
                                               && view->lineAtRow(bottom) >= lastMarker;
                             } else {
                                 lastVisible = edit->isLineShown(lastMarker);
                             }
                         }
                     });

    SubmitRequest request;
    request.runType = u"shell"_s;
    request.engine = u"shell"_s;
    request.script = jobScript(count);
    const qint64 submittedNs = nowNs();
    const double cpuBefore = Bench::cpuMs();
    ticker.start();
    session.submit(request);
    waitUntil([&] { return lastShownNs != 0; }, 30 * 60 * 1000);
    ticker.stop();
    const double serverCpuAfter = processCpuMs(serverPid);
    const qint64 peakKb = Bench::statusKb("VmHWM");
    const auto store = session.logStore(jobId);

    const qint64 jobLines = lastMarker && firstMarker ? lastMarker - firstMarker + 1 : 0;
    std::printf("%s variant=%s lines=%lld expected=%d visible=%d written_ms=%.1f last_latency_ms=%.1f "
                "arrival_ms=%.1f submit_to_last_ms=%.1f cpu_ms=%.1f server_cpu_ms=%.1f stall_ms=%.1f "
                "feed_ms=%.1f batches=%lld chars_per_line=%.1f idle_kb=%lld peak_kb=%lld store_kb=%lld "
                "spilled_kb=%lld\n",
                ResultTag.constData(),
                qPrintable(variant),
                qlonglong(jobLines),
                count,
                lastVisible ? 1 : 0,
                (lastWrittenNs - firstWrittenNs) / 1e6,
                (lastShownNs - lastWrittenNs) / 1e6,
                (lastShownNs - firstWrittenNs) / 1e6,
                (lastShownNs - submittedNs) / 1e6,
                cpuAtLast - cpuBefore,
                serverCpuBefore >= 0 && serverCpuAfter >= 0 ? serverCpuAfter - serverCpuBefore : -1.0,
                longestStallNs / 1e6,
                longestFeedMs,
                qlonglong(batches),
                fed ? double(receivedChars) / double(fed) : 0.0,
                qlonglong(idleKb),
                qlonglong(peakKb),
                qlonglong(store ? store->residentBytes() / 1024 : 0),
                qlonglong(store ? store->spilledBytes() / 1024 : 0));
    std::fflush(stdout);

    // The console leaves jobdeck-server running on purpose; the benchmark does not.
    Test::endLocalServers();
    return jobLines == count && lastShownNs && lastVisible ? 0 : 1;
}

using Figures = QHash<QByteArray, double>;

std::optional<Figures> runVariant(const QString &variant, int count, const QString &platform)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--child"_s, variant, u"--lines"_s, QString::number(count), u"-platform"_s, platform});
    if (!child.waitForStarted(30000) || !child.waitForFinished(40 * 60 * 1000)) {
        std::fprintf(stderr, "bench-loglocal: the %s run did not finish\n", qPrintable(variant));
        child.kill();
        child.waitForFinished(10000);
        return std::nullopt;
    }
    std::optional<Figures> figures;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (!line.startsWith(ResultTag))
            continue;
        figures = Figures();
        for (const QByteArray &field : line.split(' ')) {
            const qsizetype eq = field.indexOf('=');
            if (eq > 0)
                figures->insert(field.left(eq), field.mid(eq + 1).toDouble());
        }
    }
    if (!figures || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr,
                     "bench-loglocal: the %s run failed (exit code %d)%s\n",
                     qPrintable(variant),
                     child.exitCode(),
                     figures
                         ? qPrintable(u", %1 of %2 lines, last line shown: %3"_s.arg(figures->value("lines"))
                                          .arg(count)
                                          .arg(figures->value("visible") > 0 ? u"yes"_s : u"no"_s))
                         : "");
        return std::nullopt;
    }
    return figures;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("?");
}

int runParent(int count, int runs, const QString &platform)
{
    std::printf("A local shell job printing %d lines, followed in the console through jobdeck-server "
                "(polled every %d ms while the log grows); load average %s at the start\n",
                count,
                Session::LocalLogPollMs,
                loadAverage().constData());
    std::fflush(stdout);
    QHash<QString, QList<Figures>> results;
    for (int run = 0; run < runs; ++run) {
        // Alternating the order evens out what the other work on the machine does to each.
        const QStringList order = run % 2 ? QStringList{LogPanelVariant, PlainTextVariant}
                                          : QStringList{PlainTextVariant, LogPanelVariant};
        for (const QString &variant : order) {
            const std::optional<Figures> figures = runVariant(variant, count, platform);
            if (!figures)
                return 1;
            results[variant].append(*figures);
            std::printf("  run %d %-9s: last line %.0f ms after written, whole log %.0f ms (written in %.0f "
                        "ms), CPU %.0f ms, peak %.1f MB; load %s\n",
                        run + 1,
                        qPrintable(variant),
                        figures->value("last_latency_ms"),
                        figures->value("arrival_ms"),
                        figures->value("written_ms"),
                        figures->value("cpu_ms"),
                        figures->value("peak_kb") / 1024.0,
                        loadAverage().constData());
            std::fflush(stdout);
        }
    }
    const auto value = [&](const QString &variant, const char *key) {
        QList<double> values;
        for (const Figures &figures : results.value(variant))
            values.append(figures.value(key));
        return median(values);
    };
    const Figures sample = results.value(LogPanelVariant).value(0);
    std::printf("\n%d lines of %.0f characters as they arrive (the server adds its time and level); "
                "medians of %d run(s); ratio = baseline / ours\n",
                count,
                sample.value("chars_per_line"),
                runs);
    std::printf("  %-46s %14s %14s %8s\n", "", "QPlainTextEdit", "LogPanel", "ratio");
    const auto row = [&](const char *label, const char *key, double scale, const char *unit) {
        const double base = value(PlainTextVariant, key) * scale;
        const double ours = value(LogPanelVariant, key) * scale;
        std::printf("  %-46s %11.0f %-2s %11.0f %-2s %7.2fx\n",
                    label,
                    base,
                    unit,
                    ours,
                    unit,
                    ours > 0 ? base / ours : 0.0);
    };
    row("last line written -> shown at the tail (wall)", "last_latency_ms", 1, "ms");
    row("first line written -> last shown (wall)", "arrival_ms", 1, "ms");
    row("submit -> last line shown (wall)", "submit_to_last_ms", 1, "ms");
    row("the job writing its lines (wall)", "written_ms", 1, "ms");
    row("console CPU, submit -> last shown", "cpu_ms", 1, "ms");
    row("jobdeck-server CPU over the same time", "server_cpu_ms", 1, "ms");
    row("longest event-loop stall", "stall_ms", 1, "ms");
    row("longest feed of one batch to the pane", "feed_ms", 1, "ms");
    row("console peak memory (VmHWM)", "peak_kb", 1.0 / 1024, "MB");
    row("console resident before the job", "idle_kb", 1.0 / 1024, "MB");
    std::printf("  (the Session's LogStore holds %.1f MB in memory and %.1f MB spilled in both variants; "
                "%.0f batches of log lines)\nload average %s at the end\n",
                sample.value("store_kb") / 1024.0,
                sample.value("spilled_kb") / 1024.0,
                sample.value("batches"),
                loadAverage().constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    bool child = false;
    for (int i = 1; i < argc; ++i)
        child = child || qstrcmp(argv[i], "--child") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (child)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    const QCommandLineOption linesOption(
        u"lines"_s, u"How many lines the job prints (default 1000000)."_s, u"N"_s, u"1000000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of each variant (default 1)."_s, u"R"_s, u"1"_s);
    const QCommandLineOption platformOption(
        u"platform"_s, u"The Qt platform of the children (default offscreen)."_s, u"NAME"_s, u"offscreen"_s);
    QCommandLineOption childOption(u"child"_s, u"Run one variant: logpanel or plaintext."_s, u"VARIANT"_s);
    childOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({linesOption, runsOption, platformOption, childOption});
    parser.process(*app);
    const int count = std::max(3, parser.value(linesOption).toInt());

    if (parser.isSet(childOption)) {
        const QString variant = parser.value(childOption);
        if (variant != LogPanelVariant && variant != PlainTextVariant) {
            std::fprintf(stderr, "bench-loglocal: unknown variant %s\n", qPrintable(variant));
            return 2;
        }
        return runChild(variant, count);
    }
    return runParent(count, std::max(1, parser.value(runsOption).toInt()), parser.value(platformOption));
}
