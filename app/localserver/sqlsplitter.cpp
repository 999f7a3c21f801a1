#include "localserver/sqlsplitter.h"

#include "scripts/statementsplitter.h"
#include "scripts/variables.h"

namespace JobDeck::Local {

QStringList splitSqlStatements(QStringView script)
{
    return Scripts::statementTexts(script, Scripts::splitStatements(script, Scripts::SplitDialect::sqlite()));
}

QString substituteVariables(QStringView text, const QMap<QString, QString> &variables, QStringList *unknown)
{
    return Scripts::substituteVariables(text, variables, unknown);
}

} // namespace JobDeck::Local
