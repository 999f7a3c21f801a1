#include "joblist/jobitemdelegate.h"

#include "common/jobstatestyle.h"
#include "jobs/joblistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace JobDeck {

namespace {
constexpr int BarMinWidth = 100;
} // namespace

JobItemDelegate::JobItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void JobItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != JobListModel::StateColumn)
        return;
    const QVariant state = index.data(JobListModel::StateRole);
    if (!state.isValid())
        return;
    const QPalette &palette = option->widget ? option->widget->palette() : option->palette;
    option->icon = JobStateStyle::icon(state.value<JobState>(), palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = option->fontMetrics.height();
    option->decorationSize = QSize(side, side);
}

QSize JobItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == JobListModel::ProgressColumn)
        size.setWidth(std::max(size.width(), BarMinWidth + 8));
    return size;
}

void JobItemDelegate::paint(QPainter *painter,
                            const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    if (index.column() == JobListModel::ProgressColumn) {
        paintProgress(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void JobItemDelegate::paintProgress(QPainter *painter,
                                    const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Selection, hover and the alternate row colour, as for any other cell.
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const double progress = index.data(JobListModel::ProgressRole).toDouble();
    if (progress < 0)
        return; // unknown: nothing to draw rather than a bar that says 0 %
    const JobState state = index.data(JobListModel::StateRole).value<JobState>();
    const QPalette &palette = widget ? widget->palette() : option.palette;
    // The bar on the left, the figure on its right: "▓▓▓▓░░ 60%", both always legible.
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    const int figureWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100%")) + 4;
    const int height = std::max(4, std::min(cell.height() - 8, option.fontMetrics.height() * 2 / 3));
    const QRectF track(
        cell.left(), cell.center().y() - height / 2.0 + 0.5, std::max(8, cell.width() - figureWidth), height);
    const qreal radius = height / 2.0;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor trough = palette.color(QPalette::Text);
    trough.setAlphaF(0.14);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trough);
    painter->drawRoundedRect(track, radius, radius);
    const qreal filled = track.width() * std::clamp(progress, 0.0, 1.0);
    if (filled > 0.5) {
        painter->setClipRect(QRectF(track.left(), track.top(), filled, track.height()));
        painter->setBrush(JobStateStyle::color(state, palette));
        painter->drawRoundedRect(track, radius, radius);
        painter->setClipping(false);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(QRect(int(track.right()) + 2, cell.top(), figureWidth - 2, cell.height()),
                      Qt::AlignRight | Qt::AlignVCenter,
                      text);
    painter->restore();
}

} // namespace JobDeck
