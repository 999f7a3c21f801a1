// One jobdeck-server per data folder: a second one started on a folder that a running server
// holds (say from a shell with another XDG_RUNTIME_DIR) says at once which server holds it
// and how to reach it, and the console's launcher reports that message, not a timeout.
#include "backends/local/localserverfile.h"
#include "backends/local/localserverlauncher.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDeck;

namespace {

QString serverProgram()
{
    return QCoreApplication::applicationDirPath() + u"/jobdeck-server";
}

// A running jobdeck-server, ended with the test.
class Server
{
public:
    ~Server()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    bool start(const QStringList &arguments, const QString &runtimeFile)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(serverProgram(), arguments);
        return m_process.waitForStarted(10000)
               && QTest::qWaitFor([&] { return LocalServerInfo::read(runtimeFile).has_value(); }, 30000);
    }

private:
    QProcess m_process;
};

} // namespace

class TestServerLock final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A runtime file where the default one would be for XDG_RUNTIME_DIR=`runtimeDir`.
    QString runtimeFileIn(const QString &runtimeDir)
    {
        return m_dir.filePath(runtimeDir + u"/jobdeck/server.json");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void secondServerNamesTheFirst()
    {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        const QString first = runtimeFileIn(QStringLiteral("shell-a"));
        Server running;
        QVERIFY(running.start({QStringLiteral("--data-dir"), data, QStringLiteral("--runtime-file"), first},
                              first));
        const LocalServerInfo holder = *LocalServerInfo::read(first);

        const QString second = runtimeFileIn(QStringLiteral("shell-b"));
        QProcess again;
        again.start(serverProgram(),
                    {QStringLiteral("--data-dir"), data, QStringLiteral("--runtime-file"), second});
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 3);
        const QString said = QString::fromUtf8(again.readAllStandardError());
        QVERIFY2(said.contains(u"process " + QString::number(holder.pid)), qPrintable(said));
        QVERIFY2(said.contains(holder.url.toString()), qPrintable(said)); // its address and port
        QVERIFY2(said.contains(data), qPrintable(said));
        // How to reach it: the runtime folder its clients use, or its address with its token.
        QVERIFY2(said.contains(u"XDG_RUNTIME_DIR=" + m_dir.filePath(QStringLiteral("shell-a"))),
                 qPrintable(said));
        QVERIFY2(said.contains(first), qPrintable(said));
        QVERIFY2(!said.contains(holder.token), "the token is a secret");
        QVERIFY(!QFile::exists(second));
    }

    void launcherReportsTheHolder()
    {
        // The launcher starts jobdeck-server with its default data folder (in this test's own
        // XDG folders): a server started from "another shell" holds it.
        const QString first = runtimeFileIn(QStringLiteral("shell-c"));
        Server running;
        QVERIFY(running.start({QStringLiteral("--runtime-file"), first}, first));
        const LocalServerInfo holder = *LocalServerInfo::read(first);

        const QString mine = runtimeFileIn(QStringLiteral("shell-d"));
        LocalServerLauncher launcher;
        launcher.setRuntimeFile(mine);
        launcher.setStartTimeoutMs(600000); // an answer before this is the server's, not a timeout
        std::optional<Result<LocalServerInfo>> outcome;
        onFinished(launcher.ensureRunning(), &launcher, [&](const Result<LocalServerInfo> &result) {
            outcome = result;
        });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 120000));
        QVERIFY(!outcome->has_value());
        const BackendError error = outcome->error();
        QCOMPARE(error.kind, BackendError::Kind::Connection);
        QVERIFY2(error.message.contains(u"did not start: another jobdeck-server"), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"process " + QString::number(holder.pid)),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(holder.url.toString()), qPrintable(error.message));
        QVERIFY2(error.message.contains(first), qPrintable(error.message));
        QVERIFY(!QFile::exists(mine));
        // The started server's messages went to its log, readable by the user only.
        const QString log = LocalServerLauncher::serverLogPath(mine);
        QVERIFY(QFile::exists(log));
        QCOMPARE(QFile::permissions(log) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestServerLock)
#include "tst_serverlock.moc"
