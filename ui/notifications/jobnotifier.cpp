#include "notifications/jobnotifier.h"

#include "console/console.h"
#include "jobs/jobstate.h"

#include <KNotification>

#include <QDir>
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
#include <QDBusConnection>
#endif
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace JobDeck {

namespace {

constexpr auto ComponentName = "jobdeck";

QString durationText(const Job &job)
{
    qint64 ms = job.durationMs;
    if (ms < 0 && job.started.isValid() && job.ended.isValid())
        ms = job.started.msecsTo(job.ended);
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    if (s < 60)
        return JobNotifier::tr("%n s", nullptr, int(s));
    if (s < 3600)
        return JobNotifier::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return JobNotifier::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

JobNotifier::JobNotifier(Console *console, QWidget *window)
    : QObject(window)
    , m_console(console)
    , m_window(window)
    , m_enabled(QSettings().value(QLatin1StringView(EnabledKey), true).toBool())
{
    installEventConfig();
    connect(m_console, &Console::jobEnded, this, &JobNotifier::notify);
}

void JobNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    QSettings().setValue(QLatin1StringView(EnabledKey), enabled);
}

// KNotifications reads the application's events from knotifications6/jobdeck.notifyrc in
// the data folders. An installed JobDeck has it there; one run from its build folder puts
// its copy in the user's data folder, so notifications work without an install step.
void JobNotifier::installEventConfig()
{
    const QString relative = QStringLiteral("knotifications6/jobdeck.notifyrc");
    QFile bundled(QStringLiteral(":/jobdeck/notifications/jobdeck.notifyrc"));
    if (!bundled.open(QIODevice::ReadOnly))
        return;
    const QByteArray config = bundled.readAll();
    const QString found = QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
    if (!found.isEmpty()) {
        QFile existing(found);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == config)
            return;
        if (!found.startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)))
            return; // an installed copy (of another version): the installation's own wins
    }
    const QString path
        = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/' + relative;
    QDir().mkpath(QFileInfo(path).path());
    QFile out(path);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(config);
}

QString JobNotifier::titleFor(const Job &job)
{
    const QString name = job.name.isEmpty() ? job.id : job.name;
    switch (job.state) {
    case JobState::Succeeded:
        return tr("Job succeeded: %1").arg(name);
    case JobState::Cancelled:
        return tr("Job cancelled: %1").arg(name);
    case JobState::Failed:
        return tr("Job failed: %1").arg(name);
    default:
        return tr("Job ended: %1").arg(name);
    }
}

QString JobNotifier::textFor(const Job &job, const QString &connection)
{
    const QString duration = durationText(job);
    QString text = duration.isEmpty()
                       ? tr("%1 on %2").arg(jobStateDisplayName(job.state), connection)
                       : tr("%1 on %2 after %3").arg(jobStateDisplayName(job.state), connection, duration);
    if (job.state == JobState::Failed && !job.errorMessage.isEmpty())
        text += u'\n' + job.errorMessage.left(300);
    return text;
}

void JobNotifier::notify(const JobKey &key, const Job &job)
{
    if (!m_enabled)
        return;
    if (m_window && m_window->isActiveWindow() && m_console->currentJob() == key)
        return; // the user is watching it end
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // Without a session bus there is no notification service to tell, and KNotifications
    // would keep a D-Bus call watcher for an answer that never comes.
    if (!QDBusConnection::sessionBus().isConnected())
        return;
#endif
    const bool good = job.state == JobState::Succeeded;
    auto *notification
        = new KNotification(good ? QStringLiteral("jobSucceeded") : QStringLiteral("jobFailed"),
                            KNotification::CloseOnTimeout,
                            this);
    notification->setComponentName(QLatin1StringView(ComponentName));
    notification->setTitle(titleFor(job));
    notification->setText(textFor(job, m_console->displayName(key.connection)).toHtmlEscaped());
    notification->setIconName(good ? QStringLiteral("dialog-information") : QStringLiteral("dialog-error"));
    if (m_window)
        notification->setWindow(m_window->windowHandle());
    const auto show = [this, key] {
        m_console->setCurrentJob(key);
        Q_EMIT showJobRequested(key);
    };
    connect(notification->addDefaultAction(tr("Show Job")), &KNotificationAction::activated, this, show);
    connect(notification->addAction(tr("Show Job")), &KNotificationAction::activated, this, show);
    notification->sendEvent();
}

} // namespace JobDeck
