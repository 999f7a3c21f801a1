// jobdeck-cli with a Dinky password keeps its login session between runs, so that it does
// not log in on every run (Dinky keeps one session per user: each login pushes the user's
// browser out). The session's token lives in the system keychain of this test's own D-Bus
// session (with-keyring.sh), never in a file; without a keychain, a run logs out at its end.
#include "dinky/dinkysimulator.h"
#include "profiles/profilestore.h"
#include "support/clirun.h"
#include "support/isolatedhome.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace JobDeck;
using JobDeck::Sim::DinkySimulator;
using JobDeck::Test::CliRun;
using namespace Qt::StringLiterals;

namespace {

const QString User = u"alice"_s;
const QString Password = u"dinky-session-pw"_s;

// Files under `root` whose bytes contain `secret`.
QStringList filesContaining(const QString &root, const QByteArray &secret)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestCliDinkySession final : public QObject
{
    Q_OBJECT

private:
    DinkySimulator m_sim;

    CliRun list(const QMap<QString, QString> &env = {})
    {
        QMap<QString, QString> withPassword = env;
        withPassword.insert(u"JOBDECK_PASSWORD"_s, Password);
        return Test::runCli({u"--backend"_s,
                             u"dinky"_s,
                             u"--url"_s,
                             m_sim.baseUrl().toString(),
                             u"--user"_s,
                             User,
                             u"--json"_s,
                             u"list"_s},
                            withPassword);
    }

    // The connection key the CLI files the session under: kind, server, user.
    QString connection() const { return u"dinky "_s + m_sim.baseUrl().toString() + u' ' + User; }

    // The session token the keychain holds for the connection ("" when none; "?" on error).
    QString keptSession()
    {
        ProfileStore store;
        QString token = u"?"_s;
        bool done = false;
        onFinished(store.readSession(connection()), this, [&](const Result<QString> &result) {
            token = result.value_or(u"?"_s);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return u"?"_s;
        return token;
    }

    // The token the last listing of the job instances carried.
    QByteArray lastListingToken() const { return m_sim.requests(u"jobInstanceList"_s).constLast().token; }

    static void verifyQuiet(const CliRun &run, const QByteArray &token)
    {
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.eventsNamed(u"page"_s).isEmpty());
        QVERIFY(!token.isEmpty());
        QVERIFY(!run.out.contains(token));
        QVERIFY(!run.err.contains(token));
        QVERIFY(!run.out.contains(Password.toUtf8()));
        QVERIFY(!run.err.contains(Password.toUtf8()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("JOBDECK_TEST_KEYRING"), "run through support/with-keyring.sh");
        QCoreApplication::setOrganizationName(u"JobDeck"_s);
        QCoreApplication::setApplicationName(u"JobDeck"_s);
        QVERIFY(m_sim.listen());
        m_sim.addUser(User, Password);
    }

    void twoRunsLogInOnce()
    {
        const CliRun first = list();
        const QByteArray token = lastListingToken();
        verifyQuiet(first, token);
        QCOMPARE(m_sim.loginCount(), 1);

        const CliRun second = list();
        verifyQuiet(second, lastListingToken());
        QCOMPARE(m_sim.loginCount(), 1);              // the second run logged in no more
        QCOMPARE(lastListingToken(), token);          // it used the first run's session
        QCOMPARE(m_sim.requestCount(u"logout"_s), 0); // which stays open for the next
        QCOMPARE(keptSession(), QString::fromUtf8(token));
        // In the keychain only: no file of the test's home holds the token.
        const QStringList files = filesContaining(Test::isolatedHome(), token);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u", ")));
    }

    void rejectedSessionLogsInOnce_data()
    {
        QTest::addColumn<bool>("pushedOut");
        QTest::newRow("expired") << false;
        QTest::newRow("pushed out by a browser login") << true;
    }

    void rejectedSessionLogsInOnce()
    {
        QFETCH(bool, pushedOut);
        QVERIFY(list().exitCode == 0); // a session to start from
        const QString before = keptSession();
        QVERIFY(!before.isEmpty() && before != u"?"_s);
        if (pushedOut)
            m_sim.kickOut(User);
        else
            m_sim.expireTokens();
        const int logins = m_sim.loginCount();

        const CliRun run = list();
        const QByteArray token = lastListingToken();
        verifyQuiet(run, token);
        QCOMPARE(m_sim.loginCount(), logins + 1); // one new login, no more
        QVERIFY(token != before.toUtf8());
        QCOMPARE(keptSession(), QString::fromUtf8(token)); // the new session is kept

        QVERIFY(list().exitCode == 0);
        QCOMPARE(m_sim.loginCount(), logins + 1);
    }

    void withoutKeychainTheRunLogsOut()
    {
        const int logins = m_sim.loginCount();
        const int logouts = m_sim.requestCount(u"logout"_s);
        const CliRun run = list({{u"DBUS_SESSION_BUS_ADDRESS"_s, Test::NoSessionBus}});
        const QByteArray token = lastListingToken();
        verifyQuiet(run, token);
        QCOMPARE(m_sim.loginCount(), logins + 1);
        QCOMPARE(m_sim.requestCount(u"logout"_s), logouts + 1);
        // It ended the very session it opened.
        QCOMPARE(m_sim.requests(u"logout"_s).constLast().token, token);
        QCOMPARE(m_sim.requests(u"logout"_s).constLast().method, u"DELETE"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliDinkySession)
#include "tst_cli_dinkysession.moc"
