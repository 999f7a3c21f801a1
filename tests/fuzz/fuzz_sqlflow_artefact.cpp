// Whether the first bytes of a lineage export are the artefact or an error answer, and the
// error that answer stands for; plus the readers of SQLFlow's times.
#include "backends/sqlflow/sqlflowprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const bool partial = Sqlflow::isArtefact(response, false, false);
    const bool whole = Sqlflow::isArtefact(response, true, false);
    const bool wholeCsv = Sqlflow::isArtefact(response, true, true);
    if (response.status >= 400 && (partial || whole || wholeCsv))
        __builtin_trap(); // an HTTP error never reaches the user's file
    if (whole && !wholeCsv)
        __builtin_trap(); // CSV accepts everything the others accept, and an empty file
    if (!whole) {
        const BackendError error = Sqlflow::artefactError(response);
        if (error.message.isEmpty() || error.kind == BackendError::Kind::Unsupported
            || error.kind == BackendError::Kind::Cancelled)
            __builtin_trap();
    }
    const QString text = QString::fromUtf8(response.body.left(64));
    if (Sqlflow::parseExecuteTime(text) < -1)
        __builtin_trap();
    const QDateTime time = Sqlflow::parseTime(text, Sqlflow::serverZone(text));
    if (time.isValid() && time.timeSpec() != Qt::UTC)
        __builtin_trap();
    return 0;
}
