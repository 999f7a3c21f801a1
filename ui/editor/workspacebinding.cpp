#include "editor/workspacebinding.h"

#include "console/console.h"
#include "editor/scriptworkspace.h"

namespace JobDeck {

WorkspaceBinding::WorkspaceBinding(Console *console, ScriptWorkspace *workspace)
    : QObject(workspace)
    , m_console(console)
    , m_workspace(workspace)
{
    connect(m_workspace,
            &ScriptWorkspace::submitRequested,
            this,
            [this](const SubmitRequest &request, const QString &connection) {
                // A tab remembers where it ran; while that connection is open it runs there.
                m_console->submit(request, m_console->isOpen(connection) ? connection : QString());
            });
    connect(m_console, &Console::targetConnectionChanged, this, &WorkspaceBinding::follow);
    connect(m_console, &Console::connectionStateChanged, this, [this](const QString &connection) {
        if (connection == m_console->targetConnection())
            follow();
    });
    follow();
}

void WorkspaceBinding::follow()
{
    Session *target = m_console->targetSession();
    if (!target) {
        m_workspace->setRunEnabled(false);
        return;
    }
    const bool ready = target->state() == Session::State::Ready;
    m_workspace->setConnection(Console::connectionId(target),
                               target->displayName(),
                               ready && target->backend() ? target->backend()->runOffers()
                                                          : QList<RunOffer>{});
    // A Kylin connection runs no jobs: its statements go through the query API.
    const Capabilities caps = target->capabilities();
    m_workspace->setRunEnabled(ready && (caps.submit || caps.query));
}

} // namespace JobDeck
