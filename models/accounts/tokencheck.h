// SPDX-License-Identifier: MIT
#pragma once

#include "domain/accesstoken.h"
#include "domain/tokenexpiry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

// What a token from GET /v2/access-token lets Kitedeck do, and how soon it stops working:
// the summary shown before a token is saved and the flag on an expiring account.
struct TokenCheck {
    Q_DECLARE_TR_FUNCTIONS(TokenCheck)
public:
    // TokenExpiry's states in the words of the account screens.
    enum class Expiry {
        Never, // expires_at is null
        Later,
        Soon, // within soonDays
        Expired,
    };

    // The shared threshold, named here for the account screens that quote it.
    static constexpr int soonDays = TokenExpiry::soonDays;

    AccessToken token;
    QStringList missingScopes; // of read_clusters and write_clusters, in that order
    Expiry expiry = Expiry::Never;

    static TokenCheck of(
        const AccessToken& token, const QDateTime& now = QDateTime::currentDateTimeUtc());
    static Expiry expiryOf(
        const QDateTime& expiresAt, const QDateTime& now = QDateTime::currentDateTimeUtc());

    bool canRead() const { return !missingScopes.contains(QStringLiteral("read_clusters")); }
    bool canWrite() const { return !missingScopes.contains(QStringLiteral("write_clusters")); }
    bool isComplete() const { return missingScopes.isEmpty(); }

    // "Jane Doe <jane@example.com>", or whichever half is known.
    QString ownerText() const;
    // Plain words on what the missing scopes stop; empty when nothing is missing.
    QString missingScopesText() const;
};
