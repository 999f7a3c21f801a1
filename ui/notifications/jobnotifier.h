#pragma once

#include "jobs/job.h"
#include "jobs/jobkey.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace JobDeck {

class Console;

// Tells the desktop when a job submitted or followed from this console ends: its state,
// name and duration, with an action that brings the window up with that job selected.
// Through KNotifications (the freedesktop notification service on Linux). Nothing is said
// for the job the user is looking at in the active window, nor when the user turned it off.
class JobNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobNotifier)

public:
    static constexpr auto EnabledKey = "notifications/jobEnded";

    JobNotifier(Console *console, QWidget *window);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    // The title and text of the notification for `job` (tests compare them).
    static QString titleFor(const Job &job);
    static QString textFor(const Job &job, const QString &connection);

Q_SIGNALS:
    // The user chose the notification's action: the window should come up with `key` shown.
    void showJobRequested(const JobDeck::JobKey &key);

private:
    void notify(const JobKey &key, const Job &job);
    static void installEventConfig();

    Console *m_console;
    QPointer<QWidget> m_window;
    bool m_enabled = true;
};

} // namespace JobDeck
