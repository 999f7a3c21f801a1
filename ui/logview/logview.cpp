#include "logview/logview.h"

#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <limits>

namespace JobDeck {

using namespace Qt::StringLiterals;

namespace {

constexpr int TextMargin = 6;

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QColor themeColour(const KSyntaxHighlighting::Theme &theme,
                   KSyntaxHighlighting::Theme::TextStyle style,
                   QColor fallback)
{
    const QRgb rgb = theme.textColor(style);
    return qAlpha(rgb) == 0 ? fallback : QColor::fromRgba(rgb);
}

// A letter beside the colour, so a level reads without telling colours apart.
QChar levelLetter(LineLevel level)
{
    switch (level) {
    case LineLevel::Fatal:
        return u'F';
    case LineLevel::Error:
        return u'E';
    case LineLevel::Warn:
        return u'W';
    default:
        return u' ';
    }
}

} // namespace

LogView::LogView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("logView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    updateColours();
}

void LogView::setStore(std::shared_ptr<LogStore> store)
{
    m_store = std::move(store);
    m_generation = m_store ? m_store->generation() : 0;
    m_rows.reset();
    m_current = m_anchor = m_matchLine = 0;
    m_widestChars = 0;
    m_marks.clear();
    Q_EMIT marksChanged();
    m_shownCount = rowCount();
    m_newWhileAway = 0;
    Q_EMIT newWhileAwayChanged(0);
    updateScrollBars();
    m_following = false;
    setFollowing(true);
    jumpToEnd();
}

void LogView::setRows(std::optional<QList<qint64>> rows)
{
    const qint64 keep = m_current ? m_current : lineAtRow(firstVisibleRow());
    m_rows = std::move(rows);
    m_shownCount = rowCount();
    updateScrollBars();
    if (m_following || keep == 0)
        jumpToEnd();
    else
        goToLine(keep);
    viewport()->update();
}

void LogView::linesAppended(const QList<qint64> &passing)
{
    if (!m_store)
        return;
    if (m_store->generation() != m_generation) { // cleared and read again from its first line
        m_generation = m_store->generation();
        m_current = m_anchor = m_matchLine = 0;
        m_widestChars = 0;
        if (m_rows)
            m_rows->clear();
    }
    if (m_rows)
        m_rows->append(passing);
    const qint64 count = rowCount();
    const qint64 added = count - m_shownCount;
    m_shownCount = count;
    updateScrollBars();
    if (m_following) {
        jumpToEnd();
    } else if (added > 0) {
        m_newWhileAway += added;
        Q_EMIT newWhileAwayChanged(m_newWhileAway);
    }
    viewport()->update();
}

qint64 LogView::rowCount() const
{
    if (!m_store)
        return 0;
    return m_rows ? m_rows->size() : m_store->lineCount();
}

qint64 LogView::lineAtRow(qint64 row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return m_rows ? (*m_rows)[row] : row + 1;
}

qint64 LogView::rowOfLine(qint64 n) const
{
    if (!m_rows)
        return std::clamp<qint64>(n - 1, 0, std::max<qint64>(0, rowCount() - 1));
    return std::lower_bound(m_rows->cbegin(), m_rows->cend(), n) - m_rows->cbegin();
}

qint64 LogView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int LogView::visibleRows() const
{
    return std::max(1, viewport()->height() / lineHeight());
}

int LogView::lineHeight() const
{
    return fontMetrics().height();
}

int LogView::gutterWidth() const
{
    const qint64 last = m_store ? std::max<qint64>(m_store->lineCount(), 999) : 999;
    const int digits = int(QString::number(last).size());
    return fontMetrics().horizontalAdvance(u'0') * (digits + 4) + TextMargin;
}

void LogView::updateScrollBars()
{
    const qint64 rows = rowCount();
    const int page = visibleRows();
    QScrollBar *v = verticalScrollBar();
    const bool was = m_settingScroll;
    m_settingScroll = true;
    v->setRange(0, int(std::clamp<qint64>(rows - page, 0, std::numeric_limits<int>::max())));
    v->setPageStep(page);
    v->setSingleStep(1);
    const int charWidth = fontMetrics().horizontalAdvance(u'0');
    const int textWidth = viewport()->width() - gutterWidth() - TextMargin;
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, std::max(0, (m_widestChars + 2) * charWidth - textWidth));
    h->setPageStep(std::max(1, textWidth));
    h->setSingleStep(charWidth * 4);
    m_settingScroll = was;
}

