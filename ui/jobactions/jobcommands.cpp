#include "jobactions/jobcommands.h"

#include "console/console.h"
#include "jobs/joblistmodel.h"
#include "jobs/jobstate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>

#include <limits>

namespace JobDeck {

namespace {

Session::JobAction sessionAction(JobCommands::Command command)
{
    switch (command) {
    case JobCommands::Pause:
        return Session::JobAction::Pause;
    case JobCommands::Resume:
        return Session::JobAction::Resume;
    case JobCommands::Restart:
        return Session::JobAction::Restart;
    case JobCommands::Savepoint:
        return Session::JobAction::Savepoint;
    case JobCommands::RefreshState:
        return Session::JobAction::ForceRefresh;
    case JobCommands::Drop:
        return Session::JobAction::Drop;
    default:
        return Session::JobAction::Kill;
    }
}

} // namespace

JobCommands::JobCommands(Console *console, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_console(console)
    , m_dialogParent(dialogParent)
    , m_runTask(new QAction(this))
    , m_updateSoon(new QTimer(this))
{
    m_runTask->setObjectName(QStringLiteral("runTaskAction"));
    m_runTask->setVisible(false);
    connect(m_runTask, &QAction::triggered, this, &JobCommands::runSavedTask);
    static constexpr const char *names[CommandCount] = {"killAction",
                                                        "pauseAction",
                                                        "resumeAction",
                                                        "restartAction",
                                                        "savepointAction",
                                                        "refreshStateAction",
                                                        "dropAction",
                                                        "lineageAction",
                                                        "rerunAction",
                                                        "openScriptAction",
                                                        "copyIdsAction"};
    for (int i = 0; i < CommandCount; ++i) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1StringView(names[i]));
        action->setEnabled(false);
        const auto command = Command(i);
        connect(action, &QAction::triggered, this, [this, command] { trigger(command); });
        m_actions << action;
    }
    // Shortcuts that work wherever the window has focus, except where a text field takes
    // the same key (the job list keeps Delete for itself; see JobListPanel).
    m_actions[Kill]->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_actions[Pause]->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_actions[Resume]->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_actions[RunAgain]->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_actions[RefreshState]->setShortcut(QKeySequence(Qt::Key_F5));
    m_actions[CopyIds]->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    connect(m_console, &Console::currentJobUpdated, this, &JobCommands::update);
    connect(m_console, &Console::connectionStateChanged, this, &JobCommands::update);
    connect(m_console, &Console::targetConnectionChanged, this, &JobCommands::update);
    connect(m_console, &Console::actionFinished, this, &JobCommands::update);
    // A selected job that is not the current one can change state too; one update per burst.
    m_updateSoon->setSingleShot(true);
    m_updateSoon->setInterval(0);
    connect(m_updateSoon, &QTimer::timeout, this, &JobCommands::update);
    connect(m_console->jobs(), &QAbstractItemModel::dataChanged, m_updateSoon, qOverload<>(&QTimer::start));
    connect(m_console, &Console::connectionRemoved, this, [this](const QString &connection) {
        QList<JobKey> kept;
        for (const JobKey &key : std::as_const(m_selection))
            if (key.connection != connection)
                kept << key;
        setSelection(kept);
    });
    retranslate();
}

QList<QAction *> JobCommands::menuActions() const
{
    return {m_actions[Kill],
            m_actions[Pause],
            m_actions[Resume],
            m_actions[Restart],
            m_actions[Savepoint],
            m_actions[RefreshState],
            m_actions[Drop],
            nullptr,
            m_actions[RunAgain],
            m_actions[OpenScript],
            m_actions[ExportLineage],
            nullptr,
            m_actions[CopyIds]};
}

