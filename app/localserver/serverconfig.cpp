#include "localserver/serverconfig.h"

#include "core/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cstdio>

namespace JobDeck::Local {

namespace {
constexpr int Iterations = 120000;

QString tr(const char *text)
{
    return QCoreApplication::translate("jobdeck-server", text);
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

// Compares in time independent of where the first difference is.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}
} // namespace

QString randomSecret(int bytes)
{
    return QString::fromLatin1(
        randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

PasswordHash PasswordHash::make(const QString &password)
{
    PasswordHash result;
    result.salt = randomBytes(16);
    result.iterations = Iterations;
    result.hash = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), result.salt, result.iterations, 32);
    return result;
}

bool PasswordHash::matches(const QString &password) const
{
    if (iterations <= 0 || salt.isEmpty() || hash.isEmpty())
        return false;
    return equalConstantTime(
        QPasswordDigestor::deriveKeyPbkdf2(
            QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, quint64(hash.size())),
        hash);
}

QString ServerConfig::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/JobDeck/jobdeck-server";
}

std::optional<ServerConfig> ServerConfig::loadOrCreate(const QString &dataDir,
                                                       QString *createdPassword,
                                                       QString *error)
{
    ServerConfig config;
    config.dataDir = QDir(dataDir).absolutePath();
    config.path = config.dataDir + u"/server.json";
    if (!QDir().mkpath(config.dataDir)) {
        *error = tr("cannot create the data folder %1").arg(config.dataDir);
        return std::nullopt;
    }
    QFile::setPermissions(config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QFile file(config.path);
    if (!file.exists()) {
        QString user = QProcessEnvironment::systemEnvironment().value(QStringLiteral("USER"));
        if (user.isEmpty())
            user = QStringLiteral("local");
        const QString password = randomSecret(12);
        config.users.insert(user, PasswordHash::make(password));
        if (const QString saved = config.save(); !saved.isEmpty()) {
            *error = saved;
            return std::nullopt;
        }
        if (createdPassword)
            *createdPassword = password;
        return config;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(config.path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1 is not valid JSON: %2").arg(config.path, parseError.errorString());
        return std::nullopt;
    }
    config.parallelism
        = std::max(1, object.value(QLatin1StringView("parallelism")).toInt(config.parallelism));
    config.jobTimeoutSeconds = std::max(0, object.value(QLatin1StringView("jobTimeoutSeconds")).toInt(0));
    for (const QJsonValue &entry : object.value(QLatin1StringView("users")).toArray()) {
        const QJsonObject user = entry.toObject();
        const QJsonObject pbkdf2 = user.value(QLatin1StringView("pbkdf2")).toObject();
        PasswordHash hash;
        hash.salt = QByteArray::fromBase64(pbkdf2.value(QLatin1StringView("salt")).toString().toLatin1());
        hash.iterations = pbkdf2.value(QLatin1StringView("iterations")).toInt();
        hash.hash = QByteArray::fromBase64(pbkdf2.value(QLatin1StringView("hash")).toString().toLatin1());
        const QString name = user.value(QLatin1StringView("name")).toString();
        if (!name.isEmpty())
            config.users.insert(name, hash);
    }
    if (config.users.isEmpty()) {
        *error = tr("%1 names no users").arg(config.path);
        return std::nullopt;
    }
    return config;
}

QString ServerConfig::save() const
{
    QJsonArray accounts;
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        accounts.append(
            QJsonObject{{QStringLiteral("name"), it.key()},
                        {QStringLiteral("pbkdf2"),
                         QJsonObject{{QStringLiteral("salt"), QString::fromLatin1(it->salt.toBase64())},
                                     {QStringLiteral("iterations"), it->iterations},
                                     {QStringLiteral("hash"), QString::fromLatin1(it->hash.toBase64())}}}});
    }
    const QJsonObject object{{QStringLiteral("users"), accounts},
                             {QStringLiteral("parallelism"), parallelism},
                             {QStringLiteral("jobTimeoutSeconds"), jobTimeoutSeconds}};
    return writePrivateFile(path, QJsonDocument(object).toJson());
}

bool ServerConfig::checkPassword(const QString &user, const QString &password) const
{
    const auto it = users.constFind(user);
    if (it == users.cend()) {
        // Same work for unknown users, so timing does not tell which names exist.
        (void)PasswordHash::make(password);
        return false;
    }
    return it->matches(password);
}

} // namespace JobDeck::Local
