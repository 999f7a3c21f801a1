// The profile store against the real system keychain: a gnome-keyring in the test's own
// D-Bus session (support/with-keyring.sh), never the user's. Secrets must reach the keychain
// and never the settings file; renames move them, removals remove them; and a system without
// a Secret Service gives a clear error instead of a file.
#include "profiles/profilestore.h"

#include "support/await.h"
#include "support/isolatedhome.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDeck;

namespace {

constexpr auto ChildVariable = "JOBDECK_PROFILESTORE_CHILD";

ConnectionProfile fullProfile(const QString &name)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.kind = QStringLiteral("dinky");
    profile.url = QUrl(QStringLiteral("http://dinky.example:8888/base"));
    profile.user = QStringLiteral("ann");
    profile.auth = ConnectionProfile::Auth::Token;
    profile.proxyUser = QStringLiteral("hadoop");
    profile.creator = QStringLiteral("Scheduler");
    profile.requestTimeoutMs = 12345;
    profile.logLineBase = 0;
    profile.project = QStringLiteral("learn_kylin");
    profile.dbVendor = QStringLiteral("dbvoracle");
    profile.tenantId = QStringLiteral("7");
    profile.serverTimeZone = QStringLiteral("Asia/Shanghai");
    profile.serverVersion = QStringLiteral("0.7");
    return profile;
}

// What `secret-tool` finds for a profile: proof the secret is in the Secret Service itself,
// read by another program through the schema-less attributes QtKeychain stores.
QString secretToolLookup(const QString &name)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"),
                QStringLiteral("user"),
                ProfileStore::keychainKey(name),
                QStringLiteral("server"),
                ProfileStore::keychainService()});
    if (!tool.waitForFinished(30000))
        return QStringLiteral("<secret-tool did not finish>");
    return QString::fromUtf8(tool.readAllStandardOutput()).trimmed();
}

