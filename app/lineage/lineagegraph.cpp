#include "lineage/lineagegraph.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace JobDeck {

namespace {

QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return {};
}

QString labelOf(const QJsonObject &object)
{
    const QJsonValue label = object.value(QLatin1StringView("label"));
    if (label.isObject())
        return label.toObject().value(QLatin1StringView("content")).toString();
    if (label.isString())
        return label.toString();
    return object.value(QLatin1StringView("name")).toString();
}

// SQLFlow's `graph` element: tables with columns and positions, edges between columns.
bool readGraph(const QJsonObject &graph, LineageGraph &out)
{
    const QJsonObject elements = graph.value(QLatin1StringView("elements")).toObject();
    const QJsonArray tables = elements.value(QLatin1StringView("tables")).toArray();
    if (tables.isEmpty())
        return false;
    QHash<QString, int> columnById;
    bool positioned = true;
    for (const QJsonValue &entry : tables) {
        const QJsonObject t = entry.toObject();
        LineageGraph::Table table;
        table.id = idText(t.value(QLatin1StringView("id")));
        table.name = labelOf(t);
        table.type = t.value(QLatin1StringView("type")).toString(QStringLiteral("table"));
        const QJsonValue x = t.value(QLatin1StringView("x"));
        const QJsonValue y = t.value(QLatin1StringView("y"));
        const double w = t.value(QLatin1StringView("width")).toDouble();
        const double h = t.value(QLatin1StringView("height")).toDouble();
        if (!x.isDouble() || !y.isDouble() || !(w > 0) || !(h > 0) || w > 1e5 || h > 1e6)
            positioned = false;
        else
            table.rect = QRectF(x.toDouble(), y.toDouble(), w, h);
        out.addTable(table);
        const int index = int(out.tables().size()) - 1;
        for (const QJsonValue &c : t.value(QLatin1StringView("columns")).toArray()) {
            const QJsonObject column = c.toObject();
            const QString id = idText(column.value(QLatin1StringView("id")));
            const int ci = out.addColumn(index, id, labelOf(column));
            if (!id.isEmpty())
                columnById.insert(id, ci);
        }
    }
    for (const QJsonValue &entry : elements.value(QLatin1StringView("edges")).toArray()) {
        const QJsonObject e = entry.toObject();
        const int from = columnById.value(idText(e.value(QLatin1StringView("sourceId"))), -1);
        const int to = columnById.value(idText(e.value(QLatin1StringView("targetId"))), -1);
        if (from >= 0 && to >= 0)
            out.addEdge(from, to, QStringLiteral("fdd"));
    }
    out.setHasLayout(positioned);
    return true;
}

// dbobjs: servers > databases > schemas > tables/views/others, or a flat list; every object
// with columns is a box.
void collectObjects(const QJsonValue &value, LineageGraph &out, QHash<QString, int> &columnById, int depth)
{
    if (depth > 8)
        return;
    if (value.isArray()) {
        for (const QJsonValue &entry : value.toArray())
            collectObjects(entry, out, columnById, depth + 1);
        return;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue columns = object.value(QLatin1StringView("columns"));
    if (columns.isArray() && object.contains(QLatin1StringView("name"))) {
        LineageGraph::Table table;
        table.id = idText(object.value(QLatin1StringView("id")));
        table.name = object.value(QLatin1StringView("name")).toString();
        table.type = object.value(QLatin1StringView("type")).toString(QStringLiteral("table"));
        out.addTable(table);
        const int index = int(out.tables().size()) - 1;
        for (const QJsonValue &c : columns.toArray()) {
            const QJsonObject column = c.toObject();
            const QString id = idText(column.value(QLatin1StringView("id")));
            const int ci = out.addColumn(index, id, column.value(QLatin1StringView("name")).toString());
            if (!id.isEmpty())
                columnById.insert(id, ci);
        }
        return;
    }
    for (const char *key : {"servers", "databases", "schemas", "tables", "views", "others", "dbobjs"}) {
        const QJsonValue inner = object.value(QLatin1StringView(key));
        if (inner.isArray() || inner.isObject())
            collectObjects(inner, out, columnById, depth + 1);
    }
}

bool readModel(const QJsonObject &sqlflow, LineageGraph &out, QString *error)
{
    QHash<QString, int> columnById;
    collectObjects(sqlflow.value(QLatin1StringView("dbobjs")), out, columnById, 0);
    QJsonArray relations = sqlflow.value(QLatin1StringView("relationships")).toArray();
    if (relations.isEmpty())
        relations = sqlflow.value(QLatin1StringView("relations")).toArray();
    if (out.tables().isEmpty() && relations.isEmpty()) {
        *error = QCoreApplication::translate("JobDeck::LineageGraph",
                                             "The answer has no tables and no relations");
        return false;
    }
    // An element names its column by id; where that id is unknown, by table and column name.
    const auto columnOf = [&](const QJsonObject &element) {
        const int byId = columnById.value(idText(element.value(QLatin1StringView("id"))), -1);
        if (byId >= 0)
            return byId;
        const QString table = element.value(QLatin1StringView("parentName")).toString();
        const QString column = element.value(QLatin1StringView("column")).toString();
        if (table.isEmpty() || column.isEmpty())
            return -1;
        int t = out.tableIndex(table);
        if (t < 0) {
            LineageGraph::Table added;
            added.id = idText(element.value(QLatin1StringView("parentId")));
            added.name = table;
            added.type = QStringLiteral("table");
            out.addTable(added);
            t = int(out.tables().size()) - 1;
        }
        const int c = out.columnIndex(table, column);
        return c >= 0 ? c : out.addColumn(t, {}, column);
    };
    for (const QJsonValue &entry : std::as_const(relations)) {
        const QJsonObject relation = entry.toObject();
        const QString type = relation.value(QLatin1StringView("type")).toString(QStringLiteral("fdd"));
        if (type != u"fdd" && type != u"fdr")
            continue; // joins and calls are not data flow between columns
        const int to = columnOf(relation.value(QLatin1StringView("target")).toObject());
        if (to < 0)
            continue;
        for (const QJsonValue &source : relation.value(QLatin1StringView("sources")).toArray()) {
            const int from = columnOf(source.toObject());
            if (from >= 0 && from != to)
                out.addEdge(from, to, type);
        }
    }
    return true;
}

} // namespace

