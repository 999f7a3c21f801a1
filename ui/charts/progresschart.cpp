#include "charts/progresschart.h"

#include "charts/chart.h"
#include "timeline/timelinemodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace JobDeck {

namespace {

// Round an axis up so it does not move with every sample.
double roundedUp(double value, double from)
{
    double max = from;
    while (max < value)
        max *= 2;
    return max;
}

// A tick interval of 1, 2 or 5 times a power of ten giving at most six ticks up to `max`.
double niceInterval(double max, double minimum)
{
    const double raw = std::max(max, minimum) / 6.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= raw)
            return std::max(minimum, step * power);
    }
    return std::max(minimum, 10.0 * power);
}

void setNiceRange(QValueAxis *axis, double max, double minimumInterval = 1)
{
    // Fixed ticks at whole steps (the range rounded up to one): Qt Charts' dynamic ticks hang
    // on ranges of months in seconds.
    const double interval = niceInterval(max, minimumInterval);
    const int steps = std::clamp(int(std::ceil(std::max(max, interval) / interval)), 1, 12);
    axis->setRange(0, interval * steps);
    axis->setTickCount(steps + 1);
}

constexpr int MaxBars = 60; // bars beyond these would be too thin to read: the first ones are shown

} // namespace

QString formatSeconds(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return {};
    if (seconds < 60)
        return ProgressChart::tr("%1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 1 : 0));
    const qint64 s = qint64(seconds);
    if (s < 3600)
        return ProgressChart::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return ProgressChart::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

ProgressChart::ProgressChart(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_progressChart(new Chart(this))
    , m_taskChart(new Chart(this))
    , m_durationChart(new Chart(this))
    , m_eta(new QLabel(this))
    , m_series(new QLineSeries)
    , m_projection(new QLineSeries)
    , m_time(new QValueAxis)
    , m_percent(new QValueAxis)
    , m_tasks(new QStackedBarSeries)
    , m_taskNames(new QBarCategoryAxis)
    , m_taskCount(new QValueAxis)
    , m_durations(new QBarSeries)
    , m_durationSet(new QBarSet(QString()))
    , m_durationNames(new QBarCategoryAxis)
    , m_seconds(new QValueAxis)
{
    setObjectName(QStringLiteral("progressChart"));
    m_tabs->setObjectName(QStringLiteral("progressTabs"));
    m_tabs->setDocumentMode(true);
    m_eta->setObjectName(QStringLiteral("etaLabel"));
    m_eta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_eta->setContentsMargins(6, 2, 6, 2);
    m_eta->setWordWrap(true); // a narrow dock wraps it rather than widening the window

    // Progress over time, and the dashed line to where the recent rate ends it.
    QChart *chart = m_progressChart->chart();
    chart->legend()->hide();
    m_series->setPointsVisible(true); // a job that ends at once has one sample: still seen
    QPen dashed(QColor(0x15, 0x65, 0xc0), 2, Qt::DashLine);
    m_projection->setPen(dashed);
    chart->addSeries(m_series);
    chart->addSeries(m_projection);
    m_percent->setRange(0, 100);
    m_percent->setLabelFormat(QStringLiteral("%d%%"));
    m_time->setRange(0, 10);
    m_time->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_percent, Qt::AlignLeft);
    for (QLineSeries *series : {m_series, m_projection}) {
        series->attachAxis(m_time);
        series->attachAxis(m_percent);
    }
    m_progressChart->applyPalette();
    auto *progressPage = new QWidget(this);
    auto *progressLayout = new QVBoxLayout(progressPage);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->setSpacing(0);
    progressLayout->addWidget(m_eta);
    progressLayout->addWidget(m_progressChart, 1);

    // Task counts of the sub-jobs, stacked.
    chart = m_taskChart->chart();
    static constexpr QRgb taskColours[] = {0x2e7d32, 0xc62828, 0x1565c0, 0x9e9e9e};
    static constexpr Qt::BrushStyle taskPatterns[]
        = {Qt::SolidPattern, Qt::DiagCrossPattern, Qt::BDiagPattern, Qt::Dense5Pattern};
    for (int i = 0; i < 4; ++i) {
        auto *set = new QBarSet(QString());
        set->setColor(QColor::fromRgb(taskColours[i]));
        // Colour-blind safe: a pattern per kind as well, named in the legend.
        QBrush brush(QColor::fromRgb(taskColours[i]), taskPatterns[i]);
        set->setBrush(brush);
        set->setBorderColor(QColor::fromRgb(taskColours[i]).darker(130));
        m_taskSets.append(set);
        m_tasks->append(set);
    }
    chart->addSeries(m_tasks);
    chart->addAxis(m_taskNames, Qt::AlignBottom);
    chart->addAxis(m_taskCount, Qt::AlignLeft);
    m_tasks->attachAxis(m_taskNames);
    m_tasks->attachAxis(m_taskCount);
    m_taskCount->setLabelFormat(QStringLiteral("%d"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_taskChart->applyPalette();

    // Durations of the steps or statements.
    chart = m_durationChart->chart();
    chart->legend()->hide();
    m_durationSet->setColor(QColor(0x15, 0x65, 0xc0));
    m_durations->append(m_durationSet);
    m_durations->setLabelsVisible(true);
    m_durations->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(m_durations);
    chart->addAxis(m_durationNames, Qt::AlignBottom);
    chart->addAxis(m_seconds, Qt::AlignLeft);
    m_durations->attachAxis(m_durationNames);
    m_durations->attachAxis(m_seconds);
    m_durationChart->applyPalette();

    m_tabs->addTab(progressPage, QString());
    m_tabs->addTab(m_taskChart, QString());
    m_tabs->addTab(m_durationChart, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    retranslateUi();
    showTasks();
    showDurations();
}

Chart *ProgressChart::chart(Page page) const
{
    return page == ProgressPage ? m_progressChart : page == TasksPage ? m_taskChart : m_durationChart;
}

void ProgressChart::clear()
{
    showJob(Job{}, ProgressHistory{});
}

void ProgressChart::showJob(const Job &job, const ProgressHistory &history)
{
    // The job list changes often; the charts only when their job did.
    if (job == m_job && history == m_history && m_series->count() == history.points().size())
        return;
    m_job = job;
    m_history = history;
    showProgress();
    showTasks();
    showDurations();
}

void ProgressChart::showProgress()
{
    const qint64 origin = m_history.originMs();
    QList<QPointF> points;
    points.reserve(m_history.points().size());
    for (const ProgressPoint &point : m_history.points())
        points.append({double(point.atMs - origin) / 1000.0, point.progress * 100});
    m_series->replace(points);

    QList<QPointF> projection;
    double lastX = points.isEmpty() ? 0 : points.constLast().x();
    const std::optional<ProgressEstimate> estimate = m_job.isTerminal() ? std::nullopt : m_history.estimate();
    if (estimate && !points.isEmpty()) {
        const double endX = double(estimate->finishAtMs - origin) / 1000.0;
        projection = {points.constLast(), QPointF(endX, 100)};
        const double left = double(estimate->finishAtMs - m_history.points().constLast().atMs) / 1000.0;
        const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(estimate->finishAtMs).time(),
                                              QLocale::ShortFormat);
        const double perMinute = estimate->ratePerSecond * 6000;
        m_eta->setText(perMinute >= 100
                           ? tr("Estimated to finish in %1, at %2 (%3 % a second lately)")
                                 .arg(formatSeconds(left), at, QLocale().toString(perMinute / 60, 'f', 1))
                           : tr("Estimated to finish in %1, at %2 (%3 % a minute lately)")
                                 .arg(formatSeconds(left), at, QLocale().toString(perMinute, 'f', 1)));
        lastX = std::max(lastX, endX);
    } else if (!points.isEmpty() && m_job.state == JobState::Succeeded) {
        m_eta->setText(tr("Finished after %1").arg(formatSeconds(points.constLast().x())));
    } else if (!points.isEmpty() && m_job.isTerminal()) {
        m_eta->setText(
            tr("Ended (%1) at %2 %").arg(jobStateDisplayName(m_job.state)).arg(int(points.constLast().y())));
    } else if (!points.isEmpty()) {
        m_eta->setText(tr("No estimate yet: the job is not moving forward"));
    } else {
        m_eta->setText(tr("No progress reported yet"));
    }
    m_projection->replace(projection);
    const double max = roundedUp(lastX, 10);
    if (m_time->max() != max)
        setNiceRange(m_time, max);
}

void ProgressChart::showTasks()
{
    QStringList names;
    QList<QList<qreal>> values(4);
    for (const SubJobProgress &row : std::as_const(m_job.subJobs)) {
        if (row.total <= 0 || names.size() >= MaxBars)
            continue;
        names << (row.name.isEmpty() ? row.id : row.name);
        const int remaining = std::max(0, row.total - row.succeeded - row.failed - row.running);
        values[0] << row.succeeded;
        values[1] << row.failed;
        values[2] << row.running;
        values[3] << remaining;
    }
    int top = 1;
    for (qsizetype i = 0; i < names.size(); ++i)
        top = std::max(top, int(values[0][i] + values[1][i] + values[2][i] + values[3][i]));
    for (int i = 0; i < 4; ++i) {
        m_taskSets[i]->remove(0, m_taskSets[i]->count());
        m_taskSets[i]->append(values[i]);
    }
    m_taskNames->clear();
    m_taskNames->append(names);
    setNiceRange(m_taskCount, top);
    m_tabs->setTabEnabled(TasksPage, !names.isEmpty());
}

void ProgressChart::showDurations()
{
    TimelineModel model;
    model.setJob(m_job, &m_history, QDateTime::currentMSecsSinceEpoch());
    QStringList names;
    QList<qreal> seconds;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < model.rowCount() && names.size() < MaxBars; ++i) {
        const TimelineModel::Row &row = model.row(i);
        if (row.startMs < 0)
            continue;
        names << row.name;
        seconds << double((row.endMs < 0 ? now : row.endMs) - row.startMs) / 1000.0;
    }
    m_durationSet->remove(0, m_durationSet->count());
    m_durationSet->append(seconds);
    m_durationNames->clear();
    m_durationNames->append(names);
    double top = 1;
    for (qreal s : std::as_const(seconds))
        top = std::max(top, s);
    setNiceRange(m_seconds, top * 1.15, 0.1);
    m_seconds->setLabelFormat(top < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_tabs->setTabEnabled(DurationsPage, !names.isEmpty());
}

int ProgressChart::sampleCount() const
{
    return int(m_series->count());
}

bool ProgressChart::hasContent() const
{
    return sampleCount() > 0 || m_tabs->isTabEnabled(TasksPage) || m_tabs->isTabEnabled(DurationsPage);
}

QString ProgressChart::etaText() const
{
    return m_eta->text();
}

QStringList ProgressChart::taskCategories() const
{
    return m_taskNames->categories();
}

QStringList ProgressChart::durationCategories() const
{
    return m_durationNames->categories();
}

void ProgressChart::retranslateUi()
{
    m_time->setTitleText(tr("seconds since the start"));
    m_seconds->setTitleText(tr("seconds"));
    m_taskSets[0]->setLabel(tr("Succeeded"));
    m_taskSets[1]->setLabel(tr("Failed"));
    m_taskSets[2]->setLabel(tr("Running"));
    m_taskSets[3]->setLabel(tr("Remaining"));
    m_durationSet->setLabel(tr("Duration"));
    m_tabs->setTabText(ProgressPage, tr("Progress"));
    m_tabs->setTabText(TasksPage, tr("Tasks"));
    m_tabs->setTabText(DurationsPage, tr("Durations"));
    m_tabs->setTabToolTip(TasksPage, tr("Task counts of the sub-jobs the server reports"));
    m_tabs->setTabToolTip(DurationsPage, tr("How long each step or statement took"));
    showProgress(); // the estimate's text
}

void ProgressChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace JobDeck
