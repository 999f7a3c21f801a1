#pragma once

#include <QHostAddress>
#include <QMap>
#include <QString>

#include <optional>

namespace JobDeck::Local {

// PBKDF2-HMAC-SHA256 of a password: never the password itself.
struct PasswordHash
{
    QByteArray salt;
    int iterations = 0;
    QByteArray hash;

    static PasswordHash make(const QString &password);
    bool matches(const QString &password) const;
};

// jobdeck-server's settings and accounts, in server.json in its data folder. Created on the
// first start with one user (the operating-system user) and a random password, and readable
// by its owner only.
struct ServerConfig
{
    QString dataDir;
    QString path; // server.json
    QMap<QString, PasswordHash> users;
    int parallelism = 2;       // jobs running at once; more wait as Scheduled
    int jobTimeoutSeconds = 0; // 0 = no limit
    qint64 maxRequestBytes = 16LL * 1024 * 1024;

    // The default data folder: the XDG data dir (~/.local/share/JobDeck/jobdeck-server).
    static QString defaultDataDir();
    // Loads `dataDir`/server.json, creating it (and the folder) when missing; then
    // `*createdPassword` holds the new user's password, to be shown once.
    static std::optional<ServerConfig> loadOrCreate(const QString &dataDir,
                                                    QString *createdPassword,
                                                    QString *error);
    QString save() const; // error message, or empty
    bool checkPassword(const QString &user, const QString &password) const;
};

QString randomSecret(int bytes = 24);

} // namespace JobDeck::Local
