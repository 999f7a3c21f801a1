#include "support/isolatedhome.h"
#include "support/processes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

    void terminationSignalKeepsTabsAndLayout()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("q.sql"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 'kept across SIGTERM';\n");
        file.close();

        // The child inherits this test's isolated XDG folders (support/isolatedhome.cpp).
        const QString recovery = JobDeck::Test::isolatedHome() + u"/data/JobDeck/JobDeck/recovery";
        const QString config = JobDeck::Test::isolatedHome() + u"/config/JobDeck/JobDeck.conf";
        QDir(recovery).removeRecursively();
        QFile::remove(config);
        const auto keptTexts = [&recovery] {
            QStringList texts;
            const QDir area(recovery);
            for (const QString &name : area.entryList({QStringLiteral("*.tab.json")}, QDir::Files)) {
                QFile kept(area.filePath(name));
                if (kept.open(QIODevice::ReadOnly))
                    texts << QJsonDocument::fromJson(kept.readAll()).object().value(u"text").toString();
            }
            return texts;
        };

        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(program(), {QStringLiteral("-platform"), QStringLiteral("offscreen"), script});
        QVERIFY(process.waitForStarted());
        // Opening the script keeps its tab in the recovery area; from then on the window is up.
        QTRY_VERIFY_WITH_TIMEOUT(keptTexts().contains(u"SELECT 'kept across SIGTERM';\n"), 20000);
        QVERIFY(QFile::exists(recovery + u"/running"));
        QVERIFY(QSettings(config, QSettings::IniFormat).value(QStringLiteral("mainwindow/state")).isNull());

        process.terminate(); // SIGTERM, as a logout or `kill` sends
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        QSettings saved(config, QSettings::IniFormat);
        QVERIFY(!saved.value(QStringLiteral("mainwindow/state")).toByteArray().isEmpty());
        QVERIFY(!saved.value(QStringLiteral("mainwindow/geometry")).toByteArray().isEmpty());
        // The tabs stay for the next start, and it was a normal end, not a crash.
        QVERIFY(keptTexts().contains(u"SELECT 'kept across SIGTERM';\n"));
        QVERIFY(!QFile::exists(recovery + u"/running"));
    }

    // The console starts the local jobdeck-server and leaves it running on purpose (it may
    // have started it just before the SIGTERM); the test does not.
    void cleanupTestCase() { JobDeck::Test::endLocalServers(); }
};

QTEST_GUILESS_MAIN(TestConsoleProcess)
#include "tst_consoleprocess.moc"
