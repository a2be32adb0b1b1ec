// SPDX-License-Identifier: MIT
#include "tone.h"

namespace Tones {

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = qBound(0.0, amountOfB, 1.0);
    return QColor::fromRgbF(float(a.redF() * (1 - k) + b.redF() * k),
        float(a.greenF() * (1 - k) + b.greenF() * k), float(a.blueF() * (1 - k) + b.blueF() * k));
}

ToneColors filled(Tone tone, const QPalette& palette)
{
    const QColor white(0xff, 0xff, 0xff);
    switch (tone) {
    case Tone::Neutral: {
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::WindowText);
        return { mix(window, text, 0.10), text, mix(window, text, 0.22) };
    }
    case Tone::Info:
        return { QColor(0x1f, 0x5f, 0xad), white, QColor(0x17, 0x48, 0x84) };
    case Tone::Success:
        return { QColor(0x1a, 0x7f, 0x37), white, QColor(0x13, 0x60, 0x29) };
    case Tone::Warning:
        // Amber with near-black text (about 10:1): the "paused" colour, loud on either theme.
        return { QColor(0xff, 0xc5, 0x3d), QColor(0x2b, 0x1d, 0x00), QColor(0xc9, 0x8a, 0x00) };
    case Tone::Danger:
        return { QColor(0xb4, 0x23, 0x18), white, QColor(0x8a, 0x1a, 0x12) };
    }
    return { palette.color(QPalette::Window), palette.color(QPalette::WindowText), {} };
}

QColor text(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Neutral:
        return palette.color(QPalette::WindowText);
    case Tone::Info:
        return dark ? QColor(0x8c, 0xbd, 0xff) : QColor(0x1f, 0x5f, 0xad);
    case Tone::Success:
        return dark ? QColor(0x6b, 0xd6, 0x88) : QColor(0x18, 0x74, 0x2f);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc5, 0x3d) : QColor(0x8a, 0x53, 0x00);
    case Tone::Danger:
        return dark ? QColor(0xff, 0x8f, 0x85) : QColor(0xb4, 0x23, 0x18);
    }
    return palette.color(QPalette::WindowText);
}

} // namespace Tones