// Every byte written below the isolated home's configuration folder.
QByteArray allSettingsBytes()
{
    QByteArray bytes;
    QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                    QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("JobDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("JobDeck"));
        QVERIFY(QSettings().fileName().startsWith(JobDeck::Test::isolatedHome()));
        if (qEnvironmentVariableIsSet(ChildVariable))
            return;
        // Without the wrapper this would write into the user's own keychain.
        if (!qEnvironmentVariableIsSet("JOBDECK_TEST_KEYRING"))
            QSKIP("run through tests/support/with-keyring.sh (ctest does)");
    }

    void init() { QSettings().remove(QStringLiteral("profiles")); }

    void fieldsRoundTripThroughTheSettings()
    {
        ProfileStore store;
        const ConnectionProfile profile = fullProfile(QStringLiteral("prod 生产"));
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QVERIFY(ProfileStore::contains(profile.name));
        QCOMPARE(ProfileStore::names(), QStringList{profile.name});
        const auto loaded = ProfileStore::load(profile.name);
        QVERIFY(loaded);
        QCOMPARE(loaded->name, profile.name);
        QCOMPARE(loaded->kind, profile.kind);
        QCOMPARE(loaded->url, profile.url);
        QCOMPARE(loaded->user, profile.user);
        QCOMPARE(loaded->auth, profile.auth);
        QCOMPARE(loaded->proxyUser, profile.proxyUser);
        QCOMPARE(loaded->creator, profile.creator);
        QCOMPARE(loaded->requestTimeoutMs, profile.requestTimeoutMs);
        QCOMPARE(loaded->logLineBase, profile.logLineBase);
        QCOMPARE(loaded->project, profile.project);
        QCOMPARE(loaded->dbVendor, profile.dbVendor);
        QCOMPARE(loaded->tenantId, profile.tenantId);
        QCOMPARE(loaded->serverTimeZone, profile.serverTimeZone);
        QCOMPARE(loaded->serverVersion, profile.serverVersion);
        QVERIFY(loaded->secret.isEmpty());

        // The keys jobdeck-cli --profile reads (CliApp::readProfile).
        QSettings settings;
        settings.beginGroup(u"profiles/" + profile.name);
        QCOMPARE(settings.value(QStringLiteral("kind")).toString(), QStringLiteral("dinky"));
        QCOMPARE(settings.value(QStringLiteral("url")).toString(), profile.url.toString());
        QCOMPARE(settings.value(QStringLiteral("user")).toString(), QStringLiteral("ann"));
        QCOMPARE(settings.value(QStringLiteral("proxyUser")).toString(), QStringLiteral("hadoop"));
        QCOMPARE(settings.value(QStringLiteral("creator")).toString(), QStringLiteral("Scheduler"));
        QCOMPARE(settings.value(QStringLiteral("auth")).toString(), QStringLiteral("token"));

        // Saving again with another kind leaves no key of the old one behind.
        ConnectionProfile linkis;
        linkis.name = profile.name;
        linkis.kind = QStringLiteral("linkis");
        linkis.url = QUrl(QStringLiteral("http://gateway:9001"));
        QVERIFY(store.save(linkis));
        const auto again = ProfileStore::load(profile.name);
        QVERIFY(again);
        QCOMPARE(again->kind, QStringLiteral("linkis"));
        QVERIFY(again->tenantId.isEmpty());
        QCOMPARE(again->creator, QStringLiteral("IDE"));
        QCOMPARE(again->auth, ConnectionProfile::Auth::Password);
        QVERIFY(!ProfileStore::load(QStringLiteral("nope")));
    }

    void namesAreValidated_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("prod") << true;
        QTest::newRow("spaces and CJK") << QStringLiteral("集群 A") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << QStringLiteral("   ") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
        QTest::newRow("leading space") << QStringLiteral(" prod") << false;
    }

    void namesAreValidated()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        ProfileStore store;
        ConnectionProfile profile;
        profile.name = name;
        profile.kind = QStringLiteral("linkis");
        QString error;
        QCOMPARE(store.save(profile, &error), valid);
        QCOMPARE(error.isEmpty(), valid);
        QCOMPARE(ProfileStore::nameProblem(name).isEmpty(), valid);
        QCOMPARE(ProfileStore::names().size(), valid ? 1 : 0);
    }

    void secretGoesToTheKeychainOnly()
    {
        ProfileStore store;
        const ConnectionProfile profile = fullProfile(QStringLiteral("prod"));
        QVERIFY(store.save(profile));
        const QString secret = QStringLiteral("Tr0ub4dor&3-密码-7f3a9c");
        AWAIT(written, store.writeSecret(profile.name, secret));
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().message));
        AWAIT(read, store.readSecret(profile.name));
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
        QCOMPARE(*read, secret);
        QCOMPARE(secretToolLookup(profile.name), secret);

        AWAIT(full, store.loadWithSecret(profile.name));
        QVERIFY(full.has_value());
        QCOMPARE(full->secret, secret);
        QCOMPARE(full->tenantId, profile.tenantId);

        QSettings().sync();
        const QByteArray bytes = allSettingsBytes();
        QVERIFY(bytes.contains("dinky.example"));  // the settings are there...
        QVERIFY(!bytes.contains(secret.toUtf8())); // ...the secret is not
        QVERIFY(!bytes.contains("Tr0ub4dor"));
    }

    void aProfileWithoutSecretReadsEmpty()
    {
        ProfileStore store;
        QVERIFY(store.save(fullProfile(QStringLiteral("no-secret"))));
        AWAIT(read, store.readSecret(QStringLiteral("no-secret")));
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
        QVERIFY(read->isEmpty());
        AWAIT(full, store.loadWithSecret(QStringLiteral("no-secret")));
        QVERIFY(full.has_value());
        QVERIFY(full->secret.isEmpty());
        AWAIT(removed, store.removeSecret(QStringLiteral("no-secret"))); // nothing to remove: fine
        QVERIFY(removed.has_value());
        AWAIT(missing, store.loadWithSecret(QStringLiteral("never-saved")));
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().kind, BackendError::Kind::Refused);
    }

    void renameMovesTheSecret()
    {
        ProfileStore store;
        QVERIFY(store.save(fullProfile(QStringLiteral("old"))));
        QVERIFY(store.save(fullProfile(QStringLiteral("taken"))));
        AWAIT(written, store.writeSecret(QStringLiteral("old"), QStringLiteral("moving-secret")));
        QVERIFY(written.has_value());

        AWAIT(refused, store.rename(QStringLiteral("old"), QStringLiteral("taken")));
        QVERIFY(!refused.has_value());
        QVERIFY(refused.error().message.contains(u"taken"));
        AWAIT(invalid, store.rename(QStringLiteral("old"), QStringLiteral("a/b")));
        QVERIFY(!invalid.has_value());
        QCOMPARE(secretToolLookup(QStringLiteral("old")), QStringLiteral("moving-secret"));

        QSignalSpy changed(&store, &ProfileStore::changed);
        AWAIT(renamed, store.rename(QStringLiteral("old"), QStringLiteral("new")));
        QVERIFY2(renamed.has_value(), qPrintable(renamed ? QString() : renamed.error().message));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ProfileStore::names(), (QStringList{QStringLiteral("new"), QStringLiteral("taken")}));
        const auto moved = ProfileStore::load(QStringLiteral("new"));
        QVERIFY(moved);
        QCOMPARE(moved->url, fullProfile({}).url);
        AWAIT(secret, store.readSecret(QStringLiteral("new")));
        QVERIFY(secret.has_value());
        QCOMPARE(*secret, QStringLiteral("moving-secret"));
        // The old entry is removed once the new one is written.
        QTRY_VERIFY_WITH_TIMEOUT(secretToolLookup(QStringLiteral("old")).isEmpty(), 10000);
        AWAIT(oldSecret, store.readSecret(QStringLiteral("old")));
        QVERIFY(oldSecret.has_value());
        QVERIFY(oldSecret->isEmpty());
    }

    void removeRemovesTheSecret()
    {
        ProfileStore store;
        QVERIFY(store.save(fullProfile(QStringLiteral("gone"))));
        QVERIFY(store.save(fullProfile(QStringLiteral("kept"))));
        AWAIT(w1, store.writeSecret(QStringLiteral("gone"), QStringLiteral("secret-gone")));
        QVERIFY(w1.has_value());
        AWAIT(w2, store.writeSecret(QStringLiteral("kept"), QStringLiteral("secret-kept")));
        QVERIFY(w2.has_value());
        AWAIT(removed, store.remove(QStringLiteral("gone")));
        QVERIFY2(removed.has_value(), qPrintable(removed ? QString() : removed.error().message));
        QVERIFY(!ProfileStore::contains(QStringLiteral("gone")));
        QCOMPARE(ProfileStore::names(), QStringList{QStringLiteral("kept")});
        QVERIFY(secretToolLookup(QStringLiteral("gone")).isEmpty());
        QCOMPARE(secretToolLookup(QStringLiteral("kept")), QStringLiteral("secret-kept"));
        AWAIT(again, store.remove(QStringLiteral("gone")));
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().kind, BackendError::Kind::Refused);
    }

    // Another process, whose session bus address leads nowhere: no Secret Service.
    void noSecretServiceIsAClearError()
    {
        const QString nowhere = JobDeck::Test::isolatedHome() + u"/no-such-bus";
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), u"unix:path=" + nowhere);
        env.remove(QStringLiteral("DISPLAY")); // no D-Bus autolaunch either
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("withoutSecretService")});
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"PASS   : TestProfileStore::withoutSecretService()"), qPrintable(output));
    }

    // Run by noSecretServiceIsAClearError in a child process.
    void withoutSecretService()
    {
        if (!qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("runs in the child process of noSecretServiceIsAClearError");
        ProfileStore store;
        QVERIFY(store.save(fullProfile(QStringLiteral("nokeychain")))); // the settings still work
        const QString secret = QStringLiteral("must-not-land-anywhere");
        AWAIT(written, store.writeSecret(QStringLiteral("nokeychain"), secret));
        QVERIFY(!written.has_value());
        QCOMPARE(written.error().kind, BackendError::Kind::Connection);
        qInfo("%s", qPrintable(written.error().message));
        QVERIFY2(written.error().message.contains(u"keychain is not available"),
                 qPrintable(written.error().message));
        QVERIFY(written.error().message.contains(u"Secret Service"));
        AWAIT(read, store.readSecret(QStringLiteral("nokeychain")));
        QVERIFY(!read.has_value());
        QCOMPARE(read.error().kind, BackendError::Kind::Connection);
        QVERIFY(read.error().message.contains(u"keychain is not available"));
        // No fallback to a file.
        QSettings().sync();
        QVERIFY(!allSettingsBytes().contains(secret.toUtf8()));
        // The profile can still be removed; there is no secret it could have left behind.
        AWAIT(removed, store.remove(QStringLiteral("nokeychain")));
        QVERIFY(removed.has_value());
        QVERIFY(!ProfileStore::contains(QStringLiteral("nokeychain")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
