#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class LogPanel;

// The Log dock: the console's current job in the log pane (its session's store for that job,
// and each batch of new lines as the monitor delivers them), or what to do while no job is
// selected.
class LogDock final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDock)

public:
    explicit LogDock(Console *console, QWidget *parent = nullptr);

    LogPanel *log() const { return m_log; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const JobKey &key);
    void retranslateUi();

    Console *m_console;
    LogPanel *m_log;
};

} // namespace JobDeck
