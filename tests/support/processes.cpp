#include "support/processes.h"

#include "support/isolatedhome.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace JobDeck::Test {

namespace {

bool alive(qint64 pid)
{
    // A zombie still answers kill(0); its /proc entry says it has ended.
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

} // namespace

QList<qint64> processesMentioning(const QString &text)
{
    QList<qint64> found;
    if (text.isEmpty())
        return found;
    const QByteArray needle = QFile::encodeName(text);
    const qint64 self = ::getpid();
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == self)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue; // gone, or another user's
        const QList<QByteArray> arguments = cmdline.readAll().split('\0');
        for (const QByteArray &argument : arguments) {
            if (argument.contains(needle)) {
                if (alive(pid))
                    found.append(pid);
                break;
            }
        }
    }
    return found;
}

int endProcessesMentioning(const QString &text, int graceMs)
{
    const QList<qint64> pids = processesMentioning(text);
    for (qint64 pid : pids)
        ::kill(pid_t(pid), SIGTERM);
    QElapsedTimer waited;
    waited.start();
    auto anyAlive = [&pids] {
        return std::any_of(pids.cbegin(), pids.cend(), alive);
    };
    while (anyAlive() && waited.elapsed() < graceMs)
        QThread::msleep(20);
    for (qint64 pid : pids) {
        if (alive(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
    return int(pids.size());
}

int endLocalServers()
{
    return endProcessesMentioning(isolatedHome() + u'/');
}

} // namespace JobDeck::Test
