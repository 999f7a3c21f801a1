#include "timeline/timelineview.h"

#include "common/jobstatestyle.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace JobDeck {

namespace {

constexpr double MinMsPerPixel = 1;                          // 1 ms a pixel: the closest zoom
constexpr double MaxMsPerPixel = 7.0 * 86400.0 * 1000 / 100; // a week in 100 pixels

QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 60000)
        return TimelineView::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return TimelineView::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return TimelineView::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString timeText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

// A tick step of 1, 2 or 5 times a power of ten (in ms) near `ms`.
qint64 niceStep(double ms)
{
    static constexpr qint64 steps[]
        = {1,      2,      5,       10,      20,      50,       100,      200,      500,
           1000,   2000,   5000,    10000,   15000,   30000,    60000,    120000,   300000,
           600000, 900000, 1800000, 3600000, 7200000, 10800000, 21600000, 43200000, 86400000};
    for (qint64 step : steps) {
        if (double(step) >= ms)
            return step;
    }
    return 86400000LL * qint64(std::ceil(ms / 86400000.0));
}

} // namespace

QColor stateColour(JobState state, const QPalette &palette)
{
    return JobStateStyle::color(state, palette);
}

Qt::BrushStyle statePattern(JobState state)
{
    // Every state that is not plain success has a texture of its own over its colour.
    switch (state) {
    case JobState::Succeeded:
        return Qt::NoBrush;
    case JobState::Failed:
        return Qt::DiagCrossPattern;
    case JobState::Running:
        return Qt::BDiagPattern;
    case JobState::Paused:
        return Qt::VerPattern;
    case JobState::Retrying:
        return Qt::FDiagPattern;
    case JobState::Cancelled:
        return Qt::HorPattern;
    case JobState::Queued:
    case JobState::Unknown:
        break;
    }
    return Qt::Dense6Pattern;
}

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    m_tick->setInterval(500);
    connect(m_tick, &QTimer::timeout, this, &TimelineView::tick);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    m_now = m_clock();
}

void TimelineView::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    m_now = m_clock();
    viewport()->update();
}

void TimelineView::setModel(const TimelineModel &model)
{
    const bool otherJob = model.jobId() != m_model.jobId();
    const QString currentId
        = m_currentRow >= 0 && m_currentRow < m_model.rowCount() ? m_model.row(m_currentRow).id : QString();
    m_model = model;
    m_now = m_clock();
    if (otherJob)
        m_fitting = true;
    const int row = otherJob ? -1 : m_model.rowOf(currentId);
    if (row != m_currentRow) {
        m_currentRow = row;
        Q_EMIT currentRowChanged(row);
    }
    if (m_model.isRunning())
        m_tick->start();
    else
        m_tick->stop();
    if (m_fitting)
        fitToJob();
    updateScrollBar();
    viewport()->update();
}

void TimelineView::tick()
{
    m_now = m_clock();
    if (m_fitting)
        fitToJob(); // the job grows: keep it all in sight
    viewport()->update();
}

void TimelineView::setCurrentRow(int row)
{
    row = row < 0 || row >= m_model.rowCount() ? -1 : row;
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    if (row >= 0) {
        const int top = row * rowHeight();
        QScrollBar *bar = verticalScrollBar();
        const int visible = viewport()->height() - headerHeight();
        if (top < bar->value())
            bar->setValue(top);
        else if (top + rowHeight() > bar->value() + visible)
            bar->setValue(top + rowHeight() - visible);
    }
    viewport()->update();
    Q_EMIT currentRowChanged(row);
}

int TimelineView::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int TimelineView::headerHeight() const
{
    return fontMetrics().height() + 12;
}

int TimelineView::labelWidth() const
{
    return std::clamp(viewport()->width() / 3, 90, fontMetrics().averageCharWidth() * 30);
}

int TimelineView::barAreaWidth() const
{
    return std::max(20, viewport()->width() - labelWidth() - 8);
}

