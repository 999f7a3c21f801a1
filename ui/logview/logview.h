#pragma once

#include <QPlainTextEdit>

namespace JobDeck {

// The log of the selected job: read-only plain text, no wrapping and no undo, appended in
// whole chunks (Qt Creator's output-pane practice), following the end unless the user has
// scrolled up to read.
class LogView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);

    void showLines(const QStringList &lines);
    void appendLines(const QStringList &lines);
};

} // namespace JobDeck
