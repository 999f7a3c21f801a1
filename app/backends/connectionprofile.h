#pragma once

#include <QString>
#include <QUrl>

namespace JobDeck {

// Everything needed to connect to one job service. The secret is held in memory only:
// it comes from the system keychain, the environment or stdin, never from a settings file.
struct ConnectionProfile
{
    enum class Auth {
        Password, // log in, keep the session cookie, log in again when it expires
        Token,    // send a token with every request (Linkis Token-Code + Token-User)
    };

    QString name; // the profile's name; empty for an ad-hoc connection
    QString kind; // "linkis", "local", "kylin", "dinky", "sqlflow"
    QUrl url;     // what the server's users type in a browser, e.g. http://host:9001
    QString user;
    Auth auth = Auth::Password;
    QString secret; // password or token

    // Backend options (cli-contract.md).
    QString proxyUser;                       // Linkis
    QString creator = QStringLiteral("IDE"); // Linkis userCreator's creator part
    int requestTimeoutMs = 30000;
    int logLineBase = -1; // Linkis fromLine convention: 0, 1, or -1 to detect it
};

} // namespace JobDeck
