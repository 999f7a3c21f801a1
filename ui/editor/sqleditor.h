#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace JobDeck {

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

protected:
    bool event(QEvent *event) override;
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

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QWidget *m_lineNumberArea;
    QString m_themePreference;
    bool m_applyingTheme = false;
};

} // namespace JobDeck
