#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

class QAction;

namespace JobDeck {

class Console;
class StepTimeline;

// The steps of the job the user looks at on a Gantt timeline: Kylin steps, Linkis sub-jobs,
// the local server's statements, Flink vertices, live while the job runs. Clicking a step
// (or Step Output in the Job menu) makes it the Console's current step, so the log pane shows
// its part of the log.
class StepsPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsPanel)

public:
    explicit StepsPanel(Console *console, QWidget *parent = nullptr);

    StepTimeline *timeline() const { return m_timeline; }
    // Shows the log of the step selected on the timeline.
    QAction *stepOutputAction() const { return m_stepOutputAction; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    void updateAction();
    void showStepLog();
    void retranslateUi();

    Console *m_console;
    StepTimeline *m_timeline;
    QAction *m_stepOutputAction;
};

} // namespace JobDeck
