#pragma once

#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class LogView;

// The log of the job the user looks at, following it while it runs.
class LogPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPanel)

public:
    explicit LogPanel(Console *console, QWidget *parent = nullptr);

    LogView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJob(const JobKey &key);
    void retranslateUi();

    Console *m_console;
    LogView *m_view;
};

} // namespace JobDeck
