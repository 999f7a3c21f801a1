#include "common/jobstatestyle.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace JobDeck::JobStateStyle {

namespace {

// Okabe & Ito's colours for light bases, and lighter tones of the same hues for dark ones.
struct Tones
{
    QRgb light;
    QRgb dark;
};

Tones tones(JobState state)
{
    switch (state) {
    case JobState::Unknown:
        return {0x7a7a7a, 0xa8a8a8};
    case JobState::Queued:
        return {0x5f6b73, 0xb4c0c8};
    case JobState::Running:
        return {0x0072b2, 0x56b4e9};
    case JobState::Paused:
        return {0xb87a00, 0xe69f00};
    case JobState::Retrying:
        return {0xad4f88, 0xe29ac5};
    case JobState::Succeeded:
        return {0x00875f, 0x33c79b};
    case JobState::Failed:
        return {0xd55e00, 0xff8c42};
    case JobState::Cancelled:
        return {0x6b5d4f, 0xb9a993};
    }
    return {0x7a7a7a, 0xa8a8a8};
}

class StateIconEngine final : public QIconEngine
{
public:
    StateIconEngine(JobState state, const QPalette &palette)
        : m_state(state)
        , m_palette(palette)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.45);
        JobStateStyle::paint(painter, QRectF(rect), m_state, m_palette);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State iconState) override
    {
        QPixmap image(size);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        paint(&painter, QRect(QPoint(), size), mode, iconState);
        return image;
    }

    QIconEngine *clone() const override { return new StateIconEngine(m_state, m_palette); }
    QString key() const override { return QStringLiteral("JobDeck::JobStateStyle"); }

private:
    JobState m_state;
    QPalette m_palette;
};

QPolygonF regularPolygon(const QPointF &centre, qreal radius, int corners, qreal startDegrees)
{
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const qreal angle = (startDegrees + 360.0 * i / corners) * M_PI / 180.0;
        polygon << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor color(JobState state, const QPalette &palette)
{
    const Tones t = tones(state);
    return QColor::fromRgb(isDark(palette) ? t.dark : t.light);
}

void paint(QPainter *painter, const QRectF &area, JobState state, const QPalette &palette)
{
    const qreal side = std::min(area.width(), area.height());
    const QRectF box(area.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
    const QRectF r = box.adjusted(side * 0.08, side * 0.08, -side * 0.08, -side * 0.08);
    const QPointF c = r.center();
    const qreal u = r.width(); // one unit: the symbol's size
    const QColor ink = color(state, palette);
    // Marks drawn on a filled shape take the base colour, so they read on both palettes.
    const QColor mark = palette.color(QPalette::Base);
    const qreal stroke = std::max<qreal>(1.0, u * 0.12);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen outline(ink, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QPen onFill(mark, stroke * 1.1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (state) {
    case JobState::Unknown: { // a hollow diamond
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolygon(regularPolygon(c, u * 0.46, 4, -90));
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawEllipse(c, u * 0.08, u * 0.08);
        break;
    }
    case JobState::Queued: { // a clock face
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(c, u * 0.42, u * 0.42);
        painter->drawLine(c, c + QPointF(0, -u * 0.26));
        painter->drawLine(c, c + QPointF(u * 0.2, 0));
        break;
    }
    case JobState::Running: { // a play triangle
        painter->setPen(QPen(ink, stroke * 0.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(ink);
        painter->drawPolygon(regularPolygon(c + QPointF(u * 0.06, 0), u * 0.48, 3, 0));
        break;
    }
    case JobState::Paused: { // two bars
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        const qreal w = u * 0.26;
        painter->drawRoundedRect(QRectF(c.x() - u * 0.36, r.top() + u * 0.06, w, u * 0.88), w * 0.2, w * 0.2);
        painter->drawRoundedRect(QRectF(c.x() + u * 0.1, r.top() + u * 0.06, w, u * 0.88), w * 0.2, w * 0.2);
        break;
    }
    case JobState::Retrying: { // a circular arrow
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        const QRectF ring(c - QPointF(u * 0.36, u * 0.36), QSizeF(u * 0.72, u * 0.72));
        painter->drawArc(ring, 60 * 16, 270 * 16);
        // The arrowhead at the arc's start (60°, counter-clockwise from 3 o'clock).
        const qreal a = 60 * M_PI / 180;
        const QPointF tip = c + QPointF(u * 0.36 * std::cos(a), -u * 0.36 * std::sin(a));
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawPolygon(QPolygonF{tip + QPointF(-u * 0.26, -u * 0.06),
                                       tip + QPointF(u * 0.1, -u * 0.22),
                                       tip + QPointF(u * 0.06, u * 0.2)});
        break;
    }
    case JobState::Succeeded: { // a check mark on a disc
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawEllipse(c, u * 0.48, u * 0.48);
        painter->setPen(onFill);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(QPolygonF{
            c + QPointF(-u * 0.24, 0), c + QPointF(-u * 0.06, u * 0.18), c + QPointF(u * 0.26, -u * 0.18)});
        break;
    }
    case JobState::Failed: { // a cross on an octagon (the stop sign's outline)
        painter->setPen(Qt::NoPen);
        painter->setBrush(ink);
        painter->drawPolygon(regularPolygon(c, u * 0.5, 8, 22.5));
        painter->setPen(onFill);
        const qreal d = u * 0.17;
        painter->drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
        painter->drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
        break;
    }
    case JobState::Cancelled: { // a hollow square with a slash
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        const QRectF square(c - QPointF(u * 0.38, u * 0.38), QSizeF(u * 0.76, u * 0.76));
        painter->drawRoundedRect(square, u * 0.08, u * 0.08);
        painter->drawLine(square.bottomLeft() + QPointF(u * 0.16, -u * 0.16),
                          square.topRight() + QPointF(-u * 0.16, u * 0.16));
        break;
    }
    }
    painter->restore();
}

QIcon icon(JobState state, const QPalette &palette)
{
    return QIcon(new StateIconEngine(state, palette));
}

} // namespace JobDeck::JobStateStyle
