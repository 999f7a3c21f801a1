// Benchmark of the lineage panel on a generated lineage of 1,000 tables with 10,000 columns:
// the Graphviz layout, the time to the first painted frame, and the frame time while panning,
// at the fitted zoom and at reading zoom. The baseline, measured in the same run, is the usual
// way to draw such a graph: a QGraphicsScene with an item per box, per column text and per
// edge, shown by a QGraphicsView (BSP index, default settings).
//   bench-lineage [--tables N] [--columns-per-table N] [--frames N]
#include "lineage/lineagegraph.h"
#include "lineage/lineagelayout.h"
#include "lineage/lineageview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>

using namespace JobDeck;

namespace {

// Tables in layers of 100, left to right; every column of a layer past the first takes data
// from one or two columns of the layer before it.
LineageGraph generate(int tables, int columnsPerTable)
{
    LineageGraph graph;
    QRandomGenerator random(12345);
    constexpr int PerLayer = 100;
    for (int t = 0; t < tables; ++t) {
        LineageGraph::Table table;
        table.id = QString::number(t);
        table.name = QStringLiteral("db.table_%1").arg(t);
        table.type = t % 7 == 0 ? QStringLiteral("view") : QStringLiteral("table");
        graph.addTable(table);
        for (int c = 0; c < columnsPerTable; ++c)
            graph.addColumn(t, {}, QStringLiteral("column_%1").arg(c));
    }
    for (int t = PerLayer; t < tables; ++t) {
        const int layerStart = (t / PerLayer - 1) * PerLayer;
        for (int column : graph.tables().at(t).columns) {
            const int sources = 1 + int(random.bounded(2));
            for (int s = 0; s < sources; ++s) {
                const int from = layerStart + int(random.bounded(PerLayer));
                const QList<int> &candidates = graph.tables().at(from).columns;
                graph.addEdge(candidates.at(int(random.bounded(int(candidates.size())))),
                              column,
                              QStringLiteral("fdd"));
            }
        }
    }
    return graph;
}

struct Frames
{
    double firstPaintMs = 0;
    double meanMs = 0;
    double p95Ms = 0;
    double maxMs = 0;
};

// One real frame: the widget painted into an image of its size (what a repaint does on screen,
// measurable on the offscreen platform too, where a repaint of a window never exposed is a no-op).
void paintFrame(QWidget &widget, QImage &target)
{
    widget.render(&target);
}

Frames summarise(QList<double> times)
{
    Frames f;
    if (times.isEmpty())
        return f;
    std::sort(times.begin(), times.end());
    double sum = 0;
    for (double t : times)
        sum += t;
    f.meanMs = sum / double(times.size());
    f.p95Ms = times.at(qsizetype(double(times.size() - 1) * 0.95));
    f.maxMs = times.constLast();
    return f;
}

// The pan of a frame: 12 pixels, in a drag that goes 600 pixels left, up, right and down
// again, so new parts of the graph keep coming into sight (what a cache of drawn tiles has
// to draw) and the view ends where it began.
QPointF panStep(int frame)
{
    static const QPointF steps[] = {{-12, 0}, {0, -12}, {12, 0}, {0, 12}};
    return steps[(frame / 50) % 4];
}

Frames measureLineageView(const LineageGraph &graph, int frames, bool reading)
{
    LineageView view;
    view.resize(1400, 900);
    QImage target(view.size(), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer clock;
    clock.start();
    view.setGraph(graph);
    view.show();
    paintFrame(view, target);
    Frames result;
    result.firstPaintMs = double(clock.nsecsElapsed()) / 1e6;
    if (reading)
        view.zoomBy(1.0 / view.scale(), QPointF(700, 450)); // 1:1, columns readable
    QList<double> times;
    for (int i = 0; i < frames; ++i) {
        clock.restart();
        view.panBy(panStep(i));
        paintFrame(view, target);
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }
    const Frames f = summarise(times);
    result.meanMs = f.meanMs;
    result.p95Ms = f.p95Ms;
    result.maxMs = f.maxMs;
    return result;
}

Frames measureGraphicsScene(const LineageGraph &graph, int frames, bool reading)
{
    QElapsedTimer clock;
    clock.start();
    QGraphicsScene scene;
    constexpr double Header = 24;
    for (const LineageGraph::Table &table : graph.tables()) {
        scene.addRect(table.rect);
        auto *name = scene.addSimpleText(table.name);
        name->setPos(table.rect.topLeft() + QPointF(6, 4));
        const double row
            = (table.rect.height() - Header) / double(std::max<qsizetype>(1, table.columns.size()));
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            auto *text = scene.addSimpleText(graph.columns().at(table.columns.at(i)).name);
            text->setPos(table.rect.left() + 8, table.rect.top() + Header + row * double(i));
        }
    }
    const auto columnPoint = [&](int column, bool right) {
        const LineageGraph::Column &c = graph.columns().at(column);
        const LineageGraph::Table &t = graph.tables().at(c.table);
        const double row = (t.rect.height() - Header) / double(std::max<qsizetype>(1, t.columns.size()));
        const double y = t.rect.top() + Header + row * (double(t.columns.indexOf(column)) + 0.5);
        return QPointF(right ? t.rect.right() : t.rect.left(), y);
    };
    for (const LineageGraph::Edge &edge : graph.edges()) {
        const QPointF a = columnPoint(edge.from, true);
        const QPointF b = columnPoint(edge.to, false);
        QPainterPath path(a);
        const double dx = std::max(30.0, (b.x() - a.x()) / 2);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        scene.addPath(path);
    }
    QGraphicsView view(&scene);
    view.resize(1400, 900);
    view.setRenderHint(QPainter::Antialiasing);
    view.fitInView(scene.itemsBoundingRect(), Qt::KeepAspectRatio);
    view.show();
    QImage target(view.size(), QImage::Format_ARGB32_Premultiplied);
    paintFrame(view, target);
    Frames result;
    result.firstPaintMs = double(clock.nsecsElapsed()) / 1e6;
    if (reading)
        view.resetTransform();
    QList<double> times;
    for (int i = 0; i < frames; ++i) {
        clock.restart();
        const QPointF step = panStep(i);
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() - int(step.x()));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() - int(step.y()));
        paintFrame(view, target);
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }
    const Frames f = summarise(times);
    result.meanMs = f.meanMs;
    result.p95Ms = f.p95Ms;
    result.maxMs = f.maxMs;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption tablesOption(
        QStringLiteral("tables"), QStringLiteral("tables"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption columnsOption(QStringLiteral("columns-per-table"),
                                           QStringLiteral("columns a table"),
                                           QStringLiteral("N"),
                                           QStringLiteral("10"));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
                                          QStringLiteral("frames panned"),
                                          QStringLiteral("N"),
                                          QStringLiteral("200"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("ignored (the other benchmarks' option)"),
                                           QStringLiteral("S"));
    parser.addOptions({tablesOption, columnsOption, framesOption, secondsOption});
    parser.process(app);
    const int tables = std::max(1, parser.value(tablesOption).toInt());
    const int columns = std::max(1, parser.value(columnsOption).toInt());
    const int frames = std::max(10, parser.value(framesOption).toInt());

    LineageGraph graph = generate(tables, columns);
    std::printf("bench-lineage: %lld tables, %lld columns, %lld column edges, %lld table edges\n",
                qlonglong(graph.tables().size()),
                qlonglong(graph.columns().size()),
                qlonglong(graph.edges().size()),
                qlonglong(graph.tableEdges().size()));
    std::fflush(stdout);
    QElapsedTimer clock;
    clock.start();
    const auto placed = layoutLineage(graph);
    if (!placed) {
        std::printf("layout failed: %s\n", qPrintable(placed.error()));
        return 1;
    }
    std::printf("Graphviz dot layout (off the GUI thread in the console): %.0f ms\n\n",
                double(clock.nsecsElapsed()) / 1e6);

    std::printf("| view | zoom | first paint | pan frame mean | pan frame p95 | pan frame max | vs baseline "
                "(mean) |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (const bool reading : {false, true}) {
        const Frames baseline = measureGraphicsScene(graph, frames, reading);
        const Frames ours = measureLineageView(graph, frames, reading);
        const char *zoom = reading ? "1:1 (columns readable)" : "fit (whole graph)";
        std::printf("| baseline: QGraphicsScene, an item each | %s | %.1f ms | %.2f ms | %.2f ms | %.2f ms | "
                    "1.00x |\n",
                    zoom,
                    baseline.firstPaintMs,
                    baseline.meanMs,
                    baseline.p95Ms,
                    baseline.maxMs);
        std::printf(
            "| JobDeck LineageView (culling, level of detail, drawn tiles kept) | %s | %.1f ms | %.2f ms | "
            "%.2f ms | %.2f ms | %.2fx |\n",
            zoom,
            ours.firstPaintMs,
            ours.meanMs,
            ours.p95Ms,
            ours.maxMs,
            ours.meanMs > 0 ? baseline.meanMs / ours.meanMs : 0.0);
        std::fflush(stdout);
    }
    return 0;
}
