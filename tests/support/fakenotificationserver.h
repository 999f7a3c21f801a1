#pragma once

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QVariantMap>

namespace JobDeck::Test {

// A desktop notification service (org.freedesktop.Notifications) for tests: it runs in a
// thread of its own with its own connection to the session bus (a private one: see
// support/with-dbus.sh), records every notification it is sent, and can "click" one.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeNotificationServer)

public:
    struct Notification
    {
        uint id = 0;
        QString appName;
        QString summary;
        QString body;
        QStringList actions; // key, label, key, label...
        QVariantMap hints;
    };

    FakeNotificationServer();
    ~FakeNotificationServer() override;

    // False when the service name could not be taken (no session bus, or another owner).
    bool isRegistered() const { return m_registered; }
    QList<Notification> notifications() const;
    // The user clicks the action `key` ("default": the notification itself) of `id`.
    void invokeAction(uint id, const QString &key);

private:
    class Service;
    QThread m_thread;
    Service *m_service = nullptr;
    bool m_registered = false;
};

} // namespace JobDeck::Test
