#include "connections/connectionspanel.h"

#include "connections/connectiondialog.h"
#include "connections/connectionstate.h"
#include "connections/passworddialog.h"
#include "console/console.h"
#include "profiles/profilestore.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace JobDeck {

namespace {
constexpr int ConnectionRole = Qt::UserRole + 1;
// The selector's entries that are not open connections.
constexpr auto ConnectPrefix = "\x01connect:";
constexpr auto ManageEntry = "\x01manage";
} // namespace

ConnectionsPanel::ConnectionsPanel(Console *console, QWidget *parent)
    : QWidget(parent)
    , m_console(console)
    , m_selector(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_connectButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("connectionsPanel"));
    m_selector->setObjectName(QStringLiteral("connectionCombo"));
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_selector->setMinimumContentsLength(12);
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setColumnCount(2);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setPopupMode(QToolButton::InstantPopup);
    m_connectButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_connectButton->setMenu(new QMenu(m_connectButton));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_connectButton, 0, Qt::AlignLeft);

    connect(m_connectButton->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_connectButton->menu();
        menu->clear();
        const QStringList names = ProfileStore::names();
        for (const QString &name : names) {
            QAction *action = menu->addAction(name, this, [this, name] { m_console->openProfile(name); });
            action->setEnabled(!m_console->isOpen(name));
        }
        if (!names.isEmpty())
            menu->addSeparator();
        menu->addAction(tr("Manage Connections…"), this, [this] { showConnectionsDialog(); });
    });
    connect(m_selector, &QComboBox::activated, this, [this](int index) {
        const QString entry = m_selector->itemData(index).toString();
        if (entry == QLatin1StringView(ManageEntry)) {
            fillSelector(); // back to the target while the dialog is open
            showConnectionsDialog();
        } else if (entry.startsWith(QLatin1StringView(ConnectPrefix))) {
            fillSelector();
            m_console->openProfile(entry.mid(qsizetype(qstrlen(ConnectPrefix))));
        } else {
            m_console->setTargetConnection(entry);
        }
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        m_console->setTargetConnection(item->data(0, ConnectionRole).toString());
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, &ConnectionsPanel::showRowMenu);

    connect(m_console, &Console::connectionAdded, this, [this](const QString &connection) {
        updateRow(connection);
        fillSelector();
    });
    connect(m_console, &Console::connectionRemoved, this, [this](const QString &connection) {
        removeRow(connection);
        fillSelector();
    });
    connect(m_console,
            &Console::connectionStateChanged,
            this,
            [this](const QString &connection, Session::State, const QString &message) {
                m_messages.insert(connection, message);
                updateRow(connection);
                fillSelector();
            });
    connect(m_console, &Console::targetConnectionChanged, this, [this] {
        fillSelector();
        for (const QString &connection : m_console->connections())
            updateRow(connection);
    });
    connect(m_console, &Console::secretNeeded, this, &ConnectionsPanel::askSecret);
    connect(m_console->profiles(), &ProfileStore::changed, this, &ConnectionsPanel::fillSelector);
    for (const QString &connection : m_console->connections())
        updateRow(connection);
    retranslateUi();
}

void ConnectionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConnectionsPanel::retranslateUi()
{
    m_list->setHeaderLabels({tr("Connection"), tr("State")});
    m_selector->setToolTip(tr("Where the editor's scripts run"));
    m_connectButton->setText(tr("Connect ▾"));
    m_connectButton->setToolTip(tr("Open a saved connection beside the ones already open"));
    for (const QString &connection : m_console->connections())
        updateRow(connection);
    fillSelector();
}

QTreeWidgetItem *ConnectionsPanel::rowOf(const QString &connection) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, ConnectionRole).toString() == connection)
            return m_list->topLevelItem(i);
    }
    return nullptr;
}

