// No typed character is lost: a console (this program, started again as a child with
// --child) types into three tabs (an untitled script, a modified file, a clean file), says
// what its tabs hold, and is killed with SIGKILL two seconds after the last key. The next
// start brings every tab back exactly, says which were recovered, and has written nothing
// to the user's files.
#include "core/buildinfo.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "mainwindow/mainwindow.h"
#include "support/isolatedhome.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace JobDeck;

namespace {

void setApplicationNames()
{
    QApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    QApplication::setApplicationName(QLatin1StringView(BuildInfo::ApplicationName));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// The child console: argv is --child CLEAN MODIFIED, the environment names the parent's home.
int childMain(int argc, char *argv[])
{
    // Live in the parent's folders; this process's own would outlive a SIGKILL.
    QDir(Test::isolatedHome()).removeRecursively();
    const QByteArray home = qgetenv("JOBDECK_RECOVERY_TEST_HOME");
    qputenv("HOME", home);
    for (const char *sub : {"config", "data", "cache", "state", "runtime"}) {
        const QByteArray name = QByteArray("XDG_") + QByteArray(sub).toUpper()
                                + QByteArray(qstrcmp(sub, "runtime") == 0 ? "_DIR" : "_HOME");
        qputenv(name.constData(), QByteArray(home + '/' + sub));
    }
    QApplication app(argc, argv);
    setApplicationNames();
    const QStringList args = QApplication::arguments();
    const QString clean = args.value(2);
    const QString modified = args.value(3);

    auto *window = new MainWindow(nullptr);
    window->show();
    ScriptWorkspace *workspace = window->workspace();
    // Tab 0, the welcome script: replaced by what the user types.
    SqlEditor *untitled = workspace->currentEditor();
    untitled->setFocus();
    QTest::keyClick(untitled, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(untitled, QStringLiteral("SELECT 'typed, never saved';"));
    QTest::keyClick(untitled, Qt::Key_Return);
    QTest::keyClicks(untitled, QStringLiteral("SELECT 2"));
    QTest::keyClick(untitled, Qt::Key_Left);
    // Tab 1: a file with unsaved changes.
    if (!workspace->openFile(modified))
        return 3;
    SqlEditor *changed = workspace->currentEditor();
    QTest::keyClick(changed, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(changed, Qt::Key_Return);
    QTest::keyClicks(changed, QStringLiteral("-- changed here, not saved"));
    QTest::keyClick(changed, Qt::Key_Home);
    // Tab 2: a clean file, the cursor moved only.
    if (!workspace->openFile(clean))
        return 3;
    SqlEditor *kept = workspace->currentEditor();
    QTest::keyClick(kept, Qt::Key_Down);
    QTest::keyClick(kept, Qt::Key_Right);

    // What the tabs hold now, the moment the last key was typed.
    QJsonArray tabs;
    for (int i = 0; i < workspace->count(); ++i) {
        ScriptTab *tab = workspace->tab(i);
        tabs.append(QJsonObject{{QStringLiteral("name"), tab->displayName()},
                                {QStringLiteral("text"), tab->editor()->toPlainText()},
                                {QStringLiteral("cursor"), tab->editor()->textCursor().position()},
                                {QStringLiteral("modified"), tab->isModified()}});
    }
    std::printf("TABS %s\n", QJsonDocument(tabs).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return QApplication::exec(); // until killed
}

} // namespace

class TestRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedConsoleComesBackWhole()
    {
        QTemporaryDir files;
        QVERIFY(files.isValid());
        const QString clean = files.filePath(QStringLiteral("clean.sql"));
        const QString modified = files.filePath(QStringLiteral("report.hql"));
        const QByteArray cleanBytes("SELECT 1;\nSELECT 2;\n");
        const QByteArray modifiedBytes("INSERT OVERWRITE TABLE t SELECT * FROM s;");
        for (const auto &[path, bytes] : {std::pair{clean, cleanBytes}, std::pair{modified, modifiedBytes}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JOBDECK_RECOVERY_TEST_HOME"), Test::isolatedHome());
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"),
                     clean,
                     modified,
                     QStringLiteral("-platform"),
                     QStringLiteral("offscreen")});
        QVERIFY(child.waitForStarted());
        QByteArray report;
        QTRY_VERIFY_WITH_TIMEOUT((report += child.readAllStandardOutput()).contains('\n'), 30000);
        QVERIFY2(report.startsWith("TABS "), report.constData());
        const QJsonArray typed = QJsonDocument::fromJson(report.mid(5).trimmed()).array();
        QCOMPARE(typed.size(), 3);

        // The promise: on disk within 2 s of the last change. Then no goodbye at all.
        QTest::qWait(2000);
        QCOMPARE(child.state(), QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // The next start.
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ScriptWorkspace *workspace = window.workspace();
        QCOMPARE(workspace->count(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject expected = typed[i].toObject();
            ScriptTab *tab = workspace->tab(i);
            QCOMPARE(tab->displayName(), expected.value(u"name").toString());
            QCOMPARE(tab->editor()->toPlainText(), expected.value(u"text").toString());
            QCOMPARE(tab->editor()->textCursor().position(), expected.value(u"cursor").toInt());
            QCOMPARE(tab->isModified(), expected.value(u"modified").toBool());
        }
        QVERIFY(workspace->tab(0)->filePath().isEmpty());
        QVERIFY(workspace->tab(0)->editor()->toPlainText().startsWith(u"SELECT 'typed, never saved';"));
        QCOMPARE(workspace->tab(1)->filePath(), modified);
        QVERIFY(workspace->tab(1)->isModified());
        QVERIFY(!workspace->tab(2)->isModified());
        // Which were recovered is said, in the window.
        QCOMPARE(workspace->recoveredTabs(),
                 (QStringList{workspace->tab(0)->displayName(), QStringLiteral("report.hql")}));
        auto *notice = window.findChild<QLabel *>(QStringLiteral("recoveryNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().contains(u"report.hql"));
        QVERIFY(!notice->text().contains(u"clean.sql"));
        // The user's files are as they were: nothing is written until the user saves.
        QCOMPARE(readAll(modified), modifiedBytes);
        QCOMPARE(readAll(clean), cleanBytes);

        // A normal end is not a crash: the start after it recovers nothing.
        QVERIFY(window.workspace()->saveTabAs(workspace->tab(1), modified));
        QVERIFY(window.close());
        MainWindow again(nullptr);
        QCOMPARE(again.workspace()->count(), 3);
        QVERIFY(again.workspace()->recoveredTabs().isEmpty());
        QVERIFY(readAll(modified).endsWith("-- changed here, not saved"));
    }
};

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return childMain(argc, argv);
    QApplication app(argc, argv);
    setApplicationNames();
    TestRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
