#include "connections/connectionstate.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace JobDeck {

QIcon connectionStateIcon(Session::State state, const QPalette &palette)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal unit = size / 16.0;
        const QRectF box(2 * unit, 2 * unit, 12 * unit, 12 * unit);
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        switch (state) {
        case Session::State::Ready:
            painter.setPen(Qt::NoPen);
            painter.setBrush(dark ? QColor(0x4c, 0xc2, 0x6a) : QColor(0x1a, 0x7f, 0x37));
            painter.drawEllipse(box);
            break;
        case Session::State::Connecting:
            painter.setPen(QPen(dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x09, 0x69, 0xda), 2.2 * unit));
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(box.adjusted(unit, unit, -unit, -unit), 90 * 16, 270 * 16);
            break;
        case Session::State::Lost:
            // A broken ring with a gap: was connected, is not now.
            painter.setPen(QPen(dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00), 2.2 * unit));
            painter.setBrush(Qt::NoBrush);
            painter.drawArc(box.adjusted(unit, unit, -unit, -unit), 120 * 16, 300 * 16);
            painter.drawLine(QPointF(8 * unit, 4 * unit), QPointF(8 * unit, 9 * unit));
            painter.drawPoint(QPointF(8 * unit, 11.5 * unit));
            break;
        case Session::State::Failed: {
            painter.setPen(Qt::NoPen);
            painter.setBrush(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e));
            painter.drawEllipse(box);
            painter.setPen(QPen(Qt::white, 2 * unit, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(5.5 * unit, 5.5 * unit), QPointF(10.5 * unit, 10.5 * unit));
            painter.drawLine(QPointF(10.5 * unit, 5.5 * unit), QPointF(5.5 * unit, 10.5 * unit));
            break;
        }
        case Session::State::Idle:
            painter.setPen(QPen(palette.color(QPalette::PlaceholderText), 1.6 * unit));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(box.adjusted(unit, unit, -unit, -unit));
            break;
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString connectionStateText(Session::State state)
{
    switch (state) {
    case Session::State::Ready:
        return QCoreApplication::translate("JobDeck::ConnectionsPanel", "Connected");
    case Session::State::Connecting:
        return QCoreApplication::translate("JobDeck::ConnectionsPanel", "Connecting…");
    case Session::State::Failed:
        return QCoreApplication::translate("JobDeck::ConnectionsPanel", "Not connected");
    case Session::State::Idle:
        return QCoreApplication::translate("JobDeck::ConnectionsPanel", "Not started");
    case Session::State::Lost:
        return QCoreApplication::translate("JobDeck::ConnectionsPanel", "Lost; retrying");
    }
    return {};
}

} // namespace JobDeck
