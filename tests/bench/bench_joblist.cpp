// Benchmark of the job list's models against a baseline measured in the same run: the same
// 100,000 jobs in JobListModel + JobFilterModel, and in QStandardItemModel +
// QSortFilterProxyModel (display text and a raw sort value per cell, the usual way). Measures
// loading, sorting by each column, filtering by text, and the CPU that 1,000 status updates a
// second take while the list is sorted and filtered (getrusage over a few seconds). Prints a
// table with the ratios; it is not a test and asserts nothing about speed.
//
//   bench-joblist [--jobs N] [--seconds S] [--rate UPDATES_PER_SECOND]
#include "jobs/jobfiltermodel.h"
#include "jobs/joblistmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>

#include <sys/resource.h>

#include <cstdlib>
#include <ctime>

#include <cstdio>
#include <functional>
#include <vector>

using namespace JobDeck;

namespace {

const QString Connections[] = {QStringLiteral("local"), QStringLiteral("prod")};
const JobState States[]
    = {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled};

struct Data
{
    std::vector<QString> connections;
    QList<Job> jobs;
};

Data makeData(int count)
{
    QRandomGenerator random(2026);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-60);
    Data data;
    data.jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        Job job;
        job.backend = QStringLiteral("linkis");
        job.id = QStringLiteral("exec_id018%1linkis-cg-entrance_IDE_user%2_spark_%3")
                     .arg(i % 97, 2, 10, QLatin1Char('0'))
                     .arg(i % 50)
                     .arg(i);
        job.ids.linkisTaskId = 100000 + i;
        if (i % 3 == 0)
            job.name = QStringLiteral("report %1 of region %2").arg(i % 400).arg(i % 17);
        // A server's history: most jobs ended long ago, a few hundred queued or running.
        const int draw = random.bounded(1000);
        job.state = draw < 3     ? JobState::Queued
                    : draw < 8   ? JobState::Running
                    : draw < 80  ? JobState::Cancelled
                    : draw < 200 ? JobState::Failed
                                 : JobState::Succeeded;
        job.submitter = QStringLiteral("user%1").arg(random.bounded(50));
        job.submitted = start.addSecs(qint64(i) * 50 + random.bounded(40));
        job.engine = i % 4 ? QStringLiteral("spark") : QStringLiteral("hive");
        job.runType = i % 2 ? QStringLiteral("sql") : QStringLiteral("py");
        job.script = QStringLiteral("SELECT region, sum(amount) FROM sales_%1 WHERE day = %2 GROUP BY region")
                         .arg(i % 300)
                         .arg(i % 31);
        job.progress = job.state == JobState::Succeeded ? 1.0 : random.bounded(100) / 100.0;
        job.durationMs = random.bounded(3600000);
        if (job.state == JobState::Running)
            job.started = QDateTime::currentDateTimeUtc().addSecs(-random.bounded(3600));
        data.jobs.append(job);
        data.connections.push_back(Connections[i % 2]);
    }
    return data;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The CPU time the work took on this thread: what it costs, whatever else the machine runs.
double cpuMs(const std::function<void()> &work)
{
    timespec before{};
    timespec after{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
    work();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
    return double(after.tv_sec - before.tv_sec) * 1e3 + double(after.tv_nsec - before.tv_nsec) / 1e6;
}

// Runs `apply(n)` `rate` times a second in 10 ms ticks for `seconds`; returns the CPU used, as a
// share of one core.
double cpuShareWhile(double seconds, int rate, const std::function<void(int)> &apply)
{
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    int applied = 0;
    QElapsedTimer wall;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        // As many as are due by now: the rate holds whatever the timer's jitter.
        const int due = int(wall.elapsed() * rate / 1000) - applied;
        for (int i = 0; i < due; ++i)
            apply(applied++);
        if (wall.elapsed() >= seconds * 1000)
            QCoreApplication::exit();
    });
    const double cpuBefore = cpuSeconds();
    wall.start();
    tick.start();
    QCoreApplication::exec();
    const double used = cpuSeconds() - cpuBefore;
    return used / (double(wall.elapsed()) / 1000.0);
}

