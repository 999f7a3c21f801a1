#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace JobDeck {

// What the text around the cursor says about what may be typed there, read from the one
// statement that holds the cursor (split at semicolons outside strings and comments).
struct SqlTableRef
{
    QString database;                  // empty when the name is not qualified
    QString table;                     // empty for a subquery
    QString alias;                     // empty when none
    QStringList subqueryColumns;       // a subquery's output column names ("*" for its tables' all)
    QList<SqlTableRef> subqueryTables; // the tables a subquery reads, for its "*"
};

struct SqlContext
{
    enum class Expect {
        Table,           // after FROM, JOIN, INTO, TABLE, UPDATE, DESCRIBE, or a comma in a FROM list
        QualifiedMember, // after "name.": a table's columns, or a database's tables
        Column,          // anywhere else in a statement: the columns of its tables
    };
    Expect expect = Expect::Column;
    QStringList qualifier; // the names before the dot: ["o"] or ["db"] or ["db", "t"]
    // The tables in scope at the cursor: its own query's, then the enclosing queries'.
    QList<SqlTableRef> tables;
};

// `position` is the cursor (a QString index into `script`) at the end of the word `prefix`.
SqlContext analyseSql(const QString &script, int position, const QString &prefix);

} // namespace JobDeck