qint64 TimelineView::viewEndMs() const
{
    return m_viewStart + qint64(m_msPerPixel * barAreaWidth());
}

int TimelineView::xForTime(qint64 ms) const
{
    const double x = labelWidth() + double(ms - m_viewStart) / m_msPerPixel;
    return int(std::clamp(x, -1.0e6, 1.0e6));
}

int TimelineView::nowLineX() const
{
    if (!m_model.isRunning())
        return -1;
    const int x = xForTime(m_now);
    return x >= labelWidth() && x <= viewport()->width() ? x : -1;
}

void TimelineView::zoom(double factor, qint64 aroundMs)
{
    const double before = m_msPerPixel;
    m_msPerPixel = std::clamp(m_msPerPixel / factor, MinMsPerPixel, MaxMsPerPixel);
    // The time under the cursor stays where it is.
    m_viewStart = aroundMs - qint64(double(aroundMs - m_viewStart) * m_msPerPixel / before);
    m_fitting = false;
    viewport()->update();
    Q_EMIT windowChanged();
}

void TimelineView::zoomIn()
{
    zoom(1.5, m_viewStart + (viewEndMs() - m_viewStart) / 2);
}

void TimelineView::zoomOut()
{
    zoom(1 / 1.5, m_viewStart + (viewEndMs() - m_viewStart) / 2);
}

void TimelineView::pan(qint64 ms)
{
    m_viewStart += ms;
    m_fitting = false;
    viewport()->update();
    Q_EMIT windowChanged();
}

void TimelineView::fitToJob()
{
    const qint64 start = m_model.spanStartMs();
    if (start < 0) {
        m_viewStart = m_now - 60000;
        m_msPerPixel = 60000.0 / barAreaWidth();
    } else {
        const qint64 end = std::max(start + 1000, m_model.spanEndMs(m_now));
        const qint64 margin = std::max<qint64>(1, (end - start) / 40);
        m_viewStart = start - margin;
        m_msPerPixel
            = std::clamp(double(end - start + 2 * margin) / barAreaWidth(), MinMsPerPixel, MaxMsPerPixel);
    }
    m_fitting = true;
    viewport()->update();
    Q_EMIT windowChanged();
}

QRect TimelineView::barRect(int row) const
{
    if (row < 0 || row >= m_model.rowCount())
        return {};
    const TimelineModel::Row &r = m_model.row(row);
    if (r.startMs < 0)
        return {};
    const qint64 end = r.endMs < 0 ? std::max(r.startMs, m_now) : std::max(r.startMs, r.endMs);
    const int y = headerHeight() + row * rowHeight() - verticalScrollBar()->value();
    const int x0 = xForTime(r.startMs);
    const int x1 = std::max(x0 + 2, xForTime(end)); // an instant still shows
    return QRect(x0, y + 3, x1 - x0, rowHeight() - 6);
}

int TimelineView::rowAt(const QPoint &position) const
{
    if (position.y() < headerHeight())
        return -1;
    const int row = (position.y() - headerHeight() + verticalScrollBar()->value()) / rowHeight();
    return row < m_model.rowCount() ? row : -1;
}

