// Kylin's query answer (SQLResponse: columnMetas, results, isException) bare or in the
// envelope, and the table list (TableDesc array or 5.x data.value), from fields of any type.
#include "backends/backend.h"
#include "backends/kylin/kylinprotocol.h"
#include "fuzzinput.h"

#include <QJsonArray>

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    for (const bool envelope : {false, true}) {
        const Result<ResultPage> page = Kylin::decodeQueryResult(response, envelope, 500);
        if (page) {
            if (page->columns.size() != page->columnTypes.size())
                __builtin_trap(); // a type for every column
            if (page->totalRows != -1)
                __builtin_trap(); // Kylin counts no total
            if (page->hasMore != (page->rows.size() >= 500))
                __builtin_trap();
        } else if (page.error().message.isEmpty()) {
            __builtin_trap(); // every error says what went wrong
        }
        const Result<QJsonArray> tables = Kylin::decodeTables(response, envelope);
        if (!tables && tables.error().message.isEmpty())
            __builtin_trap();
    }
    return 0;
}
