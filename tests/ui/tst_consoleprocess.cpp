#include "support/isolatedhome.h"
#include "support/processes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The real `jobdeck` program, started as a user starts it, ended as a session ends it.
class TestConsoleProcess final : public QObject
{
    Q_OBJECT

private:
    static QString program() { return QCoreApplication::applicationDirPath() + u"/jobdeck"; }

private Q_SLOTS:
    void versionAndHelp()
    {
        QProcess process;
        process.start(program(), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().startsWith("JobDeck "));
    }

    void unknownLanguageIsAUsageError()
    {
        QProcess process;
        process.start(program(),
                      {QStringLiteral("-platform"),
                       QStringLiteral("offscreen"),
                       QStringLiteral("--lang"),
                       QStringLiteral("xx")});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("xx"));
    }

    void terminationSignalKeepsDraftAndLayout()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("q.sql"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 'kept across SIGTERM';\n");
        file.close();

        // The child inherits this test's isolated XDG folders (support/isolatedhome.cpp).
        const QString draft = JobDeck::Test::isolatedHome() + u"/data/JobDeck/JobDeck/drafts/draft.sql";
        const QString config = JobDeck::Test::isolatedHome() + u"/config/JobDeck/JobDeck.conf";
        QFile::remove(draft);
        QFile::remove(config);

        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(program(), {QStringLiteral("-platform"), QStringLiteral("offscreen"), script});
        QVERIFY(process.waitForStarted());
        // Opening the script writes the draft; from then on the window is up.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(draft), 20000);
        QVERIFY(!QFile::exists(config));

        process.terminate(); // SIGTERM, as a logout or `kill` sends
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        QSettings saved(config, QSettings::IniFormat);
        QVERIFY(!saved.value(QStringLiteral("mainwindow/state")).toByteArray().isEmpty());
        QVERIFY(!saved.value(QStringLiteral("mainwindow/geometry")).toByteArray().isEmpty());
        QFile kept(draft);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("SELECT 'kept across SIGTERM';\n"));
    }

    // The console starts the local jobdeck-server and leaves it running on purpose (it may
    // have started it just before the SIGTERM); the test does not.
    void cleanupTestCase() { JobDeck::Test::endLocalServers(); }
};

QTEST_GUILESS_MAIN(TestConsoleProcess)
#include "tst_consoleprocess.moc"
