// Lineage: SQLFlow's JSON read as a graph, upstream and downstream walks, the Graphviz layout.
#include "lineage/lineagegraph.h"
#include "lineage/lineagelayout.h"
#include "support/lineagesample.h"

#include <QTest>

using namespace JobDeck;

class TestLineage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDataModel()
    {
        const auto graph = LineageGraph::fromJson(Test::sampleLineage());
        QVERIFY2(graph, qPrintable(graph.error()));
        QCOMPARE(graph->tables().size(), 4);
        QCOMPARE(graph->columns().size(), 9);
        QCOMPARE(graph->edges().size(), 5); // the join is no data flow
        QVERIFY(!graph->hasLayout());
        const int view = graph->tableIndex(QStringLiteral("v_order_summary"));
        QVERIFY(view >= 0);
        QCOMPARE(graph->tables().at(view).type, QStringLiteral("view"));
        const int total = graph->columnIndex(QStringLiteral("report"), QStringLiteral("total"));
        const int name = graph->columnIndex(QStringLiteral("report"), QStringLiteral("name"));
        const QSet<int> totalSources{
            graph->columnIndex(QStringLiteral("v_order_summary"), QStringLiteral("total")),
            graph->columnIndex(QStringLiteral("orders"), QStringLiteral("amount"))};
        QCOMPARE(graph->upstream(total), totalSources);
        QCOMPARE(graph->upstream(name).size(), 3);
        QVERIFY(graph->downstream(total).isEmpty());
        const int amount = graph->columnIndex(QStringLiteral("orders"), QStringLiteral("amount"));
        QCOMPARE(graph->downstream(amount),
                 (QSet<int>{graph->columnIndex(QStringLiteral("v_order_summary"), QStringLiteral("total")),
                            total}));
        QCOMPARE(graph->tableEdges().size(), 3);
    }

    void readsSqlflowsOwnLayout()
    {
        const QByteArray json = R"({"data":{"graph":{"elements":{
            "tables":[{"id":"n0","label":{"content":"src"},"x":0,"y":0,"width":160,"height":58,
                       "columns":[{"id":"n0::n0","label":{"content":"a"}},{"id":"n0::n1","label":{"content":"b"}}]},
                      {"id":"n1","label":{"content":"dst"},"x":400,"y":10,"width":160,"height":40,
                       "columns":[{"id":"n1::n0","label":{"content":"a"}}]}],
            "edges":[{"id":"e0","sourceId":"n0::n1","targetId":"n1::n0"},{"id":"e1","sourceId":"nope","targetId":"n1::n0"}]}}}})";
        const auto graph = LineageGraph::fromJson(json);
        QVERIFY2(graph, qPrintable(graph.error()));
        QVERIFY(graph->hasLayout());
        QCOMPARE(graph->tables().size(), 2);
        QCOMPARE(graph->tables().at(1).rect, QRectF(400, 10, 160, 40));
        QCOMPARE(graph->edges().size(), 1);
        QCOMPARE(graph->columns().at(graph->edges().first().from).name, QStringLiteral("b"));
    }

    void refusesWhatIsNoLineage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("array") << QByteArray("[1,2]");
    }

    void refusesWhatIsNoLineage()
    {
        QFETCH(QByteArray, json);
        const auto graph = LineageGraph::fromJson(json);
        QVERIFY(!graph);
        QVERIFY(!graph.error().isEmpty());
    }

    void laysOutLeftToRightWithGraphviz()
    {
        auto graph = LineageGraph::fromJson(Test::sampleLineage());
        QVERIFY(graph);
        const auto placed = layoutLineage(*graph);
        QVERIFY2(placed, qPrintable(placed.error()));
        const auto x = [&](const char *name) {
            return graph->tables().at(graph->tableIndex(QLatin1StringView(name))).rect.left();
        };
        QVERIFY(x("customers") < x("v_order_summary"));
        QVERIFY(x("orders") < x("v_order_summary"));
        QVERIFY(x("v_order_summary") < x("report"));
        for (qsizetype i = 0; i < graph->tables().size(); ++i) {
            const QRectF a = graph->tables().at(i).rect;
            QVERIFY(a.width() > 0 && a.height() > 0);
            for (qsizetype j = i + 1; j < graph->tables().size(); ++j)
                QVERIFY(!a.intersects(graph->tables().at(j).rect));
        }
        // Taller boxes for more columns.
        QVERIFY(graph->tables().at(graph->tableIndex(QStringLiteral("orders"))).rect.height()
                > graph->tables().at(graph->tableIndex(QStringLiteral("customers"))).rect.height());
    }

    void laysOutABigGraphWithEveryTableRightOfItsSources()
    {
        // Past the size where the layout bounds its effort: 320 tables in 8 layers.
        LineageGraph graph;
        constexpr int Layers = 8;
        constexpr int PerLayer = 40;
        for (int t = 0; t < Layers * PerLayer; ++t) {
            LineageGraph::Table table;
            table.name = QStringLiteral("t%1").arg(t);
            graph.addTable(table);
            for (int c = 0; c < 4; ++c)
                graph.addColumn(t, {}, QStringLiteral("c%1").arg(c));
        }
        for (int t = PerLayer; t < Layers * PerLayer; ++t) {
            for (int k = 0; k < 4; ++k) {
                const int source = (t / PerLayer - 1) * PerLayer + (t * 7 + k * 13) % PerLayer;
                graph.addEdge(graph.tables().at(source).columns.at(k),
                              graph.tables().at(t).columns.at(k),
                              QStringLiteral("fdd"));
            }
        }
        const auto placed = layoutLineage(graph);
        QVERIFY2(placed, qPrintable(placed.error()));
        for (const LineageGraph::Edge &edge : graph.edges()) {
            const QRectF from = graph.tables().at(graph.columns().at(edge.from).table).rect;
            const QRectF to = graph.tables().at(graph.columns().at(edge.to).table).rect;
            QVERIFY(from.right() < to.left());
        }
    }
};

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
