#include "backends/local/localserverfile.h"

#include "core/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace JobDeck {

QString LocalServerInfo::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir + u"/jobdeck/server.json";
}

std::optional<LocalServerInfo> LocalServerInfo::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("LocalServer", "cannot read %1: %2")
                         .arg(path, file.errorString());
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    LocalServerInfo info;
    info.url = QUrl(object.value(QLatin1StringView("url")).toString());
    info.user = object.value(QLatin1StringView("user")).toString();
    info.token = object.value(QLatin1StringView("token")).toString();
    info.pid = object.value(QLatin1StringView("pid")).toInteger();
    if (!info.url.isValid() || info.user.isEmpty() || info.token.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("LocalServer", "%1 is not a jobdeck-server runtime file")
                         .arg(path);
        return std::nullopt;
    }
    return info;
}

QString LocalServerInfo::write(const QString &path) const
{
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir))
        return QCoreApplication::translate("LocalServer", "cannot create %1").arg(dir);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QJsonObject object{{QStringLiteral("url"), url.toString()},
                             {QStringLiteral("user"), user},
                             {QStringLiteral("token"), token},
                             {QStringLiteral("pid"), pid}};
    return writePrivateFile(path, QJsonDocument(object).toJson()); // the token is a secret
}

QString LocalServerHolder::path(const QString &dataDir)
{
    return dataDir + u"/server.holder.json";
}

std::optional<LocalServerHolder> LocalServerHolder::read(const QString &dataDir)
{
    QFile file(path(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    LocalServerHolder holder;
    holder.pid = object.value(QLatin1StringView("pid")).toInteger();
    holder.url = QUrl(object.value(QLatin1StringView("url")).toString());
    holder.runtimeFile = object.value(QLatin1StringView("runtimeFile")).toString();
    if (holder.pid <= 0 || !holder.url.isValid())
        return std::nullopt;
    return holder;
}

QString LocalServerHolder::write(const QString &dataDir) const
{
    const QJsonObject object{{QStringLiteral("pid"), pid},
                             {QStringLiteral("url"), url.toString()},
                             {QStringLiteral("runtimeFile"), runtimeFile}};
    return writePrivateFile(path(dataDir), QJsonDocument(object).toJson());
}

void LocalServerHolder::remove(const QString &dataDir, qint64 pid)
{
    if (const auto holder = read(dataDir); holder && holder->pid == pid)
        QFile::remove(path(dataDir));
}

QString LocalServerHolder::busyMessage(const QString &dataDir, qint64 lockPid)
{
    const std::optional<LocalServerHolder> holder = read(dataDir);
    if (!holder || holder->pid != lockPid) {
        // Starting, or from a version that did not say where it listens.
        return QCoreApplication::translate(
                   "LocalServer",
                   "another jobdeck-server (process %1) already serves %2; stop it, or give this one "
                   "another --data-dir")
            .arg(lockPid)
            .arg(dataDir);
    }
    // The default runtime file is XDG_RUNTIME_DIR/jobdeck/server.json: then the holder's
    // clients are the programs run with that XDG_RUNTIME_DIR.
    const QFileInfo runtime(holder->runtimeFile);
    const QString url = holder->url.toString();
    QString reach;
    if (holder->runtimeFile.isEmpty()) {
        reach = QCoreApplication::translate(
                    "LocalServer",
                    "It hands its token to no client (it runs without a runtime file): connect to %1 "
                    "with a user's password.")
                    .arg(url);
    } else if (runtime.fileName() == u"server.json" && runtime.dir().dirName() == u"jobdeck") {
        QDir runtimeDir = runtime.dir();
        runtimeDir.cdUp();
        reach = QCoreApplication::translate(
                    "LocalServer",
                    "Programs started with XDG_RUNTIME_DIR=%1 find it by themselves; from elsewhere, "
                    "connect to %2 with the token in %3 (jobdeck-cli --backend local --url %2, the "
                    "token in JOBDECK_TOKEN).")
                    .arg(runtimeDir.path(), url, holder->runtimeFile);
    } else {
        reach = QCoreApplication::translate(
                    "LocalServer",
                    "Connect to %1 with the token in %2 (jobdeck-cli --backend local --url %1, the token "
                    "in JOBDECK_TOKEN).")
                    .arg(url, holder->runtimeFile);
    }
    return QCoreApplication::translate(
               "LocalServer",
               "another jobdeck-server (process %1, listening on %2) already serves %3. %4 To run a "
               "second server, give it another --data-dir.")
        .arg(QString::number(lockPid), url, dataDir, reach);
}

bool LocalServerInfo::processAlive() const
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
#else
    return pid > 0;
#endif
}

} // namespace JobDeck