std::expected<LineageGraph, QString> LineageGraph::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return std::unexpected(
            QCoreApplication::translate("JobDeck::LineageGraph", "The lineage is not JSON: %1")
                .arg(parseError.errorString()));
    QJsonObject root = document.object();
    if (root.value(QLatin1StringView("data")).isObject())
        root = root.value(QLatin1StringView("data")).toObject();
    LineageGraph graph;
    if (root.value(QLatin1StringView("graph")).isObject()
        && readGraph(root.value(QLatin1StringView("graph")).toObject(), graph))
        return graph;
    const QJsonObject sqlflow = root.value(QLatin1StringView("sqlflow")).isObject()
                                    ? root.value(QLatin1StringView("sqlflow")).toObject()
                                    : root;
    QString error;
    if (!readModel(sqlflow, graph, &error))
        return std::unexpected(error);
    return graph;
}

void LineageGraph::addTable(Table table)
{
    table.columns.clear();
    m_tables.append(std::move(table));
}

int LineageGraph::addColumn(int table, const QString &id, const QString &name)
{
    m_columns.append({id, name, table});
    const int index = int(m_columns.size()) - 1;
    m_tables[table].columns.append(index);
    m_in.clear();
    return index;
}

void LineageGraph::addEdge(int from, int to, const QString &type)
{
    m_edges.append({from, to, type});
    m_in.clear();
}

int LineageGraph::tableIndex(const QString &name) const
{
    for (int i = 0; i < int(m_tables.size()); ++i) {
        if (m_tables.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int LineageGraph::columnIndex(const QString &tableName, const QString &columnName) const
{
    const int t = tableIndex(tableName);
    if (t < 0)
        return -1;
    for (int c : m_tables.at(t).columns) {
        if (m_columns.at(c).name.compare(columnName, Qt::CaseInsensitive) == 0)
            return c;
    }
    return -1;
}

void LineageGraph::buildAdjacency() const
{
    if (m_in.size() == m_columns.size())
        return;
    m_in = QList<QList<int>>(m_columns.size());
    m_out = QList<QList<int>>(m_columns.size());
    for (int i = 0; i < int(m_edges.size()); ++i) {
        m_out[m_edges.at(i).from].append(i);
        m_in[m_edges.at(i).to].append(i);
    }
}

QSet<int> LineageGraph::walk(int column, bool up) const
{
    QSet<int> seen;
    if (column < 0 || column >= int(m_columns.size()))
        return seen;
    buildAdjacency();
    QList<int> stack{column};
    while (!stack.isEmpty()) {
        const int current = stack.takeLast();
        for (int e : (up ? m_in : m_out).at(current)) {
            const int next = up ? m_edges.at(e).from : m_edges.at(e).to;
            if (next != column && !seen.contains(next)) {
                seen.insert(next);
                stack.append(next);
            }
        }
    }
    return seen;
}

QSet<int> LineageGraph::upstream(int column) const
{
    return walk(column, true);
}

QSet<int> LineageGraph::downstream(int column) const
{
    return walk(column, false);
}

QList<std::pair<int, int>> LineageGraph::tableEdges() const
{
    QSet<quint64> seen;
    QList<std::pair<int, int>> out;
    for (const Edge &edge : m_edges) {
        const int a = m_columns.at(edge.from).table;
        const int b = m_columns.at(edge.to).table;
        if (a == b)
            continue;
        const quint64 key = (quint64(quint32(a)) << 32) | quint32(b);
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append({a, b});
        }
    }
    return out;
}

} // namespace JobDeck
