#include "logview/logdock.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "logview/logpanel.h"
#include "logview/logview.h"

#include <QDockWidget>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace JobDeck {

namespace {

// What the user calls the step: the name the server gives it, else its id.
QString stepName(const Job &job, const QString &stepId)
{
    for (const JobStep &step : job.steps) {
        if (step.id == stepId && !step.name.isEmpty())
            return step.name;
    }
    for (const SubJobProgress &row : job.subJobs) {
        if (row.id == stepId && !row.name.isEmpty())
            return row.name;
    }
    return stepId;
}

} // namespace

LogDock::LogDock(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_log(new LogPanel(this))
    , m_stepBar(new QFrame(this))
    , m_stepText(new QLabel(m_stepBar))
    , m_backToJob(new QPushButton(m_stepBar))
{
    setObjectName(QStringLiteral("logDockPanel"));
    m_stepBar->setObjectName(QStringLiteral("logStepBar"));
    m_stepBar->setFrameShape(QFrame::StyledPanel);
    m_stepBar->setAutoFillBackground(true);
    m_stepBar->setBackgroundRole(QPalette::AlternateBase);
    m_stepText->setObjectName(QStringLiteral("logStepText"));
    m_stepText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backToJob->setObjectName(QStringLiteral("logBackToJob"));
    auto *barLayout = new QHBoxLayout(m_stepBar);
    barLayout->setContentsMargins(6, 2, 6, 2);
    barLayout->addWidget(m_stepText, 1);
    barLayout->addWidget(m_backToJob);
    m_stepBar->hide();
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stepBar);
    layout->addWidget(m_log, 1);
    setView(content);

    connect(m_backToJob, &QPushButton::clicked, m_console, [this] { m_console->setCurrentStep({}); });
    connect(m_console, &Console::currentJobChanged, this, &LogDock::show);
    connect(m_console, &Console::currentJobUpdated, this, [this](const JobKey &key) {
        m_log->setJob(m_console->job(key)); // its state and failure text, for the banner
    });
    connect(m_console, &Console::logAppended, this, [this](const JobKey &key) {
        if (key != m_console->currentJob() || m_stepOutput)
            return; // a step's output is shown: the job's lines wait in its store
        Session *session = m_console->session(key.connection);
        const auto store = session ? session->logStore(key.id) : nullptr;
        // A job's first lines make its store; later ones are appended to the one shown.
        if (store.get() != m_log->store())
            m_log->setLog(store, m_console->job(key));
        else
            m_log->linesAppended();
        selectPendingLines();
    });
    connect(m_console, &Console::currentStepChanged, this, &LogDock::showStep);
    connect(m_console, &Console::stepOutputLoaded, this, &LogDock::showStepOutput);
    retranslateUi();
    show(m_console->currentJob());
}

void LogDock::show(const JobKey &key)
{
    m_stepOutput.reset();
    m_pendingFirst = m_pendingLast = 0;
    m_barStep.clear();
    updateStepBar();
    Session *session = m_console->session(key.connection);
    const bool shown = session && key.isValid();
    m_log->setLog(shown ? session->logStore(key.id) : nullptr, m_console->job(key));
    showView(shown);
}

void LogDock::showJobLog()
{
    const JobKey key = m_console->currentJob();
    m_pendingFirst = m_pendingLast = 0;
    m_barStep.clear();
    updateStepBar();
    if (!m_stepOutput)
        return;
    m_stepOutput.reset();
    Session *session = m_console->session(key.connection);
    m_log->setLog(session && key.isValid() ? session->logStore(key.id) : nullptr, m_console->job(key));
}

void LogDock::showStep(const JobKey &key, const QString &stepId)
{
    if (key != m_console->currentJob())
        return;
    if (stepId.isEmpty()) {
        showJobLog();
        return;
    }
    const auto [first, last] = m_console->stepLogLines(key, stepId);
    if (first <= 0)
        return; // the step's own output is on its way (stepOutputLoaded)
    showJobLog();
    m_barStep = stepId;
    m_barFirst = first;
    m_barLast = last;
    updateStepBar();
    m_pendingFirst = first;
    m_pendingLast = last;
    selectPendingLines();
    bringForward();
}

void LogDock::selectPendingLines()
{
    // The lines are selected once the job's log has them (a log read for the first time).
    const LogStore *store = m_log->store();
    if (m_pendingFirst <= 0 || !store || store->lineCount() < m_pendingFirst)
        return;
    m_log->view()->selectLines(m_pendingFirst, m_pendingLast);
    m_pendingFirst = m_pendingLast = 0;
}

void LogDock::showStepOutput(const JobKey &key, const QString &stepId, const QString &output)
{
    if (key != m_console->currentJob() || stepId != m_console->currentStep())
        return;
    const Job job = m_console->job(key);
    const QString name = stepName(job, stepId);
    auto store = std::make_shared<LogStore>();
    store->append(tr("— Output of “%1” (job %2) —").arg(name, key.id));
    if (output.isEmpty())
        store->append(tr("(the step wrote nothing)"));
    else
        store->append(output.split(u'\n'));
    m_stepOutput = store;
    m_pendingFirst = m_pendingLast = 0;
    m_log->setLog(store, job);
    m_barStep = stepId;
    updateStepBar();
    bringForward();
}

void LogDock::updateStepBar()
{
    const JobKey key = m_console->currentJob();
    if (m_barStep.isEmpty() || !key.isValid()) {
        m_stepBar->hide();
        return;
    }
    const QString name = stepName(m_console->job(key), m_barStep);
    if (m_stepOutput)
        m_stepText->setText(tr("The output of step “%1” of job %2").arg(name, key.id));
    else
        m_stepText->setText(
            tr("“%1”: lines %2–%3 of the job's log, selected").arg(name).arg(m_barFirst).arg(m_barLast));
    m_backToJob->setVisible(bool(m_stepOutput));
    m_stepBar->show();
}

QString LogDock::stepBarText() const
{
    return m_stepBar->isVisibleTo(this) ? m_stepText->text() : QString();
}

void LogDock::bringForward()
{
    // The log dock may sit behind the results in a tab: the step's log is what was asked for.
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise();
            return;
        }
    }
}

void LogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void LogDock::retranslateUi()
{
    emptyState()->setTexts(tr("No log to show"),
                           tr("Select a job in the job list to follow its log; new lines "
                              "stream in while it runs."));
    m_backToJob->setText(tr("Show the Job's Log"));
    m_backToJob->setToolTip(tr("Back to the whole log of the job"));
    updateStepBar();
}

} // namespace JobDeck
