#include "localserver/jobrunner.h"

#include "localserver/shellrunner.h"
#include "localserver/sqlrunner.h"

namespace JobDeck::Local {

std::unique_ptr<JobRunner> createRunner(const JobContext &context, QObject *parent)
{
    // For queued connections by name, and QVariant-based tools such as QSignalSpy.
    qRegisterMetaType<LogLevel>();
    qRegisterMetaType<ResultSetInfo>();
    const auto is = [&context](QLatin1StringView runType) {
        return context.runType.compare(runType, Qt::CaseInsensitive) == 0;
    };
    if (is(QLatin1StringView("sql")))
        return std::make_unique<SqlRunner>(context, parent);
    if (is(QLatin1StringView("shell")) || is(QLatin1StringView("sh")))
        return std::make_unique<ShellRunner>(context, parent);
    return nullptr;
}

QStringList supportedRunTypes()
{
    return {QStringLiteral("sql"), QStringLiteral("shell"), QStringLiteral("sh")};
}

} // namespace JobDeck::Local
