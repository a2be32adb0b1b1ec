// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

// Standard emoji shortcodes (":technologist:") to Unicode emoji, from a table generated from
// emoji-datasource (resources/emoji). Buildkite's logo emoji are deliberately absent and stay text.
namespace Emoji {
// Replaces every known ":name:" in text with its emoji; unknown codes and stray colons stay as
// they are. The escaped form in Buildkite's docs, "\:name\:", is accepted too. Returns text itself
// (shared, no allocation) when nothing is replaced, so it is cheap enough for a delegate's paint.
QString render(const QString& text);
// The emoji for "technologist" (no colons), or a null QString if the shortcode is unknown.
QString lookup(const QString& shortcodeWithoutColons);
// base with the system's colour emoji font first, when there is one: Qt 6.4 picks a fallback
// font per character without regard to U+FE0F, so an emoji that a text font also has
// (U+2601 cloud) would otherwise come out as a monochrome outline. Only for text that is all
// emoji (the navigation tree's emoji slot).
QFont font(const QFont& base);
// Draws text that is all emoji centred in rect, in font(base) and color, as drawText() would.
// What it draws is kept (QPixmapCache) and reused: laying out a colour emoji decodes its PNG
// glyph each time (Qt 6.4 measures such glyphs by loading them), which made a repaint of a
// tree full of cluster rows five times the cost of one of queue rows.
void draw(QPainter* painter, const QRect& rect, const QString& emoji, const QFont& base,
    const QColor& color);
} // namespace Emoji
