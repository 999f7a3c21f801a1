#include "cli/cliapp.h"

#include "backends/backendfactory.h"
#include "backends/local/localserverlauncher.h"
#include "core/serverzone.h"
#include "i18n/language.h"
#include "monitor/jobmonitor.h"
#include "profiles/profilestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <iostream>

namespace JobDeck {

namespace {

struct CommandSpec
{
    const char *name;
    int minArgs;
    int maxArgs;         // -1 = any number
    const char *options; // the command's own options, comma-separated
};

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> specs{
        {"submit", 1, -1, "engine,run-type,var,name,follow,persist,incremental,job-id,unknown-timeout"},
        {"status", 1, 1, "refresh"},
        {"log", 1, 1, "from,follow,unknown-timeout"},
        {"progress", 1, 1, ""},
        {"kill", 1, 1, "with-savepoint,no-force"},
        {"list", 0, 0, "status,limit,page,since"},
        {"results", 1, 1, "output"},
        {"pause", 1, 1, ""},
        {"resume", 1, 1, ""},
        {"drop", 1, 1, ""},
        {"steps", 1, 1, ""},
        {"step-output", 2, 2, "output"},
        {"run-task", 1, 1, "follow,savepoint-path,var,unknown-timeout"},
        {"restart", 1, 1, "savepoint-path,follow,unknown-timeout"},
        {"savepoint", 1, 1, ""},
        {"lineage", 1, 1, "format,output,table-to-table,delimiter"},
    };
    return specs;
}

// "30m", "2h", "7d", "90s" or a bare number of seconds.
std::optional<qint64> parseDurationMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)([smhdw]?)$"));
    const auto match = pattern.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    if (match.captured(1).size() > 9)
        return std::nullopt; // more than a billion weeks: no, and no overflow either
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"m"   ? 60
                          : unit == u"h" ? 3600
                          : unit == u"d" ? 86400
                          : unit == u"w" ? 604800
                                         : 1;
    return value * factor * 1000;
}

// A number of seconds from the command line as milliseconds: positive, at most 30 days (a
// timer's interval is an int of milliseconds, and nobody waits longer).
std::optional<int> secondsToMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 30.0 * 86400)
        return std::nullopt;
    return std::max(1, int(seconds * 1000));
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// A refusal that comes from this side (an unreadable file), for the same exit code.
BackendError localError(const QString &message)
{
    BackendError error;
    error.kind = BackendError::Kind::Refused;
    error.message = message;
    return error;
}

} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
    setUpOptions();
}

CliApp::~CliApp() = default;

