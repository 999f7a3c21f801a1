#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

class QAction;

namespace JobDeck {

class Console;
class StepTimeline;

// The steps of the job the user looks at, on a timeline; a step's output on demand.
class StepsPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsPanel)

public:
    explicit StepsPanel(Console *console, QWidget *parent = nullptr);

    StepTimeline *timeline() const { return m_timeline; }
    // Shows the output of the step selected on the timeline.
    QAction *stepOutputAction() const { return m_stepOutputAction; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    void showStepOutput();
    void showStepOutputText(const JobKey &key, const QString &stepId, const QString &output);
    void retranslateUi();

    Console *m_console;
    StepTimeline *m_timeline;
    QAction *m_stepOutputAction;
};

} // namespace JobDeck
