#include "schema/schemaregistry.h"

#include "console/console.h"

namespace JobDeck {

SchemaRegistry::SchemaRegistry(Console *console, const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_cacheDir(cacheDir.isEmpty() ? SchemaCache::defaultCacheDir() : cacheDir)
{
    connect(m_console, &Console::connectionStateChanged, this, [this](const QString &connection) {
        Q_EMIT cacheChanged(connection);
    });
    connect(m_console, &Console::connectionRemoved, this, [this](const QString &connection) {
        if (SchemaCache *cache = m_caches.take(connection))
            cache->deleteLater();
        Q_EMIT cacheChanged(connection);
    });
}

SchemaCache *SchemaRegistry::cacheFor(const QString &connection)
{
    Session *session = m_console->session(connection);
    Backend *backend = session ? session->backend() : nullptr;
    if (!backend || session->state() != Session::State::Ready || !backend->capabilities().schema)
        return nullptr;
    QPointer<SchemaCache> &cache = m_caches[connection];
    if (cache && cache->backend() != backend) { // connected again with a new backend
        cache->deleteLater();
        cache = nullptr;
    }
    if (!cache) {
        // Kept with the session (it goes when the connection closes); on disk under the
        // connection's kind and id, read back at once so the tree and completion need no call.
        cache = new SchemaCache(backend, backend->kind() + u'|' + connection, m_cacheDir, session);
        cache->load();
    }
    return cache;
}

} // namespace JobDeck
