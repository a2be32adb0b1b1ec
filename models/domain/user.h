// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
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
    QJsonObject raw;

    static User fromJson(JsonReader& reader);
    bool isEmpty() const { return raw.isEmpty(); }
    // "Sam Kim <sam@example.com>", or whichever part is known.
    QString displayName() const;
    bool operator==(const User&) const = default;
};
