#include "lineage/lineageview.h"

#include <QEvent>
#include <QFontInfo>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace JobDeck {

namespace {
constexpr double HeaderHeight = 24;
constexpr double MinScale = 0.005;
constexpr double MaxScale = 4;
constexpr double DetailScale = 0.35; // below this, tables are drawn without their columns' text
constexpr qsizetype MaxCurves = 600; // edges in sight drawn as smooth curves; more as hairlines
constexpr int TileSize = 256;
constexpr qsizetype MinTiles = 64; // kept beyond those in sight (about 17 MB at 1x)
} // namespace

LineageView::LineageView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lineageView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(120, 80);
}

void LineageView::setGraph(LineageGraph graph)
{
    m_graph = std::move(graph);
    m_selected = -1;
    m_selectedTable = -1;
    m_up.clear();
    m_down.clear();
    m_lastFind.clear();
    m_tableEdges = m_graph.tableEdges();
    computeGeometry();
    invalidateTiles();
    fit();
}

void LineageView::setTableMode(bool tables)
{
    if (tables == m_tableMode)
        return;
    m_tableMode = tables;
    computeGeometry();
    invalidateTiles();
    update();
}

QRectF LineageView::sceneRectOf(int table) const
{
    const QRectF rect = m_graph.tables().at(table).rect;
    if (!m_tableMode)
        return rect;
    return QRectF(rect.topLeft(), QSizeF(rect.width(), std::min(rect.height(), HeaderHeight)));
}

QRectF LineageView::sceneColumnRect(int column) const
{
    const LineageGraph::Column &c = m_graph.columns().at(column);
    const LineageGraph::Table &t = m_graph.tables().at(c.table);
    const QRectF rect = t.rect;
    const qsizetype n = t.columns.size();
    const double header = std::min(HeaderHeight, rect.height() / double(n + 1));
    const double rowHeight = (rect.height() - header) / double(std::max<qsizetype>(1, n));
    const qsizetype i = t.columns.indexOf(column);
    return QRectF(rect.left(), rect.top() + header + rowHeight * double(i), rect.width(), rowHeight);
}

void LineageView::computeGeometry()
{
    m_segments.clear();
    m_bounds = QRectF();
    for (const LineageGraph::Table &table : m_graph.tables())
        m_bounds = m_bounds.united(table.rect);
    const auto add = [this](QPointF from, QPointF to, int edge) {
        m_segments.append({from, to, QRectF(from, to).normalized().adjusted(-2, -2, 2, 2), edge});
    };
    if (m_tableMode) {
        for (int i = 0; i < int(m_tableEdges.size()); ++i) {
            const QRectF a = sceneRectOf(m_tableEdges.at(i).first);
            const QRectF b = sceneRectOf(m_tableEdges.at(i).second);
            add(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()), i);
        }
        return;
    }
    for (int i = 0; i < int(m_graph.edges().size()); ++i) {
        const LineageGraph::Edge &edge = m_graph.edges().at(i);
        const QRectF a = sceneColumnRect(edge.from);
        const QRectF b = sceneColumnRect(edge.to);
        // Out of a column's right side into the next one's left; backwards edges the same.
        add(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()), i);
    }
}

QPointF LineageView::toScene(const QPointF &widget) const
{
    return (widget - m_offset) / m_scale;
}

QRectF LineageView::tableRect(int table) const
{
    const QRectF r = sceneRectOf(table);
    return QRectF(r.topLeft() * m_scale + m_offset, r.size() * m_scale);
}

QRectF LineageView::columnRect(int column) const
{
    const QRectF r = sceneColumnRect(column);
    return QRectF(r.topLeft() * m_scale + m_offset, r.size() * m_scale);
}

int LineageView::tableAt(const QPointF &position) const
{
    const QPointF p = toScene(position);
    for (int i = int(m_graph.tables().size()) - 1; i >= 0; --i) {
        if (sceneRectOf(i).contains(p))
            return i;
    }
    return -1;
}

int LineageView::columnAt(const QPointF &position) const
{
    if (m_tableMode)
        return -1;
    const int table = tableAt(position);
    if (table < 0)
        return -1;
    const QPointF p = toScene(position);
    for (int column : m_graph.tables().at(table).columns) {
        if (sceneColumnRect(column).contains(p))
            return column;
    }
    return -1;
}

