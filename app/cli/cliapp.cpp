#include "cli/cliapp.h"

#include "backends/backendfactory.h"
#include "backends/local/localserverlauncher.h"
#include "cli/clicredentials.h"
#include "cli/commands/jobactions.h"
#include "cli/commands/lineage.h"
#include "cli/commands/list.h"
#include "cli/commands/log.h"
#include "cli/commands/progress.h"
#include "cli/commands/results.h"
#include "cli/commands/runtask.h"
#include "cli/commands/status.h"
#include "cli/commands/steps.h"
#include "cli/commands/submit.h"

#include <QCoreApplication>
#include <QTimer>

namespace JobDeck {

// A command of the command line: its arguments and own options, what the backend must be
// able to do for it, and the object that runs it.
struct CommandSpec
{
    const char *name;
    int minArgs;
    int maxArgs;         // -1 = any number
    const char *options; // the command's own options, comma-separated
    bool Capabilities::*needs;
    CliCommand *(*make)(CliContext &cli, QObject *parent);
};

namespace {

template<typename Command>
CliCommand *make(CliContext &cli, QObject *parent)
{
    return new Command(cli, parent);
}

const QList<CommandSpec> &commands()
{
    using C = Capabilities;
    static const QList<CommandSpec> specs{
        {"submit",
         1,
         -1,
         "engine,run-type,var,name,follow,persist,incremental,job-id,unknown-timeout",
         &C::submit,
         make<SubmitCommand>},
        {"status", 1, 1, "refresh", nullptr, make<StatusCommand>},
        {"log", 1, 1, "from,follow,unknown-timeout", &C::log, make<LogCommand>},
        {"progress", 1, 1, "", nullptr, make<ProgressCommand>},
        {"kill", 1, 1, "with-savepoint,no-force", &C::kill, make<JobActionCommand>},
        {"list", 0, 0, "status,limit,page,since", &C::history, make<ListCommand>},
        {"results", 1, 1, "output", &C::results, make<ResultsCommand>},
        {"pause", 1, 1, "", &C::pause, make<JobActionCommand>},
        {"resume", 1, 1, "", &C::resume, make<JobActionCommand>},
        {"drop", 1, 1, "", &C::drop, make<JobActionCommand>},
        {"steps", 1, 1, "", &C::steps, make<StepsCommand>},
        {"step-output", 2, 2, "output", &C::steps, make<StepOutputCommand>},
        {"run-task", 1, 1, "follow,savepoint-path,var,unknown-timeout", &C::runTask, make<RunTaskCommand>},
        {"restart", 1, 1, "savepoint-path,follow,unknown-timeout", &C::restart, make<JobActionCommand>},
        {"savepoint", 1, 1, "", &C::savepoint, make<JobActionCommand>},
        {"lineage", 1, 1, "format,output,table-to-table,delimiter", &C::lineage, make<LineageCommand>},
    };
    return specs;
}

} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
    , m_cli(m_parser)
    , m_credentials(new CliCredentials(m_cli, this))
{
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
        return CliOutput::UsageError;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_cli.output().out() << m_parser.helpText();
        m_cli.output().out().flush();
        return CliOutput::Done;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_cli.output().out() << QCoreApplication::applicationName() << u' '
                             << QCoreApplication::applicationVersion() << u'\n';
        m_cli.output().out().flush();
        return CliOutput::Done;
    }
    m_cli.output().setJson(m_parser.isSet(QStringLiteral("json")));

