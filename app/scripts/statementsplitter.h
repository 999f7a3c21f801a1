#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace JobDeck::Scripts {

// What separates one statement from the next in a dialect: the quotes and comments inside
// which a semicolon does not split, and the blocks whose body holds semicolons of its own.
struct SplitDialect
{
    bool hashComments = false;        // # starts a line comment (MySQL-like dialects)
    bool nestedBlockComments = false; // /* /* */ */ nests (Spark SQL)
    bool backslashEscapes = false;    // \' inside strings and \; outside (Hive, Spark, Flink)
    bool bracketIdentifiers = false;  // [name] quotes an identifier (SQLite)
    bool triggerBodies = false;       // CREATE [TEMP] TRIGGER ... BEGIN ... END (SQLite)
    bool statementSets = false;       // EXECUTE STATEMENT SET BEGIN ... END (Flink)

    static SplitDialect sqlite();
    static SplitDialect hive();
    static SplitDialect spark();
    static SplitDialect flink();
    // Standard SQL: '' and "" strings, backticks, -- and /* */ comments, no blocks.
    static SplitDialect generic();
    // The dialect for a Linkis-style run type ("sql", "hql", "flinksql", ...) and engine.
    static SplitDialect forRunType(QStringView runType, QStringView engine = {});
};

// One statement of a script, as offsets into it (QString indexes).
struct StatementRange
{
    qsizetype start = 0; // its first token (leading whitespace and comments excluded)
    qsizetype end = 0;   // just past its last token (the semicolon and what follows excluded)
    // Just past the semicolon that ends it, or `end` when none does (the last statement).
    qsizetype terminatorEnd = 0;

    qsizetype length() const { return end - start; }
    bool operator==(const StatementRange &) const = default;
};

// Splits `script` at the semicolons that end statements. A semicolon does not split inside
// 'strings', "quoted" and `backticked` names (doubled quotes escape themselves), comments,
// the dialect's own quotes and comments, after a backslash where the dialect escapes with
// one, or inside the dialect's blocks (a trigger's or a statement set's BEGIN ... END, where
// CASE ... END may nest). Statements that are empty or only comments are left out; comments
// inside a statement stay in it. An unterminated string or comment runs to the end.
QList<StatementRange> splitStatements(QStringView script, const SplitDialect &dialect);

// The texts of the statements, in order.
QStringList statementTexts(QStringView script, const QList<StatementRange> &ranges);

// The index in `ranges` of the statement a cursor at `position` means, -1 when there is none:
// the statement the position is in (its semicolon included); between two statements, the
// previous one while still on the line where it ended, the next one otherwise.
qsizetype statementAt(QStringView script, const QList<StatementRange> &ranges, qsizetype position);

} // namespace JobDeck::Scripts
