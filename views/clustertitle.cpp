// SPDX-License-Identifier: MIT
#include "clustertitle.h"

#include "domain/cluster.h"
#include "emoji.h"

QString clusterTitle(const Cluster& cluster)
{
    return clusterTitle(cluster.emoji, cluster.name, cluster.id);
}

QString clusterTitle(const QString& emojiShortcode, const QString& name, const QString& id)
{
    // The API keeps whatever was typed: " :rocket: " must not leave stray spaces in a heading.
    const QString trimmedName = name.trimmed();
    const QString shown = trimmedName.isEmpty() ? id.trimmed() : trimmedName;
    const QString emoji = Emoji::render(emojiShortcode.trimmed());
    if (emoji.isEmpty())
        return shown;
    if (shown.isEmpty())
        return emoji;
    return emoji + QLatin1Char(' ') + shown;
}
