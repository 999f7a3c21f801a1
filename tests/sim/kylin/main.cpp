// jobdeck-kylin-sim: the Kylin protocol simulator as a program, for manual runs of the
// console and jobdeck-cli. Prints one line, "listening on http://127.0.0.1:PORT", then
// serves until killed.
#include "common/simmain.h"
#include "kylin/kylinsimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"jobdeck-kylin-sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Apache Kylin job API simulator (2.1, 3.x-4.x or 5.x) on 127.0.0.1."_s);
    parser.addHelpOption();
    const auto option = [&](const QString &name,
                            const QString &help,
                            const QString &valueName = {},
                            const QString &defaultValue = {}) {
        parser.addOption(QCommandLineOption(name, help, valueName, defaultValue));
    };
    option(u"port"_s, u"TCP port; 0 picks a free one."_s, u"port"_s, u"0"_s);
    option(u"flavour"_s, u"Server generation: 2.1, 3 or 5."_s, u"version"_s, u"2.1"_s);
    option(u"user"_s, u"User name (default ADMIN)."_s, u"name"_s, u"ADMIN"_s);
    option(u"password"_s, u"Password (default KYLIN)."_s, u"pw"_s, u"KYLIN"_s);
    option(u"project"_s, u"Project of the seeded jobs."_s, u"name"_s, u"learn_kylin"_s);
    option(u"history-jobs"_s, u"Seed N finished jobs, an hour apart."_s, u"n"_s, u"0"_s);
    option(u"new-job-every"_s, u"Start a new three-step job every N seconds; 0 = never."_s, u"s"_s, u"0"_s);
    option(u"step-ms"_s, u"How long each step runs."_s, u"ms"_s, u"5000"_s);
    option(u"output-lines"_s, u"Lines of output per step."_s, u"n"_s, u"20"_s);
    option(u"server-error"_s, u"Answer every job request with a 999 error and a stack trace."_s);
    parser.process(app);

    KylinSimulator::Options options;
    const QString flavour = parser.value(u"flavour"_s);
    if (flavour == u"2.1")
        options.flavour = KylinSimulator::Flavour::V2_1;
    else if (flavour == u"3" || flavour == u"4")
        options.flavour = KylinSimulator::Flavour::V3;
    else if (flavour == u"5")
        options.flavour = KylinSimulator::Flavour::V5;
    else
        usageError(u"unknown --flavour '%1' (2.1, 3 or 5)"_s.arg(flavour));
    options.stepMs = intValue(parser, u"step-ms"_s, 1);
    options.pendingMs = options.stepMs;
    options.outputLines = intValue(parser, u"output-lines"_s, 0);

    KylinSimulator simulator(options);
    simulator.addUser(parser.value(u"user"_s), parser.value(u"password"_s));
    simulator.setServerError(parser.isSet(u"server-error"_s));
    KylinSimulator::JobSpec spec;
    spec.project = parser.value(u"project"_s);
    const int seeded = intValue(parser, u"history-jobs"_s, 0);
    for (int i = 0; i < seeded; ++i) {
        KylinSimulator::JobSpec old = spec;
        old.status = u"FINISHED"_s;
        old.ageMs = qint64(i + 1) * 3600 * 1000;
        simulator.addJob(old);
    }
    QTimer ticker;
    if (const int every = intValue(parser, u"new-job-every"_s, 0); every > 0) {
        QObject::connect(
            &ticker, &QTimer::timeout, &simulator, [&simulator, spec] { simulator.addJob(spec); });
        ticker.start(every * 1000);
        simulator.addJob(spec);
    }

    const int port = intValue(parser, u"port"_s, 0);
    if (port > 65535)
        usageError(u"--port is at most 65535"_s);
    if (!simulator.listen(quint16(port))) {
        std::fprintf(stderr, "jobdeck-kylin-sim: cannot listen: %s\n", qPrintable(simulator.errorString()));
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(simulator.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
