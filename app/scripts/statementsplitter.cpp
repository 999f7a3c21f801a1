#include "scripts/statementsplitter.h"

#include <algorithm>

namespace JobDeck::Scripts {

SplitDialect SplitDialect::sqlite()
{
    SplitDialect d;
    d.bracketIdentifiers = true;
    d.triggerBodies = true;
    return d;
}

SplitDialect SplitDialect::hive()
{
    SplitDialect d;
    d.backslashEscapes = true;
    return d;
}

SplitDialect SplitDialect::spark()
{
    SplitDialect d;
    d.backslashEscapes = true;
    d.nestedBlockComments = true;
    return d;
}

SplitDialect SplitDialect::flink()
{
    SplitDialect d;
    d.backslashEscapes = true;
    d.statementSets = true;
    return d;
}

SplitDialect SplitDialect::generic()
{
    return {};
}

SplitDialect SplitDialect::forRunType(QStringView runType, QStringView engine)
{
    const auto is = [](QStringView a, QStringView b) {
        return a.compare(b, Qt::CaseInsensitive) == 0;
    };
    if (is(runType, u"hql") || engine.startsWith(u"hive", Qt::CaseInsensitive))
        return hive();
    if (is(runType, u"flinksql") || is(runType, u"fql") || engine.startsWith(u"flink", Qt::CaseInsensitive))
        return flink();
    if (engine.startsWith(u"sqlite", Qt::CaseInsensitive))
        return sqlite();
    if (engine.startsWith(u"spark", Qt::CaseInsensitive))
        return spark();
    return generic();
}

namespace {

bool isWordChar(QChar c)
{
    // Identifiers may hold any character above ASCII (SQLite, Hive and Spark all allow it).
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}

bool isKeyword(QStringView word, QStringView keyword)
{
    return word.size() == keyword.size() && word.compare(keyword, Qt::CaseInsensitive) == 0;
}

// The index just past the quoted token that starts at `from` and ends with `close`; a doubled
// `close` stands for the character itself, and with backslash escapes \x never closes.
qsizetype skipQuoted(QStringView text, qsizetype from, QChar close, bool doubled, bool backslash)
{
    qsizetype i = from + 1;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (backslash && c == u'\\') {
            i += 2;
            continue;
        }
        if (c == close) {
            if (doubled && i + 1 < n && text[i + 1] == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return n;
}

qsizetype skipBlockComment(QStringView text, qsizetype from, bool nested)
{
    const qsizetype n = text.size();
    if (!nested) {
        const qsizetype close = text.indexOf(u"*/", from + 2);
        return close < 0 ? n : close + 2;
    }
    int depth = 0;
    qsizetype i = from;
    while (i < n) {
        if (text[i] == u'/' && i + 1 < n && text[i + 1] == u'*') {
            ++depth;
            i += 2;
        } else if (text[i] == u'*' && i + 1 < n && text[i + 1] == u'/') {
            i += 2;
            if (--depth == 0)
                return i;
        } else {
            ++i;
        }
    }
    return n;
}

// Follows the first words of one statement to know whether a semicolon is inside a block's
// body: SQLite's CREATE [TEMP|TEMPORARY] TRIGGER ... BEGIN ... END, Flink's EXECUTE
// STATEMENT SET BEGIN ... END.
class BlockTracker
{
public:
    explicit BlockTracker(const SplitDialect &dialect)
        : m_triggers(dialect.triggerBodies)
        , m_sets(dialect.statementSets)
    {}

    void reset() { m_state = {}; }

    void word(QStringView w)
    {
        State &s = m_state;
        const int index = s.words++;
        if (!s.block) {
            if (index == 0) {
                s.create = m_triggers && isKeyword(w, u"CREATE");
                s.execute = m_sets && isKeyword(w, u"EXECUTE");
                return;
            }
            if (s.create) {
                if (isKeyword(w, u"TRIGGER") && index <= 2)
                    s.block = true; // its body starts at BEGIN, further on
                else if (!(index == 1 && (isKeyword(w, u"TEMP") || isKeyword(w, u"TEMPORARY"))))
                    s.create = false;
                return;
            }
            if (s.execute) {
                if ((index == 1 && isKeyword(w, u"STATEMENT")) || (index == 2 && isKeyword(w, u"SET")))
                    return;
                if (index == 3 && isKeyword(w, u"BEGIN")) {
                    s.block = true;
                    s.inBody = true;
                    return;
                }
                s.execute = false;
            }
            return;
        }
        if (!s.inBody) {
            if (!s.bodyDone && isKeyword(w, u"BEGIN"))
                s.inBody = true;
            return;
        }
        if (isKeyword(w, u"CASE")) {
            ++s.caseDepth;
        } else if (isKeyword(w, u"END")) {
            if (s.caseDepth > 0) {
                --s.caseDepth;
            } else {
                s.inBody = false;
                s.bodyDone = true;
            }
        }
    }

    bool inBody() const { return m_state.inBody; }

private:
    struct State
    {
        int words = 0;
        int caseDepth = 0;
        bool create = false;
        bool execute = false;
        bool block = false;
        bool inBody = false;
        bool bodyDone = false;
    };
    bool m_triggers;
    bool m_sets;
    State m_state;
};

} // namespace

QList<StatementRange> splitStatements(QStringView script, const SplitDialect &dialect)
{
    QList<StatementRange> statements;
    const qsizetype n = script.size();
    qsizetype start = -1; // first character of the statement's first token
    qsizetype end = -1;   // just past its last token
    BlockTracker blocks(dialect);

    const auto flush = [&](qsizetype terminatorEnd) {
        if (start >= 0)
            statements.append({start, end, terminatorEnd < 0 ? end : terminatorEnd});
        start = end = -1;
        blocks.reset();
    };
    const auto token = [&](qsizetype from, qsizetype to) {
        if (start < 0)
            start = from;
        end = to;
    };

    qsizetype i = 0;
    while (i < n) {
        const QChar c = script[i];
        const QChar next = i + 1 < n ? script[i + 1] : QChar();
        if ((c == u'-' && next == u'-') || (c == u'#' && dialect.hashComments)) {
            const qsizetype newline = script.indexOf(u'\n', i + 1);
            i = newline < 0 ? n : newline;
        } else if (c == u'/' && next == u'*') {
            i = skipBlockComment(script, i, dialect.nestedBlockComments);
        } else if (c.isSpace()) {
            ++i;
        } else if (c == u';' && !blocks.inBody()) {
            flush(i + 1);
            ++i;
        } else if (c == u'\\' && dialect.backslashEscapes) {
            // \; (and any escaped character) is part of the statement
            const qsizetype to = std::min(n, i + 2);
            token(i, to);
            i = to;
        } else if (c == u'\'' || c == u'"') {
            const qsizetype to = skipQuoted(script, i, c, true, dialect.backslashEscapes);
            token(i, to);
            i = to;
        } else if (c == u'`') {
            const qsizetype to = skipQuoted(script, i, c, true, false);
            token(i, to);
            i = to;
        } else if (c == u'[' && dialect.bracketIdentifiers) {
            const qsizetype to = skipQuoted(script, i, u']', false, false);
            token(i, to);
            i = to;
        } else if (isWordChar(c)) {
            qsizetype to = i + 1;
            while (to < n && isWordChar(script[to]))
                ++to;
            blocks.word(script.sliced(i, to - i));
            token(i, to);
            i = to;
        } else {
            token(i, i + 1);
            ++i;
        }
    }
    flush(-1);
    return statements;
}

QStringList statementTexts(QStringView script, const QList<StatementRange> &ranges)
{
    QStringList texts;
    texts.reserve(ranges.size());
    for (const StatementRange &r : ranges)
        texts.append(script.sliced(r.start, r.length()).toString());
    return texts;
}

qsizetype statementAt(QStringView script, const QList<StatementRange> &ranges, qsizetype position)
{
    if (ranges.isEmpty())
        return -1;
    // The first statement that has not ended before the position.
    const auto it = std::lower_bound(
        ranges.cbegin(), ranges.cend(), position, [](const StatementRange &r, qsizetype p) {
            return r.terminatorEnd < p;
        });
    if (it == ranges.cend())
        return ranges.size() - 1;
    const qsizetype index = it - ranges.cbegin();
    if (position >= it->start || index == 0)
        return index;
    // Between the previous statement's end and this one's start.
    const qsizetype previousEnd = ranges[index - 1].terminatorEnd;
    const qsizetype newline = script.sliced(previousEnd, position - previousEnd).indexOf(u'\n');
    return newline < 0 ? index - 1 : index;
}

} // namespace JobDeck::Scripts
