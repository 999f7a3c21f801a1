#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace JobDeck::Scripts {

// ${name} references: a name is what stands between "${" and "}", without spaces or braces.
// The editor asks for the values of the names it finds; Linkis (and jobdeck-server) replace
// them before running the script.

// The names referenced in `text`, each once, in order of first appearance.
QStringList variableNames(QStringView text);

// Replaces every ${name} in `text` with variables[name]. A ${name} with no variable is left
// as it is, and its name is added once to `unknown` (when given), in order of appearance.
QString substituteVariables(QStringView text,
                            const QMap<QString, QString> &variables,
                            QStringList *unknown = nullptr);

} // namespace JobDeck::Scripts
