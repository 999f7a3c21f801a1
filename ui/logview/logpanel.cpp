#include "logview/logpanel.h"

#include "logview/logview.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace JobDeck {

namespace {

constexpr int SearchDelayMs = 150;

QToolButton *toolButton(QWidget *parent,
                        const QString &name,
                        QStyle::StandardPixmap icon = QStyle::SP_CustomBase)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    if (icon != QStyle::SP_CustomBase) {
        button->setIcon(parent->style()->standardIcon(icon));
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    return button;
}

QString shortened(const QString &text, int chars)
{
    return text.size() > chars ? text.left(chars) + QChar(0x2026) : text;
}

} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new LogView(this))
{
    setObjectName(QStringLiteral("logPanel"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_regex = toolButton(this, QStringLiteral("logRegex"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    m_case = toolButton(this, QStringLiteral("logCase"));
    m_case->setText(QStringLiteral("Aa"));
    m_case->setCheckable(true);
    m_prev = toolButton(this, QStringLiteral("logPrevMatch"), QStyle::SP_ArrowUp);
    m_next = toolButton(this, QStringLiteral("logNextMatch"), QStyle::SP_ArrowDown);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("logMatchCount"));
    m_count->setMinimumWidth(
        m_count->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000 of 0,000,000")));
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    for (int i = 0; i < 7; ++i)
        m_level->addItem(QString(), i);
    m_include = new QLineEdit(this);
    m_include->setObjectName(QStringLiteral("logInclude"));
    m_include->setClearButtonEnabled(true);
    m_exclude = new QLineEdit(this);
    m_exclude->setObjectName(QStringLiteral("logExclude"));
    m_exclude->setClearButtonEnabled(true);
    m_prevError = toolButton(this, QStringLiteral("logPrevError"));
    m_nextError = toolButton(this, QStringLiteral("logNextError"));
    m_mark = toolButton(this, QStringLiteral("logToggleMark"));
    m_prevMark = toolButton(this, QStringLiteral("logPrevMark"));
    m_nextMark = toolButton(this, QStringLiteral("logNextMark"));
    m_marksList = toolButton(this, QStringLiteral("logMarks"));
    m_marksList->setPopupMode(QToolButton::InstantPopup);
    m_marksList->setMenu(new QMenu(m_marksList));
    m_copy = toolButton(this, QStringLiteral("logCopy"));
    m_save = toolButton(this, QStringLiteral("logSave"), QStyle::SP_DialogSaveButton);
    m_save->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("logFailureBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    auto *bannerIcon = new QLabel(m_banner);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("logFailureText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerGo = new QPushButton(m_banner);
    m_bannerGo->setObjectName(QStringLiteral("logFailureGo"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerGo, 0, Qt::AlignTop);
    m_banner->hide();

    m_jump = new QPushButton(this);
    m_jump->setObjectName(QStringLiteral("logJumpToEnd"));
    m_jump->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_jump->hide();

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("logLineDetail"));
    m_detail->setReadOnly(true);
    m_detail->setUndoRedoEnabled(false);
    m_detail->setFont(m_view->font());
    m_detail->setMaximumHeight(m_detail->fontMetrics().height() * 5);
    m_detail->hide();

    // The tools scroll sideways in a narrow dock rather than making the window wider than the
    // screen (in one row they need some 950 px).
    auto *barWidget = new QWidget(this);
    auto *bar = new QHBoxLayout(barWidget);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(m_search, 3);
    bar->addWidget(m_regex);
    bar->addWidget(m_case);
    bar->addWidget(m_prev);
    bar->addWidget(m_next);
    bar->addWidget(m_count);
    bar->addSpacing(8);
    bar->addWidget(m_level);
    bar->addWidget(m_include, 2);
    bar->addWidget(m_exclude, 2);
    bar->addSpacing(8);
    bar->addWidget(m_prevError);
    bar->addWidget(m_nextError);
    bar->addWidget(m_mark);
    bar->addWidget(m_prevMark);
    bar->addWidget(m_nextMark);
    bar->addWidget(m_marksList);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    auto *barArea = new QScrollArea(this);
    barArea->setObjectName(QStringLiteral("logToolsArea"));
    barArea->setFrameShape(QFrame::NoFrame);
    barArea->setWidgetResizable(true);
    barArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    barArea->setWidget(barWidget);
    barArea->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    barArea->setFixedHeight(barWidget->sizeHint().height()
                            + barArea->horizontalScrollBar()->sizeHint().height());
    layout->addWidget(barArea);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_jump, 0, Qt::AlignRight);
    layout->addWidget(m_detail);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &LogPanel::startSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_view->setHighlight(searchQuery().find);
        m_searchTimer.start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { nextMatch(true); });
    const auto filtersChanged = [this] {
        m_view->setHighlight(searchQuery().find);
        startFilter();
    };
    connect(m_regex, &QToolButton::toggled, this, filtersChanged);
    connect(m_case, &QToolButton::toggled, this, filtersChanged);
    connect(m_level, &QComboBox::currentIndexChanged, this, filtersChanged);
    connect(m_include, &QLineEdit::editingFinished, this, filtersChanged);
    connect(m_exclude, &QLineEdit::editingFinished, this, filtersChanged);
    connect(m_prev, &QToolButton::clicked, this, [this] { nextMatch(false); });
    connect(m_next, &QToolButton::clicked, this, [this] { nextMatch(true); });
    connect(m_prevError, &QToolButton::clicked, this, [this] { nextError(false); });
    connect(m_nextError, &QToolButton::clicked, this, [this] { nextError(true); });
    connect(m_mark, &QToolButton::clicked, this, [this] { m_view->toggleMark(m_view->currentLine()); });
    connect(m_prevMark, &QToolButton::clicked, this, [this] { nextMark(false); });
    connect(m_nextMark, &QToolButton::clicked, this, [this] { nextMark(true); });
    connect(m_copy, &QToolButton::clicked, m_view, &LogView::copySelection);
    connect(m_save, &QToolButton::clicked, this, &LogPanel::save);
    connect(m_jump, &QPushButton::clicked, m_view, &LogView::jumpToEnd);
    connect(m_bannerGo, &QPushButton::clicked, this, [this] { m_view->goToLine(m_firstError); });
    connect(m_view, &LogView::followingChanged, this, &LogPanel::updateJumpButton);
    connect(m_view, &LogView::newWhileAwayChanged, this, &LogPanel::updateJumpButton);
    connect(m_view, &LogView::currentLineChanged, this, &LogPanel::updateDetail);
    connect(m_view, &LogView::marksChanged, this, &LogPanel::updateMarksMenu);

    connect(&m_filterWatcher, &QFutureWatcher<LogSearchResult>::finished, this, [this] {
        if (!m_store || m_filterWatcher.future().resultCount() == 0)
            return; // an empty future: a filter let go of
        m_filtering = false;
        const LogSearchResult result = m_filterWatcher.result();
        QList<qint64> rows = result.lines;
        rows.append(
            LogSearch::runRange(*m_store, filterQuery(), result.searchedLines + 1, m_store->lineCount()));
        m_filteredUpTo = m_store->lineCount();
        const qint64 count = rows.size();
        m_view->setRows(std::move(rows));
        Q_EMIT filterFinished(count);
        startSearch(); // matches are counted among the lines shown
    });
    connect(&m_searchWatcher, &QFutureWatcher<LogSearchResult>::finished, this, [this] {
        if (!m_store || m_searchWatcher.future().resultCount() == 0)
            return;
        m_searching = false;
        const LogSearchResult result = m_searchWatcher.result();
        m_searchError = result.errorString;
        m_matches = result.lines;
        m_matches.append(
            LogSearch::runRange(*m_store, searchQuery(), result.searchedLines + 1, m_store->lineCount()));
        m_matchedUpTo = m_store->lineCount();
        m_currentMatch = -1;
        updateCount();
        Q_EMIT searchFinished(m_matches.size());
    });

    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    shortcut(QKeySequence::FindNext, [this] { nextMatch(true); });
    shortcut(QKeySequence::FindPrevious, [this] { nextMatch(false); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_M), [this] { m_view->toggleMark(m_view->currentLine()); });
    shortcut(QKeySequence(Qt::Key_F2), [this] { nextMark(true); });
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_F2), [this] { nextMark(false); });
    shortcut(QKeySequence(Qt::Key_F8), [this] { nextError(true); });
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), [this] { nextError(false); });

    retranslate();
    updateMarksMenu();
}

