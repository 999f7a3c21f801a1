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
        Token,    // send a token with every request (Linkis Token-Code + Token-User, Dinky
                  // dinky-token, SQLFlow token or secret key)
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
    QString project;      // Kylin project; empty = all projects the user can see
    QString dbVendor;     // SQLFlow database vendor, e.g. "dbvhive"
    QString tenantId;     // Dinky tenant (sent as the tenantId cookie); empty = 1
    // The zone of the server's zone-less timestamps (Dinky, SQLFlow), as an IANA id or
    // "UTC+08:00"; empty = the backend's default (Dinky: GMT+8).
    QString serverTimeZone;
    // The server generation when it should not be detected ("2.1", "3", "5", "0.7", "1");
    // empty = detect once per connection.
    QString serverVersion;
};

} // namespace JobDeck
