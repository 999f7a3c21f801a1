#pragma once

#include "timeline/timelinemodel.h"

#include <QAbstractScrollArea>
#include <functional>

class QTimer;

namespace JobDeck {

// Paints a TimelineModel as a Gantt chart: a row per step with its name and state on the
// left, bars on a time axis that zooms (wheel, +/-) and pans (drag, Shift+wheel, arrows),
// fits the job (F, Home), and a "now" line that moves while the job runs. Bars are coloured
// by state and carry a pattern and a word as well, so the state reads without colour.
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(const TimelineModel &model);
    const TimelineModel &model() const { return m_model; }
    // Where "now" comes from (tests give their own clock).
    void setClock(std::function<qint64()> clock);
    qint64 nowMs() const { return m_now; }

    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);

    // The visible window of the time axis.
    qint64 viewStartMs() const { return m_viewStart; }
    qint64 viewEndMs() const;
    void zoom(double factor, qint64 aroundMs);
    void zoomIn();
    void zoomOut();
    void pan(qint64 ms);
    void fitToJob();
    bool isFitting() const { return m_fitting; }

    // Geometry, in viewport coordinates (for tests and the tooltip): the bar of a row (empty
    // when it has none), the x of a time, the "now" line's x (-1 when not shown).
    QRect barRect(int row) const;
    int xForTime(qint64 ms) const;
    int nowLineX() const;
    int rowAt(const QPoint &position) const;
    QString toolTipFor(int row) const;

Q_SIGNALS:
    void currentRowChanged(int row);
    // A click on a row, or Return.
    void rowActivated(int row);
    void windowChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int rowHeight() const;
    int headerHeight() const;
    int labelWidth() const;
    int barAreaWidth() const;
    void updateScrollBar();
    void tick();
    void paintAxis(QPainter &painter, const QRect &area);
    void paintRow(QPainter &painter, int row, int y);

    TimelineModel m_model;
    std::function<qint64()> m_clock;
    QTimer *m_tick;
    qint64 m_now = 0;
    qint64 m_viewStart = 0;
    double m_msPerPixel = 100;
    bool m_fitting = true; // follows the job as it grows until the user zooms or pans
    int m_currentRow = -1;
    QPoint m_pressPos;
    qint64 m_pressViewStart = 0;
    bool m_dragging = false;
};

// The colour (JobStateStyle's, as everywhere) and pattern a state's bar is drawn with.
QColor stateColour(JobState state, const QPalette &palette);
Qt::BrushStyle statePattern(JobState state);

} // namespace JobDeck
