#include "charts/progresspanel.h"

#include "charts/progresschart.h"
#include "common/emptystate.h"
#include "console/console.h"

#include <QEvent>

namespace JobDeck {

ProgressPanel::ProgressPanel(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_chart(new ProgressChart(this))
{
    setObjectName(QStringLiteral("progressPanel"));
    setView(m_chart);
    connect(m_console, &Console::currentJobChanged, this, &ProgressPanel::showJob);
    // Live: each reading and sub-job change, and the job's own record (its steps, its end).
    const auto ifCurrent = [this](const JobKey &key) {
        if (key == m_console->currentJob())
            showJob(key);
    };
    connect(m_console, &Console::progressHistoryChanged, this, ifCurrent);
    connect(m_console, &Console::currentJobUpdated, this, ifCurrent);
    retranslateUi();
    showJob(m_console->currentJob());
}

void ProgressPanel::showJob(const JobKey &key)
{
    Session *session = m_console->session(key.connection);
    if (session && key.isValid())
        m_chart->showJob(session->job(key.id), session->progressHistory(key.id));
    else
        m_chart->clear();
    showView(key.isValid() && m_chart->hasContent());
}

void ProgressPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void ProgressPanel::retranslateUi()
{
    emptyState()->setTexts(tr("No progress to chart"),
                           tr("Select a job to chart its progress over time, with an estimate of "
                              "when it ends, its sub-jobs' tasks and its steps' durations."));
}

} // namespace JobDeck
