#include "lineage/lineagelayout.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QScopeGuard>

#include <graphviz/gvc.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace JobDeck {

namespace {

QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

// One Graphviz context for the process, made on first use and kept: gvFreeContext() does not
// free the plugin lists gvContext() builds, so a context per layout leaks a few KB each time
// (Graphviz's own bug), and making one costs a scan of the plugins. Used under the mutex.
GVC_t *graphvizContext()
{
    static GVC_t *const context = gvContext();
    return context;
}

char *c(const char *text)
{
    return const_cast<char *>(text); // Graphviz 2.x takes char * it never writes
}

void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, c(name), c(value.constData()), c(""));
}

constexpr qsizetype BigGraph = 300; // tables; beyond this the layout bounds its effort
constexpr qsizetype EdgesPerTable = 3;

// Each table's column in the picture: one right of its furthest source (Kahn's order);
// tables on a cycle take the rank after what came before them.
std::vector<int> longestPathRanks(int count, const QList<std::pair<int, int>> &edges)
{
    std::vector<int> rank(size_t(count), 0);
    std::vector<int> pending(size_t(count), 0);
    std::vector<std::vector<int>> out{size_t(count)};
    for (const auto &[from, to] : edges) {
        out[size_t(from)].push_back(to);
        ++pending[size_t(to)];
    }
    std::vector<int> ready;
    for (int i = 0; i < count; ++i) {
        if (pending[size_t(i)] == 0)
            ready.push_back(i);
    }
    while (!ready.empty()) {
        const int n = ready.back();
        ready.pop_back();
        for (int next : out[size_t(n)]) {
            rank[size_t(next)] = std::max(rank[size_t(next)], rank[size_t(n)] + 1);
            if (--pending[size_t(next)] == 0)
                ready.push_back(next);
        }
    }
    return rank;
}

} // namespace

double tableHeight(const LineageGraph::Table &table, const LineageMetrics &metrics)
{
    return metrics.headerHeight + metrics.columnHeight * double(table.columns.size()) + 4;
}

