#include "localserver/sqlsplitter.h"

#include <QTest>

using namespace JobDeck::Local;

class TestSqlSplitter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");

        const auto row = [](const char *name, const QString &script, QStringList statements) {
            QTest::newRow(name) << script << statements;
        };
        const auto rowText = [&row](const char *name, const char *script, QStringList statements) {
            row(name, QString::fromUtf8(script), std::move(statements));
        };
        const auto s = [](const char *text) {
            return QString::fromUtf8(text);
        };

        rowText("empty", "", {});
        rowText("only whitespace", "  \n\t ", {});
        rowText("one without semicolon", "SELECT 1", {s("SELECT 1")});
        rowText("two", "SELECT 1; SELECT 2;", {s("SELECT 1"), s("SELECT 2")});
        rowText("surrounding whitespace", "\n  SELECT 1 ;\n\n SELECT 2\n", {s("SELECT 1"), s("SELECT 2")});
        rowText("empty statements dropped", ";;SELECT 1;;; ;\n;SELECT 2;;", {s("SELECT 1"), s("SELECT 2")});
        rowText("comment-only statements dropped",
                "-- a note\n; /* another */ ; SELECT 1; -- trailing\n",
                {s("SELECT 1")});
        rowText("leading comments dropped",
                "-- header; with a semicolon\n/* block; */ SELECT 1;",
                {s("SELECT 1")});
        rowText("comment inside kept",
                "SELECT 1 /* one; */ + 2; SELECT 3",
                {s("SELECT 1 /* one; */ + 2"), s("SELECT 3")});
        rowText("line comment inside kept",
                "SELECT 1, -- it's; here\n 2; SELECT 3",
                {s("SELECT 1, -- it's; here\n 2"), s("SELECT 3")});
        rowText("trailing line comment dropped", "SELECT 1 -- one;\n", {s("SELECT 1")});
        rowText("string with semicolon", "SELECT 'a;b'; SELECT 2", {s("SELECT 'a;b'"), s("SELECT 2")});
        rowText("string with doubled quote",
                "SELECT 'it''s; fine', 'x'; SELECT 2",
                {s("SELECT 'it''s; fine', 'x'"), s("SELECT 2")});
        rowText("string with comment markers",
                "SELECT '-- not a comment; /* nor this'; SELECT 2",
                {s("SELECT '-- not a comment; /* nor this'"), s("SELECT 2")});
        rowText("double-quoted identifier",
                "SELECT \"a;\"\"b\" FROM t; SELECT 2",
                {s("SELECT \"a;\"\"b\" FROM t"), s("SELECT 2")});
        rowText("bracketed identifier",
                "SELECT [a;b] FROM t; SELECT 2",
                {s("SELECT [a;b] FROM t"), s("SELECT 2")});
        rowText("bracket holds a quote",
                "SELECT [it's] FROM t; SELECT 2",
                {s("SELECT [it's] FROM t"), s("SELECT 2")});
        rowText("backticks", "SELECT `a;``b` FROM t; SELECT 2", {s("SELECT `a;``b` FROM t"), s("SELECT 2")});
        rowText(
            "quote inside block comment", "SELECT 1 /* don't */; SELECT 2", {s("SELECT 1"), s("SELECT 2")});
        rowText("unterminated string runs to the end", "SELECT 'abc; SELECT 2", {s("SELECT 'abc; SELECT 2")});
        rowText("unterminated block comment runs to the end", "SELECT 1; /* SELECT 2;", {s("SELECT 1")});
        rowText("crlf line comment",
                "SELECT 1 -- c;\r\n+ 1;\r\nSELECT 2",
                {s("SELECT 1 -- c;\r\n+ 1"), s("SELECT 2")});
        rowText(
            "unicode", "SELECT '中文;字' AS 名字; SELECT 2", {s("SELECT '中文;字' AS 名字"), s("SELECT 2")});
        rowText("transaction is not a trigger",
                "BEGIN; INSERT INTO t VALUES (1); END; SELECT 1",
                {s("BEGIN"), s("INSERT INTO t VALUES (1)"), s("END"), s("SELECT 1")});
        rowText("words containing begin and end",
                "SELECT begin_date, weekend FROM t; SELECT 2",
                {s("SELECT begin_date, weekend FROM t"), s("SELECT 2")});
        rowText("case end outside trigger",
                "SELECT CASE WHEN a THEN 1 END; SELECT 2",
                {s("SELECT CASE WHEN a THEN 1 END"), s("SELECT 2")});

        const char *trigger = "CREATE TRIGGER log_insert AFTER INSERT ON t\n"
                              "BEGIN\n"
                              "  INSERT INTO log VALUES (new.a);\n"
                              "  UPDATE counts SET n = n + 1;\n"
                              "END";
        row("trigger body", QString::fromUtf8(trigger) + u";\nSELECT 1;", {s(trigger), s("SELECT 1")});
        const char *tempTrigger = "create temp trigger if not exists tr before delete on t begin "
                                  "select raise(abort, 'no; never'); end";
        row("temp trigger, lower case",
            QString::fromUtf8(tempTrigger) + u"; select 2",
            {s(tempTrigger), s("select 2")});
        const char *caseTrigger = "CREATE TEMPORARY TRIGGER tr AFTER UPDATE ON t BEGIN "
                                  "UPDATE u SET x = CASE WHEN new.a > 0 THEN 'pos;' ELSE CASE new.a WHEN 0 "
                                  "THEN 'zero' END END; DELETE FROM v; END";
        row("trigger with nested case",
            QString::fromUtf8(caseTrigger) + u";SELECT 3",
            {s(caseTrigger), s("SELECT 3")});
        rowText(
            "trigger with comments and quoted end",
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN -- end;\n INSERT INTO \"end\" VALUES ('end;'); /* "
            "end; */ "
            "END; SELECT 4",
            {s("CREATE TRIGGER tr AFTER INSERT ON t BEGIN -- end;\n INSERT INTO \"end\" VALUES ('end;'); /* "
               "end; */ "
               "END"),
             s("SELECT 4")});
        rowText("create table is not a trigger",
                "CREATE TABLE tr (begin_at TEXT); INSERT INTO tr VALUES ('x')",
                {s("CREATE TABLE tr (begin_at TEXT)"), s("INSERT INTO tr VALUES ('x')")});
        rowText("create view with case end",
                "CREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END AS c; SELECT * FROM v",
                {s("CREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END AS c"), s("SELECT * FROM v")});
    }

    void split()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(splitSqlStatements(script), statements);
    }

    void substitute_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("unknown");

        QTest::newRow("none") << QStringLiteral("SELECT 1") << QStringLiteral("SELECT 1") << QStringList();
        QTest::newRow("known") << QStringLiteral("SELECT '${day}', ${n}+1")
                               << QStringLiteral("SELECT '2024-01-02', 41+1") << QStringList();
        QTest::newRow("repeated") << QStringLiteral("${n}${n}") << QStringLiteral("4141") << QStringList();
        QTest::newRow("unknown kept once")
            << QStringLiteral("${x} ${n} ${x} ${y}") << QStringLiteral("${x} 41 ${x} ${y}")
            << QStringList{QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("not references")
            << QStringLiteral("$n ${} ${ n } ${n") << QStringLiteral("$n ${} ${ n } ${n") << QStringList();
        QTest::newRow("value with a reference is not expanded again")
            << QStringLiteral("${ref}") << QStringLiteral("${n}") << QStringList();
    }

    void substitute()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QStringList, unknown);
        const QMap<QString, QString> variables{{QStringLiteral("day"), QStringLiteral("2024-01-02")},
                                               {QStringLiteral("n"), QStringLiteral("41")},
                                               {QStringLiteral("ref"), QStringLiteral("${n}")}};
        QStringList missing;
        QCOMPARE(substituteVariables(text, variables, &missing), expected);
        QCOMPARE(missing, unknown);
    }
};

QTEST_GUILESS_MAIN(TestSqlSplitter)
#include "tst_sqlsplitter.moc"
