// Benchmarks of the log engine, each beside a baseline measured in the same run
// (../shared/performance.md): ingesting 1,000,000 lines of about 100 characters with the
// view following the end, against QPlainTextEdit at its best (10,000-line chunks, no wrap,
// no undo, scrolled to the end after each chunk, painted: Qt Creator's output pane); the
// memory they take; a word searched in those lines, against a QString::contains loop over
// a QStringList and `grep -c` on the same text; painting a screen after a jump to a random
// line. Prints figures and ratios; it is not a test and asserts nothing about speed.
//
//   bench-logs [--lines N]        (run with -platform offscreen)
#include "benchsupport.h"
#include "logs/logsearch.h"
#include "logs/logstore.h"
#include "logview/logview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

constexpr int Chunk = Bench::PlainTextLogPane::ChunkLines;

using Bench::cpuMs;

qint64 residentKb()
{
    return Bench::statusKb("VmRSS");
}

// Lines of about 100 characters, as a Spark driver writes them; one in 100 a WARN that
// says "timeout", the word searched for.
QStringList makeLines(int count)
{
    QStringList lines;
    lines.reserve(count);
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        const QString stamp = u"24/01/01 10:%1:%2"_s.arg(i / 60000 % 60, 2, 10, QChar(u'0'))
                                  .arg(i / 1000 % 60, 2, 10, QChar(u'0'));
        if (i % 100 == 37)
            lines.append(
                stamp
                + u" WARN TransportChannelHandler: Exception in connection from node-%1: timeout"_s.arg(
                    i % 20));
        else
            lines.append(
                stamp
                + u" INFO TaskSetManager: Finished task %1.0 in stage 3.0 (TID %2) in %3 ms on node %4"_s
                      .arg(i % 2000)
                      .arg(i)
                      .arg(random.bounded(5000))
                      .arg(i % 20));
    }
    return lines;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0
                            : values[std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * p))];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption linesOption(
        u"lines"_s, u"How many lines (default 1000000)."_s, u"N"_s, u"1000000"_s);
    parser.addOption(linesOption);
    parser.process(app);
    const int count = std::max(Chunk, parser.value(linesOption).toInt());

    const QStringList lines = makeLines(count);
    qint64 rawBytes = 0;
    for (const QString &line : lines)
        rawBytes += line.toUtf8().size() + 1;
    QList<QStringList> chunks;
    for (int i = 0; i < count; i += Chunk)
        chunks.append(lines.mid(i, Chunk));
    std::printf("%d lines, %.1f MB of UTF-8 text (%.0f characters a line)\n\n",
                count,
                rawBytes / 1e6,
                double(rawBytes) / count - 1);

    // Ingest, following the end: the store and its view.
    double storeSeconds = 0;
    double storeCpuMs = 0;
    qint64 storeResident = 0;
    qint64 storeRssKb = 0;
    auto store = std::make_shared<LogStore>();
    LogView view;
    view.resize(1400, 700);
    view.show();
    {
        const qint64 rssBefore = residentKb();
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = cpuMs();
        view.setStore(store);
        for (const QStringList &chunk : std::as_const(chunks)) {
            store->append(chunk);
            view.linesAppended();
            QCoreApplication::processEvents(); // paints the end
        }
        storeSeconds = clock.nsecsElapsed() / 1e9;
        storeCpuMs = cpuMs() - cpuBefore;
        storeResident = store->residentBytes();
        storeRssKb = residentKb() - rssBefore;
        if (view.lineAtRow(view.firstVisibleRow() + view.visibleRows() - 1) != count || !view.isFollowing())
            std::printf("warning: the view is not at the last line\n");
    }

    // Search for a word.
    const LogStore::Snapshot snapshot = store->snapshot();
    LogQuery query;
    query.find = LogPattern{u"timeout"_s};
    QList<double> storeSearch;
    QList<double> storeSearchCpu;
    qsizetype storeHits = 0;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = cpuMs();
        storeHits = LogSearch::run(snapshot, query).lines.size();
        storeSearch.append(clock.nsecsElapsed() / 1e6);
        storeSearchCpu.append(cpuMs() - cpuBefore);
    }
    LogQuery regexQuery;
    regexQuery.find = LogPattern{u"time(out|d out)"_s, true};
    QList<double> regexSearch;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer clock;
        clock.start();
        LogSearch::run(snapshot, regexQuery);
        regexSearch.append(clock.nsecsElapsed() / 1e6);
    }
    QList<double> listSearch;
    QList<double> listSearchCpu;
    qsizetype listHits = 0;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = cpuMs();
        listHits = 0;
        for (const QString &line : lines) {
            if (line.contains(u"timeout"_s, Qt::CaseInsensitive))
                ++listHits;
        }
        listSearch.append(clock.nsecsElapsed() / 1e6);
        listSearchCpu.append(cpuMs() - cpuBefore);
    }
    QTemporaryDir dir;
    const QString textFile = dir.filePath(u"log.txt"_s);
    {
        QFile file(textFile);
        file.open(QIODevice::WriteOnly);
        store->writeTo(&file);
    }
    QList<double> grepSearch;
    QByteArray grepHits;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer clock;
        clock.start();
        QProcess grep;
        grep.start(u"grep"_s, {u"-ci"_s, u"timeout"_s, textFile});
        grep.waitForFinished(-1);
        grepHits = grep.readAllStandardOutput().trimmed();
        grepSearch.append(clock.nsecsElapsed() / 1e6);
    }

    // Paint after a jump to a random line: in memory, then with the text spilled.
    const auto paintAfterJumps = [&](LogView &target, qint64 total) {
        QList<double> times;
        QRandomGenerator random(7);
        for (int i = 0; i < 200; ++i) {
            const qint64 n = 1 + random.bounded(total);
            QElapsedTimer clock;
            clock.start();
            target.goToLine(n);
            target.viewport()->repaint();
            times.append(clock.nsecsElapsed() / 1e6);
        }
        return times;
    };
    const QList<double> paintMemory = paintAfterJumps(view, count);
    auto budget = std::make_shared<LogMemoryBudget>(LogMemoryBudget::Limits{16ll << 20, 64ll << 20});
    auto bounded = std::make_shared<LogStore>(budget);
    for (const QStringList &chunk : std::as_const(chunks))
        bounded->append(chunk);
    LogView boundedView;
    boundedView.resize(1400, 700);
    boundedView.show();
    boundedView.setStore(bounded);
    QCoreApplication::processEvents();
    const QList<double> paintSpilled = paintAfterJumps(boundedView, count);
    QList<double> spilledSearch;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer clock;
        clock.start();
        LogSearch::run(bounded->snapshot(), query);
        spilledSearch.append(clock.nsecsElapsed() / 1e6);
    }
    const qint64 boundedResident = bounded->residentBytes();
    const qint64 boundedSpilled = bounded->spilledBytes();
    boundedView.setStore(nullptr);
    bounded.reset();
    view.setStore(nullptr);
    store.reset();

    // Baseline: QPlainTextEdit at its best.
    double editSeconds = 0;
    double editCpuMs = 0;
    qint64 editRssKb = 0;
    {
        const qint64 rssBefore = residentKb();
        Bench::PlainTextLogPane edit;
        edit.resize(1400, 700);
        edit.show();
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = cpuMs();
        for (const QStringList &chunk : std::as_const(chunks)) {
            edit.appendLines(chunk);
            QCoreApplication::processEvents();
        }
        editSeconds = clock.nsecsElapsed() / 1e9;
        editCpuMs = cpuMs() - cpuBefore;
        editRssKb = residentKb() - rssBefore;
    }

    const double storeRate = count / storeSeconds;
    const double editRate = count / editSeconds;
    std::printf(
        "Ingest %d lines, view following the end (chunks of %d, painted after each):\n", count, Chunk);
    std::printf("  %-58s %10.0f lines/s  1.00x  memory %6.1f MB (%.2fx the text)\n",
                "baseline: QPlainTextEdit, no wrap, no undo",
                editRate,
                editRssKb / 1024.0,
                editRssKb * 1024.0 / rawBytes);
    std::printf("  %-58s %10.0f lines/s %5.2fx  memory %6.1f MB (%.2fx the text; resident set +%.1f MB)\n",
                "LogStore + LogView",
                storeRate,
                storeRate / editRate,
                storeResident / 1048576.0,
                double(storeResident) / rawBytes,
                storeRssKb / 1024.0);
    std::printf("  by CPU time: %.0f lines per CPU second against %.0f (%.2fx)\n",
                count / (storeCpuMs / 1e3),
                count / (editCpuMs / 1e3),
                editCpuMs / storeCpuMs);
    std::printf("\nSearch for a word (\"timeout\", any case; %lld matching lines):\n", qlonglong(storeHits));
    std::printf("  %-58s %8.1f ms (%lld lines; %.1f ms of CPU)\n",
                "QString::contains loop over a QStringList",
                median(listSearch),
                qlonglong(listHits),
                median(listSearchCpu));
    std::printf("  %-58s %8.1f ms (%s lines)\n",
                "grep -ci on the same text (the floor; a process)",
                median(grepSearch),
                grepHits.constData());
    std::printf("  %-58s %8.1f ms  %.1fx faster than the loop (%.1f ms of CPU, all threads)\n",
                "LogSearch, in memory",
                median(storeSearch),
                median(listSearch) / median(storeSearch),
                median(storeSearchCpu));
    std::printf("  %-58s %8.1f ms\n", "LogSearch, regular expression time(out|d out)", median(regexSearch));
    std::printf("  %-58s %8.1f ms (resident %.1f MB, spilled %.1f MB)\n",
                "LogSearch, 16 MB bound: text spilled to the cache folder",
                median(spilledSearch),
                boundedResident / 1048576.0,
                boundedSpilled / 1048576.0);
    std::printf("\nPaint a screen after a jump to a random line (200 jumps):\n");
    std::printf("  %-58s median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                "in memory",
                median(paintMemory),
                percentile(paintMemory, 0.95),
                percentile(paintMemory, 1.0));
    std::printf("  %-58s median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                "spilled (a block read back per jump)",
                median(paintSpilled),
                percentile(paintSpilled, 0.95),
                percentile(paintSpilled, 1.0));
    return 0;
}
