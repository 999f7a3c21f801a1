// A job's progress history: readings, sub-jobs, thinning, the estimate, and the cache on disk.
#include "progress/progresshistory.h"
#include "progress/progressstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace JobDeck;

class TestProgressHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsOnePointPerChange()
    {
        ProgressHistory history;
        QVERIFY(history.record(1000, 0.1));
        QVERIFY(!history.record(2000, 0.1)); // nothing new
        QVERIFY(history.record(3000, 0.2));
        QVERIFY(!history.record(4000, -1)); // unknown progress is no reading
        QVERIFY(!history.record(5000, std::numeric_limits<double>::quiet_NaN()));
        QCOMPARE(history.points().size(), 2);
        QCOMPARE(history.points().at(1), (ProgressPoint{3000, 0.2}));
        QCOMPARE(history.originMs(), 1000);
        QVERIFY(history.record(2500, 0.3)); // a clock step back joins the last reading's time
        QCOMPARE(history.points().last().atMs, 3000);
    }

    void tracksSubJobsFirstSeenAndLastChange()
    {
        ProgressHistory history;
        SubJobProgress stage;
        stage.id = QStringLiteral("s1");
        stage.total = 4;
        history.record(100, 0, {stage});
        stage.running = 1;
        history.record(200, 0.1, {stage});
        history.record(300, 0.2, {stage}); // same counts: no change of the sub-job
        QCOMPARE(history.subJobs().size(), 1);
        QCOMPARE(history.subJobs().first().firstSeenMs, 100);
        QCOMPARE(history.subJobs().first().lastChangeMs, 200);
        QCOMPARE(history.subJobs().first().last.running, 1);
    }

    void estimatesTheEndFromTheRecentRate()
    {
        ProgressHistory history;
        // 1 % a second, linearly.
        for (int s = 0; s <= 20; ++s)
            history.record(10'000 + s * 1000, s / 100.0);
        const std::optional<ProgressEstimate> estimate = history.estimate();
        QVERIFY(estimate);
        QVERIFY(qAbs(estimate->ratePerSecond - 0.01) < 1e-6);
        // 80 % left at 1 %/s from the last reading at 30 s: 110 s.
        QVERIFY(qAbs(estimate->finishAtMs - 110'000) < 5);

        ProgressHistory still;
        still.record(0, 0.5);
        QVERIFY(!still.estimate()); // one reading: no rate
        ProgressHistory done;
        done.record(0, 0.5);
        done.record(1000, 1.0);
        QVERIFY(!done.estimate()); // finished: nothing to estimate
    }

    void thinsOlderPointsKeepingTheShape()
    {
        ProgressHistory history;
        const int n = ProgressHistory::MaxPoints * 3;
        for (int i = 1; i <= n; ++i)
            history.record(i * 100, double(i) / n);
        QVERIFY(history.points().size() <= ProgressHistory::MaxPoints);
        QVERIFY(history.points().size() >= ProgressHistory::MaxPoints / 2);
        QCOMPARE(history.changeCount(), n);
        QCOMPARE(history.points().first().atMs, 100); // the first reading stays
        QCOMPARE(history.points().last().atMs, qint64(n) * 100);
        for (qsizetype i = 1; i < history.points().size(); ++i)
            QVERIFY(history.points().at(i).atMs > history.points().at(i - 1).atMs);

        // A step (flat, jump, flat) keeps its corner through decimation.
        QList<ProgressPoint> step;
        for (int i = 0; i < 1000; ++i)
            step.append({i, i < 500 ? 0.0 : 1.0});
        const QList<ProgressPoint> thin = decimate(step, 50);
        QCOMPARE(thin.size(), 50);
        bool low = false;
        bool high = false;
        for (const ProgressPoint &p : thin) {
            low = low || (p.atMs >= 480 && p.atMs < 500 && p.progress == 0.0);
            high = high || (p.atMs >= 500 && p.atMs <= 520 && p.progress == 1.0);
        }
        QVERIFY(low && high);
    }

    void roundTripsThroughJson()
    {
        ProgressHistory history;
        SubJobProgress statement;
        statement.id = QStringLiteral("statement_1");
        statement.name = QStringLiteral("Statement 1");
        statement.detail = QStringLiteral("SELECT 1");
        statement.succeeded = 1;
        statement.total = 1;
        statement.start = QDateTime::fromMSecsSinceEpoch(1000, QTimeZone::UTC);
        statement.end = QDateTime::fromMSecsSinceEpoch(2000, QTimeZone::UTC);
        statement.firstLogLine = 2;
        statement.lastLogLine = 3;
        history.record(1000, 0.25, {statement});
        history.record(2000, 1.0, {statement});
        const ProgressHistory back = ProgressHistory::fromJson(history.toJson());
        QCOMPARE(back, history);

        QJsonObject broken = history.toJson();
        broken.insert(QStringLiteral("points"), QJsonArray{QJsonArray{5, 2.0}, QJsonArray{-1, 0.5}, 7});
        QCOMPARE(ProgressHistory::fromJson(broken).points().size(), 0);
        QVERIFY(ProgressHistory::fromJson(QJsonObject{}).isEmpty());
    }

    void keepsHistoriesInTheCacheDirectory()
    {
        QTemporaryDir dir;
        ProgressStore store(dir.path());
        ProgressHistory history;
        history.record(1000, 0.5);
        history.record(2000, 1.0);
        const QString key = ProgressStore::key(QStringLiteral("local"), QStringLiteral("exec/1"));
        QVERIFY(store.save(key, history));
        QCOMPARE(store.load(key), std::optional<ProgressHistory>(history));
        QVERIFY(!store.load(ProgressStore::key(QStringLiteral("other"), QStringLiteral("exec/1"))));
        // A damaged file is no history, and no crash.
        const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.json")});
        QCOMPARE(files.size(), 1);
        QFile file(dir.filePath(files.first()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"key\": 5, ");
        file.close();
        QVERIFY(!store.load(key));
        // The default place is the cache location.
        QVERIFY(ProgressStore().directory().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
    }
};

QTEST_GUILESS_MAIN(TestProgressHistory)
#include "tst_progresshistory.moc"
