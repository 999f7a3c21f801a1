// SQLFlow's envelope {code, data | error} and the token answer {code:"200", token} (protocols.md
// 3.1): every status, content type and body.
#include "backends/sqlflow/sqlflowprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<QJsonObject> answer = Sqlflow::decodeAnswer(response);
    if (!answer) {
        // Every refusal says something, and never a stack trace's later lines.
        if (answer.error().message.isEmpty())
            __builtin_trap();
        if (answer.error().kind == BackendError::Kind::Refused && answer.error().message.contains(u'\n'))
            __builtin_trap();
    } else if (response.status >= 400) {
        __builtin_trap(); // an HTTP error is never a success
    }
    const Result<QString> token = Sqlflow::decodeToken(response);
    if (token && (token->isEmpty() || !answer))
        __builtin_trap();
    if (!token && token.error().kind == BackendError::Kind::Refused && response.status != 404)
        __builtin_trap(); // a refused token call is about the credentials
    return 0;
}
