// The job list's proxy: JobFilter over JobListModel, raw-value sorting and the per-state counts,
// all under QAbstractItemModelTester.
#include "jobs/jobfiltermodel.h"
#include "jobs/joblistmodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace JobDeck;

namespace {
const QString Local = QStringLiteral("local");
const QString Remote = QStringLiteral("prod");
const QDateTime Epoch = QDateTime::currentDateTimeUtc().addDays(-1);

Job makeJob(const QString &id, JobState state, int minute, const QString &submitter = QStringLiteral("alice"))
{
    Job job;
    job.id = id;
    job.state = state;
    job.submitted = Epoch.addSecs(60 * minute);
    job.submitter = submitter;
    job.engine = minute % 2 ? QStringLiteral("spark") : QStringLiteral("hive");
    job.script = QStringLiteral("SELECT * FROM t%1").arg(minute);
    job.progress = minute / 100.0;
    job.durationMs = 1000 * (50 - minute);
    return job;
}

QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(JobListModel::KeyRole).value<JobKey>().id;
    return ids;
}

class OtherModel final : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex & = {}) const override { return 0; }
    QVariant data(const QModelIndex &, int) const override { return {}; }
};

struct Fixture
{
    Fixture()
    {
        proxy.setSourceModel(&jobs);
        jobs.upsert(Local,
                    QList<Job>{makeJob(QStringLiteral("l1"), JobState::Running, 1),
                               makeJob(QStringLiteral("l2"), JobState::Failed, 2),
                               makeJob(QStringLiteral("l3"), JobState::Succeeded, 3, QStringLiteral("bob")),
                               makeJob(QStringLiteral("l4"), JobState::Succeeded, 4)});
        jobs.upsert(Remote,
                    QList<Job>{makeJob(QStringLiteral("r1"), JobState::Queued, 5, QStringLiteral("carol")),
                               makeJob(QStringLiteral("r2"), JobState::Failed, 6, QStringLiteral("carol"))});
    }
    JobListModel jobs;
    JobFilterModel proxy;
    QAbstractItemModelTester sourceTester{&jobs, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};
};
} // namespace

class TestJobFilterModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersByStateAndCounts()
    {
        Fixture f;
        QCOMPARE(f.proxy.rowCount(), 6);
        QHash<JobState, int> counts = f.proxy.stateCounts();
        QCOMPARE(counts.value(JobState::Failed), 2);
        QCOMPARE(counts.value(JobState::Succeeded), 2);
        QCOMPARE(counts.value(JobState::Running), 1);
        QCOMPARE(f.proxy.countAnyState(), 6);

        QSignalSpy changed(&f.proxy, &JobFilterModel::filterChanged);
        QSignalSpy countsChanged(&f.proxy, &JobFilterModel::stateCountsChanged);
        f.proxy.setStates({JobState::Failed});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(countsChanged.size(), 0); // counts ignore the states picked
        QStringList ids = shownIds(f.proxy);
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("l2"), QStringLiteral("r2")}));
        QCOMPARE(f.proxy.stateCounts().value(JobState::Succeeded), 2);

        // A job that fails now enters the list, and the counts move.
        Job failing = makeJob(QStringLiteral("l1"), JobState::Failed, 1);
        f.jobs.upsert(Local, failing);
        QCOMPARE(f.proxy.rowCount(), 3);
        QCOMPARE(countsChanged.size(), 1);
        QCOMPARE(f.proxy.stateCounts().value(JobState::Failed), 3);
        QCOMPARE(f.proxy.stateCounts().value(JobState::Running), 0);
        // A failed job retried leaves it.
        failing.state = JobState::Retrying;
        f.jobs.upsert(Local, failing);
        QCOMPARE(f.proxy.rowCount(), 2);
        // A new one, and a removed one.
        f.jobs.upsert(Remote, makeJob(QStringLiteral("r3"), JobState::Failed, 7));
        QCOMPARE(f.proxy.rowCount(), 3);
        QCOMPARE(f.proxy.stateCounts().value(JobState::Failed), 3);
        f.jobs.remove({Local, QStringLiteral("l2")});
        QCOMPARE(f.proxy.rowCount(), 2);
        QCOMPARE(f.proxy.stateCounts().value(JobState::Failed), 2);
        f.jobs.removeConnection(Remote);
        QCOMPARE(f.proxy.rowCount(), 0);
        QCOMPARE(f.proxy.countAnyState(), 3);
    }

    void filtersByTextConnectionAndUser()
    {
        Fixture f;
        QSignalSpy countsChanged(&f.proxy, &JobFilterModel::stateCountsChanged);
        f.proxy.setText(QStringLiteral("CAROL"));
        QCOMPARE(shownIds(f.proxy).size(), 2);
        QCOMPARE(f.proxy.countAnyState(), 2);
        QVERIFY(countsChanged.size() >= 1); // the text narrows what is counted
        f.proxy.setText(QStringLiteral("t3"));
        QCOMPARE(shownIds(f.proxy), QStringList{QStringLiteral("l3")});
        f.proxy.setText(QString());

        f.proxy.setConnections({Remote});
        QCOMPARE(f.proxy.rowCount(), 2);
        f.proxy.setConnections({});

        f.proxy.setCurrentUser(Local, QStringLiteral("alice"));
        f.proxy.setCurrentUser(Remote, QStringLiteral("carol"));
        f.proxy.setSubmittedByMe(true);
        QStringList mine = shownIds(f.proxy);
        mine.sort();
        QCOMPARE(mine,
                 (QStringList{QStringLiteral("l1"),
                              QStringLiteral("l2"),
                              QStringLiteral("l4"),
                              QStringLiteral("r1"),
                              QStringLiteral("r2")}));
        // Another user on prod: its jobs are not mine any more.
        f.proxy.setCurrentUser(Remote, QStringLiteral("dave"));
        QCOMPARE(f.proxy.rowCount(), 3);
        // Restoring a saved filter keeps who "me" is.
        JobFilter saved;
        saved.setSubmittedByMe(true);
        f.proxy.setFilter(saved);
        QCOMPARE(f.proxy.rowCount(), 3);
        f.proxy.clearFilter();
        QCOMPARE(f.proxy.rowCount(), 6);
        QVERIFY(!f.proxy.filter().isActive());
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        QTest::newRow("state") << int(JobListModel::StateColumn)
                               << QStringList{QStringLiteral("r1"),
                                              QStringLiteral("l1"),
                                              QStringLiteral("l3"),
                                              QStringLiteral("l4"),
                                              QStringLiteral("l2"),
                                              QStringLiteral("r2")};
        QTest::newRow("submitted") << int(JobListModel::SubmittedColumn)
                                   << QStringList{QStringLiteral("l1"),
                                                  QStringLiteral("l2"),
                                                  QStringLiteral("l3"),
                                                  QStringLiteral("l4"),
                                                  QStringLiteral("r1"),
                                                  QStringLiteral("r2")};
        QTest::newRow("duration") << int(JobListModel::DurationColumn)
                                  << QStringList{QStringLiteral("r2"),
                                                 QStringLiteral("r1"),
                                                 QStringLiteral("l4"),
                                                 QStringLiteral("l3"),
                                                 QStringLiteral("l2"),
                                                 QStringLiteral("l1")};
        QTest::newRow("submitter") << int(JobListModel::SubmitterColumn)
                                   << QStringList{QStringLiteral("l1"),
                                                  QStringLiteral("l2"),
                                                  QStringLiteral("l4"),
                                                  QStringLiteral("l3"),
                                                  QStringLiteral("r1"),
                                                  QStringLiteral("r2")};
        QTest::newRow("connection") << int(JobListModel::ConnectionColumn)
                                    << QStringList{QStringLiteral("l1"),
                                                   QStringLiteral("l2"),
                                                   QStringLiteral("l3"),
                                                   QStringLiteral("l4"),
                                                   QStringLiteral("r1"),
                                                   QStringLiteral("r2")};
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Fixture f;
        f.proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(shownIds(f.proxy), ascending);
        f.proxy.sort(column, Qt::DescendingOrder);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(shownIds(f.proxy), descending);
    }

    void keysAndIndexes()
    {
        Fixture f;
        f.proxy.setStates({JobState::Failed});
        const JobKey key{Remote, QStringLiteral("r2")};
        const QModelIndex index = f.proxy.indexOf(key, JobListModel::JobColumn);
        QVERIFY(index.isValid());
        QCOMPARE(index.column(), int(JobListModel::JobColumn));
        QCOMPARE(f.proxy.keyAt(index), key);
        QVERIFY(!f.proxy.indexOf({Local, QStringLiteral("l1")}).isValid()); // filtered out
        QCOMPARE(f.proxy.keyAt(QModelIndex()), JobKey());
    }

    // Thousands of rows coming or going at once (typing a word, clearing it) are filtered
    // afresh in one layout change rather than as rows inserted and removed: the same rows, in
    // order, a selected row that stays kept, under the model tester.
    void aFilterThatMovesThousandsOfRows()
    {
        JobListModel jobs;
        JobFilterModel proxy;
        proxy.setSourceModel(&jobs);
        QAbstractItemModelTester tester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};
        QList<Job> many;
        for (int i = 0; i < 5000; ++i)
            many.append(makeJob(QStringLiteral("job%1").arg(i),
                                JobState::Succeeded,
                                i % 600,
                                i % 10 == 0 ? QStringLiteral("dora") : QStringLiteral("alice")));
        jobs.upsert(Local, many);
        proxy.sort(JobListModel::SubmittedColumn, Qt::DescendingOrder);
        QPersistentModelIndex kept = proxy.indexOf({Local, QStringLiteral("job10")});
        QVERIFY(kept.isValid());
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        proxy.setText(QStringLiteral("dora"));
        QCOMPARE(proxy.rowCount(), 500);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(proxy.keyAt(kept), (JobKey{Local, QStringLiteral("job10")}));
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(!jobs.lessThan(proxy.mapToSource(proxy.index(row - 1, 0)).row(),
                                   proxy.mapToSource(proxy.index(row, 0)).row(),
                                   JobListModel::SubmittedColumn));
        // A word that changes a few rows still goes row by row.
        QSignalSpy removedFew(&proxy, &QAbstractItemModel::rowsRemoved);
        proxy.setText(QStringLiteral("dora job1"));
        QVERIFY(removedFew.count() > 0);
        QCOMPARE(proxy.rowCount(), 111); // dora's jobs 10, 100-190 and 1000-1990
        proxy.setText(QString());
        QCOMPARE(proxy.rowCount(), 5000);
        QCOMPARE(proxy.keyAt(kept), (JobKey{Local, QStringLiteral("job10")}));
    }

    void refusesAnotherSourceModel()
    {
        JobFilterModel proxy;
        OtherModel other;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("filters a JobListModel only")));
        proxy.setSourceModel(&other);
        QCOMPARE(proxy.sourceModel(), nullptr);
    }
};

QTEST_MAIN(TestJobFilterModel)
#include "tst_jobfiltermodel.moc"