LogPanel::~LogPanel()
{
    // The children go after this object's members; what they say while going is not heard.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
    disconnect(&m_searchWatcher, nullptr, this, nullptr);
    disconnect(&m_filterWatcher, nullptr, this, nullptr);
    m_searchWatcher.waitForFinished();
    m_filterWatcher.waitForFinished();
}

void LogPanel::setLog(std::shared_ptr<LogStore> store, const Job &job)
{
    m_store = std::move(store);
    m_view->setStore(m_store);
    m_matches.clear();
    m_matchedUpTo = m_filteredUpTo = 0;
    m_currentMatch = -1;
    m_firstError = 0;
    m_job = job;
    m_detail->hide();
    m_appliedFilters.clear();
    m_searching = m_filtering = false;
    if (filterQuery().filters())
        startFilter();
    else if (!m_search->text().isEmpty())
        startSearch();
    updateCount();
    updateBanner();
}

void LogPanel::setJob(const Job &job)
{
    if (job.id != m_job.id)
        return;
    m_job = job;
    updateBanner();
}

void LogPanel::linesAppended()
{
    if (!m_store)
        return;
    const qint64 count = m_store->lineCount();
    if (count < m_filteredUpTo || count < m_matchedUpTo) { // read again from its first line
        m_filteredUpTo = m_matchedUpTo = 0;
        m_matches.clear();
        m_firstError = 0;
    }
    QList<qint64> passing;
    if (m_view->rows() && !m_filterWatcher.isRunning()) {
        passing = LogSearch::runRange(*m_store, filterQuery(), m_filteredUpTo + 1, count);
        m_filteredUpTo = count;
    }
    m_view->linesAppended(passing);
    if (!m_search->text().isEmpty() && !m_searchWatcher.isRunning() && !m_searchTimer.isActive()) {
        const qint64 before = m_matches.size();
        m_matches.append(LogSearch::runRange(*m_store, searchQuery(), m_matchedUpTo + 1, count));
        m_matchedUpTo = count;
        if (m_matches.size() != before)
            updateCount();
    }
    if (m_job.state == JobState::Failed && m_firstError == 0)
        updateBanner();
}