void CliApp::setUpOptions()
{
    m_parser.setApplicationDescription(tr("Submit and follow big-data jobs from the terminal."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {QStringLiteral("profile"), tr("A saved connection profile."), QStringLiteral("NAME")},
        {QStringLiteral("backend"),
         tr("Backend kind: %1.").arg(backendKinds().join(QStringLiteral(", "))),
         QStringLiteral("KIND")},
        {QStringLiteral("url"),
         tr("The server's address, as typed in a browser."),
         QStringLiteral("BASE_URL")},
        {QStringLiteral("user"), tr("User name."), QStringLiteral("USER")},
        {QStringLiteral("password-stdin"), tr("Read the password from standard input.")},
        {QStringLiteral("token-stdin"), tr("Read the token from standard input.")},
        {QStringLiteral("proxy-user"), tr("Linkis: the user to run jobs as."), QStringLiteral("USER")},
        {QStringLiteral("creator"),
         tr("Linkis: the creator part of userCreator (default IDE)."),
         QStringLiteral("NAME")},
        {QStringLiteral("project"), tr("Kylin: the project."), QStringLiteral("NAME")},
        {QStringLiteral("db-vendor"),
         tr("SQLFlow: the database vendor, e.g. dbvhive."),
         QStringLiteral("VENDOR")},
        {QStringLiteral("tenant"), tr("Dinky: the tenant id."), QStringLiteral("ID")},
        {QStringLiteral("server-zone"),
         tr("Dinky, SQLFlow: the time zone of the server's clock, e.g. Asia/Shanghai or UTC+08:00 "
            "(Dinky default GMT+8)."),
         QStringLiteral("ZONE")},
        {QStringLiteral("server-version"),
         tr("The server generation, when it should not be detected: Kylin 2.1, 3, 4 or 5; "
            "Dinky 0.7 or 1."),
         QStringLiteral("VERSION")},
        {QStringLiteral("lang"),
         tr("Language of messages and of what is sent to the server: cn or en."),
         QStringLiteral("cn|en")},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
        {QStringLiteral("timeout"),
         tr("Seconds to wait for each answer (default 30)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("interval"),
         tr("Seconds between polls while following (default: the backend's)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("engine"), tr("submit: engine type, e.g. spark, hive, shell."), QStringLiteral("E")},
        {QStringLiteral("run-type"), tr("submit: script type, e.g. sql, py, shell."), QStringLiteral("T")},
        {QStringLiteral("var"),
         tr("submit: a variable ${K} of the script; may repeat."),
         QStringLiteral("K=V")},
        {QStringLiteral("name"), tr("submit: a name for the job."), QStringLiteral("N")},
        {QStringLiteral("follow"), tr("Follow the job until it ends.")},
        {QStringLiteral("from"), tr("log: the first line to print (counting from 1)."), QStringLiteral("N")},
        {QStringLiteral("status"),
         tr("list: only jobs in this state (queued, running, succeeded, failed, "
            "cancelled, ...) or with this server status word."),
         QStringLiteral("S")},
        {QStringLiteral("limit"), tr("list: jobs per page (default 20)."), QStringLiteral("N")},
        {QStringLiteral("page"), tr("list: the page (default 1)."), QStringLiteral("P")},
        {QStringLiteral("since"),
         tr("list: only jobs submitted in this past time, e.g. 30m, 2h, 7d."),
         QStringLiteral("DURATION")},
        {QStringLiteral("format"), tr("lineage: json, csv or graphml."), QStringLiteral("F")},
        {QStringLiteral("table-to-table"), tr("lineage: table-level relations only.")},
        {QStringLiteral("delimiter"),
         tr("lineage: the CSV field delimiter (default ,)."),
         QStringLiteral("C")},
        {QStringLiteral("persist"), tr("submit (SQLFlow): a persistent job that later submits can extend.")},
        {QStringLiteral("incremental"),
         tr("submit (SQLFlow): add to the persistent job given with --job-id.")},
        {QStringLiteral("job-id"),
         tr("submit (SQLFlow): the persistent job to extend."),
         QStringLiteral("ID")},
        {QStringLiteral("with-savepoint"), tr("kill (Dinky): take a savepoint before stopping.")},
        {QStringLiteral("no-force"), tr("kill (Dinky): do not force the stop if the savepoint fails.")},
        {QStringLiteral("savepoint-path"),
         tr("run-task, restart (Dinky): start from this savepoint."),
         QStringLiteral("PATH")},
        {QStringLiteral("refresh"), tr("status: make the server re-read the job's state first (Dinky).")},
        {QStringLiteral("unknown-timeout"),
         tr("--follow: give up after a job has stayed in the server's UNKNOWN state this long "
            "(default 300 seconds)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("output"),
         tr("Write to this file instead of standard output."),
         QStringLiteral("FILE")},
    });
    m_parser.addPositionalArgument(
        QStringLiteral("command"),
        tr("submit, status, log, progress, kill, list, results, pause, resume, drop, "
           "steps, step-output, run-task, restart, savepoint, lineage"));
}

std::optional<int> CliApp::start(const QStringList &arguments)
{
    if (!m_parser.parse(arguments)) {
        usageError(m_parser.errorText());
        return UsageError;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText();
        m_out.flush();
        return Done;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
              << u'\n';
        m_out.flush();
        return Done;
    }
    m_json = m_parser.isSet(QStringLiteral("json"));

    Language language = systemLanguage();
    if (m_parser.isSet(QStringLiteral("lang"))
        && !parseLanguage(m_parser.value(QStringLiteral("lang")), &language)) {
        usageError(tr("unknown language '%1' (use cn or en)").arg(m_parser.value(QStringLiteral("lang"))));
        return UsageError;
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << m_parser.helpText();
        m_err.flush();
        return UsageError;
    }
    m_command = positional.first();
    m_args = positional.mid(1);
    const auto spec = std::find_if(commands().cbegin(), commands().cend(), [&](const CommandSpec &c) {
        return m_command == QLatin1StringView(c.name);
    });
    if (spec == commands().cend()) {
        usageError(tr("unknown command '%1'").arg(m_command));
        return UsageError;
    }
    if (m_args.size() < spec->minArgs || (spec->maxArgs >= 0 && m_args.size() > spec->maxArgs)) {
        usageError(tr("wrong number of arguments for '%1' (see --help)").arg(m_command));
        return UsageError;
    }
    static const QStringList commandOptions{
        QStringLiteral("engine"),         QStringLiteral("run-type"),       QStringLiteral("var"),
        QStringLiteral("name"),           QStringLiteral("follow"),         QStringLiteral("from"),
        QStringLiteral("status"),         QStringLiteral("limit"),          QStringLiteral("page"),
        QStringLiteral("since"),          QStringLiteral("format"),         QStringLiteral("output"),
        QStringLiteral("table-to-table"), QStringLiteral("delimiter"),      QStringLiteral("persist"),
        QStringLiteral("incremental"),    QStringLiteral("job-id"),         QStringLiteral("with-savepoint"),
        QStringLiteral("no-force"),       QStringLiteral("savepoint-path"), QStringLiteral("refresh"),
        QStringLiteral("unknown-timeout")};
    for (const QString &option : commandOptions) {
        if (m_parser.isSet(option) && !QString::fromLatin1(spec->options).split(u',').contains(option)) {
            usageError(tr("--%1 does not apply to '%2'").arg(option, m_command));
            return UsageError;
        }
    }

    if (const auto code = readProfile())
        return code;
    if (const auto code = readSecret())
        return code;

    QString error;
    m_backend = createBackend(m_profile, &error);
    if (!m_backend) {
        usageError(error);
        return UsageError;
    }
    m_backend->setLanguage(language);

    // A secret still to come from the keychain may widen what the backend can do (Dinky's
    // UI API needs a login): check the command once it is there.
    if (!m_secretFromKeychain) {
        if (const auto code = checkCapabilities())
            return code;
    }
    if (m_command == u"lineage") {
        const QString format = m_parser.value(QStringLiteral("format")).toLower();
        if (format != u"json" && format != u"csv" && format != u"graphml") {
            usageError(tr("lineage needs --format json, csv or graphml"));
            return UsageError;
        }
        if (m_json && !m_parser.isSet(QStringLiteral("output"))) {
            usageError(tr("with --json, lineage needs --output FILE (standard output carries the events)"));
            return UsageError;
        }
        if (m_parser.isSet(QStringLiteral("delimiter"))
            && m_parser.value(QStringLiteral("delimiter")).size() != 1) {
            usageError(tr("--delimiter needs one character"));
            return UsageError;
        }
    }
    if (m_parser.isSet(QStringLiteral("incremental")) && !m_parser.isSet(QStringLiteral("job-id"))) {
        usageError(tr("--incremental needs the persistent job's --job-id"));
        return UsageError;
    }

    // Start once the event loop runs, so every answer arrives through it.
    QTimer::singleShot(0, this, [this, language] {
        if (m_secretFromKeychain) {
            readKeychainSecret(language);
            return;
        }
        if (!m_launchLocal) {
            connectAndRun();
            return;
        }
        // --backend local without --url: the local jobdeck-server, started if needed; its
        // runtime file gives the address and a token.
        auto *launcher = new LocalServerLauncher(this);
        onFinished(launcher->ensureRunning(), this, [this, language](const Result<LocalServerInfo> &info) {
            if (!info) {
                fail(info.error());
                return;
            }
            m_profile.url = info->url;
            m_profile.user = info->user;
            m_profile.secret = info->token;
            m_profile.auth = ConnectionProfile::Auth::Token;
            m_backend = createBackend(m_profile, nullptr); // the kind was checked above
            m_backend->setLanguage(language);
            connectAndRun();
        });
    });
    return std::nullopt;
}

std::optional<int> CliApp::checkCapabilities()
{
    // Commands a backend has no way to do are usage errors, said before any network traffic.
    static const QList<std::pair<QStringView, bool Capabilities::*>> needs{
        {u"submit", &Capabilities::submit},
        {u"kill", &Capabilities::kill},
        {u"pause", &Capabilities::pause},
        {u"resume", &Capabilities::resume},
        {u"drop", &Capabilities::drop},
        {u"steps", &Capabilities::steps},
        {u"step-output", &Capabilities::steps},
        {u"lineage", &Capabilities::lineage},
        {u"results", &Capabilities::results},
        {u"list", &Capabilities::history},
        {u"log", &Capabilities::log},
        {u"run-task", &Capabilities::runTask},
        {u"restart", &Capabilities::restart},
        {u"savepoint", &Capabilities::savepoint}};
    const Capabilities caps = m_backend->capabilities();
    for (const auto &[command, capability] : needs) {
        if (m_command == command && !(caps.*capability)) {
            usageError(tr("'%1' is not available for %2 servers").arg(m_command, m_profile.kind));
            return UsageError;
        }
    }
    // Progress comes from a progress call, or with the job and its steps (Kylin).
    if (m_command == u"progress" && !caps.progress && !caps.steps) {
        usageError(tr("'%1' is not available for %2 servers").arg(m_command, m_profile.kind));
        return UsageError;
    }
    if (m_parser.isSet(QStringLiteral("refresh")) && !caps.forceRefresh) {
        usageError(tr("--refresh is not available for %1 servers").arg(m_profile.kind));
        return UsageError;
    }
    return std::nullopt;
}

void CliApp::readKeychainSecret(Language language)
{
    auto *store = new ProfileStore(this);
    onFinished(store->readSecret(m_profile.name), this, [this, language](const Result<QString> &secret) {
        if (!secret) {
            BackendError error = secret.error();
            error.message = tr("%1; set JOBDECK_PASSWORD or JOBDECK_TOKEN instead").arg(error.message);
            fail(error);
            return;
        }
        const bool credentialsOptional = m_profile.kind == u"dinky" || m_profile.kind == u"sqlflow";
        if (secret->isEmpty() && !credentialsOptional) {
            usageError(tr("the keychain holds no secret for profile '%1': save one in the console's "
                          "Connections dialog, or set JOBDECK_PASSWORD or JOBDECK_TOKEN")
                           .arg(m_profile.name));
            exitWith(UsageError);
            return;
        }
        m_profile.secret = *secret;
        m_backend = createBackend(m_profile, nullptr); // the kind was checked before
        m_backend->setLanguage(language);
        if (const auto code = checkCapabilities()) {
            exitWith(*code);
            return;
        }
        connectAndRun();
    });
}

void CliApp::connectAndRun()
{
    auto *connecting = m_backend->connectToServer();
    onFinished(connecting, this, [this](const Result<bool> &connected) {
        if (!connected) {
            fail(connected.error());
            return;
        }
        if (const QString notice = m_backend->connectionNotice(); !notice.isEmpty())
            diagnose(tr("note: %1").arg(notice));
        if (m_command == u"submit")
            runSubmit();
        else if (m_command == u"status")
            runStatus();
        else if (m_command == u"log")
            runLog();
        else if (m_command == u"progress")
            runProgress();
        else if (m_command == u"kill")
            runKill();
        else if (m_command == u"list")
            runList();
        else if (m_command == u"results")
            runResults();
        else if (m_command == u"pause" || m_command == u"resume" || m_command == u"restart")
            runJobAction();
        else if (m_command == u"drop")
            runDrop();
        else if (m_command == u"savepoint")
            runSavepoint();
        else if (m_command == u"steps")
            runSteps();
        else if (m_command == u"step-output")
            runStepOutput();
        else if (m_command == u"run-task")
            runTask();
        else if (m_command == u"lineage")
            runLineage();
    });
}

std::optional<int> CliApp::readProfile()
{
    const auto value = [this](const char *name) {
        return m_parser.value(QString::fromLatin1(name));
    };
    if (m_parser.isSet(QStringLiteral("profile"))) {
        // The profile store the console writes; the secret is read from the keychain later,
        // unless the environment or stdin gives one.
        const std::optional<ConnectionProfile> saved = ProfileStore::load(value("profile"));
        if (!saved) {
            usageError(tr("no profile named '%1'").arg(value("profile")));
            return UsageError;
        }
        m_profile = *saved;
    } else {
        if (!m_parser.isSet(QStringLiteral("backend"))) {
            usageError(tr("say where to connect: --profile NAME, or --backend KIND --url BASE_URL"));
            return UsageError;
        }
        m_profile.kind = value("backend");
        if (!backendKinds().contains(m_profile.kind)) {
            usageError(tr("unknown backend '%1' (known: %2)")
                           .arg(m_profile.kind, backendKinds().join(QStringLiteral(", "))));
            return UsageError;
        }
        if (!m_parser.isSet(QStringLiteral("url"))) {
            if (m_profile.kind != u"local") {
                usageError(tr("--url BASE_URL is needed for --backend %1").arg(m_profile.kind));
                return UsageError;
            }
            m_launchLocal = true; // found (or started) once the event loop runs
            m_profile.url = QUrl(QStringLiteral("http://127.0.0.1"));
            return std::nullopt;
        }
        m_profile.url = QUrl::fromUserInput(value("url"));
        if (!m_profile.url.isValid() || m_profile.url.host().isEmpty()) {
            usageError(tr("'%1' is not a server address").arg(value("url")));
            return UsageError;
        }
    }
    if (m_parser.isSet(QStringLiteral("user")))
        m_profile.user = value("user");
    if (m_parser.isSet(QStringLiteral("proxy-user")))
        m_profile.proxyUser = value("proxy-user");
    if (m_parser.isSet(QStringLiteral("creator")))
        m_profile.creator = value("creator");
    if (m_parser.isSet(QStringLiteral("project")))
        m_profile.project = value("project");
    if (m_parser.isSet(QStringLiteral("db-vendor")))
        m_profile.dbVendor = value("db-vendor");
    if (m_parser.isSet(QStringLiteral("tenant")))
        m_profile.tenantId = value("tenant");
    if (m_parser.isSet(QStringLiteral("server-zone"))) {
        m_profile.serverTimeZone = value("server-zone");
        if (!parseServerZone(m_profile.serverTimeZone).isValid()) {
            usageError(tr("unknown time zone '%1'").arg(m_profile.serverTimeZone));
            return UsageError;
        }
    }
    if (m_parser.isSet(QStringLiteral("server-version")))
        m_profile.serverVersion = value("server-version");
    if (m_parser.isSet(QStringLiteral("timeout"))) {
        const std::optional<int> ms = secondsToMs(value("timeout"));
        if (!ms) {
            usageError(tr("--timeout needs a number of seconds (at most 30 days)"));
            return UsageError;
        }
        m_profile.requestTimeoutMs = *ms;
    }
    return std::nullopt;
}

std::optional<int> CliApp::readSecret()
{
    // Secrets never come from the command line, which other users can read.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool passwordStdin = m_parser.isSet(QStringLiteral("password-stdin"));
    const bool tokenStdin = m_parser.isSet(QStringLiteral("token-stdin"));
    if (passwordStdin && tokenStdin) {
        usageError(tr("--password-stdin and --token-stdin exclude each other"));
        return UsageError;
    }
    if (passwordStdin || tokenStdin) {
        std::string line;
        std::getline(std::cin, line);
        QString secret = QString::fromStdString(line);
        if (secret.endsWith(u'\r'))
            secret.chop(1);
        m_profile.secret = secret;
        m_profile.auth = tokenStdin ? ConnectionProfile::Auth::Token : ConnectionProfile::Auth::Password;
    } else if (env.contains(QStringLiteral("JOBDECK_TOKEN"))) {
        m_profile.secret = env.value(QStringLiteral("JOBDECK_TOKEN"));
        m_profile.auth = ConnectionProfile::Auth::Token;
    } else if (env.contains(QStringLiteral("JOBDECK_PASSWORD"))) {
        m_profile.secret = env.value(QStringLiteral("JOBDECK_PASSWORD"));
        m_profile.auth = ConnectionProfile::Auth::Password;
    }
    // SQLFlow's user is an account id, and none means the on-premise server's fixed one.
    if (m_profile.user.isEmpty() && m_profile.kind != u"sqlflow")
        m_profile.user = env.value(QStringLiteral("USER"));
    // Dinky's OpenAPI runs without a login, and an on-premise SQLFlow takes no token.
    const bool credentialsOptional = m_profile.kind == u"dinky" || m_profile.kind == u"sqlflow";
    if (m_profile.secret.isEmpty() && !m_profile.name.isEmpty()) {
        m_secretFromKeychain = true; // read once the event loop runs
        return std::nullopt;
    }
    if (m_profile.secret.isEmpty() && !m_launchLocal && !credentialsOptional) {
        usageError(tr("no credentials: set JOBDECK_PASSWORD or JOBDECK_TOKEN, or use --password-stdin or "
                      "--token-stdin"));
        return UsageError;
    }
    return std::nullopt;
}

QString CliApp::connectionKey() const
{
    return m_profile.kind + u' ' + m_profile.url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)
           + u' ' + m_profile.user;
}

Job CliApp::withKnownIds(Job job) const
{
    // What an earlier command learnt fills what this lookup did not tell.
    if (const auto ids = m_index.find(connectionKey(), job.id)) {
        const auto fill = [](auto &mine, const auto &known) {
            if (mine == std::remove_cvref_t<decltype(mine)>{})
                mine = known;
        };
        fill(job.ids.linkisTaskId, ids->linkisTaskId);
        fill(job.ids.linkisExecId, ids->linkisExecId);
        fill(job.ids.kylinJobUuid, ids->kylinJobUuid);
        fill(job.ids.kylinProject, ids->kylinProject);
        fill(job.ids.dinkyTaskId, ids->dinkyTaskId);
        fill(job.ids.dinkyInstanceId, ids->dinkyInstanceId);
        fill(job.ids.flinkJobId, ids->flinkJobId);
        fill(job.ids.sqlflowJobId, ids->sqlflowJobId);
    }
    return job;
}

void CliApp::withJob(std::function<void(const Job &)> then)
{
    auto *lookup = m_backend->lookup(m_args.first());
    onFinished(lookup, this, [this, then = std::move(then)](const Result<Job> &job) {
        if (!job) {
            fail(job.error());
            return;
        }
        const Job known = withKnownIds(*job);
        m_index.remember(connectionKey(), known);
        then(known);
    });
}

void CliApp::runSubmit()
{
    SubmitRequest request;
    QStringList scripts;
    for (const QString &path : std::as_const(m_args)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(localError(tr("cannot read %1: %2").arg(path, file.errorString())));
            return;
        }
        request.files.append(QFileInfo(path).absoluteFilePath());
        // Archives go as they are (SQLFlow); only scripts are read as text.
        if (QFileInfo(path).suffix().compare(u"zip", Qt::CaseInsensitive) != 0)
            scripts.append(QString::fromUtf8(file.readAll()));
    }
    request.script = scripts.join(u'\n');
    request.dbVendor = m_profile.dbVendor;
    request.persistent
        = m_parser.isSet(QStringLiteral("persist")) || m_parser.isSet(QStringLiteral("job-id"));
    request.incremental = m_parser.isSet(QStringLiteral("incremental"));
    request.persistJobId = m_parser.value(QStringLiteral("job-id"));
    request.scriptPath = QFileInfo(m_args.first()).absoluteFilePath();
    request.engine = m_parser.value(QStringLiteral("engine"));
    request.runType = m_parser.value(QStringLiteral("run-type"));
    if (request.runType.isEmpty()) {
        const QString suffix = QFileInfo(m_args.first()).suffix().toLower();
        request.runType = suffix == u"sh"    ? QStringLiteral("shell")
                          : suffix == u"py"  ? QStringLiteral("python")
                          : suffix == u"hql" ? QStringLiteral("hql")
                                             : QStringLiteral("sql");
    }
    request.name = m_parser.value(QStringLiteral("name"));
    for (const QString &var : m_parser.values(QStringLiteral("var"))) {
        const qsizetype eq = var.indexOf(u'=');
        if (eq <= 0) {
            usageError(tr("--var needs K=V, got '%1'").arg(var));
            exitWith(UsageError);
            return;
        }
        request.variables.insert(var.left(eq), var.mid(eq + 1));
    }
    auto *submitting = m_backend->submit(request);
    onFinished(submitting, this, [this](const Result<Job> &job) {
        if (!job) {
            fail(job.error());
            return;
        }
        m_index.remember(connectionKey(), *job);
        if (m_json) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("submitted")},
                              {QStringLiteral("job"), job->id},
                              {QStringLiteral("backend"), m_profile.kind}};
            if (job->ids.linkisTaskId > 0)
                event.insert(QStringLiteral("taskId"), job->ids.linkisTaskId);
            emitEvent(event);
        } else if (m_parser.isSet(QStringLiteral("follow")))
            diagnose(tr("submitted %1").arg(job->id));
        else
            printLine(job->id);
        if (m_parser.isSet(QStringLiteral("follow")))
            follow(*job, 1);
        else
            exitWith(Done);
    });
}

