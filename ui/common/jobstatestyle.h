#pragma once

#include "jobs/jobstate.h"

#include <QColor>
#include <QIcon>

class QPainter;
class QPalette;
class QRectF;

namespace JobDeck {

// How a job state looks wherever it is shown (job list, filter bar, timeline, notifications):
// a shape of its own per state, so it reads without colour, and a colour from the Okabe-Ito
// set (told apart with the common colour-vision deficiencies), lighter on dark palettes.
namespace JobStateStyle {

// The state's colour against `palette`'s base (a lighter tone when the base is dark).
QColor color(JobState state, const QPalette &palette);
// Draws the state's symbol filling `rect` (a square works best).
void paint(QPainter *painter, const QRectF &rect, JobState state, const QPalette &palette);
// The symbol as an icon, drawn at the sizes views ask for.
QIcon icon(JobState state, const QPalette &palette);
// True when the palette's base is dark.
bool isDark(const QPalette &palette);

} // namespace JobStateStyle
} // namespace JobDeck
