#include "support/fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMetaObject>
#include <QMutexLocker>

namespace JobDeck::Test {

namespace {
constexpr auto ServiceName = "org.freedesktop.Notifications";
constexpr auto ObjectPath = "/org/freedesktop/Notifications";
constexpr auto ConnectionName = "jobdeck-fake-notifications";
} // namespace

// Lives in the server's thread; its slots are the D-Bus methods of the specification.
class FakeNotificationServer::Service final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    mutable QMutex mutex;
    QList<Notification> received;
    uint nextId = 1;

    bool start()
    {
        QDBusConnection bus
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QLatin1StringView(ConnectionName));
        return bus.isConnected()
               && bus.registerObject(QLatin1StringView(ObjectPath), this, QDBusConnection::ExportAllSlots)
               && bus.registerService(QLatin1StringView(ServiceName));
    }

    void stop()
    {
        QDBusConnection bus{QString(QLatin1StringView(ConnectionName))};
        bus.unregisterService(QLatin1StringView(ServiceName));
        bus.unregisterObject(QLatin1StringView(ObjectPath));
        QDBusConnection::disconnectFromBus(QLatin1StringView(ConnectionName));
    }

    void emitAction(uint id, const QString &key)
    {
        QDBusMessage signal = QDBusMessage::createSignal(
            QLatin1StringView(ObjectPath), QLatin1StringView(ServiceName), QStringLiteral("ActionInvoked"));
        signal << id << key;
        QDBusConnection(QLatin1StringView(ConnectionName)).send(signal);
    }

public Q_SLOTS:
    QStringList GetCapabilities() const
    {
        return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")};
    }

    uint Notify(const QString &appName,
                uint replacesId,
                const QString &appIcon,
                const QString &summary,
                const QString &body,
                const QStringList &actions,
                const QVariantMap &hints,
                int expireTimeout)
    {
        Q_UNUSED(appIcon);
        Q_UNUSED(expireTimeout);
        QMutexLocker lock(&mutex);
        const uint id = replacesId ? replacesId : nextId++;
        received << Notification{id, appName, summary, body, actions, hints};
        return id;
    }

    void CloseNotification(uint id) { Q_UNUSED(id); }

    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
    {
        vendor = QStringLiteral("JobDeck tests");
        version = QStringLiteral("1.0");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("jobdeck-fake-notifications");
    }
};

FakeNotificationServer::FakeNotificationServer()
{
    m_thread.setObjectName(QStringLiteral("fake-notifications"));
    m_thread.start();
    m_service = new Service;
    m_service->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_service, [this] { m_registered = m_service->start(); }, Qt::BlockingQueuedConnection);
}

FakeNotificationServer::~FakeNotificationServer()
{
    QMetaObject::invokeMethod(
        m_service,
        [this] {
            m_service->stop();
            delete m_service;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QList<FakeNotificationServer::Notification> FakeNotificationServer::notifications() const
{
    QMutexLocker lock(&m_service->mutex);
    return m_service->received;
}

void FakeNotificationServer::invokeAction(uint id, const QString &key)
{
    QMetaObject::invokeMethod(m_service, [this, id, key] { m_service->emitAction(id, key); });
}

} // namespace JobDeck::Test

#include "fakenotificationserver.moc"
