#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "jobs/jobindex.h"

#include <QCommandLineParser>
#include <QObject>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace JobDeck {

class JobMonitor;

// jobdeck-cli: parses the command line (../shared/cli-contract.md), runs one command
// against one backend and exits with the contract's code. Output is human-readable, or
// one JSON object per line with --json; diagnostics go to stderr.
class CliApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    enum ExitCode { Done = 0, JobFailed = 1, UsageError = 2, CannotTalk = 3, ServerRefused = 4 };

    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    // Parses and starts the command; the event loop's exit code is the result.
    // Returns an exit code at once when the command line itself is wrong.
    std::optional<int> start(const QStringList &arguments);

private:
    void setUpOptions();
    std::optional<int> readProfile();
    std::optional<int> readSecret();
    // The command against what the backend can do; an exit code when it cannot.
    std::optional<int> checkCapabilities();
    QString connectionKey() const;
    Job withKnownIds(Job job) const;

    void readKeychainSecret(Language language);
    void connectAndRun();
    void runSubmit();
    void runStatus();
    void runLog();
    void runProgress();
    void runStepProgress(); // progress with the job and its steps, for backends without a progress call
    void runKill();
    void runList();
    void runResults();
    void runJobAction(); // pause, resume, restart
    void runDrop();
    void runSavepoint();
    void runSteps();
    void runStepOutput();
    void runTask();
    void runLineage();
    void printJobState(const QString &event, const Job &job);
    // The server's answer to an action: an event (or its text), or the failure.
    void printServerMessage(const QString &event,
                            const Job &job,
                            const Result<QString> &message,
                            const QString &whenEmpty);

    // Resolves the JOB argument, then calls `then` with the job.
    void withJob(std::function<void(const Job &)> then);
    void follow(const Job &job, qint64 fromLine);
    void readLogOnce(const Job &job, LogCursor cursor, qint64 fromLine);
    struct ResultWriting
    {
        QList<ResultSetRef> sets;
        int index = 0;
        QString output; // the --output name; empty for stdout
        QString path;   // this set's file
        std::shared_ptr<QSaveFile> file;
    };
    void writeResultSets(QList<ResultSetRef> sets, int index, QString output);
    void writeResultPage(ResultWriting writing, int page);

    void emitEvent(const QJsonObject &event);
    void printLine(const QString &text);
    void diagnose(const QString &text);
    void fail(const BackendError &error);
    void usageError(const QString &message);
    void exitWith(int code);
    static QString formatTime(const QDateTime &time);
    static QString formatDuration(qint64 ms);

    QCommandLineParser m_parser;
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    QString m_command;
    QStringList m_args;
    ConnectionProfile m_profile;
    std::unique_ptr<Backend> m_backend;
    JobMonitor *m_monitor = nullptr;
    QTimer *m_unknownTimer = nullptr; // while a followed job is in the server's UNKNOWN state
    QString m_followedId;
    JobIndex m_index;
    JobState m_lastState = JobState::Unknown;
    QString m_lastRaw;
    double m_lastProgress = -1;
    bool m_exiting = false;
    bool m_launchLocal = false;
    bool m_secretFromKeychain = false; // a saved profile whose secret is in the keychain
};

} // namespace JobDeck