void LogView::setFollowing(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    if (following && m_newWhileAway != 0) {
        m_newWhileAway = 0;
        Q_EMIT newWhileAwayChanged(0);
    }
    Q_EMIT followingChanged(following);
}

void LogView::jumpToEnd()
{
    QScrollBar *v = verticalScrollBar();
    m_settingScroll = true;
    v->setValue(v->maximum());
    m_settingScroll = false;
    setFollowing(true);
    viewport()->update();
}

void LogView::scrollContentsBy(int, int)
{
    if (!m_settingScroll)
        setFollowing(verticalScrollBar()->value() >= verticalScrollBar()->maximum());
    viewport()->update();
}

void LogView::goToLine(qint64 n)
{
    if (!m_store || n < 1 || n > m_store->lineCount())
        return;
    const qint64 row = rowOfLine(n);
    const qint64 first = firstVisibleRow();
    const int page = visibleRows();
    if (row < first || row >= first + page) {
        m_settingScroll = true;
        verticalScrollBar()->setValue(int(std::max<qint64>(0, row - page / 2)));
        m_settingScroll = false;
    }
    setFollowing(verticalScrollBar()->value() >= verticalScrollBar()->maximum() && row >= rowCount() - 1);
    setCurrent(n, false);
}

void LogView::selectLines(qint64 first, qint64 last)
{
    if (!m_store || first < 1 || first > m_store->lineCount())
        return;
    goToLine(first);
    m_anchor = std::clamp(last, first, m_store->lineCount());
    viewport()->update();
}

void LogView::setCurrent(qint64 n, bool extend)
{
    m_current = n;
    if (!extend)
        m_anchor = n;
    viewport()->update();
    Q_EMIT currentLineChanged(n);
}

QList<qint64> LogView::selectedLines() const
{
    QList<qint64> lines;
    if (!m_current)
        return lines;
    const qint64 from = rowOfLine(std::min(m_anchor, m_current));
    const qint64 to = rowOfLine(std::max(m_anchor, m_current));
    for (qint64 row = from; row <= to && row < rowCount(); ++row)
        lines.append(lineAtRow(row));
    return lines;
}

QString LogView::selectedText() const
{
    QStringList texts;
    for (qint64 n : selectedLines())
        texts.append(m_store->line(n));
    return texts.join(u'\n');
}