void LineageView::selectColumn(int column)
{
    if (column < -1 || column >= int(m_graph.columns().size()))
        column = -1;
    m_selected = column;
    m_selectedTable = column >= 0 ? m_graph.columns().at(column).table : -1;
    m_up = m_graph.upstream(column);
    m_down = m_graph.downstream(column);
    invalidateTiles();
    update();
    Q_EMIT columnSelected(column);
}

void LineageView::selectTable(int table)
{
    m_selected = -1;
    m_up.clear();
    m_down.clear();
    m_selectedTable = table;
    invalidateTiles();
    update();
}

int LineageView::find(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return 0;
    // Tables first, then columns ("table.column" matches too), in graph order.
    QList<std::pair<int, int>> matches; // (table, column or -1)
    for (int t = 0; t < int(m_graph.tables().size()); ++t) {
        const LineageGraph::Table &table = m_graph.tables().at(t);
        if (table.name.contains(needle, Qt::CaseInsensitive))
            matches.append({t, -1});
        for (int c : table.columns) {
            const QString name = m_graph.columns().at(c).name;
            if (name.contains(needle, Qt::CaseInsensitive)
                || QString(table.name + u'.' + name).contains(needle, Qt::CaseInsensitive))
                matches.append({t, c});
        }
    }
    if (matches.isEmpty())
        return 0;
    m_lastFindIndex = needle == m_lastFind ? (m_lastFindIndex + 1) % int(matches.size()) : 0;
    m_lastFind = needle;
    const auto [table, column] = matches.at(m_lastFindIndex);
    if (column >= 0 && !m_tableMode)
        selectColumn(column);
    else
        selectTable(table);
    // Centre on it, close enough to read.
    m_scale = std::max(m_scale, 0.8);
    const QPointF centre = sceneRectOf(table).center();
    m_offset = QPointF(width() / 2.0, height() / 2.0) - centre * m_scale;
    update();
    Q_EMIT viewChanged();
    return int(matches.size());
}

void LineageView::fit()
{
    m_fitted = true;
    if (m_bounds.isEmpty()) {
        m_scale = 1;
        m_offset = {};
        update();
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(10, 10, -10, -10);
    m_scale = std::clamp(
        std::min(area.width() / m_bounds.width(), area.height() / m_bounds.height()), MinScale, 1.5);
    m_offset = area.center() - m_bounds.center() * m_scale;
    update();
    Q_EMIT viewChanged();
}

void LineageView::zoomBy(double factor, const QPointF &around)
{
    const QPointF scene = toScene(around);
    m_scale = std::clamp(m_scale * factor, MinScale, MaxScale);
    m_offset = around - scene * m_scale;
    m_fitted = false;
    update();
    Q_EMIT viewChanged();
}

void LineageView::panBy(const QPointF &pixels)
{
    // Whole pixels, so the tiles drawn so far still fit.
    m_offset += QPointF(std::round(pixels.x()), std::round(pixels.y()));
    m_fitted = false;
    update();
    Q_EMIT viewChanged();
}

void LineageView::invalidateTiles()
{
    m_tiles.clear();
}

bool LineageView::curvesInSight(const QRectF &visible, double scale) const
{
    // Decided for the whole window, not per tile, so an edge looks the same across tiles.
    if (scale < DetailScale)
        return false;
    qsizetype inSight = 0;
    for (const Segment &segment : m_segments) {
        if (segment.box.intersects(visible) && ++inSight > MaxCurves)
            return false;
    }
    return true;
}

const QPixmap &LineageView::tile(const QPoint &at)
{
    auto it = m_tiles.find(at);
    if (it != m_tiles.end())
        return *it;
    const qreal ratio = m_tileKey.pixelRatio;
    QPixmap pixmap(QSize(TileSize, TileSize) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&pixmap);
        // The tile's top left is the scaled scene's (at * TileSize - fraction).
        const QPointF origin = QPointF(at * TileSize) - m_tileKey.fraction;
        painter.translate(-origin);
        painter.scale(m_scale, m_scale);
        const QRectF visible(origin / m_scale, QSizeF(TileSize, TileSize) / m_scale);
        paintScene(painter, visible, m_scale, m_tileKey.curves);
    }
    return *m_tiles.insert(at, pixmap);
}

