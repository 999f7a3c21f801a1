#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace JobDeck {

// One proposal in the editor's completion popup.
struct CompletionItem
{
    enum class Kind { Keyword, Function, Type, Database, Table, View, Column, Variable };

    QString text;   // what is inserted
    QString detail; // shown beside it: a column's type, a table's database, a function's signature
    Kind kind = Kind::Keyword;

    bool operator==(const CompletionItem &) const = default;
};

// A source of completion proposals for a script. The editor's completer asks every provider
// of the tab's dialect and connection on each keystroke, so complete() answers from what it
// already holds, in a few milliseconds, and never waits for the network: a provider that
// lacks something starts fetching it in the background and emits updated() when it arrived,
// and the completer asks again.
class CompletionProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompletionProvider)

public:
    using QObject::QObject;

    // Proposals for the word that ends at `position` (a QString index) in `script`, the
    // whole text of the tab; `prefix` is that word (possibly empty, e.g. right after "t.").
    virtual QList<CompletionItem> complete(const QString &script, int position, const QString &prefix) = 0;

Q_SIGNALS:
    void updated();
};

} // namespace JobDeck
