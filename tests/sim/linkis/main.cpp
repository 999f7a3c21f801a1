// jobdeck-linkis-sim: the Linkis protocol simulator as a program. Prints one line,
// "listening on http://127.0.0.1:PORT", then serves until killed. Jobs are scripted by
// `--sim key=value` lines in the submitted code (see scenario.h).
#include "common/simmain.h"
#include "linkis/linkissimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"jobdeck-linkis-sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Apache Linkis protocol simulator (gateway, entrance, job history, filesystem) on 127.0.0.1."_s);
    parser.addHelpOption();
    const auto option = [&](const QString &name,
                            const QString &help,
                            const QString &valueName = {},
                            const QString &defaultValue = {}) {
        parser.addOption(QCommandLineOption(name, help, valueName, defaultValue));
    };
    option(u"port"_s, u"TCP port; 0 picks a free one."_s, u"port"_s, u"0"_s);
    option(u"user"_s, u"Add a user (repeatable; default hadoop)."_s, u"name"_s);
    option(u"password"_s, u"Password of the --user at the same position (default: the name)."_s, u"pw"_s);
    option(u"token"_s, u"Accept Token-Code (and Validation-Code) equal to this."_s, u"token"_s);
    option(u"line-base"_s, u"Log line numbering: 0 (Linkis <= 1.5) or 1 (>= 1.6)."_s, u"0|1"_s, u"1"_s);
    option(u"no-http-status-mapping"_s, u"Answer every envelope with HTTP 200."_s);
    option(u"task-id-as-string"_s, u"Submit answers taskID as a string (0.x)."_s);
    option(u"progress-as-string"_s, u"Progress as a string (\"0.35\", \"1.0f\" after kill)."_s);
    option(u"progress-info-shape"_s,
           u"progressInfo while running: normal, empty-array or empty-object."_s,
           u"shape"_s,
           u"normal"_s);
    option(u"kill-method"_s, u"Methods kill accepts: get, post or both."_s, u"method"_s, u"get"_s);
    option(u"refuse-log-when-finished"_s, u"The log endpoint refuses finished jobs."_s);
    option(u"forget-finished-jobs"_s, u"The entrance forgets jobs as soon as they end."_s);
    option(u"no-seed-token-headers"_s, u"Ignore Validation-Code + Proxy-User."_s);
    option(u"expire-sessions-every"_s, u"Expire all sessions after every N requests."_s, u"n"_s, u"0"_s);
    option(u"delay-ms"_s, u"Delay every answer."_s, u"ms"_s, u"0"_s);
    option(u"drop-requests"_s, u"Abort the connection of the first N requests."_s, u"n"_s, u"0"_s);
    option(u"drop-answers"_s,
           u"Carry out the first N requests, then abort their connection unanswered."_s,
           u"n"_s,
           u"0"_s);
    option(u"answer-html"_s, u"Answer everything with an HTML login page."_s);
    option(u"answer-empty"_s, u"Answer everything with an empty body."_s);
    option(u"truncate-json"_s, u"Cut every JSON answer in half."_s);
    option(u"history-jobs"_s, u"Seed N finished jobs in job history."_s, u"n"_s, u"0"_s);
    option(u"history-status"_s, u"State of the seeded jobs."_s, u"state"_s, u"Succeed"_s);
    parser.process(app);

    LinkisSimulator::Options options;
    options.lineBase = intValue(parser, u"line-base"_s, 0);
    if (options.lineBase > 1)
        usageError(u"--line-base is 0 or 1"_s);
    options.httpStatusMapping = !parser.isSet(u"no-http-status-mapping"_s);
    options.taskIdAsString = parser.isSet(u"task-id-as-string"_s);
    options.progressAsString = parser.isSet(u"progress-as-string"_s);
    const QString shape = parser.value(u"progress-info-shape"_s);
    if (shape == u"normal")
        options.progressInfoShape = LinkisSimulator::ProgressInfoShape::Normal;
    else if (shape == u"empty-array")
        options.progressInfoShape = LinkisSimulator::ProgressInfoShape::EmptyArray;
    else if (shape == u"empty-object")
        options.progressInfoShape = LinkisSimulator::ProgressInfoShape::EmptyObject;
    else
        usageError(u"unknown --progress-info-shape '%1'"_s.arg(shape));
    const QString killMethod = parser.value(u"kill-method"_s).toLower();
    if (killMethod == u"get")
        options.killMethod = LinkisSimulator::KillMethod::GetOnly;
    else if (killMethod == u"post")
        options.killMethod = LinkisSimulator::KillMethod::PostOnly;
    else if (killMethod == u"both")
        options.killMethod = LinkisSimulator::KillMethod::Both;
    else
        usageError(u"unknown --kill-method '%1'"_s.arg(killMethod));
    options.refuseLogWhenFinished = parser.isSet(u"refuse-log-when-finished"_s);
    options.forgetFinishedJobs = parser.isSet(u"forget-finished-jobs"_s);
    options.acceptSeedTokenHeaders = !parser.isSet(u"no-seed-token-headers"_s);

    LinkisSimulator simulator(options);
    QStringList users = parser.values(u"user"_s);
    const QStringList passwords = parser.values(u"password"_s);
    if (users.isEmpty())
        users = {u"hadoop"_s};
    for (qsizetype i = 0; i < users.size(); ++i)
        simulator.addUser(users.at(i), i < passwords.size() ? passwords.at(i) : users.at(i));
    simulator.setToken(parser.value(u"token"_s));
    simulator.expireSessionsEvery(intValue(parser, u"expire-sessions-every"_s, 0));
    simulator.setDelayMs(intValue(parser, u"delay-ms"_s, 0));
    simulator.dropNextRequests(intValue(parser, u"drop-requests"_s, 0));
    simulator.dropAnswersOfNextRequests(intValue(parser, u"drop-answers"_s, 0));
    simulator.setAnswerHtml(parser.isSet(u"answer-html"_s));
    simulator.setAnswerEmpty(parser.isSet(u"answer-empty"_s));
    simulator.setTruncateJson(parser.isSet(u"truncate-json"_s));
    if (const int seeded = intValue(parser, u"history-jobs"_s, 0); seeded > 0) {
        if (simulator.addHistoryJobs(seeded, parser.value(u"history-status"_s)).isEmpty())
            usageError(u"unknown --history-status '%1'"_s.arg(parser.value(u"history-status"_s)));
    }

    const int port = intValue(parser, u"port"_s, 0);
    if (port > 65535)
        usageError(u"--port is at most 65535"_s);
    if (!simulator.listen(quint16(port))) {
        std::fprintf(stderr, "jobdeck-linkis-sim: cannot listen: %s\n", qPrintable(simulator.errorString()));
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(simulator.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
