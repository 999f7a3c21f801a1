#include "results/resulttabs.h"

#include "results/resultformat.h"
#include "results/resultsetview.h"

#include <QTableView>

namespace JobDeck {

ResultTabs::ResultTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("resultTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = widget(index);
        removeTab(index);
        page->deleteLater();
    });
}

ResultSetView *ResultTabs::view(int index) const
{
    return qobject_cast<ResultSetView *>(widget(index));
}

void ResultTabs::clearResults()
{
    while (count() > 0) {
        QWidget *page = widget(0);
        removeTab(0);
        page->deleteLater();
    }
}

void ResultTabs::addView(ResultSetView *view)
{
    const int index = addTab(view, view->title());
    setTabToolTip(index, view->statement());
    connect(view, &ResultSetView::titleChanged, this, [this, view] {
        const int at = indexOf(view);
        if (at >= 0)
            setTabText(at, view->title());
    });
}

void ResultTabs::showResultSets(Backend *backend,
                                const QString &script,
                                const QList<ResultSetRef> &sets,
                                const QList<ResultPage> &firstPages,
                                int pageSize)
{
    clearResults();
    const QStringList statements = resultStatements(script);
    for (qsizetype i = 0; i < sets.size(); ++i) {
        auto *model = new ResultSetModel(resultFilePages(backend, sets.at(i)), pageSize);
        if (i < firstPages.size())
            model->setFirstPage(firstPages.at(i));
        else
            model->start();
        // The statements that give rows, in order; when the script is not SQL the name.
        const QString statement = i < statements.size() ? statements.at(i) : sets.at(i).name;
        addView(new ResultSetView(
            model, backend, sets.at(i), resultFilePages(backend, sets.at(i)), statement, this));
    }
}

void ResultTabs::showQuery(Backend *backend, const QueryRequest &request, int pageSize)
{
    auto *model = new ResultSetModel(queryPages(backend, request), pageSize);
    model->start();
    auto *view = new ResultSetView(model, backend, {}, queryPages(backend, request), request.sql, this);
    addView(view);
    setCurrentWidget(view);
}

} // namespace JobDeck
