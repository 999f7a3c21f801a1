#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "cli/clioutput.h"
#include "jobs/jobindex.h"

#include <QCommandLineParser>

#include <functional>
#include <memory>
#include <optional>

namespace JobDeck {

// What every command of one jobdeck-cli run works with: the parsed command line, the
// connection (profile and backend), the job index that keeps the ids a job's later commands
// need, and the output.
class CliContext final
{
    Q_DISABLE_COPY_MOVE(CliContext)

public:
    explicit CliContext(const QCommandLineParser &parser);

    const QCommandLineParser &parser() const { return m_parser; }
    CliOutput &output() { return m_output; }

    const QString &command() const { return m_command; }
    const QStringList &args() const { return m_args; }
    void setCommand(const QString &command, const QStringList &args);

    ConnectionProfile &profile() { return m_profile; }
    const ConnectionProfile &profile() const { return m_profile; }
    Backend *backend() const { return m_backend.get(); }
    void setBackend(std::unique_ptr<Backend> backend) { m_backend = std::move(backend); }

    // The server and user the job index files a job under.
    QString connectionKey() const;
    void remember(const Job &job);
    // Resolves the JOB argument (the first one), then calls `then` with the job, as long as
    // `context` lives; a failed lookup ends the run.
    void withJob(QObject *context, std::function<void(const Job &)> then);

private:
    Job withKnownIds(Job job) const;

    const QCommandLineParser &m_parser;
    CliOutput m_output;
    QString m_command;
    QStringList m_args;
    ConnectionProfile m_profile;
    std::unique_ptr<Backend> m_backend;
    JobIndex m_index;
};

// A number of seconds from the command line as milliseconds: positive, at most 30 days (a
// timer's interval is an int of milliseconds, and nobody waits longer).
std::optional<int> secondsToMs(const QString &text);

} // namespace JobDeck