QString TimelineView::toolTipFor(int row) const
{
    if (row < 0 || row >= m_model.rowCount())
        return {};
    const TimelineModel::Row &r = m_model.row(row);
    QStringList lines;
    lines << u"<b>" + r.name.toHtmlEscaped() + u"</b>";
    QString state = jobStateDisplayName(r.state);
    if (!r.rawStatus.isEmpty())
        state += u" (" + r.rawStatus.toHtmlEscaped() + u')';
    lines << tr("Status: %1").arg(state);
    lines << tr("Start: %1").arg(timeText(r.startMs));
    lines << tr("End: %1").arg(r.endMs < 0 ? (r.startMs < 0 ? timeText(-1) : tr("running"))
                                           : timeText(r.endMs));
    if (r.startMs >= 0)
        lines << tr("Duration: %1").arg(durationText((r.endMs < 0 ? m_now : r.endMs) - r.startMs));
    if (r.waitMs >= 0)
        lines << tr("Wait: %1").arg(durationText(r.waitMs));
    if (r.total > 0)
        lines << tr("Tasks: %1 succeeded, %2 failed, %3 running of %4")
                     .arg(r.succeeded)
                     .arg(r.failed)
                     .arg(r.running)
                     .arg(r.total);
    if (r.timesObserved)
        lines << tr("(times are when the console saw changes)");
    if (!r.command.isEmpty()) {
        QString command = r.command.left(1200);
        if (command.size() < r.command.size())
            command += u'…';
        lines << u"<pre>" + command.toHtmlEscaped() + u"</pre>";
    }
    return lines.join(u"<br>");
}

