#include "charts/progresschart.h"

#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

namespace JobDeck {

ProgressChart::ProgressChart(QWidget *parent)
    // The chart goes in through the constructor: setChart() would orphan the default one.
    : QChartView(new QChart, parent)
    , m_series(new QLineSeries)
    , m_time(new QValueAxis)
    , m_percent(new QValueAxis)
{
    setObjectName(QStringLiteral("progressChart"));
    setRenderHint(QPainter::Antialiasing);
    QChart *chart = this->chart();
    chart->legend()->hide();
    m_series->setPointsVisible(true); // a job that ends at once has one sample: still seen
    chart->addSeries(m_series);
    m_percent->setRange(0, 100);
    m_percent->setLabelFormat(QStringLiteral("%d%%"));
    m_time->setRange(0, 10);
    m_time->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_percent, Qt::AlignLeft);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_percent);
    chart->setMargins(QMargins(4, 4, 4, 4));
    retranslate();
}

void ProgressChart::retranslate()
{
    m_time->setTitleText(tr("seconds"));
}

void ProgressChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QChartView::changeEvent(event);
}

void ProgressChart::fitTime(qreal seconds)
{
    // Round the axis up so it does not move with every sample.
    qreal max = 10;
    while (max < seconds)
        max *= 2;
    if (m_time->max() != max)
        m_time->setRange(0, max);
}

void ProgressChart::showSamples(const QList<QPointF> &samples)
{
    QList<QPointF> points;
    points.reserve(samples.size());
    for (const QPointF &sample : samples)
        points.append({sample.x(), sample.y() * 100});
    m_series->replace(points);
    fitTime(samples.isEmpty() ? 0 : samples.last().x());
}

void ProgressChart::addSample(const QPointF &sample)
{
    m_series->append(sample.x(), sample.y() * 100);
    fitTime(sample.x());
}

int ProgressChart::sampleCount() const
{
    return int(m_series->count());
}

} // namespace JobDeck
