#include "joblist/joblistpanel.h"

#include "common/emptystate.h"
#include "common/jobstatestyle.h"
#include "joblist/jobitemdelegate.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblistmodel.h"

#include <QActionGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace JobDeck {

namespace {

constexpr auto FilterGroup = "jobList/filter";
constexpr auto HeaderKey = "jobList/header";

// The order the chips stand in: what needs attention first.
constexpr JobState ChipOrder[] = {JobState::Running,
                                  JobState::Queued,
                                  JobState::Retrying,
                                  JobState::Paused,
                                  JobState::Failed,
                                  JobState::Cancelled,
                                  JobState::Succeeded,
                                  JobState::Unknown};

struct Range
{
    JobFilter::TimeRange range;
    const char *text;
};

const Range Ranges[] = {
    {JobFilter::TimeRange::Any, QT_TRANSLATE_NOOP("JobDeck::JobListPanel", "Any Time")},
    {JobFilter::TimeRange::LastHour, QT_TRANSLATE_NOOP("JobDeck::JobListPanel", "Last Hour")},
    {JobFilter::TimeRange::Last24Hours, QT_TRANSLATE_NOOP("JobDeck::JobListPanel", "Last 24 Hours")},
    {JobFilter::TimeRange::Last7Days, QT_TRANSLATE_NOOP("JobDeck::JobListPanel", "Last 7 Days")},
    {JobFilter::TimeRange::Last30Days, QT_TRANSLATE_NOOP("JobDeck::JobListPanel", "Last 30 Days")},
};

} // namespace

JobListPanel::JobListPanel(JobListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new JobFilterModel(this))
    , m_delegate(new JobItemDelegate(this))
    , m_search(new QLineEdit(this))
    , m_connectionButton(new QToolButton(this))
    , m_connectionMenu(new QMenu(this))
    , m_timeButton(new QToolButton(this))
    , m_timeMenu(new QMenu(this))
    , m_mineButton(new QToolButton(this))
    , m_clearButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_emptyPage(new QWidget(this))
    , m_empty(new EmptyState(m_emptyPage))
    , m_emptyClear(new QPushButton(m_emptyPage))
    , m_textTimer(new QTimer(this))
    , m_countsTimer(new QTimer(this))
    , m_headerTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("jobListPanel"));
    m_filter->setSourceModel(m_model);

    m_view->setObjectName(QStringLiteral("jobTable"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);

    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(m_emptyClear, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_emptyPage->setObjectName(QStringLiteral("jobListEmpty"));
    m_emptyClear->setObjectName(QStringLiteral("clearFilterButton"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The bar scrolls sideways in a narrow dock rather than making the window wider than
    // the screen (its chips, menus and search box in one row need some 900 px).
    auto *barArea = new QScrollArea(this);
    barArea->setObjectName(QStringLiteral("filterBarArea"));
    barArea->setFrameShape(QFrame::NoFrame);
    barArea->setWidgetResizable(true);
    barArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    barArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    QWidget *bar = makeFilterBar();
    barArea->setWidget(bar);
    barArea->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    barArea->setFixedHeight(bar->sizeHint().height() + barArea->horizontalScrollBar()->sizeHint().height());
    layout->addWidget(barArea);
    layout->addWidget(m_stack, 1);

    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(150);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(100);
    m_headerTimer->setSingleShot(true);
    m_headerTimer->setInterval(500);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    connect(m_search, &QLineEdit::textEdited, m_textTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button, or everything deleted: at once
            m_filter->setText(QString());
    });
    connect(m_textTimer, &QTimer::timeout, this, [this] { m_filter->setText(m_search->text()); });
    connect(m_filter, &JobFilterModel::stateCountsChanged, m_countsTimer, qOverload<>(&QTimer::start));
    connect(m_countsTimer, &QTimer::timeout, this, &JobListPanel::updateStateChips);
    connect(m_filter, &JobFilterModel::filterChanged, this, [this] {
        updateFilterButtons();
        updateStateChips();
        updateEmptyState();
        if (!m_restoring)
            saveFilter();
    });
    connect(m_emptyClear, &QPushButton::clicked, m_filter, &JobFilterModel::clearFilter);
    connect(m_clearButton, &QToolButton::clicked, m_filter, &JobFilterModel::clearFilter);

    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_filter, signal, this, &JobListPanel::updateEmptyState);
        connect(m_model, signal, this, &JobListPanel::updateEmptyState);
    }
    connect(m_filter, &QAbstractItemModel::modelReset, this, &JobListPanel::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &JobListPanel::updateEmptyState);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) { Q_EMIT currentJobChanged(m_filter->keyAt(current)); });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const JobKey key = m_filter->keyAt(index); key.isValid())
            Q_EMIT jobActivated(key);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // The menu is about the row under the pointer: select it unless it is selected already.
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), index.parent())) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_headerTimer, &QTimer::timeout, this, &JobListPanel::saveHeader);
    connect(header, &QHeaderView::sectionMoved, m_headerTimer, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sectionResized, m_headerTimer, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sortIndicatorChanged, m_headerTimer, qOverload<>(&QTimer::start));

    restoreHeader();
    restoreFilter();
    retranslateUi();
    updateStateChips();
    updateFilterButtons();
    updateEmptyState();
}

