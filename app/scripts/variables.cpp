#include "scripts/variables.h"

#include <QRegularExpression>

namespace JobDeck::Scripts {

namespace {
const QRegularExpression &reference()
{
    static const QRegularExpression pattern(QStringLiteral("\\$\\{([^{}\\s]+)\\}"));
    return pattern;
}
} // namespace

QStringList variableNames(QStringView text)
{
    QStringList names;
    QRegularExpressionMatchIterator it = reference().globalMatchView(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString substituteVariables(QStringView text, const QMap<QString, QString> &variables, QStringList *unknown)
{
    QString result;
    result.reserve(text.size());
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = reference().globalMatchView(text);
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

} // namespace JobDeck::Scripts
