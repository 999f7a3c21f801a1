#include "support/isolatedhome.h"

#include "support/processes.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace JobDeck::Test {

namespace {

// Set up before main() so that QSettings and QStandardPaths read the variables from
// the start. The object lives until exit, which removes the folder; a process still
// running there then (a jobdeck-server the test did not stop) is ended and fails the test,
// since in a parallel run such leaks outlive the test and hold its folder.
struct Home
{
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/jobdeck-test-XXXXXX")};

    Home()
    {
        const QString root = dir.path();
        for (const char *sub : {"config", "data", "cache", "state", "runtime"})
            QDir(root).mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(root + u"/runtime", QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("HOME", root.toUtf8());
        qputenv("XDG_CONFIG_HOME", (root + u"/config").toUtf8());
        qputenv("XDG_DATA_HOME", (root + u"/data").toUtf8());
        qputenv("XDG_CACHE_HOME", (root + u"/cache").toUtf8());
        qputenv("XDG_STATE_HOME", (root + u"/state").toUtf8());
        qputenv("XDG_RUNTIME_DIR", (root + u"/runtime").toUtf8());
    }

    ~Home()
    {
        const QString inside = dir.path() + u'/';
        const QList<qint64> left = processesMentioning(inside);
        if (left.isEmpty())
            return;
        QStringList pids;
        for (qint64 pid : left)
            pids.append(QString::number(pid));
        std::fprintf(stderr,
                     "FAIL!  : the test left %d process(es) running in its home %s (pid %s); ended them\n",
                     int(left.size()),
                     qPrintable(dir.path()),
                     qPrintable(pids.join(u", ")));
        endProcessesMentioning(inside);
        dir.remove();
        std::fflush(stderr);
        std::_Exit(EXIT_FAILURE);
    }
};

Home &home()
{
    static Home instance;
    return instance;
}

void isolateAtStartup()
{
    home();
}
Q_CONSTRUCTOR_FUNCTION(isolateAtStartup)

} // namespace

QString isolatedHome()
{
    return home().dir.path();
}

} // namespace JobDeck::Test
