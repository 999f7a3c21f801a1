#pragma once

#include "jobs/job.h"
#include "progress/progresshistory.h"

#include <QPointF>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QLabel;
class QLineSeries;
class QStackedBarSeries;
class QTabWidget;
class QValueAxis;

namespace JobDeck {

class Chart;

// The Progress panel of the selected job: progress over time with an estimate of when it
// ends (a dashed projection and a line of text), its sub-jobs' task counts as stacked bars,
// and the durations of its steps or statements. Every update replaces a series' points in one
// call; the history it is given is already bounded (ProgressHistory::MaxPoints).
class ProgressChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressChart)

public:
    enum Page { ProgressPage, TasksPage, DurationsPage };

    explicit ProgressChart(QWidget *parent = nullptr);

    void showJob(const Job &job, const ProgressHistory &history);
    void clear();

    int sampleCount() const;
    bool hasContent() const;
    QString etaText() const;
    QTabWidget *tabs() const { return m_tabs; }
    QLineSeries *progressSeries() const { return m_series; }
    QLineSeries *projectionSeries() const { return m_projection; }
    QStackedBarSeries *taskSeries() const { return m_tasks; }
    QBarSeries *durationSeries() const { return m_durations; }
    QStringList taskCategories() const;
    QStringList durationCategories() const;
    Chart *chart(Page page) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showProgress();
    void showTasks();
    void showDurations();

    Job m_job;
    ProgressHistory m_history;
    QTabWidget *m_tabs;
    Chart *m_progressChart;
    Chart *m_taskChart;
    Chart *m_durationChart;
    QLabel *m_eta;
    QLineSeries *m_series;
    QLineSeries *m_projection;
    QValueAxis *m_time;
    QValueAxis *m_percent;
    QStackedBarSeries *m_tasks;
    QList<QBarSet *> m_taskSets; // succeeded, failed, running, remaining
    QBarCategoryAxis *m_taskNames;
    QValueAxis *m_taskCount;
    QBarSeries *m_durations;
    QBarSet *m_durationSet;
    QBarCategoryAxis *m_durationNames;
    QValueAxis *m_seconds;
};

// "2 min 5 s" and the like.
QString formatSeconds(double seconds);

} // namespace JobDeck
