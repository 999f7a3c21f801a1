#include "core/serverzone.h"

#include <QRegularExpression>

namespace JobDeck {

QTimeZone parseServerZone(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    // Offsets written by people: GMT+8, UTC+08:00, +0800, UTC-5:30.
    static const QRegularExpression offset(
        QStringLiteral("^(?:UTC|GMT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto match = offset.match(trimmed); match.hasMatch()) {
        const int hours = match.captured(2).toInt();
        const int minutes = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt();
        if (hours > 14 || minutes > 59)
            return {};
        const int seconds = (hours * 3600 + minutes * 60) * (match.captured(1) == u"-" ? -1 : 1);
        return QTimeZone::fromSecondsAheadOfUtc(seconds);
    }
    if (trimmed.compare(u"UTC", Qt::CaseInsensitive) == 0 || trimmed.compare(u"GMT", Qt::CaseInsensitive) == 0
        || trimmed == u"Z")
        return QTimeZone::UTC;
    const QTimeZone named(trimmed.toUtf8());
    return named.isValid() ? named : QTimeZone();
}

QDateTime serverTimeToUtc(const QString &text, const QTimeZone &zone)
{
    QString value = text.trimmed();
    if (value.isEmpty())
        return {};
    if (value.size() > 10 && value.at(10) == u' ')
        value[10] = u'T';
    // With its own offset or Z, the text says where it is.
    static const QRegularExpression hasZone(QStringLiteral("(Z|[+-]\\d{2}:?\\d{2})$"));
    if (value.size() > 19 && hasZone.match(value).hasMatch()) {
        const QDateTime zoned = QDateTime::fromString(value, Qt::ISODateWithMs);
        return zoned.isValid() ? zoned.toUTC() : QDateTime();
    }
    QDateTime local = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!local.isValid())
        return {};
    local.setTimeZone(zone.isValid() ? zone : QTimeZone(QTimeZone::UTC));
    return local.toUTC();
}

} // namespace JobDeck
