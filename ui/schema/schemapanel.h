#pragma once

#include "common/panel.h"

namespace JobDeck {

class Console;
class SchemaBrowser;
class SchemaRegistry;

// The Schema dock: the databases, tables and columns of the connection the editor's scripts
// go to (the console's target connection, the toolbar's "Run on"), or an empty state that
// says why there are none. Names go into the script (insertTextRequested(), or dragged);
// previews and DDL run as jobs on that connection (or as a Kylin query).
class SchemaPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaPanel)

public:
    SchemaPanel(Console *console, SchemaRegistry *registry, QWidget *parent = nullptr);

    SchemaBrowser *browser() const { return m_browser; }
    // The connection shown (the target connection).
    QString connection() const { return m_connection; }

    // Runs `sql` on the shown connection for its rows, as its SQL engine runs statements.
    void run(const QString &sql);

Q_SIGNALS:
    void insertTextRequested(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void follow();
    void retranslateUi();

    Console *m_console;
    SchemaRegistry *m_registry;
    SchemaBrowser *m_browser;
    QString m_connection;
};

} // namespace JobDeck
