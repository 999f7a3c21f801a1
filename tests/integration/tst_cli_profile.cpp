// jobdeck-cli --profile NAME: the profile the console saved (fields in the settings file,
// secret in the system keychain of this test's own D-Bus session) is all the CLI needs.
#include "linkis/linkissimulator.h"
#include "profiles/profilestore.h"
#include "support/await.h"
#include "support/clirun.h"
#include "support/isolatedhome.h"

#include <QCoreApplication>
#include <QTest>

using namespace JobDeck;
using JobDeck::Sim::LinkisSimulator;
using JobDeck::Test::CliRun;

namespace {
const QString User = QStringLiteral("carol");
const QString Password = QStringLiteral("k3ychain-only");
} // namespace

class TestCliProfile final : public QObject
{
    Q_OBJECT

private:
    LinkisSimulator m_sim;

    bool saveProfile(const QString &name, const QString &secret)
    {
        ConnectionProfile profile;
        profile.name = name;
        profile.kind = QStringLiteral("linkis");
        profile.url = m_sim.baseUrl();
        profile.user = User;
        ProfileStore store;
        if (!store.save(profile))
            return false;
        if (secret.isEmpty())
            return true;
        auto *writing = store.writeSecret(name, secret);
        bool done = false;
        bool ok = false;
        onFinished(writing, this, [&](const Result<bool> &result) {
            ok = result.has_value();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The names the console and the CLI use, so both read the same settings file.
        QCoreApplication::setOrganizationName(QStringLiteral("JobDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("JobDeck"));
        QVERIFY(m_sim.listen());
        m_sim.addUser(User, Password);
    }

    void secretComesFromTheKeychain()
    {
        QVERIFY(saveProfile(QStringLiteral("prod"), Password));
        const CliRun run = Test::runCli({QStringLiteral("--profile"),
                                         QStringLiteral("prod"),
                                         QStringLiteral("--json"),
                                         QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(m_sim.loginCount(), 1);
        QVERIFY(!run.eventsNamed(QStringLiteral("page")).isEmpty());
        QVERIFY(!run.out.contains(Password.toUtf8()));
        QVERIFY(!run.err.contains(Password.toUtf8()));
    }

    void environmentWinsOverTheKeychain()
    {
        // A wrong password in the environment is used, not the keychain's right one.
        const CliRun run
            = Test::runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("list")},
                           {{QStringLiteral("JOBDECK_PASSWORD"), QStringLiteral("wrong")}});
        QCOMPARE(run.exitCode, 3);
    }

    void profileWithoutSecret()
    {
        QVERIFY(saveProfile(QStringLiteral("nosecret"), {}));
        const CliRun run
            = Test::runCli({QStringLiteral("--profile"), QStringLiteral("nosecret"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no secret for profile 'nosecret'"), run.err.constData());
    }

    void unknownProfile()
    {
        const CliRun run
            = Test::runCli({QStringLiteral("--profile"), QStringLiteral("nope"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no profile named 'nope'"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cli_profile.moc"
