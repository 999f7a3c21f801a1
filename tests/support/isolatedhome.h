#pragma once

#include <QString>

namespace JobDeck::Test {

// The temporary folder that stands in for the user's home in this test process: settings,
// drafts and data go below it and it is removed at exit, so tests never touch the real
// user's files and never see each other's.
QString isolatedHome();

} // namespace JobDeck::Test
