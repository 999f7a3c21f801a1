#pragma once

#include "backends/backend.h"
#include "jobs/jobkey.h"
#include "session/session.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QTimer;
class QWidget;

namespace JobDeck {

class Console;

// Everything the console can do to the selected jobs, as actions for the Job menu, the job
// list's context menu and shortcuts: what the job's backend can do (kill, pause, resume,
// restart, savepoint, refresh, drop, lineage), plus run again, open the script, copy ids.
// An action the backend or the job's state does not allow stays in sight, disabled, with a
// tooltip that says why.
class JobCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobCommands)

public:
    enum Command {
        Kill,
        Pause,
        Resume,
        Restart,
        Savepoint,
        RefreshState,
        Drop,
        ExportLineage,
        RunAgain,
        OpenScript,
        CopyIds,
        CommandCount
    };
    Q_ENUM(Command)

    // `dialogParent` parents the confirmations and file dialogs.
    JobCommands(Console *console, QWidget *dialogParent);

    QAction *action(Command command) const { return m_actions.at(command); }
    // Runs a task saved on the target connection's server (Dinky) by its id; shown only
    // where the server has saved tasks.
    QAction *runTaskAction() const { return m_runTask; }
    // In menu order, with null for a separator.
    QList<QAction *> menuActions() const;
    void fillMenu(QMenu *menu) const;

    // The jobs the actions apply to (the job list's selection); the first is the current one.
    void setSelection(const QList<JobKey> &jobs);
    QList<JobKey> selection() const { return m_selection; }
    // Why `command` cannot be done to the selection now; empty when it can.
    QString whyNot(Command command) const;

    void retranslate();

Q_SIGNALS:
    // Open Script: the job's script, to be opened in a new editor tab on `connection`.
    void openScriptRequested(const QString &connection, const JobDeck::SubmitRequest &request);

private:
    void trigger(Command command);
    void confirmAndRun(Session::JobAction action);
    void exportLineage();
    void runSavedTask();
    void update();
    QString whyNotFor(Command command, const JobKey &key) const;
    QString description(Command command) const;

    Console *m_console;
    QPointer<QWidget> m_dialogParent;
    QList<QAction *> m_actions;
    QList<JobKey> m_selection;
    QAction *m_runTask;
    QTimer *m_updateSoon;
};

} // namespace JobDeck
