#pragma once

#include "completion/completionprovider.h"
#include "completion/sqlcontext.h"

#include <QPointer>

namespace JobDeck {

class SchemaCache;

// Completion from a connection's schema: after FROM / JOIN / INTO / TABLE the tables (and
// databases, for "db."), after "alias." or "table." that table's columns (aliases and
// subqueries resolved in the statement around the cursor), elsewhere the columns of the
// statement's tables. It answers from the cache only; a level it lacks is fetched in the
// background and updated() follows when it arrives. Keywords and functions are the
// dialect's providers' business, not this one's.
class SchemaCompletionProvider final : public CompletionProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaCompletionProvider)

public:
    explicit SchemaCompletionProvider(SchemaCache *cache, QObject *parent = nullptr);

    QList<CompletionItem> complete(const QString &script, int position, const QString &prefix) override;

    // At most this many proposals per call.
    void setLimit(int limit) { m_limit = limit; }

private:
    // Where an unqualified table lives: the databases whose loaded tables have it, or
    // the default database when none does (its tables fetched if not loaded yet).
    QStringList databasesFor(const SqlTableRef &ref);
    void addColumnsOf(const SqlTableRef &ref, const QString &prefix, QList<CompletionItem> &items);
    void addTables(const QString &database, const QString &prefix, QList<CompletionItem> &items);
    void want();

    QPointer<SchemaCache> m_cache;
    int m_limit = 200;
    bool m_waiting = false; // something was asked for on behalf of a completion
};

} // namespace JobDeck
