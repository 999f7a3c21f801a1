// The submit console (getProcess): the whole accumulated log each time, cut into the part
// not yet delivered (protocols.md 2.5). Checks that lines are delivered once and in order.
#include "backends/dinky/dinkyprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Dinky::Envelope> envelope = Dinky::decodeEnvelope(response);
    if (!envelope)
        return 0;
    const Result<Dinky::ProcessLog> process = Dinky::decodeProcess(*envelope);
    if (!process)
        return 0;
    // Deliver the text in two growing steps: every line exactly once, in order.
    const QString &text = process->text;
    const QString half = text.left(text.size() / 2);
    const LogPage first = Dinky::logDelta(half, {}, false);
    const LogPage second = Dinky::logDelta(text, first.next, true);
    if (second.next.delivered != first.lines.size() + second.lines.size())
        __builtin_trap();
    const LogPage whole = Dinky::logDelta(text, {}, true);
    if (first.lines + second.lines != whole.lines)
        __builtin_trap();
    if (!second.complete || first.next.position < 0)
        __builtin_trap();
    return 0;
}
