#include "logview/logpanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "logview/logview.h"

#include <QEvent>

namespace JobDeck {

LogPanel::LogPanel(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_view(new LogView(this))
{
    setObjectName(QStringLiteral("logPanel"));
    setView(m_view);
    connect(m_console, &Console::currentJobChanged, this, &LogPanel::showJob);
    connect(m_console,
            &Console::logAppended,
            this,
            [this](const JobKey &key, qint64 first, const QStringList &lines) {
                if (key != m_console->currentJob())
                    return;
                if (first == 1)
                    m_view->showLines(lines);
                else
                    m_view->appendLines(lines);
            });
    retranslateUi();
    showJob(m_console->currentJob());
}

void LogPanel::showJob(const JobKey &key)
{
    Session *session = m_console->session(key.connection);
    m_view->showLines(session && key.isValid() ? session->logLines(key.id) : QStringList{});
    showView(session && key.isValid());
}

void LogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void LogPanel::retranslateUi()
{
    emptyState()->setTexts(tr("No log to show"),
                           tr("Select a job in the job list to follow its log; new lines "
                              "stream in while it runs."));
}

} // namespace JobDeck