void CliApp::follow(const Job &job, qint64 fromLine)
{
    MonitorPolicy policy;
    if (m_parser.isSet(QStringLiteral("interval"))) {
        const std::optional<int> ms = secondsToMs(m_parser.value(QStringLiteral("interval")));
        if (!ms) {
            usageError(tr("--interval needs a number of seconds (at most 30 days)"));
            exitWith(UsageError);
            return;
        }
        policy.baseIntervalMs = *ms;
        policy.fastIntervalMs = policy.baseIntervalMs;
        policy.firstBackoffMs = std::min(policy.firstBackoffMs, policy.baseIntervalMs);
    }
    // A terminal follows for minutes, not forever, when the server stays unreachable.
    policy.giveUpAfterErrors = 12;
    // Nor when the server has lost track of the job (Dinky UNKNOWN), which may last for good.
    int unknownTimeoutMs = 300000;
    if (m_parser.isSet(QStringLiteral("unknown-timeout"))) {
        const std::optional<int> ms = secondsToMs(m_parser.value(QStringLiteral("unknown-timeout")));
        if (!ms) {
            usageError(tr("--unknown-timeout needs a number of seconds (at most 30 days)"));
            exitWith(UsageError);
            return;
        }
        unknownTimeoutMs = *ms;
    }
    m_unknownTimer = new QTimer(this);
    m_unknownTimer->setSingleShot(true);
    m_unknownTimer->setInterval(unknownTimeoutMs);
    connect(m_unknownTimer, &QTimer::timeout, this, [this] {
        const Job lost = m_monitor->job(m_followedId);
        if (m_json)
            emitEvent({{QStringLiteral("event"), QStringLiteral("finished")},
                       {QStringLiteral("job"), lost.id},
                       {QStringLiteral("state"), jobStateName(JobState::Unknown)},
                       {QStringLiteral("raw"), lost.rawStatus}});
        diagnose(tr("%1 has been in the server's %2 state for %3 s: the server lost track of it. "
                    "'status --refresh %1' asks it to look again.")
                     .arg(lost.id, lost.rawStatus)
                     .arg(m_unknownTimer->interval() / 1000));
        exitWith(JobFailed);
    });
    m_followedId = job.id;
    m_monitor = new JobMonitor(m_backend.get(), policy, this);
    m_lastState = job.state;
    m_lastRaw = job.rawStatus;
    const auto watchUnknown = [this](const Job &current) {
        const bool lost = current.state == JobState::Unknown && !current.rawStatus.isEmpty();
        if (!lost)
            m_unknownTimer->stop();
        else if (!m_unknownTimer->isActive())
            m_unknownTimer->start();
    };
    watchUnknown(job);
    connect(m_monitor, &JobMonitor::jobChanged, this, [this, watchUnknown](const Job &changed) {
        watchUnknown(changed);
        if (changed.state == m_lastState && changed.rawStatus == m_lastRaw)
            return;
        m_lastState = changed.state;
        m_lastRaw = changed.rawStatus;
        if (m_json)
            emitEvent({{QStringLiteral("event"), QStringLiteral("status")},
                       {QStringLiteral("job"), changed.id},
                       {QStringLiteral("state"), jobStateName(changed.state)},
                       {QStringLiteral("raw"), changed.rawStatus}});
        else
            diagnose(tr("[%1] %2").arg(jobStateDisplayName(changed.state), changed.rawStatus));
    });
    connect(m_monitor,
            &JobMonitor::progressSampled,
            this,
            [this](const QString &id, const QDateTime &, double progress, const QList<SubJobProgress> &) {
                if (progress < 0 || qFuzzyCompare(progress + 1, m_lastProgress + 1))
                    return;
                m_lastProgress = progress;
                if (m_json)
                    emitEvent({{QStringLiteral("event"), QStringLiteral("progress")},
                               {QStringLiteral("job"), id},
                               {QStringLiteral("progress"), progress}});
                else
                    diagnose(tr("progress %1%").arg(progress * 100, 0, 'f', 1));
            });
    connect(m_monitor,
            &JobMonitor::logAppended,
            this,
            [this, fromLine](const QString &id, qint64 first, const QStringList &lines) {
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const qint64 n = first + i;
                    if (n < fromLine)
                        continue;
                    if (m_json)
                        emitEvent({{QStringLiteral("event"), QStringLiteral("log")},
                                   {QStringLiteral("job"), id},
                                   {QStringLiteral("line"), lines.at(i)},
                                   {QStringLiteral("n"), n}});
                    else
                        m_out << lines.at(i) << u'\n';
                }
                m_out.flush();
            });
    connect(m_monitor,
            &JobMonitor::pollFailed,
            this,
            [this](const QString &id, const BackendError &error, int retryInMs) {
                if (m_json)
                    emitEvent({{QStringLiteral("event"), QStringLiteral("retry")},
                               {QStringLiteral("job"), id},
                               {QStringLiteral("message"), error.describe()},
                               {QStringLiteral("retryInMs"), retryInMs}});
                diagnose(tr("warning: %1; trying again in %2 s")
                             .arg(error.describe())
                             .arg(retryInMs / 1000.0, 0, 'f', 1));
            });
    connect(m_monitor,
            &JobMonitor::followingAbandoned,
            this,
            [this](const QString &, const BackendError &error) { fail(error); });
    connect(m_monitor, &JobMonitor::jobFinished, this, [this](const Job &finished) {
        m_index.remember(connectionKey(), finished);
        if (m_json) {
            emitEvent({{QStringLiteral("event"), QStringLiteral("finished")},
                       {QStringLiteral("job"), finished.id},
                       {QStringLiteral("state"), jobStateName(finished.state)},
                       {QStringLiteral("raw"), finished.rawStatus}});
        } else {
            QString line = tr("%1 %2").arg(finished.id, jobStateDisplayName(finished.state));
            if (finished.durationMs >= 0)
                line += tr(" after %1").arg(formatDuration(finished.durationMs));
            if (!finished.errorMessage.isEmpty())
                line += u": " + finished.errorMessage;
            diagnose(line);
        }
        exitWith(finished.state == JobState::Succeeded ? Done : JobFailed);
    });
    m_monitor->follow(job);
}

