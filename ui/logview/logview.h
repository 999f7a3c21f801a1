#pragma once

#include "logs/logsearch.h"
#include "logs/logstore.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QSet>

#include <memory>
#include <optional>

namespace JobDeck {

// A virtual view of a log store: paints only the lines on screen, all of one height, with
// the line numbers the CLI prints as `n`, a level mark and tint per line, marks and search
// matches. Shows every line, or only `rows` (ascending line numbers) when a filter is on.
// Follows the end while it is scrolled to the bottom; scrolled up it stays put and counts
// what arrives (newWhileAway()). Lines longer than MaxShownChars are cut, with the whole
// line in the tooltip.
class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    static constexpr int MaxShownChars = 2000;

    explicit LogView(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<LogStore> store);
    const LogStore *store() const { return m_store.get(); }
    // Only these lines (a filter's result); nullopt shows all.
    void setRows(std::optional<QList<qint64>> rows);
    const std::optional<QList<qint64>> &rows() const { return m_rows; }
    // The store grew (and, when filtered, these of the new lines pass the filter).
    void linesAppended(const QList<qint64> &passing = {});

    qint64 rowCount() const;
    qint64 lineAtRow(qint64 row) const;
    // The row showing line `n`, or the first row after it when it is filtered out.
    qint64 rowOfLine(qint64 n) const;
    qint64 firstVisibleRow() const;
    int visibleRows() const;

    // The line the user is on (clicked, moved to with the keys or jumped to); 0 for none.
    qint64 currentLine() const { return m_current; }
    // Makes `n` the current line and scrolls it into view (centred when it was not).
    void goToLine(qint64 n);
    // Selects lines `first`..`last` (a step's part of the log) and scrolls to the first.
    void selectLines(qint64 first, qint64 last);
    // Selected lines: from the anchor to the current line.
    QList<qint64> selectedLines() const;
    QString selectedText() const;
    void copySelection() const;

    bool isFollowing() const { return m_following; }
    void jumpToEnd();
    qint64 newWhileAway() const { return m_newWhileAway; }

    void setHighlight(const LogPattern &pattern);
    void setMatchLine(qint64 n)
    {
        m_matchLine = n;
        viewport()->update();
    }
    void toggleMark(qint64 n);
    const QSet<qint64> &marks() const { return m_marks; }

Q_SIGNALS:
    void followingChanged(bool following);
    void newWhileAwayChanged(qint64 count);
    void currentLineChanged(qint64 n);
    void marksChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Colours
    {
        QColor text, background, gutterText, gutterBackground, selection, match, currentMatch;
        QColor levelText[7];
        QColor levelBackground[7];
    };

    void updateColours();
    void updateScrollBars();
    void setFollowing(bool following);
    void setCurrent(qint64 n, bool extend);
    qint64 rowAt(int y) const;
    int lineHeight() const;
    int gutterWidth() const;
    QString shownText(qint64 n, bool *cut) const;

    std::shared_ptr<LogStore> m_store;
    quint64 m_generation = 0;
    std::optional<QList<qint64>> m_rows;
    qint64 m_shownCount = 0; // rows counted into the scroll bar
    bool m_following = true;
    bool m_settingScroll = false;
    qint64 m_newWhileAway = 0;
    qint64 m_current = 0;
    qint64 m_anchor = 0;
    qint64 m_matchLine = 0;
    int m_widestChars = 0;
    std::optional<LogMatcher> m_highlight;
    QSet<qint64> m_marks;
    Colours m_colours;
};

} // namespace JobDeck
