#include "backends/backendfactory.h"

#include "backends/dinky/dinkybackend.h"
#include "backends/kylin/kylinbackend.h"
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

template<typename Adapter>
std::unique_ptr<Backend> make(const ConnectionProfile &profile)
{
    return std::make_unique<Adapter>(profile);
}

// One line per backend. jobdeck-server speaks the Linkis protocol.
const Registration Registry[] = {
    {"local", make<LinkisBackend>},
    {"linkis", make<LinkisBackend>},
    {"kylin", make<KylinBackend>},
    {"dinky", make<DinkyBackend>},
    {"sqlflow", make<SqlflowBackend>},
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
