#include "core/buildinfo.h"

#include "core/buildinfo_config.h"

#include <QtVersion>

namespace JobDeck::BuildInfo {

QString version()
{
    return QStringLiteral(JOBDECK_VERSION_STRING);
}

QString qtVersion()
{
    const QString runtime = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    return runtime == built ? runtime : QStringLiteral("%1 (built with %2)").arg(runtime, built);
}

} // namespace JobDeck::BuildInfo
