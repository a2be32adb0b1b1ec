// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QStringList>

class JsonReader;

// The API access token in use, from GET /v2/access-token.
struct AccessToken {
    QString uuid;
    QStringList scopes;
    QString description;
    QDateTime createdAt;
    QDateTime expiresAt; // invalid: never expires
    QString userName;
    QString userEmail;

    static AccessToken fromJson(JsonReader& reader);
    bool hasScope(const QString& scope) const { return scopes.contains(scope); }
    bool canRead() const { return hasScope(QStringLiteral("read_clusters")); }
    bool canWrite() const { return hasScope(QStringLiteral("write_clusters")); }
    bool operator==(const AccessToken&) const = default;
};
