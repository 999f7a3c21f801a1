#pragma once

#include "completion/completionprovider.h"

#include <QHash>
#include <QPointer>

#include <functional>

namespace JobDeck {

class SchemaCompletionProvider;
class SchemaRegistry;

// Completion from the schema of the connection a script runs on: asks `connectionOf()` on
// each keystroke which connection that is, and answers through that connection's
// SchemaCompletionProvider (cache only; updated() when a background fetch landed).
class ConnectionCompletionProvider final : public CompletionProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCompletionProvider)

public:
    ConnectionCompletionProvider(SchemaRegistry *registry,
                                 std::function<QString()> connectionOf,
                                 QObject *parent = nullptr);

    QList<CompletionItem> complete(const QString &script, int position, const QString &prefix) override;

private:
    QPointer<SchemaRegistry> m_registry;
    std::function<QString()> m_connectionOf;
    QHash<QString, QPointer<SchemaCompletionProvider>> m_providers; // per connection, owned by its cache
};

} // namespace JobDeck
