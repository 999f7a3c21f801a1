#include "logs/logsearch.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>

namespace JobDeck {

// Plain text as bytes: Boyer-Moore-Horspool over a byte folding table (ASCII case folding
// when the case does not matter, identity when it does).
struct LogMatcher::Bytes
{
    QByteArray needle; // folded
    std::array<quint8, 256> fold{};
    std::array<qsizetype, 256> skip{};

    Bytes(const QByteArray &text, bool foldCase)
    {
        for (int c = 0; c < 256; ++c)
            fold[c] = quint8(foldCase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        needle.resize(text.size());
        for (qsizetype i = 0; i < text.size(); ++i)
            needle[i] = char(fold[quint8(text[i])]);
        const qsizetype m = needle.size();
        skip.fill(m);
        for (qsizetype i = 0; i + 1 < m; ++i)
            skip[quint8(needle[i])] = m - 1 - i;
        if (foldCase) {
            for (int c = 'A'; c <= 'Z'; ++c)
                skip[c] = skip[c + ('a' - 'A')];
        }
    }

    qsizetype find(const char *h, qsizetype n, qsizetype from) const
    {
        const qsizetype m = needle.size();
        const char *pattern = needle.constData();
        const quint8 last = quint8(pattern[m - 1]);
        for (qsizetype i = from; i + m <= n;) {
            const quint8 c = quint8(h[i + m - 1]);
            if (fold[c] == last) {
                qsizetype j = 0;
                while (j + 1 < m && fold[quint8(h[i + j])] == quint8(pattern[j]))
                    ++j;
                if (j + 1 >= m)
                    return i;
            }
            i += skip[c];
        }
        return -1;
    }
};

namespace {

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

LogMatcher::LogMatcher(const LogPattern &pattern)
    : m_pattern(pattern)
{
    if (pattern.regex) {
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (pattern.caseSensitivity == Qt::CaseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_regex = QRegularExpression(pattern.text, options);
        if (!m_regex.isValid())
            m_error = m_regex.errorString();
        else
            m_regex.optimize();
    } else if (!pattern.text.isEmpty()
               && (pattern.caseSensitivity == Qt::CaseSensitive || isAscii(pattern.text))) {
        m_bytes
            = std::make_unique<Bytes>(pattern.text.toUtf8(), pattern.caseSensitivity == Qt::CaseInsensitive);
    }
}

LogMatcher::~LogMatcher() = default;
LogMatcher::LogMatcher(LogMatcher &&) noexcept = default;
LogMatcher &LogMatcher::operator=(LogMatcher &&) noexcept = default;

bool LogMatcher::matches(QByteArrayView line) const
{
    if (m_pattern.text.isEmpty())
        return true;
    if (m_bytes)
        return m_bytes->find(line.data(), line.size(), 0) >= 0;
    if (!isValid())
        return false;
    const QString text = QString::fromUtf8(line);
    if (m_pattern.regex)
        return m_regex.matchView(text).hasMatch();
    return text.contains(m_pattern.text, m_pattern.caseSensitivity);
}

QList<std::pair<int, int>> LogMatcher::spans(QStringView line) const
{
    QList<std::pair<int, int>> out;
    if (m_pattern.text.isEmpty() || !isValid())
        return out;
    if (m_pattern.regex) {
        auto it = m_regex.globalMatchView(line);
        while (it.hasNext() && out.size() < 1000) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() > 0)
                out.append({int(match.capturedStart()), int(match.capturedLength())});
        }
        return out;
    }
    for (qsizetype at = line.indexOf(m_pattern.text, 0, m_pattern.caseSensitivity);
         at >= 0 && out.size() < 1000;
         at = line.indexOf(m_pattern.text, at + m_pattern.text.size(), m_pattern.caseSensitivity))
        out.append({int(at), int(m_pattern.text.size())});
    return out;
}

void LogMatcher::forEachLine(QByteArrayView text, const std::function<void(int)> &hit) const
{
    const char *data = text.data();
    const qsizetype size = text.size();
    qsizetype from = 0; // always the start of line `line`
    int line = 0;
    while (from < size) {
        const qsizetype at = m_bytes->find(data, size, from);
        if (at < 0)
            return;
        line += int(std::count(data + from, data + at, '\n'));
        hit(line);
        const void *nl = std::memchr(data + at, '\n', size - at);
        if (!nl)
            return;
        from = static_cast<const char *>(nl) - data + 1;
        ++line;
    }
}

// A query made ready to run on any number of threads at once.
class LogSearchRunner
{
public:
    explicit LogSearchRunner(const LogQuery &query)
        : m_find(query.find)
        , m_minimum(query.minimumLevel)
    {
        for (const LogPattern &p : query.include)
            m_include.emplace_back(p);
        for (const LogPattern &p : query.exclude)
            m_exclude.emplace_back(p);
        for (const LogMatcher *m : all()) {
            if (!m->isValid() && m_error.isEmpty())
                m_error = m->errorString();
        }
    }

    QString error() const { return m_error; }

