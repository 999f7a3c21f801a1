#pragma once

#include <QObject>

namespace JobDeck {

class Console;
class ScriptWorkspace;

// Ties the script workspace to the console: the tab's scripts run on the console's target
// connection (or the one the tab names, while it is open), with the engines and run types
// that connection's backend offers; Run is enabled while that connection is ready and runs
// scripts or answers queries (Kylin).
class WorkspaceBinding final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceBinding)

public:
    WorkspaceBinding(Console *console, ScriptWorkspace *workspace);

private:
    void follow();

    Console *m_console;
    ScriptWorkspace *m_workspace;
};

} // namespace JobDeck
