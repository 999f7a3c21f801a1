#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace JobDeck {

// Dinky and SQLFlow send wall-clock times without a zone ("2023-03-06 15:56:43",
// "2023-09-15T10:30:00"): they are in the server's zone, which a profile names.

// "Asia/Shanghai", "UTC", "UTC+08:00", "GMT+8", "+0800": the zone, or an invalid one.
QTimeZone parseServerZone(const QString &text);

// A zone-less server time read in `zone`, as UTC; invalid for an empty or unreadable text.
// Takes "yyyy-MM-dd HH:mm:ss", the ISO form with 'T' and optional milliseconds, and texts that
// carry their own offset or 'Z' (then `zone` is not needed).
QDateTime serverTimeToUtc(const QString &text, const QTimeZone &zone);

} // namespace JobDeck
