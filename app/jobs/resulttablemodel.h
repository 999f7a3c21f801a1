#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace JobDeck {

// One page of a result set, for a table view: column names and rows of text cells.
class ResultTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTableModel)

public:
    explicit ResultTableModel(QStringList columns, QList<QStringList> rows, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
};

} // namespace JobDeck
