#include "editor/sqleditor.h"

#include "completion/completionprovider.h"
#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTextLayout>

namespace JobDeck {

using KSyntaxHighlighting::Theme;

// The gutter left of the text; it only forwards painting to the editor, which knows the blocks.
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(SqlEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    SqlEditor *m_editor;
};

SqlEditor::SqlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_lineNumberArea(new LineNumberArea(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("sqlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 4);
    setSyntaxName(QStringLiteral("SQL"));
    applyTheme();

    connect(this, &QPlainTextEdit::blockCountChanged, this, &SqlEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SqlEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &SqlEditor::highlightCurrentLine);
    updateLineNumberAreaWidth();
    highlightCurrentLine();

    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::UnsortedModel);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->popup()->setObjectName(QStringLiteral("completionPopup"));
    connect(
        m_completer, qOverload<const QString &>(&QCompleter::activated), this, &SqlEditor::insertCompletion);
    // The marker's lines move with the text; repaint the gutter when the text changes.
    connect(document(), &QTextDocument::contentsChange, this, [this](int position, int removed, int added) {
        if (m_markerEnd <= m_markerStart || position >= m_markerEnd)
            return;
        const int delta = added - removed;
        if (position + removed <= m_markerStart) {
            m_markerStart += delta;
            m_markerEnd += delta;
        } else {
            m_markerEnd = qMax(position, m_markerEnd + delta);
        }
        m_lineNumberArea->update();
    });
}

SqlEditor::~SqlEditor() = default;

void SqlEditor::setStatementMarker(int start, int end)
{
    if (start == m_markerStart && end == m_markerEnd)
        return;
    m_markerStart = start;
    m_markerEnd = qMax(start, end);
    m_lineNumberArea->update();
}

std::pair<int, int> SqlEditor::statementMarkerLines() const
{
    if (m_markerEnd <= m_markerStart)
        return {-1, -1};
    const QTextBlock first = document()->findBlock(m_markerStart);
    const QTextBlock last = document()->findBlock(qMax(m_markerStart, m_markerEnd - 1));
    return {first.blockNumber(), last.blockNumber()};
}

namespace {
// The selection's whole lines (or the cursor's line), as a cursor that edits them as one step.
std::pair<QTextBlock, QTextBlock> selectedLines(const QTextCursor &cursor, QTextDocument *document)
{
    const int start = qMin(cursor.position(), cursor.anchor());
    int end = qMax(cursor.position(), cursor.anchor());
    QTextBlock first = document->findBlock(start);
    QTextBlock last = document->findBlock(end);
    // A selection that ends at the start of a line leaves that line alone.
    if (cursor.hasSelection() && last != first && end == last.position())
        last = last.previous();
    return {first, last};
}

int leadingSpaces(const QString &text)
{
    int i = 0;
    while (i < text.size() && (text[i] == u' ' || text[i] == u'\t'))
        ++i;
    return i;
}
} // namespace

void SqlEditor::toggleLineComment(const QString &prefix)
{
    if (prefix.isEmpty())
        return;
    auto [first, last] = selectedLines(textCursor(), document());
    bool allCommented = true;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        const int indent = leadingSpaces(text);
        if (indent < text.size() && !QStringView(text).sliced(indent).startsWith(prefix))
            allCommented = false;
        if (b == last)
            break;
    }
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        const int indent = leadingSpaces(text);
        if (allCommented) {
            if (QStringView(text).sliced(indent).startsWith(prefix)) {
                edit.setPosition(b.position() + indent);
                const int length
                    = int(prefix.size())
                      + (text.size() > indent + prefix.size() && text[indent + prefix.size()] == u' ');
                edit.setPosition(b.position() + indent + length, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            }
        } else if (indent < text.size()) {
            edit.setPosition(b.position() + indent);
            edit.insertText(prefix + u' ');
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void SqlEditor::indentLines()
{
    auto [first, last] = selectedLines(textCursor(), document());
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        edit.setPosition(b.position());
        edit.insertText(QStringLiteral("    "));
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void SqlEditor::unindentLines()
{
    auto [first, last] = selectedLines(textCursor(), document());
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        int remove = 0;
        if (text.startsWith(u'\t'))
            remove = 1;
        else
            while (remove < 4 && remove < text.size() && text[remove] == u' ')
                ++remove;
        if (remove > 0) {
            edit.setPosition(b.position());
            edit.setPosition(b.position() + remove, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void SqlEditor::zoomBy(int steps)
{
    const int target = qBound(-8, m_zoom + steps, 24);
    const int delta = target - m_zoom;
    if (delta == 0)
        return;
    m_zoom = target;
    if (delta > 0)
        zoomIn(delta);
    else
        zoomOut(-delta);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 4);
    updateLineNumberAreaWidth();
}

std::pair<int, int> SqlEditor::matchingBrackets() const
{
    static constexpr QStringView Open = u"([{";
    static constexpr QStringView Close = u")]}";
    const QString text = toPlainText();
    const int position = textCursor().position();
    // The bracket after the cursor, else the one before it.
    for (const int at : {position, position - 1}) {
        if (at < 0 || at >= text.size())
            continue;
        const QChar c = text[at];
        const qsizetype open = Open.indexOf(c);
        const qsizetype close = Close.indexOf(c);
        if (open < 0 && close < 0)
            continue;
        const bool forward = open >= 0;
        const QChar self = c;
        const QChar other = forward ? Close[open] : Open[close];
        int depth = 0;
        for (int i = at; forward ? i < text.size() : i >= 0; i += forward ? 1 : -1) {
            if (text[i] == self)
                ++depth;
            else if (text[i] == other && --depth == 0)
                return {at, i};
        }
        return {at, -1};
    }
    return {-1, -1};
}

void SqlEditor::setSearchMatches(const QList<QTextCursor> &matches)
{
    m_searchMatches = matches;
    highlightCurrentLine();
}

void SqlEditor::setCompletionProviders(const QList<CompletionProvider *> &providers)
{
    for (const auto &provider : std::as_const(m_providers))
        if (provider)
            disconnect(provider, nullptr, this, nullptr);
    m_providers.clear();
    for (CompletionProvider *provider : providers) {
        m_providers.append(provider);
        // A provider that fetched what it lacked: ask again while the popup is up, or while
        // the cursor is still where the user asked and nothing was known then.
        connect(provider, &CompletionProvider::updated, this, [this] {
            if (m_completer->popup()->isVisible()
                || (m_completionWaitingAt >= 0 && m_completionWaitingAt == textCursor().position()))
                showCompletions();
        });
    }
}

QString SqlEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int start = cursor.positionInBlock();
    while (start > 0 && (line[start - 1].isLetterOrNumber() || line[start - 1] == u'_'))
        --start;
    return line.mid(start, cursor.positionInBlock() - start);
}

void SqlEditor::showCompletions()
{
    const QString prefix = wordBeforeCursor();
    const QString script = toPlainText();
    const int position = textCursor().position();
    m_completionModel->clear();
    QSet<QString> seen;
    for (const auto &provider : std::as_const(m_providers)) {
        if (!provider)
            continue;
        const QList<CompletionItem> items = provider->complete(script, position, prefix);
        for (const CompletionItem &item : items) {
            if (seen.contains(item.text) || item.text.compare(prefix, Qt::CaseInsensitive) == 0)
                continue;
            seen.insert(item.text);
            auto *row = new QStandardItem(item.text);
            row->setToolTip(item.detail);
            row->setData(int(item.kind), Qt::UserRole);
            m_completionModel->appendRow(row);
        }
    }
    if (m_completionModel->rowCount() == 0) {
        m_completer->popup()->hide();
        m_completionWaitingAt = position;
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        m_completionWaitingAt = position;
        return;
    }
    m_completionWaitingAt = -1;
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void SqlEditor::insertCompletion(const QString &text)
{
    QTextCursor cursor = textCursor();
    const int typed = int(wordBeforeCursor().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, typed);
    cursor.insertText(text);
    setTextCursor(cursor);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            if (!(event->modifiers() & Qt::ControlModifier)) {
                event->ignore(); // the completer takes these
                return;
            }
            break;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showCompletions();
        return;
    }
    const QTextCursor cursor = textCursor();
    const bool multiLine
        = cursor.hasSelection()
          && document()->findBlock(cursor.anchor()) != document()->findBlock(cursor.position());
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && multiLine) {
        indentLines();
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        unindentLines();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);

    // Proposals once a word has two characters, and right after "name." (a table's columns,
    // a database's tables); hidden when the word ends.
    const QString typed = event->text();
    const bool wordChar = typed.size() == 1 && (typed[0].isLetterOrNumber() || typed[0] == u'_');
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (!wordChar && event->key() != Qt::Key_Backspace)
        m_completionWaitingAt = -1;
    if (plain && typed == u"." && !m_providers.isEmpty())
        showCompletions();
    else if (plain && wordChar && wordBeforeCursor().size() >= 2 && !m_providers.isEmpty())
        showCompletions();
    else if (m_completer->popup()->isVisible() && (!wordChar && event->key() != Qt::Key_Backspace))
        m_completer->popup()->hide();
    else if (m_completer->popup()->isVisible())
        showCompletions();
}

QString SqlEditor::syntaxName() const
{
    return m_highlighter->definition().name();
}

void SqlEditor::setSyntaxName(const QString &name)
{
    const auto definition = syntaxRepository().definitionForName(name);
    m_highlighter->setDefinition(
        definition.isValid() ? definition : syntaxRepository().definitionForName(QStringLiteral("SQL")));
}

QString SqlEditor::themeName() const
{
    return m_highlighter->theme().name();
}

namespace {
// The current statement's bar, at the gutter's left edge.
constexpr int MarkerWidth = 4;

// Following the desktop, we use a pair with coloured keywords: the library's default
// pick for a light palette (Breeze Light) sets SQL keywords in bold black.
constexpr QStringView FollowLightTheme = u"GitHub Light";
constexpr QStringView FollowDarkTheme = u"GitHub Dark";

bool isDark(const Theme &theme)
{
    return QColor::fromRgba(theme.editorColor(Theme::BackgroundColor)).lightness() < 128;
}
} // namespace

void SqlEditor::setThemePreference(const QString &name)
{
    m_themePreference = name;
    applyTheme();
}

Theme SqlEditor::chooseTheme() const
{
    const auto &repository = syntaxRepository();
    if (!m_themePreference.isEmpty()) {
        const Theme chosen = repository.theme(m_themePreference);
        if (chosen.isValid())
            return chosen;
    }
    // The application palette says whether the desktop is dark; our own palette is
    // derived from the theme, so it cannot be the input.
    const Theme fitting = repository.themeForPalette(QApplication::palette());
    const Theme preferred
        = repository.theme((isDark(fitting) ? FollowDarkTheme : FollowLightTheme).toString());
    return preferred.isValid() ? preferred : fitting;
}

void SqlEditor::applyTheme()
{
    const Theme theme = chooseTheme();
    if (theme.name() == m_highlighter->theme().name() && m_highlighter->theme().isValid())
        return; // re-highlighting a long script is costly; skip when nothing changes

    m_applyingTheme = true; // setPalette() below sends another PaletteChange
    QPalette pal = palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(Theme::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(Theme::Normal)));
    pal.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(Theme::TextSelection)));
    pal.setColor(QPalette::HighlightedText, QColor::fromRgba(theme.textColor(Theme::Normal)));
    setPalette(pal);
    m_applyingTheme = false;

    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
    highlightCurrentLine();
    m_lineNumberArea->update();
}

bool SqlEditor::event(QEvent *event)
{
    // A desktop switching to dark mode changes the application palette.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    return QPlainTextEdit::event(event);
}

void SqlEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_applyingTheme)
        applyTheme();
    QPlainTextEdit::changeEvent(event);
}

int SqlEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3); // the gutter does not jump while a script grows past 99 lines
    return 8 + MarkerWidth + fontMetrics().horizontalAdvance(u'9') * digits;
}

void SqlEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void SqlEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void SqlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void SqlEditor::highlightCurrentLine()
{
    const Theme theme = m_highlighter->theme();
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    line.format.setBackground(QColor::fromRgba(theme.editorColor(Theme::CurrentLine)));
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);
    for (const QTextCursor &match : std::as_const(m_searchMatches)) {
        QTextEdit::ExtraSelection found;
        found.format.setBackground(QColor::fromRgba(theme.editorColor(Theme::SearchHighlight)));
        found.cursor = match;
        selections.append(found);
    }
    // The bracket at the cursor and its match; a bracket without one is marked as an error.
    const auto [at, match] = matchingBrackets();
    if (at >= 0) {
        const auto mark = [&](int position, bool matched) {
            QTextEdit::ExtraSelection bracket;
            bracket.format.setBackground(
                QColor::fromRgba(theme.editorColor(matched ? Theme::BracketMatching : Theme::MarkError)));
            bracket.format.setFontWeight(QFont::Bold);
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(position);
            bracket.cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
            selections.append(bracket);
        };
        mark(at, match >= 0);
        if (match >= 0)
            mark(match, true);
    }
    setExtraSelections(selections);
}

