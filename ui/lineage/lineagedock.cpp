#include "lineage/lineagedock.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "lineage/lineagepanel.h"

#include <QEvent>

namespace JobDeck {

LineageDock::LineageDock(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_lineage(new LineagePanel(this))
{
    setObjectName(QStringLiteral("lineageDockPanel"));
    setView(m_lineage);
    connect(m_console, &Console::currentJobChanged, this, &LineageDock::showJob);
    connect(m_console, &Console::currentJobUpdated, this, &LineageDock::loadIfSucceeded);
    connect(m_console, &Console::lineageLoaded, this, [this](const JobKey &key, const QByteArray &json) {
        if (key != m_console->currentJob())
            return;
        m_lineage->setLineage(key.id, json);
        updateView();
    });
    connect(m_lineage, &LineagePanel::ready, this, &LineageDock::updateView);
    retranslateUi();
    showJob(m_console->currentJob());
}

void LineageDock::showJob(const JobKey &)
{
    m_lineage->clear();
    m_requested = {};
    loadIfSucceeded();
    updateView();
}

void LineageDock::loadIfSucceeded()
{
    // An SQLFlow job that succeeded: its lineage is read once and drawn.
    const JobKey key = m_console->currentJob();
    if (!key.isValid() || m_requested == key || m_console->job(key).state != JobState::Succeeded)
        return;
    Session *session = m_console->session(key.connection);
    if (!session || !session->capabilities().lineage)
        return;
    m_requested = key;
    session->loadLineage(key.id);
}

void LineageDock::updateView()
{
    // The panel says itself why a lineage it was given cannot be drawn.
    const JobKey key = m_console->currentJob();
    showView(key.isValid() && m_lineage->jobId() == key.id && !m_lineage->jobId().isEmpty());
}

void LineageDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void LineageDock::retranslateUi()
{
    emptyState()->setTexts(tr("No lineage to show"),
                           tr("Select an SQLFlow job that succeeded to see its data lineage as a graph."));
}

} // namespace JobDeck
