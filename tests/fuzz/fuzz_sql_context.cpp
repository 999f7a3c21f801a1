// The SQL reader behind schema completion: any script, any cursor position. It must end,
// stay inside the text and never crash, whatever the quotes, comments and parentheses.
#include "completion/sqlcontext.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QString script = QString::fromUtf8(Fuzz::bytesFrom(data + 2, size - 2));
    const int position = int((data[0] | (data[1] << 8)) % (script.size() + 1));
    int start = position;
    while (start > 0 && (script.at(start - 1).isLetterOrNumber() || script.at(start - 1) == u'_'))
        --start;
    const SqlContext context = analyseSql(script, position, script.mid(start, position - start));
    if (context.expect == SqlContext::Expect::QualifiedMember && context.qualifier.isEmpty())
        __builtin_trap(); // a member needs the names before its dot
    for (const SqlTableRef &ref : context.tables) {
        if (ref.table.isEmpty() && !ref.database.isEmpty())
            __builtin_trap(); // a database without a table is no reference
    }
    return 0;
}
