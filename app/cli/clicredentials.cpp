#include "cli/clicredentials.h"

#include "backends/backendfactory.h"
#include "cli/clicontext.h"
#include "core/serverzone.h"
#include "profiles/profilestore.h"

#include <QProcessEnvironment>

#include <iostream>
#include <string>

namespace JobDeck {

CliCredentials::CliCredentials(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
{}

std::optional<int> CliCredentials::readProfile()
{
    const QCommandLineParser &parser = m_cli.parser();
    ConnectionProfile &profile = m_cli.profile();
    CliOutput &out = m_cli.output();
    const auto value = [&parser](const char *name) {
        return parser.value(QString::fromLatin1(name));
    };
    if (parser.isSet(QStringLiteral("profile"))) {
        // The profile store the console writes; the secret is read from the keychain later,
        // unless the environment or stdin gives one.
        const std::optional<ConnectionProfile> saved = ProfileStore::load(value("profile"));
        if (!saved) {
            out.usageError(tr("no profile named '%1'").arg(value("profile")));
            return CliOutput::UsageError;
        }
        profile = *saved;
    } else {
        if (!parser.isSet(QStringLiteral("backend"))) {
            out.usageError(tr("say where to connect: --profile NAME, or --backend KIND --url BASE_URL"));
            return CliOutput::UsageError;
        }
        profile.kind = value("backend");
        if (!backendKinds().contains(profile.kind)) {
            out.usageError(tr("unknown backend '%1' (known: %2)")
                               .arg(profile.kind, backendKinds().join(QStringLiteral(", "))));
            return CliOutput::UsageError;
        }
        if (!parser.isSet(QStringLiteral("url"))) {
            if (profile.kind != u"local") {
                out.usageError(tr("--url BASE_URL is needed for --backend %1").arg(profile.kind));
                return CliOutput::UsageError;
            }
            m_launchLocal = true; // found (or started) once the event loop runs
            profile.url = QUrl(QStringLiteral("http://127.0.0.1"));
            return std::nullopt;
        }
        profile.url = QUrl::fromUserInput(value("url"));
        if (!profile.url.isValid() || profile.url.host().isEmpty()) {
            out.usageError(tr("'%1' is not a server address").arg(value("url")));
            return CliOutput::UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("user")))
        profile.user = value("user");
    if (parser.isSet(QStringLiteral("proxy-user")))
        profile.proxyUser = value("proxy-user");
    if (parser.isSet(QStringLiteral("creator")))
        profile.creator = value("creator");
    if (parser.isSet(QStringLiteral("project")))
        profile.project = value("project");
    if (parser.isSet(QStringLiteral("db-vendor")))
        profile.dbVendor = value("db-vendor");
    if (parser.isSet(QStringLiteral("tenant")))
        profile.tenantId = value("tenant");
    if (parser.isSet(QStringLiteral("server-zone"))) {
        profile.serverTimeZone = value("server-zone");
        if (!parseServerZone(profile.serverTimeZone).isValid()) {
            out.usageError(tr("unknown time zone '%1'").arg(profile.serverTimeZone));
            return CliOutput::UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("server-version")))
        profile.serverVersion = value("server-version");
    if (parser.isSet(QStringLiteral("timeout"))) {
        const std::optional<int> ms = secondsToMs(value("timeout"));
        if (!ms) {
            out.usageError(tr("--timeout needs a number of seconds (at most 30 days)"));
            return CliOutput::UsageError;
        }
        profile.requestTimeoutMs = *ms;
    }
    return std::nullopt;
}

std::optional<int> CliCredentials::readSecret()
{
    const QCommandLineParser &parser = m_cli.parser();
    ConnectionProfile &profile = m_cli.profile();
    CliOutput &out = m_cli.output();
    // Secrets never come from the command line, which other users can read.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool passwordStdin = parser.isSet(QStringLiteral("password-stdin"));
    const bool tokenStdin = parser.isSet(QStringLiteral("token-stdin"));
    if (passwordStdin && tokenStdin) {
        out.usageError(tr("--password-stdin and --token-stdin exclude each other"));
        return CliOutput::UsageError;
    }
    if (passwordStdin || tokenStdin) {
        std::string line;
        std::getline(std::cin, line);
        QString secret = QString::fromStdString(line);
        if (secret.endsWith(u'\r'))
            secret.chop(1);
        profile.secret = secret;
        profile.auth = tokenStdin ? ConnectionProfile::Auth::Token : ConnectionProfile::Auth::Password;
    } else if (env.contains(QStringLiteral("JOBDECK_TOKEN"))) {
        profile.secret = env.value(QStringLiteral("JOBDECK_TOKEN"));
        profile.auth = ConnectionProfile::Auth::Token;
    } else if (env.contains(QStringLiteral("JOBDECK_PASSWORD"))) {
        profile.secret = env.value(QStringLiteral("JOBDECK_PASSWORD"));
        profile.auth = ConnectionProfile::Auth::Password;
    }
    // SQLFlow's user is an account id, and none means the on-premise server's fixed one.
    if (profile.user.isEmpty() && profile.kind != u"sqlflow")
        profile.user = env.value(QStringLiteral("USER"));
    // Dinky's OpenAPI runs without a login, and an on-premise SQLFlow takes no token.
    const bool credentialsOptional = profile.kind == u"dinky" || profile.kind == u"sqlflow";
    if (profile.secret.isEmpty() && !profile.name.isEmpty()) {
        m_secretFromKeychain = true; // read once the event loop runs
        return std::nullopt;
    }
    if (profile.secret.isEmpty() && !m_launchLocal && !credentialsOptional) {
        out.usageError(tr("no credentials: set JOBDECK_PASSWORD or JOBDECK_TOKEN, or use --password-stdin or "
                          "--token-stdin"));
        return CliOutput::UsageError;
    }
    return std::nullopt;
}

void CliCredentials::readKeychainSecret(std::function<void()> then)
{
    auto *store = new ProfileStore(this);
    onFinished(
        store->readSecret(m_cli.profile().name),
        this,
        [this, then = std::move(then)](const Result<QString> &secret) {
            ConnectionProfile &profile = m_cli.profile();
            CliOutput &out = m_cli.output();
            if (!secret) {
                BackendError error = secret.error();
                error.message = tr("%1; set JOBDECK_PASSWORD or JOBDECK_TOKEN instead").arg(error.message);
                out.fail(error);
                return;
            }
            const bool credentialsOptional = profile.kind == u"dinky" || profile.kind == u"sqlflow";
            if (secret->isEmpty() && !credentialsOptional) {
                out.usageError(tr("the keychain holds no secret for profile '%1': save one in the console's "
                                  "Connections dialog, or set JOBDECK_PASSWORD or JOBDECK_TOKEN")
                                   .arg(profile.name));
                out.exitWith(CliOutput::UsageError);
                return;
            }
            profile.secret = *secret;
            then();
        });
}

} // namespace JobDeck