void LineageView::dropTilesAwayFrom(const QRect &tilesInSight)
{
    const qsizetype budget
        = std::max<qsizetype>(MinTiles, 3 * qsizetype(tilesInSight.width()) * tilesInSight.height());
    if (m_tiles.size() <= budget)
        return;
    // The farthest from the window go first: a pan back finds the near ones still there.
    const QPointF centre = QRectF(tilesInSight).center();
    QList<std::pair<double, QPoint>> byDistance;
    for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it) {
        const QPointF d = QPointF(it.key()) + QPointF(0.5, 0.5) - centre;
        byDistance.append({d.x() * d.x() + d.y() * d.y(), it.key()});
    }
    std::sort(
        byDistance.begin(), byDistance.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 0; i < byDistance.size() && m_tiles.size() > budget; ++i)
        m_tiles.remove(byDistance.at(i).second);
}

void LineageView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRect exposed = event->rect();
    painter.fillRect(exposed, palette().base());
    if (m_bounds.isEmpty())
        return;
    // widget = scaled scene + whole + fraction: tiles are drawn at whole pixels, the
    // fraction is inside them, so they match what a direct paint would draw.
    const QPoint whole(int(std::floor(m_offset.x())), int(std::floor(m_offset.y())));
    const QRectF window(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
    const TileKey key{
        m_scale, m_offset - QPointF(whole), devicePixelRatioF(), curvesInSight(window, m_scale)};
    if (key != m_tileKey) {
        invalidateTiles();
        m_tileKey = key;
    }
    // Only where the graph is (its pens reach a little past the boxes).
    const QRectF graph(m_bounds.topLeft() * m_scale, m_bounds.size() * m_scale);
    const QRect area
        = exposed.translated(-whole) & graph.adjusted(-4, -4, 4, 4).translated(key.fraction).toAlignedRect();
    if (area.isEmpty())
        return;
    const auto tileOf = [](int pixel) {
        return int(std::floor(double(pixel) / TileSize));
    };
    const QRect tiles(QPoint(tileOf(area.left()), tileOf(area.top())),
                      QPoint(tileOf(area.right()), tileOf(area.bottom())));
    for (int y = tiles.top(); y <= tiles.bottom(); ++y) {
        for (int x = tiles.left(); x <= tiles.right(); ++x)
            painter.drawPixmap(whole + QPoint(x, y) * TileSize, tile(QPoint(x, y)));
    }
    dropTilesAwayFrom(tiles);
}

