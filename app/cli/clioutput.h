#pragma once

#include "backends/backend.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

namespace JobDeck {

// Where every command of jobdeck-cli writes: results on stdout (text, or one JSON object per
// line with --json), diagnostics on stderr, and the one way to end the run with the
// contract's exit code (../shared/cli-contract.md).
class CliOutput final
{
    Q_DECLARE_TR_FUNCTIONS(JobDeck::CliOutput)
    Q_DISABLE_COPY_MOVE(CliOutput)

public:
    enum ExitCode { Done = 0, JobFailed = 1, UsageError = 2, CannotTalk = 3, ServerRefused = 4 };

    CliOutput();

    void setJson(bool json) { m_json = json; }
    bool json() const { return m_json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    void emitEvent(const QJsonObject &event);
    void printLine(const QString &text);
    void diagnose(const QString &text);
    // Says what went wrong (an error event with --json) and exits with the error's code.
    void fail(const BackendError &error);
    // Says what is wrong with the command line; the caller chooses when to exit.
    void usageError(const QString &message);
    // Ends the run once; later calls are ignored, so the first outcome is the exit code.
    void exitWith(int code);
    bool exiting() const { return m_exiting; }

    // A job's state after an action, as `event` or as text.
    void printJobState(const QString &event, const Job &job);
    // The server's answer to an action: an event (or its text), or the failure; then exits.
    void printServerMessage(const QString &event,
                            const Job &job,
                            const Result<QString> &message,
                            const QString &whenEmpty);

    static QString formatTime(const QDateTime &time);
    static QString formatDuration(qint64 ms);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    bool m_exiting = false;
};

// A refusal that comes from this side (an unreadable file), for the same exit code.
BackendError localError(const QString &message);

} // namespace JobDeck
