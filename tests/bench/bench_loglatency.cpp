// From a line written by a local shell job to that line painted in the log pane, through
// jobdeck-server, the session's monitor (150 ms while a log grows) and LogPanel: the job
// writes its clock every 20 ms, 250 times. Runs in temporary home folders and ends the
// server it started. Prints percentiles; it is not a test and asserts nothing about speed.
//
//   bench-loglatency              (run with -platform offscreen)
#include "backends/local/localserverfile.h"
#include "logview/logpanel.h"
#include "logview/logview.h"
#include "session/session.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <cstdio>

using namespace JobDeck;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QTemporaryDir home;
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = home.filePath(QString::fromLatin1(name));
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv(name, dir.toLocal8Bit());
    }
    QApplication app(argc, argv);
    Session session;
    LogPanel panel;
    panel.resize(1200, 500);
    panel.show();
    session.start();
    QElapsedTimer wait;
    wait.start();
    while (session.state() != Session::State::Ready && wait.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (session.state() != Session::State::Ready) {
        std::fprintf(stderr, "the local server did not start\n");
        return 1;
    }
    QString jobId;
    QList<double> latencies;
    const QRegularExpression clock(u"t=(\\d{13})$"_s);
    QObject::connect(&session, &Session::submitted, &panel, [&](const Job &job) { jobId = job.id; });
    QObject::connect(
        &session, &Session::logAppended, &panel, [&](const QString &id, qint64, const QStringList &lines) {
            if (id != jobId)
                return;
            if (panel.store() != session.logStore(id).get())
                panel.setLog(session.logStore(id), session.job(id));
            else
                panel.linesAppended();
            panel.view()->viewport()->repaint(); // on screen now
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const QString &line : lines) {
                if (const auto m = clock.match(line); m.hasMatch())
                    latencies.append(double(now - m.captured(1).toLongLong()));
            }
        });
    SubmitRequest request;
    request.runType = u"shell"_s;
    request.engine = u"shell"_s;
    request.script
        = u"i=0; while [ $i -lt 250 ]; do echo \"t=$(date +%s%3N)\"; sleep 0.02; i=$((i+1)); done"_s;
    session.submit(request);
    wait.restart();
    while (latencies.size() < 250 && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double p) {
        return latencies.isEmpty()
                   ? 0.0
                   : latencies[std::min<qsizetype>(latencies.size() - 1, qsizetype(latencies.size() * p))];
    };
    std::printf(
        "Line written by a local shell job -> painted in the log pane (%lld lines, polling %d ms while "
        "the log grows):\n  p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
        qlonglong(latencies.size()),
        Session::LocalLogPollMs,
        at(0.5),
        at(0.95),
        at(1.0));

    // The console leaves jobdeck-server running on purpose; the benchmark does not.
    if (const auto info = LocalServerInfo::read(LocalServerInfo::defaultPath()); info && info->processAlive())
        ::kill(pid_t(info->pid), SIGTERM);
    return latencies.size() == 250 ? 0 : 1;
}
