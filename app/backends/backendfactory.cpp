#include "backends/backendfactory.h"

#include "backends/linkis/linkisbackend.h"
#include "backends/sqlflow/sqlflowbackend.h"

#include <QCoreApplication>

#include <functional>

namespace JobDeck {

namespace {
struct Registration
{
    const char *kind;
    std::function<std::unique_ptr<Backend>(const ConnectionProfile &)> make;
};

// One line per backend.
const Registration Registry[] = {
    {"local",
     [](const ConnectionProfile &p) {
         return std::make_unique<LinkisBackend>(p);
     }},
    {"linkis",
     [](const ConnectionProfile &p) {
         return std::make_unique<LinkisBackend>(p);
     }},
    {"sqlflow",
     [](const ConnectionProfile &p) {
         return std::make_unique<SqlflowBackend>(p);
     }},
};
} // namespace

QStringList backendKinds()
{
    QStringList kinds;
    for (const Registration &registration : Registry)
        kinds.append(QString::fromLatin1(registration.kind));
    return kinds;
}

std::unique_ptr<Backend> createBackend(const ConnectionProfile &profile, QString *error)
{
    for (const Registration &registration : Registry) {
        if (profile.kind == QLatin1StringView(registration.kind))
            return registration.make(profile);
    }
    if (error)
        *error = QCoreApplication::translate("Backends", "Unknown backend “%1”; JobDeck knows: %2")
                     .arg(profile.kind, backendKinds().join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace JobDeck