LogQuery LogPanel::filterQuery() const
{
    LogQuery query;
    const Qt::CaseSensitivity cs = m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (!m_include->text().isEmpty())
        query.include.append(LogPattern{m_include->text(), m_regex->isChecked(), cs});
    if (!m_exclude->text().isEmpty())
        query.exclude.append(LogPattern{m_exclude->text(), m_regex->isChecked(), cs});
    query.minimumLevel = LineLevel(m_level->currentData().toInt());
    return query;
}

LogQuery LogPanel::searchQuery() const
{
    LogQuery query = filterQuery();
    query.find = LogPattern{m_search->text(),
                            m_regex->isChecked(),
                            m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive};
    return query;
}

void LogPanel::setSearch(const QString &text, bool regex, bool caseSensitive)
{
    const QSignalBlocker a(m_regex), b(m_case);
    m_regex->setChecked(regex);
    m_case->setChecked(caseSensitive);
    m_search->setText(text);
    m_view->setHighlight(searchQuery().find);
    m_searchTimer.stop();
    startSearch();
}

void LogPanel::setMinimumLevel(LineLevel level)
{
    m_level->setCurrentIndex(m_level->findData(int(level)));
}

void LogPanel::setIncludeFilter(const QString &text)
{
    m_include->setText(text);
    startFilter();
}

void LogPanel::setExcludeFilter(const QString &text)
{
    m_exclude->setText(text);
    startFilter();
}

void LogPanel::startFilter()
{
    // Leaving a filter's field without changing it changes nothing.
    const QString key = QStringList{m_include->text(),
                                    m_exclude->text(),
                                    QString::number(m_level->currentIndex()),
                                    QString::number(m_regex->isChecked()),
                                    QString::number(m_case->isChecked())}
                            .join(QChar(0x1f));
    if (!m_store || key == m_appliedFilters)
        return;
    m_appliedFilters = key;
    const LogQuery query = filterQuery();
    if (!query.filters()) {
        m_filtering = false;
        m_filterWatcher.setFuture(QFuture<LogSearchResult>());
        m_filteredUpTo = 0;
        m_view->setRows(std::nullopt);
        Q_EMIT filterFinished(m_store->lineCount());
        startSearch();
        return;
    }
    m_filtering = true;
    m_filterWatcher.setFuture(LogSearch::start(*m_store, query));
}

void LogPanel::startSearch()
{
    m_searchTimer.stop();
    m_matches.clear();
    m_matchedUpTo = 0;
    m_currentMatch = -1;
    m_searchError.clear();
    m_searching = false;
    if (!m_store || m_search->text().isEmpty()) {
        m_searchWatcher.setFuture(QFuture<LogSearchResult>());
        updateCount();
        return;
    }
    const LogQuery query = searchQuery();
    if (const LogMatcher check(query.find); !check.isValid()) {
        m_searchError = check.errorString();
        updateCount();
        return;
    }
    m_count->setText(tr("Searching…"));
    m_searching = true;
    m_searchWatcher.setFuture(LogSearch::start(*m_store, query));
}

