#include "charts/chart.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QVBoxLayout>

namespace JobDeck {

Chart::Chart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_chart->setAnimationOptions(QChart::NoAnimation); // live series: no animation per update
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

QImage Chart::toImage() const
{
    return m_view->grab().toImage();
}

void Chart::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.base());
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(pal.text());
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    m_view->setBackgroundBrush(pal.base());
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.text());
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
}

void Chart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace JobDeck
