#include "results/resultformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace JobDeck {

namespace {

QString jsonString(const QString &text)
{
    // QJsonDocument writes a lone value only inside an array: take it back out.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.sliced(1, array.size() - 2));
}

QString markdownCell(const QString &text)
{
    QString cell = text;
    cell.replace(u'\\', QStringLiteral("\\\\"));
    cell.replace(u'|', QStringLiteral("\\|"));
    cell.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    cell.replace(u'\n', QStringLiteral("<br>"));
    return cell;
}

QString sqlIdentifier(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool plainNumber(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    return number.match(text).hasMatch();
}

} // namespace

QString delimitedField(const QString &text, QChar separator)
{
    // One pass over the cell: an export formats millions of them.
    const bool quote = !text.isEmpty()
                       && (text.front().isSpace() || text.back().isSpace()
                           || std::any_of(text.cbegin(), text.cend(), [separator](QChar c) {
                                  return c == separator || c == u'"' || c == u'\n' || c == u'\r';
                              }));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString formatHeader(RowFormat format, const QStringList &columns, const RowFormatOptions &options)
{
    QStringList fields;
    switch (format) {
    case RowFormat::Tsv:
    case RowFormat::Csv: {
        const QChar separator = format == RowFormat::Tsv ? QChar(u'\t') : options.separator;
        for (const QString &column : columns)
            fields.append(delimitedField(column, separator));
        return fields.join(separator) + u'\n';
    }
    case RowFormat::Markdown: {
        QStringList rule;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            fields.append(markdownCell(columns.at(i)));
            rule.append(options.numeric.value(i) ? QStringLiteral("---:") : QStringLiteral("---"));
        }
        return u"| " + fields.join(QStringLiteral(" | ")) + u" |\n| " + rule.join(QStringLiteral(" | "))
               + u" |\n";
    }
    case RowFormat::Json:
        return QStringLiteral("[\n");
    case RowFormat::SqlInsert:
        return {};
    }
    return {};
}

QString formatRows(RowFormat format,
                   const QStringList &columns,
                   const QList<QStringList> &rows,
                   const RowFormatOptions &options,
                   bool firstRow)
{
    QString out;
    QStringList fields;
    QString columnList;
    if (format == RowFormat::SqlInsert) {
        QStringList names;
        for (const QString &column : columns)
            names.append(sqlIdentifier(column));
        columnList = names.join(QStringLiteral(", "));
    }
    for (const QStringList &row : rows) {
        fields.clear();
        switch (format) {
        case RowFormat::Tsv:
        case RowFormat::Csv: {
            const QChar separator = format == RowFormat::Tsv ? QChar(u'\t') : options.separator;
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QString cell = row.value(i);
                if (i > 0)
                    out += separator;
                out += cell.isNull() ? options.nullText : delimitedField(cell, separator);
            }
            out += u'\n';
            break;
        }
        case RowFormat::Markdown:
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QString cell = row.value(i);
                fields.append(cell.isNull() ? options.nullText : markdownCell(cell));
            }
            out += u"| " + fields.join(QStringLiteral(" | ")) + u" |\n";
            break;
        case RowFormat::SqlInsert:
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QString cell = row.value(i);
                if (cell.isNull()) {
                    fields.append(QStringLiteral("NULL"));
                } else if (options.numeric.value(i) && plainNumber(cell)) {
                    fields.append(cell);
                } else {
                    QString quoted = cell;
                    quoted.replace(u'\'', QStringLiteral("''"));
                    fields.append(u'\'' + quoted + u'\'');
                }
            }
            out += QStringLiteral("INSERT INTO %1 (%2) VALUES (%3);\n")
                       .arg(sqlIdentifier(options.table), columnList, fields.join(QStringLiteral(", ")));
            break;
        case RowFormat::Json:
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QString cell = row.value(i);
                const QString value = cell.isNull()                                   ? QStringLiteral("null")
                                      : options.numeric.value(i) && plainNumber(cell) ? cell
                                                                                      : jsonString(cell);
                fields.append(jsonString(columns.at(i)) + u':' + value);
            }
            out += (firstRow ? QStringLiteral("  {") : QStringLiteral(",\n  {")) + fields.join(u',') + u'}';
            firstRow = false;
            break;
        }
    }
    return out;
}

QString formatFooter(RowFormat format)
{
    return format == RowFormat::Json ? QStringLiteral("\n]\n") : QString();
}

QString formatTable(RowFormat format,
                    const QStringList &columns,
                    const QList<QStringList> &rows,
                    const RowFormatOptions &options)
{
    QString footer = formatFooter(format);
    if (format == RowFormat::Json && rows.isEmpty())
        footer = QStringLiteral("]\n");
    return formatHeader(format, columns, options) + formatRows(format, columns, rows, options) + footer;
}

QStringList resultStatements(const QString &script)
{
    QStringList statements;
    QString current;
    enum class In { Code, Single, Double, Back, Line, Block } in = In::Code;
    const auto flush = [&] {
        const QString statement = current.trimmed();
        current.clear();
        static const QRegularExpression givesRows(
            QStringLiteral("^(select|with|show|desc|describe|explain|values|pragma|table)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        if (givesRows.match(statement).hasMatch())
            statements.append(statement);
    };
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < script.size() ? script.at(i + 1) : QChar();
        switch (in) {
        case In::Code:
            if (c == u';') {
                flush();
                continue;
            }
            if (c == u'\'')
                in = In::Single;
            else if (c == u'"')
                in = In::Double;
            else if (c == u'`')
                in = In::Back;
            else if (c == u'-' && next == u'-') {
                in = In::Line;
                ++i;
                continue;
            } else if (c == u'/' && next == u'*') {
                in = In::Block;
                ++i;
                continue;
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
            continue;
        case In::Block:
            if (c == u'*' && next == u'/') {
                in = In::Code;
                ++i;
            }
            continue;
        }
        current.append(c);
    }
    flush();
    return statements;
}

QString statementTitle(const QString &statement, int maxChars)
{
    QString title = statement.simplified();
    if (title.size() <= maxChars)
        return title;
    title.truncate(maxChars);
    const qsizetype space = title.lastIndexOf(u' ');
    if (space > maxChars / 2)
        title.truncate(space);
    return title + u'…';
}

} // namespace JobDeck
