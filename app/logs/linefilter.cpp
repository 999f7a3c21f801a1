#include "logs/linefilter.h"

namespace JobDeck {

bool LineFilter::setGrep(const QString &pattern)
{
    m_hasGrep = !pattern.isEmpty();
    m_grep = QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption);
    m_error = m_grep.isValid() ? QString() : m_grep.errorString();
    if (m_hasGrep && m_error.isEmpty())
        m_grep.optimize();
    return m_error.isEmpty();
}

LineLevel LineFilter::level(const QString &line)
{
    return m_classifier.classify(line.toUtf8());
}

bool LineFilter::passes(const QString &line, LineLevel level) const
{
    if (quint8(level) < quint8(m_minimum))
        return false;
    return !m_hasGrep || m_grep.match(line).hasMatch();
}

} // namespace JobDeck
