#pragma once

#include "lineage/lineagegraph.h"

#include <QFutureWatcher>
#include <QWidget>

#include <expected>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace JobDeck {

class LineageView;

// The Lineage panel: an SQLFlow job's lineage as a graph. It reads the JSON and lays it out off
// the GUI thread (SQLFlow's own positions where the answer has them, else Graphviz), then
// shows it with search, fit, zoom, a table-to-table mode and an export to PNG or SVG.
class LineagePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineagePanel)

public:
    explicit LineagePanel(QWidget *parent = nullptr);
    ~LineagePanel() override;

    void setLineage(const QString &jobId, const QByteArray &json);
    void clear();
    QString jobId() const { return m_jobId; }
    bool isEmpty() const;
    bool isBusy() const;
    LineageView *view() const { return m_view; }
    QString statusText() const;
    // Writes the picture: SVG when `path` ends in .svg, else PNG; false (and the reason in
    // statusText()) when it could not.
    bool exportImage(const QString &path);

Q_SIGNALS:
    // The lineage is laid out and shown (or could not be: statusText() says why).
    void ready(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    using Outcome = std::expected<LineageGraph, QString>;
    void laidOut();
    void retranslateUi();
    void updateStatus();
    void chooseExport();

    QString m_jobId;
    QString m_error;
    quint64 m_generation = 0;
    QFutureWatcher<Outcome> *m_watcher;
    LineageView *m_view;
    QLineEdit *m_search;
    QToolButton *m_fit;
    QCheckBox *m_tables;
    QToolButton *m_export;
    QLabel *m_status;
    int m_matches = -1;
};

} // namespace JobDeck
