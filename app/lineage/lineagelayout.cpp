#include "lineage/lineagelayout.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMutex>
#include <QScopeGuard>

#include <graphviz/gvc.h>

#include <memory>

namespace JobDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDeck::LineageGraph", text);
}

QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

char *c(const char *text)
{
    return const_cast<char *>(text); // Graphviz 2.x takes char * it never writes
}

void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, c(name), c(value.constData()), c(""));
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
    GVC_t *gvc = gvContext();
    if (!gvc)
        return std::unexpected(tr("Graphviz could not start"));
    const auto freeContext = qScopeGuard([gvc] { gvFreeContext(gvc); });
    Agraph_t *g = agopen(c("lineage"), Agdirected, nullptr);
    const auto closeGraph = qScopeGuard([g] { agclose(g); });
    set(g, "rankdir", "LR");
    set(g, "splines", "false"); // edges are drawn column to column by the view: no routing
    set(g, "ranksep", QByteArray::number(metrics.rankGap / 72.0));
    set(g, "nodesep", QByteArray::number(metrics.nodeGap / 72.0));
    // Bounded effort for big graphs: crossing minimisation and network simplex iterations.
    set(g, "mclimit", graph.tables().size() > 300 ? "0.3" : "1");
    set(g, "nslimit", graph.tables().size() > 300 ? "2" : "100");
    set(g, "nslimit1", graph.tables().size() > 300 ? "2" : "100");
    agattr(g, AGNODE, c("shape"), c("box"));
    agattr(g, AGNODE, c("fixedsize"), c("true"));
    agattr(g, AGNODE, c("label"), c(""));
    std::vector<Agnode_t *> nodes;
    nodes.reserve(graph.tables().size());
    for (qsizetype i = 0; i < graph.tables().size(); ++i) {
        const QByteArray name = "t" + QByteArray::number(i);
        Agnode_t *node = agnode(g, c(name.constData()), 1);
        set(node, "width", QByteArray::number(metrics.tableWidth / 72.0));
        set(node, "height", QByteArray::number(tableHeight(graph.tables().at(i), metrics) / 72.0));
        nodes.push_back(node);
    }
    for (const auto &[from, to] : graph.tableEdges())
        agedge(g, nodes[size_t(from)], nodes[size_t(to)], nullptr, 1);
    if (gvLayout(gvc, g, "dot") != 0)
        return std::unexpected(tr("Graphviz could not lay out the lineage"));
    char *data = nullptr;
    unsigned int length = 0;
    const int rendered = gvRenderData(gvc, g, "plain", &data, &length);
    const QByteArray plain(data, data ? int(length) : 0);
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (rendered != 0)
        return std::unexpected(tr("Graphviz could not lay out the lineage"));
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
        return std::unexpected(tr("Graphviz placed %1 of %2 tables").arg(placed).arg(graph.tables().size()));
    return {};
}

} // namespace JobDeck
