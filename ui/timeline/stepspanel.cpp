#include "timeline/stepspanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "timeline/steptimeline.h"

#include <QAction>
#include <QEvent>

namespace JobDeck {

StepsPanel::StepsPanel(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_timeline(new StepTimeline(this))
    , m_stepOutputAction(new QAction(this))
{
    setObjectName(QStringLiteral("stepsPanel"));
    setView(m_timeline);
    m_stepOutputAction->setObjectName(QStringLiteral("stepOutputAction"));
    connect(m_stepOutputAction, &QAction::triggered, this, &StepsPanel::showStepLog);
    connect(m_timeline, &StepTimeline::stepActivated, m_console, &Console::setCurrentStep);
    connect(m_timeline, &StepTimeline::currentStepChanged, this, &StepsPanel::updateAction);
    connect(m_console, &Console::currentJobChanged, this, &StepsPanel::update);
    connect(m_console, &Console::currentJobUpdated, this, &StepsPanel::update);
    connect(m_console, &Console::progressHistoryChanged, this, [this](const JobKey &key) {
        if (key == m_console->currentJob())
            update();
    });
    retranslateUi();
}

void StepsPanel::update()
{
    const JobKey key = m_console->currentJob();
    Session *session = m_console->session(key.connection);
    if (session && key.isValid()) {
        // The job's steps, else its sub-jobs with the times the console saw them change.
        const ProgressHistory history = session->progressHistory(key.id);
        m_timeline->setJob(session->job(key.id), &history);
    } else {
        m_timeline->clear();
    }
    const bool hasRows = !m_timeline->isEmpty();
    updateAction();
    if (!key.isValid())
        emptyState()->setTexts(tr("No job selected"),
                               tr("Select a job in the job list to see its steps on a timeline."));
    else if (session && session->capabilities().steps)
        emptyState()->setTexts(tr("No steps yet"),
                               tr("The job's steps appear here as the server reports them."));
    else
        emptyState()->setTexts(tr("No steps"),
                               tr("This job reports no steps, sub-jobs or statements; Kylin steps, "
                                  "Linkis sub-jobs and local SQL statements show here."));
    showView(key.isValid() && hasRows);
}

void StepsPanel::updateAction()
{
    // Always in the Job menu; while it cannot be used its tooltip says what to do.
    const bool job = m_console->currentJob().isValid();
    const bool step = job && !m_timeline->currentStepId().isEmpty();
    m_stepOutputAction->setEnabled(step);
    if (!job)
        m_stepOutputAction->setToolTip(tr("Select a job, then one of its steps in the Steps panel"));
    else if (m_timeline->isEmpty())
        m_stepOutputAction->setToolTip(tr("This job has no steps in the Steps panel"));
    else if (!step)
        m_stepOutputAction->setToolTip(tr("Select a step in the Steps panel to see its log"));
    else
        m_stepOutputAction->setToolTip(tr("Show the log of the step selected in the Steps panel"));
}

void StepsPanel::showStepLog()
{
    const QString stepId = m_timeline->currentStepId();
    if (!m_console->currentJob().isValid() || stepId.isEmpty())
        return;
    m_console->setCurrentStep(stepId);
}

void StepsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void StepsPanel::retranslateUi()
{
    m_stepOutputAction->setText(tr("Step &Output"));
    update();
}

} // namespace JobDeck
