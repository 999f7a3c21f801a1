#pragma once

#include <QPlainTextEdit>
#include <QPointer>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

class QCompleter;
class QStandardItemModel;

namespace JobDeck {

class CompletionProvider;

// The script editor: SQL highlighting from KSyntaxHighlighting, a theme that follows the
// palette (dark desktops get a dark theme), line numbers and the current line marked.
class SqlEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlEditor)

public:
    explicit SqlEditor(QWidget *parent = nullptr);
    ~SqlEditor() override;

    // The KSyntaxHighlighting definition in use ("SQL" by default).
    QString syntaxName() const;
    void setSyntaxName(const QString &name);
    // The KSyntaxHighlighting theme in use.
    QString themeName() const;
    // A theme's name, or empty to follow the desktop (a dark theme on a dark palette).
    void setThemePreference(const QString &name);
    QString themePreference() const { return m_themePreference; }

    int lineNumberAreaWidth() const;

    // The statement that Run Statement would run, marked by a bar in the gutter beside its
    // lines: offsets into the text; an empty range clears the mark.
    void setStatementMarker(int start, int end);
    int statementMarkerStart() const { return m_markerStart; }
    int statementMarkerEnd() const { return m_markerEnd; }
    // The first and last line (0-based) the marker covers; -1 when there is none.
    std::pair<int, int> statementMarkerLines() const;

    // Puts (or takes away, when every line has it) `prefix` at the start of the lines of
    // the selection, or of the cursor's line: the dialect's line comment.
    void toggleLineComment(const QString &prefix);
    // Moves the lines of the selection (or the cursor's line) one indentation step right or left.
    void indentLines();
    void unindentLines();
    // Text size steps from the font the editor started with; 0 is that font.
    void zoomBy(int steps);
    void resetZoom() { zoomBy(-m_zoom); }
    int zoom() const { return m_zoom; }
    // The positions of the bracket next to the cursor and of its match, or -1s.
    std::pair<int, int> matchingBrackets() const;

    // The find bar's matches, marked with the theme's search colour.
    void setSearchMatches(const QList<QTextCursor> &matches);

    // Completion while typing: the providers are asked in order, their proposals merged.
    void setCompletionProviders(const QList<CompletionProvider *> &providers);
    QCompleter *completer() const { return m_completer; }
    // Shows the proposals for the word before the cursor (also on Ctrl+Space).
    void showCompletions();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    KSyntaxHighlighting::Theme chooseTheme() const;
    void applyTheme();
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void highlightCurrentLine();
    void insertCompletion(const QString &text);
    QString wordBeforeCursor() const;

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QWidget *m_lineNumberArea;
    QString m_themePreference;
    bool m_applyingTheme = false;
    int m_markerStart = 0;
    int m_markerEnd = 0;
    int m_zoom = 0;
    QList<QTextCursor> m_searchMatches;
    QCompleter *m_completer;
    QStandardItemModel *m_completionModel;
    QList<QPointer<CompletionProvider>> m_providers;
    // Where completion was asked for and nothing was known yet: when a provider's background
    // fetch lands while the cursor is still there, the popup opens then.
    int m_completionWaitingAt = -1;
};

} // namespace JobDeck