void LineageView::paintScene(QPainter &painter, const QRectF &visible, double scale, bool curves) const
{
    const QPalette pal = palette();
    const bool detail = scale >= DetailScale;
    painter.setRenderHint(QPainter::Antialiasing, detail);
    const bool highlighting = m_selected >= 0;
    const QColor edgeColour = pal.color(QPalette::Mid);
    const QColor upColour(0xef, 0x6c, 0x00);   // sources: orange
    const QColor downColour(0x15, 0x65, 0xc0); // targets: blue
    const QColor dim
        = highlighting ? QColor(edgeColour.red(), edgeColour.green(), edgeColour.blue(), 70) : edgeColour;

    // Edges first, under the boxes; only those whose box meets the window.
    // Far out, a hairline: one pixel whatever the zoom, and the cheapest line to draw.
    QPen pen = detail ? QPen(dim, 1.0 / std::max(scale, 0.05)) : QPen(dim, 0);
    painter.setPen(pen);
    QList<const Segment *> bright;
    QList<const Segment *> inSight; // the edges in sight, drawn below
    for (const Segment &segment : m_segments) {
        if (!segment.box.intersects(visible))
            continue;
        if (highlighting && !m_tableMode) {
            const LineageGraph::Edge &edge = m_graph.edges().at(segment.edge);
            const bool up = (edge.to == m_selected || m_up.contains(edge.to)) && m_up.contains(edge.from);
            const bool down
                = (edge.from == m_selected || m_down.contains(edge.from)) && m_down.contains(edge.to);
            if (up || down) {
                bright.append(&segment);
                continue;
            }
        }
        inSight.append(&segment);
    }
    // Curves while they are few enough to draw smoothly; beyond that (or far out) straight
    // hairlines in one call, unsmoothed: a crowd of edges reads as a crowd either way.
    QList<QLineF> lines;
    if (detail && curves) {
        QPainterPath paths;
        for (const Segment *segment : std::as_const(inSight)) {
            const double dx = std::max(30.0, (segment->to.x() - segment->from.x()) / 2);
            paths.moveTo(segment->from);
            paths.cubicTo(segment->from + QPointF(dx, 0), segment->to - QPointF(dx, 0), segment->to);
        }
        painter.strokePath(paths, pen);
    } else {
        lines.reserve(inSight.size());
        for (const Segment *segment : std::as_const(inSight))
            lines.append(QLineF(segment->from, segment->to));
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(dim, 0));
    }
    if (!lines.isEmpty())
        painter.drawLines(lines);
    painter.setRenderHint(QPainter::Antialiasing, detail);
    for (const Segment *segment : std::as_const(bright)) {
        const LineageGraph::Edge &edge = m_graph.edges().at(segment->edge);
        const bool up = m_up.contains(edge.from);
        QPen strong(up ? upColour : downColour, 2.5 / std::max(scale, 0.05));
        // Upstream solid, downstream dashed: the direction reads without colour too.
        strong.setStyle(up ? Qt::SolidLine : Qt::DashLine);
        painter.setPen(strong);
        const double dx = std::max(30.0, (segment->to.x() - segment->from.x()) / 2);
        QPainterPath path(segment->from);
        path.cubicTo(segment->from + QPointF(dx, 0), segment->to - QPointF(dx, 0), segment->to);
        painter.drawPath(path);
    }

    if (!detail) {
        // Far out: the boxes alone, in one call.
        QList<QRectF> boxes;
        for (int t = 0; t < int(m_graph.tables().size()); ++t) {
            if (const QRectF box = sceneRectOf(t); box.intersects(visible))
                boxes.append(box);
        }
        painter.setPen(QPen(pal.color(QPalette::Mid), 0));
        painter.setBrush(pal.button());
        painter.drawRects(boxes);
        if (m_selectedTable >= 0) {
            painter.setPen(QPen(pal.color(QPalette::Highlight), 2.5 / std::max(scale, 0.005)));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(sceneRectOf(m_selectedTable));
        }
        return;
    }
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    for (int t = 0; t < int(m_graph.tables().size()); ++t) {
        const QRectF box = sceneRectOf(t);
        if (!box.intersects(visible))
            continue;
        const LineageGraph::Table &table = m_graph.tables().at(t);
        const bool selectedTable = t == m_selectedTable;
        painter.setPen(QPen(selectedTable ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                            (selectedTable ? 2.5 : 1.0) / std::max(scale, 0.05)));
        painter.setBrush(pal.window());
        painter.drawRect(box);
        const double header
            = std::min(HeaderHeight, box.height() / double(m_tableMode ? 1 : table.columns.size() + 1));
        const QRectF head(box.left(), box.top(), box.width(), header);
        painter.fillRect(head,
                         table.type == u"view" ? pal.color(QPalette::Button).darker(110) : pal.button());
        painter.setFont(bold);
        painter.setPen(pal.color(QPalette::ButtonText));
        // The kind in brackets, as SQLFlow abbreviates it: [T] table, [V] view, [L] select list.
        const QString kind = table.type == u"view"    ? QStringLiteral("[V] ")
                             : table.type == u"table" ? QStringLiteral("[T] ")
                                                      : QStringLiteral("[L] ");
        painter.drawText(head.adjusted(6, 0, -6, 0),
                         Qt::AlignVCenter | Qt::AlignLeft,
                         fm.elidedText(kind + table.name, Qt::ElideRight, head.width() - 12));
        if (m_tableMode)
            continue;
        painter.setFont(font());
        for (int column : table.columns) {
            const QRectF row = sceneColumnRect(column);
            if (!row.intersects(visible))
                continue;
            QColor text = pal.color(QPalette::WindowText);
            if (column == m_selected) {
                painter.fillRect(row, pal.highlight());
                text = pal.color(QPalette::HighlightedText);
            } else if (m_up.contains(column)) {
                painter.fillRect(row, QColor(upColour.red(), upColour.green(), upColour.blue(), 70));
            } else if (m_down.contains(column)) {
                painter.fillRect(row, QColor(downColour.red(), downColour.green(), downColour.blue(), 70));
            }
            painter.setPen(text);
            QString name = m_graph.columns().at(column).name;
            // Marks for the highlight, so it reads without colour: ◀ a source, ▶ a target.
            if (m_up.contains(column))
                name = u"◀ " + name;
            else if (m_down.contains(column))
                name = u"▶ " + name;
            painter.drawText(row.adjusted(8, 0, -6, 0),
                             Qt::AlignVCenter | Qt::AlignLeft,
                             fm.elidedText(name, Qt::ElideRight, row.width() - 14));
        }
    }
}