void CliApp::runStatus()
{
    withJob([this](const Job &job) {
        auto *refreshing = m_parser.isSet(QStringLiteral("refresh")) ? m_backend->forceRefresh(job)
                                                                     : m_backend->refresh(job);
        onFinished(refreshing, this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            const auto print = [this](const Job &shown) {
                if (m_json) {
                    QJsonObject event{{QStringLiteral("event"), QStringLiteral("status")},
                                      {QStringLiteral("job"), shown.id},
                                      {QStringLiteral("state"), jobStateName(shown.state)},
                                      {QStringLiteral("raw"), shown.rawStatus}};
                    if (shown.progress >= 0)
                        event.insert(QStringLiteral("progress"), shown.progress);
                    if (shown.ids.linkisTaskId > 0)
                        event.insert(QStringLiteral("taskId"), shown.ids.linkisTaskId);
                    if (shown.submitted.isValid())
                        event.insert(QStringLiteral("submitted"),
                                     shown.submitted.toString(Qt::ISODateWithMs));
                    if (shown.started.isValid())
                        event.insert(QStringLiteral("started"), shown.started.toString(Qt::ISODateWithMs));
                    if (shown.ended.isValid())
                        event.insert(QStringLiteral("ended"), shown.ended.toString(Qt::ISODateWithMs));
                    if (shown.durationMs >= 0)
                        event.insert(QStringLiteral("durationMs"), shown.durationMs);
                    if (!shown.errorMessage.isEmpty())
                        event.insert(QStringLiteral("error"), shown.errorMessage);
                    if (!shown.name.isEmpty())
                        event.insert(QStringLiteral("name"), shown.name);
                    if (!shown.project.isEmpty())
                        event.insert(QStringLiteral("project"), shown.project);
                    if (!shown.files.isEmpty())
                        event.insert(QStringLiteral("files"), QJsonArray::fromStringList(shown.files));
                    if (!shown.steps.isEmpty())
                        event.insert(QStringLiteral("steps"), int(shown.steps.size()));
                    emitEvent(event);
                } else {
                    const auto row = [this](const QString &label, const QString &value) {
                        if (!value.isEmpty())
                            printLine(label.leftJustified(11) + value);
                    };
                    row(tr("Job"), shown.id);
                    row(tr("Name"), shown.name);
                    row(tr("Project"), shown.project);
                    if (shown.ids.linkisTaskId > 0)
                        row(tr("Task"), QString::number(shown.ids.linkisTaskId));
                    if (shown.ids.dinkyTaskId > 0)
                        row(tr("Task"), QString::number(shown.ids.dinkyTaskId));
                    row(tr("Flink job"), shown.ids.flinkJobId);
                    row(tr("Files"), shown.files.join(QStringLiteral(", ")));
                    row(tr("State"), tr("%1 (%2)").arg(jobStateDisplayName(shown.state), shown.rawStatus));
                    if (shown.progress >= 0)
                        row(tr("Progress"), tr("%1%").arg(shown.progress * 100, 0, 'f', 1));
                    row(tr("Engine"), shown.engine);
                    row(tr("Submitter"), shown.submitter);
                    row(tr("Submitted"), formatTime(shown.submitted));
                    row(tr("Started"), formatTime(shown.started));
                    row(tr("Ended"), formatTime(shown.ended));
                    if (shown.durationMs >= 0)
                        row(tr("Duration"), formatDuration(shown.durationMs));
                    row(tr("Error"), shown.errorMessage);
                    if (!shown.steps.isEmpty())
                        row(tr("Steps"), tr("%1 (see: steps %2)").arg(shown.steps.size()).arg(shown.id));
                }
                exitWith(Done);
            };
            if (!m_backend->capabilities().history || current->ids.linkisTaskId <= 0) {
                print(*current);
                return;
            }
            // Times, duration and errors come from the job's history record.
            auto *detailing = m_backend->details(*current);
            onFinished(detailing, this, [print, shown = *current](const Result<Job> &record) {
                if (!record) {
                    print(shown);
                    return;
                }
                Job merged = *record;
                merged.id = shown.id;
                merged.state = shown.state;
                merged.rawStatus = shown.rawStatus;
                print(merged);
            });
        });
    });
}

