#pragma once

#include "schema/schemacache.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace JobDeck {

class Console;

// The schema cache of each open connection whose server tells its schema
// (Capabilities::schema), made when first asked for once the connection is ready, kept with
// its session and on disk (one file per connection). The schema browser and completion from
// the schema both read the caches through it.
class SchemaRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaRegistry)

public:
    // `cacheDir` empty: SchemaCache::defaultCacheDir().
    explicit SchemaRegistry(Console *console, const QString &cacheDir = {}, QObject *parent = nullptr);

    // The connection's cache; nullptr while it is not ready, or when its server tells no schema.
    SchemaCache *cacheFor(const QString &connection);

Q_SIGNALS:
    // The connection's cache came, went or was made anew (after a reconnection).
    void cacheChanged(const QString &connection);

private:
    Console *m_console;
    QString m_cacheDir;
    QHash<QString, QPointer<SchemaCache>> m_caches;
};

} // namespace JobDeck
