#pragma once

#include <QWidget>

class QLabel;

namespace JobDeck {

// What a panel shows while it has nothing to show: a title and a line that tells the user
// what to do to fill it. Texts are set by the owner, which retranslates them.
class EmptyState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setTexts(const QString &title, const QString &hint);
    QString title() const;
    QString hint() const;

private:
    QLabel *m_title;
    QLabel *m_hint;
};

} // namespace JobDeck
