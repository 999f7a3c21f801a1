#pragma once

#include <QChartView>
#include <QPointF>

class QLineSeries;
class QValueAxis;

namespace JobDeck {

// The selected job's progress over time: seconds since it started on x, 0-100 % on y.
class ProgressChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressChart)

public:
    explicit ProgressChart(QWidget *parent = nullptr);

    void showSamples(const QList<QPointF> &samples);
    void addSample(const QPointF &sample);
    int sampleCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fitTime(qreal seconds);

    QLineSeries *m_series;
    QValueAxis *m_time;
    QValueAxis *m_percent;
};

} // namespace JobDeck
