#pragma once

#include "async/pending.h"
#include "async/result.h"
#include "backends/connectionprofile.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace JobDeck {

// Saved connection profiles, shared by the console and jobdeck-cli.
//
// The fields that are not secret live in the application's settings, group "profiles/NAME"
// (keys: kind, url, user, auth = "password"|"token", proxyUser, creator, project, dbVendor,
// tenantId, serverTimeZone, serverVersion, requestTimeoutMs, logLineBase). The password or
// token lives only in the system keychain, through QtKeychain: service "JobDeck", key
// "profile/NAME". There is no fallback to a file: without a keychain, secrets come from the
// user each time (or, for the CLI, from JOBDECK_PASSWORD / JOBDECK_TOKEN / stdin).
//
// The keychain also keeps login sessions that outlive a program (jobdeck-cli's Dinky session,
// so the next run does not log in again and push the user's browser out): key
// "session/CONNECTION", where CONNECTION names the server and the user.
//
// For the CLI:
//     const std::optional<ConnectionProfile> profile = ProfileStore::load(name); // no secret
//     if (!profile) ... // no such profile
//     ProfileStore store;
//     onFinished(store.readSecret(name), context, [](const Result<QString> &secret) {
//         // an empty string: the keychain holds no secret for this profile (not an error);
//         // an error: the keychain could not be used; its message says why, e.g. that no
//         // Secret Service answers on the session bus (Kind::Connection) or that the
//         // keychain refused access (Kind::Authentication).
//     });
//
// The settings calls are synchronous; the keychain calls are asynchronous and answer from
// the event loop (Pending, see async/pending.h). Calls may be made concurrently; the
// keychain runs its jobs one after the other.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    explicit ProfileStore(QObject *parent = nullptr);

    // The saved profiles' names, sorted.
    static QStringList names();
    static bool contains(const QString &name);
    // The saved profile without its secret; std::nullopt when there is none of that name.
    static std::optional<ConnectionProfile> load(const QString &name);
    // Why `name` cannot name a profile (empty, has a '/' or '\'), or an empty string when it can.
    static QString nameProblem(const QString &name);

    // Writes the profile's fields, replacing a saved one of the same name. `profile.secret`
    // is ignored: secrets go to writeSecret(). Returns false with `error` set when the name
    // is not valid or the settings cannot be written.
    bool save(const ConnectionProfile &profile, QString *error = nullptr);

    // The profile's secret: empty when the keychain has none.
    Pending<QString> *readSecret(const QString &name);
    Pending<bool> *writeSecret(const QString &name, const QString &secret);
    // Succeeds also when there was nothing to remove.
    Pending<bool> *removeSecret(const QString &name);

    // A login session's token for `connection` (e.g. "dinky http://host:8888 alice"): empty
    // when the keychain has none; the same errors as readSecret().
    Pending<QString> *readSession(const QString &connection);
    Pending<bool> *writeSession(const QString &connection, const QString &token);
    Pending<bool> *removeSession(const QString &connection);

    // The saved profile with its secret from the keychain (an empty secret when it has none);
    // Kind::Refused when there is no such profile.
    Pending<ConnectionProfile> *loadWithSecret(const QString &name);
    // Renames a profile and moves its secret; refuses when `to` is taken or not valid.
    Pending<bool> *rename(const QString &from, const QString &to);
    // Removes a profile and its secret.
    Pending<bool> *remove(const QString &name);

    static QString keychainService();
    static QString keychainKey(const QString &name);
    static QString sessionKey(const QString &connection);

Q_SIGNALS:
    // A profile was saved, renamed or removed (by this store object).
    void changed();

private:
    static bool writeSettings(const ConnectionProfile &profile, QString *error);
    Pending<QString> *readEntry(const QString &key);
    Pending<bool> *writeEntry(const QString &key, const QString &secret);
    Pending<bool> *removeEntry(const QString &key);
    void copySecret(Pending<bool> *outer, const QString &from, const QString &to);
};

// The settings' words for ConnectionProfile::Auth.
QString authName(ConnectionProfile::Auth auth);
ConnectionProfile::Auth authFromName(const QString &name);

} // namespace JobDeck
