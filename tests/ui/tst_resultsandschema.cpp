// Acceptance of the data behind the scripts against simulated servers on loopback: a
// 1,000,000-row result set paged as the grid scrolls, the schema tree of a Linkis server read
// level by level and searched, completion that fetches what it lacks in the background, and
// Kylin queries with their errors in both languages. (tst_resultexport exports the million rows.)
#include "backends/kylin/kylinbackend.h"
#include "backends/linkis/linkisbackend.h"
#include "completion/schemacompletionprovider.h"
#include "results/resultsetview.h"
#include "results/resulttabs.h"
#include "schema/schemabrowser.h"
#include "schema/schemacache.h"

#include "kylin/kylinsimulator.h"
#include "linkis/linkissimulator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "support/await.h"
#include "support/linkisjobs.h"

using namespace JobDeck;
using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

namespace {

const QString User = u"hadoop"_s;
const QString Password = u"s3cret"_s;

void scrollToBottom(QTableView *table)
{
    QScrollBar *bar = table->verticalScrollBar();
    bar->setValue(bar->maximum());
}

} // namespace

class TestResultsAndSchema final : public QObject
{
    Q_OBJECT

private:
    MillionRowLinkis m_linkis;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        startMillionRowLinkis(m_linkis, User, Password);
        QVERIFY(!QTest::currentTestFailed());
    }

    void millionRowsPagedAsTheViewScrolls()
    {
        AWAIT(first, m_linkis.backend->resultPage(m_linkis.set, 1, 5000)); // as the session reads it
        QVERIFY(first.has_value());
        m_linkis.sim->resetCounters();
        ResultTabs tabs;
        tabs.resize(900, 500);
        tabs.showResultSets(m_linkis.backend.get(), m_linkis.job.script, {m_linkis.set}, {*first}, 5000);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        ResultSetView *view = tabs.view(0);
        QVERIFY(view);
        // (No QAbstractItemModelTester here: it would fetch every page; tst_results runs it.)
        QCOMPARE(view->model()->rowCount(), 5000);
        QCOMPARE(view->model()->totalRows(), 1000000);
        QCOMPARE(tabs.tabText(0), u"SELECT id, name, value FROM big (1,000,000 rows)"_s);
        QVERIFY2(view->statusText().startsWith(u"Rows 1–5,000 of 1,000,000"), qPrintable(view->statusText()));
        QTest::qWait(200);
        QCOMPARE(m_linkis.sim->requestCount(u"openFile"_s), 0); // the first page came with the session

        // Each scroll to the bottom reads one page more, and only that one.
        for (int pages = 1; pages <= 3; ++pages) {
            scrollToBottom(view->table());
            QTRY_COMPARE(view->model()->rowCount(), 5000 * (pages + 1));
            QTest::qWait(100);
            QCOMPARE(m_linkis.sim->requestCount(u"openFile"_s), pages);
        }
        QVERIFY2(view->statusText().startsWith(u"Rows 1–20,000 of 1,000,000"),
                 qPrintable(view->statusText()));
        // Looking around what is loaded reads nothing more.
        view->table()->scrollToTop();
        view->table()->scrollTo(view->table()->model()->index(10000, 0));
        QTest::qWait(200);
        QCOMPARE(m_linkis.sim->requestCount(u"openFile"_s), 3);

        // NULL (every 5th value) and the empty string (every 7th name) are told apart.
        const QAbstractItemModel *model = view->table()->model();
        QCOMPARE(model->index(3, 1).data().toString(), QString());
        QVERIFY(!model->index(3, 1).data(ResultSetModel::IsNullRole).toBool());
        QCOMPARE(model->index(4, 2).data().toString(), u"NULL"_s);
        QVERIFY(model->index(4, 2).data(ResultSetModel::IsNullRole).toBool());
        QVERIFY(!model->index(3, 2).data(ResultSetModel::IsNullRole).toBool());
        // Numbers right-aligned, in the locale's format.
        QCOMPARE(model->index(12344, 0).data().toString(), u"12,345"_s);
        QVERIFY(Qt::Alignment(model->index(0, 0).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignRight);

        // Sorting covers the rows read, and says so.
        QTest::mouseClick(view->table()->horizontalHeader()->viewport(),
                          Qt::LeftButton,
                          {},
                          QPoint(view->table()->horizontalHeader()->sectionViewportPosition(0) + 5, 5));
        QVERIFY2(view->statusText().contains(u"only the 20,000 rows read so far"),
                 qPrintable(view->statusText()));

        // Copying a selection.
        view->table()->clearSelection();
        view->table()->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(1, 2)),
                                                QItemSelectionModel::Select);
        const QString markdown = view->selectionText(RowFormat::Markdown);
        QVERIFY2(markdown.startsWith(u"| id | name | value |\n| ---: | --- | ---: |\n"),
                 qPrintable(markdown));
        view->copySelection(RowFormat::SqlInsert);
        QVERIFY2(
            QApplication::clipboard()->text().startsWith(u"INSERT INTO result (id, name, value) VALUES ("_s),
            qPrintable(QApplication::clipboard()->text()));
    }

    void schemaTreeLoadedLevelByLevel()
    {
        QTemporaryDir dir;
        m_linkis.sim->resetCounters();
        SchemaCache cache(m_linkis.backend.get(), u"linkis|sim"_s, dir.path());
        SchemaBrowser browser;
        browser.resize(360, 500);
        browser.setCache(&cache);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        SchemaModel *model = browser.model();
        // (No QAbstractItemModelTester: it opens every level to check it; tst_schemacompletion runs it.)
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), u"default"_s);
        QCOMPARE(m_linkis.sim->requestCount(u"dbs"_s), 1);
        QCOMPARE(m_linkis.sim->requestCount(u"tables"_s), 0); // nothing below until it is opened

        const QModelIndex sales = model->databaseIndex(u"dw_sales"_s);
        browser.tree()->expand(browser.filter()->mapFromSource(sales));
        QTRY_COMPARE(model->rowCount(sales), 3);
        QCOMPARE(m_linkis.sim->requestCount(u"tables"_s), 1);
        QCOMPARE(m_linkis.sim->requestCount(u"columns"_s), 0);
        const QModelIndex view = model->tableIndex(u"dw_sales"_s, u"v_daily_revenue"_s);
        QCOMPARE(view.data(SchemaModel::KindRole).value<SchemaModel::Kind>(), SchemaModel::Kind::View);

        const QModelIndex orders = model->tableIndex(u"dw_sales"_s, u"orders"_s);
        browser.tree()->expand(browser.filter()->mapFromSource(orders));
        QTRY_COMPARE(model->rowCount(orders), 5);
        QCOMPARE(m_linkis.sim->requestCount(u"columns"_s), 1);
        QCOMPARE(model->index(2, SchemaModel::DetailColumn, orders).data().toString(), u"decimal(18,2)"_s);
        const QModelIndex dt = model->index(4, 0, orders);
        QCOMPARE(dt.data().toString(), u"dt"_s);
        QCOMPARE(dt.data(SchemaModel::KindRole).value<SchemaModel::Kind>(),
                 SchemaModel::Kind::PartitionColumn);
        QVERIFY(
            model->index(4, SchemaModel::DetailColumn, orders).data().toString().contains(u"partition key"));

        // The search covers what has been read.
        QTest::keyClicks(browser.searchBox(), u"amount"_s);
        QCOMPARE(browser.filter()->rowCount(), 1);
        browser.searchBox()->clear();
        QCOMPARE(browser.filter()->rowCount(), 3);

        // Actions: insert, preview, copy the column names.
        browser.tree()->setCurrentIndex(browser.filter()->mapFromSource(orders));
        QSignalSpy inserted(&browser, &SchemaBrowser::insertTextRequested);
        QSignalSpy run(&browser, &SchemaBrowser::runRequested);
        browser.insertName();
        QCOMPARE(inserted.first().first().toString(), u"dw_sales.orders"_s);
        browser.previewRows();
        QCOMPARE(run.first().first().toString(), u"SELECT * FROM dw_sales.orders LIMIT 100"_s);
        browser.copyColumnNames();
        QCOMPARE(QApplication::clipboard()->text(), u"order_id, user_id, amount, status, dt"_s);
        // Columns of a table not opened yet: read first, then copied.
        browser.tree()->setCurrentIndex(
            browser.filter()->mapFromSource(model->tableIndex(u"dw_sales"_s, u"order_items"_s)));
        browser.copyColumnNames();
        QTRY_COMPARE(QApplication::clipboard()->text(), u"order_id, sku, quantity, dt"_s);
        const QMimeData *mime = model->mimeData({orders});
        QCOMPARE(mime->text(), u"dw_sales.orders"_s);
        delete mime;

        // On disk for the next start: no request needed.
        QVERIFY(cache.save());
        m_linkis.sim->resetCounters();
        SchemaCache again(m_linkis.backend.get(), u"linkis|sim"_s, dir.path());
        QVERIFY(again.load());
        QCOMPARE(again.tables(u"dw_sales"_s).size(), 3);
        QCOMPARE(again.columns(u"dw_sales"_s, u"orders"_s).size(), 5);
        QCOMPARE(m_linkis.sim->requestCount(u"dbs"_s) + m_linkis.sim->requestCount(u"tables"_s), 0);

        // Refresh forgets and reads the databases again.
        cache.refresh();
        QTRY_COMPARE(m_linkis.sim->requestCount(u"dbs"_s), 1);
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->rowCount(model->databaseIndex(u"dw_sales"_s)), 0);
    }

    void completionFetchesWhatItLacksInTheBackground()
    {
        SchemaCache cache(m_linkis.backend.get(), {}, {});
        SchemaCompletionProvider provider(&cache);
        QSignalSpy updated(&provider, &CompletionProvider::updated);
        const QString script = u"SELECT o. FROM dw_sales.orders o"_s;
        const int at = int(script.indexOf(u"o.") + 2);
        QList<CompletionItem> items = provider.complete(script, at, {});
        QVERIFY(items.isEmpty()); // nothing cached: it answers at once and asks the server
        for (int round = 0; round < 3 && items.isEmpty(); ++round) {
            QVERIFY(updated.wait(10000));
            items = provider.complete(script, at, {});
        }
        QStringList names;
        for (const CompletionItem &item : items)
            names.append(item.text);
        QCOMPARE(names, (QStringList{u"order_id"_s, u"user_id"_s, u"amount"_s, u"status"_s, u"dt"_s}));
        // After FROM: the tables, once the default database's tables are read.
        const QString from = u"SELECT * FROM us"_s;
        items = provider.complete(from, int(from.size()), u"us"_s);
        for (int round = 0; round < 3 && items.isEmpty(); ++round) { // the databases, then their tables
            QVERIFY(updated.wait(10000));
            items = provider.complete(from, int(from.size()), u"us"_s);
        }
        names.clear();
        for (const CompletionItem &item : items)
            names.append(item.text);
        QVERIFY2(names.contains(u"user_profile"_s), qPrintable(names.join(u", ")));
    }

    void kylinQueryRowsAndErrors_data()
    {
        QTest::addColumn<int>("flavour");
        QTest::newRow("5.x") << int(KylinSimulator::Flavour::V5);
        QTest::newRow("3.x") << int(KylinSimulator::Flavour::V3);
    }
    void kylinQueryRowsAndErrors()
    {
        QFETCH(int, flavour);
        KylinSimulator::Options options;
        options.flavour = KylinSimulator::Flavour(flavour);
        KylinSimulator sim(options);
        sim.addUser(u"ADMIN"_s, u"KYLIN"_s);
        QVERIFY(sim.listen());
        ConnectionProfile profile;
        profile.kind = u"kylin"_s;
        profile.url = sim.baseUrl();
        profile.user = u"ADMIN"_s;
        profile.secret = u"KYLIN"_s;
        profile.project = u"learn_kylin"_s;
        KylinBackend backend(profile);
        QVERIFY(backend.capabilities().query);
        backend.setLanguage(Language::English);

        QueryRequest request;
        request.sql = u"select * from kylin_sales"_s;
        request.limit = 500;
        AWAIT(page, backend.query(request));
        QVERIFY2(page.has_value(), qPrintable(page ? QString() : page.error().describe()));
        QCOMPARE(page->columns.size(), 5);
        QCOMPARE(page->columns.first(), u"TRANS_ID"_s);
        QCOMPARE(page->columnTypes.at(0), u"bigint"_s);
        QCOMPARE(page->columnTypes.at(3), u"decimal(19,4)"_s);
        QCOMPARE(page->rows.size(), 500);
        QVERIFY(page->hasMore);
        QVERIFY(page->rows.at(8).at(2).isNull()); // JSON null is NULL

        // The same grid, paged with offset.
        ResultTabs tabs;
        tabs.showQuery(&backend, request, 1000);
        ResultSetView *view = tabs.view(0);
        QTRY_COMPARE(view->model()->rowCount(), 1000);
        sim.resetCounters();
        view->model()->fetchMore({});
        QTRY_COMPARE(view->model()->rowCount(), 2000);
        QCOMPARE(sim.requestCount(u"query"_s), 1);
        QCOMPARE(view->model()->index(1000, 0).data(ResultSetModel::RawTextRole).toString(), u"1001"_s);
        QVERIFY2(view->statusText().startsWith(u"Rows 1–2,000; the server has more"),
                 qPrintable(view->statusText()));

        // Errors, in the language asked for where the server has it (5.0).
        request.sql = u"select * from no_such_table"_s;
        AWAIT(english, backend.query(request));
        QVERIFY(!english.has_value());
        QCOMPARE(english.error().kind, BackendError::Kind::Refused);
        QVERIFY2(english.error().message.contains(u"Object 'NO_SUCH_TABLE' not found"),
                 qPrintable(english.error().message));
        QVERIFY(!english.error().message.contains(u"SqlValidatorException"));
        backend.setLanguage(Language::Chinese);
        AWAIT(chinese, backend.query(request));
        QVERIFY(!chinese.has_value());
        if (options.flavour == KylinSimulator::Flavour::V5) {
            QVERIFY2(chinese.error().message.contains(u"找不到对象 'NO_SUCH_TABLE'"),
                     qPrintable(chinese.error().message));
            QCOMPARE(sim.acceptLanguages().constLast(), u"cn"_s);
        } else {
            QVERIFY(chinese.error().message.contains(u"not found")); // 3.x writes English only
        }

        // The project's tables for the schema browser.
        AWAIT(dbs, backend.databases());
        QVERIFY2(dbs.has_value(), qPrintable(dbs ? QString() : dbs.error().describe()));
        QCOMPARE(*dbs, QStringList{u"DEFAULT"_s});
        AWAIT(tables, backend.tables(u"DEFAULT"_s));
        QVERIFY2(tables.has_value(), qPrintable(tables ? QString() : tables.error().describe()));
        // The three tables, then the model on KYLIN_SALES (and before 5.x its cube).
        const bool v5 = options.flavour == KylinSimulator::Flavour::V5;
        QCOMPARE(tables->size(), v5 ? 4 : 5);
        QCOMPARE(tables->at(0).kind, SchemaTable::Kind::Table);
        QCOMPARE(tables->at(3).name, u"kylin_sales_model"_s);
        QCOMPARE(tables->at(3).kind, SchemaTable::Kind::Model);
        QVERIFY2(tables->at(3).comment.contains(u"DEFAULT.KYLIN_SALES"), qPrintable(tables->at(3).comment));
        AWAIT(columns, backend.columns(u"DEFAULT"_s, u"KYLIN_SALES"_s));
        QVERIFY(columns.has_value());
        QCOMPARE(columns->size(), 5);
        QCOMPARE(columns->at(3).type, u"decimal(19,4)"_s);

        // A model's members: its dimensions, then its measures.
        AWAIT(members, backend.columns(u"DEFAULT"_s, u"kylin_sales_model"_s));
        QVERIFY2(members.has_value(), qPrintable(members ? QString() : members.error().describe()));
        QStringList names;
        QStringList details;
        for (const SchemaColumn &member : *members) {
            names.append(member.name);
            details.append(member.type);
        }
        if (v5) {
            // 5.x: the dimensions in use (not OPS_REGION, a column that is no dimension).
            QCOMPARE(names,
                     (QStringList{u"PART_DT"_s,
                                  u"LSTG_FORMAT_NAME"_s,
                                  u"SELLER_ID"_s,
                                  u"TRANS_ID"_s,
                                  u"COUNT_ALL"_s,
                                  u"GMV_SUM"_s}));
            QCOMPARE(details.at(0), u"KYLIN_SALES.PART_DT"_s);
            QCOMPARE(details.at(5), u"SUM(KYLIN_SALES.PRICE), decimal(19,4)"_s);
            QCOMPARE(members->at(5).comment, u"measure"_s);
        } else {
            QCOMPARE(names,
                     (QStringList{u"PART_DT"_s,
                                  u"LSTG_FORMAT_NAME"_s,
                                  u"SELLER_ID"_s,
                                  u"WEEK_BEG_DT"_s,
                                  u"PRICE"_s,
                                  u"ITEM_COUNT"_s}));
            QCOMPARE(details.at(3), u"KYLIN_CAL_DT.WEEK_BEG_DT"_s);
            QCOMPARE(members->at(0).comment, u"dimension"_s);

            // The cube, under its model's database, its members read from its descriptor.
            QCOMPARE(tables->at(4).name, u"kylin_sales_cube"_s);
            QCOMPARE(tables->at(4).kind, SchemaTable::Kind::Cube);
            QVERIFY2(tables->at(4).comment.contains(u"kylin_sales_model"), qPrintable(tables->at(4).comment));
            QVERIFY(tables->at(4).comment.contains(u"READY"));
            AWAIT(cube, backend.columns(u"DEFAULT"_s, u"kylin_sales_cube"_s));
            QVERIFY2(cube.has_value(), qPrintable(cube ? QString() : cube.error().describe()));
            QCOMPARE(cube->size(), 4);
            QCOMPARE(cube->at(0).type, u"KYLIN_SALES.TRANS_ID"_s);
            QCOMPARE(cube->at(1).type, u"KYLIN_CAL_DT.WEEK_BEG_DT"_s); // derived
            QCOMPARE(cube->at(2).type, u"COUNT(1), bigint"_s);
            QCOMPARE(cube->at(3).name, u"GMV_SUM"_s);
        }
        AWAIT(unknown, backend.columns(u"DEFAULT"_s, u"no_such_model"_s));
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().kind, BackendError::Kind::Refused);
    }

    void cleanupTestCase()
    {
        m_linkis.backend.reset();
        m_linkis.sim.reset();
    }
};

QTEST_MAIN(TestResultsAndSchema)
#include "tst_resultsandschema.moc"
