// The result grid's model, the copy formats and the page-by-page export, over a page source
// in memory (the server tests are in tests/integration/tst_resultsandschema.cpp).
#include "results/resultexporter.h"
#include "results/resultformat.h"
#include "results/resultsetmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDeck;
using namespace Qt::StringLiterals;

namespace {

// `total` rows of (id, name, amount): name empty on every 7th row, amount NULL on every 5th.
struct FakeServer
{
    qint64 total = 0;
    int requests = 0;
    QList<int> pagesAsked;

    ResultPage page(int page, int pageSize) const
    {
        ResultPage result;
        result.columns = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount")};
        result.columnTypes
            = {QStringLiteral("bigint"), QStringLiteral("string"), QStringLiteral("decimal(10,2)")};
        result.page = page;
        result.totalRows = total;
        const qint64 first = qint64(page - 1) * pageSize;
        for (qint64 r = first; r < std::min(total, first + pageSize); ++r) {
            result.rows.append({QString::number(r + 1),
                                r % 7 == 3 ? QStringLiteral("") : QStringLiteral("n%1").arg(r + 1),
                                r % 5 == 4 ? QString() : QStringLiteral("%1.50").arg(r * 1000)});
        }
        result.hasMore = first + pageSize < total;
        return result;
    }

    ResultPageFetcher fetcher(QObject *owner)
    {
        return [this, owner](int p, int size) {
            ++requests;
            pagesAsked.append(p);
            auto *call = new Pending<ResultPage>(owner);
            call->finish(page(p, size));
            return call;
        };
    }
};

} // namespace

class TestResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delimitedFields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << u"abc"_s << u"abc"_s;
        QTest::newRow("separator") << u"a,b"_s << u"\"a,b\""_s;
        QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("newline") << u"two\nlines"_s << u"\"two\nlines\""_s;
        QTest::newRow("leading blank") << u" x"_s << u"\" x\""_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void delimitedFields()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(delimitedField(text, u','), field);
    }

    void copyFormats()
    {
        const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("note")};
        const QList<QStringList> rows{{QStringLiteral("1"), QStringLiteral("O'Hara"), QString()},
                                      {QStringLiteral("2"), QStringLiteral(""), QStringLiteral("a|b")}};
        RowFormatOptions options;
        options.numeric = {true, false, false};
        options.nullText = QStringLiteral("NULL");
        QCOMPARE(formatTable(RowFormat::Tsv, columns, rows, options),
                 QStringLiteral("id\tname\tnote\n1\tO'Hara\tNULL\n2\t\ta|b\n"));
        QCOMPARE(
            formatTable(RowFormat::Markdown, columns, rows, options),
            QStringLiteral(
                "| id | name | note |\n| ---: | --- | --- |\n| 1 | O'Hara | NULL |\n| 2 |  | a\\|b |\n"));
        options.table = QStringLiteral("people");
        QCOMPARE(formatTable(RowFormat::SqlInsert, columns, rows, options),
                 QStringLiteral("INSERT INTO people (id, name, note) VALUES (1, 'O''Hara', NULL);\n"
                                "INSERT INTO people (id, name, note) VALUES (2, '', 'a|b');\n"));
        QCOMPARE(formatTable(RowFormat::Json, columns, rows, options),
                 QStringLiteral("[\n  {\"id\":1,\"name\":\"O'Hara\",\"note\":null},\n  "
                                "{\"id\":2,\"name\":\"\",\"note\":\"a|b\"}\n]\n"));
        options.nullText.clear();
        QCOMPARE(formatTable(RowFormat::Csv, columns, rows, options),
                 QStringLiteral("id,name,note\n1,O'Hara,\n2,,a|b\n"));
    }

    void statementsTitleTheirResults()
    {
        const QString script = QStringLiteral("-- a report; with a semicolon\n"
                                              "CREATE TABLE t(a);\n"
                                              "INSERT INTO t VALUES (';');\n"
                                              "select a, count(*) from t group by a;\n"
                                              "/* ; */ WITH x AS (SELECT 1) SELECT * FROM x");
        const QStringList statements = resultStatements(script);
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0), QStringLiteral("select a, count(*) from t group by a"));
        QVERIFY(statements.at(1).startsWith(u"WITH x AS"));
        QCOMPARE(
            statementTitle(
                QStringLiteral("SELECT order_id, user_id, amount FROM dw_sales.orders WHERE dt = '2024'"),
                30),
            QStringLiteral("SELECT order_id, user_id,…"));
    }

    void modelPagesOnDemand()
    {
        FakeServer server;
        server.total = 12345;
        ResultSetModel model(server.fetcher(this), 1000);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        model.start();
        QTRY_COMPARE(model.rowCount(), 1000);
        QCOMPARE(server.requests, 1);
        QCOMPARE(model.totalRows(), 12345);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 2000);
        QCOMPARE(server.pagesAsked, (QList<int>{1, 2}));
        // Read to the end: 13 pages in all, then no more.
        while (model.canFetchMore({}) || model.isLoading()) {
            model.fetchMore({});
            QCoreApplication::processEvents();
        }
        QCOMPARE(model.rowCount(), 12345);
        QCOMPARE(server.requests, 13);
        QVERIFY(model.allLoaded());

        // NULL and the empty string are told apart; numbers in the locale's format, right-aligned.
        const QModelIndex emptyName = model.index(3, 1);
        QVERIFY(!emptyName.data(ResultSetModel::IsNullRole).toBool());
        QCOMPARE(emptyName.data().toString(), QString());
        const QModelIndex nullAmount = model.index(4, 2);
        QVERIFY(nullAmount.data(ResultSetModel::IsNullRole).toBool());
        QCOMPARE(nullAmount.data().toString(), QStringLiteral("NULL"));
        QVERIFY(!nullAmount.data(ResultSetModel::SortRole).isValid());
        QCOMPARE(model.index(2, 2).data().toString(), QStringLiteral("2,000.50"));
        QCOMPARE(model.index(1233, 0).data().toString(), QStringLiteral("1,234"));
        QCOMPARE(Qt::Alignment(model.index(2, 2).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignRight,
                 Qt::AlignRight);
        QCOMPARE(Qt::Alignment(model.index(2, 1).data(Qt::TextAlignmentRole).toInt()) & Qt::AlignLeft,
                 Qt::AlignLeft);
        model.setLocale(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(model.index(2, 2).data().toString(), QStringLiteral("2.000,50"));
        QCOMPARE(model.headerData(2, Qt::Horizontal, ResultSetModel::ColumnTypeRole).toString(),
                 QStringLiteral("decimal(10,2)"));

        // Sorting by the numbers, not the text: 9 before 10; NULL after every value.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResultSetModel::SortRole);
        proxy.sort(2, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 2).data(ResultSetModel::RawTextRole).toString(), QStringLiteral("0.50"));
        QCOMPARE(proxy.index(1, 2).data(ResultSetModel::RawTextRole).toString(), QStringLiteral("1000.50"));
        QVERIFY(proxy.index(proxy.rowCount() - 1, 2).data(ResultSetModel::IsNullRole).toBool());
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ResultSetModel::RawTextRole).toString(), QStringLiteral("12345"));
    }

    // The tester fetches whatever canFetchMore() offers after every change (that is how it
    // checks fetchMore), so under it the model reads to the end; it must stay consistent.
    void modelUnderTheTester()
    {
        FakeServer server;
        server.total = 4321;
        ResultSetModel model(server.fetcher(this), 500);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.start();
        QTRY_COMPARE(model.rowCount(), 4321);
        QCOMPARE(server.requests, 9);
        QVERIFY(model.allLoaded());
        QVERIFY(!model.canFetchMore({}));
    }

    void modelSeededWithTheFirstPage()
    {
        FakeServer server;
        server.total = 30;
        ResultSetModel model(server.fetcher(this), 10);
        model.setFirstPage(server.page(1, 10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(server.requests, 0); // the page the session read is not asked for again
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 20);
        QCOMPARE(server.pagesAsked, QList<int>{2});
    }

    void modelReportsAFailedPage()
    {
        ResultSetModel model(
            [this](int, int) {
                auto *call = new Pending<ResultPage>(this);
                call->finish(failure(BackendError::Kind::Refused, QStringLiteral("the file is gone")));
                return call;
            },
            10);
        QSignalSpy changed(&model, &ResultSetModel::stateChanged);
        model.start();
        QTRY_VERIFY(model.errorString().contains(u"the file is gone"));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void exportStreamsEveryPage_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<QString>("nullText");
        QTest::newRow("csv utf-8, NULL as text") << int(RowFormat::Csv) << QByteArray("UTF-8") << u"NULL"_s;
        QTest::newRow("tsv gbk, NULL empty") << int(RowFormat::Tsv) << QByteArray("GBK") << QString();
        QTest::newRow("json") << int(RowFormat::Json) << QByteArray("UTF-8") << QString();
    }
    void exportStreamsEveryPage()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, charset);
        QFETCH(QString, nullText);
        if (!ResultExporter::canEncode(charset))
            QSKIP("this Qt has no ICU, so no GBK");
        FakeServer server;
        server.total = 2500;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out"));
        ExportOptions options;
        options.format = RowFormat(format);
        options.charset = charset;
        options.nullText = nullText;
        options.pageSize = 1000;
        ResultExporter exporter(server.fetcher(this), options, path);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        exporter.start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(server.pagesAsked, (QList<int>{1, 2, 3}));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.last().at(0).toLongLong(), 2500);

        // The same document as formatting every row at once.
        QList<QStringList> all;
        for (int p = 1; p <= 3; ++p)
            all += server.page(p, 1000).rows;
        RowFormatOptions rowOptions;
        rowOptions.nullText = nullText;
        rowOptions.numeric = {true, false, true};
        const ResultPage first = server.page(1, 1);
        const QString expected = formatTable(RowFormat(format), first.columns, all, rowOptions);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QStringDecoder decoder(charset.constData());
        QCOMPARE(QString(decoder.decode(bytes)), expected);
        QCOMPARE(exporter.bytesWritten(), bytes.size());
    }

    void exportKeepsTheOldFileOnFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.csv"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents\n");
        }
        int calls = 0;
        ResultExporter exporter(
            [this, &calls](int page, int) {
                ++calls;
                auto *call = new Pending<ResultPage>(this);
                if (page == 1) {
                    ResultPage first;
                    first.columns = {QStringLiteral("a")};
                    first.rows = {{QStringLiteral("1")}};
                    first.hasMore = true;
                    call->finish(first);
                } else {
                    call->finish(
                        failure(BackendError::Kind::Connection, QStringLiteral("the server went away")));
                }
                return call;
            },
            ExportOptions{},
            path);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        exporter.start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(finished.first().at(1).toString().contains(u"page 2"));
        QCOMPARE(calls, 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old contents\n"));
    }
};

QTEST_GUILESS_MAIN(TestResults)
#include "tst_results.moc"
