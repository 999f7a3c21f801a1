// The entrance's log page: the simdjson fast path must agree with the general decoder on
// every input it accepts (protocols.md 1.7).
#include "backends/linkis/linkisprotocol.h"
#include "fuzzinput.h"

#include <QJsonDocument>

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytesFrom(data, size);
    const std::optional<Linkis::LogChunk> fast = Linkis::decodeLogPageFast(body);

    HttpResponse response;
    response.status = 200;
    response.body = body;
    const Result<Linkis::Envelope> envelope = Linkis::decodeEnvelope(response);
    if (envelope && envelope->status == 0) {
        const QStringList slow = Linkis::logLinesFromValue(envelope->data.value(QLatin1StringView("log")));
        // Where both read the page, they must read the same lines. (The fast path may
        // decline a page the general one reads; it never reads one differently.)
        if (fast && envelope->data.contains(QLatin1StringView("log")) && fast->lines != slow
            && QJsonDocument::fromJson(body).isObject())
            __builtin_trap();
    }
    (void)Linkis::splitLogText(QString::fromUtf8(body));
    QStringList lines;
    Linkis::appendLogLines(lines, body.constData(), body.size());
    return 0;
}
