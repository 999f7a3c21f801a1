#pragma once

#include "cli/clicontext.h"
#include "i18n/language.h"

#include <QCommandLineParser>
#include <QObject>

#include <optional>

namespace JobDeck {

class CliCommand;
class CliCredentials;
struct CommandSpec;

// jobdeck-cli: parses the command line (../shared/cli-contract.md), connects to one backend,
// runs one command (cli/commands/) and exits with the contract's code (cli/clioutput.h).
class CliApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    // Parses and starts the command; the event loop's exit code is the result.
    // Returns an exit code at once when the command line itself is wrong.
    std::optional<int> start(const QStringList &arguments);

private:
    void setUpOptions();
    // The command against what the backend can do; an exit code when it cannot.
    std::optional<int> checkCapabilities();
    void connectAndRun();
    void usageError(const QString &message) { m_cli.output().usageError(message); }

    QCommandLineParser m_parser;
    CliContext m_cli;
    CliCredentials *m_credentials = nullptr;
    const CommandSpec *m_spec = nullptr;
    Language m_language = Language::English;
    CliCommand *m_running = nullptr;
};

} // namespace JobDeck