void JobCommands::fillMenu(QMenu *menu) const
{
    const QList<QAction *> actions = menuActions();
    for (QAction *action : actions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
}

void JobCommands::setSelection(const QList<JobKey> &jobs)
{
    m_selection = jobs;
    update();
}

QString JobCommands::whyNot(Command command) const
{
    if (m_selection.isEmpty())
        return tr("Select a job in the job list first");
    if (command == CopyIds)
        return {};
    if (command == Kill) {
        // Several jobs can be stopped at once; each must allow it.
        for (const JobKey &key : m_selection) {
            if (const QString why = whyNotFor(Kill, key); !why.isEmpty())
                return m_selection.size() == 1 ? why : tr("Job %1: %2").arg(key.id, why);
        }
        return {};
    }
    if (m_selection.size() > 1)
        return tr("This acts on one job at a time; select only one");
    return whyNotFor(command, m_selection.constFirst());
}

QString JobCommands::whyNotFor(Command command, const JobKey &key) const
{
    Session *session = m_console->session(key.connection);
    if (!session)
        return tr("The job's connection is closed");
    const Job job = session->job(key.id);
    if (job.id.isEmpty())
        return tr("The job is no longer listed");
    if (command == OpenScript) {
        QString why;
        return m_console->requestOf(key, &why) ? QString() : why;
    }
    Backend *backend = session->backend();
    if (!backend || session->state() != Session::State::Ready)
        return tr("%1 is not connected").arg(session->displayName());
    const Capabilities caps = backend->capabilities();
    const QString server = session->displayName();
    const QString state = jobStateDisplayName(job.state);
    const JobActions allowed = backend->availableActions(job);
    switch (command) {
    case Kill:
        if (!caps.kill)
            return tr("%1 cannot stop jobs").arg(server);
        return allowed.kill ? QString()
                            : tr("The job is %1: only a job that has not ended can be stopped").arg(state);
    case Pause:
        if (!caps.pause)
            return tr("%1 cannot pause jobs").arg(server);
        return allowed.pause ? QString() : tr("The job is %1: only a running job can be paused").arg(state);
    case Resume:
        if (!caps.resume)
            return tr("%1 cannot resume jobs").arg(server);
        return allowed.resume ? QString()
                              : tr("The job is %1: only a paused or stopped job can be resumed").arg(state);
    case Restart:
        if (!caps.restart)
            return tr("%1 cannot restart jobs").arg(server);
        return allowed.restart ? QString() : tr("The job is %1: it cannot be restarted now").arg(state);
    case Savepoint:
        if (!caps.savepoint)
            return tr("%1 does not take savepoints").arg(server);
        return allowed.savepoint
                   ? QString()
                   : tr("The job is %1: only a running streaming job takes savepoints").arg(state);
    case RefreshState:
        if (!caps.forceRefresh)
            return tr("%1 has no forced refresh; its jobs are read again on their own").arg(server);
        return allowed.forceRefresh ? QString() : tr("The job is %1: its state is already known").arg(state);
    case Drop:
        if (!caps.drop && !caps.remove)
            return tr("%1 does not remove jobs from its records").arg(server);
        return allowed.drop ? QString() : tr("The job is %1: only a finished job can be dropped").arg(state);
    case ExportLineage:
        if (!caps.lineage)
            return tr("%1 does not compute lineage").arg(server);
        return allowed.lineage ? QString()
                               : tr("The job is %1: its lineage is there once it has succeeded").arg(state);
    case RunAgain: {
        if (!caps.submit)
            return tr("%1 does not run scripts sent to it").arg(server);
        QString why;
        return m_console->requestOf(key, &why) ? QString() : why;
    }
    default:
        return {};
    }
}

void JobCommands::update()
{
    Session *target = m_console->targetSession();
    m_runTask->setVisible(target && target->capabilities().runTask);
    for (int i = 0; i < CommandCount; ++i) {
        const auto command = Command(i);
        const QString why = whyNot(command);
        QAction *action = m_actions[i];
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? description(command) : why);
        action->setStatusTip(action->toolTip());
    }
    m_actions[Kill]->setText(m_selection.size() > 1 ? tr("&Kill %n Jobs", nullptr, int(m_selection.size()))
                                                    : tr("&Kill Job"));
    m_actions[CopyIds]->setText(m_selection.size() > 1
                                    ? tr("Copy %n Job Ids", nullptr, int(m_selection.size()))
                                    : tr("Copy Job &Id"));
}

QString JobCommands::description(Command command) const
{
    switch (command) {
    case Kill:
        return tr("Stop the selected job");
    case Pause:
        return tr("Pause the selected job; Resume continues it");
    case Resume:
        return tr("Continue the selected paused job");
    case Restart:
        return tr("Start the stopped job again");
    case Savepoint:
        return tr("Keep the job's state in a savepoint");
    case RefreshState:
        return tr("Ask the server to read the job's state again at its source");
    case Drop:
        return tr("Remove the selected finished job from the server's records");
    case ExportLineage:
        return tr("Write the job's lineage to a JSON, CSV or GraphML file");
    case RunAgain:
        return tr("Run the same script again, with the same engine and variables, on the same connection");
    case OpenScript:
        return tr("Open the job's script in a new editor tab");
    case CopyIds:
        return tr("Copy the ids of the selected jobs");
    default:
        return {};
    }
}

void JobCommands::retranslate()
{
    m_actions[Pause]->setText(tr("&Pause Job"));
    m_actions[Resume]->setText(tr("Res&ume Job"));
    m_actions[Restart]->setText(tr("Re&start Job"));
    m_actions[Savepoint]->setText(tr("Take a Sa&vepoint"));
    m_actions[RefreshState]->setText(tr("Re&fresh State"));
    m_actions[Drop]->setText(tr("&Drop Job…"));
    m_actions[ExportLineage]->setText(tr("Export &Lineage…"));
    m_actions[RunAgain]->setText(tr("Run &Again"));
    m_actions[OpenScript]->setText(tr("Open Sc&ript"));
    m_runTask->setText(tr("Run Saved &Task…"));
    m_runTask->setToolTip(tr("Run a task saved on the server by its id"));
    update();
}

