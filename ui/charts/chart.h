#pragma once

#include <QWidget>

class QChart;
class QChartView;

namespace JobDeck {

// A chart of our own: it owns its QChart and the QChartView that shows it (not derived from
// QChartView), with animations off and colours from the palette, so the charts of this folder
// are the only code that knows Qt Charts, and the library can be replaced (Qt Charts is
// deprecated from Qt 6.10 in favour of Qt Graphs) without touching the panels that use them.
class Chart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Chart)

public:
    explicit Chart(QWidget *parent = nullptr);

    QChart *chart() const { return m_chart; }
    QChartView *view() const { return m_view; }
    // The chart as a picture (for exports and screenshots).
    QImage toImage() const;
    // Colours from the palette; again after axes are added, and on every palette change.
    void applyPalette();

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart;
    QChartView *m_view;
};

} // namespace JobDeck
