#pragma once

#include "logs/loglevel.h"
#include "logs/logstore.h"

#include <QFuture>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <memory>

namespace JobDeck {

// What to look for in a line: plain text or a regular expression, with or without case.
struct LogPattern
{
    QString text;
    bool regex = false;
    Qt::CaseSensitivity caseSensitivity = Qt::CaseInsensitive;

    bool isEmpty() const { return text.isEmpty(); }
};

// A search of a log: the lines that match `find` (every line when it is empty), of at
// least `minimumLevel`, matching one of `include` (when there are any) and none of `exclude`.
struct LogQuery
{
    LogPattern find;
    QList<LogPattern> include;
    QList<LogPattern> exclude;
    LineLevel minimumLevel = LineLevel::None;

    bool filters() const
    {
        return !include.isEmpty() || !exclude.isEmpty() || minimumLevel != LineLevel::None;
    }
};

// A pattern made ready to run: plain text searched as UTF-8 bytes (Boyer-Moore-Horspool,
// ASCII case folding), anything else through QString.
class LogMatcher
{
public:
    explicit LogMatcher(const LogPattern &pattern);
    ~LogMatcher();
    LogMatcher(LogMatcher &&) noexcept;
    LogMatcher &operator=(LogMatcher &&) noexcept;

    bool isValid() const { return m_error.isEmpty(); }
    // Why a regular expression is not one.
    QString errorString() const { return m_error; }
    bool matches(QByteArrayView utf8Line) const;
    // Where the pattern matches in a line, as (start, length) in UTF-16 units.
    QList<std::pair<int, int>> spans(QStringView line) const;

private:
    friend class LogSearchRunner;
    // Calls `hit` with the 0-based index of every line of `text` that holds a match.
    void forEachLine(QByteArrayView text, const std::function<void(int)> &hit) const;

    struct Bytes;
    LogPattern m_pattern;
    QString m_error;
    std::unique_ptr<Bytes> m_bytes; // plain text whose folding works on bytes
    QRegularExpression m_regex;
};

// Searches a log store's snapshot, in parallel over its blocks on the global thread pool;
// the results are line numbers (the CLI's `n`), ascending. `errorString` tells a
// regular expression that is not one, or a spilled block that could not be read back (whose
// lines are then not searched).
struct LogSearchResult
{
    QList<qint64> lines;
    QString errorString;
    qint64 searchedLines = 0;
};

class LogSearch
{
public:
    // Off the calling thread.
    static QFuture<LogSearchResult> start(const LogStore &store, const LogQuery &query);
    // On the calling thread (still parallel over blocks).
    static LogSearchResult run(const LogStore::Snapshot &snapshot, const LogQuery &query);
    // Lines [from, to] of the store, on the calling thread: for lines just appended.
    static QList<qint64> runRange(const LogStore &store, const LogQuery &query, qint64 from, qint64 to);
};

} // namespace JobDeck