// The baseline: one QStandardItem per cell with the text and the raw value to sort by.
class Baseline
{
public:
    void load(const Data &data)
    {
        model.setColumnCount(JobListModel::ColumnCount);
        for (qsizetype i = 0; i < data.jobs.size(); ++i)
            model.appendRow(row(data.jobs.at(i), data.connections[size_t(i)]));
        proxy.setSortRole(JobListModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setSourceModel(&model);
    }

    // What a status update changes in the baseline: the state, progress and duration cells.
    void update(int row, const Job &job)
    {
        QStandardItem *state = model.item(row, JobListModel::StateColumn);
        state->setData(jobStateDisplayName(job.state), Qt::DisplayRole);
        state->setData(int(job.state), JobListModel::SortRole);
        QStandardItem *progress = model.item(row, JobListModel::ProgressColumn);
        progress->setData(QString(QString::number(int(job.progress * 100)) + u'%'), Qt::DisplayRole);
        progress->setData(job.progress, JobListModel::SortRole);
        QStandardItem *duration = model.item(row, JobListModel::DurationColumn);
        duration->setData(job.durationMs, JobListModel::SortRole);
    }

    QStandardItemModel model;
    QSortFilterProxyModel proxy;

private:
    static QList<QStandardItem *> row(const Job &job, const QString &connection)
    {
        const auto cell = [](const QString &text, const QVariant &sortValue) {
            auto *item = new QStandardItem(text);
            item->setData(sortValue, JobListModel::SortRole);
            return item;
        };
        const QString shown = job.name.isEmpty() ? QString::number(job.ids.linkisTaskId) : job.name;
        const QString engine = job.engine + u" / " + job.runType;
        return {cell(jobStateDisplayName(job.state), int(job.state)),
                cell(shown, shown),
                cell(connection, connection),
                cell(engine, engine),
                cell(job.submitter, job.submitter),
                cell(job.submitted.toString(Qt::ISODate), job.submitted),
                cell(QString::number(job.durationMs / 1000) + u" s", job.durationMs),
                cell(QString::number(int(job.progress * 100)) + u'%', job.progress)};
    }
};

void printRow(const char *what, double ours, double baseline, const char *unit)
{
    std::printf("  %-34s %10.1f %s %10.1f %s   %6.2fx\n",
                what,
                ours,
                unit,
                baseline,
                unit,
                ours > 0 ? baseline / ours : 0.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The job list's models against QStandardItemModel"));
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Jobs to list."),
                                        QStringLiteral("N"),
                                        QStringLiteral("100000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds of updates."),
                                           QStringLiteral("S"),
                                           QStringLiteral("4"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Status updates a second."),
                                        QStringLiteral("N"),
                                        QStringLiteral("1000"));
    parser.addOptions({jobsOption, secondsOption, rateOption});
    // scripts/bench passes the same arguments to every benchmark: options for the others are
    // not this one's business.
    parser.parse(app.arguments());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp();
    const int count = std::max(1000, parser.value(jobsOption).toInt());
    const double seconds = std::max(1.0, parser.value(secondsOption).toDouble());
    const int rate = std::max(1, parser.value(rateOption).toInt());

    std::printf("bench-joblist: %d jobs over 2 connections; JobListModel + JobFilterModel (ours) against\n"
                "QStandardItemModel + QSortFilterProxyModel (baseline), the same jobs, one run\n\n",
                count);
    const Data data = makeData(count);

    JobListModel jobs;
    JobFilterModel ours;
    Baseline baseline;
    std::printf("  %-34s %13s %13s   %7s\n", "", "ours", "baseline", "ahead");

    const double oursLoad = cpuMs([&] {
        QList<Job> local;
        QList<Job> prod;
        for (qsizetype i = 0; i < data.jobs.size(); ++i)
            (data.connections[size_t(i)] == Connections[0] ? local : prod).append(data.jobs.at(i));
        jobs.upsert(Connections[0], local);
        jobs.upsert(Connections[1], prod);
        ours.setSourceModel(&jobs);
    });
    const double baseLoad = cpuMs([&] { baseline.load(data); });
    printRow("load", oursLoad, baseLoad, "ms");

    double worstOurs = 0;
    double worstBase = 0;
    for (int column = 0; column < JobListModel::ColumnCount; ++column) {
        const QByteArray name
            = "sort by " + jobs.headerData(column, Qt::Horizontal).toString().toLower().toUtf8();
        const double o = cpuMs([&] { ours.sort(column, Qt::AscendingOrder); });
        const double b = cpuMs([&] { baseline.proxy.sort(column, Qt::AscendingOrder); });
        worstOurs = std::max(worstOurs, o);
        worstBase = std::max(worstBase, b);
        printRow(name.constData(), o, b, "ms");
    }

    // Sorted by state, as a user watching what runs would; then filtered by a word.
    ours.sort(JobListModel::StateColumn, Qt::AscendingOrder);
    baseline.proxy.sort(JobListModel::StateColumn, Qt::AscendingOrder);
    const QString word = QStringLiteral("user17");
    const double oursFilter = cpuMs([&] { ours.setText(word); });
    const double baseFilter = cpuMs([&] { baseline.proxy.setFilterFixedString(word); });
    printRow("filter by text \"user17\"", oursFilter, baseFilter, "ms");
    std::printf("  %-34s %10d rows %9d rows\n", "  rows shown", ours.rowCount(), baseline.proxy.rowCount());
    const double oursClear = cpuMs([&] { ours.setText(QString()); });
    const double baseClear = cpuMs([&] { baseline.proxy.setFilterFixedString(QString()); });
    printRow("clear the filter", oursClear, baseClear, "ms");
    ours.setText(word);
    baseline.proxy.setFilterFixedString(word);

    // Status updates: a random job changes state, progress and duration.
    QRandomGenerator random(7);
    std::vector<int> rows(size_t(rate) * size_t(seconds + 2));
    for (int &row : rows)
        row = random.bounded(count);
    const auto changed = [&](int row, int n) {
        Job job = data.jobs.at(row);
        job.state = States[(int(job.state) + n) % 5];
        job.progress = (n % 100) / 100.0;
        job.durationMs += n;
        return job;
    };
    // What the loop itself costs (making the updated jobs, the timer): measured alone, taken off both.
    const double harnessCpu = cpuShareWhile(seconds, rate, [&](int n) {
        const int row = rows[size_t(n) % rows.size()];
        const Job job = changed(row, n);
        Q_UNUSED(job);
    });
    const double oursCpu = cpuShareWhile(seconds, rate, [&](int n) {
        const int row = rows[size_t(n) % rows.size()];
        jobs.upsert(data.connections[size_t(row)], changed(row, n));
    });
    const double baseCpu = cpuShareWhile(seconds, rate, [&](int n) {
        const int row = rows[size_t(n) % rows.size()];
        baseline.update(row, changed(row, n));
    });
    const double oursNet = std::max(0.0, oursCpu - harnessCpu);
    const double baseNet = std::max(0.0, baseCpu - harnessCpu);
    std::printf("  %-34s %10.2f %% %9.2f %%   %6.2fx\n",
                qPrintable(QStringLiteral("%1 updates/s, sorted+filtered").arg(rate)),
                oursNet * 100,
                baseNet * 100,
                oursNet > 0 ? baseNet / oursNet : 0.0);
    std::printf("  %-34s %10.2f %%  (the loop making the updates, taken off both)\n",
                "  harness alone",
                harnessCpu * 100);
    double load[3] = {};
    getloadavg(load, 3);
    std::printf(
        "\n  Times are the CPU time of the work on its thread (this machine's load average: %.1f);\n"
        "  updates are CPU as a share of one core over %.0f s each. Targets: every sort and filter\n"
        "  under 100 ms, updates under 10 %% of a core. Slowest sort: ours %.1f ms, baseline %.1f ms.\n",
        load[0],
        seconds,
        worstOurs,
        worstBase);
    return 0;
}