void CliApp::runLog()
{
    qint64 fromLine = 1;
    if (m_parser.isSet(QStringLiteral("from"))) {
        bool ok = false;
        fromLine = m_parser.value(QStringLiteral("from")).toLongLong(&ok);
        if (!ok || fromLine < 1) {
            usageError(tr("--from needs a line number (counting from 1)"));
            exitWith(UsageError);
            return;
        }
    }
    withJob([this, fromLine](const Job &job) {
        if (m_parser.isSet(QStringLiteral("follow"))) {
            follow(job, fromLine);
            return;
        }
        readLogOnce(job, {}, fromLine);
    });
}

void CliApp::readLogOnce(const Job &job, LogCursor cursor, qint64 fromLine)
{
    auto *reading = m_backend->log(job, cursor, 10000);
    onFinished(
        reading, this, [this, job, fromLine, first = cursor.delivered + 1](const Result<LogPage> &page) {
            if (!page) {
                fail(page.error());
                return;
            }
            for (qsizetype i = 0; i < page->lines.size(); ++i) {
                const qint64 n = first + i;
                if (n < fromLine)
                    continue;
                if (m_json)
                    emitEvent({{QStringLiteral("event"), QStringLiteral("log")},
                               {QStringLiteral("job"), job.id},
                               {QStringLiteral("line"), page->lines.at(i)},
                               {QStringLiteral("n"), n}});
                else
                    m_out << page->lines.at(i) << u'\n';
            }
            m_out.flush();
            if (page->more && !page->complete)
                readLogOnce(job, page->next, fromLine);
            else
                exitWith(Done);
        });
}

