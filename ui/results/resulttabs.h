#pragma once

#include "backends/backend.h"

#include <QPointer>
#include <QTabWidget>

namespace JobDeck {

class ResultSetView;

// The result sets of one job, or the rows of one query, a tab each, titled with the
// statement that made them and their row count.
class ResultTabs final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTabs)

public:
    explicit ResultTabs(QWidget *parent = nullptr);

    // `firstPages[i]` is the first page of `sets[i]` (of `pageSize` rows), already read;
    // `script` is the job's code, whose row-giving statements title the tabs in order.
    void showResultSets(Backend *backend,
                        const QString &script,
                        const QList<ResultSetRef> &sets,
                        const QList<ResultPage> &firstPages,
                        int pageSize = 5000);
    // Runs `request` through the backend's query API (Kylin) and shows its rows in a new tab.
    void showQuery(Backend *backend, const QueryRequest &request, int pageSize = 500);
    void clearResults();

    ResultSetView *view(int index) const;

private:
    void addView(ResultSetView *view);
};

} // namespace JobDeck
