// Benchmark of the core statement splitter (app/scripts/statementsplitter.h): splitting a
// 10 MB script of ~50,000 statements (strings, comments and backticks holding semicolons),
// beside a baseline measured in the same run on the same text: a plain scan that only
// counts the semicolons (QStringView::count), the floor any splitter has to pass over.
// Prints figures and ratios; it asserts nothing about speed.
//
//   bench-splitter [--megabytes M] [--rounds N]
#include "scripts/statementsplitter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace JobDeck::Scripts;

namespace {

QString makeScript(qsizetype bytes)
{
    const QStringList shapes{
        QStringLiteral("INSERT OVERWRITE TABLE t PARTITION (dt='%1') SELECT a, 'x;y', `c;d` FROM s -- n;%1\n"
                       "WHERE b = \"q;r\" DISTRIBUTE BY a;\n"),
        QStringLiteral("/* step %1; */ SELECT count(*) FROM logs LATERAL VIEW explode(tags) tt AS tag "
                       "WHERE msg LIKE '%%\\;%%';\r\n"),
        QStringLiteral("SET hive.exec.dynamic.partition=%1;\n"),
    };
    QString script;
    script.reserve(bytes + 256);
    for (int i = 0; script.size() < bytes; ++i)
        script += shapes[i % shapes.size()].arg(i);
    return script;
}

double medianMs(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mbOption(QStringLiteral("megabytes"),
                                      QStringLiteral("Script size."),
                                      QStringLiteral("M"),
                                      QStringLiteral("10"));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"), QStringLiteral("Rounds."), QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Ignored (the other benchmarks' option)."),
                                           QStringLiteral("S"));
    parser.addOptions({mbOption, roundsOption, secondsOption});
    parser.process(app);
    const qsizetype bytes = parser.value(mbOption).toLongLong() * 1024 * 1024;
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    const QString script = makeScript(bytes);
    std::vector<double> splitMs;
    std::vector<double> scanMs;
    qsizetype statements = 0;
    qsizetype semicolons = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        semicolons = QStringView(script).count(u';');
        scanMs.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        statements = splitStatements(script, SplitDialect::hive()).size();
        splitMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    const double split = medianMs(splitMs);
    const double scan = medianMs(scanMs);
    const double mb = script.size() / (1024.0 * 1024.0);
    std::printf("bench-splitter: %.1f MB script (UTF-16 characters), %lld statements, %lld semicolons, "
                "median of %d rounds\n",
                mb,
                static_cast<long long>(statements),
                static_cast<long long>(semicolons),
                rounds);
    std::printf("  split (Hive dialect): %8.1f ms  %7.1f MB/s\n", split, mb / (split / 1000));
    std::printf("  baseline: count ';':  %8.1f ms  %7.1f MB/s\n", scan, mb / (scan / 1000));
    std::printf("  ratio split/baseline: %.1fx\n", split / scan);
    return statements > 10000 ? 0 : 1;
}
