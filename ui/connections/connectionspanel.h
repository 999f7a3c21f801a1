#pragma once

#include "session/session.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace JobDeck {

class Console;
class ConnectionDialog;

// The open connections, each with its own state: Local and every connected profile. A
// server that is down, a password rejected, a session pushed out shows on that connection's
// row; the others go on. From here a saved profile is connected (its secret read from the
// keychain, or asked for), a failed one connected again, an open one closed.
class ConnectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPanel)

public:
    explicit ConnectionsPanel(Console *console, QWidget *parent = nullptr);

    // The toolbar's selector of the connection the editor's scripts go to ("Run on").
    QComboBox *selector() const { return m_selector; }
    QTreeWidget *list() const { return m_list; }
    // Opens the Connections dialog (not modal) and returns it.
    ConnectionDialog *showConnectionsDialog();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillSelector();
    void updateRow(const QString &connection);
    void removeRow(const QString &connection);
    QTreeWidgetItem *rowOf(const QString &connection) const;
    void askSecret(const ConnectionProfile &profile, const QString &keychainProblem);
    void showRowMenu(const QPoint &position);

    Console *m_console;
    QComboBox *m_selector;
    QTreeWidget *m_list;
    QToolButton *m_connectButton;
    QPointer<ConnectionDialog> m_dialog;
    QHash<QString, QString> m_messages; // the last state message of each connection
};

} // namespace JobDeck