void LogPanel::updateCount()
{
    if (!m_searchError.isEmpty()) {
        m_count->setText(tr("Invalid: %1").arg(m_searchError));
        return;
    }
    if (m_search->text().isEmpty()) {
        m_count->clear();
        return;
    }
    if (m_matches.isEmpty())
        m_count->setText(tr("No match"));
    else if (m_currentMatch >= 0)
        m_count->setText(
            tr("%1 of %2").arg(QLocale().toString(m_currentMatch + 1), QLocale().toString(m_matches.size())));
    else if (m_matches.size() == 1)
        m_count->setText(tr("1 match"));
    else
        m_count->setText(tr("%1 matches").arg(QLocale().toString(m_matches.size())));
    m_prev->setEnabled(!m_matches.isEmpty());
    m_next->setEnabled(!m_matches.isEmpty());
}

void LogPanel::nextMatch(bool forward)
{
    if (m_matches.isEmpty())
        return;
    const qint64 from
        = m_view->currentLine() ? m_view->currentLine() : m_view->lineAtRow(m_view->firstVisibleRow());
    qsizetype i;
    if (forward) {
        i = std::upper_bound(m_matches.cbegin(), m_matches.cend(), from) - m_matches.cbegin();
        if (i >= m_matches.size())
            i = 0;
    } else {
        i = (std::lower_bound(m_matches.cbegin(), m_matches.cend(), from) - m_matches.cbegin()) - 1;
        if (i < 0)
            i = m_matches.size() - 1;
    }
    m_currentMatch = i;
    m_view->goToLine(m_matches[i]);
    m_view->setMatchLine(m_matches[i]);
    updateCount();
}

void LogPanel::nextError(bool forward)
{
    if (!m_store || m_store->lineCount() == 0)
        return;
    const auto recordStart = [this](qint64 n) {
        // A stack trace takes its record's level: the record starts where the run begins.
        while (n > 1 && quint8(m_store->level(n - 1)) >= quint8(LineLevel::Error))
            --n;
        return n;
    };
    const qint64 current = m_view->currentLine();
    const qint64 here = current ? recordStart(current) : 0;
    qint64 from = current ? (forward ? current + 1 : here - 1) : (forward ? 1 : m_store->lineCount());
    const auto &rows = m_view->rows();
    while (from >= 1 && from <= m_store->lineCount()) {
        const qint64 found = m_store->findLevel(from, LineLevel::Error, forward);
        if (found == 0)
            return;
        const qint64 start = recordStart(found);
        const bool sameRecord = current && start == here;
        if (!sameRecord && (!rows || std::binary_search(rows->cbegin(), rows->cend(), start))) {
            m_view->goToLine(start);
            return;
        }
        from = forward ? found + 1 : start - 1;
    }
}

QList<qint64> LogPanel::marks() const
{
    QList<qint64> list(m_view->marks().cbegin(), m_view->marks().cend());
    std::sort(list.begin(), list.end());
    return list;
}

void LogPanel::nextMark(bool forward)
{
    const QList<qint64> list = marks();
    if (list.isEmpty())
        return;
    const qint64 from = m_view->currentLine();
    qint64 to;
    if (forward) {
        const auto it = std::upper_bound(list.cbegin(), list.cend(), from);
        to = it == list.cend() ? list.first() : *it;
    } else {
        const auto it = std::lower_bound(list.cbegin(), list.cend(), from);
        to = it == list.cbegin() ? list.last() : *(it - 1);
    }
    m_view->goToLine(to);
}

void LogPanel::updateMarksMenu()
{
    QMenu *menu = m_marksList->menu();
    menu->clear();
    const QList<qint64> list = marks();
    for (qint64 n : list) {
        const QString text = m_store ? shortened(m_store->line(n), 80) : QString();
        QAction *action = menu->addAction(tr("Line %1: %2").arg(n).arg(text));
        connect(action, &QAction::triggered, this, [this, n] { m_view->goToLine(n); });
    }
    if (list.isEmpty())
        menu->addAction(tr("No marks: click a line number or press Ctrl+M"))->setEnabled(false);
    m_marksList->setText(tr("Marks (%1)").arg(list.size()));
}

