#pragma once

#include "jobs/jobkey.h"
#include "jobs/jobstate.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace JobDeck {

class EmptyState;
class JobFilterModel;
class JobItemDelegate;
class JobListModel;

// The job list panel: a filter bar (text, states with their counts, connections, time range,
// "submitted by me") above the table of the jobs of every open connection. The filter and the
// table's columns (order, widths, sorting) are kept in the settings and restored on the next
// start. The panel only shows and selects; what is done to the selected jobs is the owner's.
class JobListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListPanel)

public:
    // The model is not owned; it must outlive the panel.
    explicit JobListPanel(JobListModel *model, QWidget *parent = nullptr);
    ~JobListPanel() override;

    QTableView *view() const { return m_view; }
    JobFilterModel *filterModel() const { return m_filter; }
    QLineEdit *searchField() const { return m_search; }

    // The selected jobs, in the order shown.
    QList<JobKey> selectedJobs() const;
    JobKey currentJob() const;
    // Makes the job current and selected, and scrolls to it; a job the filter hides is shown
    // by clearing the filter. Nothing happens for a job the model does not hold.
    void selectJob(const JobKey &key);

Q_SIGNALS:
    void currentJobChanged(const JobDeck::JobKey &key);
    // Right click or the menu key on the list; the selection is already what the menu is about.
    void contextMenuRequested(const QPoint &globalPos);
    // Double click or Return on a job.
    void jobActivated(const JobDeck::JobKey &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeFilterBar();
    void retranslateUi();
    void updateStateChips();
    void updateConnectionMenu();
    void updateFilterButtons();
    void updateEmptyState();
    void saveFilter() const;
    void restoreFilter();
    void saveHeader() const;
    void restoreHeader();
    QString connectionText() const;

    JobListModel *m_model;
    JobFilterModel *m_filter;
    JobItemDelegate *m_delegate;
    QLineEdit *m_search;
    QHash<JobState, QToolButton *> m_stateChips;
    QToolButton *m_connectionButton;
    QMenu *m_connectionMenu;
    QToolButton *m_timeButton;
    QMenu *m_timeMenu;
    QToolButton *m_mineButton;
    QToolButton *m_clearButton;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QWidget *m_emptyPage;
    EmptyState *m_empty;
    QPushButton *m_emptyClear;
    QTimer *m_textTimer;   // typing settles before the list is filtered
    QTimer *m_countsTimer; // counts are shown at most ten times a second
    QTimer *m_headerTimer; // column changes are saved once they settle
    bool m_restoring = false;
};

} // namespace JobDeck