void CliApp::runProgress()
{
    if (!m_backend->capabilities().progress) {
        runStepProgress();
        return;
    }
    withJob([this](const Job &job) {
        auto *reading = m_backend->progress(job);
        onFinished(reading, this, [this, job](const Result<ProgressReport> &report) {
            if (!report) {
                fail(report.error());
                return;
            }
            if (m_json) {
                QJsonArray rows;
                for (const SubJobProgress &row : report->subJobs)
                    rows.append(QJsonObject{{QStringLiteral("id"), row.id},
                                            {QStringLiteral("succeeded"), row.succeeded},
                                            {QStringLiteral("failed"), row.failed},
                                            {QStringLiteral("running"), row.running},
                                            {QStringLiteral("total"), row.total}});
                QJsonObject event{{QStringLiteral("event"), QStringLiteral("progress")},
                                  {QStringLiteral("job"), job.id},
                                  {QStringLiteral("subJobs"), rows}};
                event.insert(QStringLiteral("progress"),
                             report->progress >= 0 ? QJsonValue(report->progress)
                                                   : QJsonValue(QJsonValue::Null));
                emitEvent(event);
            } else {
                printLine(report->progress >= 0 ? tr("%1%").arg(report->progress * 100, 0, 'f', 1)
                                                : tr("no progress reported yet"));
                for (const SubJobProgress &row : report->subJobs) {
                    printLine(tr("  %1: %2 of %3 tasks done, %4 running, %5 failed")
                                  .arg(row.id)
                                  .arg(row.succeeded)
                                  .arg(row.total)
                                  .arg(row.running)
                                  .arg(row.failed));
                }
            }
            exitWith(Done);
        });
    });
}

void CliApp::runStepProgress()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->refresh(job), this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            int done = 0;
            for (const JobStep &step : current->steps)
                done += step.state == JobState::Succeeded ? 1 : 0;
            if (m_json) {
                QJsonArray steps;
                for (const JobStep &step : current->steps)
                    steps.append(QJsonObject{{QStringLiteral("step"), step.id},
                                             {QStringLiteral("name"), step.name},
                                             {QStringLiteral("state"), jobStateName(step.state)},
                                             {QStringLiteral("raw"), step.rawStatus}});
                emitEvent(
                    {{QStringLiteral("event"), QStringLiteral("progress")},
                     {QStringLiteral("job"), current->id},
                     {QStringLiteral("progress"),
                      current->progress >= 0 ? QJsonValue(current->progress) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("steps"), steps}});
            } else {
                printLine(current->progress >= 0 ? tr("%1%").arg(current->progress * 100, 0, 'f', 1)
                                                 : tr("no progress reported yet"));
                if (!current->steps.isEmpty())
                    printLine(tr("  %1 of %2 steps done").arg(done).arg(current->steps.size()));
                for (const JobStep &step : current->steps)
                    printLine(tr("  %1: %2").arg(step.name, jobStateDisplayName(step.state)));
            }
            exitWith(Done);
        });
    });
}

void CliApp::runKill()
{
    withJob([this](const Job &job) {
        const bool chosen
            = m_parser.isSet(QStringLiteral("with-savepoint")) || m_parser.isSet(QStringLiteral("no-force"));
        auto *killing = chosen ? m_backend->cancel(job,
                                                   {m_parser.isSet(QStringLiteral("with-savepoint")),
                                                    !m_parser.isSet(QStringLiteral("no-force"))})
                               : m_backend->kill(job);
        onFinished(killing, this, [this, job](const Result<QString> &message) {
            printServerMessage(QStringLiteral("killed"), job, message, {});
        });
    });
}

void CliApp::runList()
{
    ListQuery query;
    bool ok = true;
    if (m_parser.isSet(QStringLiteral("limit")))
        query.pageSize = m_parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || query.pageSize < 1) {
        usageError(tr("--limit needs a positive number"));
        exitWith(UsageError);
        return;
    }
    if (m_parser.isSet(QStringLiteral("page")))
        query.page = m_parser.value(QStringLiteral("page")).toInt(&ok);
    if (!ok || query.page < 1) {
        usageError(tr("--page needs a positive number"));
        exitWith(UsageError);
        return;
    }
    if (m_parser.isSet(QStringLiteral("since"))) {
        const auto ms = parseDurationMs(m_parser.value(QStringLiteral("since")));
        if (!ms) {
            usageError(tr("--since needs a duration such as 30m, 2h or 7d"));
            exitWith(UsageError);
            return;
        }
        query.since = QDateTime::currentDateTimeUtc().addMSecs(-*ms);
    }
    if (m_parser.isSet(QStringLiteral("status"))) {
        for (const QString &word : m_parser.value(QStringLiteral("status")).split(u',', Qt::SkipEmptyParts)) {
            JobState state;
            if (parseJobState(word.trimmed(), &state))
                query.states.append(state);
            else
                query.rawStatuses.append(word.trimmed());
        }
    }
    auto *listing = m_backend->list(query);
    onFinished(listing, this, [this](const Result<JobPage> &page) {
        if (!page) {
            fail(page.error());
            return;
        }
        if (m_json) {
            for (const Job &job : page->jobs) {
                QJsonObject event{{QStringLiteral("event"), QStringLiteral("job")},
                                  {QStringLiteral("job"), job.id},
                                  {QStringLiteral("state"), jobStateName(job.state)},
                                  {QStringLiteral("raw"), job.rawStatus},
                                  {QStringLiteral("engine"), job.engine},
                                  {QStringLiteral("submitter"), job.submitter}};
                if (job.ids.linkisTaskId > 0)
                    event.insert(QStringLiteral("taskId"), job.ids.linkisTaskId);
                if (job.submitted.isValid())
                    event.insert(QStringLiteral("submitted"), job.submitted.toString(Qt::ISODateWithMs));
                if (job.durationMs >= 0)
                    event.insert(QStringLiteral("durationMs"), job.durationMs);
                if (!job.name.isEmpty())
                    event.insert(QStringLiteral("name"), job.name);
                if (!job.project.isEmpty())
                    event.insert(QStringLiteral("project"), job.project);
                if (job.progress >= 0)
                    event.insert(QStringLiteral("progress"), job.progress);
                emitEvent(event);
            }
            QJsonObject summary{{QStringLiteral("event"), QStringLiteral("page")},
                                {QStringLiteral("page"), page->page},
                                {QStringLiteral("pageSize"), page->pageSize},
                                {QStringLiteral("count"), int(page->jobs.size())}};
            if (page->totalRows >= 0)
                summary.insert(QStringLiteral("total"), page->totalRows);
            emitEvent(summary);
        } else if (m_profile.kind != u"linkis" && m_profile.kind != u"local") {
            // Backends without Linkis' task ids and engines: the job id and its name.
            printLine(tr(
                "STATE       SUBMITTED             DURATION   JOB                                   NAME"));
            for (const Job &job : page->jobs) {
                printLine(QStringLiteral("%1 %2 %3 %4 %5")
                              .arg(jobStateDisplayName(job.state).leftJustified(11),
                                   formatTime(job.submitted).leftJustified(21),
                                   (job.durationMs >= 0 ? formatDuration(job.durationMs) : QString())
                                       .leftJustified(10),
                                   job.id.leftJustified(37),
                                   job.name));
            }
        } else {
            printLine(tr("TASK      STATE       ENGINE        SUBMITTED             DURATION   JOB"));
            for (const Job &job : page->jobs) {
                printLine(QStringLiteral("%1 %2 %3 %4 %5 %6")
                              .arg(QString::number(job.ids.linkisTaskId).leftJustified(9),
                                   jobStateDisplayName(job.state).leftJustified(11),
                                   job.engine.leftJustified(13),
                                   formatTime(job.submitted).leftJustified(21),
                                   (job.durationMs >= 0 ? formatDuration(job.durationMs) : QString())
                                       .leftJustified(10),
                                   job.id));
            }
            if (page->totalRows >= 0) {
                const qint64 pages = (page->totalRows + page->pageSize - 1) / std::max(1, page->pageSize);
                diagnose(tr("page %1 of %2, %3 jobs in all").arg(page->page).arg(pages).arg(page->totalRows));
            }
        }
        exitWith(Done);
    });
}

