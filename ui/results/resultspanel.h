#pragma once

#include "backends/backend.h"
#include "common/panel.h"
#include "jobs/jobkey.h"

class QTabWidget;

namespace JobDeck {

class Console;

// The result sets of the job the user looks at, once it has succeeded: a tab each.
class ResultsPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPanel)

public:
    explicit ResultsPanel(Console *console, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJob(const JobKey &key);
    void loadIfSucceeded();
    void showResults(const JobKey &key, const QStringList &names, const QList<ResultPage> &pages);
    void clear();
    void retranslateUi();

    Console *m_console;
    QTabWidget *m_tabs;
    JobKey m_loaded; // the job whose result sets are shown (or being read)
};

} // namespace JobDeck
