#pragma once

#include <QList>
#include <QRectF>
#include <QSet>
#include <QString>

#include <expected>

namespace JobDeck {

// A job's data lineage as a graph: tables (and views, result sets) with their columns, and
// data-flow edges from column to column. Read from SQLFlow's JSON: its `graph` element where
// the answer has one (with SQLFlow's own positions), else its `sqlflow` data model (dbobjs and
// relationships), which then needs a layout (lineagelayout.h).
class LineageGraph
{
public:
    struct Column
    {
        QString id;
        QString name;
        int table = -1;
    };
    struct Table
    {
        QString id;
        QString name;
        QString type; // "table", "view", "select_list", ...
        QList<int> columns;
        QRectF rect; // where it is drawn; set by the layout or by SQLFlow
    };
    struct Edge
    {
        int from = -1; // column indices
        int to = -1;
        QString type; // "fdd" (data flow), "fdr" (impact), ...
        bool operator==(const Edge &) const = default;
    };

    // Reads an answer of /sqlflow/generation/sqlflow/graph or an exportLineageAsJson file: the
    // envelope ({code, data}), `data` itself or the `sqlflow` object alone.
    static std::expected<LineageGraph, QString> fromJson(const QByteArray &json);

    const QList<Table> &tables() const { return m_tables; }
    const QList<Column> &columns() const { return m_columns; }
    const QList<Edge> &edges() const { return m_edges; }
    QList<Table> &tables() { return m_tables; }
    // Whether the tables' rects came with the answer (SQLFlow's layout).
    bool hasLayout() const { return m_hasLayout; }
    void setHasLayout(bool has) { m_hasLayout = has; }

    int tableIndex(const QString &name) const;
    int columnIndex(const QString &tableName, const QString &columnName) const;

    // Every column data flows from into `column` (transitively), and every column it flows to.
    QSet<int> upstream(int column) const;
    QSet<int> downstream(int column) const;
    // Table-to-table edges (each pair once).
    QList<std::pair<int, int>> tableEdges() const;

    void addTable(Table table);
    int addColumn(int table, const QString &id, const QString &name);
    void addEdge(int from, int to, const QString &type);

private:
    void buildAdjacency() const;
    QSet<int> walk(int column, bool up) const;

    QList<Table> m_tables;
    QList<Column> m_columns;
    QList<Edge> m_edges;
    bool m_hasLayout = false;
    mutable QList<QList<int>> m_in;  // column -> edges into it
    mutable QList<QList<int>> m_out; // column -> edges out of it
};

} // namespace JobDeck
