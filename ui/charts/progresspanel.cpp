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
    connect(m_console, &Console::progressSampled, this, [this](const JobKey &key, const QPointF &sample) {
        if (key != m_console->currentJob())
            return;
        m_chart->addSample(sample);
        showView(true);
    });
    retranslateUi();
    showJob(m_console->currentJob());
}

void ProgressPanel::showJob(const JobKey &key)
{
    Session *session = m_console->session(key.connection);
    m_chart->showSamples(session && key.isValid() ? session->progressSamples(key.id) : QList<QPointF>{});
    showView(m_chart->sampleCount() > 0);
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
                           tr("Select a running job to chart its progress over time."));
}

} // namespace JobDeck
