// Kylin answers of any kind through the general decoders: the {code,data,msg} envelope and
// the bare v1 body, errors with stack traces, the authentication answer, the v2 probe and
// the 5.x acknowledgement (protocols.md 4.2, 4.3).
#include "backends/kylin/kylinprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    for (const bool envelope : {true, false}) {
        const Result<QJsonValue> body = Kylin::decodeBody(response, envelope);
        if (!body) {
            (void)body.error().describe();
            (void)body.error().exitCode();
            if (body.error().message.isEmpty())
                __builtin_trap(); // every error says something
        }
    }
    const Result<Kylin::Authentication> auth = Kylin::decodeAuthentication(response);
    if (!auth && auth.error().message.isEmpty())
        __builtin_trap();
    const Result<Kylin::Generation> probe = Kylin::decodeV2Probe(response);
    if (probe && *probe != Kylin::Generation::V2 && *probe != Kylin::Generation::V1)
        __builtin_trap(); // a probe tells 2.1 from 3.x-4.x, nothing else
    (void)Kylin::decodeAcknowledgement(response);
    return 0;
}
