#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace JobDeck::Local {

// Splits a SQLite script into statements (the core splitter, scripts/statementsplitter.h,
// with the SQLite dialect) at the semicolons that end them. A semicolon does
// not split inside 'strings' ('' escapes a quote), "quoted identifiers", [bracketed] and
// `backticked` names, -- line comments, /* block comments */, or the BEGIN ... END body of a
// CREATE TRIGGER (where CASE ... END may nest). Each statement comes back without its
// semicolon and without the whitespace and comments around it (comments inside stay);
// empty statements and statements that are only comments are dropped. An unterminated
// string or comment runs to the end of the script, so SQLite reports the error.
QStringList splitSqlStatements(QStringView script);

// Replaces every ${name} in `text` with variables[name]. A ${name} with no variable is left
// as it is, and its name is added once to `unknown` (when given), in order of appearance.
// A name is what stands between "${" and "}", without spaces or braces.
QString substituteVariables(QStringView text,
                            const QMap<QString, QString> &variables,
                            QStringList *unknown = nullptr);

} // namespace JobDeck::Local
