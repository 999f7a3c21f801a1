#include "profiles/profilestore.h"

#include <QSettings>

#include <qt6keychain/keychain.h>

namespace JobDeck {

namespace {

const QString Group = QStringLiteral("profiles");

QString groupOf(const QString &name)
{
    return Group + u'/' + name;
}

// What a keychain job's failure means for the user. Every failure other than a refusal
// (no Secret Service on the bus, no keychain backend, a D-Bus error) means the keychain
// cannot be used here, and the message says so: secrets are never kept anywhere else.
BackendError keychainError(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {BackendError::Kind::Authentication,
                ProfileStore::tr("The system keychain refused access (it may be locked): %1")
                    .arg(job->errorString()),
                {},
                0,
                {}};
    default:
        return {BackendError::Kind::Connection,
                ProfileStore::tr("The system keychain is not available: no Secret Service answered on the "
                                 "D-Bus session bus (%1). JobDeck keeps passwords and tokens only in the "
                                 "keychain; start one (GNOME Keyring, KWallet, KeePassXC) or type the "
                                 "secret when asked.")
                    .arg(job->errorString()),
                {},
                0,
                {}};
    }
}

// Runs a keychain job and finishes `call` with what `handler` makes of the finished job.
// The job is not parented: QtKeychain's callbacks refer to it until it has finished, and it
// deletes itself then; a call cancelled or deleted in the meantime just gets no answer.
template<typename T, typename Handler>
Pending<T> *runJob(QObject *parent, QKeychain::Job *job, const QString &key, Handler handler)
{
    auto *call = new Pending<T>(parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a file
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, call, [call, handler](QKeychain::Job *done) {
        call->finish(handler(done));
    });
    job->start();
    return call;
}

} // namespace

QString authName(ConnectionProfile::Auth auth)
{
    return auth == ConnectionProfile::Auth::Token ? QStringLiteral("token") : QStringLiteral("password");
}

ConnectionProfile::Auth authFromName(const QString &name)
{
    return name == u"token" ? ConnectionProfile::Auth::Token : ConnectionProfile::Auth::Password;
}

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
{}

QString ProfileStore::keychainService()
{
    return QStringLiteral("JobDeck");
}

QString ProfileStore::keychainKey(const QString &name)
{
    return u"profile/" + name;
}

QString ProfileStore::sessionKey(const QString &connection)
{
    return u"session/" + connection;
}

