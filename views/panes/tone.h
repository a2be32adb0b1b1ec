// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>

// Status colours shared by badges, banners and inline hints.
enum class Tone {
    Neutral,
    Info,
    Success,
    Warning,
    Danger
};

struct ToneColors {
    QColor background;
    QColor foreground;
    QColor border;
};

namespace Tones {
// Filled surfaces (badges, banners). The coloured tones pair a fixed background with a fixed text
// colour at 5:1 contrast or more between them, so a badge reads the same on a light or a dark
// window; the neutral tone is mixed from the palette so it follows the theme.
ToneColors filled(Tone tone, const QPalette& palette);
// Text drawn straight on the window (inline hints): a dark shade on light windows and a light
// shade on dark ones, so it keeps its contrast in both.
QColor text(Tone tone, const QPalette& palette);
bool isDark(const QPalette& palette);
QColor mix(const QColor& a, const QColor& b, qreal amountOfB);
} // namespace Tones
