#include "timeline/steptimeline.h"

#include "progress/progresshistory.h"
#include "timeline/timelineview.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace JobDeck {

StepTimeline::StepTimeline(QWidget *parent)
    : QWidget(parent)
    , m_view(new TimelineView(this))
    , m_zoomIn(new QToolButton(this))
    , m_zoomOut(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("stepTimeline"));
    m_zoomIn->setObjectName(QStringLiteral("timelineZoomIn"));
    m_zoomOut->setObjectName(QStringLiteral("timelineZoomOut"));
    m_fit->setObjectName(QStringLiteral("timelineFit"));
    m_fit->setCheckable(true);
    m_fit->setChecked(true);
    m_hint->setObjectName(QStringLiteral("timelineHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // cut in a narrow dock
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(m_zoomIn);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_fit);
    bar->addWidget(m_hint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_zoomIn, &QToolButton::clicked, m_view, &TimelineView::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_view, &TimelineView::zoomOut);
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::fitToJob);
    connect(m_view, &TimelineView::windowChanged, this, [this] { m_fit->setChecked(m_view->isFitting()); });
    connect(m_view, &TimelineView::currentRowChanged, this, [this] {
        Q_EMIT currentStepChanged(currentStepId());
    });
    connect(m_view, &TimelineView::rowActivated, this, [this](int row) {
        Q_EMIT stepActivated(m_view->model().row(row).id);
    });
    retranslateUi();
}

void StepTimeline::setJob(const Job &job, const ProgressHistory *history)
{
    m_job = job;
    TimelineModel model;
    model.setJob(job, history, QDateTime::currentMSecsSinceEpoch());
    m_view->setModel(model);
}

void StepTimeline::setSteps(const QList<JobStep> &steps)
{
    Job job = m_job;
    job.steps = steps;
    job.subJobs.clear();
    setJob(job);
}

void StepTimeline::clear()
{
    setJob(Job{});
}

bool StepTimeline::isEmpty() const
{
    return m_view->model().rowCount() == 0;
}

const TimelineModel &StepTimeline::model() const
{
    return m_view->model();
}

QString StepTimeline::currentStepId() const
{
    const int row = m_view->currentRow();
    return row >= 0 ? m_view->model().row(row).id : QString();
}

void StepTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StepTimeline::retranslateUi()
{
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in (+, mouse wheel)"));
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out (−, mouse wheel)"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole job and follow it as it runs (F)"));
    m_hint->setText(tr("Drag or Shift+wheel to pan; click a step for its log"));
    m_hint->setToolTip(m_hint->text());
}

} // namespace JobDeck