void CliApp::runResults()
{
    withJob([this](const Job &job) {
        auto *listing = m_backend->resultSets(job);
        onFinished(listing, this, [this, job](const Result<QList<ResultSetRef>> &sets) {
            if (!sets) {
                fail(sets.error());
                return;
            }
            if (sets->isEmpty()) {
                diagnose(tr("%1 produced no result sets").arg(job.id));
                exitWith(Done);
                return;
            }
            writeResultSets(*sets, 0, m_parser.value(QStringLiteral("output")));
        });
    });
}

void CliApp::writeResultSets(QList<ResultSetRef> sets, int index, QString output)
{
    if (index >= sets.size()) {
        exitWith(Done);
        return;
    }
    // Each result set is one CSV: FILE, then FILE_2.csv, FILE_3.csv ... for the next ones.
    QString path = output;
    if (!path.isEmpty() && index > 0) {
        const QFileInfo info(output);
        path = info.path() + u'/' + info.completeBaseName() + u'_' + QString::number(index + 1)
               + (info.suffix().isEmpty() ? QString() : u'.' + info.suffix());
    }
    auto file = std::make_shared<QSaveFile>(path);
    if (!path.isEmpty() && !file->open(QIODevice::WriteOnly)) {
        fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
        return;
    }
    if (path.isEmpty() && index > 0)
        m_out << u'\n'; // sets on stdout are separated by an empty line
    writeResultPage({sets, index, output, path, file}, 1);
}

void CliApp::writeResultPage(ResultWriting writing, int page)
{
    auto *reading = m_backend->resultPage(writing.sets.at(writing.index), page, 5000);
    onFinished(reading, this, [this, writing, page](const Result<ResultPage> &rows) {
        if (!rows) {
            fail(rows.error());
            return;
        }
        QString text;
        if (page == 1) {
            QStringList header;
            for (const QString &column : rows->columns)
                header.append(csvField(column));
            text += header.join(u',') + u'\n';
        }
        for (const QStringList &row : rows->rows) {
            QStringList cells;
            for (const QString &cell : row)
                cells.append(csvField(cell));
            text += cells.join(u',') + u'\n';
        }
        if (!rows->notice.isEmpty())
            diagnose(rows->notice);
        if (writing.path.isEmpty()) {
            m_out << text;
            m_out.flush();
        } else {
            writing.file->write(text.toUtf8());
        }
        if (rows->hasMore && !rows->rows.isEmpty()) {
            writeResultPage(writing, page + 1);
            return;
        }
        if (!writing.path.isEmpty() && !writing.file->commit()) {
            fail(localError(tr("cannot write %1: %2").arg(writing.path, writing.file->errorString())));
            return;
        }
        if (!writing.path.isEmpty())
            diagnose(tr("wrote %1").arg(writing.path));
        writeResultSets(writing.sets, writing.index + 1, writing.output);
    });
}

void CliApp::printJobState(const QString &event, const Job &job)
{
    if (m_json) {
        emitEvent({{QStringLiteral("event"), event},
                   {QStringLiteral("job"), job.id},
                   {QStringLiteral("state"), jobStateName(job.state)},
                   {QStringLiteral("raw"), job.rawStatus}});
        return;
    }
    printLine(tr("%1 %2 (%3)").arg(job.id, jobStateDisplayName(job.state), job.rawStatus));
}

void CliApp::runJobAction()
{
    withJob([this](const Job &job) {
        Pending<Job> *acting = nullptr;
        if (m_command == u"pause")
            acting = m_backend->pause(job);
        else if (m_command == u"resume")
            acting = m_backend->resume(job);
        else
            acting = m_backend->restart(job, m_parser.value(QStringLiteral("savepoint-path")));
        onFinished(acting, this, [this](const Result<Job> &after) {
            if (!after) {
                fail(after.error());
                return;
            }
            m_index.remember(connectionKey(), *after);
            printJobState(QStringLiteral("status"), *after);
            if (m_command == u"restart" && m_parser.isSet(QStringLiteral("follow")))
                follow(*after, 1);
            else
                exitWith(Done);
        });
    });
}

void CliApp::printServerMessage(const QString &event,
                                const Job &job,
                                const Result<QString> &message,
                                const QString &whenEmpty)
{
    if (!message) {
        fail(message.error());
        return;
    }
    if (m_json)
        emitEvent({{QStringLiteral("event"), event},
                   {QStringLiteral("job"), job.id},
                   {QStringLiteral("message"), *message}});
    else
        printLine(message->isEmpty() && !whenEmpty.isEmpty() ? whenEmpty : *message);
    exitWith(Done);
}

void CliApp::runDrop()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->drop(job), this, [this, job](const Result<QString> &message) {
            printServerMessage(QStringLiteral("dropped"), job, message, tr("%1 dropped").arg(job.id));
        });
    });
}

void CliApp::runSavepoint()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->savepoint(job), this, [this, job](const Result<QString> &where) {
            printServerMessage(QStringLiteral("savepoint"), job, where, {});
        });
    });
}

