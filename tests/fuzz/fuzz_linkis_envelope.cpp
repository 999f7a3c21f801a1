// Linkis envelope of any answer, its error in both languages, the status word and the
// progress answer (protocols.md 1.2, 1.5, 1.6).
#include "backends/linkis/linkisprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Linkis::Envelope> envelope = Linkis::decodeEnvelope(response);
    if (!envelope) {
        (void)envelope.error().describe();
        return 0;
    }
    for (const Language language : {Language::English, Language::Chinese}) {
        const BackendError error = Linkis::envelopeError(*envelope, response, language);
        (void)error.describe();
        (void)error.exitCode();
        (void)Linkis::pickLanguage(envelope->message, language);
    }
    const QJsonObject &payload = envelope->data;
    (void)Linkis::stateFromStatus(payload.value(QLatin1StringView("status")).toString());
    const double progress = Linkis::parseProgress(payload.value(QLatin1StringView("progress")));
    if (!(progress == -1 || (progress >= 0 && progress <= 1)))
        __builtin_trap(); // the contract: 0..1 or -1
    (void)Linkis::parseProgressInfo(payload.value(QLatin1StringView("progressInfo")));
    (void)Linkis::parseTaskId(payload.value(QLatin1StringView("taskID")));
    return 0;
}
