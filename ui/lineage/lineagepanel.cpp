#include "lineage/lineagepanel.h"

#include "lineage/lineagelayout.h"
#include "lineage/lineageview.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace JobDeck {

LineagePanel::LineagePanel(QWidget *parent)
    : QWidget(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this))
    , m_view(new LineageView(this))
    , m_search(new QLineEdit(this))
    , m_fit(new QToolButton(this))
    , m_tables(new QCheckBox(this))
    , m_export(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("lineagePanel"));
    m_search->setObjectName(QStringLiteral("lineageSearch"));
    m_search->setClearButtonEnabled(true);
    m_fit->setObjectName(QStringLiteral("lineageFit"));
    m_tables->setObjectName(QStringLiteral("lineageTableMode"));
    m_export->setObjectName(QStringLiteral("lineageExport"));
    m_status->setObjectName(QStringLiteral("lineageStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    auto *barWidget = new QWidget(this);
    auto *bar = new QHBoxLayout(barWidget);
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_fit);
    bar->addWidget(m_tables);
    bar->addWidget(m_export);
    // The tools scroll in a narrow dock instead of widening the window.
    auto *barArea = new QScrollArea(this);
    barArea->setObjectName(QStringLiteral("lineageToolsArea"));
    barArea->setFrameShape(QFrame::NoFrame);
    barArea->setWidgetResizable(true);
    barArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    barArea->setWidget(barWidget);
    barArea->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    barArea->setFixedHeight(barWidget->sizeHint().height()
                            + barArea->horizontalScrollBar()->sizeHint().height());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(barArea);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &LineagePanel::laidOut);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_matches = m_view->find(m_search->text());
        updateStatus();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_matches = -1;
        updateStatus();
    });
    connect(m_fit, &QToolButton::clicked, m_view, &LineageView::fit);
    connect(m_tables, &QCheckBox::toggled, m_view, &LineageView::setTableMode);
    connect(m_export, &QToolButton::clicked, this, &LineagePanel::chooseExport);
    connect(m_view, &LineageView::columnSelected, this, &LineagePanel::updateStatus);
    retranslateUi();
}

LineagePanel::~LineagePanel()
{
    m_watcher->waitForFinished(); // the worker holds no pointer to us, but finish it before we go
}

void LineagePanel::setLineage(const QString &jobId, const QByteArray &json)
{
    m_jobId = jobId;
    m_error.clear();
    m_view->setGraph({});
    const quint64 generation = ++m_generation;
    m_watcher->setProperty("generation", generation);
    m_watcher->setFuture(QtConcurrent::run([json]() -> Outcome {
        Outcome graph = LineageGraph::fromJson(json);
        if (!graph || graph->hasLayout())
            return graph;
        if (auto placed = layoutLineage(*graph); !placed)
            return std::unexpected(placed.error());
        return graph;
    }));
    updateStatus();
}

void LineagePanel::clear()
{
    ++m_generation;
    m_jobId.clear();
    m_error.clear();
    m_view->setGraph({});
    updateStatus();
}

void LineagePanel::laidOut()
{
    // An answer for a lineage since replaced is dropped.
    if (m_watcher->property("generation").toULongLong() != m_generation)
        return;
    Outcome outcome = m_watcher->result();
    if (outcome) {
        m_view->setGraph(std::move(*outcome));
    } else {
        m_error = outcome.error();
    }
    updateStatus();
    Q_EMIT ready(bool(outcome));
}

bool LineagePanel::isEmpty() const
{
    return m_view->graph().tables().isEmpty();
}

bool LineagePanel::isBusy() const
{
    return m_watcher->isRunning();
}

QString LineagePanel::statusText() const
{
    return m_status->text();
}

void LineagePanel::updateStatus()
{
    const LineageGraph &graph = m_view->graph();
    QString text;
    if (!m_error.isEmpty()) {
        text = tr("The lineage of %1 cannot be shown: %2").arg(m_jobId, m_error);
    } else if (m_watcher->isRunning()) {
        text = tr("Laying out the lineage of %1…").arg(m_jobId);
    } else if (graph.tables().isEmpty()) {
        text = m_jobId.isEmpty() ? QString() : tr("The lineage of %1 has no tables").arg(m_jobId);
    } else {
        text = tr("%n table(s)", nullptr, int(graph.tables().size())) + u", "
               + tr("%n column(s)", nullptr, int(graph.columns().size())) + u", "
               + tr("%n data flow(s)", nullptr, int(graph.edges().size()));
        if (const int column = m_view->selectedColumn(); column >= 0) {
            const LineageGraph::Column &c = graph.columns().at(column);
            text += u" · "
                    + tr("%1.%2: %n source(s)", nullptr, int(m_view->upstreamColumns().size()))
                          .arg(graph.tables().at(c.table).name, c.name)
                    + u", " + tr("%n target(s)", nullptr, int(m_view->downstreamColumns().size()));
        }
        if (m_matches == 0)
            text += u" · " + tr("nothing matches “%1”").arg(m_search->text());
        else if (m_matches > 0)
            text += u" · " + tr("%n match(es)", nullptr, m_matches);
    }
    m_status->setText(text);
    m_export->setEnabled(!graph.tables().isEmpty());
}

bool LineagePanel::exportImage(const QString &path)
{
    // SVG by its suffix (written by hand: the build has no Qt SVG module), PNG otherwise.
    const bool svg = path.endsWith(u".svg", Qt::CaseInsensitive);
    QString error;
    if (m_view->graph().tables().isEmpty()) {
        error = tr("nothing to draw");
    } else if (svg) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_view->renderSvg()) < 0 || !file.commit())
            error = file.errorString();
    } else {
        const QImage image = m_view->render();
        QImageWriter writer(path, "png");
        if (image.isNull())
            error = tr("the picture is too large to draw");
        else if (!writer.write(image))
            error = writer.errorString();
    }
    if (!error.isEmpty()) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, error));
        return false;
    }
    m_status->setText(tr("Lineage picture written to %1").arg(path));
    return true;
}

void LineagePanel::chooseExport()
{
    const QString png = tr("PNG images (*.png)");
    const QString svg = tr("SVG drawings (*.svg)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export the Lineage Picture"),
                                                QDir::home().filePath(m_jobId + u"-lineage.png"),
                                                png + u";;" + svg,
                                                &filter);
    if (path.isEmpty())
        return;
    const QString suffix = filter == svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (!path.endsWith(u".png", Qt::CaseInsensitive) && !path.endsWith(u".svg", Qt::CaseInsensitive))
        path += suffix;
    exportImage(path);
}

void LineagePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LineagePanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Find a table or column (Return: next)"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole graph (F); zoom with the wheel, pan by dragging"));
    m_tables->setText(tr("Tables only"));
    m_tables->setToolTip(tr("Table-to-table lineage: the tables and the flows between them"));
    m_export->setText(tr("Export Picture…"));
    m_export->setToolTip(tr("Save the whole graph as a PNG picture or an SVG drawing"));
    updateStatus();
}

} // namespace JobDeck