void TimelineView::updateScrollBar()
{
    const int content = m_model.rowCount() * rowHeight();
    const int visible = std::max(0, viewport()->height() - headerHeight());
    verticalScrollBar()->setRange(0, std::max(0, content - visible));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(rowHeight());
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
    if (m_fitting)
        fitToJob();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    const QRect header(0, 0, viewport()->width(), headerHeight());

    // Only the rows in sight, and of those only the ranges in the visible window.
    const int first = verticalScrollBar()->value() / rowHeight();
    const int last = std::min(m_model.rowCount() - 1, first + viewport()->height() / rowHeight() + 1);
    painter.save();
    painter.setClipRect(QRect(0, headerHeight(), viewport()->width(), viewport()->height()));
    for (int row = first; row <= last; ++row)
        paintRow(painter, row, headerHeight() + row * rowHeight() - verticalScrollBar()->value());
    painter.restore();

    paintAxis(painter, header);
    if (const int x = nowLineX(); x >= 0) {
        QPen pen(pal.color(QPalette::Highlight), 2, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(x, header.bottom() - 4, x, viewport()->height());
        painter.drawText(
            QRect(x + 3, header.top(), 80, header.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("now"));
    }
}

void TimelineView::paintAxis(QPainter &painter, const QRect &area)
{
    const QPalette pal = palette();
    painter.fillRect(area, pal.window());
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    const int left = labelWidth();
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(
        QRect(6, area.top(), left - 10, area.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("Step"));
    const qint64 origin = m_model.spanStartMs() >= 0 ? m_model.spanStartMs() : m_viewStart;
    const QFontMetrics fm = fontMetrics();
    const qint64 step = niceStep(m_msPerPixel * fm.horizontalAdvance(QStringLiteral("+00:00:00.0")) * 1.4);
    // Ticks count from the job's start ("+1:30"), which reads better than wall-clock times.
    qint64 t = origin + ((m_viewStart - origin) / step) * step;
    const qint64 end = viewEndMs();
    for (; t <= end + step; t += step) {
        const int x = xForTime(t);
        if (x < left)
            continue;
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(x, area.bottom() - 4, x, viewport()->height());
        const qint64 since = t - origin;
        const qint64 s = std::abs(since) / 1000;
        QString label = since < 0 ? QStringLiteral("-") : QStringLiteral("+");
        label += s >= 3600 ? QStringLiteral("%1:%2:%3")
                                 .arg(s / 3600)
                                 .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                                 .arg(s % 60, 2, 10, QLatin1Char('0'))
                           : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
        if (step < 1000)
            label += u'.' + QString::number((std::abs(since) % 1000) / 100);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(x + 3, area.top(), fm.horizontalAdvance(label) + 6, area.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         label);
    }
}

void TimelineView::paintRow(QPainter &painter, int row, int y)
{
    const QPalette pal = palette();
    const TimelineModel::Row &r = m_model.row(row);
    const QRect line(0, y, viewport()->width(), rowHeight());
    if (row == m_currentRow)
        painter.fillRect(line,
                         pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight)
                             .lighter(hasFocus() ? 100 : 120));
    else if (row % 2)
        painter.fillRect(line, pal.alternateBase());
    const QColor text
        = row == m_currentRow ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QFontMetrics fm = fontMetrics();
    const int left = labelWidth();
    // Left: the name, then the state in words.
    const QString state = jobStateDisplayName(r.state);
    const int stateWidth = fm.horizontalAdvance(state) + 8;
    painter.setPen(text);
    painter.drawText(QRect(6, y, left - stateWidth - 10, rowHeight()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(r.name, Qt::ElideRight, left - stateWidth - 10));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(row == m_currentRow ? text : stateColour(r.state, pal));
    painter.drawText(
        QRect(left - stateWidth - 4, y, stateWidth, rowHeight()), Qt::AlignRight | Qt::AlignVCenter, state);
    painter.setFont(font());

    const QRect bar = barRect(row);
    if (bar.isEmpty())
        return;
    painter.save();
    painter.setClipRect(QRect(left, y, viewport()->width() - left, rowHeight()));
    if (r.waitMs > 0) {
        // The wait before the step ran: an outline in front of its bar.
        const int wx = xForTime(r.startMs - r.waitMs);
        painter.setPen(QPen(stateColour(r.state, pal), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(wx, bar.top() + bar.height() / 4, bar.left() - wx, bar.height() / 2));
    }
    const QColor colour = stateColour(r.state, pal);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    if (const Qt::BrushStyle pattern = statePattern(r.state); pattern != Qt::NoBrush) {
        painter.setBrush(QBrush(QColor(255, 255, 255, 110), pattern));
        painter.setPen(Qt::NoPen);
        painter.drawRect(bar);
    }
    // The state (and task counts) in the bar when they fit.
    QString label = state;
    if (r.total > 0)
        label += QStringLiteral(" %1/%2").arg(r.succeeded).arg(r.total);
    if (fm.horizontalAdvance(label) + 8 < bar.width()) {
        // Dark ink on the light tones (dark palettes, yellow), white on the others.
        const double luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
        painter.setPen(luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white));
        painter.drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.restore();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier || delta.x() != 0) {
        const int steps = delta.x() != 0 ? delta.x() : delta.y();
        pan(-qint64(steps / 120.0 * 60 * m_msPerPixel));
    } else if (delta.y() != 0) {
        const qint64 around = m_viewStart + qint64((event->position().x() - labelWidth()) * m_msPerPixel);
        zoom(std::pow(1.25, delta.y() / 120.0), around);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_pressPos = event->position().toPoint();
    m_pressViewStart = m_viewStart;
    m_dragging = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const int dx = event->position().toPoint().x() - m_pressPos.x();
    if (!m_dragging && std::abs(dx) < 4)
        return;
    m_dragging = true;
    m_viewStart = m_pressViewStart - qint64(dx * m_msPerPixel);
    m_fitting = false;
    viewport()->update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragging) {
        m_dragging = false;
        Q_EMIT windowChanged();
        return;
    }
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    setCurrentRow(row);
    Q_EMIT rowActivated(row);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const qint64 page = viewEndMs() - m_viewStart;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        pan(-page / 8);
        break;
    case Qt::Key_Right:
        pan(page / 8);
        break;
    case Qt::Key_Home:
    case Qt::Key_F:
    case Qt::Key_0:
        fitToJob();
        break;
    case Qt::Key_Up:
        setCurrentRow(m_currentRow <= 0 ? 0 : m_currentRow - 1);
        break;
    case Qt::Key_Down:
        setCurrentRow(std::min(m_model.rowCount() - 1, m_currentRow + 1));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_currentRow >= 0)
            Q_EMIT rowActivated(m_currentRow);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipFor(rowAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::FontChange)
        viewport()->update();
}

} // namespace JobDeck
