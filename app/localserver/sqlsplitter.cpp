#include "localserver/sqlsplitter.h"

#include <QRegularExpression>

namespace JobDeck::Local {

namespace {

bool isWordChar(QChar c)
{
    // SQLite takes any character above ASCII as part of an identifier.
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}

bool isKeyword(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

// The index just past the quoted token that starts at `from` and ends with `close`, where a
// doubled `close` stands for the character itself (SQL's '' and ""; `` for backticks).
qsizetype skipQuoted(QStringView text, qsizetype from, QChar close, bool doubledEscapes)
{
    qsizetype i = from + 1;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] == close) {
            if (doubledEscapes && i + 1 < n && text[i + 1] == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return n;
}

// Follows the words at the top level of one statement, to know whether a semicolon is
// inside the body of CREATE [TEMP|TEMPORARY] TRIGGER ... BEGIN ... END.
class TriggerTracker
{
public:
    void word(QStringView w)
    {
        switch (m_words++) {
        case 0:
            m_create = isKeyword(w, u"CREATE");
            return;
        case 1:
            if (m_create && isKeyword(w, u"TRIGGER"))
                m_trigger = true;
            else if (!m_create || !(isKeyword(w, u"TEMP") || isKeyword(w, u"TEMPORARY")))
                m_create = false;
            return;
        case 2:
            if (m_create && !m_trigger && isKeyword(w, u"TRIGGER"))
                m_trigger = true;
            return;
        default:
            break;
        }
        if (!m_trigger)
            return;
        if (!m_inBody) {
            if (!m_bodyDone && isKeyword(w, u"BEGIN"))
                m_inBody = true;
            return;
        }
        // CASE ... END expressions may appear in the body's statements.
        if (isKeyword(w, u"CASE")) {
            ++m_caseDepth;
        } else if (isKeyword(w, u"END")) {
            if (m_caseDepth > 0) {
                --m_caseDepth;
            } else {
                m_inBody = false;
                m_bodyDone = true;
            }
        }
    }

    bool inBody() const { return m_inBody; }

private:
    int m_words = 0;
    int m_caseDepth = 0;
    bool m_create = false;
    bool m_trigger = false;
    bool m_inBody = false;
    bool m_bodyDone = false;
};

} // namespace

QStringList splitSqlStatements(QStringView script)
{
    QStringList statements;
    const qsizetype n = script.size();
    qsizetype start = -1; // first character of the statement's first token
    qsizetype end = -1;   // just past its last token
    TriggerTracker trigger;

    const auto flush = [&] {
        if (start >= 0)
            statements.append(script.sliced(start, end - start).toString());
        start = end = -1;
        trigger = {};
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
        if (c == u'-' && next == u'-') {
            const qsizetype newline = script.indexOf(u'\n', i + 2);
            i = newline < 0 ? n : newline;
        } else if (c == u'/' && next == u'*') {
            const qsizetype close = script.indexOf(u"*/", i + 2);
            i = close < 0 ? n : close + 2;
        } else if (c.isSpace()) {
            ++i;
        } else if (c == u';' && !trigger.inBody()) {
            flush();
            ++i;
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            const qsizetype to = skipQuoted(script, i, c, true);
            token(i, to);
            i = to;
        } else if (c == u'[') {
            const qsizetype to = skipQuoted(script, i, u']', false);
            token(i, to);
            i = to;
        } else if (isWordChar(c)) {
            qsizetype to = i + 1;
            while (to < n && isWordChar(script[to]))
                ++to;
            trigger.word(script.sliced(i, to - i));
            token(i, to);
            i = to;
        } else {
            token(i, i + 1);
            ++i;
        }
    }
    flush();
    return statements;
}

QString substituteVariables(QStringView text, const QMap<QString, QString> &variables, QStringList *unknown)
{
    static const QRegularExpression reference(QStringLiteral("\\$\\{([^{}\\s]+)\\}"));
    QString result;
    result.reserve(text.size());
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = reference.globalMatchView(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const auto value = variables.constFind(name);
        if (value == variables.cend()) {
            if (unknown && !unknown->contains(name))
                unknown->append(name);
            continue;
        }
        result.append(text.sliced(copied, match.capturedStart() - copied));
        result.append(*value);
        copied = match.capturedEnd();
    }
    result.append(text.sliced(copied));
    return result;
}

} // namespace JobDeck::Local
