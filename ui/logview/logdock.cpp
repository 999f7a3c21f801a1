#include "logview/logdock.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "logview/logpanel.h"

#include <QEvent>

namespace JobDeck {

LogDock::LogDock(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_log(new LogPanel(this))
{
    setObjectName(QStringLiteral("logDockPanel"));
    setView(m_log);
    connect(m_console, &Console::currentJobChanged, this, &LogDock::show);
    connect(m_console, &Console::currentJobUpdated, this, [this](const JobKey &key) {
        m_log->setJob(m_console->job(key)); // its state and failure text, for the banner
    });
    connect(m_console, &Console::logAppended, this, [this](const JobKey &key) {
        if (key != m_console->currentJob())
            return;
        Session *session = m_console->session(key.connection);
        const auto store = session ? session->logStore(key.id) : nullptr;
        // A job's first lines make its store; later ones are appended to the one shown.
        if (store.get() != m_log->store())
            m_log->setLog(store, m_console->job(key));
        else
            m_log->linesAppended();
    });
    retranslateUi();
    show(m_console->currentJob());
}

void LogDock::show(const JobKey &key)
{
    Session *session = m_console->session(key.connection);
    const bool shown = session && key.isValid();
    m_log->setLog(shown ? session->logStore(key.id) : nullptr, m_console->job(key));
    showView(shown);
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
}

} // namespace JobDeck
