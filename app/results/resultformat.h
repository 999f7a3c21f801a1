#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace JobDeck {

// Writing rows of a result set as text. A cell that is SQL NULL is a null QString.
enum class RowFormat { Tsv, Csv, Markdown, SqlInsert, Json };

struct RowFormatOptions
{
    QChar separator = u','; // Csv (Tsv always uses a tab)
    QString nullText;       // Csv, Tsv, Markdown: what NULL becomes ("" or "NULL"); Json writes null
    QString table = QStringLiteral("result"); // SqlInsert: the table to insert into
    QList<bool> numeric;                      // per column: SqlInsert and Json write these cells unquoted
};

// One delimited field, quoted (RFC 4180: " doubled) when it holds the separator, a quote,
// CR or LF, or begins or ends with a blank.
QString delimitedField(const QString &text, QChar separator);

// The heading of a document of `format` (CSV/TSV: the column names; Markdown: the names and
// the rule; Json: "["), each line ending in '\n'.
QString formatHeader(RowFormat format, const QStringList &columns, const RowFormatOptions &options);
// `rows`, each line ending in '\n'. `firstRow`: whether these are the first rows after the
// heading (Json puts a comma between rows).
QString formatRows(RowFormat format,
                   const QStringList &columns,
                   const QList<QStringList> &rows,
                   const RowFormatOptions &options,
                   bool firstRow = true);
// The end of the document (Json: "]"); empty for the others.
QString formatFooter(RowFormat format);

// The whole document: header, rows, footer.
QString formatTable(RowFormat format,
                    const QStringList &columns,
                    const QList<QStringList> &rows,
                    const RowFormatOptions &options);

// "SELECT id, name FROM t" for each statement of `script` that gives rows, in order: the
// titles of its result sets. Statements are split at semicolons outside quotes and comments.
QStringList resultStatements(const QString &script);
// The first words of a statement, at most `maxChars` long, on one line.
QString statementTitle(const QString &statement, int maxChars = 40);

} // namespace JobDeck
