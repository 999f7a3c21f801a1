#pragma once

#include "scripts/statementsplitter.h"

#include <QString>

namespace JobDeck {

// What a script tab's language is: the KSyntaxHighlighting definition that colours it, how
// its statements are split, and how a line is commented out. Picked from the file's
// extension first (.hql is Hive whatever runs it), then from the run type and engine.
struct Dialect
{
    QString definitionName;       // e.g. "HiveQL", "Spark SQL", "Flink SQL", "SQL", "Python"
    QString lineComment;          // "--", "#", "//"
    bool splitsStatements = true; // SQL: Run Statement runs the one under the cursor
    Scripts::SplitDialect split;
};

Dialect dialectFor(const QString &filePath, const QString &runType, const QString &engine);

// The run type a file's extension asks for ("hql" for .hql, "py" for .py, ...); empty when
// the extension says nothing (.sql, or none).
QString runTypeForFile(const QString &filePath);

// What users call a run type on an engine: "Spark SQL", "HiveQL", "SQL (SQLite)", with the
// engine's version label where it has one. Translated.
QString runOfferLabel(const QString &runType, const QString &engine);

} // namespace JobDeck
