#include "editor/sqleditor.h"

#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
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
}

SqlEditor::~SqlEditor() = default;

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
    return 8 + fontMetrics().horizontalAdvance(u'9') * digits;
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
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor::fromRgba(m_highlighter->theme().editorColor(Theme::CurrentLine)));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = textCursor();
    selection.cursor.clearSelection();
    setExtraSelections({selection});
}

void SqlEditor::paintLineNumbers(QPaintEvent *event)
{
    const Theme theme = m_highlighter->theme();
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), QColor::fromRgba(theme.editorColor(Theme::IconBorder)));

    const int currentBlock = textCursor().blockNumber();
    const int width = m_lineNumberArea->width() - 4;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
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
