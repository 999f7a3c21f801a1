#include "cli/clioutput.h"

#include "jobs/jobstate.h"

#include <QJsonDocument>

#include <cstdio>

namespace JobDeck {

CliOutput::CliOutput()
    : m_out(stdout)
    , m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

void CliOutput::emitEvent(const QJsonObject &event)
{
    m_out << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << u'\n';
    m_out.flush();
}

void CliOutput::printLine(const QString &text)
{
    m_out << text << u'\n';
    m_out.flush();
}

void CliOutput::diagnose(const QString &text)
{
    m_err << text << u'\n';
    m_err.flush();
}

void CliOutput::fail(const BackendError &error)
{
    if (m_json)
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")},
                   {QStringLiteral("message"), error.describe()}});
    diagnose(tr("jobdeck-cli: %1").arg(error.describe()));
    exitWith(error.exitCode());
}

void CliOutput::usageError(const QString &message)
{
    if (m_json)
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    diagnose(tr("jobdeck-cli: %1").arg(message));
}

void CliOutput::exitWith(int code)
{
    if (m_exiting)
        return;
    m_exiting = true;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void CliOutput::printJobState(const QString &event, const Job &job)
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

void CliOutput::printServerMessage(const QString &event,
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

QString CliOutput::formatTime(const QDateTime &time)
{
    return time.isValid()
               ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
               : QString();
}

QString CliOutput::formatDuration(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

BackendError localError(const QString &message)
{
    BackendError error;
    error.kind = BackendError::Kind::Refused;
    error.message = message;
    return error;
}

} // namespace JobDeck
