#include "backends/local/localserverfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>

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
    // The token is a secret: the file is born readable by its owner only (never a moment
    // with wider permissions), then renamed over the old one so readers see it whole.
    const QString temporary = path + u".tmp" + QString::number(QCoreApplication::applicationPid());
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        return file.errorString();
    const QJsonObject object{{QStringLiteral("url"), url.toString()},
                             {QStringLiteral("user"), user},
                             {QStringLiteral("token"), token},
                             {QStringLiteral("pid"), pid}};
    const QByteArray bytes = QJsonDocument(object).toJson();
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    file.close();
    if (!written
        || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return QCoreApplication::translate("LocalServer", "cannot write %1").arg(path);
    }
    return {};
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
