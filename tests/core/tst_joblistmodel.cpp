// The job list's model over the jobs of every open connection: rows found by key, updates as
// row-limited dataChanged, never a reset, the live duration, retranslation and history paging.
#include "jobs/jobhistorysource.h"
#include "jobs/joblistmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <numeric>
#include <optional>

using namespace JobDeck;

namespace {

const QString Local = QStringLiteral("local");
const QString Remote = QStringLiteral("prod");
const QDateTime Epoch = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::UTC);

Job makeJob(const QString &id, JobState state = JobState::Succeeded, int minute = 0)
{
    Job job;
    job.id = id;
    job.backend = QStringLiteral("linkis");
    job.state = state;
    job.submitted = Epoch.addSecs(60 * minute);
    job.engine = QStringLiteral("spark");
    job.runType = QStringLiteral("sql");
    job.submitter = QStringLiteral("alice");
    job.script = QStringLiteral("SELECT %1;").arg(minute);
    return job;
}

// A history source whose pages come back when the test says so.
class FakeHistory final : public JobHistorySource
{
public:
    FakeHistory(JobListModel *model, QString connection, int pages)
        : m_model(model)
        , m_connection(std::move(connection))
        , m_pages(pages)
    {}
    bool hasMoreHistory() const override { return m_read < m_pages; }
    void fetchMoreHistory() override
    {
        ++asked;
        if (m_fetching || m_read >= m_pages)
            return;
        m_fetching = true;
    }
    bool isFetchingHistory() const override { return m_fetching; }

    // The page asked for arrives: ten jobs, a minute apart, older than the ones before.
    void answer(int minuteOfNewest)
    {
        QVERIFY(m_fetching);
        m_fetching = false;
        QList<Job> jobs;
        for (int i = 0; i < 10; ++i)
            jobs << makeJob(QStringLiteral("%1-%2-%3").arg(m_connection).arg(m_read).arg(i),
                            JobState::Succeeded,
                            minuteOfNewest - i);
        ++m_read;
        m_model->upsert(m_connection, jobs);
    }
    int asked = 0;

private:
    JobListModel *m_model;
    QString m_connection;
    int m_pages;
    int m_read = 0;
    bool m_fetching = false;
};

// A history source whose pages come back on the next turn of the event loop.
class AnsweringHistory final : public QObject, public JobHistorySource
{
public:
    AnsweringHistory(JobListModel *model, QString connection, int pages)
        : m_model(model)
        , m_connection(std::move(connection))
        , m_pages(pages)
    {}
    bool hasMoreHistory() const override { return m_read < m_pages; }
    bool isFetchingHistory() const override { return m_fetching; }
    void fetchMoreHistory() override
    {
        if (m_fetching || m_read >= m_pages)
            return;
        m_fetching = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                QList<Job> jobs;
                for (int i = 0; i < 10; ++i)
                    jobs << makeJob(
                        QStringLiteral("p%1-%2").arg(m_read).arg(i), JobState::Failed, -10 * m_read - i);
                ++m_read;
                m_fetching = false;
                m_model->upsert(m_connection, jobs);
            },
            Qt::QueuedConnection);
    }
    int pagesRead() const { return m_read; }

private:
    JobListModel *m_model;
    QString m_connection;
    int m_pages;
    int m_read = 0;
    bool m_fetching = false;
};

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
    {}
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy inserted;
    QSignalSpy removed;
};

} // namespace

class TestJobListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsOfTwoConnectionsInOneList()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectionLabel(Local, QStringLiteral("Local"));
        model.upsert(
            Local,
            QList<Job>{makeJob(QStringLiteral("17"), JobState::Running, 1), makeJob(QStringLiteral("18"))});
        Job named = makeJob(QStringLiteral("17"), JobState::Failed, 2);
        named.name = QStringLiteral("nightly revenue");
        named.errorMessage = QStringLiteral("Table not found: revenue");
        model.upsert(Remote, named);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(JobListModel::ColumnCount));
        // The same id on two servers: two jobs.
        const JobKey localKey{Local, QStringLiteral("17")};
        const JobKey remoteKey{Remote, QStringLiteral("17")};
        QVERIFY(model.contains(localKey));
        QVERIFY(model.contains(remoteKey));
        QCOMPARE(model.job(localKey).state, JobState::Running);
        QCOMPARE(model.job(remoteKey).state, JobState::Failed);
        QCOMPARE(model.jobCount(Local), 2);
        QCOMPARE(model.jobCount(Remote), 1);

        const QModelIndex remote = model.indexOf(remoteKey, JobListModel::ConnectionColumn);
        QCOMPARE(remote.data().toString(), Remote); // no label set: the id
        QCOMPARE(remote.data(JobListModel::ConnectionRole).toString(), Remote);
        QCOMPARE(remote.data(JobListModel::KeyRole).value<JobKey>(), remoteKey);
        QCOMPARE(model.indexOf(localKey, JobListModel::ConnectionColumn).data().toString(),
                 QStringLiteral("Local"));
        QCOMPARE(model.indexOf(remoteKey, JobListModel::JobColumn).data().toString(),
                 QStringLiteral("nightly revenue"));
        QVERIFY(model.indexOf(remoteKey, JobListModel::JobColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Id: 17"));
        QCOMPARE(model.indexOf(remoteKey, JobListModel::StateColumn).data(Qt::ToolTipRole).toString(),
                 named.errorMessage);
        QCOMPARE(model.indexOf(remoteKey).data(JobListModel::StateRole).value<JobState>(), JobState::Failed);
        QCOMPARE(model.indexOf(localKey, JobListModel::EngineColumn).data().toString(),
                 QStringLiteral("spark / sql"));
        QCOMPARE(model.indexOf(localKey, JobListModel::SubmitterColumn).data().toString(),
                 QStringLiteral("alice"));
        QCOMPARE(
            model.indexOf(localKey, JobListModel::SubmittedColumn).data(JobListModel::SortRole).toDateTime(),
            Epoch.addSecs(60));
        QCOMPARE(model.keys(Local).size(), 2);
        QVERIFY(model.keys(Remote) == QList<JobKey>{remoteKey});

        // Labels change where they show.
        Spies spies(&model);
        model.setConnectionLabel(Remote, QStringLiteral("Production"));
        QCOMPARE(spies.changed.size(), 1);
        const auto args = spies.changed.takeFirst();
        QCOMPARE(args.at(0).toModelIndex(), model.indexOf(remoteKey, JobListModel::ConnectionColumn));
        QCOMPARE(args.at(1).toModelIndex(), model.indexOf(remoteKey, JobListModel::ConnectionColumn));
        QCOMPARE(remote.data().toString(), QStringLiteral("Production"));
    }

    void aLongIdIsShortenedWithTheWholeIdInTheTooltip()
    {
        JobListModel model;
        const QString uuid = QStringLiteral("8c1d3f0e-7a56-4b3e-9d2a-0f1e2d3c4b5a");
        model.upsert(Remote, makeJob(uuid));
        const QModelIndex cell = model.index(0, JobListModel::JobColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("8c1d3f0e…"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(uuid));
        Job linkis = makeJob(QStringLiteral("exec_id018030linkis-cg-entrancegateway:9104IDE_alice_spark_0"));
        linkis.ids.linkisTaskId = 4711;
        model.upsert(Local, linkis);
        QCOMPARE(model.index(1, JobListModel::JobColumn).data().toString(), QStringLiteral("4711"));
    }

    void updatesAreRowLimitedAndNeverAReset()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Job> jobs;
        for (int i = 0; i < 100; ++i)
            jobs << makeJob(QString::number(i), JobState::Queued, i);
        model.upsert(Local, jobs);
        Spies spies(&model);

        // The same jobs again: nothing to tell.
        model.upsert(Local, jobs);
        QCOMPARE(spies.changed.size(), 0);

        // One job starts running: its row only, the columns that changed, the roles that did.
        Job started = jobs.at(40);
        started.state = JobState::Running;
        started.rawStatus = QStringLiteral("Running");
        model.upsert(Local, started);
        QCOMPARE(spies.changed.size(), 1);
        auto args = spies.changed.takeFirst();
        QModelIndex from = args.at(0).toModelIndex();
        QModelIndex to = args.at(1).toModelIndex();
        QCOMPARE(from.row(), 40);
        QCOMPARE(to.row(), 40);
        QCOMPARE(from.column(), int(JobListModel::StateColumn));
        QCOMPARE(to.column(), int(JobListModel::ProgressColumn));
        auto roles = args.at(2).value<QList<int>>();
        QVERIFY(roles.contains(JobListModel::StateRole));
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(JobListModel::SortRole));
        QVERIFY(!roles.contains(JobListModel::ProgressRole));
        QCOMPARE(model.index(40, JobListModel::StateColumn).data(JobListModel::StateRole).value<JobState>(),
                 JobState::Running);

        // Progress alone: the progress column alone.
        started.progress = 0.25;
        model.upsert(Local, started);
        QCOMPARE(spies.changed.size(), 1);
        args = spies.changed.takeFirst();
        QCOMPARE(args.at(0).toModelIndex(), model.index(40, JobListModel::ProgressColumn));
        QCOMPARE(args.at(1).toModelIndex(), model.index(40, JobListModel::ProgressColumn));
        roles = args.at(2).value<QList<int>>();
        QVERIFY(roles.contains(JobListModel::ProgressRole));
        QVERIFY(!roles.contains(JobListModel::StateRole));
        QCOMPARE(model.index(40, 0).data(JobListModel::ProgressRole).toDouble(), 0.25);
        QCOMPARE(model.index(40, JobListModel::ProgressColumn).data().toString(), QStringLiteral("25%"));

        // A field no column shows (the steps): JobRole alone.
        JobStep step;
        step.id = QStringLiteral("s1");
        step.name = QStringLiteral("Extract");
        started.steps = {step};
        model.upsert(Local, started);
        QCOMPARE(spies.changed.size(), 1);
        args = spies.changed.takeFirst();
        QCOMPARE(args.at(2).value<QList<int>>(), QList<int>{JobListModel::JobRole});
        QCOMPARE(model.index(40, 0).data(JobListModel::JobRole).value<Job>().steps.size(), 1);

        // A batch: contiguous rows in one signal, the rest in their own.
        QList<Job> batch;
        for (int row : {3, 4, 5, 70}) {
            Job done = jobs.at(row);
            done.state = JobState::Succeeded;
            batch << done;
        }
        batch << makeJob(QStringLiteral("new"), JobState::Queued, 200);
        model.upsert(Local, batch);
        QCOMPARE(spies.changed.size(), 2);
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 3);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), 5);
        QCOMPARE(spies.changed.at(1).at(0).toModelIndex().row(), 70);
        QCOMPARE(spies.changed.at(1).at(1).toModelIndex().row(), 70);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 100); // new jobs come at the end
        QCOMPARE(model.rowCount(), 101);

        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.layout.size(), 0);
        QCOMPARE(spies.removed.size(), 0);
    }

    void aJobListedTwiceInOneCallIsOneRow()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Job later = makeJob(QStringLiteral("a"), JobState::Running);
        model.upsert(Local, QList<Job>{makeJob(QStringLiteral("a"), JobState::Queued), later, Job{}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.job({Local, QStringLiteral("a")}).state, JobState::Running);
    }

    void lookupHoldsAfterManyInsertsAndRemovals_data()
    {
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("perRound");
        QTest::addColumn<bool>("tested");
        // The tester walks every cell after each change: a small list under it, a big one without.
        QTest::newRow("under the model tester") << 12 << 50 << true;
        QTest::newRow("10,000 jobs") << 20 << 500 << false;
    }

    void lookupHoldsAfterManyInsertsAndRemovals()
    {
        QFETCH(int, rounds);
        QFETCH(int, perRound);
        QFETCH(bool, tested);
        JobListModel model;
        std::optional<QAbstractItemModelTester> tester;
        if (tested)
            tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator random(42);
        QList<JobKey> alive;
        int next = 0;
        for (int round = 0; round < rounds; ++round) {
            QList<Job> local;
            QList<Job> remote;
            for (int i = 0; i < perRound; ++i, ++next) {
                Job job = makeJob(QString::number(next), JobState::Running, next);
                (i % 3 ? local : remote) << job;
                alive << JobKey{i % 3 ? Local : Remote, job.id};
            }
            model.upsert(Local, local);
            model.upsert(Remote, remote);
            for (int i = 0; i < perRound * 2 / 5; ++i) {
                const JobKey gone = alive.takeAt(random.bounded(int(alive.size())));
                model.remove(gone);
                QVERIFY(!model.contains(gone));
                QVERIFY(!model.indexOf(gone).isValid());
            }
            model.remove({Local, QStringLiteral("never listed")}); // nothing happens
        }
        QCOMPARE(model.rowCount(), int(alive.size()));
        for (const JobKey &key : std::as_const(alive)) {
            const QModelIndex index = model.indexOf(key, JobListModel::JobColumn);
            QVERIFY(index.isValid());
            QCOMPARE(index.data(JobListModel::KeyRole).value<JobKey>(), key);
            QCOMPARE(model.keyAt(index.row()), key);
            QCOMPARE(model.rowOf(key), index.row());
        }
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.keyAt(row)), row);

        // Closing one connection leaves the other's jobs, still found.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto remoteAlive = std::count_if(
            alive.cbegin(), alive.cend(), [](const JobKey &k) { return k.connection == Remote; });
        QCOMPARE(model.jobCount(Remote), int(remoteAlive));
        model.removeConnection(Remote);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), int(alive.size() - remoteAlive));
        QCOMPARE(model.jobCount(Remote), 0);
        for (const JobKey &key : std::as_const(alive)) {
            QCOMPARE(model.contains(key), key.connection == Local);
            if (key.connection == Local)
                QCOMPARE(model.keyAt(model.rowOf(key)), key);
        }
    }

    void theDurationOfRunningJobsTicks()
    {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Job running = makeJob(QStringLiteral("run"), JobState::Running);
        running.started = QDateTime::currentDateTimeUtc().addSecs(-5);
        Job done = makeJob(QStringLiteral("done"));
        done.durationMs = 90000;
        model.upsert(Local, QList<Job>{done, running});
        QCOMPARE(model.index(0, JobListModel::DurationColumn).data().toString(),
                 QStringLiteral("1 min 30 s"));
        const qint64 before
            = model.index(1, JobListModel::DurationColumn).data(JobListModel::SortRole).toLongLong();
        QVERIFY(before >= 5000);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(2500));
        const auto args = changed.takeFirst();
        QCOMPARE(args.at(0).toModelIndex(), model.index(1, JobListModel::DurationColumn));
        QCOMPARE(args.at(1).toModelIndex(), model.index(1, JobListModel::DurationColumn));
        QVERIFY(model.index(1, JobListModel::DurationColumn).data(JobListModel::SortRole).toLongLong()
                > before);

        // Once it ends, nothing ticks.
        running.state = JobState::Succeeded;
        running.durationMs = 7000;
        model.upsert(Local, running);
        changed.clear();
        QVERIFY(!changed.wait(1500));
        QCOMPARE(model.index(1, JobListModel::DurationColumn).data().toString(), QStringLiteral("7.0 s"));
    }

    void manyRunningJobsTickInFewSignals()
    {
        JobListModel model;
        QList<Job> jobs;
        for (int i = 0; i < 2000; ++i) {
            Job job = makeJob(QString::number(i), i % 7 ? JobState::Succeeded : JobState::Running, i);
            if (job.state == JobState::Running)
                job.started = QDateTime::currentDateTimeUtc().addSecs(-i);
            jobs << job;
        }
        model.upsert(Local, jobs);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(2500));
        QCoreApplication::processEvents(); // all of one tick
        QVERIFY(changed.size() <= 16);
        QSet<int> told;
        for (const auto &args : std::as_const(changed)) {
            const QModelIndex from = args.at(0).toModelIndex();
            const QModelIndex to = args.at(1).toModelIndex();
            QCOMPARE(from.column(), int(JobListModel::DurationColumn));
            QCOMPARE(to.column(), int(JobListModel::DurationColumn));
            for (int row = from.row(); row <= to.row(); ++row)
                told.insert(row);
        }
        for (int i = 0; i < 2000; i += 7)
            QVERIFY(told.contains(model.rowOf({Local, QString::number(i)})));
    }

    void retranslationTellsHeadersAndCells()
    {
        JobListModel model;
        model.upsert(Local, makeJob(QStringLiteral("1")));
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
        model.retranslate();
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.at(0).at(1).toInt(), 0);
        QCOMPARE(headers.at(0).at(2).toInt(), JobListModel::ColumnCount - 1);
        QCOMPARE(cells.size(), 1);
        QVERIFY(cells.at(0).at(2).value<QList<int>>().contains(Qt::DisplayRole));
        QCOMPARE(model.headerData(JobListModel::StateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("State"));
    }

    void rowsCompareByRawValues()
    {
        JobListModel model;
        Job a = makeJob(QStringLiteral("a"), JobState::Running, 5);
        a.progress = 0.5;
        a.durationMs = 100;
        Job b = makeJob(QStringLiteral("b"), JobState::Queued, 3);
        b.progress = 0.9;
        b.durationMs = 20;
        b.submitter = QStringLiteral("Bob");
        model.upsert(Local, QList<Job>{a, b});
        QVERIFY(model.lessThan(1, 0, JobListModel::StateColumn));     // Queued < Running
        QVERIFY(model.lessThan(1, 0, JobListModel::SubmittedColumn)); // minute 3 < minute 5
        QVERIFY(model.lessThan(0, 1, JobListModel::ProgressColumn));
        QVERIFY(model.lessThan(1, 0, JobListModel::DurationColumn));
        QVERIFY(model.lessThan(0, 1, JobListModel::SubmitterColumn)); // alice < Bob, whatever the case
        QVERIFY(model.lessThan(0, 1, JobListModel::JobColumn));
        QVERIFY(!model.lessThan(0, 0, JobListModel::JobColumn));
    }

    // The fast order (texts ranked once) is the order lessThan() gives, column by column, on
    // jobs that share names, submitters and submission minutes, across two connections, with
    // unnamed numbered tasks among named jobs and progress below zero (unknown).
    void theRankedOrderIsTheComparedOrder()
    {
        JobListModel model;
        model.setConnectionLabel(Local, QStringLiteral("Local"));
        model.setConnectionLabel(Remote, QStringLiteral("cluster"));
        QRandomGenerator random(7);
        const QStringList names{QString(),
                                QStringLiteral("report"),
                                QStringLiteral("Report"),
                                QStringLiteral("ärger"),
                                QStringLiteral("12 daily"),
                                QStringLiteral("nightly load")};
        const QStringList users{
            QStringLiteral("alice"), QStringLiteral("Bob"), QStringLiteral("bob"), QString()};
        const JobState states[]{JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Queued};
        for (const QString &connection : {Local, Remote}) {
            QList<Job> jobs;
            for (int i = 0; i < 600; ++i) {
                Job job = makeJob(QStringLiteral("%1-%2").arg(connection).arg(i),
                                  states[random.bounded(4)],
                                  random.bounded(40));
                job.name = names.at(random.bounded(int(names.size())));
                if (job.name.isEmpty() && random.bounded(3) > 0)
                    job.ids.linkisTaskId = 1 + random.bounded(50);
                job.submitter = users.at(random.bounded(int(users.size())));
                job.engine = random.bounded(2) ? QStringLiteral("spark") : QStringLiteral("Hive");
                job.progress = random.bounded(5) == 0 ? -1.0 : random.bounded(100) / 100.0;
                job.durationMs = random.bounded(4) == 0 ? -1 : random.bounded(1000);
                jobs.append(job);
            }
            model.upsert(connection, jobs);
        }
        for (int column = 0; column < JobListModel::ColumnCount; ++column) {
            std::vector<int> compared(size_t(model.rowCount()));
            std::iota(compared.begin(), compared.end(), 0);
            std::sort(
                compared.begin(), compared.end(), [&](int a, int b) { return model.lessThan(a, b, column); });
            QCOMPARE(model.rowsInOrder(column), compared);
        }
    }

    void historyIsReadOnePageAtATime()
    {
        // No model tester here: it calls fetchMore() itself, and this counts who is asked.
        JobListModel model;
        FakeHistory local(&model, Local, 3);
        FakeHistory remote(&model, Remote, 1);
        QVERIFY(!model.canFetchMore({}));
        model.setHistorySource(Local, &local);
        model.setHistorySource(Remote, &remote);
        QVERIFY(model.canFetchMore({}));

        model.upsert(Local, makeJob(QStringLiteral("newest"), JobState::Running, 1000));
        QVERIFY(!model.canFetchMore(model.index(0, 0))); // no children, no history
        // Remote lists nothing yet: its page goes first.
        model.fetchMore({});
        QCOMPARE(remote.asked, 1);
        QCOMPARE(local.asked, 0);
        // While it is on its way, only Local can give more.
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(local.asked, 1);
        QCOMPARE(remote.asked, 1);
        // Both on their way: nothing more to ask.
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(local.asked + remote.asked, 2);

        remote.answer(500); // Remote's only page: minutes 500..491
        local.answer(999);  // Local reaches back to minute 990
        QCOMPARE(model.rowCount(), 21);
        QVERIFY(!remote.hasMoreHistory());
        // Local's next page, since Remote has no more.
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(local.asked, 2);
        local.answer(989);
        model.fetchMore({});
        local.answer(979);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 41);

        // A closed connection's source is forgotten with its jobs.
        model.removeConnection(Local);
        QCOMPARE(model.rowCount(), 10);
        model.setHistorySource(Remote, nullptr);
        QVERIFY(!model.canFetchMore({}));
    }

    void pagingUnderTheModelTester()
    {
        JobListModel model;
        AnsweringHistory history(&model, Remote, 6);
        model.setHistorySource(Remote, &history);
        // The tester asks for more after each change, as a view scrolled to the end would.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 60);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(history.pagesRead(), 6);
    }

    void theOldestReachGoesNext()
    {
        JobListModel model;
        FakeHistory local(&model, Local, 5);
        FakeHistory remote(&model, Remote, 5);
        model.setHistorySource(Local, &local);
        model.setHistorySource(Remote, &remote);
        model.upsert(Local, makeJob(QStringLiteral("l"), JobState::Succeeded, 100)); // reaches minute 100
        model.upsert(Remote, makeJob(QStringLiteral("r"), JobState::Succeeded, 50)); // reaches minute 50
        // Local's older jobs belong right below in a list sorted by submission.
        model.fetchMore({});
        QCOMPARE(local.asked, 1);
        QCOMPARE(remote.asked, 0);
        local.answer(40); // now Local reaches minute 31, Remote 50
        model.fetchMore({});
        QCOMPARE(remote.asked, 1);
    }
};

QTEST_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
