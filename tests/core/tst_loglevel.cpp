// Level detection on real-shaped lines of the formats big-data jobs write.
#include "logs/loglevel.h"

#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(JobDeck::LineLevel)

class TestLogLevel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownLevel_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<LineLevel>("level");
        using L = LineLevel;
        QTest::newRow("log4j")
            << u"2024-01-01 10:00:00,123 WARN  [main] org.apache.hadoop.conf.Configuration: "
               u"deprecated key"_s
            << L::Warn;
        QTest::newRow("logback") << u"10:00:00.123 [main] ERROR com.example.Loader - cannot load"_s
                                 << L::Error;
        QTest::newRow("spark") << u"17/06/09 20:10:40 INFO SparkContext: Running Spark version 2.1.1"_s
                               << L::Info;
        QTest::newRow("spark debug") << u"17/06/09 20:10:41 DEBUG BlockManager: Putting block"_s << L::Debug;
        QTest::newRow("zookeeper")
            << u"2012-01-01 10:00:00,123 [myid:1] - WARN  [QuorumPeer[myid=1]/0.0.0.0:2181:"
               u"Follower@118] - Got zxid 0x100000001 expected 0x1"_s
            << L::Warn;
        QTest::newRow("python bare") << u"WARNING:root:disk almost full"_s << L::Warn;
        QTest::newRow("python asctime")
            << u"2024-01-01 10:00:00,123 - etl.load - ERROR - row 12 rejected"_s << L::Error;
        QTest::newRow("python critical") << u"CRITICAL:airflow.task:out of memory"_s << L::Fatal;
        QTest::newRow("airflow")
            << u"[2024-01-01 10:00:00,123] {taskinstance.py:1150} INFO - Starting attempt 1"_s << L::Info;
        QTest::newRow("flink")
            << u"2024-01-01 10:00:00,123 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor"
               u"                [] - Receive slot request"_s
            << L::Info;
        QTest::newRow("hive")
            << u"2024-01-01T10:00:00,123  ERROR [main] ql.Driver: FAILED: SemanticException"_s << L::Error;
        QTest::newRow("kylin") << u"2024-01-01 10:00:00,123 DEBUG [Scheduler 1 Job 0b2a] "
                                  u"execution.AbstractExecutable:111 : Job 0b2a status"_s
                               << L::Debug;
        QTest::newRow("linkis engine")
            << u"2022-09-15 10:20:31.456 [TRACE] [Linkis-Default-Scheduler-Thread-2] "
               u"o.a.l.e.s.SparkEngineConnExecutor (123) [executeLine] - run"_s
            << L::Trace;
        QTest::newRow("linkis job log")
            << u"2022-09-15 10:20:30.123 ERROR Task is Failed,errorMsg: Table not found"_s << L::Error;
        QTest::newRow("fatal") << u"2024-01-01 10:00:00,123 FATAL [main] NameNode: Failed to start"_s
                               << L::Fatal;
        QTest::newRow("bare ERROR:") << u"ERROR: relation \"x\" does not exist"_s << L::Error;
        QTest::newRow("wrapped log4j: own level wins")
            << u"2026-12-01 21:55:00.123 INFO 2024-01-01 10:00:00,123 WARN  [main] Configuration: deprecated"_s
            << L::Warn;
        QTest::newRow("wrapped spark")
            << u"2026-12-01 21:55:00.123 INFO 17/06/09 20:10:40 ERROR Executor: lost"_s << L::Error;
        QTest::newRow("wrapped python")
            << u"2022-09-15 10:20:30.123 INFO WARNING:root:late partition"_s << L::Warn;
        QTest::newRow("wrapped linkis")
            << u"2026-12-01 21:55:00.123 INFO 2022-09-15 10:20:31.456 [WARN ] [t] c - m"_s << L::Warn;
        QTest::newRow("wrapped plain stdout") << u"2026-12-01 21:55:00.123 INFO hello world"_s << L::Info;
        QTest::newRow("level word inside the message")
            << u"2026-12-01 21:55:00.123 INFO [main] Foo: ERROR count is 0"_s << L::Info;
        QTest::newRow("no header") << u"some text with ERROR inside"_s << L::None;
        QTest::newRow("count is no time") << u"3 rows ERROR"_s << L::None;
        QTest::newRow("lower case is no level") << u"error: this is prose"_s << L::None;
        QTest::newRow("empty") << QString() << L::None;
        QTest::newRow("hive OK") << u"OK"_s << L::None;
    }
    void ownLevel()
    {
        QFETCH(QString, line);
        QFETCH(LineLevel, level);
        LevelClassifier classifier;
        QCOMPARE(int(classifier.classify(line.toUtf8())), int(level));
    }

    // Stack traces and multi-line records take their record's level, wrapped or not.
    void continuation_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QList<int>>("levels");
        const int E = int(LineLevel::Error), W = int(LineLevel::Warn), I = int(LineLevel::Info),
                  N = int(LineLevel::None);
        QTest::newRow("java stack trace")
            << QStringList{u"2024-01-01 10:00:00,123 ERROR [main] Loader: failed"_s,
                           u"java.lang.IllegalStateException: boom"_s,
                           u"\tat com.example.Loader.load(Loader.java:10)"_s,
                           u"\t... 3 more"_s,
                           u"Caused by: java.io.IOException: disk"_s,
                           u"\tat java.io.File.open(File.java:1)"_s,
                           u"2024-01-01 10:00:01,000 INFO  [main] Loader: next"_s}
            << QList<int>{E, E, E, E, E, E, I};
        QTest::newRow("wrapped by jobdeck-server")
            << QStringList{u"2026-12-01 21:55:00.100 INFO 2024-01-01 10:00:00,123 WARN  [main] Foo: retry"_s,
                           u"2026-12-01 21:55:00.101 INFO java.net.ConnectException: refused"_s,
                           u"2026-12-01 21:55:00.102 INFO \tat java.net.Socket.connect(Socket.java:5)"_s,
                           u"2026-12-01 21:55:00.103 INFO plain output"_s}
            << QList<int>{W, W, W, I};
        QTest::newRow("multi-line log4j message")
            << QStringList{u"2024-01-01 10:00:00,123 WARN  [main] Planner: plan:"_s,
                           u"  Project [a, b]"_s,
                           u"  +- Filter (a > 1)"_s,
                           u"OK"_s}
            << QList<int>{W, W, W, N};
        QTest::newRow("python traceback") << QStringList{u"ERROR:root:job failed"_s,
                                                         u"Traceback (most recent call last):"_s,
                                                         u"  File \"etl.py\", line 3, in <module>"_s,
                                                         u"ValueError: bad row"_s}
                                          << QList<int>{E, E, E, E};
        QTest::newRow("trace without record") << QStringList{u"\tat a.B.c(B.java:1)"_s} << QList<int>{N};
    }
    void continuation()
    {
        QFETCH(QStringList, lines);
        QFETCH(QList<int>, levels);
        LevelClassifier classifier;
        QList<int> got;
        for (const QString &line : lines)
            got.append(int(classifier.classify(line.toUtf8())));
        QCOMPARE(got, levels);
    }

    void names()
    {
        QCOMPARE(lineLevelName(LineLevel::Warn), u"warn"_s);
        QCOMPARE(lineLevelName(LineLevel::None), QString());
        QCOMPARE(parseLineLevel(u"WARNING"), LineLevel::Warn);
        QCOMPARE(parseLineLevel(u"error"), LineLevel::Error);
        QCOMPARE(parseLineLevel(u"Fatal"), LineLevel::Fatal);
        QVERIFY(!parseLineLevel(u"loud"));
        QVERIFY(!parseLineLevel(u"info2"));
    }
};

QTEST_GUILESS_MAIN(TestLogLevel)
#include "tst_loglevel.moc"
