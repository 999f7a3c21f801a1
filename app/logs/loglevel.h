#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace JobDeck {

// The level of one log line. Ordered: a minimum-level filter keeps `level >= minimum`;
// None (no level of its own and no record to belong to) sorts below everything.
enum class LineLevel : quint8 { None = 0, Trace, Debug, Info, Warn, Error, Fatal };

// "fatal", "error", ... as the CLI's JSON prints them; empty for None.
QString lineLevelName(LineLevel level);
// Reads "warn", "WARNING", "error", ... (any case); nullopt for anything else.
std::optional<LineLevel> parseLineLevel(QStringView text);

// Tells the level of each line of one log, in order. A line's own level is read from its
// header, the way big-data logs write it: log4j/logback (`2024-01-01 10:00:00,123 WARN [t]
// c: m`), Spark (`17/06/09 20:10:40 INFO ...`), ZooKeeper (`... [myid:1] - WARN  [...`),
// Python logging (`WARNING:root:m`, `... - name - WARNING - m`), Flink, Hive, Kylin and
// Linkis (`... [INFO ] [thread] ...`). A wrapper's level (Linkis engines and jobdeck-server
// write a program's stdout as `<time> INFO <line>`) gives way to the level of the line it
// wraps. Stack-trace lines (`\tat ...`, `Caused by:`, `... N more`, an exception's first
// line, indented lines, Python's `Traceback`) take the level of the record they belong to.
class LevelClassifier
{
public:
    LineLevel classify(QByteArrayView utf8Line);
    void reset() { m_record = LineLevel::None; }

private:
    LineLevel m_record = LineLevel::None;
};

} // namespace JobDeck
