#pragma once

#include "jobs/job.h"

#include <QWidget>

class QTreeWidget;

namespace JobDeck {

// A job's steps, one row each: name, state (coloured), start, end, duration, and a bar on a
// shared time axis, Gantt-like, so long and overlapping steps stand out. A running step's
// bar reaches to now.
class StepTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTimeline)

public:
    // The bar comes right after the state, so it stays in sight in a narrow dock.
    enum Column { NameColumn, StateColumn, BarColumn, DurationColumn, StartColumn, EndColumn, ColumnCount };

    explicit StepTimeline(QWidget *parent = nullptr);

    // Shows these steps, keeping the selected step when it is still there.
    void setSteps(const QList<JobStep> &steps);
    QList<JobStep> steps() const { return m_steps; }
    QString currentStepId() const;
    QTreeWidget *view() const { return m_view; }

Q_SIGNALS:
    void currentStepChanged(const QString &stepId);
    // Double-click or Return on a step.
    void stepActivated(const QString &stepId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void retranslateUi();

    QTreeWidget *m_view;
    QList<JobStep> m_steps;
};

// The colour a step or job state is drawn in.
QColor stateColour(JobState state);

} // namespace JobDeck
