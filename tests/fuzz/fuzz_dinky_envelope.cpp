// Dinky's Result envelope (0.7 and 1.x), its error, the version probe and the login answer
// (protocols.md 2.1, 2.2): any bytes, any status.
#include "backends/dinky/dinkyprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Dinky::ServerVersion> version = Dinky::decodeVersion(response);
    if (version && version->generation == Dinky::Generation::Unknown)
        __builtin_trap(); // a version answer always decides the generation
    const Result<Dinky::Envelope> envelope = Dinky::decodeEnvelope(response);
    if (!envelope) {
        if (envelope.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    if (!envelope->ok()) {
        const BackendError error = Dinky::envelopeError(*envelope, response);
        // Never the stack trace: one line, whatever the message held.
        if (error.message.isEmpty() || error.message.contains(QLatin1Char('\n')))
            __builtin_trap();
    }
    const Result<Dinky::LoginToken> token = Dinky::decodeLogin(*envelope, response);
    if (token && (token->name.isEmpty() || token->value.contains(QLatin1Char('\n'))))
        __builtin_trap();
    (void)Dinky::parseServerTime(envelope->time, Dinky::zoneFromSetting(u""));
    return 0;
}
