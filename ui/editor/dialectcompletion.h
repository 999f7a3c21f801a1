#pragma once

#include "completion/completionprovider.h"

namespace KSyntaxHighlighting {
class Definition;
}

namespace JobDeck {

// The dialect's keywords, types and functions, read from its KSyntaxHighlighting
// definition's keyword lists: what the highlighter knows, the completer offers.
class DialectCompletionProvider final : public CompletionProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialectCompletionProvider)

public:
    explicit DialectCompletionProvider(const KSyntaxHighlighting::Definition &definition,
                                       QObject *parent = nullptr);

    QList<CompletionItem> complete(const QString &script, int position, const QString &prefix) override;
    // Every word it knows, sorted.
    QList<CompletionItem> items() const { return m_items; }

    static constexpr int MaxProposals = 200;

private:
    QList<CompletionItem> m_items;
};

} // namespace JobDeck
