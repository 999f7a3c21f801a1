// Takes the README's screenshots of the results and schema work in the console's frame,
// against a Linkis simulator: the schema browser beside the editor with the completion popup
// open, a 1,000,000-row result set scrolled with its row count, the export dialog, and a Kylin
// 3.x project's tables, model and cube in the schema dock (a Kylin simulator). Not a test; run under a real X
// server (Xvfb), since the popup is a window of its own:
//
//   screenshot-results OUTPUT_DIR
#include "backends/linkis/linkisbackend.h"
#include "console/console.h"
#include "editor/scriptworkspace.h"
#include "i18n/translations.h"
#include "editor/sqleditor.h"
#include "mainwindow/mainwindow.h"
#include "results/exportdialog.h"
#include "results/resultsetview.h"
#include "results/resultspanel.h"
#include "results/resulttabs.h"
#include "schema/schemabrowser.h"
#include "schema/schemapanel.h"

#include "kylin/kylinsimulator.h"
#include "linkis/linkissimulator.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDockWidget>
#include <QHeaderView>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <cstdio>

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

bool save(const QPixmap &pixmap, const QString &path)
{
    const bool ok = pixmap.save(path);
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
    Console console;
    Translations translations; // English plurals come from its catalogue, as in the app
    translations.setLanguage(Language::English);
    auto *session = new Session(std::make_unique<LinkisBackend>(profile), profile);
    console.addSession(session);
    MainWindow window(&translations, &console);
    window.resize(1560, 960);
    window.move(0, 0);
    window.show();
    waitFor([&] { return window.isVisible(); }, "the window");
    session->start();
    waitFor([&] { return session->state() == Session::State::Ready; }, "the connection");

    // The schema dock (a tab beside Progress), brought forward and opened on dw_sales.orders.
    window.schemaDock()->raise();
    SchemaBrowser *browser = window.schemaPanel()->browser();
    waitFor([&] { return browser->model() && browser->model()->rowCount() == 3; }, "the databases");
    SchemaModel *model = browser->model();
    browser->tree()->expand(browser->filter()->mapFromSource(model->databaseIndex(u"dw_sales"_s)));
    waitFor([&] { return model->rowCount(model->databaseIndex(u"dw_sales"_s)) == 3; }, "the tables");
    browser->tree()->expand(browser->filter()->mapFromSource(model->tableIndex(u"dw_sales"_s, u"orders"_s)));
    waitFor([&] { return model->rowCount(model->tableIndex(u"dw_sales"_s, u"orders"_s)) == 5; },
            "the columns");
    browser->tree()->header()->resizeSections(QHeaderView::ResizeToContents);

    // A query of 1,000,000 rows, run from the editor, its grid scrolled to row 15,000.
    SqlEditor *editor = window.editor();
    editor->setPlainText(u"--sim states=Running:300,Succeed rows=1000000 nulls=1\n"
                         u"SELECT o.order_id, o.user_id, o.amount\n"
                         u"FROM dw_sales.orders o\n"
                         u"JOIN default.user_profile u ON o.user_id = u.user_id\n"
                         u"WHERE o.dt = '2024-06-01';"_s);
    window.activateWindow();
    window.workspace()->runScript();
    ResultTabs *tabs = window.resultsPanel()->tabs();
    waitFor([&] { return tabs->count() == 1; }, "the result set");
    window.resizeDocks({window.resultsDock()}, {360}, Qt::Vertical);
    ResultSetView *view = tabs->view(0);
    waitFor([&] { return view->model()->rowCount() == 5000; }, "the first page");
    waitFor([&] { return view->table()->isVisible() && view->table()->verticalScrollBar()->maximum() > 0; },
            "the grid laid out");
    view->table()->setCurrentIndex(view->table()->model()->index(0, 0));
    for (int page = 0; page < 3; ++page) {
        QTest::keyClick(view->table(), Qt::Key_End, Qt::ControlModifier); // scrolled to the end
        waitFor([&] { return view->model()->rowCount() == 5000 * (page + 2); }, "the next page");
    }
    view->table()->scrollTo(view->table()->model()->index(14990, 0), QAbstractItemView::PositionAtBottom);

    // Completion after "o." with the columns of dw_sales.orders, typed as a user types.
    editor->setFocus();
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(int(editor->toPlainText().indexOf(u"o.amount") + 8));
    editor->setTextCursor(cursor);
    QTest::keyClicks(editor, u", o."_s);
    QAbstractItemView *popup = editor->completer()->popup();
    waitFor([&] { return popup->isVisible(); }, "the completion popup");
    QTest::qWait(400);
    // The popup is a window of its own: the screen holds both.
    const QRect frame = window.frameGeometry().united(popup->geometry());
    save(window.screen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()),
         out + u"/screenshot-schema-results.png"_s);
    QTest::keyClick(editor, Qt::Key_Escape);

    view->showExportDialog();
    auto *dialog = view->findChild<ExportDialog *>();
    waitFor([&] { return dialog && dialog->isVisible(); }, "the export dialog");
    dialog->setPath(u"/home/user/Documents/orders.csv"_s);
    QTest::qWait(300);
    save(dialog->grab(), out + u"/screenshot-export.png"_s);
    dialog->close();

    // A Kylin 3.x project: its tables, then its model and its cube, the cube opened.
    Sim::KylinSimulator::Options kylinOptions;
    kylinOptions.flavour = Sim::KylinSimulator::Flavour::V3;
    Sim::KylinSimulator kylinSim(kylinOptions);
    kylinSim.addUser(u"ADMIN"_s, u"KYLIN"_s);
    if (!kylinSim.listen())
        return 1;
    ConnectionProfile kylin;
    kylin.name = u"kylin"_s;
    kylin.kind = u"kylin"_s;
    kylin.url = kylinSim.baseUrl();
    kylin.user = u"ADMIN"_s;
    kylin.secret = u"KYLIN"_s;
    kylin.project = u"learn_kylin"_s;
    auto *kylinSession = new Session(kylin);
    console.addSession(kylinSession);
    console.setTargetConnection(u"kylin"_s);
    kylinSession->start();
    waitFor([&] { return kylinSession->state() == Session::State::Ready; }, "the Kylin connection");
    waitFor([&] { return window.schemaPanel()->connection() == u"kylin"_s && browser->model(); },
            "Kylin's schema");
    SchemaModel *kylinModel = browser->model();
    waitFor([&] { return kylinModel->rowCount() == 1; }, "Kylin's database");
    browser->tree()->expand(browser->filter()->mapFromSource(kylinModel->databaseIndex(u"DEFAULT"_s)));
    waitFor([&] { return kylinModel->rowCount(kylinModel->databaseIndex(u"DEFAULT"_s)) == 5; },
            "Kylin's tables");
    const QModelIndex cube = kylinModel->tableIndex(u"DEFAULT"_s, u"kylin_sales_cube"_s);
    browser->tree()->expand(browser->filter()->mapFromSource(cube));
    waitFor([&] { return kylinModel->rowCount(cube) == 4; }, "the cube's members");
    browser->tree()->header()->resizeSections(QHeaderView::ResizeToContents);
    window.schemaDock()->setFloating(true);
    window.schemaDock()->resize(560, 420);
    QTest::qWait(300);
    save(window.schemaDock()->grab(), out + u"/screenshot-schema-kylin.png"_s);
    return 0;
}
