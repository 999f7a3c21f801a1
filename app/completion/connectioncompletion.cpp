#include "completion/connectioncompletion.h"

#include "completion/schemacompletionprovider.h"
#include "schema/schemaregistry.h"

namespace JobDeck {

ConnectionCompletionProvider::ConnectionCompletionProvider(SchemaRegistry *registry,
                                                           std::function<QString()> connectionOf,
                                                           QObject *parent)
    : CompletionProvider(parent)
    , m_registry(registry)
    , m_connectionOf(std::move(connectionOf))
{}

QList<CompletionItem> ConnectionCompletionProvider::complete(const QString &script,
                                                             int position,
                                                             const QString &prefix)
{
    if (!m_registry)
        return {};
    const QString connection = m_connectionOf();
    SchemaCache *cache = m_registry->cacheFor(connection);
    if (!cache)
        return {};
    QPointer<SchemaCompletionProvider> &provider = m_providers[connection];
    if (!provider || provider->parent() != cache) {
        // Lives with the cache, so a connection made anew gets a provider anew.
        provider = new SchemaCompletionProvider(cache, cache);
        connect(provider, &CompletionProvider::updated, this, &CompletionProvider::updated);
    }
    return provider->complete(script, position, prefix);
}

} // namespace JobDeck
