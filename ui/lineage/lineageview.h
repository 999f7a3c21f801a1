#pragma once

#include "lineage/lineagegraph.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

namespace JobDeck {

// Draws a laid-out LineageGraph: tables as boxes listing their columns, data-flow edges from
// column to column, left to right. Pans (drag, arrows), zooms (wheel, +/-) and fits (F); only
// what is in sight is drawn, and far out tables lose their column text (level of detail), so
// 1,000 tables with 10,000 columns pan smoothly: what was drawn is kept as tiles at the
// current zoom, so a pan draws only the strip that comes into sight. Clicking a column
// highlights everything upstream and downstream of it; table mode draws tables and
// table-to-table edges only.
class LineageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineageView)

public:
    explicit LineageView(QWidget *parent = nullptr);

    void setGraph(LineageGraph graph);
    const LineageGraph &graph() const { return m_graph; }

    void setTableMode(bool tables);
    bool tableMode() const { return m_tableMode; }

    // The selected column (-1 none) and what is highlighted with it.
    void selectColumn(int column);
    int selectedColumn() const { return m_selected; }
    const QSet<int> &upstreamColumns() const { return m_up; }
    const QSet<int> &downstreamColumns() const { return m_down; }
    void selectTable(int table);
    int selectedTable() const { return m_selectedTable; }

    // Selects and shows the first table or column whose name contains `text`, after the
    // current one on a repeated search; returns how many match.
    int find(const QString &text);

    void fit();
    void zoomBy(double factor, const QPointF &around);
    void panBy(const QPointF &pixels);
    double scale() const { return m_scale; }

    // Where a column's row is, in widget coordinates (tests click it).
    QRectF columnRect(int column) const;
    QRectF tableRect(int table) const;
    int columnAt(const QPointF &position) const;
    int tableAt(const QPointF &position) const;

    // The whole graph as a picture, at most `maxSide` pixels a side.
    QImage render(int maxSide = 8192) const;
    // The whole graph as an SVG document, at 1:1, with the highlight as shown.
    QByteArray renderSvg() const;

Q_SIGNALS:
    void columnSelected(int column);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRectF sceneRectOf(int table) const;
    QRectF sceneColumnRect(int column) const;
    void computeGeometry();
    void paintScene(QPainter &painter, const QRectF &visible, double scale, bool curves) const;
    bool curvesInSight(const QRectF &visible, double scale) const;
    const QPixmap &tile(const QPoint &at);
    void invalidateTiles();
    void dropTilesAwayFrom(const QRect &tilesInSight);
    QPointF toScene(const QPointF &widget) const;

    LineageGraph m_graph;
    QRectF m_bounds;
    struct Segment
    {
        QPointF from;
        QPointF to;
        QRectF box;
        int edge; // index in the graph's edges, or in tableEdges() in table mode
    };
    QList<Segment> m_segments;
    QList<std::pair<int, int>> m_tableEdges;
    bool m_tableMode = false;
    int m_selected = -1;
    int m_selectedTable = -1;
    QSet<int> m_up;
    QSet<int> m_down;
    QString m_lastFind;
    int m_lastFindIndex = -1;
    double m_scale = 1;
    QPointF m_offset; // widget = scene * scale + offset
    QPointF m_pressPos;
    QPointF m_pressOffset;
    bool m_dragging = false;
    bool m_fitted = false;

    // Tiles of the drawn scene, TileSize logical pixels a side, keyed by their place in the
    // scaled scene (pixel = scene * scale + the offset's fraction). They hold while the
    // zoom, the offset's fraction, the edge style and what is drawn stay the same.
    struct TileKey
    {
        double scale = 0;
        QPointF fraction;
        qreal pixelRatio = 0;
        bool curves = false;
        bool operator==(const TileKey &) const = default;
    };
    TileKey m_tileKey;
    QHash<QPoint, QPixmap> m_tiles;
};

} // namespace JobDeck
