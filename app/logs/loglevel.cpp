#include "logs/loglevel.h"

namespace JobDeck {

namespace {

// Only the head of a line is a header; a level word further in is the message's.
constexpr qsizetype HeaderBytes = 160;
constexpr int MaxHeaderTokens = 8;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
}

// An upper-case level word at the start of `s`, followed by something that ends a word.
std::optional<LineLevel> levelWordAt(QByteArrayView s, qsizetype *length)
{
    if (s.isEmpty())
        return std::nullopt;
    const auto word = [&](QByteArrayView text, LineLevel level) -> std::optional<LineLevel> {
        const qsizetype n = text.size();
        if (!s.startsWith(text) || (n < s.size() && (isWordChar(s[n]) || s[n] == '.')))
            return std::nullopt;
        *length = n;
        return level;
    };
    switch (s[0]) { // most words of a line are no level: one comparison tells
    case 'F':
        return word("FATAL", LineLevel::Fatal);
    case 'C':
        return word("CRITICAL", LineLevel::Fatal);
    case 'E':
        return word("ERROR", LineLevel::Error);
    case 'S':
        return word("SEVERE", LineLevel::Error);
    case 'W':
        if (const auto level = word("WARNING", LineLevel::Warn))
            return level;
        return word("WARN", LineLevel::Warn);
    case 'I':
        return word("INFO", LineLevel::Info);
    case 'D':
        return word("DEBUG", LineLevel::Debug);
    case 'T':
        return word("TRACE", LineLevel::Trace);
    default:
        return std::nullopt;
    }
}

bool isTimestampToken(QByteArrayView token)
{
    int digits = 0;
    bool separator = false;
    for (char c : token) {
        if (isDigit(c))
            ++digits;
        else if (c == '-' || c == ':' || c == '/')
            separator = true;
        else if (c != '.' && c != ',' && c != 'T' && c != '+' && c != 'Z')
            return false;
    }
    return digits >= 2 && (separator || digits >= 8);
}

struct Header
{
    LineLevel level = LineLevel::None;
    qsizetype bodyStart = 0; // just past the level word (and one separating space)
};

// Finds the level of a header: time stamps, bracketed fields ([thread], [myid:1], {file}),
// separators and at most one other word (the logger of Python's `%(asctime)s - %(name)s -`)
// may come before it. `levelFirst`: only a level right at the start counts (a wrapped line).
Header readHeader(QByteArrayView line, bool levelFirst)
{
    const QByteArrayView head = line.first(std::min(line.size(), HeaderBytes));
    qsizetype i = 0;
    bool timestamp = false;
    int freeWords = 0;
    for (int token = 0; token < MaxHeaderTokens && i < head.size(); ++token) {
        while (i < head.size() && isSpace(head[i]))
            ++i;
        if (i >= head.size())
            break;
        const char c = head[i];
        if (c == '[' || c == '{' || c == '(') {
            const char close = c == '[' ? ']' : c == '{' ? '}' : ')';
            const qsizetype end = head.indexOf(close, i + 1);
            if (end < 0)
                break;
            QByteArrayView inside = head.sliced(i + 1, end - i - 1).trimmed();
            qsizetype n = 0;
            if (c == '[' && !inside.isEmpty()) {
                if (const auto level = levelWordAt(inside, &n); level && n == inside.size())
                    return {*level, std::min(end + 2, line.size())};
                if (isDigit(inside[0]))
                    timestamp = true;
            }
            if (levelFirst && !timestamp)
                break;
            i = end + 1;
            continue;
        }
        qsizetype n = 0;
        if (const auto level = levelWordAt(head.sliced(i), &n)) {
            qsizetype body = i + n;
            if (body < line.size() && line[body] == ':')
                ++body;
            if (body < line.size() && isSpace(line[body]))
                ++body;
            // log4j's %-5p pads INFO and WARN to five columns; the pad is not indentation.
            for (qsizetype pad = n; pad < 5 && body < line.size() && line[body] == ' '; ++pad)
                ++body;
            return {*level, body};
        }
        qsizetype end = i;
        while (end < head.size() && !isSpace(head[end]))
            ++end;
        const QByteArrayView word = head.sliced(i, end - i);
        if (isTimestampToken(word)) {
            timestamp = true;
        } else if (word == "-" || word == "|" || word == ":") {
            // a separator
        } else if (!timestamp || ++freeWords > 1) {
            break;
        }
        if (levelFirst && !timestamp)
            break;
        i = end;
    }
    return {};
}

bool startsWithAny(QByteArrayView s, std::initializer_list<QByteArrayView> prefixes)
{
    for (QByteArrayView prefix : prefixes) {
        if (s.startsWith(prefix))
            return true;
    }
    return false;
}

// `java.lang.IllegalStateException: boom`, `ValueError: bad`, `org.x.SparkException`.
bool isExceptionLine(QByteArrayView s)
{
    qsizetype i = 0;
    while (i < s.size() && (isWordChar(s[i]) || s[i] == '.' || s[i] == '$'))
        ++i;
    if (i == 0 || (i < s.size() && s[i] != ':'))
        return false;
    const QByteArrayView name = s.first(i);
    return name.endsWith("Exception") || name.endsWith("Error") || name.endsWith("Throwable");
}

// A line that belongs to the record before it.
bool isContinuation(QByteArrayView body)
{
    if (body.isEmpty())
        return false;
    if (isSpace(body[0]))
        return !body.trimmed().isEmpty();
    return startsWithAny(body, {"Caused by:", "Suppressed:", "... ", "Traceback (most recent call last)"})
           || isExceptionLine(body);
}

} // namespace

QString lineLevelName(LineLevel level)
{
    switch (level) {
    case LineLevel::None:
        return {};
    case LineLevel::Trace:
        return QStringLiteral("trace");
    case LineLevel::Debug:
        return QStringLiteral("debug");
    case LineLevel::Info:
        return QStringLiteral("info");
    case LineLevel::Warn:
        return QStringLiteral("warn");
    case LineLevel::Error:
        return QStringLiteral("error");
    case LineLevel::Fatal:
        return QStringLiteral("fatal");
    }
    return {};
}

std::optional<LineLevel> parseLineLevel(QStringView text)
{
    const QByteArray upper = text.trimmed().toString().toUpper().toLatin1();
    qsizetype n = 0;
    const auto level = levelWordAt(upper, &n);
    if (!level || n != upper.size())
        return std::nullopt;
    return level;
}

LineLevel LevelClassifier::classify(QByteArrayView line)
{
    Header header = readHeader(line, false);
    if (header.level == LineLevel::None) {
        if (isContinuation(line))
            return m_record;
        m_record = LineLevel::None;
        return LineLevel::None;
    }
    // A wrapper's level gives way to the level of the line it wraps, however deep.
    LineLevel wrapper = header.level;
    QByteArrayView body = line.sliced(header.bodyStart);
    for (int depth = 0; depth < 3; ++depth) {
        const Header inner = readHeader(body, true);
        if (inner.level == LineLevel::None)
            break;
        header = inner;
        wrapper = inner.level;
        body = body.sliced(inner.bodyStart);
    }
    if (header.level == wrapper && isContinuation(body) && m_record != LineLevel::None)
        return m_record;
    m_record = wrapper;
    return wrapper;
}

} // namespace JobDeck