    bool passes(LineLevel level, QByteArrayView line, bool findChecked) const
    {
        if (quint8(level) < quint8(m_minimum))
            return false;
        if (!m_include.empty() && std::none_of(m_include.begin(), m_include.end(), [&](const LogMatcher &m) {
                return m.matches(line);
            }))
            return false;
        if (std::any_of(
                m_exclude.begin(), m_exclude.end(), [&](const LogMatcher &m) { return m.matches(line); }))
            return false;
        return findChecked || m_find.matches(line);
    }

    QList<qint64> block(QByteArrayView text, const LogStore::BlockRef &block) const
    {
        QList<qint64> out;
        const char *levels = block.levels.constData();
        const bool lineFilters = !m_include.empty() || !m_exclude.empty();
        if (m_find.m_bytes) {
            m_find.forEachLine(text, [&](int k) {
                if (quint8(levels[k]) < quint8(m_minimum))
                    return;
                if (lineFilters
                    && !passes(LineLevel(levels[k]), LogStore::lineOfBlock(text, block.index, k), true))
                    return;
                out.append(block.firstLine + k);
            });
            return out;
        }
        const char *data = text.data();
        qsizetype start = 0;
        for (int k = 0; k < block.lines && start < text.size(); ++k) {
            const void *nl = std::memchr(data + start, '\n', text.size() - start);
            const qsizetype end = nl ? static_cast<const char *>(nl) - data : text.size();
            if (quint8(levels[k]) >= quint8(m_minimum)
                && passes(LineLevel(levels[k]), QByteArrayView(data + start, end - start), false))
                out.append(block.firstLine + k);
            start = end + 1;
        }
        return out;
    }

private:
    std::vector<const LogMatcher *> all() const
    {
        std::vector<const LogMatcher *> list{&m_find};
        for (const LogMatcher &m : m_include)
            list.push_back(&m);
        for (const LogMatcher &m : m_exclude)
            list.push_back(&m);
        return list;
    }

    LogMatcher m_find;
    std::vector<LogMatcher> m_include;
    std::vector<LogMatcher> m_exclude;
    LineLevel m_minimum;
    QString m_error;
};

namespace {

struct Part
{
    QList<qint64> lines;
    QString error;
    qint64 searched = 0;
};

void addPart(LogSearchResult &result, const Part &part)
{
    result.lines.append(part.lines);
    result.searchedLines += part.searched;
    if (!part.error.isEmpty() && result.errorString.isEmpty())
        result.errorString = part.error;
}

std::vector<std::size_t> blockIndexes(const LogStore::Snapshot &snapshot)
{
    std::vector<std::size_t> blocks(snapshot.blocks.size());
    std::iota(blocks.begin(), blocks.end(), std::size_t(0));
    return blocks;
}

} // namespace

// Blocks are searched in parallel; their results are joined in block order, so the lines
// come out ascending. Nothing here waits inside a pool thread (which could starve a pool
// as small as the machine has cores).
LogSearchResult LogSearch::run(const LogStore::Snapshot &snapshot, const LogQuery &query)
{
    const LogSearchRunner runner(query);
    if (!runner.error().isEmpty()) {
        LogSearchResult result;
        result.errorString = runner.error();
        return result;
    }
    const std::vector<std::size_t> blocks = blockIndexes(snapshot);
    return QtConcurrent::blockingMappedReduced<LogSearchResult>(
        blocks,
        [&](std::size_t i) {
            Part part;
            const QByteArray text = snapshot.textOf(i, &part.error);
            if (text.size() == snapshot.blocks[i].bytes)
                part.lines = runner.block(text, snapshot.blocks[i]);
            part.searched = snapshot.blocks[i].lines;
            return part;
        },
        addPart,
        QtConcurrent::OrderedReduce | QtConcurrent::SequentialReduce);
}

QFuture<LogSearchResult> LogSearch::start(const LogStore &store, const LogQuery &query)
{
    auto runner = std::make_shared<const LogSearchRunner>(query);
    if (!runner->error().isEmpty()) {
        LogSearchResult result;
        result.errorString = runner->error();
        return QtFuture::makeReadyValueFuture(result);
    }
    auto snapshot = std::make_shared<const LogStore::Snapshot>(store.snapshot());
    return QtConcurrent::mappedReduced<LogSearchResult>(
        blockIndexes(*snapshot),
        [snapshot, runner](std::size_t i) {
            Part part;
            const QByteArray text = snapshot->textOf(i, &part.error);
            if (text.size() == snapshot->blocks[i].bytes)
                part.lines = runner->block(text, snapshot->blocks[i]);
            part.searched = snapshot->blocks[i].lines;
            return part;
        },
        addPart,
        QtConcurrent::OrderedReduce | QtConcurrent::SequentialReduce);
}

QList<qint64> LogSearch::runRange(const LogStore &store, const LogQuery &query, qint64 from, qint64 to)
{
    QList<qint64> out;
    const LogSearchRunner runner(query);
    if (!runner.error().isEmpty())
        return out;
    from = std::max<qint64>(from, 1);
    to = std::min(to, store.lineCount());
    for (qint64 n = from; n <= to; ++n) {
        const LineLevel level = store.level(n);
        if (quint8(level) < quint8(query.minimumLevel))
            continue;
        if (runner.passes(level, store.lineUtf8(n), false))
            out.append(n);
    }
    return out;
}

} // namespace JobDeck
