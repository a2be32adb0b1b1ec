// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Standard emoji shortcodes (":technologist:") to Unicode emoji, from a table generated from
// emoji-datasource (resources/emoji). Buildkite's logo emoji are deliberately absent and stay text.
namespace Emoji {
// Replaces every known ":name:" in text with its emoji; unknown codes and stray colons stay as
// they are. The escaped form in Buildkite's docs, "\:name\:", is accepted too. Returns text itself
// (shared, no allocation) when nothing is replaced, so it is cheap enough for a delegate's paint.
QString render(const QString& text);
// The emoji for "technologist" (no colons), or a null QString if the shortcode is unknown.
QString lookup(const QString& shortcodeWithoutColons);
} // namespace Emoji
