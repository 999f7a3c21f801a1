#include "results/resultspanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "results/resulttabs.h"

#include <QEvent>

namespace JobDeck {

ResultsPanel::ResultsPanel(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_tabs(new ResultTabs(this))
{
    setObjectName(QStringLiteral("resultsPanel"));
    setView(m_tabs);
    connect(m_console, &Console::currentJobChanged, this, &ResultsPanel::showJob);
    connect(m_console, &Console::currentJobUpdated, this, &ResultsPanel::loadIfSucceeded);
    connect(m_console, &Console::resultsLoaded, this, &ResultsPanel::showResults);
    connect(m_console, &Console::queryRequested, this, &ResultsPanel::showQuery);
    // The last tab closed by the user: the empty state again.
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this] { showView(m_tabs->count() > 0); });
    retranslateUi();
}

void ResultsPanel::clear()
{
    m_tabs->clearResults();
    m_loaded = {};
    showView(false);
}

void ResultsPanel::showJob(const JobKey &)
{
    clear();
    loadIfSucceeded();
}

void ResultsPanel::loadIfSucceeded()
{
    const JobKey key = m_console->currentJob();
    if (!key.isValid() || m_loaded == key)
        return;
    // The shown job has succeeded: its result sets are there to read.
    if (m_console->job(key).state != JobState::Succeeded)
        return;
    if (Session *session = m_console->session(key.connection)) {
        m_loaded = key;
        session->loadResults(key.id);
    }
}

void ResultsPanel::showResults(const JobKey &key,
                               const QList<ResultSetRef> &sets,
                               const QList<ResultPage> &pages)
{
    Session *session = m_console->session(key.connection);
    if (key != m_console->currentJob() || !session || !session->backend())
        return;
    // The statements that gave rows title the tabs: the script as sent from here, else the
    // server's record of it.
    QString script = session->submitRequestOf(key.id).script;
    if (script.isEmpty())
        script = m_console->job(key).script;
    m_tabs->showResultSets(session->backend(), script, sets, pages, Session::ResultPageRows);
    showView(m_tabs->count() > 0);
    if (m_tabs->count() > 0)
        Q_EMIT resultsShown();
}

void ResultsPanel::showQuery(const QString &connection, const QueryRequest &request)
{
    Session *session = m_console->session(connection);
    if (!session || !session->backend())
        return;
    // A query belongs to no job: the tabs of the job shown before make way for it, and stay
    // away while that job is still the current one (a later update of it must not bring its
    // result sets back over the query's rows); selecting a job shows that job's again.
    m_tabs->clearResults();
    m_loaded = m_console->currentJob();
    m_tabs->showQuery(session->backend(), request);
    showView(true);
    Q_EMIT resultsShown();
}

void ResultsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void ResultsPanel::retranslateUi()
{
    emptyState()->setTexts(tr("No results to show"),
                           tr("Select a job that has succeeded to see the rows its statements returned."));
}

} // namespace JobDeck