void ConnectionsPanel::updateRow(const QString &connection)
{
    Session *session = m_console->session(connection);
    if (!session)
        return;
    QTreeWidgetItem *item = rowOf(connection);
    if (!item) {
        item = new QTreeWidgetItem(m_list);
        item->setData(0, ConnectionRole, connection);
    }
    const bool target = m_console->targetConnection() == connection;
    QFont font = item->font(0);
    font.setBold(target);
    item->setFont(0, font);
    item->setText(0, session->displayName());
    item->setToolTip(
        0,
        target ? tr("%1: the editor's scripts run here").arg(session->displayName())
               : tr("%1: double-click to run the editor's scripts here").arg(session->displayName()));
    item->setIcon(1, connectionStateIcon(session->state(), palette()));
    item->setText(1, connectionStateText(session->state()));
    const QString message = m_messages.value(connection);
    item->setToolTip(1, message.isEmpty() ? connectionStateText(session->state()) : message);
}

void ConnectionsPanel::removeRow(const QString &connection)
{
    delete rowOf(connection);
    m_messages.remove(connection);
}

void ConnectionsPanel::fillSelector()
{
    const QSignalBlocker blocker(m_selector);
    m_selector->clear();
    const QString target = m_console->targetConnection();
    for (Session *session : m_console->sessions()) {
        const QString connection = Console::connectionId(session);
        m_selector->addItem(
            connectionStateIcon(session->state(), palette()), session->displayName(), connection);
        const QString message = m_messages.value(connection);
        m_selector->setItemData(m_selector->count() - 1,
                                session->isLocal() ? tr("The local job server on this computer")
                                                   : (message.isEmpty() ? session->displayName() : message),
                                Qt::ToolTipRole);
    }
    const QStringList names = ProfileStore::names();
    bool separated = false;
    for (const QString &name : names) {
        if (m_console->isOpen(name))
            continue;
        if (!separated) {
            m_selector->insertSeparator(m_selector->count());
            separated = true;
        }
        m_selector->addItem(tr("Connect to %1…").arg(name), QString(QLatin1StringView(ConnectPrefix) + name));
    }
    m_selector->insertSeparator(m_selector->count());
    m_selector->addItem(tr("Manage Connections…"), QLatin1StringView(ManageEntry));
    // Nothing open, nothing chosen: never a "Connect to…" entry that looks chosen.
    m_selector->setCurrentIndex(target.isEmpty() ? -1 : m_selector->findData(target));
}

void ConnectionsPanel::showRowMenu(const QPoint &position)
{
    QTreeWidgetItem *item = m_list->itemAt(position);
    if (!item)
        return;
    const QString connection = item->data(0, ConnectionRole).toString();
    Session *session = m_console->session(connection);
    if (!session)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("connectionMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(
        tr("Run Scripts Here"), this, [this, connection] { m_console->setTargetConnection(connection); });
    QAction *again = menu->addAction(tr("Connect Again"), this, [this, connection] {
        if (Session *s = m_console->session(connection))
            s->start();
    });
    again->setEnabled(session->state() == Session::State::Failed || session->state() == Session::State::Lost);
    if (!session->isLocal())
        menu->addAction(
            tr("Close Connection"), this, [this, connection] { m_console->closeConnection(connection); });
    menu->popup(m_list->viewport()->mapToGlobal(position));
}

void ConnectionsPanel::askSecret(const ConnectionProfile &profile, const QString &keychainProblem)
{
    auto *dialog = new PasswordDialog(profile, keychainProblem, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &QDialog::accepted, this, [this, dialog, withSecret = ConnectionProfile(profile)]() mutable {
            withSecret.secret = dialog->secret();
            m_console->openProfile(withSecret, dialog->remember());
        });
    dialog->open();
}

ConnectionDialog *ConnectionsPanel::showConnectionsDialog()
{
    if (!m_dialog) {
        m_dialog = new ConnectionDialog(m_console->profiles(), window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        // It opens on the connection in use; once open, it keeps what the user is editing.
        if (Session *target = m_console->targetSession(); target && !target->isLocal())
            m_dialog->selectProfile(target->profileName());
    }
    m_dialog->setLanguage(m_console->language());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace JobDeck
