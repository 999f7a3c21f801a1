#include "common/simmain.h"

#include <QCoreApplication>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace JobDeck::Sim {

void usageError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(2);
}

qint64 wholeNumber(const QCommandLineParser &parser, const QString &name, qint64 minimum)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum)
        usageError(QStringLiteral("--%1 needs a whole number >= %2").arg(name).arg(minimum));
    return value;
}

int intValue(const QCommandLineParser &parser, const QString &name, int minimum)
{
    const qint64 value = wholeNumber(parser, name, minimum);
    if (value > INT_MAX)
        usageError(QStringLiteral("--%1 is too large").arg(name));
    return int(value);
}

} // namespace JobDeck::Sim