JobListPanel::~JobListPanel()
{
    if (m_headerTimer->isActive())
        saveHeader();
}

QWidget *JobListPanel::makeFilterBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("jobFilterBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 4, 4, 2);
    layout->setSpacing(2);

    m_search->setObjectName(QStringLiteral("jobFilterText"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    layout->addWidget(m_search, 2);

    for (JobState state : ChipOrder) {
        auto *chip = new QToolButton(bar);
        chip->setObjectName(QStringLiteral("stateChip-") + jobStateName(state));
        chip->setCheckable(true);
        chip->setAutoRaise(true);
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setIcon(JobStateStyle::icon(state, palette()));
        connect(chip, &QToolButton::toggled, this, [this] {
            if (m_restoring)
                return;
            QSet<JobState> states;
            for (auto it = m_stateChips.cbegin(); it != m_stateChips.cend(); ++it) {
                if (it.value()->isChecked())
                    states.insert(it.key());
            }
            m_filter->setStates(states);
        });
        m_stateChips.insert(state, chip);
        layout->addWidget(chip);
    }
    layout->addStretch(1);

    m_connectionButton->setObjectName(QStringLiteral("jobFilterConnections"));
    m_connectionButton->setPopupMode(QToolButton::InstantPopup);
    m_connectionButton->setAutoRaise(true);
    m_connectionButton->setMenu(m_connectionMenu);
    connect(m_connectionMenu, &QMenu::aboutToShow, this, &JobListPanel::updateConnectionMenu);
    layout->addWidget(m_connectionButton);

    m_timeButton->setObjectName(QStringLiteral("jobFilterTime"));
    m_timeButton->setPopupMode(QToolButton::InstantPopup);
    m_timeButton->setAutoRaise(true);
    m_timeButton->setMenu(m_timeMenu);
    auto *ranges = new QActionGroup(m_timeMenu);
    for (const Range &range : Ranges) {
        QAction *action = m_timeMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(int(range.range));
        ranges->addAction(action);
        connect(action, &QAction::triggered, this, [this, range] { m_filter->setTimeRange(range.range); });
    }
    layout->addWidget(m_timeButton);

    m_mineButton->setObjectName(QStringLiteral("jobFilterMine"));
    m_mineButton->setCheckable(true);
    m_mineButton->setAutoRaise(true);
    connect(m_mineButton, &QToolButton::toggled, this, [this](bool on) {
        if (!m_restoring)
            m_filter->setSubmittedByMe(on);
    });
    layout->addWidget(m_mineButton);

    m_clearButton->setObjectName(QStringLiteral("jobFilterClear"));
    m_clearButton->setAutoRaise(true);
    layout->addWidget(m_clearButton);
    return bar;
}

void JobListPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::PaletteChange) {
        for (auto it = m_stateChips.cbegin(); it != m_stateChips.cend(); ++it)
            it.value()->setIcon(JobStateStyle::icon(it.key(), palette()));
        m_view->viewport()->update();
    }
    QWidget::changeEvent(event);
}

