#pragma once

#include "jobs/job.h"
#include "logs/logsearch.h"
#include "logs/logstore.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QFrame;

namespace JobDeck {

class LogView;

// The log pane of one job: the virtual view of its store with a minimum-level filter,
// include/exclude filters, an incremental search (count, next/previous, highlighted
// matches), next/previous error, marks, copy, save, a "jump to end (N new lines)" control
// while the user reads above the end, the whole current line when it is cut, and for a
// failed job a banner with the backend's failure text and the first ERROR record.
// Searches and filters run off the GUI thread; lines that arrive meanwhile are checked here.
class LogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPanel)

public:
    explicit LogPanel(QWidget *parent = nullptr);
    ~LogPanel() override;

    // Shows `store` (null: nothing) as the log of `job`.
    void setLog(std::shared_ptr<LogStore> store, const Job &job);
    // The job changed (its state, its failure text).
    void setJob(const Job &job);
    // The store shown grew.
    void linesAppended();
    const LogStore *store() const { return m_store.get(); }
    LogView *view() const { return m_view; }
    QString jobId() const { return m_job.id; }

    void setSearch(const QString &text, bool regex = false, bool caseSensitive = false);
    void setMinimumLevel(LineLevel level);
    void setIncludeFilter(const QString &text);
    void setExcludeFilter(const QString &text);
    // Lines that match the search among those shown, ascending; complete once
    // searchFinished() came for the current search.
    const QList<qint64> &matches() const { return m_matches; }
    bool isBusy() const { return m_searching || m_filtering || m_searchTimer.isActive(); }
    void nextMatch(bool forward);
    void nextError(bool forward);
    void nextMark(bool forward);
    QList<qint64> marks() const;
    // Writes the whole log to `path`, streamed, replacing the file only once it is whole.
    bool saveTo(const QString &path, QString *error);
    // The lines shown (all, or those passing the filters), joined: for tests and tools.
    QString toPlainText() const;
    bool isBannerShown() const;
    QString bannerText() const;

Q_SIGNALS:
    void searchFinished(qint64 matches);
    void filterFinished(qint64 rows);

protected:
    void changeEvent(QEvent *event) override;

private:
    LogQuery filterQuery() const;
    LogQuery searchQuery() const;
    void retranslate();
    void startFilter();
    void startSearch();
    void updateCount();
    void updateJumpButton();
    void updateBanner();
    void updateDetail(qint64 line);
    void updateMarksMenu();
    void save();

    std::shared_ptr<LogStore> m_store;
    Job m_job;
    LogView *m_view;
    QLineEdit *m_search;
    QToolButton *m_regex;
    QToolButton *m_case;
    QToolButton *m_prev;
    QToolButton *m_next;
    QLabel *m_count;
    QComboBox *m_level;
    QLineEdit *m_include;
    QLineEdit *m_exclude;
    QToolButton *m_prevError;
    QToolButton *m_nextError;
    QToolButton *m_mark;
    QToolButton *m_prevMark;
    QToolButton *m_nextMark;
    QToolButton *m_marksList;
    QToolButton *m_copy;
    QToolButton *m_save;
    QPushButton *m_jump;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_bannerGo;
    QPlainTextEdit *m_detail;
    qint64 m_firstError = 0;

    QTimer m_searchTimer; // types settle before a search starts
    QFutureWatcher<LogSearchResult> m_searchWatcher;
    QFutureWatcher<LogSearchResult> m_filterWatcher;
    QList<qint64> m_matches;
    qint64 m_matchedUpTo = 0;  // lines up to here are searched
    qint64 m_filteredUpTo = 0; // and filtered
    qint64 m_currentMatch = -1;
    QString m_searchError;
    QString m_appliedFilters; // the filters the rows shown were made with
    bool m_searching = false; // until the search's result is taken in
    bool m_filtering = false;
};

} // namespace JobDeck
