// Takes the README's screenshots of the results and schema work against a Linkis simulator:
// the schema browser beside the editor, a 1,000,000-row result set scrolled with its row
// count, and the export dialog. Not a test; run under a real X server (Xvfb):
//
//   screenshot-results OUTPUT_DIR [--lang cn]
#include "backends/linkis/linkisbackend.h"
#include "editor/sqleditor.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "results/exportdialog.h"
#include "results/resultsetview.h"
#include "results/resulttabs.h"
#include "schema/schemabrowser.h"
#include "schema/schemacache.h"

#include "linkis/linkissimulator.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include "support/isolatedhome.h"

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {
// Waits for `ready`; a screenshot of anything else would be wrong, so it gives up loudly.
template<typename Ready>
void waitFor(Ready ready, const char *what)
{
    if (!QTest::qWaitFor(ready, 30000)) {
        std::fprintf(stderr, "gave up waiting for %s\n", what);
        std::exit(1);
    }
}

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString out = args.value(1, u"."_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    Sim::LinkisSimulator sim;
    sim.addUser(u"hadoop"_s, u"s3cret"_s);
    if (!sim.listen())
        return 1;
    ConnectionProfile profile;
    profile.name = u"prod-linkis"_s;
    profile.kind = u"linkis"_s;
    profile.url = sim.baseUrl();
    profile.user = u"hadoop"_s;
    profile.secret = u"s3cret"_s;
    Session session(std::make_unique<LinkisBackend>(profile), profile);
    MainWindow window(nullptr, &session);
    window.resize(1500, 920);
    window.show();
    waitFor([&] { return window.isVisible(); }, "the window");
    session.start();
    waitFor([&] { return session.state() == Session::State::Ready; }, "step 1");

    // The schema, opened on dw_sales.orders.
    SchemaBrowser *browser = window.schemaBrowser();
    waitFor([&] { return browser->model() && browser->model()->rowCount() == 3; }, "step 2");
    SchemaModel *model = browser->model();
    browser->tree()->expand(browser->filter()->mapFromSource(model->databaseIndex(u"dw_sales"_s)));
    waitFor([&] { return model->rowCount(model->databaseIndex(u"dw_sales"_s)) == 3; }, "step 3");
    browser->tree()->expand(browser->filter()->mapFromSource(model->tableIndex(u"dw_sales"_s, u"orders"_s)));
    waitFor([&] { return model->rowCount(model->tableIndex(u"dw_sales"_s, u"orders"_s)) == 5; }, "step 4");
    browser->tree()->header()->resizeSections(QHeaderView::ResizeToContents);

    window.editor()->setPlainText(u"--sim states=Running:300,Succeed rows=1000000 nulls=1\n"
                                  u"SELECT o.order_id, o.user_id, o.amount\n"
                                  u"FROM dw_sales.orders o\n"
                                  u"JOIN default.user_profile u ON o.user_id = u.user_id\n"
                                  u"WHERE o.dt = '2024-06-01';"_s);
    window.activateWindow();
    window.findChild<QAction *>(u"runAction"_s)->trigger();
    waitFor([&] { return window.resultTabs()->count() == 1; }, "step 5");
    window.resultsDock()->raise();
    window.resizeDocks({window.resultsDock()}, {380}, Qt::Vertical);
    ResultSetView *view = window.resultTabs()->view(0);
    waitFor([&] { return view->model()->rowCount() == 5000; }, "step 6");
    for (int page = 0; page < 3; ++page) {
        QScrollBar *bar = view->table()->verticalScrollBar();
        bar->setValue(bar->maximum());
        QTest::qWait(100);
        if (view->model()->rowCount() == 5000 * (page + 1) && !view->model()->isLoading())
            view->model()->fetchMore({}); // the dock was not laid out yet: ask as the view would
        waitFor([&] { return view->model()->rowCount() == 5000 * (page + 2); }, "step 7");
    }
    view->table()->scrollTo(view->table()->model()->index(19999, 0), QAbstractItemView::PositionAtBottom);
    QTest::qWait(300);
    save(&window, out + u"/screenshot-schema-results.png"_s);

    view->showExportDialog();
    QTest::qWait(300);
    auto *dialog = view->findChild<ExportDialog *>();
    if (dialog) {
        dialog->setPath(u"/home/user/Documents/orders.csv"_s);
        QTest::qWait(200);
        save(dialog, out + u"/screenshot-export.png"_s);
        dialog->close();
    }
    return 0;
}
