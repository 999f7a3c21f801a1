#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"
#include "logs/logstore.h"

#include <memory>

class QFrame;
class QLabel;
class QPushButton;

namespace JobDeck {

class Console;
class LogPanel;

// The Log dock: the console's current job in the log pane (its session's store for that job,
// and each batch of new lines as the monitor delivers them), or what to do while no job is
// selected. The Console's current step shows here too: its lines of the job's log selected
// (the local server's statements), or its own output in place of the job's log (a Kylin
// step), with a bar that says which and goes back to the job's log.
class LogDock final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDock)

public:
    explicit LogDock(Console *console, QWidget *parent = nullptr);

    LogPanel *log() const { return m_log; }
    // True while a step's own output is shown instead of the job's log.
    bool isShowingStepOutput() const { return bool(m_stepOutput); }
    QString stepBarText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const JobKey &key);
    void showJobLog();
    void showStep(const JobKey &key, const QString &stepId);
    void showStepOutput(const JobKey &key, const QString &stepId, const QString &output);
    void selectPendingLines();
    void bringForward();
    void updateStepBar();
    void retranslateUi();

    Console *m_console;
    LogPanel *m_log;
    QFrame *m_stepBar;
    QLabel *m_stepText;
    QPushButton *m_backToJob;
    std::shared_ptr<LogStore> m_stepOutput; // the step's output while it is shown
    qint64 m_pendingFirst = 0;              // a step's lines to select once they arrived
    qint64 m_pendingLast = 0;
    QString m_barStep; // the step the bar above the log names; empty: no bar
    qint64 m_barFirst = 0;
    qint64 m_barLast = 0;
};

} // namespace JobDeck
