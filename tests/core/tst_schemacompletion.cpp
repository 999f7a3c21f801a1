// Completion from the schema cache: what follows FROM, an alias, a subquery; and the schema
// tree and its search over a cache filled in memory (the server-backed cases are in
// tests/integration/tst_resultsandschema.cpp).
#include "completion/schemacompletionprovider.h"
#include "completion/sqlcontext.h"
#include "schema/schemacache.h"
#include "schema/schemamodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

SchemaColumn column(const QString &name, const QString &type, bool partition = false)
{
    return {name, type, {}, partition};
}

void fill(SchemaCache &cache)
{
    cache.setDatabases({u"default"_s, u"dw_sales"_s});
    cache.setTables(u"default"_s, {{u"default"_s, u"user_profile"_s, SchemaTable::Kind::Table, {}}});
    cache.setTables(u"dw_sales"_s,
                    {{u"dw_sales"_s, u"orders"_s, SchemaTable::Kind::Table, {}},
                     {u"dw_sales"_s, u"order_items"_s, SchemaTable::Kind::Table, {}},
                     {u"dw_sales"_s, u"v_daily_revenue"_s, SchemaTable::Kind::View, {}}});
    cache.setColumns(u"default"_s,
                     u"user_profile"_s,
                     {column(u"user_id"_s, u"bigint"_s),
                      column(u"nick_name"_s, u"string"_s),
                      column(u"dt"_s, u"string"_s, true)});
    cache.setColumns(u"dw_sales"_s,
                     u"orders"_s,
                     {column(u"order_id"_s, u"bigint"_s),
                      column(u"user_id"_s, u"bigint"_s),
                      column(u"amount"_s, u"decimal(18,2)"_s)});
    cache.setColumns(
        u"dw_sales"_s,
        u"order_items"_s,
        {column(u"order_id"_s, u"bigint"_s), column(u"sku"_s, u"string"_s), column(u"quantity"_s, u"int"_s)});
}

QStringList texts(const QList<CompletionItem> &items)
{
    QStringList out;
    for (const CompletionItem &item : items)
        out.append(item.text);
    return out;
}

// Completes at the '|' of `script`, the word before it being the prefix.
QList<CompletionItem> completeAt(CompletionProvider &provider, QString script)
{
    const int at = int(script.indexOf(u'|'));
    script.remove(at, 1);
    int start = at;
    while (start > 0 && (script.at(start - 1).isLetterOrNumber() || script.at(start - 1) == u'_'))
        --start;
    return provider.complete(script, at, script.mid(start, at - start));
}

} // namespace

