#pragma once

#include "session/session.h"

#include <QIcon>
#include <QPalette>

namespace JobDeck {

// A connection's state as a shape as well as a colour (a ring while connecting, a filled
// disc when ready, a cross when it failed, an empty ring when idle), so it reads for
// colour-blind users and in dark mode; drawn, so it needs no icon theme.
QIcon connectionStateIcon(Session::State state, const QPalette &palette);
QString connectionStateText(Session::State state);

} // namespace JobDeck
