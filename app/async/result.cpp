#include "async/result.h"

namespace JobDeck {

bool BackendError::isTransient() const
{
    switch (kind) {
    case Kind::Connection:
    case Kind::Timeout:
    case Kind::Protocol: // a proxy's error page or a restarting server; it may pass
        return true;
    case Kind::Tls:
    case Kind::Authentication:
    case Kind::Refused:
    case Kind::Unsupported:
    case Kind::Cancelled:
        return false;
    }
    return false;
}

int BackendError::exitCode() const
{
    switch (kind) {
    case Kind::Refused:
    case Kind::Unsupported:
        return 4;
    default:
        return 3;
    }
}

QString BackendError::describe() const
{
    if (url.isEmpty())
        return message;
    return QStringLiteral("%1 (%2)").arg(message, url.toDisplayString(QUrl::RemoveUserInfo));
}

} // namespace JobDeck
