#pragma once

#include <QWidget>

class QStackedWidget;

namespace JobDeck {

class EmptyState;

// A dock's content: the view, or, while there is nothing to show, an empty state that
// tells the user what to do to fill it. Each panel of the console derives from it.
class Panel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Panel)

public:
    explicit Panel(QWidget *parent = nullptr);

    EmptyState *emptyState() const { return m_empty; }
    bool isShowingView() const;

protected:
    void setView(QWidget *view);
    void showView(bool shown);

private:
    QStackedWidget *m_stack;
    EmptyState *m_empty;
};

} // namespace JobDeck
