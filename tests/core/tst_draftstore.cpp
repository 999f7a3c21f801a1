#include "workspace/draftstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDeck;

class TestDraftStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFolderHasNoDraft()
    {
        QTemporaryDir dir;
        const DraftStore store(dir.path() + u"/drafts");
        const DraftStore::Draft draft = store.load();
        QVERIFY(!draft.exists);
        QVERIFY(draft.text.isEmpty());
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const DraftStore store(dir.path() + u"/nested/drafts");
        const QString text = QStringLiteral("SELECT '中文', 1;\n-- 第二行\n");
        QCOMPARE(store.save({text, QStringLiteral("/data/q.sql"), true}), QString());
        const DraftStore::Draft draft = DraftStore(dir.path() + u"/nested/drafts").load();
        QVERIFY(draft.exists);
        QCOMPARE(draft.text, text);
        QCOMPARE(draft.filePath, QStringLiteral("/data/q.sql"));

        // A later save replaces the earlier one whole, path included.
        QCOMPARE(store.save({QStringLiteral("SELECT 2"), QString(), true}), QString());
        QCOMPARE(store.load().text, QStringLiteral("SELECT 2"));
        QCOMPARE(store.load().filePath, QString());
    }

    void unwritableFolderIsReported()
    {
        QTemporaryDir dir;
        // A file where the folder should be: mkpath fails whatever the user's privileges.
        QFile blocker(dir.path() + u"/blocked");
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const DraftStore store(dir.path() + u"/blocked/drafts");
        const QString error = store.save({QStringLiteral("SELECT 1"), QString(), true});
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(u"blocked"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