void JobCommands::trigger(Command command)
{
    if (!whyNot(command).isEmpty())
        return;
    switch (command) {
    case Kill:
    case Drop:
        confirmAndRun(sessionAction(command));
        return;
    case Pause:
    case Resume:
    case Restart:
    case Savepoint:
    case RefreshState: {
        const JobKey key = m_selection.constFirst();
        if (Session *session = m_console->session(key.connection))
            session->perform(sessionAction(command), key.id);
        return;
    }
    case ExportLineage:
        exportLineage();
        return;
    case RunAgain: {
        QString why;
        if (!m_console->rerun(m_selection.constFirst(), &why))
            Q_EMIT m_console->notice(m_selection.constFirst().connection, why);
        return;
    }
    case OpenScript: {
        const JobKey key = m_selection.constFirst();
        if (const std::optional<SubmitRequest> request = m_console->requestOf(key))
            Q_EMIT openScriptRequested(key.connection, *request);
        return;
    }
    case CopyIds: {
        QStringList ids;
        for (const JobKey &key : std::as_const(m_selection))
            ids << key.id;
        QApplication::clipboard()->setText(ids.join(u'\n'));
        return;
    }
    default:
        return;
    }
}

void JobCommands::confirmAndRun(Session::JobAction action)
{
    const QList<JobKey> jobs = m_selection;
    const bool drop = action == Session::JobAction::Drop;
    const JobKey first = jobs.constFirst();
    const QString server = m_console->displayName(first.connection);
    QString text;
    if (drop)
        text = tr("Remove job %1 from the records of %2? This cannot be undone.").arg(first.id, server);
    else if (jobs.size() == 1)
        text = tr("Stop job %1 on %2? Its work so far may be lost.").arg(first.id, server);
    else
        text = tr("Stop these %n jobs? Their work so far may be lost.", nullptr, int(jobs.size()));
    // The two that cannot be undone are asked about first.
    auto *question = new QMessageBox(QMessageBox::Question,
                                     drop ? tr("Drop Job") : tr("Kill Job"),
                                     text,
                                     QMessageBox::Cancel,
                                     m_dialogParent);
    question->setObjectName(QStringLiteral("confirmJobAction"));
    QPushButton *confirm = question->addButton(drop ? tr("Drop") : tr("Kill"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<Console> console = m_console;
    connect(question, &QMessageBox::finished, this, [question, confirm, console, action, jobs] {
        if (question->clickedButton() != confirm || !console)
            return;
        for (const JobKey &key : jobs) {
            if (Session *session = console->session(key.connection))
                session->perform(action, key.id);
        }
    });
    question->open();
}

void JobCommands::runSavedTask()
{
    Session *session = m_console->targetSession();
    if (!session)
        return;
    QSettings settings;
    const QString key = u"runTask/" + session->displayName();
    bool ok = false;
    const int taskId
        = QInputDialog::getInt(m_dialogParent,
                               tr("Run Saved Task"),
                               tr("The id of the task to run on %1:").arg(session->displayName()),
                               settings.value(key, 1).toInt(),
                               1,
                               std::numeric_limits<int>::max(),
                               1,
                               &ok);
    if (!ok || !m_console->targetSession())
        return;
    settings.setValue(key, taskId);
    m_console->targetSession()->runTask(taskId);
}

void JobCommands::exportLineage()
{
    const JobKey key = m_selection.constFirst();
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV (*.csv)");
    const QString graphml = tr("GraphML (*.graphml)");
    QString filter = json;
    QString path = QFileDialog::getSaveFileName(m_dialogParent,
                                                tr("Export Lineage of %1").arg(key.id),
                                                QDir::home().filePath(key.id + u"-lineage.json"),
                                                QStringList{json, csv, graphml}.join(u";;"),
                                                &filter);
    Session *session = m_console->session(key.connection);
    if (path.isEmpty() || !session)
        return;
    // The format follows the file's extension; without one, the chosen filter's.
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"json" && suffix != u"csv" && suffix != u"graphml") {
        suffix = filter == csv       ? QStringLiteral("csv")
                 : filter == graphml ? QStringLiteral("graphml")
                                     : QStringLiteral("json");
        path += u'.' + suffix;
    }
    LineageRequest request;
    request.format = suffix == u"csv"       ? LineageFormat::Csv
                     : suffix == u"graphml" ? LineageFormat::Graphml
                                            : LineageFormat::Json;
    session->exportLineage(key.id, path, request);
}

} // namespace JobDeck