QImage LineageView::render(int maxSide) const
{
    if (m_bounds.isEmpty())
        return {};
    const QRectF bounds = m_bounds.adjusted(-20, -20, 20, 20);
    const double scale = std::min(1.0, double(maxSide) / std::max(bounds.width(), bounds.height()));
    QImage image(QSize(int(bounds.width() * scale) + 1, int(bounds.height() * scale) + 1),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-bounds.topLeft());
    const double drawn = std::max(scale, DetailScale);
    paintScene(painter, bounds, drawn, curvesInSight(bounds, drawn));
    return image;
}

QByteArray LineageView::renderSvg() const
{
    // Written by hand (the build has no Qt SVG module): the same boxes, columns, edges and
    // highlight as on screen, at 1:1, in palette colours.
    if (m_bounds.isEmpty())
        return {};
    const QPalette pal = palette();
    const auto colour = [](const QColor &c) {
        return c.name(QColor::HexRgb);
    };
    const auto escaped = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    const auto num = [](double v) {
        return QString::number(v, 'f', 1);
    };
    const QRectF bounds = m_bounds.adjusted(-20, -20, 20, 20);
    const QColor upColour(0xef, 0x6c, 0x00);
    const QColor downColour(0x15, 0x65, 0xc0);
    QString out;
    out += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"%3 %4 %1 %2\" font-family=\"%5\" font-size=\"%6\">\n")
               .arg(num(bounds.width()),
                    num(bounds.height()),
                    num(bounds.left()),
                    num(bounds.top()),
                    escaped(font().family()))
               .arg(QFontInfo(font()).pixelSize());
    out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
               .arg(num(bounds.left()),
                    num(bounds.top()),
                    num(bounds.width()),
                    num(bounds.height()),
                    colour(pal.color(QPalette::Base)));
    const bool highlighting = m_selected >= 0 && !m_tableMode;
    for (const Segment &segment : m_segments) {
        QString stroke = colour(pal.color(QPalette::Mid));
        QString extra = highlighting ? QStringLiteral(" stroke-opacity=\"0.3\"") : QString();
        if (highlighting) {
            const LineageGraph::Edge &edge = m_graph.edges().at(segment.edge);
            const bool up = (edge.to == m_selected || m_up.contains(edge.to)) && m_up.contains(edge.from);
            const bool down
                = (edge.from == m_selected || m_down.contains(edge.from)) && m_down.contains(edge.to);
            if (up || down) {
                stroke = colour(up ? upColour : downColour);
                extra = up ? QStringLiteral(" stroke-width=\"2.5\"")
                           : QStringLiteral(" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"");
            }
        }
        const double dx = std::max(30.0, (segment.to.x() - segment.from.x()) / 2);
        out += QStringLiteral("<path d=\"M%1 %2 C%3 %4 %5 %6 %7 %8\" fill=\"none\" stroke=\"%9\"%10/>\n")
                   .arg(num(segment.from.x()),
                        num(segment.from.y()),
                        num(segment.from.x() + dx),
                        num(segment.from.y()),
                        num(segment.to.x() - dx),
                        num(segment.to.y()),
                        num(segment.to.x()),
                        num(segment.to.y()),
                        stroke)
                   .arg(extra);
    }
    const auto rect = [&](const QRectF &r, const QColor &fill, const QString &more = {}) {
        out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"%6/>\n")
                   .arg(num(r.left()), num(r.top()), num(r.width()), num(r.height()), colour(fill), more);
    };
    const auto text = [&](const QRectF &r, const QString &content, const QColor &ink, bool bold) {
        out += QStringLiteral(
                   "<text x=\"%1\" y=\"%2\" dominant-baseline=\"central\" fill=\"%3\"%4>%5</text>\n")
                   .arg(num(r.left()),
                        num(r.center().y()),
                        colour(ink),
                        bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                        escaped(content));
    };
    for (int t = 0; t < int(m_graph.tables().size()); ++t) {
        const LineageGraph::Table &table = m_graph.tables().at(t);
        const QRectF box = sceneRectOf(t);
        const bool selectedTable = t == m_selectedTable;
        rect(box,
             pal.color(QPalette::Window),
             QStringLiteral(" stroke=\"%1\" stroke-width=\"%2\"")
                 .arg(colour(pal.color(selectedTable ? QPalette::Highlight : QPalette::Mid)),
                      selectedTable ? QStringLiteral("2.5") : QStringLiteral("1")));
        const double header
            = std::min(HeaderHeight, box.height() / double(m_tableMode ? 1 : table.columns.size() + 1));
        const QRectF head(box.left(), box.top(), box.width(), header);
        rect(head,
             table.type == u"view" ? pal.color(QPalette::Button).darker(110) : pal.color(QPalette::Button));
        const QString kind = table.type == u"view"    ? QStringLiteral("[V] ")
                             : table.type == u"table" ? QStringLiteral("[T] ")
                                                      : QStringLiteral("[L] ");
        text(head.adjusted(6, 0, -6, 0), kind + table.name, pal.color(QPalette::ButtonText), true);
        if (m_tableMode)
            continue;
        for (int column : table.columns) {
            const QRectF row = sceneColumnRect(column);
            QColor ink = pal.color(QPalette::WindowText);
            QString name = m_graph.columns().at(column).name;
            if (column == m_selected) {
                rect(row, pal.color(QPalette::Highlight));
                ink = pal.color(QPalette::HighlightedText);
            } else if (m_up.contains(column)) {
                rect(row, upColour, QStringLiteral(" fill-opacity=\"0.3\""));
            } else if (m_down.contains(column)) {
                rect(row, downColour, QStringLiteral(" fill-opacity=\"0.3\""));
            }
            if (m_up.contains(column))
                name = u"◀ " + name;
            else if (m_down.contains(column))
                name = u"▶ " + name;
            text(row.adjusted(8, 0, -6, 0), name, ink, false);
        }
    }
    out += QStringLiteral("</svg>\n");
    return out.toUtf8();
}

void LineageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitted)
        fit();
}

void LineageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier)
        panBy(QPointF(event->angleDelta().y() / 2.0, 0));
    else
        zoomBy(std::pow(1.2, event->angleDelta().y() / 120.0), event->position());
    event->accept();
}

void LineageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->position();
    m_pressOffset = m_offset;
    m_dragging = false;
}

void LineageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPointF delta = event->position() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() < 4)
        return;
    m_dragging = true;
    m_offset = m_pressOffset + QPointF(std::round(delta.x()), std::round(delta.y()));
    m_fitted = false;
    update();
}

void LineageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragging) {
        m_dragging = false;
        Q_EMIT viewChanged();
        return;
    }
    const int column = columnAt(event->position());
    if (column >= 0)
        selectColumn(column);
    else if (const int table = tableAt(event->position()); table >= 0)
        selectTable(table);
    else
        selectColumn(-1);
}

void LineageView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8, centre);
        break;
    case Qt::Key_F:
    case Qt::Key_Home:
    case Qt::Key_0:
        fit();
        break;
    case Qt::Key_Left:
        panBy(QPointF(width() / 8.0, 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-width() / 8.0, 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, height() / 8.0));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -height() / 8.0));
        break;
    case Qt::Key_Escape:
        selectColumn(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LineageView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        invalidateTiles();
        update();
    }
}

} // namespace JobDeck
