#pragma once

// Command-line helpers shared by the stand-alone simulator programs.

#include <QCommandLineParser>
#include <QString>

namespace JobDeck::Sim {

// Prints "NAME: MESSAGE" to stderr and exits with 2.
[[noreturn]] void usageError(const QString &message);

// The option's value as a whole number >= minimum, or a usage error.
qint64 wholeNumber(const QCommandLineParser &parser, const QString &name, qint64 minimum);
// The same, for options that fit an int.
int intValue(const QCommandLineParser &parser, const QString &name, int minimum);

} // namespace JobDeck::Sim
