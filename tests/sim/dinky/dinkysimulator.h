#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace JobDeck::Sim {

// An in-process Dinky server (0.7 "dlink" or 1.x), faithful to ../shared/protocols.md §2 and
// seed 002, for the adapter's tests. It links no JobDeck library, so it checks the client
// against the protocol, not against itself.
//
// Saved tasks are scripted: each run makes a job instance whose Flink state advances one step
// per getJobInstance request along the task's state list (the last state stays). Terminal
// states get a finishTime of "now"; the final FAILED of a list ends two minutes ago (Dinky has
// stopped watching it), an earlier one is a fresh failure Flink may still restart.
//
// Everything runs on the thread that owns the simulator; switches may change at any time.
class DinkySimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DinkySimulator)

public:
    enum class Version { V07, V1 };

    struct Options
    {
        Version version = Version::V1;
        bool versionAnswersCode5 = false; // 0.7: /openapi/version is code 5 instead of a 404
        bool submitGetOnly = false;       // a 1.x server that takes the seed's GET submitTask
        int zoneOffsetSeconds = 8 * 3600; // the server's local wall clock (GMT+8)
    };

    struct Task
    {
        qint64 id = 0;
        QString name;
        QStringList states{QStringLiteral("RUNNING"), QStringLiteral("FINISHED")};
        QString submitError;      // non-empty: the submit fails with code 1 and this message
        QStringList consoleLines; // the submit process log, one line more per getProcess
        QString stateAfterForce;  // a forced refresh of an UNKNOWN instance finds this state
    };

    // One request as it arrived, for tests to assert on.
    struct Recorded
    {
        QString method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray languageHeader;
        QByteArray languageCookie;
        QByteArray tenantCookie;
        QByteArray token; // dinky-token (1.x) or satoken (0.7), header or cookie
        bool hadCookies = false;
    };

    explicit DinkySimulator(QObject *parent = nullptr);
    explicit DinkySimulator(const Options &options, QObject *parent = nullptr);
    ~DinkySimulator() override;

    bool listen(quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    const Options &options() const;
    void setOptions(const Options &options);

    void addUser(const QString &name, const QString &password);
    // A long-lived API token (TokenController), always valid.
    void setApiToken(const QString &token);
    void addTask(const Task &task);

    // Sessions: expire every token now (EXPIRED_TOKEN), or push `user` offline as another
    // login of the same user would (BE_REPLACED).
    void expireTokens();
    void kickOut(const QString &user);

    // Faults: every request answers code 5 with a stack trace (HTTP 200); an HTML page.
    void setThrowException(bool on);
    void setAnswerHtml(bool on);

    // Counters by kind: version, login, logout, submitTask, getJobInstance,
    // getJobInstanceByTaskId, cancel, savepoint, savepointTask, restartTask,
    // selectSavePointRestartTask, getProcess, jobInstanceList, refreshJobInfoDetail,
    // getJobInfoDetail, unknown.
    int requestCount(const QString &kind) const;
    int loginCount() const;
    QList<Recorded> requests(const QString &kind) const;
    Recorded lastRequest() const;
    // The instance id the n-th run (0-based) created.
    qint64 instanceOfRun(int run) const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace JobDeck::Sim