class TestSchemaCompletion final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completion_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("after FROM") << u"SELECT * FROM ord|"_s << QStringList{u"orders"_s, u"order_items"_s}
                                    << QStringList{u"user_profile"_s};
        QTest::newRow("after JOIN, databases too")
            << u"SELECT * FROM orders o JOIN d|"_s << QStringList{u"default"_s, u"dw_sales"_s}
            << QStringList{};
        QTest::newRow("after db.") << u"SELECT * FROM dw_sales.|"_s
                                   << QStringList{u"orders"_s, u"order_items"_s, u"v_daily_revenue"_s}
                                   << QStringList{u"user_profile"_s};
        QTest::newRow("after an alias")
            << u"SELECT o.| FROM dw_sales.orders o JOIN order_items i ON o.order_id = i.order_id"_s
            << QStringList{u"order_id"_s, u"user_id"_s, u"amount"_s} << QStringList{u"sku"_s};
        QTest::newRow("the other alias, with AS")
            << u"SELECT i.q| FROM dw_sales.orders AS o, order_items AS i"_s << QStringList{u"quantity"_s}
            << QStringList{u"amount"_s, u"order_id"_s};
        QTest::newRow("after a table name")
            << u"SELECT orders.am| FROM orders"_s << QStringList{u"amount"_s} << QStringList{};
        QTest::newRow("db.table.") << u"SELECT dw_sales.orders.| FROM dw_sales.orders"_s
                                   << QStringList{u"order_id"_s, u"amount"_s} << QStringList{};
        QTest::newRow("inside a subquery")
            << u"SELECT * FROM user_profile u WHERE u.user_id IN (SELECT x.| FROM orders x WHERE x.amount > 0)"_s
            << QStringList{u"order_id"_s, u"amount"_s} << QStringList{u"nick_name"_s};
        QTest::newRow("outer alias from inside a subquery")
            << u"SELECT * FROM user_profile u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.|)"_s
            << QStringList{u"user_id"_s, u"nick_name"_s, u"dt"_s} << QStringList{u"amount"_s};
        QTest::newRow("a subquery's alias gives its select list")
            << u"SELECT t.| FROM (SELECT user_id, sum(amount) AS total FROM orders GROUP BY user_id) t"_s
            << QStringList{u"user_id"_s, u"total"_s} << QStringList{u"amount"_s};
        QTest::newRow("columns of the statement's tables elsewhere")
            << u"SELECT am| FROM orders o JOIN order_items i ON o.order_id = i.order_id"_s
            << QStringList{u"amount"_s} << QStringList{u"nick_name"_s};
        QTest::newRow("only the statement around the cursor")
            << u"SELECT nick_name FROM user_profile;\nSELECT | FROM order_items"_s
            << QStringList{u"sku"_s, u"quantity"_s} << QStringList{u"nick_name"_s};
        QTest::newRow("a comma in the FROM list")
            << u"SELECT * FROM orders o, v_d|"_s << QStringList{u"v_daily_revenue"_s} << QStringList{};
        QTest::newRow("INSERT INTO") << u"INSERT INTO dw_sales.ord|"_s
                                     << QStringList{u"orders"_s, u"order_items"_s} << QStringList{};
        QTest::newRow("cursor at the end after a closed subquery")
            << u"SELECT x.| FROM (SELECT user_id FROM orders) x WHERE x.user_id IN (SELECT user_id FROM order_items)"_s
            << QStringList{u"user_id"_s} << QStringList{};
        QTest::newRow("typing inside nested parentheses at the end")
            << u"SELECT * FROM orders o WHERE o.user_id IN (SELECT u.user_id FROM user_profile u WHERE (u.|"_s
            << QStringList{u"nick_name"_s} << QStringList{};
        QTest::newRow("not inside a string")
            << u"SELECT 'from x; y' AS s, o.| FROM orders o"_s << QStringList{u"amount"_s} << QStringList{};
    }
    void completion()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        SchemaCache cache(nullptr, {}, {});
        fill(cache);
        SchemaCompletionProvider provider(&cache);
        const QStringList got = texts(completeAt(provider, script));
        for (const QString &name : expected)
            QVERIFY2(got.contains(name), qPrintable(u"missing "_s + name + u" in: "_s + got.join(u", ")));
        for (const QString &name : absent)
            QVERIFY2(!got.contains(name), qPrintable(u"unexpected "_s + name + u" in: "_s + got.join(u", ")));
    }

    // Every prefix of a statement with subqueries, as it is typed: never out of range.
    void anEmptyQuotedNameIsNoTable()
    {
        // Found by fuzz_sql_context: `db`."" read as database db with a table of no name.
        const QString script = QStringLiteral("SELECT * FROM `x.y`.\"\" JOIN \"\" AS q JOIN t2 ON ");
        const SqlContext context = analyseSql(script, int(script.size()), QString());
        QStringList tables;
        for (const SqlTableRef &ref : context.tables) {
            QVERIFY2(!ref.table.isEmpty() || ref.database.isEmpty(), qPrintable(ref.database));
            tables << ref.table;
        }
        QVERIFY(tables.contains(QStringLiteral("t2")));
    }

    void everyKeystroke()
    {
        SchemaCache cache(nullptr, {}, {});
        fill(cache);
        SchemaCompletionProvider provider(&cache);
        const QString statement
            = u"SELECT t.user_id FROM (SELECT s.user_id FROM dw_sales.orders s WHERE (s.amount > 1)) t "
              u"JOIN order_items i ON (t.user_id = i.order_id) WHERE 'a;b' <> \"c\" -- x\n;"_s;
        int answered = 0;
        for (int at = 0; at <= statement.size(); ++at) {
            const QString text = statement.left(at);
            int start = at;
            while (start > 0 && (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == u'_'))
                --start;
            answered += provider.complete(text, at, text.mid(start, at - start)).isEmpty() ? 0 : 1;
            provider.complete(statement, at, {}); // and inside the whole text
        }
        QVERIFY(answered > 0);
    }

    void columnDetailsAndKinds()
    {
        SchemaCache cache(nullptr, {}, {});
        fill(cache);
        SchemaCompletionProvider provider(&cache);
        const QList<CompletionItem> items = completeAt(provider, u"SELECT o.amo| FROM orders o"_s);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().detail, u"decimal(18,2)"_s);
        QCOMPARE(items.first().kind, CompletionItem::Kind::Column);
        const QList<CompletionItem> tables = completeAt(provider, u"SELECT * FROM v_|"_s);
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables.first().kind, CompletionItem::Kind::View);
        QCOMPARE(tables.first().detail, u"dw_sales"_s);
    }

    // Kylin's models and cubes are in the schema tree but no FROM target: not proposed,
    // neither after FROM nor after their database.
    void modelsAndCubesAreNoTables()
    {
        SchemaCache cache(nullptr, {}, {});
        fill(cache);
        cache.setTables(u"dw_sales"_s,
                        {{u"dw_sales"_s, u"orders"_s, SchemaTable::Kind::Table, {}},
                         {u"dw_sales"_s, u"orders_model"_s, SchemaTable::Kind::Model, {}},
                         {u"dw_sales"_s, u"orders_cube"_s, SchemaTable::Kind::Cube, {}}});
        SchemaCompletionProvider provider(&cache);
        QCOMPARE(texts(completeAt(provider, u"SELECT * FROM ord|"_s)), QStringList{u"orders"_s});
        QCOMPARE(texts(completeAt(provider, u"SELECT * FROM dw_sales.ord|"_s)), QStringList{u"orders"_s});
    }

    void diskCacheRoundTrip()
    {
        QTemporaryDir dir;
        {
            SchemaCache cache(nullptr, u"linkis|prod"_s, dir.path());
            fill(cache);
            QVERIFY(cache.save());
        }
        SchemaCache again(nullptr, u"linkis|prod"_s, dir.path());
        QVERIFY(again.load());
        QCOMPARE(again.databases(), (QStringList{u"default"_s, u"dw_sales"_s}));
        QCOMPARE(again.tableCount(), 4);
        QCOMPARE(again.columnCount(), 9);
        QVERIFY(again.columns(u"default"_s, u"user_profile"_s).last().partitionKey);
        // Another connection has its own file.
        SchemaCache other(nullptr, u"linkis|test"_s, dir.path());
        QVERIFY(!other.load());
        QVERIFY(other.cacheFile() != again.cacheFile());
    }

    void treeAndSearch()
    {
        SchemaCache cache(nullptr, {}, {});
        fill(cache);
        SchemaModel model(&cache);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex sales = model.databaseIndex(u"dw_sales"_s);
        QVERIFY(model.hasChildren(sales));
        QCOMPARE(model.rowCount(sales), 0); // not opened yet
        QVERIFY(model.canFetchMore(sales));
        model.fetchMore(sales); // the cache has them: at once
        QCOMPARE(model.rowCount(sales), 3);
        const QModelIndex orders = model.tableIndex(u"dw_sales"_s, u"orders"_s);
        model.fetchMore(orders);
        QCOMPARE(model.rowCount(orders), 3);
        QCOMPARE(model.index(2, SchemaModel::DetailColumn, orders).data().toString(), u"decimal(18,2)"_s);
        QCOMPARE(model.index(0, 0, orders).data(SchemaModel::QualifiedNameRole).toString(),
                 u"dw_sales.orders.order_id"_s);
        QCOMPARE(model.index(0, 0, sales).data(SchemaModel::InsertTextRole).toString(), u"dw_sales.orders"_s);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(0, 0, orders)}));
        QCOMPARE(mime->text(), u"order_id"_s);
        // The tester opens every level it visits (fetchMore), so it comes after the checks above.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(model.databaseIndex(u"default"_s)), 1);

        SchemaFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSearchText(u"amount"_s);
        QCOMPARE(filter.rowCount(), 1); // dw_sales only: the column was read under it
        const QModelIndex salesRow = filter.index(0, 0);
        QCOMPARE(salesRow.data().toString(), u"dw_sales"_s);
        QCOMPARE(filter.rowCount(salesRow), 1);
        filter.setSearchText(u"sales orders"_s); // every word, in the qualified name
        QVERIFY(filter.rowCount() >= 1);
        QVERIFY(SchemaFilterModel::matches({u"sales"_s, u"ord"_s}, u"orders"_s, u"dw_sales.orders"_s));
        QVERIFY(!SchemaFilterModel::matches({u"sku"_s}, u"orders"_s, u"dw_sales.orders"_s));
        filter.setSearchText({});
        QCOMPARE(filter.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSchemaCompletion)
#include "tst_schemacompletion.moc"
