// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QHttpServer>
#include <QJsonObject>
#include <QUrl>

// GET /v2/access-token on a loopback port and nothing else: enough to sign in against without
// the sandbox, with tokens, scopes and expiry dates chosen by each test.
class FakeAccessTokenServer final {
public:
    FakeAccessTokenServer();

    // Starts listening; false when no port could be had.
    bool listen();
    QUrl baseUrl() const { return m_baseUrl; }

    // token is accepted from now on and described as given.
    void addToken(const QString& token, const QStringList& scopes, const QDateTime& expiresAt = {},
        const QString& description = QStringLiteral("Kitedeck"));
    void revoke(const QString& token) { m_tokens.remove(token); }
    int requestCount() const { return m_requests; }
    // The Authorization headers seen, in order (to check which token was sent).
    QStringList authorizations() const { return m_authorizations; }

    static QString unauthorizedMessage();

private:
    QHttpServer m_server;
    QUrl m_baseUrl;
    QHash<QString, QJsonObject> m_tokens;
    QStringList m_authorizations;
    int m_requests = 0;
};