void CliApp::runSteps()
{
    withJob([this](const Job &job) {
        // The lookup may already carry the steps; a refresh makes sure they are current.
        onFinished(m_backend->refresh(job), this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            if (!m_json)
                printLine(
                    tr("#   STATE       STARTED                  ENDED                    DURATION   NAME"));
            int number = 0;
            for (const JobStep &step : current->steps) {
                // The server's step number where it has one, so `step-output JOB N` finds it.
                ++number;
                const int shownNumber = step.sequence >= 0 ? step.sequence : number;
                const qint64 ms
                    = step.start.isValid() && step.end.isValid() ? step.start.msecsTo(step.end) : -1;
                if (m_json) {
                    QJsonObject event{{QStringLiteral("event"), QStringLiteral("step")},
                                      {QStringLiteral("job"), current->id},
                                      {QStringLiteral("step"), step.id},
                                      {QStringLiteral("n"), shownNumber},
                                      {QStringLiteral("name"), step.name},
                                      {QStringLiteral("state"), jobStateName(step.state)},
                                      {QStringLiteral("raw"), step.rawStatus}};
                    if (step.start.isValid())
                        event.insert(QStringLiteral("started"), step.start.toString(Qt::ISODateWithMs));
                    if (step.end.isValid())
                        event.insert(QStringLiteral("ended"), step.end.toString(Qt::ISODateWithMs));
                    if (ms >= 0)
                        event.insert(QStringLiteral("durationMs"), ms);
                    emitEvent(event);
                } else {
                    printLine(QStringLiteral("%1 %2 %3 %4 %5 %6")
                                  .arg(QString::number(shownNumber).leftJustified(3),
                                       jobStateDisplayName(step.state).leftJustified(11),
                                       formatTime(step.start).leftJustified(24),
                                       formatTime(step.end).leftJustified(24),
                                       (ms >= 0 ? formatDuration(ms) : QString()).leftJustified(10),
                                       step.name));
                }
            }
            if (current->steps.isEmpty())
                diagnose(tr("%1 has no steps").arg(current->id));
            exitWith(Done);
        });
    });
}

void CliApp::runStepOutput()
{
    withJob([this](const Job &job) {
        const QString step = m_args.at(1);
        onFinished(m_backend->stepOutput(job, step), this, [this, job, step](const Result<QString> &output) {
            if (!output) {
                fail(output.error());
                return;
            }
            const QString path = m_parser.value(QStringLiteral("output"));
            if (!path.isEmpty()) {
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly) || file.write(output->toUtf8()) < 0 || !file.commit()) {
                    fail(localError(tr("cannot write %1: %2").arg(path, file.errorString())));
                    return;
                }
                diagnose(tr("wrote %1").arg(path));
            } else if (m_json) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("step-output")},
                           {QStringLiteral("job"), job.id},
                           {QStringLiteral("step"), step},
                           {QStringLiteral("output"), *output}});
            } else {
                m_out << *output;
                if (!output->endsWith(u'\n'))
                    m_out << u'\n';
                m_out.flush();
            }
            exitWith(Done);
        });
    });
}

void CliApp::runTask()
{
    TaskRunRequest request;
    bool ok = false;
    request.taskId = m_args.first().toLongLong(&ok);
    if (!ok || request.taskId <= 0) {
        usageError(tr("run-task needs the task's numeric id, got '%1'").arg(m_args.first()));
        exitWith(UsageError);
        return;
    }
    request.savepointPath = m_parser.value(QStringLiteral("savepoint-path"));
    for (const QString &var : m_parser.values(QStringLiteral("var"))) {
        const qsizetype eq = var.indexOf(u'=');
        if (eq <= 0) {
            usageError(tr("--var needs K=V, got '%1'").arg(var));
            exitWith(UsageError);
            return;
        }
        request.variables.insert(var.left(eq), var.mid(eq + 1));
    }
    onFinished(m_backend->runTask(request), this, [this, request](const Result<Job> &job) {
        if (!job) {
            fail(job.error());
            return;
        }
        m_index.remember(connectionKey(), *job);
        if (m_json)
            emitEvent({{QStringLiteral("event"), QStringLiteral("submitted")},
                       {QStringLiteral("job"), job->id},
                       {QStringLiteral("backend"), m_profile.kind},
                       {QStringLiteral("taskId"), request.taskId}});
        else if (m_parser.isSet(QStringLiteral("follow")))
            diagnose(tr("task %1 started as job %2").arg(request.taskId).arg(job->id));
        else
            printLine(job->id);
        if (m_parser.isSet(QStringLiteral("follow")))
            follow(*job, 1);
        else
            exitWith(Done);
    });
}

void CliApp::runLineage()
{
    LineageRequest request;
    const QString format = m_parser.value(QStringLiteral("format")).toLower();
    request.format = format == u"csv"       ? LineageFormat::Csv
                     : format == u"graphml" ? LineageFormat::Graphml
                                            : LineageFormat::Json;
    request.tableToTable = m_parser.isSet(QStringLiteral("table-to-table"));
    if (m_parser.isSet(QStringLiteral("delimiter")))
        request.csvDelimiter = m_parser.value(QStringLiteral("delimiter")).at(0);
    const QString path = m_parser.value(QStringLiteral("output"));
    withJob([this, request, path](const Job &job) {
        // Written next to the target and renamed at the end: a failed export leaves no
        // half file, and an existing file is replaced only by a whole new one.
        std::shared_ptr<QIODevice> sink;
        if (path.isEmpty()) {
            auto out = std::make_shared<QFile>();
            if (!out->open(stdout, QIODevice::WriteOnly)) {
                fail(localError(tr("cannot write to standard output")));
                return;
            }
            sink = out;
        } else {
            auto file = std::make_shared<QSaveFile>(path);
            if (!file->open(QIODevice::WriteOnly)) {
                fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
                return;
            }
            sink = file;
        }
        auto *exporting = m_backend->exportLineage(job, request, sink.get());
        onFinished(exporting, this, [this, job, path, sink](const Result<qint64> &bytes) {
            auto *file = qobject_cast<QSaveFile *>(sink.get());
            if (!bytes) {
                if (file)
                    file->cancelWriting();
                fail(bytes.error());
                return;
            }
            if (file && !file->commit()) {
                fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
                return;
            }
            if (!file)
                static_cast<QFile *>(sink.get())->flush();
            if (m_json)
                emitEvent({{QStringLiteral("event"), QStringLiteral("lineage")},
                           {QStringLiteral("job"), job.id},
                           {QStringLiteral("output"), path},
                           {QStringLiteral("bytes"), *bytes}});
            else if (file)
                diagnose(tr("wrote %1 (%2)").arg(path, QLocale().formattedDataSize(*bytes)));
            exitWith(Done);
        });
    });
}

void CliApp::emitEvent(const QJsonObject &event)
{
    m_out << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n';
    m_out.flush();
}

void CliApp::printLine(const QString &text)
{
    m_out << text << u'\n';
    m_out.flush();
}

void CliApp::diagnose(const QString &text)
{
    m_err << text << u'\n';
    m_err.flush();
}

void CliApp::fail(const BackendError &error)
{
    if (m_json)
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")},
                   {QStringLiteral("message"), error.describe()}});
    diagnose(tr("jobdeck-cli: %1").arg(error.describe()));
    exitWith(error.exitCode());
}

void CliApp::usageError(const QString &message)
{
    if (m_json)
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    diagnose(tr("jobdeck-cli: %1").arg(message));
}

void CliApp::exitWith(int code)
{
    if (m_exiting)
        return;
    m_exiting = true;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

QString CliApp::formatTime(const QDateTime &time)
{
    return time.isValid()
               ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
               : QString();
}

QString CliApp::formatDuration(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace JobDeck
