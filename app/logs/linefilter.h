#pragma once

#include "logs/loglevel.h"

#include <QRegularExpression>
#include <QString>

namespace JobDeck {

// The level and the filters of a log read line by line, in order from its first line (the
// CLI's `log --level LEVEL --grep REGEX`): every line goes through level(), so stack traces
// take their record's level even when only later lines are printed.
class LineFilter
{
public:
    // `minimum` None keeps every level; an empty `grep` every line.
    void setMinimumLevel(LineLevel minimum) { m_minimum = minimum; }
    // False (with errorString()) when `pattern` is not a regular expression.
    bool setGrep(const QString &pattern);
    QString errorString() const { return m_error; }

    // The level of the next line of the log.
    LineLevel level(const QString &line);
    bool passes(const QString &line, LineLevel level) const;

private:
    LevelClassifier m_classifier;
    LineLevel m_minimum = LineLevel::None;
    QRegularExpression m_grep;
    bool m_hasGrep = false;
    QString m_error;
};

} // namespace JobDeck