void LogView::copySelection() const
{
    if (const QString text = selectedText(); !text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogView::setHighlight(const LogPattern &pattern)
{
    if (pattern.isEmpty())
        m_highlight.reset();
    else
        m_highlight.emplace(pattern);
    viewport()->update();
}

void LogView::toggleMark(qint64 n)
{
    if (n < 1)
        return;
    if (!m_marks.remove(n))
        m_marks.insert(n);
    viewport()->update();
    Q_EMIT marksChanged();
}

qint64 LogView::rowAt(int y) const
{
    return firstVisibleRow() + y / lineHeight();
}

QString LogView::shownText(qint64 n, bool *cut) const
{
    QString text = m_store->line(n);
    text.replace(u'\t', QStringLiteral("    "));
    *cut = text.size() > MaxShownChars;
    if (*cut) {
        text.truncate(MaxShownChars);
        text += QChar(0x2026);
    }
    return text;
}

void LogView::updateColours()
{
    using KSyntaxHighlighting::Theme;
    const Theme theme = syntaxRepository().themeForPalette(palette());
    const QPalette pal = palette();
    Colours &c = m_colours;
    c.text = pal.color(QPalette::Text);
    c.background = pal.color(QPalette::Base);
    c.gutterBackground = pal.color(QPalette::AlternateBase);
    c.gutterText = pal.color(QPalette::PlaceholderText);
    c.selection = pal.color(QPalette::Highlight);
    const bool dark = c.background.lightness() < 128;
    const QColor error = themeColour(theme, Theme::Error, dark ? QColor(0xff6b68) : QColor(0xc0392b));
    QColor warn = themeColour(theme, Theme::Warning, dark ? QColor(0xe5c07b) : QColor(0xb36b00));
    // Some themes draw warnings in the red of errors; a log needs the two apart.
    const int hueGap = std::abs(warn.hslHue() - error.hslHue());
    if (std::min(hueGap, 360 - hueGap) < 25)
        warn = dark ? QColor(0xe5c07b) : QColor(0xa35f00);
    const QColor quiet = themeColour(theme, Theme::Comment, c.gutterText);
    c.match = blend(c.background, dark ? QColor(0xc8a13a) : QColor(0xffd33d), dark ? 0.6 : 0.7);
    c.currentMatch = dark ? QColor(0xff9632) : QColor(0xff9632);
    for (int i = 0; i < 7; ++i) {
        c.levelText[i] = c.text;
        c.levelBackground[i] = QColor();
    }
    c.levelText[int(LineLevel::Trace)] = quiet;
    c.levelText[int(LineLevel::Debug)] = quiet;
    c.levelText[int(LineLevel::Warn)] = warn;
    c.levelText[int(LineLevel::Error)] = error;
    c.levelText[int(LineLevel::Fatal)] = error;
    c.levelBackground[int(LineLevel::Warn)] = blend(c.background, warn, 0.10);
    c.levelBackground[int(LineLevel::Error)] = blend(c.background, error, 0.14);
    c.levelBackground[int(LineLevel::Fatal)] = blend(c.background, error, 0.26);
    viewport()->update();
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const Colours &c = m_colours;
    const QRect area = viewport()->rect();
    p.fillRect(area, c.background);
    const int gutter = gutterWidth();
    p.fillRect(QRect(0, 0, gutter, area.height()), c.gutterBackground);
    if (!m_store)
        return;
    const QFontMetrics fm = fontMetrics();
    const int lh = lineHeight();
    const int hoff = horizontalScrollBar()->value();
    const qint64 first = firstVisibleRow();
    const qint64 rows = rowCount();
    const qint64 selFrom = m_current ? std::min(m_anchor, m_current) : 0;
    const qint64 selTo = m_current ? std::max(m_anchor, m_current) : -1;
    const int textX = gutter + TextMargin - hoff;
    const int letterWidth = fm.horizontalAdvance(u'W');
    const qsizetype shownChars = 2 * (area.width() / std::max(1, fm.horizontalAdvance(u'0'))) + 8;
    int widest = m_widestChars;
    for (int i = 0; i * lh < area.height() && first + i < rows; ++i) {
        const qint64 n = lineAtRow(first + i);
        const int y = i * lh;
        const LineLevel level = m_store->level(n);
        const QRect textRect(gutter, y, area.width() - gutter, lh);
        const bool selected = n >= selFrom && n <= selTo;
        if (selected)
            p.fillRect(textRect, c.selection);
        else if (c.levelBackground[int(level)].isValid())
            p.fillRect(textRect, c.levelBackground[int(level)]);
        bool cut = false;
        const QString text = shownText(n, &cut);
        widest = std::max(widest, int(text.size()));
        p.save();
        p.setClipRect(textRect);
        if (m_highlight) {
            const QColor fill = n == m_matchLine ? c.currentMatch : c.match;
            for (const auto &[start, length] : m_highlight->spans(text)) {
                const int x = textX + fm.horizontalAdvance(text.left(start));
                p.fillRect(QRect(x, y, fm.horizontalAdvance(text.mid(start, length)), lh), fill);
            }
        }
        p.setPen(selected ? palette().color(QPalette::HighlightedText) : c.levelText[int(level)]);
        // Shaping is the cost of a paint: at the left end only what can show (wide
        // characters take at most two columns) is drawn.
        p.drawText(
            textX, y + fm.ascent(), hoff == 0 && text.size() > shownChars ? text.left(shownChars) : text);
        p.restore();
        // The gutter: mark, level letter, line number (the CLI's n).
        const QChar letter = levelLetter(level);
        if (letter != u' ') {
            p.setPen(c.levelText[int(level)]);
            p.drawText(gutter - TextMargin - letterWidth, y + fm.ascent(), QString(letter));
        }
        p.setPen(n == m_current ? c.text : c.gutterText);
        const QString number = QString::number(n);
        p.drawText(gutter - TextMargin - letterWidth - TextMargin / 2 - fm.horizontalAdvance(number),
                   y + fm.ascent(),
                   number);
        if (m_marks.contains(n)) {
            p.setPen(c.selection);
            p.drawText(QRect(2, y, lh, lh), Qt::AlignCenter, QStringLiteral("\u25C6"));
        }
    }
    if (widest != m_widestChars) {
        m_widestChars = widest;
        updateScrollBars();
    }
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    if (m_following)
        jumpToEnd();
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    const qint64 row = rowAt(event->position().toPoint().y());
    if (row >= rowCount())
        return;
    const qint64 n = lineAtRow(row);
    if (event->position().x() < gutterWidth() && event->button() == Qt::LeftButton
        && event->modifiers() == Qt::NoModifier) {
        toggleMark(n);
        return;
    }
    if (event->button() == Qt::LeftButton)
        setCurrent(n, event->modifiers().testFlag(Qt::ShiftModifier));
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_current)
        return;
    const qint64 row = std::clamp<qint64>(rowAt(event->position().toPoint().y()), 0, rowCount() - 1);
    setCurrent(lineAtRow(row), true);
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    const bool extend = event->modifiers().testFlag(Qt::ShiftModifier);
    const qint64 row = m_current ? rowOfLine(m_current) : firstVisibleRow();
    qint64 to = -1;
    switch (event->key()) {
    case Qt::Key_Up:
        to = row - 1;
        break;
    case Qt::Key_Down:
        to = row + 1;
        break;
    case Qt::Key_PageUp:
        to = row - visibleRows();
        break;
    case Qt::Key_PageDown:
        to = row + visibleRows();
        break;
    case Qt::Key_Home:
        to = 0;
        break;
    case Qt::Key_End:
        jumpToEnd();
        to = rowCount() - 1;
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (rowCount() == 0)
        return;
    to = std::clamp<qint64>(to, 0, rowCount() - 1);
    const qint64 n = lineAtRow(to);
    const qint64 first = firstVisibleRow();
    if (to < first || to >= first + visibleRows()) {
        QScrollBar *v = verticalScrollBar();
        v->setValue(int(to < first ? to : to - visibleRows() + 1)); // scrollContentsBy tells following
    }
    setCurrent(n, extend);
}

bool LogView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_store) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const qint64 row = rowAt(help->pos().y());
        if (row < rowCount()) {
            const qint64 n = lineAtRow(row);
            const QString line = m_store->line(n);
            const int shownWidth = fontMetrics().horizontalAdvance(line.left(MaxShownChars));
            if (line.size() > MaxShownChars || shownWidth > viewport()->width() - gutterWidth()) {
                QToolTip::showText(help->globalPos(),
                                   u"<p style='white-space:pre-wrap'>"_s + line.toHtmlEscaped() + u"</p>"_s,
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateColours();
    QAbstractScrollArea::changeEvent(event);
}

} // namespace JobDeck
