#include "support/isolatedhome.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

namespace JobDeck::Test {

namespace {

// Set up before main() so that QSettings and QStandardPaths read the variables from
// the start. The object lives until exit, which removes the folder.
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
