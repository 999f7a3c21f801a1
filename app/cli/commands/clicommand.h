#pragma once

#include "cli/clicontext.h"

#include <QObject>

namespace JobDeck {

class LogLines;

// One command of jobdeck-cli, started once the connection stands. It prints through the
// run's CliOutput and ends the run with exitWith() (or fail()), from the event loop.
class CliCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCommand)

public:
    explicit CliCommand(CliContext &cli, QObject *parent = nullptr);
    ~CliCommand() override;

    virtual void run() = 0;

protected:
    using enum CliOutput::ExitCode;

    // Resolves the JOB argument, then calls `then` with the job.
    void withJob(std::function<void(const Job &)> then) { m_cli.withJob(this, std::move(then)); }
    void remember(const Job &job) { m_cli.remember(job); }
    // Follows the job until it ends, printing its log, state and progress; exits with the outcome.
    void follow(const Job &job, const LogLines &lines);
    void follow(const Job &job);

    const QString &command() const { return m_cli.command(); }
    const QStringList &args() const { return m_cli.args(); }
    const ConnectionProfile &profile() const { return m_cli.profile(); }
    QTextStream &out() { return m_cli.output().out(); }
    bool json() const { return m_cli.output().json(); }
    void emitEvent(const QJsonObject &event) { m_cli.output().emitEvent(event); }
    void printLine(const QString &text) { m_cli.output().printLine(text); }
    void diagnose(const QString &text) { m_cli.output().diagnose(text); }
    void fail(const BackendError &error) { m_cli.output().fail(error); }
    void usageError(const QString &message) { m_cli.output().usageError(message); }
    void exitWith(int code) { m_cli.output().exitWith(code); }
    static QString formatTime(const QDateTime &time) { return CliOutput::formatTime(time); }
    static QString formatDuration(qint64 ms) { return CliOutput::formatDuration(ms); }
    // The --var K=V options into `variables`; false, after saying why, when one is not K=V.
    bool readVariables(QMap<QString, QString> *variables);

    CliContext &m_cli;
    const QCommandLineParser &m_parser;
    Backend *const m_backend;
};

} // namespace JobDeck