void SqlEditor::paintLineNumbers(QPaintEvent *event)
{
    const Theme theme = m_highlighter->theme();
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), QColor::fromRgba(theme.editorColor(Theme::IconBorder)));

    const int currentBlock = textCursor().blockNumber();
    const int width = m_lineNumberArea->width() - 4;
    const auto [markFirst, markLast] = statementMarkerLines();
    const QColor markColor = QColor::fromRgba(theme.editorColor(Theme::MarkBookmark));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            if (block.blockNumber() >= markFirst && block.blockNumber() <= markLast)
                painter.fillRect(QRect(0, top, MarkerWidth, bottom - top), markColor);
            const bool current = block.blockNumber() == currentBlock;
            painter.setPen(
                QColor::fromRgba(theme.editorColor(current ? Theme::CurrentLineNumber : Theme::LineNumbers)));
            QFont f = font();
            f.setBold(current);
            painter.setFont(f);
            // On the first line's baseline: a line with CJK text is taller than a Latin one.
            const QTextLine line = block.layout()->lineCount() > 0 ? block.layout()->lineAt(0) : QTextLine();
            const qreal baseline = top + (line.isValid() ? line.y() + line.ascent() : fontMetrics().ascent());
            const QString number = QString::number(block.blockNumber() + 1);
            painter.drawText(QPointF(width - painter.fontMetrics().horizontalAdvance(number), baseline),
                             number);
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace JobDeck
