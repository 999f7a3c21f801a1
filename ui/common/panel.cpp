#include "common/panel.h"

#include "common/emptystate.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace JobDeck {

Panel::Panel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(m_stack))
{
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void Panel::setView(QWidget *view)
{
    while (m_stack->count() > 1)
        m_stack->removeWidget(m_stack->widget(1));
    m_stack->addWidget(view);
}

void Panel::showView(bool shown)
{
    m_stack->setCurrentIndex(shown && m_stack->count() > 1 ? 1 : 0);
}

bool Panel::isShowingView() const
{
    return m_stack->currentIndex() == 1;
}

} // namespace JobDeck
