// The log store (blocks, index, levels, spilling) and the search over it.
#include "logs/logsearch.h"
#include "logs/logstore.h"

#include <QBuffer>
#include <QDir>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(JobDeck::LogQuery)

namespace {

// A log of `count` lines mixing levels and formats; line n holds "line n".
QStringList mixedLog(int count)
{
    QStringList lines;
    lines.reserve(count);
    for (int n = 1; n <= count; ++n) {
        switch (n % 10) {
        case 3:
            lines.append(
                u"2024-01-01 10:00:00,%1 WARN  [main] Conf: line %2 slow disk"_s.arg(n % 1000).arg(n));
            break;
        case 7:
            lines.append(u"17/06/09 20:10:40 ERROR Executor: line %1 lost task"_s.arg(n));
            break;
        case 8:
            lines.append(u"\tat org.apache.spark.Executor.run(Executor.scala:%1) line %1"_s.arg(n));
            break;
        default:
            lines.append(
                u"2026-12-01 21:55:00.123 INFO line %1 rows copied: ÄÖÜ 漢字 %2"_s.arg(n).arg(n * 7));
        }
    }
    return lines;
}

QList<qint64> expected(const QStringList &lines, const std::function<bool(const QString &)> &take)
{
    QList<qint64> out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (take(lines[i]))
            out.append(i + 1);
    }
    return out;
}

} // namespace

class TestLogStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesEveryLineWithItsNumberAndLevel()
    {
        LogStore store;
        const QStringList lines = mixedLog(50000);
        store.append(lines.mid(0, 20000));
        store.append(lines.mid(20000));
        QCOMPARE(store.lineCount(), 50000);
        for (qint64 n : {1, 2, 3, 15, 16, 17, 9999, 10000, 25001, 49999, 50000})
            QCOMPARE(store.line(n), lines[n - 1]);
        QCOMPARE(store.level(3), LineLevel::Warn);
        QCOMPARE(store.level(7), LineLevel::Error);
        QCOMPARE(store.level(8), LineLevel::Error); // the stack trace line after the ERROR
        QCOMPARE(store.level(1), LineLevel::Info);
        QCOMPARE(store.line(0), QString());
        QCOMPARE(store.line(50001), QString());
        QCOMPARE(store.level(50001), LineLevel::None);
        // Every line, checked once, across many blocks.
        QVERIFY(store.textBytes() > 2 * LogStore::BlockBytes);
        for (qint64 n = 1; n <= store.lineCount(); ++n) {
            if (store.line(n) != lines[n - 1])
                QFAIL(qPrintable(u"line %1 differs"_s.arg(n)));
        }
        QCOMPARE(store.findLevel(1, LineLevel::Error, true), 7);
        QCOMPARE(store.findLevel(8, LineLevel::Error, true), 8);
        QCOMPARE(store.findLevel(9, LineLevel::Error, true), 17);
        QCOMPARE(store.findLevel(16, LineLevel::Error, false), 8);
        QCOMPARE(store.findLevel(6, LineLevel::Fatal, true), 0);
    }

    void keepsEmptyLongAndMultiLineLines()
    {
        LogStore store;
        const QString huge(3 * LogStore::BlockBytes / 2, u'x');
        store.append(QString());
        store.append(huge);
        store.append(u"two\nlines"_s);
        store.append(u"after"_s);
        QCOMPARE(store.lineCount(), 4);
        QCOMPARE(store.line(1), QString());
        QCOMPARE(store.line(2), huge);
        QCOMPARE(store.line(3), u"two\u2424lines"_s);
        QCOMPARE(store.line(4), u"after"_s);
    }

    void indexIsCompact()
    {
        LogStore store;
        const QString line(99, u'a');
        for (int i = 0; i < 200000; ++i)
            store.append(line);
        const double overhead = double(store.bookkeepingBytes()) / store.lineCount();
        qInfo("bookkeeping: %.2f bytes per line", overhead);
        QVERIFY2(overhead < 1.5, qPrintable(QString::number(overhead)));
        // Beside the text, the bookkeeping and the free end of the block being written.
        QVERIFY(store.residentBytes() <= store.textBytes() + store.bookkeepingBytes() + LogStore::BlockBytes);
    }

    void spillsBeyondItsBoundAndReadsBack()
    {
        auto budget = std::make_shared<LogMemoryBudget>(LogMemoryBudget::Limits{2 << 20, 3 << 20});
        LogStore a(budget);
        LogStore b(budget);
        const QStringList lines = mixedLog(120000); // about 7 MB
        a.append(lines);
        QVERIFY(a.spilledBytes() > 0);
        QVERIFY2(a.residentBytes() <= (2 << 20) + LogStore::BlockBytes + 2 * LogStore::BlockBytes / 4,
                 qPrintable(QString::number(a.residentBytes())));
        QVERIFY(a.spillError().isEmpty());
        b.append(lines.mid(0, 60000));
        QVERIFY(budget->residentBytes() <= (3 << 20) + 2 * LogStore::BlockBytes);
        // The spill file lives in the cache folder (unnamed where the system allows, so a
        // crash leaves nothing behind): one of this process's open files.
        const QString spillDir
            = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/logs/"_s;
        bool open = false;
        for (int fd = 0; fd < 4096 && !open; ++fd)
            open = QFile::symLinkTarget(u"/proc/self/fd/%1"_s.arg(fd)).startsWith(spillDir);
        QVERIFY(open);
        for (qint64 n : {1, 2, 50000, 60000, 119999, 120000})
            QCOMPARE(a.line(n), lines[n - 1]);
        QCOMPARE(a.level(7), LineLevel::Error);

        // Search still finds every match, spilled or not, with filters.
        const LogSearchResult lost = LogSearch::run(a.snapshot(), LogQuery{{u"LOST task"_s}, {}, {}, {}});
        QVERIFY(lost.errorString.isEmpty());
        QCOMPARE(lost.lines, expected(lines, [](const QString &l) { return l.contains(u"lost task"); }));
        QCOMPARE(lost.lines.size(), 12000);

        // Saving writes every line back from wherever it is.
        QBuffer saved;
        saved.open(QIODevice::WriteOnly);
        QVERIFY(a.writeTo(&saved));
        QCOMPARE(QString::fromUtf8(saved.data()), lines.join(u'\n') + u'\n');

        a.clear();
        b.clear();
        QCOMPARE(a.lineCount(), 0);
    }

    void search_data()
    {
        QTest::addColumn<LogQuery>("query");
        QTest::addColumn<int>("kind");
        QTest::newRow("plain, any case") << LogQuery{{u"SLOW DISK"_s}, {}, {}, {}} << 0;
        QTest::newRow("plain, case") << LogQuery{{u"Executor"_s, false, Qt::CaseSensitive}, {}, {}, {}} << 1;
        QTest::newRow("plain, case, none")
            << LogQuery{{u"executor:"_s, false, Qt::CaseSensitive}, {}, {}, {}} << 2;
        QTest::newRow("non-ASCII") << LogQuery{{u"äöü"_s}, {}, {}, {}} << 3;
        QTest::newRow("regex") << LogQuery{{u"line \\d+5 "_s, true}, {}, {}, {}} << 4;
        QTest::newRow("minimum level") << LogQuery{{}, {}, {}, LineLevel::Warn} << 5;
        QTest::newRow("include, exclude")
            << LogQuery{{}, {{u"line"_s}}, {{u"INFO"_s, false, Qt::CaseSensitive}, {u"\\tat "_s, true}}, {}}
            << 6;
        QTest::newRow("find with level") << LogQuery{{u"line 1"_s}, {}, {}, LineLevel::Error} << 7;
    }
    void search()
    {
        QFETCH(LogQuery, query);
        QFETCH(int, kind);
        const QStringList lines = mixedLog(40000);
        const std::function<bool(const QString &)> takes[] = {
            [](const QString &l) { return l.contains(u"slow disk"); },
            [](const QString &l) { return l.contains(u"Executor"); },
            [](const QString &) { return false; },
            [](const QString &l) { return l.contains(u"ÄÖÜ"); },
            [](const QString &l) { return QRegularExpression(u"line \\d+5 "_s).match(l).hasMatch(); },
            [](const QString &l) {
                return l.contains(u" WARN ") || l.contains(u" ERROR ") || l.startsWith(u'\t');
            },
            [](const QString &l) { return !l.contains(u"INFO") && !l.startsWith(u"\tat "); },
            [](const QString &l) {
                return l.contains(u"line 1") && (l.contains(u" ERROR ") || l.startsWith(u'\t'));
            },
        };
        LogStore store;
        store.append(lines);
        const QList<qint64> want = expected(lines, takes[kind]);
        const LogSearchResult got = LogSearch::start(store, query).result();
        QVERIFY(got.errorString.isEmpty());
        QCOMPARE(got.lines.size(), want.size());
        QCOMPARE(got.lines, want);
        if (kind != 2)
            QVERIFY(!want.isEmpty());
        // The same query over a range of lines, as for lines just appended.
        QList<qint64> tail;
        for (qint64 n : want) {
            if (n > 30000)
                tail.append(n);
        }
        QCOMPARE(LogSearch::runRange(store, query, 30001, 40000), tail);
    }

    void badRegexSaysWhy()
    {
        LogStore store;
        store.append(u"x"_s);
        const LogSearchResult got = LogSearch::run(store.snapshot(), LogQuery{{u"a("_s, true}, {}, {}, {}});
        QVERIFY(got.lines.isEmpty());
        QVERIFY(!got.errorString.isEmpty());
    }

    void spans()
    {
        const LogMatcher plain(LogPattern{u"ab"_s});
        QCOMPARE(plain.spans(u"xABab"), (QList<std::pair<int, int>>{{1, 2}, {3, 2}}));
        const LogMatcher regex(LogPattern{u"\\d+"_s, true});
        QCOMPARE(regex.spans(u"a12b3"), (QList<std::pair<int, int>>{{1, 2}, {4, 1}}));
    }

    void budgetFromSettings()
    {
        QSettings settings;
        settings.setValue(u"logs/memoryPerJobMiB"_s, 8);
        settings.setValue(u"logs/memoryTotalMiB"_s, 0);
        const LogMemoryBudget::Limits limits = LogMemoryBudget::limitsFromSettings();
        QCOMPARE(limits.perJobBytes, 8ll << 20);
        QCOMPARE(limits.totalBytes, 1ll << 20);
        settings.remove(u"logs"_s);
        QCOMPARE(LogMemoryBudget::limitsFromSettings().perJobBytes, LogMemoryBudget::Limits{}.perJobBytes);
    }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_logstore.moc"
