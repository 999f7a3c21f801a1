#pragma once

#include "backends/backend.h"
#include "common/panel.h"
#include "jobs/jobkey.h"

namespace JobDeck {

class Console;
class ResultTabs;

// The result sets of the job the user looks at, once it has succeeded: a tab each, read from
// the server page by page as the grid scrolls (ResultTabs). A statement sent to a connection
// that answers queries instead of running jobs (Kylin) shows its rows here too.
class ResultsPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPanel)

public:
    explicit ResultsPanel(Console *console, QWidget *parent = nullptr);

    ResultTabs *tabs() const { return m_tabs; }

Q_SIGNALS:
    // Rows arrived for the user to see (the window brings the dock forward).
    void resultsShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJob(const JobKey &key);
    void loadIfSucceeded();
    void showResults(const JobKey &key, const QList<ResultSetRef> &sets, const QList<ResultPage> &pages);
    void showQuery(const QString &connection, const QueryRequest &request);
    void clear();
    void retranslateUi();

    Console *m_console;
    ResultTabs *m_tabs;
    // The job whose result sets are shown (or being read), or the job that was current when
    // a query took the tabs.
    JobKey m_loaded;
};

} // namespace JobDeck
