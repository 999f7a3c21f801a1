#include "editor/dialectcompletion.h"

#include <KSyntaxHighlighting/Definition>

#include <QSet>

#include <algorithm>

namespace JobDeck {

namespace {
CompletionItem::Kind kindOfList(const QString &list)
{
    const QString name = list.toLower();
    if (name.contains(u"func"))
        return CompletionItem::Kind::Function;
    if (name.contains(u"type"))
        return CompletionItem::Kind::Type;
    return CompletionItem::Kind::Keyword;
}
} // namespace

DialectCompletionProvider::DialectCompletionProvider(const KSyntaxHighlighting::Definition &definition,
                                                     QObject *parent)
    : CompletionProvider(parent)
{
    QSet<QString> seen;
    const QStringList lists = definition.keywordLists();
    for (const QString &list : lists) {
        const CompletionItem::Kind kind = kindOfList(list);
        const QStringList words = definition.keywordList(list);
        for (const QString &word : words) {
            const QString key = word.toLower();
            if (word.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            m_items.append({word, kind == CompletionItem::Kind::Function ? word + u"()" : QString(), kind});
        }
    }
    std::sort(m_items.begin(), m_items.end(), [](const CompletionItem &a, const CompletionItem &b) {
        return a.text.compare(b.text, Qt::CaseInsensitive) < 0;
    });
}

QList<CompletionItem> DialectCompletionProvider::complete(const QString &, int, const QString &prefix)
{
    QList<CompletionItem> proposals;
    if (prefix.isEmpty())
        return proposals;
    // Written the way the user writes: "sel" proposes "select", "SEL" proposes "SELECT".
    const bool lower = prefix == prefix.toLower();
    const bool upper = prefix == prefix.toUpper();
    for (const CompletionItem &item : m_items) {
        if (!item.text.startsWith(prefix, Qt::CaseInsensitive))
            continue;
        CompletionItem proposal = item;
        if (item.kind == CompletionItem::Kind::Keyword || item.kind == CompletionItem::Kind::Type) {
            if (lower)
                proposal.text = item.text.toLower();
            else if (upper)
                proposal.text = item.text.toUpper();
        }
        proposals.append(proposal);
        if (proposals.size() >= MaxProposals)
            break;
    }
    return proposals;
}

} // namespace JobDeck
