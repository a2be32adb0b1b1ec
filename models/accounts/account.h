// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrl>

// One Buildkite organisation reached with one API token. Only metadata: the token itself lives
// in a SecretStore under the account id, never in this value.
struct Account {
    QString id; // a UUID, fixed for the account's life; the keychain entry is named after it
    QString name; // shown in the switcher; unique among the accounts
    QString organization; // the organisation slug
    QUrl apiUrl; // https://api.buildkite.com, a proxy, or the sandbox
    // What the last token check said, so the switcher can flag an expiring token offline.
    QDateTime tokenExpiresAt; // invalid: never expires (or unknown)
    QStringList scopes;

    static QUrl defaultApiUrl();
    // A new account with a fresh id; an empty name becomes the organisation slug.
    static Account create(const QString& name, const QString& organization, const QUrl& apiUrl);

    bool isValid() const { return !id.isEmpty() && !organization.isEmpty(); }
    bool usesDefaultApi() const { return apiUrl == defaultApiUrl(); }
    bool operator==(const Account&) const = default;
};
