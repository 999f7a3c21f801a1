// The data of Linkis's result pages (filesystem/openFile) and of its datasource service
// (dbs, tables, columns), from an envelope of any shape.
#include "backends/backend.h"
#include "backends/linkis/linkisprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Linkis::Envelope> envelope = Linkis::decodeEnvelope(response);
    if (!envelope)
        return 0;
    const ResultPage page = Linkis::decodeResultPage(envelope->data, 3, 100, Language::Chinese);
    if (page.columns.size() != page.columnTypes.size())
        __builtin_trap(); // a type (possibly empty) for every column
    if (page.totalRows < -1 || page.page != 3)
        __builtin_trap();
    if (page.totalRows >= 0 && page.hasMore != (300 < page.totalRows))
        __builtin_trap();
    for (const QString &name : Linkis::decodeDatabases(envelope->data)) {
        if (name.isEmpty())
            __builtin_trap();
    }
    for (const SchemaTable &table : Linkis::decodeTables(envelope->data, QStringLiteral("db"))) {
        if (table.name.isEmpty() || table.database.isEmpty())
            __builtin_trap();
    }
    for (const SchemaColumn &column : Linkis::decodeColumns(envelope->data)) {
        if (column.name.isEmpty())
            __builtin_trap();
    }
    return 0;
}
