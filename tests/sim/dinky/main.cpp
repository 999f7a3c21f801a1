// jobdeck-dinky-sim: the Dinky simulator as a program, for manual runs of jobdeck-cli and
// the console. Prints "listening on http://127.0.0.1:PORT", then serves until killed.
// Saved tasks: 1 runs and finishes, 2 fails and is restarted by "Flink" before finishing,
// 3 fails for good, 4 ends UNKNOWN (a forced refresh finds it RUNNING), 5 cannot be submitted.
#include "dinky/dinkysimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"jobdeck-dinky-sim"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A Dinky server simulator (0.7 or 1.x) on 127.0.0.1."_s);
    parser.addHelpOption();
    parser.addOptions({{u"port"_s, u"Port to listen on (default: any free one)."_s, u"PORT"_s, u"0"_s},
                       {u"server-version"_s, u"0.7 or 1 (default 1)."_s, u"VERSION"_s, u"1"_s},
                       {u"user"_s, u"User name (default admin)."_s, u"NAME"_s, u"admin"_s},
                       {u"password"_s, u"Password (default dinky123!)."_s, u"PASSWORD"_s, u"dinky123!"_s}});
    parser.process(app);

    DinkySimulator::Options options;
    options.version = parser.value(u"server-version"_s).startsWith(u"0.") ? DinkySimulator::Version::V07
                                                                          : DinkySimulator::Version::V1;
    DinkySimulator sim(options);
    sim.addUser(parser.value(u"user"_s), parser.value(u"password"_s));
    const auto task = [](qint64 id, const QStringList &states) {
        DinkySimulator::Task t;
        t.id = id;
        t.name = u"demo_task_%1"_s.arg(id);
        t.states = states;
        for (int i = 1; i <= 5; ++i)
            t.consoleLines.append(u"[FlinkSubmit/%1] step %2 of 5"_s.arg(id).arg(i));
        return t;
    };
    const QString running = u"RUNNING"_s;
    sim.addTask(task(1, {running, running, running, u"FINISHED"_s}));
    sim.addTask(task(2, {running, running, u"FAILED"_s, u"RESTARTING"_s, running, running, u"FINISHED"_s}));
    sim.addTask(task(3, {running, running, u"FAILED"_s}));
    DinkySimulator::Task lost = task(4, {running, running, u"UNKNOWN"_s});
    lost.stateAfterForce = running;
    sim.addTask(lost);
    DinkySimulator::Task broken = task(5, {running});
    broken.submitError = u"Flink cluster is not available: 127.0.0.1:8081"_s;
    sim.addTask(broken);

    bool ok = false;
    const int port = parser.value(u"port"_s).toInt(&ok);
    if (!ok || port < 0 || port > 65535 || !sim.listen(quint16(port))) {
        std::fprintf(
            stderr, "jobdeck-dinky-sim: cannot listen on port %s\n", qPrintable(parser.value(u"port"_s)));
        return 2;
    }
    std::printf("listening on %s\n", qPrintable(sim.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