QStringList ProfileStore::names()
{
    QSettings settings;
    settings.beginGroup(Group);
    QStringList names;
    const QStringList groups = settings.childGroups();
    for (const QString &name : groups) {
        if (settings.contains(name + u"/kind"))
            names.append(name);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool ProfileStore::contains(const QString &name)
{
    return nameProblem(name).isEmpty() && QSettings().contains(groupOf(name) + u"/kind");
}

QString ProfileStore::nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("A connection needs a name.");
    if (name.contains(u'/') || name.contains(u'\\'))
        return tr("A connection's name cannot contain “/” or “\\”.");
    if (name != name.trimmed())
        return tr("A connection's name cannot begin or end with a space.");
    return {};
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name)
{
    if (!contains(name))
        return std::nullopt;
    QSettings settings;
    settings.beginGroup(groupOf(name));
    ConnectionProfile profile;
    const auto text = [&settings](const char *key, const QString &fallback = {}) {
        return settings.value(QLatin1StringView(key), fallback).toString();
    };
    profile.name = name;
    profile.kind = text("kind");
    profile.url = QUrl(text("url"));
    profile.user = text("user");
    profile.auth = authFromName(text("auth"));
    profile.proxyUser = text("proxyUser");
    profile.creator = text("creator", profile.creator);
    profile.project = text("project");
    profile.dbVendor = text("dbVendor");
    profile.tenantId = text("tenantId");
    profile.serverTimeZone = text("serverTimeZone");
    profile.serverVersion = text("serverVersion");
    bool ok = false;
    const int timeout = settings.value(QStringLiteral("requestTimeoutMs")).toInt(&ok);
    if (ok && timeout > 0)
        profile.requestTimeoutMs = timeout;
    const int lineBase = settings.value(QStringLiteral("logLineBase"), -1).toInt(&ok);
    if (ok && lineBase >= -1 && lineBase <= 1)
        profile.logLineBase = lineBase;
    return profile;
}

bool ProfileStore::save(const ConnectionProfile &profile, QString *error)
{
    if (!writeSettings(profile, error))
        return false;
    Q_EMIT changed();
    return true;
}

bool ProfileStore::writeSettings(const ConnectionProfile &profile, QString *error)
{
    if (const QString problem = nameProblem(profile.name); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QSettings settings;
    settings.remove(groupOf(profile.name)); // no key of an earlier kind stays behind
    settings.beginGroup(groupOf(profile.name));
    settings.setValue(QStringLiteral("kind"), profile.kind);
    // A password typed into the URL (https://user:pw@host) never reaches the settings file.
    settings.setValue(QStringLiteral("url"), profile.url.toString(QUrl::RemovePassword));
    settings.setValue(QStringLiteral("user"), profile.user);
    settings.setValue(QStringLiteral("auth"), authName(profile.auth));
    settings.setValue(QStringLiteral("proxyUser"), profile.proxyUser);
    settings.setValue(QStringLiteral("creator"), profile.creator);
    settings.setValue(QStringLiteral("project"), profile.project);
    settings.setValue(QStringLiteral("dbVendor"), profile.dbVendor);
    settings.setValue(QStringLiteral("tenantId"), profile.tenantId);
    settings.setValue(QStringLiteral("serverTimeZone"), profile.serverTimeZone);
    settings.setValue(QStringLiteral("serverVersion"), profile.serverVersion);
    settings.setValue(QStringLiteral("requestTimeoutMs"), profile.requestTimeoutMs);
    settings.setValue(QStringLiteral("logLineBase"), profile.logLineBase);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = tr("Cannot write the settings file %1").arg(settings.fileName());
        return false;
    }
    return true;
}

Pending<QString> *ProfileStore::readSecret(const QString &name)
{
    return readEntry(keychainKey(name));
}

Pending<bool> *ProfileStore::writeSecret(const QString &name, const QString &secret)
{
    return writeEntry(keychainKey(name), secret);
}

Pending<bool> *ProfileStore::removeSecret(const QString &name)
{
    return removeEntry(keychainKey(name));
}

Pending<QString> *ProfileStore::readSession(const QString &connection)
{
    return readEntry(sessionKey(connection));
}

Pending<bool> *ProfileStore::writeSession(const QString &connection, const QString &token)
{
    return writeEntry(sessionKey(connection), token);
}

Pending<bool> *ProfileStore::removeSession(const QString &connection)
{
    return removeEntry(sessionKey(connection));
}

Pending<QString> *ProfileStore::readEntry(const QString &key)
{
    return runJob<QString>(this,
                           new QKeychain::ReadPasswordJob(keychainService()),
                           key,
                           [](QKeychain::Job *job) -> Result<QString> {
                               if (job->error() == QKeychain::NoError)
                                   return static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
                               if (job->error() == QKeychain::EntryNotFound)
                                   return QString(); // nothing saved: not an error
                               return std::unexpected(keychainError(job));
                           });
}

Pending<bool> *ProfileStore::writeEntry(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setTextData(secret);
    return runJob<bool>(this, job, key, [](QKeychain::Job *done) -> Result<bool> {
        if (done->error() == QKeychain::NoError)
            return true;
        return std::unexpected(keychainError(done));
    });
}

Pending<bool> *ProfileStore::removeEntry(const QString &key)
{
    return runJob<bool>(this,
                        new QKeychain::DeletePasswordJob(keychainService()),
                        key,
                        [](QKeychain::Job *job) -> Result<bool> {
                            if (job->error() == QKeychain::NoError
                                || job->error() == QKeychain::EntryNotFound)
                                return true;
                            return std::unexpected(keychainError(job));
                        });
}

Pending<ConnectionProfile> *ProfileStore::loadWithSecret(const QString &name)
{
    auto *call = new Pending<ConnectionProfile>(this);
    const std::optional<ConnectionProfile> profile = load(name);
    if (!profile) {
        call->finish(
            failure(BackendError::Kind::Refused, tr("There is no connection named “%1”.").arg(name)));
        return call;
    }
    chain(readSecret(name), call, [profile = *profile](const QString &secret) mutable {
        profile.secret = secret;
        return profile;
    });
    return call;
}

Pending<bool> *ProfileStore::rename(const QString &from, const QString &to)
{
    auto *call = new Pending<bool>(this);
    if (const QString problem = nameProblem(to); !problem.isEmpty()) {
        call->finish(failure(BackendError::Kind::Refused, problem));
        return call;
    }
    if (!contains(from)) {
        call->finish(
            failure(BackendError::Kind::Refused, tr("There is no connection named “%1”.").arg(from)));
        return call;
    }
    if (from == to) {
        call->finish(true);
        return call;
    }
    if (contains(to)) {
        call->finish(
            failure(BackendError::Kind::Refused, tr("There is already a connection named “%1”.").arg(to)));
        return call;
    }
    copySecret(call, from, to);
    return call;
}

// Moves the secret first, so a failure leaves the profile as it was; then the settings.
void ProfileStore::copySecret(Pending<bool> *outer, const QString &from, const QString &to)
{
    auto *read = readSecret(from);
    outer->cancelWith(read);
    const auto moveSettings = [this, outer, from, to] {
        std::optional<ConnectionProfile> profile = load(from);
        if (!profile) {
            outer->finish(
                failure(BackendError::Kind::Refused, tr("There is no connection named “%1”.").arg(from)));
            return;
        }
        profile->name = to;
        QString error;
        if (!writeSettings(*profile, &error)) {
            outer->finish(failure(BackendError::Kind::Refused, error));
            return;
        }
        QSettings().remove(groupOf(from));
        Q_EMIT changed();
        outer->finish(true);
    };
    onFinished(read, outer, [this, outer, from, to, moveSettings](const Result<QString> &secret) {
        if (!secret) {
            // No keychain on this system: there is no secret to move, the profile still moves.
            if (secret.error().kind == BackendError::Kind::Connection)
                moveSettings();
            else
                outer->finish(std::unexpected(secret.error()));
            return;
        }
        if (secret->isEmpty()) {
            moveSettings();
            return;
        }
        auto *write = writeSecret(to, *secret);
        outer->cancelWith(write);
        onFinished(write, outer, [this, outer, from, moveSettings](const Result<bool> &written) {
            if (!written) {
                outer->finish(std::unexpected(written.error()));
                return;
            }
            moveSettings();
            // The old entry goes once the new one is safe; if that fails, a stray copy stays
            // in the keychain under the old name, which the user can still remove there.
            removeSecret(from);
        });
    });
}

Pending<bool> *ProfileStore::remove(const QString &name)
{
    auto *call = new Pending<bool>(this);
    if (!contains(name)) {
        call->finish(
            failure(BackendError::Kind::Refused, tr("There is no connection named “%1”.").arg(name)));
        return call;
    }
    auto *removal = removeSecret(name);
    call->cancelWith(removal);
    onFinished(removal, call, [this, call, name](const Result<bool> &removed) {
        // Without a keychain on this system there is no secret to remove; a refusal keeps the
        // profile, so the secret is not left behind unreachable.
        if (!removed && removed.error().kind != BackendError::Kind::Connection) {
            call->finish(std::unexpected(removed.error()));
            return;
        }
        QSettings().remove(groupOf(name));
        Q_EMIT changed();
        call->finish(true);
    });
    return call;
}

} // namespace JobDeck
