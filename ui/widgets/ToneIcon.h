#pragma once

#include <QColor>
#include <QPixmap>

namespace difusor::ui {

// How a state reads at a glance, shared by views that mix areas (the "Resumen" night view). Each tone
// has its own icon shape as well as its own colour, so it never rests on colour alone, and a word
// always goes with it:
//   Ok       green, disc with a check         Pending  blue, disc with three dots ("in progress")
//   Notice   teal, disc with an "i"           Warning  amber, triangle with "!"
//   Alarm    red, octagon with a cross        Unknown  violet, disc with "?"
//   Idle     grey, hollow ring with a dash (nothing to judge: not connected, no access log)
// The connection icons (StateIcon) use the same shapes for the same meanings.
enum class Tone { Idle, Ok, Pending, Unknown, Notice, Warning, Alarm };

// Worse first: Alarm > Warning > Notice > Unknown > Pending > Idle > Ok (what deserves a look wins).
int toneRank(Tone tone);
QColor toneColor(Tone tone);
// The colour to write on a tile filled with toneColor() (dark on amber, white elsewhere: at least
// 4.5:1 everywhere).
QColor toneTextColor(Tone tone);
// plated: the shape drawn in white with its glyph in the tone's colour, for use on a tile filled with
// toneColor(); otherwise drawn in the tone's colour on a transparent background.
QPixmap toneIcon(Tone tone, int size = 16, bool plated = false);

} // namespace difusor::ui