void JobListPanel::retranslateUi()
{
    m_search->setPlaceholderText(
        tr("Filter by id, name, script or submitter (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_mineButton->setText(tr("Submitted by Me"));
    m_mineButton->setToolTip(tr("Show only the jobs submitted by the user each connection logs in as"));
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setToolTip(tr("Show every job again"));
    m_emptyClear->setText(tr("Clear Filter"));
    const QList<QAction *> actions = m_timeMenu->actions();
    for (qsizetype i = 0; i < actions.size(); ++i)
        actions.at(i)->setText(tr(Ranges[i].text));
    m_timeButton->setToolTip(tr("Show the jobs submitted in this time"));
    m_connectionButton->setToolTip(tr("Show the jobs of these connections"));
    updateStateChips();
    updateFilterButtons();
    updateEmptyState();
}

void JobListPanel::updateStateChips()
{
    const QHash<JobState, int> counts = m_filter->stateCounts();
    const QSet<JobState> picked = m_filter->filter().states();
    const bool restoring = m_restoring;
    m_restoring = true; // setting the chips is not the user choosing states
    for (auto it = m_stateChips.cbegin(); it != m_stateChips.cend(); ++it) {
        const int count = counts.value(it.key());
        QToolButton *chip = it.value();
        chip->setChecked(picked.contains(it.key()));
        chip->setText(tr("%1 %2", "state chip: the state's name, its number of jobs")
                          .arg(jobStateDisplayName(it.key()))
                          .arg(count));
        chip->setToolTip(chip->isChecked()
                             ? tr("%n job(s) in this state; click to stop showing only them", "", count)
                             : tr("%n job(s) in this state; click to show only them", "", count));
        // States no job is in stay out of the way, unless picked.
        chip->setVisible(count > 0 || chip->isChecked());
    }
    m_restoring = restoring;
}

QString JobListPanel::connectionText() const
{
    const QSet<QString> connections = m_filter->filter().connections();
    if (connections.isEmpty())
        return tr("All Connections");
    if (connections.size() == 1)
        return m_model->connectionLabel(*connections.cbegin());
    return tr("%n Connection(s)", "", int(connections.size()));
}

void JobListPanel::updateConnectionMenu()
{
    m_connectionMenu->clear();
    const QSet<QString> picked = m_filter->filter().connections();
    QAction *all = m_connectionMenu->addAction(tr("All Connections"));
    all->setCheckable(true);
    all->setChecked(picked.isEmpty());
    connect(all, &QAction::triggered, m_filter, [this] { m_filter->setConnections({}); });
    m_connectionMenu->addSeparator();
    QStringList connections = m_model->connections();
    for (const QString &connection : picked) {
        if (!connections.contains(connection))
            connections << connection; // picked, and closed since: it can be unpicked
    }
    for (const QString &connection : std::as_const(connections)) {
        QAction *action = m_connectionMenu->addAction(
            tr("%1 (%n job(s))", "a connection and its number of jobs", m_model->jobCount(connection))
                .arg(m_model->connectionLabel(connection)));
        action->setCheckable(true);
        action->setChecked(picked.contains(connection));
        action->setData(connection);
        connect(action, &QAction::triggered, m_filter, [this, connection](bool on) {
            QSet<QString> next = m_filter->filter().connections();
            if (on)
                next.insert(connection);
            else
                next.remove(connection);
            m_filter->setConnections(next);
        });
    }
}

void JobListPanel::updateFilterButtons()
{
    const JobFilter &filter = m_filter->filter();
    const bool restoring = m_restoring;
    m_restoring = true;
    // Not while the user's typing waits to be applied: a state picked meanwhile would wipe it.
    if (m_search->text() != filter.text() && !m_search->hasFocus() && !m_textTimer->isActive())
        m_search->setText(filter.text());
    m_mineButton->setChecked(filter.submittedByMe());
    const QList<QAction *> actions = m_timeMenu->actions();
    for (QAction *action : actions) {
        if (action->data().toInt() == int(filter.timeRange())) {
            action->setChecked(true);
            m_timeButton->setText(action->text());
        }
    }
    m_connectionButton->setText(connectionText());
    m_clearButton->setVisible(filter.isActive());
    m_restoring = restoring;
}

void JobListPanel::updateEmptyState()
{
    if (m_filter->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (m_model->rowCount() == 0) {
        m_empty->setTexts(tr("No jobs yet"),
                          tr("Jobs you submit, and the job history of the servers you connect to, are listed "
                             "here."));
        m_emptyClear->hide();
    } else {
        m_empty->setTexts(tr("No job matches the filter"),
                          tr("%n job(s) hidden by the filter.", "", m_model->rowCount()));
        m_emptyClear->show();
    }
    m_stack->setCurrentWidget(m_emptyPage);
}

QList<JobKey> JobListPanel::selectedJobs() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QList<JobKey> keys;
    keys.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        keys << m_filter->keyAt(row);
    return keys;
}

JobKey JobListPanel::currentJob() const
{
    return m_filter->keyAt(m_view->currentIndex());
}

void JobListPanel::selectJob(const JobKey &key)
{
    // The job the user just made current (a click, Ctrl+click to extend the selection) comes
    // back here through the console: keep the selection as the user made it.
    if (!m_model->contains(key) || key == currentJob())
        return;
    QModelIndex index = m_filter->indexOf(key);
    if (!index.isValid()) {
        m_filter->clearFilter();
        index = m_filter->indexOf(key);
    }
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void JobListPanel::saveFilter() const
{
    QSettings settings;
    settings.beginGroup(QLatin1StringView(FilterGroup));
    m_filter->filter().save(settings);
}

void JobListPanel::restoreFilter()
{
    QSettings settings;
    settings.beginGroup(QLatin1StringView(FilterGroup));
    if (settings.childKeys().isEmpty())
        return; // never saved: the defaults
    JobFilter filter;
    filter.restore(settings);
    m_restoring = true;
    m_filter->setFilter(filter);
    m_search->setText(filter.text());
    m_restoring = false;
}

void JobListPanel::saveHeader() const
{
    m_headerTimer->stop();
    QSettings().setValue(QLatin1StringView(HeaderKey), m_view->horizontalHeader()->saveState());
}

void JobListPanel::restoreHeader()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QByteArray state = QSettings().value(QLatin1StringView(HeaderKey)).toByteArray();
    if (!state.isEmpty() && header->restoreState(state))
        return;
    // The first start: newest first, the job's name taking the room left.
    m_view->sortByColumn(JobListModel::SubmittedColumn, Qt::DescendingOrder);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobListModel::JobColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int pad = metrics.averageCharWidth() * 3;
    int stateWidth = 0;
    for (JobState each : ChipOrder)
        stateWidth = std::max(stateWidth, metrics.horizontalAdvance(jobStateDisplayName(each)));
    header->resizeSection(JobListModel::StateColumn, stateWidth + metrics.height() + pad);
    const auto fit = [&](int column, const QString &sample) {
        header->resizeSection(column, metrics.horizontalAdvance(sample) + pad);
    };
    fit(JobListModel::ConnectionColumn, QStringLiteral("Production Linkis"));
    fit(JobListModel::EngineColumn, QStringLiteral("spark / sql"));
    fit(JobListModel::SubmitterColumn, QStringLiteral("submitter"));
    fit(JobListModel::SubmittedColumn,
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(22, 58)), QLocale::ShortFormat) + u"  ");
    fit(JobListModel::DurationColumn, QStringLiteral("59 min 59 s"));
    fit(JobListModel::ProgressColumn, QStringLiteral("▓▓▓▓▓▓▓▓ 100%"));
}

} // namespace JobDeck
