#pragma once

#include <QJsonValue>

namespace JobDeck {

// A JSON number or numeric string as a whole number: 1.7e44, NaN, "abc" or a value of
// another type give `fallback` instead of undefined behaviour (casting an out-of-range
// double to an integer is UB, and servers send ids and times as either numbers or strings).
// Fractions are cut off towards zero.
qint64 jsonInteger(const QJsonValue &value, qint64 fallback = 0);

} // namespace JobDeck
