#include "core/jsonvalues.h"

#include <QString>

#include <cmath>

namespace JobDeck {

qint64 jsonInteger(const QJsonValue &value, qint64 fallback)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        const QString text = value.toString().trimmed();
        const qint64 whole = text.toLongLong(&ok);
        if (ok)
            return whole;
        number = text.toDouble(&ok);
        if (!ok)
            return fallback;
    } else {
        return fallback;
    }
    // 2^63 is exactly representable as a double; anything at or beyond it is out of range.
    constexpr double limit = 9223372036854775808.0;
    if (!std::isfinite(number) || number >= limit || number < -limit)
        return fallback;
    return qint64(std::trunc(number));
}

} // namespace JobDeck