std::expected<void, QString> layoutLineage(LineageGraph &graph, const LineageMetrics &metrics)
{
    if (graph.tables().isEmpty())
        return {};
    const QMutexLocker locker(&graphvizMutex());
    GVC_t *gvc = graphvizContext();
    if (!gvc)
        return std::unexpected(
            QCoreApplication::translate("JobDeck::LineageGraph", "Graphviz could not start"));
    Agraph_t *g = agopen(c("lineage"), Agdirected, nullptr);
    const auto closeGraph = qScopeGuard([g] { agclose(g); });
    set(g, "rankdir", "LR");
    set(g, "splines", "false"); // edges are drawn column to column by the view: no routing
    set(g, "ranksep", QByteArray::number(metrics.rankGap / 72.0));
    set(g, "nodesep", QByteArray::number(metrics.nodeGap / 72.0));
    const qsizetype tableCount = graph.tables().size();
    const bool big = tableCount > BigGraph;
    // Bounded effort for big graphs: crossing minimisation and network simplex iterations.
    set(g, "mclimit", big ? "0.2" : "1");
    set(g, "nslimit", big ? "1" : "100");
    set(g, "nslimit1", big ? "1" : "100");
    agattr(g, AGNODE, c("shape"), c("box"));
    agattr(g, AGNODE, c("fixedsize"), c("true"));
    agattr(g, AGNODE, c("label"), c(""));

    // Table edges, weighed by how many column edges they carry.
    QHash<quint64, int> weights;
    for (const LineageGraph::Edge &edge : graph.edges()) {
        const int a = graph.columns().at(edge.from).table;
        const int b = graph.columns().at(edge.to).table;
        if (a != b)
            ++weights[(quint64(quint32(a)) << 32) | quint32(b)];
    }
    QList<std::pair<int, int>> edges = graph.tableEdges();
    std::vector<int> rank;
    if (big) {
        // dot's crossing minimisation grows with the edges: a big graph keeps, for each table,
        // the few heaviest edges into it, and its ranks (columns of the picture) are fixed
        // beforehand from all edges, so that every table still sits right of its sources.
        rank = longestPathRanks(int(tableCount), edges);
        QHash<int, QList<std::pair<int, int>>> into;
        for (const auto &edge : std::as_const(edges))
            into[edge.second].append(edge);
        edges.clear();
        for (auto it = into.begin(); it != into.end(); ++it) {
            QList<std::pair<int, int>> &list = it.value();
            std::sort(list.begin(), list.end(), [&](const auto &x, const auto &y) {
                return weights.value((quint64(quint32(x.first)) << 32) | quint32(x.second))
                       > weights.value((quint64(quint32(y.first)) << 32) | quint32(y.second));
            });
            edges += list.first(std::min<qsizetype>(list.size(), EdgesPerTable));
        }
    }
    std::vector<Agraph_t *> ranks;
    std::vector<Agnode_t *> nodes;
    nodes.reserve(size_t(tableCount));
    for (qsizetype i = 0; i < tableCount; ++i) {
        const QByteArray name = "t" + QByteArray::number(i);
        Agraph_t *parent = g;
        if (big) {
            const size_t r = size_t(rank[size_t(i)]);
            while (ranks.size() <= r) {
                const QByteArray sub = "r" + QByteArray::number(qsizetype(ranks.size()));
                Agraph_t *subgraph = agsubg(g, c(sub.constData()), 1);
                set(subgraph, "rank", "same");
                ranks.push_back(subgraph);
            }
            parent = ranks[r];
        }
        Agnode_t *node = agnode(parent, c(name.constData()), 1);
        set(node, "width", QByteArray::number(metrics.tableWidth / 72.0));
        set(node, "height", QByteArray::number(tableHeight(graph.tables().at(i), metrics) / 72.0));
        nodes.push_back(node);
    }
    for (const auto &[from, to] : std::as_const(edges)) {
        Agedge_t *edge = agedge(g, nodes[size_t(from)], nodes[size_t(to)], nullptr, 1);
        const int weight = weights.value((quint64(quint32(from)) << 32) | quint32(to), 1);
        set(edge, "weight", QByteArray::number(std::min(weight, 100)));
    }
    if (gvLayout(gvc, g, "dot") != 0)
        return std::unexpected(
            QCoreApplication::translate("JobDeck::LineageGraph", "Graphviz could not lay out the lineage"));
    char *data = nullptr;
    unsigned int length = 0;
    const int rendered = gvRenderData(gvc, g, "plain", &data, &length);
    const QByteArray plain(data, data ? int(length) : 0);
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (rendered != 0)
        return std::unexpected(
            QCoreApplication::translate("JobDeck::LineageGraph", "Graphviz could not lay out the lineage"));
    // "plain": graph SCALE WIDTH HEIGHT / node NAME X Y W H ..., in inches, y upwards.
    double height = 0;
    int placed = 0;
    for (const QByteArray &line : plain.split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() >= 4 && words.at(0) == "graph") {
            height = words.at(3).toDouble() * 72.0;
        } else if (words.size() >= 6 && words.at(0) == "node" && words.at(1).startsWith('t')) {
            bool ok = false;
            const qsizetype i = words.at(1).mid(1).toLongLong(&ok);
            if (!ok || i < 0 || i >= graph.tables().size())
                continue;
            const double x = words.at(2).toDouble() * 72.0;
            const double y = height - words.at(3).toDouble() * 72.0;
            const double w = metrics.tableWidth;
            const double h = tableHeight(graph.tables().at(i), metrics);
            graph.tables()[i].rect = QRectF(x - w / 2, y - h / 2, w, h);
            ++placed;
        }
    }
    if (placed != graph.tables().size())
        return std::unexpected(
            QCoreApplication::translate("JobDeck::LineageGraph", "Graphviz placed %1 of %2 tables")
                .arg(placed)
                .arg(graph.tables().size()));
    return {};
}

} // namespace JobDeck
