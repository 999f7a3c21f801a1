// The core statement splitter: the dialects' quotes, comments, escapes and blocks, the
// offsets it returns, and which statement a cursor position means.
#include "scripts/statementsplitter.h"
#include "scripts/variables.h"

#include <QTest>

using namespace JobDeck::Scripts;

Q_DECLARE_METATYPE(JobDeck::Scripts::SplitDialect)

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestStatementSplitter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<SplitDialect>("dialect");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");

        const SplitDialect generic = SplitDialect::generic();
        const SplitDialect hive = SplitDialect::hive();
        const SplitDialect spark = SplitDialect::spark();
        const SplitDialect flink = SplitDialect::flink();
        const SplitDialect sqlite = SplitDialect::sqlite();
        SplitDialect hash;
        hash.hashComments = true;

        const auto row = [](const char *name, const SplitDialect &d, const char *script, QStringList out) {
            QTest::newRow(name) << d << s(script) << out;
        };
        row("empty", generic, "", {});
        row("no final semicolon", generic, "SELECT 1; SELECT 2", {s("SELECT 1"), s("SELECT 2")});
        row("single quotes", generic, "SELECT 'a;b'; SELECT 2", {s("SELECT 'a;b'"), s("SELECT 2")});
        row("double quotes", generic, "SELECT \"a;b\"; SELECT 2", {s("SELECT \"a;b\""), s("SELECT 2")});
        row("backticks", generic, "SELECT `a;b` FROM t; SELECT 2", {s("SELECT `a;b` FROM t"), s("SELECT 2")});
        row("line comment", generic, "SELECT 1 -- one; two\n; SELECT 2", {s("SELECT 1"), s("SELECT 2")});
        row("block comment", generic, "SELECT /* ; */ 1; SELECT 2", {s("SELECT /* ; */ 1"), s("SELECT 2")});
        row("hash is not a comment in generic SQL",
            generic,
            "SELECT 1 # x; SELECT 2",
            {s("SELECT 1 # x"), s("SELECT 2")});
        row("hash comment in its dialect",
            hash,
            "SELECT 1 # x; y\n; SELECT 2",
            {s("SELECT 1"), s("SELECT 2")});
        row("escaped semicolon",
            hive,
            "SELECT concat('a', '\\;') , 1 \\; 2; SELECT 2",
            {s("SELECT concat('a', '\\;') , 1 \\; 2"), s("SELECT 2")});
        row("backslash quote in a Hive string",
            hive,
            "SELECT 'it\\'s; fine'; SELECT 2",
            {s("SELECT 'it\\'s; fine'"), s("SELECT 2")});
        row("backslash means nothing in SQLite",
            sqlite,
            "SELECT 'a\\'; SELECT 2",
            {s("SELECT 'a\\'"), s("SELECT 2")});
        row("doubled quote",
            generic,
            "SELECT 'it''s; fine'; SELECT 2",
            {s("SELECT 'it''s; fine'"), s("SELECT 2")});
        row("nested comment in Spark",
            spark,
            "SELECT /* a /* b; */ c; */ 1; SELECT 2",
            {s("SELECT /* a /* b; */ c; */ 1"), s("SELECT 2")});
        row("comments do not nest in Hive",
            hive,
            "SELECT /* a /* b; */ 1; SELECT 2",
            {s("SELECT /* a /* b; */ 1"), s("SELECT 2")});
        row("statement set",
            flink,
            "SET 'x' = 'y';\nEXECUTE STATEMENT SET BEGIN\n  INSERT INTO a SELECT * FROM s;\n"
            "  INSERT INTO b SELECT CASE WHEN x THEN 1 END FROM s;\nEND;\nSELECT 1;",
            {s("SET 'x' = 'y'"),
             s("EXECUTE STATEMENT SET BEGIN\n  INSERT INTO a SELECT * FROM s;\n"
               "  INSERT INTO b SELECT CASE WHEN x THEN 1 END FROM s;\nEND"),
             s("SELECT 1")});
        row("statement set only in Flink",
            generic,
            "EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1); END;",
            {s("EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1)"), s("END")});
        row("begin statement set of the old client",
            flink,
            "BEGIN STATEMENT SET; INSERT INTO a VALUES (1); END;",
            {s("BEGIN STATEMENT SET"), s("INSERT INTO a VALUES (1)"), s("END")});
        row("trigger in SQLite",
            sqlite,
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END; SELECT 1",
            {s("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END"), s("SELECT 1")});
        row("crlf", hive, "SELECT 1;\r\n-- c;\r\nSELECT\r\n 2;\r\n", {s("SELECT 1"), s("SELECT\r\n 2")});
        row("comment-only statements dropped", generic, "-- a\n; /* b */ ;;\nSELECT 1;", {s("SELECT 1")});
        row("unterminated string", generic, "SELECT 1; SELECT 'x; y", {s("SELECT 1"), s("SELECT 'x; y")});
        row("unicode",
            hive,
            "SELECT '中;文' AS `名;字`; SELECT 2",
            {s("SELECT '中;文' AS `名;字`"), s("SELECT 2")});
    }

    void split()
    {
        QFETCH(SplitDialect, dialect);
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        const QList<StatementRange> ranges = splitStatements(script, dialect);
        QCOMPARE(statementTexts(script, ranges), statements);
        for (const StatementRange &r : ranges) {
            QVERIFY(r.start < r.end);
            QVERIFY(r.end <= r.terminatorEnd);
            QVERIFY(r.terminatorEnd == r.end || script[r.terminatorEnd - 1] == u';');
        }
    }

    void offsets()
    {
        const QString script = s("  SELECT 1 ; -- x\nSELECT 2");
        const QList<StatementRange> ranges = splitStatements(script, SplitDialect::generic());
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges[0], (StatementRange{2, 10, 12}));
        QCOMPARE(ranges[1], (StatementRange{18, 26, 26}));
    }

    void tenThousandStatements()
    {
        QString script;
        for (int i = 0; i < 10000; ++i)
            script += QStringLiteral("INSERT INTO t VALUES (%1, 'a;b', \"c;d\") -- e;f\n;\r\n").arg(i);
        const QList<StatementRange> ranges = splitStatements(script, SplitDialect::hive());
        QCOMPARE(ranges.size(), 10000);
        QCOMPARE(script.sliced(ranges[9999].start, ranges[9999].length()),
                 QStringLiteral("INSERT INTO t VALUES (9999, 'a;b', \"c;d\")")); // the trailing comment is not part of it
    }

    void statementAtCursor_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("statement");
        // "SELECT 1;  \n\nSELECT 2;\n"
        //  0        9   12 13     21
        QTest::newRow("start of the first") << 0 << 0;
        QTest::newRow("inside the first") << 4 << 0;
        QTest::newRow("just after the first semicolon") << 9 << 0;
        QTest::newRow("after it on its line") << 11 << 0;
        QTest::newRow("on the blank line") << 12 << 1;
        QTest::newRow("start of the second") << 13 << 1;
        QTest::newRow("after the last") << 23 << 1;
    }

    void statementAtCursor()
    {
        QFETCH(int, position);
        QFETCH(int, statement);
        const QString script = s("SELECT 1;  \n\nSELECT 2;\n");
        const QList<StatementRange> ranges = splitStatements(script, SplitDialect::generic());
        QCOMPARE(statementAt(script, ranges, position), statement);
    }

    void noStatementNoIndex() { QCOMPARE(statementAt(u"  -- only\n", {}, 3), -1); }

    void dialectForRunType()
    {
        QVERIFY(SplitDialect::forRunType(u"hql").backslashEscapes);
        QVERIFY(SplitDialect::forRunType(u"sql", u"flink-1.16").statementSets);
        QVERIFY(SplitDialect::forRunType(u"sql", u"spark-3.2.1").nestedBlockComments);
        QVERIFY(SplitDialect::forRunType(u"sql", u"sqlite").bracketIdentifiers);
        QVERIFY(!SplitDialect::forRunType(u"jdbc", u"jdbc-4").backslashEscapes);
    }

    void variableNamesInOrder()
    {
        QCOMPARE(variableNames(u"SELECT ${b}, ${a}, ${b} WHERE x > ${ lo } AND ${lo}"),
                 (QStringList{s("b"), s("a"), s("lo")}));
        QCOMPARE(substituteVariables(u"x=${a} y=${b}", {{s("a"), s("1")}}), s("x=1 y=${b}"));
    }
};

QTEST_GUILESS_MAIN(TestStatementSplitter)
#include "tst_statementsplitter.moc"
