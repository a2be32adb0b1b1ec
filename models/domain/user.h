// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

class JsonReader;

// A Buildkite user as embedded in other objects (created_by, dispatch_paused_by).
struct User {
    QString id;
    QString graphqlId;
    QString name;
    QString email;
    QString avatarUrl;
    QDateTime createdAt;

    static User fromJson(JsonReader& reader);
    // Nothing known: an object the API sent empty, or none at all.
    bool isEmpty() const
    {
        return id.isEmpty() && graphqlId.isEmpty() && name.isEmpty() && email.isEmpty()
            && avatarUrl.isEmpty() && !createdAt.isValid();
    }
    // "Sam Kim <sam@example.com>", or whichever part is known.
    QString displayName() const;
    bool operator==(const User&) const = default;
};
