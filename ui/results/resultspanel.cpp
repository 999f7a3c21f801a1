#include "results/resultspanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "jobs/resulttablemodel.h"

#include <QEvent>
#include <QTabWidget>
#include <QTableView>

#include <climits>

namespace JobDeck {

ResultsPanel::ResultsPanel(Console *console, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("resultsPanel"));
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->setDocumentMode(true);
    setView(m_tabs);
    connect(m_console, &Console::currentJobChanged, this, &ResultsPanel::showJob);
    connect(m_console, &Console::currentJobUpdated, this, &ResultsPanel::loadIfSucceeded);
    connect(m_console, &Console::resultsLoaded, this, &ResultsPanel::showResults);
    retranslateUi();
}

void ResultsPanel::clear()
{
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
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

void ResultsPanel::showResults(const JobKey &key, const QStringList &names, const QList<ResultPage> &pages)
{
    Q_UNUSED(names);
    if (key != m_console->currentJob())
        return;
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const ResultPage &page = pages.at(i);
        auto *table = new QTableView(m_tabs);
        table->setObjectName(QStringLiteral("resultTable"));
        table->setModel(new ResultTableModel(page.columns, page.rows, table));
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setWordWrap(false);
        const qint64 total = page.totalRows >= 0 ? page.totalRows : page.rows.size();
        const QString title
            = tr("Result %1 (%n row(s))", nullptr, int(std::min<qint64>(total, INT_MAX))).arg(i + 1);
        m_tabs->addTab(table, title);
        if (total > page.rows.size())
            m_tabs->setTabToolTip(int(i),
                                  tr("The first %1 rows of %2 are shown").arg(page.rows.size()).arg(total));
        else if (!page.notice.isEmpty())
            m_tabs->setTabToolTip(int(i), page.notice);
    }
    showView(m_tabs->count() > 0);
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