bool LogPanel::saveTo(const QString &path, QString *error)
{
    if (!m_store) {
        *error = tr("There is no log to save.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QString why;
    if (!m_store->writeTo(&file, &why)) {
        file.cancelWriting();
        *error = why;
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogPanel::save()
{
    if (!m_store)
        return;
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Save Log"),
                                                      m_job.id + QStringLiteral(".log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save Log"), tr("Cannot save the log to %1: %2").arg(path, error));
}

QString LogPanel::toPlainText() const
{
    if (!m_store)
        return {};
    QStringList lines;
    for (qint64 row = 0; row < m_view->rowCount(); ++row)
        lines.append(m_store->line(m_view->lineAtRow(row)));
    return lines.join(u'\n');
}

bool LogPanel::isBannerShown() const
{
    return !m_banner->isHidden();
}

QString LogPanel::bannerText() const
{
    return m_bannerText->text();
}

void LogPanel::updateBanner()
{
    if (m_job.state != JobState::Failed) {
        m_banner->hide();
        return;
    }
    if (m_store && m_firstError == 0)
        m_firstError = m_store->findLevel(1, LineLevel::Error, true);
    QStringList parts;
    parts.append(m_job.errorMessage.isEmpty()
                     ? tr("The job failed.")
                     : tr("The job failed: %1").arg(shortened(m_job.errorMessage, 600)));
    if (m_firstError > 0)
        parts.append(tr("First error, line %1: %2")
                         .arg(m_firstError)
                         .arg(shortened(m_store->line(m_firstError), 300)));
    m_bannerText->setText(parts.join(u'\n'));
    m_bannerGo->setVisible(m_firstError > 0);
    QPalette pal = m_banner->palette();
    const QColor base = palette().color(QPalette::Window);
    const QColor tint = base.lightness() < 128 ? QColor(0x8b2d2d) : QColor(0xf8d7da);
    pal.setColor(QPalette::Window, tint);
    pal.setColor(QPalette::WindowText, base.lightness() < 128 ? QColor(0xffffff) : QColor(0x5a1a1f));
    m_banner->setPalette(pal);
    m_banner->show();
}

void LogPanel::updateJumpButton()
{
    const qint64 count = m_view->newWhileAway();
    m_jump->setText(count == 0   ? tr("Jump to end")
                    : count == 1 ? tr("Jump to end (1 new line)")
                                 : tr("Jump to end (%1 new lines)").arg(QLocale().toString(count)));
    m_jump->setVisible(!m_view->isFollowing());
}

void LogPanel::updateDetail(qint64 line)
{
    if (!m_store || line < 1) {
        m_detail->hide();
        return;
    }
    const QString text = m_store->line(line);
    const bool cut = text.size() > LogView::MaxShownChars
                     || m_view->fontMetrics().horizontalAdvance(text.left(LogView::MaxShownChars + 1))
                            > m_view->viewport()->width() - 80;
    m_detail->setVisible(cut);
    if (cut)
        m_detail->setPlainText(text);
}

void LogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateBanner();
    QWidget::changeEvent(event);
}

void LogPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search the log (Ctrl+F)"));
    m_regex->setToolTip(tr("Regular expression (search and filters)"));
    m_case->setToolTip(tr("Match case (search and filters)"));
    m_prev->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setToolTip(tr("Next match (F3)"));
    const QStringList levels{tr("All lines"),
                             tr("Trace and above"),
                             tr("Debug and above"),
                             tr("Info and above"),
                             tr("Warnings and errors"),
                             tr("Errors"),
                             tr("Fatal only")};
    for (int i = 0; i < levels.size(); ++i)
        m_level->setItemText(i, levels[i]);
    m_level->setToolTip(tr("Show lines of this level and above"));
    m_include->setPlaceholderText(tr("Only lines with…"));
    m_include->setToolTip(tr("Show only the lines that match this (Enter applies)"));
    m_exclude->setPlaceholderText(tr("Hide lines with…"));
    m_exclude->setToolTip(tr("Hide the lines that match this (Enter applies)"));
    m_prevError->setText(tr("◀ Error"));
    m_prevError->setToolTip(tr("Previous error (Shift+F8)"));
    m_nextError->setText(tr("Error ▶"));
    m_nextError->setToolTip(tr("Next error (F8)"));
    m_mark->setText(tr("Mark"));
    m_mark->setToolTip(tr("Mark or unmark the current line (Ctrl+M, or click its number)"));
    m_prevMark->setText(QStringLiteral("◆◀"));
    m_prevMark->setToolTip(tr("Previous mark (Shift+F2)"));
    m_nextMark->setText(QStringLiteral("▶◆"));
    m_nextMark->setToolTip(tr("Next mark (F2)"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the selected lines (Ctrl+C)"));
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the whole log to a file"));
    m_bannerGo->setText(tr("Go to the error"));
    updateJumpButton();
    updateMarksMenu();
    updateCount();
    updateBanner();
}

} // namespace JobDeck
