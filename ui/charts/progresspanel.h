#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class ProgressChart;

// How the job the user looks at runs, live: progress over time with an estimate of when it
// ends, its sub-jobs' task counts, its steps' or statements' durations, from the session's
// progress history (which a finished job keeps across restarts).
class ProgressPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPanel)

public:
    explicit ProgressPanel(Console *console, QWidget *parent = nullptr);

    ProgressChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJob(const JobKey &key);
    void retranslateUi();

    Console *m_console;
    ProgressChart *m_chart;
};

} // namespace JobDeck
