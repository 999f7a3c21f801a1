#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class ProgressChart;

// The progress over time of the job the user looks at.
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
