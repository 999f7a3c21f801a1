#pragma once

#include <QString>

namespace JobDeck::BuildInfo {

// JobDeck's own version, e.g. "0.1.0".
QString version();
// Qt's version at run time, and the one JobDeck was built against when they differ.
QString qtVersion();

// Names the three programs share, so settings and data land in the same folders.
inline constexpr char OrganizationName[] = "JobDeck";
inline constexpr char ApplicationName[] = "JobDeck";

} // namespace JobDeck::BuildInfo
