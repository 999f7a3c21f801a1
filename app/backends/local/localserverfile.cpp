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

bool LocalServerInfo::processAlive() const
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
#else
    return pid > 0;
#endif
}

} // namespace JobDeck
