#pragma once

#include "async/result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace JobDeck {

// A call in flight: finished() fires once, from the event loop, and the object deletes
// itself afterwards. cancel() stops the work (aborting its network request); a cancelled
// call never fires finished().
class PendingCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingCall)

public:
    explicit PendingCall(QObject *parent = nullptr)
        : QObject(parent)
    {}

    bool isFinished() const { return m_finished; }
    void cancel();
    // What to do when the caller cancels (abort a reply). Dropped once a result is set: the
    // work it would stop is over, and what it refers to may already be gone.
    void setCancelHandler(std::function<void()> handler) { m_cancel = std::move(handler); }
    // Cancelling this call cancels `inner`, the call it currently waits for, if that still exists.
    void cancelWith(PendingCall *inner)
    {
        setCancelHandler([inner = QPointer<PendingCall>(inner)] {
            if (inner)
                inner->cancel();
        });
    }

Q_SIGNALS:
    void finished();

protected:
    // Emits finished() from the event loop, never inside the call that started the work,
    // so a caller always has the chance to connect first.
    void completeLater();

private:
    std::function<void()> m_cancel;
    bool m_finished = false;
    bool m_cancelled = false;
};

template<typename T>
class Pending final : public PendingCall
{
public:
    using PendingCall::PendingCall;

    const Result<T> &result() const { return *m_result; }
    void finish(Result<T> result)
    {
        if (m_result)
            return; // the first answer wins; a late one (after a timeout) is dropped
        m_result = std::move(result);
        setCancelHandler({});
        completeLater();
    }

private:
    std::optional<Result<T>> m_result;
};

// Calls `handler(result)` when `call` finishes, unless `context` is gone by then.
template<typename T, typename Handler>
void onFinished(Pending<T> *call, QObject *context, Handler &&handler)
{
    QObject::connect(call,
                     &PendingCall::finished,
                     context,
                     [call, handler = std::forward<Handler>(handler)]() mutable { handler(call->result()); });
}

// Forwards the outcome of `inner` into `outer`, mapping a value with `map`.
template<typename Out, typename In, typename Map>
void chain(Pending<In> *inner, Pending<Out> *outer, Map &&map)
{
    outer->cancelWith(inner);
    onFinished(inner, outer, [outer, map = std::forward<Map>(map)](const Result<In> &result) mutable {
        if (!result)
            outer->finish(std::unexpected(result.error()));
        else
            outer->finish(map(*result));
    });
}

} // namespace JobDeck
