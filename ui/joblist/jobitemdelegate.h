#pragma once

#include <QStyledItemDelegate>

namespace JobDeck {

// Paints the job list's cells that are more than text: the state with its symbol (shape and
// colour, JobStateStyle) before its name, and the progress as a bar in its cell, from the raw
// roles (StateRole, ProgressRole). Colours come from the view's palette, so dark mode reads.
class JobItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobItemDelegate)

public:
    explicit JobItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintProgress(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace JobDeck
