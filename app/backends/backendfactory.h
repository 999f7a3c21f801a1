#pragma once

#include "backends/connectionprofile.h"

#include <QStringList>

#include <memory>

namespace JobDeck {

class Backend;

// The kinds JobDeck can talk to: "local", "linkis", ...
QStringList backendKinds();
// A backend for the profile, or null with `error` set when the kind is unknown.
std::unique_ptr<Backend> createBackend(const ConnectionProfile &profile, QString *error);

} // namespace JobDeck
