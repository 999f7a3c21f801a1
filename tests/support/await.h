#pragma once

#include "async/pending.h"

#include <QObject>
#include <QTest>

#include <optional>

// Waits for a pending backend call while the event loop runs (a simulator or server in the
// same process answers from it), then names its result `var`; fails the test when the call
// does not finish within a minute.
#define AWAIT(var, expr)                                                                                     \
    std::optional<std::remove_reference_t<decltype((expr)->result())>> var##_holder;                         \
    {                                                                                                        \
        auto *var##_call = (expr);                                                                           \
        QObject var##_context;                                                                               \
        JobDeck::onFinished(var##_call, &var##_context, [&](const auto &r) { var##_holder.emplace(r); });    \
        QTRY_VERIFY_WITH_TIMEOUT(var##_holder.has_value(), 60000);                                           \
    }                                                                                                        \
    const auto &var = *var##_holder;
