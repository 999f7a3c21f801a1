#include "timeline/stepspanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "timeline/steptimeline.h"

#include <QAction>
#include <QDialog>
#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

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
    connect(m_stepOutputAction, &QAction::triggered, this, &StepsPanel::showStepOutput);
    connect(m_timeline, &StepTimeline::stepActivated, this, &StepsPanel::showStepOutput);
    connect(m_timeline, &StepTimeline::currentStepChanged, this, &StepsPanel::update);
    connect(m_console, &Console::currentJobChanged, this, &StepsPanel::update);
    connect(m_console, &Console::currentJobUpdated, this, &StepsPanel::update);
    connect(m_console, &Console::stepOutputLoaded, this, &StepsPanel::showStepOutputText);
    retranslateUi();
}

void StepsPanel::update()
{
    const JobKey key = m_console->currentJob();
    Session *session = m_console->session(key.connection);
    const QList<JobStep> steps = session && key.isValid() ? session->job(key.id).steps : QList<JobStep>{};
    if (steps != m_timeline->steps())
        m_timeline->setSteps(steps);
    const bool reportsSteps = session && session->capabilities().steps;
    m_stepOutputAction->setVisible(reportsSteps);
    m_stepOutputAction->setEnabled(reportsSteps && key.isValid() && !m_timeline->currentStepId().isEmpty());
    if (!key.isValid())
        emptyState()->setTexts(tr("No job selected"),
                               tr("Select a job in the job list to see its steps on a timeline."));
    else if (reportsSteps)
        emptyState()->setTexts(tr("No steps yet"),
                               tr("The job's steps appear here as the server reports them."));
    else
        emptyState()->setTexts(tr("No steps"),
                               tr("This job's service does not report steps; Kylin jobs show theirs here."));
    showView(key.isValid() && !steps.isEmpty());
}

void StepsPanel::showStepOutput()
{
    const JobKey key = m_console->currentJob();
    const QString stepId = m_timeline->currentStepId();
    Session *session = m_console->session(key.connection);
    if (!session || !key.isValid() || stepId.isEmpty() || !session->capabilities().steps)
        return;
    session->loadStepOutput(key.id, stepId);
}

void StepsPanel::showStepOutputText(const JobKey &key, const QString &stepId, const QString &output)
{
    QString name = stepId;
    const QList<JobStep> steps = m_console->job(key).steps;
    for (const JobStep &step : steps) {
        if (step.id == stepId && !step.name.isEmpty())
            name = step.name;
    }
    auto *dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("stepOutputDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Output of “%1” (job %2)").arg(name, key.id));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("stepOutputText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(output.isEmpty() ? tr("(the step wrote nothing)") : output);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(760, 480);
    dialog->show();
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
    m_stepOutputAction->setToolTip(tr("Show the output of the step selected in the Steps panel"));
    update();
}

} // namespace JobDeck
