#include "completion/sqlcontext.h"

#include <QSet>

namespace JobDeck {

namespace {

struct Token
{
    enum class Type { Word, Quoted, Dot, Comma, Open, Close, Other };
    Type type = Type::Other;
    QString text;  // words unquoted
    QString upper; // words upper-cased, for keywords
    int start = 0;
    int depth = 0; // parenthesis depth before this token
};

// The statement around `position`: [begin, end) of the script.
std::pair<int, int> statementAround(const QString &script, int position)
{
    int begin = 0;
    enum class In { Code, Single, Double, Back, Line, Block } in = In::Code;
    const int n = int(script.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        switch (in) {
        case In::Code:
            if (c == u';') {
                if (i >= position)
                    return {begin, i};
                begin = i + 1;
            } else if (c == u'\'') {
                in = In::Single;
            } else if (c == u'"') {
                in = In::Double;
            } else if (c == u'`') {
                in = In::Back;
            } else if (c == u'-' && next == u'-') {
                in = In::Line;
            } else if (c == u'/' && next == u'*') {
                in = In::Block;
                ++i;
            }
            break;
        case In::Single:
            if (c == u'\'')
                in = In::Code;
            break;
        case In::Double:
            if (c == u'"')
                in = In::Code;
            break;
        case In::Back:
            if (c == u'`')
                in = In::Code;
            break;
        case In::Line:
            if (c == u'\n')
                in = In::Code;
            break;
        case In::Block:
            if (c == u'*' && next == u'/') {
                in = In::Code;
                ++i;
            }
            break;
        }
    }
    return {begin, n};
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

QList<Token> tokenize(QStringView text, int offset)
{
    QList<Token> tokens;
    int depth = 0;
    const int n = int(text.size());
    for (int i = 0; i < n;) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            while (i < n && text.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') {
            i += 2;
            while (i + 1 < n && !(text.at(i) == u'*' && text.at(i + 1) == u'/'))
                ++i;
            i += 2;
            continue;
        }
        Token token;
        token.start = offset + i;
        token.depth = depth;
        if (c == u'\'') {
            int j = i + 1;
            while (j < n && text.at(j) != u'\'')
                ++j;
            token.type = Token::Type::Other;
            i = j + 1;
        } else if (c == u'`' || c == u'"' || c == u'[') {
            const QChar close = c == u'[' ? QChar(u']') : c;
            int j = i + 1;
            while (j < n && text.at(j) != close)
                ++j;
            token.type = Token::Type::Quoted;
            token.text = text.sliced(i + 1, j - i - 1).toString();
            i = j + 1;
        } else if (isWordChar(c)) {
            int j = i;
            while (j < n && isWordChar(text.at(j)))
                ++j;
            token.type = Token::Type::Word;
            token.text = text.sliced(i, j - i).toString();
            token.upper = token.text.toUpper();
            i = j;
        } else {
            token.type = c == u'.'   ? Token::Type::Dot
                         : c == u',' ? Token::Type::Comma
                         : c == u'(' ? Token::Type::Open
                         : c == u')' ? Token::Type::Close
                                     : Token::Type::Other;
            token.text = QString(c);
            if (c == u'(')
                ++depth;
            else if (c == u')')
                depth = std::max(0, depth - 1);
            ++i;
        }
        tokens.append(token);
    }
    return tokens;
}

bool isName(const Token &t)
{
    // An empty quoted identifier ("" or ``) names nothing: no table, database or alias.
    return (t.type == Token::Type::Word || t.type == Token::Type::Quoted) && !t.text.isEmpty();
}

const QSet<QString> &clauseWords()
{
    // Words that end a table reference: no alias can be one of them.
    static const QSet<QString> words{
        QStringLiteral("WHERE"),       QStringLiteral("JOIN"),       QStringLiteral("INNER"),
        QStringLiteral("LEFT"),        QStringLiteral("RIGHT"),      QStringLiteral("FULL"),
        QStringLiteral("OUTER"),       QStringLiteral("CROSS"),      QStringLiteral("ON"),
        QStringLiteral("USING"),       QStringLiteral("GROUP"),      QStringLiteral("ORDER"),
        QStringLiteral("BY"),          QStringLiteral("HAVING"),     QStringLiteral("LIMIT"),
        QStringLiteral("UNION"),       QStringLiteral("EXCEPT"),     QStringLiteral("INTERSECT"),
        QStringLiteral("SELECT"),      QStringLiteral("SET"),        QStringLiteral("VALUES"),
        QStringLiteral("AS"),          QStringLiteral("LATERAL"),    QStringLiteral("WINDOW"),
        QStringLiteral("NATURAL"),     QStringLiteral("SEMI"),       QStringLiteral("ANTI"),
        QStringLiteral("FROM"),        QStringLiteral("PARTITION"),  QStringLiteral("OVERWRITE"),
        QStringLiteral("CLUSTER"),     QStringLiteral("DISTRIBUTE"), QStringLiteral("SORT"),
        QStringLiteral("TABLESAMPLE"), QStringLiteral("OFFSET"),     QStringLiteral("FETCH"),
        QStringLiteral("QUALIFY"),     QStringLiteral("AND"),        QStringLiteral("OR"),
        QStringLiteral("WITH"),
    };
    return words;
}

bool startsTableList(const Token &t)
{
    static const QSet<QString> words{QStringLiteral("FROM"),
                                     QStringLiteral("JOIN"),
                                     QStringLiteral("INTO"),
                                     QStringLiteral("TABLE"),
                                     QStringLiteral("UPDATE"),
                                     QStringLiteral("DESC"),
                                     QStringLiteral("DESCRIBE")};
    return t.type == Token::Type::Word && words.contains(t.upper);
}

// One query level: the tokens between `begin` and `end` (exclusive) at depth `depth`.
struct Scope
{
    int begin = 0;
    int end = 0;
    int depth = 0;
};

// Subqueries deeper than this are not read (a statement nested so deep is not one a person
// completes in, and the reading must stay bounded for any text).
constexpr int MaxNesting = 16;

QList<SqlTableRef> tablesOf(const QList<Token> &tokens, const Scope &scope, int nesting = 0);

// The output names of a subquery's select list.
QStringList selectColumns(const QList<Token> &tokens, const Scope &scope)
{
    QStringList names;
    int i = scope.begin;
    while (i < scope.end && !(tokens[i].depth == scope.depth && tokens[i].upper == u"SELECT"))
        ++i;
    ++i;
    QList<int> itemEnds;
    int itemStart = i;
    Token last;
    bool haveLast = false;
    for (; i <= scope.end; ++i) {
        const bool atEnd = i == scope.end
                           || (tokens[i].depth == scope.depth
                               && (tokens[i].upper == u"FROM" || tokens[i].type == Token::Type::Comma));
        if (atEnd) {
            if (haveLast) {
                if (last.type == Token::Type::Other && last.text == u"*")
                    names.append(QStringLiteral("*"));
                else if (isName(last) && !clauseWords().contains(last.upper))
                    names.append(last.text);
            }
            haveLast = false;
            itemStart = i + 1;
            if (i == scope.end || tokens[i].upper == u"FROM")
                break;
            continue;
        }
        if (tokens[i].depth == scope.depth) {
            last = tokens[i];
            haveLast = true;
        }
    }
    Q_UNUSED(itemStart);
    return names;
}

QList<SqlTableRef> tablesOf(const QList<Token> &tokens, const Scope &scope, int nesting)
{
    QList<SqlTableRef> refs;
    bool inList = false;
    for (int i = scope.begin; i < scope.end; ++i) {
        const Token &t = tokens[i];
        if (t.depth != scope.depth)
            continue;
        if (startsTableList(t)) {
            inList = true;
            continue;
        }
        if (t.type == Token::Type::Comma && inList)
            continue;
        if (!inList)
            continue;
        if (t.type == Token::Type::Word && clauseWords().contains(t.upper)) {
            inList = t.upper == u"JOIN";
            continue;
        }
        SqlTableRef ref;
        int j = i;
        if (t.type == Token::Type::Open) {
            // A subquery: its tokens are at depth + 1 until the matching close.
            int k = i + 1;
            while (k < scope.end
                   && !(tokens[k].type == Token::Type::Close && tokens[k].depth == scope.depth + 1))
                ++k;
            const Scope inner{i + 1, k, scope.depth + 1};
            if (nesting < MaxNesting) {
                ref.subqueryColumns = selectColumns(tokens, inner);
                ref.subqueryTables = tablesOf(tokens, inner, nesting + 1);
            }
            j = k + 1;
        } else if (isName(t)) {
            ref.table = t.text;
            j = i + 1;
            if (j + 1 < scope.end && tokens[j].type == Token::Type::Dot && isName(tokens[j + 1])) {
                ref.database = ref.table;
                ref.table = tokens[j + 1].text;
                j += 2;
            }
        } else {
            inList = false;
            continue;
        }
        if (j < scope.end && tokens[j].upper == u"AS")
            ++j;
        if (j < scope.end && isName(tokens[j]) && tokens[j].depth == scope.depth
            && !clauseWords().contains(tokens[j].upper)) {
            ref.alias = tokens[j].text;
            ++j;
        }
        refs.append(ref);
        i = j - 1;
        inList = true; // a comma may follow; anything else ends it above
        if (j < scope.end && tokens[j].type != Token::Type::Comma
            && !(tokens[j].type == Token::Type::Word && clauseWords().contains(tokens[j].upper)))
            inList = false;
    }
    return refs;
}

} // namespace

SqlContext analyseSql(const QString &script, int position, const QString &prefix)
{
    SqlContext context;
    position = std::clamp(position, 0, int(script.size()));
    const auto [begin, end] = statementAround(script, position);
    const int wordStart = std::max(begin, position - int(prefix.size()));
    const QList<Token> tokens = tokenize(QStringView(script).sliced(begin, end - begin), begin);

    // The tokens before the word being typed.
    int cursor = 0; // index of the first token at or after wordStart
    while (cursor < tokens.size() && tokens[cursor].start < wordStart)
        ++cursor;
    const int depthAtCursor = cursor < tokens.size() ? tokens[cursor].depth
                              : tokens.isEmpty()
                                  ? 0
                                  : tokens.last().depth + (tokens.last().type == Token::Type::Open ? 1 : 0)
                                        - (tokens.last().type == Token::Type::Close ? 1 : 0);

    // Dots before the cursor make a qualifier: "db.t." or "o."
    int k = cursor - 1;
    if (k >= 0 && tokens[k].type == Token::Type::Dot) {
        QStringList qualifier;
        while (k >= 1 && tokens[k].type == Token::Type::Dot && isName(tokens[k - 1])) {
            qualifier.prepend(tokens[k - 1].text);
            k -= 2;
        }
        if (!qualifier.isEmpty()) {
            context.expect = SqlContext::Expect::QualifiedMember;
            context.qualifier = qualifier;
        }
    } else if (k >= 0 && (startsTableList(tokens[k]))) {
        context.expect = SqlContext::Expect::Table;
    } else if (k >= 0 && tokens[k].type == Token::Type::Comma) {
        // A comma in a FROM list: look back at this depth for FROM before any clause word.
        for (int j = k - 1; j >= 0; --j) {
            if (tokens[j].depth != tokens[k].depth)
                continue;
            if (startsTableList(tokens[j])) {
                context.expect = SqlContext::Expect::Table;
                break;
            }
            if (tokens[j].type == Token::Type::Word
                && (tokens[j].upper == u"SELECT" || tokens[j].upper == u"WHERE" || tokens[j].upper == u"ON"
                    || tokens[j].upper == u"BY" || tokens[j].upper == u"SET" || tokens[j].upper == u"VALUES"))
                break;
        }
    }

    // The query levels around the cursor, innermost first: each level is the run of tokens at
    // its depth between the parentheses that enclose the cursor.
    int depth = depthAtCursor;
    int left = cursor - 1;
    int right = cursor;
    for (int levels = 0; depth >= 0 && levels < MaxNesting; ++levels) {
        int lo = left;
        while (lo >= 0 && tokens[lo].depth >= depth
               && !(tokens[lo].type == Token::Type::Open && tokens[lo].depth == depth - 1))
            --lo;
        int hi = std::min(right, int(tokens.size()));
        while (hi < tokens.size() && !(tokens[hi].type == Token::Type::Close && tokens[hi].depth == depth))
            ++hi;
        const Scope scope{lo + 1, int(hi), depth};
        context.tables.append(tablesOf(tokens, scope));
        left = lo - 1;
        right = hi + 1;
        --depth;
    }
    return context;
}

} // namespace JobDeck
