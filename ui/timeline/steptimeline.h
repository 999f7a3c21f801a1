#pragma once

#include "jobs/job.h"
#include "timeline/timelinemodel.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace JobDeck {

class ProgressHistory;
class TimelineView;

// The Steps panel: one job's steps (Kylin), sub-jobs (Linkis), statements (the local server)
// or Flink vertices on a Gantt timeline, with zoom and fit buttons. A click on a step
// activates it (its panel shows the step's part of the log).
class StepTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTimeline)

public:
    explicit StepTimeline(QWidget *parent = nullptr);

    // Shows the job: its steps, else its sub-jobs with the times `history` saw (may be null).
    void setJob(const Job &job, const ProgressHistory *history = nullptr);
    // Shows these steps alone.
    void setSteps(const QList<JobStep> &steps);
    void clear();
    bool isEmpty() const;
    QList<JobStep> steps() const { return m_job.steps; }
    const TimelineModel &model() const;
    QString currentStepId() const;
    TimelineView *view() const { return m_view; }

Q_SIGNALS:
    void currentStepChanged(const QString &stepId);
    // A click or Return on a step.
    void stepActivated(const QString &stepId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Job m_job;
    TimelineView *m_view;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
    QLabel *m_hint;
};

} // namespace JobDeck
