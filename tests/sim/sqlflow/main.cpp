// jobdeck-sqlflow-sim: the SQLFlow protocol simulator as a program. Prints one line,
// "listening on http://127.0.0.1:PORT", then serves until killed. Jobs are scripted by
// `-- sqlflow-sim: ...` lines in the submitted SQL (see sqlflowsimulator.h).
#include "common/simmain.h"
#include "sqlflow/sqlflowsimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"jobdeck-sqlflow-sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Gudu SQLFlow job API simulator on 127.0.0.1."_s);
    parser.addHelpOption();
    const auto option = [&](const QString &name,
                            const QString &help,
                            const QString &valueName = {},
                            const QString &defaultValue = {}) {
        parser.addOption(QCommandLineOption(name, help, valueName, defaultValue));
    };
    option(u"port"_s, u"TCP port; 0 picks a free one."_s, u"port"_s, u"0"_s);
    option(u"on-premise"_s, u"No accounts: userId gudu|0123456789, no token."_s);
    option(u"user"_s, u"A cloud user id (repeatable; default auth0|jobdeck)."_s, u"id"_s);
    option(u"secret"_s, u"Secret key of the --user at the same position (default: secret)."_s, u"key"_s);
    option(u"summary"_s, u"displayUserJobSummary's shape: single or aggregate."_s, u"shape"_s, u"single"_s);
    option(u"csv-endpoint"_s, u"CSV export names served: full, short or both."_s, u"which"_s, u"full"_s);
    option(u"token-ttl-ms"_s, u"How long a token is valid."_s, u"ms"_s, u"86400000"_s);
    option(u"http-errors"_s, u"Refusals also carry HTTP 400/401/404."_s);
    option(u"zone-offset"_s, u"Seconds east of UTC of createTime."_s, u"s"_s, u"0"_s);
    option(u"artefact-bytes"_s, u"Size of each lineage export."_s, u"n"_s, u"5242880"_s);
    option(u"create-ms"_s, u"Default time in `create`."_s, u"ms"_s, u"500"_s);
    option(u"run-ms"_s, u"Default time in the running word."_s, u"ms"_s, u"2000"_s);
    option(u"outcome"_s, u"Default outcome: success, partial_success or fail."_s, u"word"_s, u"success"_s);
    parser.process(app);

    SqlflowSimulator::Options options;
    options.cloud = !parser.isSet(u"on-premise"_s);
    const QString shape = parser.value(u"summary"_s);
    if (shape == u"single")
        options.summaryShape = SqlflowSimulator::SummaryShape::Single;
    else if (shape == u"aggregate")
        options.summaryShape = SqlflowSimulator::SummaryShape::Aggregate;
    else
        usageError(u"unknown --summary '%1'"_s.arg(shape));
    const QString csv = parser.value(u"csv-endpoint"_s);
    if (csv == u"full")
        options.csvEndpoints = SqlflowSimulator::CsvEndpoints::Full;
    else if (csv == u"short")
        options.csvEndpoints = SqlflowSimulator::CsvEndpoints::Short;
    else if (csv == u"both")
        options.csvEndpoints = SqlflowSimulator::CsvEndpoints::Both;
    else
        usageError(u"unknown --csv-endpoint '%1'"_s.arg(csv));
    options.tokenTtlMs = wholeNumber(parser, u"token-ttl-ms"_s, 0);
    options.errorsWithHttpStatus = parser.isSet(u"http-errors"_s);
    options.zoneOffsetSeconds = int(wholeNumber(parser, u"zone-offset"_s, -14 * 3600));
    options.artefactBytes = wholeNumber(parser, u"artefact-bytes"_s, 1);
    options.createMs = int(wholeNumber(parser, u"create-ms"_s, 0));
    options.runMs = int(wholeNumber(parser, u"run-ms"_s, 0));
    options.outcome = parser.value(u"outcome"_s);

    SqlflowSimulator simulator(options);
    QStringList users = parser.values(u"user"_s);
    const QStringList secrets = parser.values(u"secret"_s);
    if (users.isEmpty())
        users = {u"auth0|jobdeck"_s};
    for (qsizetype i = 0; i < users.size(); ++i)
        simulator.addUser(users.at(i), i < secrets.size() ? secrets.at(i) : u"secret"_s);

    const qint64 port = wholeNumber(parser, u"port"_s, 0);
    if (port > 65535)
        usageError(u"--port is at most 65535"_s);
    if (!simulator.listen(quint16(port))) {
        std::fprintf(stderr, "jobdeck-sqlflow-sim: cannot listen on port %lld\n", port);
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(simulator.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