    Language language = systemLanguage();
    if (m_parser.isSet(QStringLiteral("lang"))
        && !parseLanguage(m_parser.value(QStringLiteral("lang")), &language)) {
        usageError(tr("unknown language '%1' (use cn or en)").arg(m_parser.value(QStringLiteral("lang"))));
        return CliOutput::UsageError;
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        m_cli.output().err() << m_parser.helpText();
        m_cli.output().err().flush();
        return CliOutput::UsageError;
    }
    m_cli.setCommand(positional.first(), positional.mid(1));
    const QString &command = m_cli.command();
    const auto spec = std::find_if(commands().cbegin(), commands().cend(), [&](const CommandSpec &c) {
        return command == QLatin1StringView(c.name);
    });
    if (spec == commands().cend()) {
        usageError(tr("unknown command '%1'").arg(command));
        return CliOutput::UsageError;
    }
    m_spec = &*spec;
    const qsizetype argCount = m_cli.args().size();
    if (argCount < spec->minArgs || (spec->maxArgs >= 0 && argCount > spec->maxArgs)) {
        usageError(tr("wrong number of arguments for '%1' (see --help)").arg(command));
        return CliOutput::UsageError;
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
            usageError(tr("--%1 does not apply to '%2'").arg(option, command));
            return CliOutput::UsageError;
        }
    }

    if (const auto code = m_credentials->readProfile())
        return code;
    if (const auto code = m_credentials->readSecret())
        return code;

    QString error;
    std::unique_ptr<Backend> backend = createBackend(m_cli.profile(), &error);
    if (!backend) {
        usageError(error);
        return CliOutput::UsageError;
    }
    backend->setLanguage(language);
    m_cli.setBackend(std::move(backend));
    m_language = language;

    // A secret still to come from the keychain may widen what the backend can do (Dinky's
    // UI API needs a login): check the command once it is there.
    if (!m_credentials->secretFromKeychain()) {
        if (const auto code = checkCapabilities())
            return code;
    }
    if (command == u"lineage") {
        const QString format = m_parser.value(QStringLiteral("format")).toLower();
        if (format != u"json" && format != u"csv" && format != u"graphml") {
            usageError(tr("lineage needs --format json, csv or graphml"));
            return CliOutput::UsageError;
        }
        if (m_cli.output().json() && !m_parser.isSet(QStringLiteral("output"))) {
            usageError(tr("with --json, lineage needs --output FILE (standard output carries the events)"));
            return CliOutput::UsageError;
        }
        if (m_parser.isSet(QStringLiteral("delimiter"))
            && m_parser.value(QStringLiteral("delimiter")).size() != 1) {
            usageError(tr("--delimiter needs one character"));
            return CliOutput::UsageError;
        }
    }
    if (m_parser.isSet(QStringLiteral("incremental")) && !m_parser.isSet(QStringLiteral("job-id"))) {
        usageError(tr("--incremental needs the persistent job's --job-id"));
        return CliOutput::UsageError;
    }

    // Start once the event loop runs, so every answer arrives through it.
    QTimer::singleShot(0, this, [this] {
        if (m_credentials->secretFromKeychain()) {
            m_credentials->readKeychainSecret([this] {
                // The kind was checked before.
                m_cli.setBackend(createBackend(m_cli.profile(), nullptr));
                m_cli.backend()->setLanguage(m_language);
                if (const auto code = checkCapabilities()) {
                    m_cli.output().exitWith(*code);
                    return;
                }
                connectAndRun();
            });
            return;
        }
        if (!m_credentials->launchLocal()) {
            connectAndRun();
            return;
        }
        // --backend local without --url: the local jobdeck-server, started if needed; its
        // runtime file gives the address and a token.
        auto *launcher = new LocalServerLauncher(this);
        onFinished(launcher->ensureRunning(), this, [this](const Result<LocalServerInfo> &info) {
            if (!info) {
                m_cli.output().fail(info.error());
                return;
            }
            ConnectionProfile &profile = m_cli.profile();
            profile.url = info->url;
            profile.user = info->user;
            profile.secret = info->token;
            profile.auth = ConnectionProfile::Auth::Token;
            m_cli.setBackend(createBackend(profile, nullptr)); // the kind was checked above
            m_cli.backend()->setLanguage(m_language);
            connectAndRun();
        });
    });
    return std::nullopt;
}

std::optional<int> CliApp::checkCapabilities()
{
    // Commands a backend has no way to do are usage errors, said before any network traffic.
    const Capabilities caps = m_cli.backend()->capabilities();
    const QString &command = m_cli.command();
    const QString &kind = m_cli.profile().kind;
    if (m_spec->needs && !(caps.*(m_spec->needs))) {
        usageError(tr("'%1' is not available for %2 servers").arg(command, kind));
        return CliOutput::UsageError;
    }
    // Progress comes from a progress call, or with the job and its steps (Kylin).
    if (command == u"progress" && !caps.progress && !caps.steps) {
        usageError(tr("'%1' is not available for %2 servers").arg(command, kind));
        return CliOutput::UsageError;
    }
    if (m_parser.isSet(QStringLiteral("refresh")) && !caps.forceRefresh) {
        usageError(tr("--refresh is not available for %1 servers").arg(kind));
        return CliOutput::UsageError;
    }
    return std::nullopt;
}

void CliApp::connectAndRun()
{
    auto *connecting = m_cli.backend()->connectToServer();
    onFinished(connecting, this, [this](const Result<bool> &connected) {
        if (!connected) {
            m_cli.output().fail(connected.error());
            return;
        }
        if (const QString notice = m_cli.backend()->connectionNotice(); !notice.isEmpty())
            m_cli.output().diagnose(tr("note: %1").arg(notice));
        m_running = m_spec->make(m_cli, this);
        m_running->run();
    });
}

} // namespace JobDeck
