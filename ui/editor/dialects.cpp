#include "editor/dialects.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace JobDeck {

namespace {
// The names of run types, in the user's language.
class DialectNames
{
    Q_DECLARE_TR_FUNCTIONS(JobDeck::Dialect)
};

Dialect sql(const char *definition, Scripts::SplitDialect split)
{
    return {QLatin1StringView(definition), QStringLiteral("--"), true, split};
}
Dialect script(const char *definition, const char *comment)
{
    return {QLatin1StringView(definition), QLatin1StringView(comment), false, {}};
}
bool is(const QString &a, const char *b)
{
    return a.compare(QLatin1StringView(b), Qt::CaseInsensitive) == 0;
}
} // namespace

Dialect dialectFor(const QString &filePath, const QString &runType, const QString &engine)
{
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == u"hql")
        return sql("HiveQL", Scripts::SplitDialect::hive());
    if (suffix == u"fsql" || suffix == u"flinksql")
        return sql("Flink SQL", Scripts::SplitDialect::flink());
    if (suffix == u"py")
        return script("Python", "#");
    if (suffix == u"scala")
        return script("Scala", "//");
    if (suffix == u"sh")
        return script("Bash", "#");

    if (is(runType, "hql") || engine.startsWith(u"hive", Qt::CaseInsensitive))
        return sql("HiveQL", Scripts::SplitDialect::hive());
    if (is(runType, "flinksql") || engine.startsWith(u"flink", Qt::CaseInsensitive))
        return sql("Flink SQL", Scripts::SplitDialect::flink());
    if (is(runType, "py") || is(runType, "python"))
        return script("Python", "#");
    if (is(runType, "scala"))
        return script("Scala", "//");
    if (is(runType, "shell") || is(runType, "sh"))
        return script("Bash", "#");
    if (engine.startsWith(u"spark", Qt::CaseInsensitive))
        return sql("Spark SQL", Scripts::SplitDialect::spark());
    if (engine.startsWith(u"sqlite", Qt::CaseInsensitive))
        return sql("SQL", Scripts::SplitDialect::sqlite());
    return sql("SQL", Scripts::SplitDialect::generic());
}

QString runTypeForFile(const QString &filePath)
{
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == u"hql")
        return QStringLiteral("hql");
    if (suffix == u"fsql" || suffix == u"flinksql")
        return QStringLiteral("flinksql");
    if (suffix == u"py")
        return QStringLiteral("py");
    if (suffix == u"scala")
        return QStringLiteral("scala");
    if (suffix == u"sh")
        return QStringLiteral("shell");
    return {};
}

QString runOfferLabel(const QString &runType, const QString &engine)
{
    QString name;
    if (is(runType, "sql") && engine.startsWith(u"sqlite"))
        return DialectNames::tr("SQL (SQLite)");
    if (is(runType, "shell") && engine == u"shell")
        return DialectNames::tr("Shell");
    if (is(runType, "sql") && engine.startsWith(u"spark"))
        name = DialectNames::tr("Spark SQL");
    else if (is(runType, "scala"))
        name = DialectNames::tr("Spark Scala");
    else if (is(runType, "py"))
        name = DialectNames::tr("PySpark");
    else if (is(runType, "hql"))
        name = DialectNames::tr("HiveQL");
    else if (is(runType, "python"))
        name = DialectNames::tr("Python");
    else if (is(runType, "shell"))
        name = DialectNames::tr("Shell");
    else if (is(runType, "jdbc"))
        name = DialectNames::tr("JDBC SQL");
    else if (is(runType, "tsql"))
        name = DialectNames::tr("Trino SQL");
    else if (is(runType, "psql"))
        name = DialectNames::tr("Presto SQL");
    else if (is(runType, "flinksql"))
        return DialectNames::tr("Flink SQL");
    else
        name = runType;
    return engine.isEmpty() ? name : DialectNames::tr("%1 (%2)").arg(name, engine);
}

} // namespace JobDeck
