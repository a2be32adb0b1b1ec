// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

struct Cluster;

// How a cluster is named wherever something else points at it ("Queue in 🚀 Linux fleet", the
// cluster row of a dialog, the navigation tree): its emoji rendered from the shortcode, a space,
// then its name. A cluster without a name shows its id, so the text never ends up empty or as a
// lone emoji. Unknown shortcodes (Buildkite's logo emoji) stay as text, as Emoji::render leaves
// them. Plain text: set it on labels with Qt::PlainText.
QString clusterTitle(const Cluster& cluster);
// The same from the parts, for item delegates that read them from model roles.
QString clusterTitle(const QString& emojiShortcode, const QString& name, const QString& id = {});
