#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class LineagePanel;

// The Lineage dock: the current job's data lineage as a graph when it is an SQLFlow job
// that succeeded (read once from its session, laid out off the GUI thread), or what to do
// while there is none.
class LineageDock final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineageDock)

public:
    explicit LineageDock(Console *console, QWidget *parent = nullptr);

    LineagePanel *lineage() const { return m_lineage; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJob(const JobKey &key);
    void loadIfSucceeded();
    void updateView();
    void retranslateUi();

    Console *m_console;
    LineagePanel *m_lineage;
    JobKey m_requested; // the job whose lineage was asked for (or is shown)
};

} // namespace JobDeck
