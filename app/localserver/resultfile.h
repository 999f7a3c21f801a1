#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDeck::Local {

// A result set on disk, written while a query's rows are fetched and read back a page at a
// time, so neither side ever holds the whole result in memory. UTF-8 text, one JSON value
// per '\n'-terminated line:
//
//   {"rows":3                   ,"version":1,"columns":["a","b"],"types":["int","string"]}
//   ["1","x"]
//   ["2","NULL"]
//   ["3","z"]
//
// - Line 1, the header: "rows" always comes first, at byte offset 8, padded with spaces to a
//   fixed width of 20 characters (JSON allows the blanks; leading zeros it would not), so the
//   writer can put the final count in place when it finishes. -1 means the writer has not
//   finished (still writing, or it died): readers then count the lines instead.
// - Then one line per row: a JSON array of strings, one per column. Every cell is a string:
//   NULL is "NULL", numbers are written as SQL shows them, blobs as X'hex'. Control
//   characters are escaped, so a row never spans two lines.
// A reader finds page p by counting '\n' up to its first row, without parsing earlier rows.
class ResultFileWriter final
{
public:
    ResultFileWriter() = default;
    ~ResultFileWriter(); // closes without finishing when finish() was not called
    Q_DISABLE_COPY_MOVE(ResultFileWriter)

    // Creates (or truncates) `path` and writes the header.
    bool open(const QString &path, const QStringList &columns, const QStringList &types);
    bool writeRow(const QStringList &cells);
    // Flushes the rows and records their count in the header.
    bool finish();

    qint64 rows() const { return m_rows; }
    QString errorString() const { return m_error; }
    QString path() const { return m_file.fileName(); }

private:
    bool flushBuffer();
    bool fail(const QString &what);

    QFile m_file;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    QString m_error;
    bool m_open = false;
};

class ResultFileReader final
{
public:
    struct Page
    {
        QStringList columns;
        QStringList types;
        QList<QStringList> rows; // empty for a page past the end
        qint64 totalRows = 0;
    };

    // Page `page` (1-based) of `pageSize` rows, or nothing with `error` set when the file is
    // missing, unreadable or not a result file.
    static std::optional<Page> readPage(const QString &path,
                                        int page,
                                        int pageSize,
                                        QString *error = nullptr);
};

} // namespace JobDeck::Local
