#include "timeline/steptimeline.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace JobDeck {

namespace {

enum Role {
    StepIdRole = Qt::UserRole + 1,
    BarStartRole, // 0..1 on the shared axis
    BarEndRole,
    BarColourRole,
};

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 60000)
        return StepTimeline::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return StepTimeline::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return StepTimeline::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

// The time of day alone when it is on `day` (the job's first day), else the date too.
QString formatTime(const QDateTime &utc, QDate day)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    return local.date() == day ? locale.toString(local.time(), QStringLiteral("HH:mm:ss"))
                               : locale.toString(local, QLocale::ShortFormat);
}

// Paints each step's bar between its start and end on the axis all rows share.
class BarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QVariant start = index.data(BarStartRole);
        if (!start.isValid())
            return;
        const double from = start.toDouble();
        const double to = std::max(from, index.data(BarEndRole).toDouble());
        const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
        QRectF bar(area.left() + from * area.width(), area.top(), (to - from) * area.width(), area.height());
        if (bar.width() < 3)
            bar.setWidth(3); // an instant step is still visible
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(index.data(BarColourRole).value<QColor>());
        painter->drawRoundedRect(bar, 2, 2);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(80, 0));
    }
};

} // namespace

QColor stateColour(JobState state)
{
    switch (state) {
    case JobState::Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case JobState::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case JobState::Running:
        return QColor(0x15, 0x65, 0xc0);
    case JobState::Paused:
        return QColor(0xf9, 0xa8, 0x25);
    case JobState::Retrying:
        return QColor(0xef, 0x6c, 0x00);
    case JobState::Cancelled:
        return QColor(0x61, 0x61, 0x61);
    case JobState::Queued:
    case JobState::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

StepTimeline::StepTimeline(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
{
    m_view->setObjectName(QStringLiteral("stepList"));
    m_view->setColumnCount(ColumnCount);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(BarColumn, new BarDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(BarColumn, QHeaderView::Stretch);
    m_view->header()->setMinimumSectionSize(40);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        Q_EMIT currentStepChanged(item ? item->data(NameColumn, StepIdRole).toString() : QString());
    });
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT stepActivated(item->data(NameColumn, StepIdRole).toString());
    });
    retranslateUi();
}

QString StepTimeline::currentStepId() const
{
    const QTreeWidgetItem *item = m_view->currentItem();
    return item ? item->data(NameColumn, StepIdRole).toString() : QString();
}

void StepTimeline::setSteps(const QList<JobStep> &steps)
{
    if (steps == m_steps)
        return;
    m_steps = steps;
    fill();
}

void StepTimeline::fill()
{
    const QString selected = currentStepId();
    const QSignalBlocker blocker(m_view);
    m_view->clear();
    // The shared axis: from the first start to the last end (now, while a step runs).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime first;
    QDateTime last;
    for (const JobStep &step : std::as_const(m_steps)) {
        if (!step.start.isValid())
            continue;
        const QDateTime end = step.end.isValid() ? step.end : now;
        if (!first.isValid() || step.start < first)
            first = step.start;
        if (!last.isValid() || end > last)
            last = end;
    }
    const double span = first.isValid() ? std::max<qint64>(1, first.msecsTo(last)) : 1;
    QTreeWidgetItem *current = nullptr;
    for (const JobStep &step : std::as_const(m_steps)) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setData(NameColumn, StepIdRole, step.id);
        item->setText(NameColumn, step.name.isEmpty() ? step.id : step.name);
        item->setToolTip(NameColumn, step.command.isEmpty() ? item->text(NameColumn) : step.command);
        item->setText(StateColumn, jobStateDisplayName(step.state));
        item->setToolTip(StateColumn, step.rawStatus);
        item->setForeground(StateColumn, stateColour(step.state));
        QFont bold = item->font(StateColumn);
        bold.setBold(true);
        item->setFont(StateColumn, bold);
        const QDate day = first.isValid() ? first.toLocalTime().date() : QDate();
        item->setText(StartColumn, formatTime(step.start, day));
        item->setText(EndColumn, step.end.isValid() ? formatTime(step.end, day) : QString());
        const QLocale locale;
        item->setToolTip(StartColumn, locale.toString(step.start.toLocalTime(), QLocale::LongFormat));
        if (step.end.isValid())
            item->setToolTip(EndColumn, locale.toString(step.end.toLocalTime(), QLocale::LongFormat));
        if (step.start.isValid())
            item->setText(DurationColumn,
                          formatDuration(step.start.msecsTo(step.end.isValid() ? step.end : now)));
        if (step.start.isValid()) {
            const QDateTime end = step.end.isValid() ? step.end : now;
            item->setData(BarColumn, BarStartRole, first.msecsTo(step.start) / span);
            item->setData(BarColumn, BarEndRole, first.msecsTo(end) / span);
            item->setData(BarColumn, BarColourRole, stateColour(step.state));
        }
        if (!selected.isEmpty() && step.id == selected)
            current = item;
    }
    if (current)
        m_view->setCurrentItem(current);
    if (currentStepId() != selected)
        Q_EMIT currentStepChanged(currentStepId());
}

void StepTimeline::retranslateUi()
{
    QStringList labels(ColumnCount);
    labels[NameColumn] = tr("Step");
    labels[StateColumn] = tr("State");
    labels[BarColumn] = tr("Timeline");
    labels[DurationColumn] = tr("Duration");
    labels[StartColumn] = tr("Start");
    labels[EndColumn] = tr("End");
    m_view->setHeaderLabels(labels);
    fill();
}

void StepTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace JobDeck
