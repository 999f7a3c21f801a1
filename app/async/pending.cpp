#include "async/pending.h"

namespace JobDeck {

void PendingCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_cancel)
        std::exchange(m_cancel, {})();
    deleteLater();
}

void PendingCall::completeLater()
{
    QTimer::singleShot(0, this, [this] {
        if (m_cancelled)
            return;
        m_finished = true;
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace JobDeck
