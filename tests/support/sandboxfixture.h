// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclient.h"
#include "sandboxserver.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QStringList>
#include <QUrl>

// The in-process sandbox every integration test talks to: a SandboxServer on loopback, seeded,
// and an ApiClient pointed at it with one of its tokens. It also stands in for a bare
// GET /v2/access-token server: addToken() mints tokens with the scopes, expiry and description a
// test needs, and authorizations() says which token was sent.
//
//     SandboxFixture sandbox;               // demo organisation, read-write token
//     QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
//     sandbox.client().call(...);
class SandboxFixture final {
public:
    enum class Seed {
        Demo, // the demo organisation (seedDemo)
        Empty, // no clusters: the API tokens and users only
    };
    enum class Access {
        ReadWrite,
        ReadOnly,
    };

    explicit SandboxFixture(Seed seed = Seed::Demo, Access access = Access::ReadWrite);
    SandboxFixture(const SandboxFixture&) = delete;
    SandboxFixture& operator=(const SandboxFixture&) = delete;

    // Listens on a free loopback port and points the client at it. False (see errorString())
    // when no port could be had.
    bool start();
    QString errorString() const { return m_server.errorString(); }

    SandboxServer& server() { return m_server; }
    QNetworkAccessManager& network() { return m_network; }
    ApiClient& client() { return m_client; }

    QUrl baseUrl() const { return m_server.baseUrl(); }
    QString organization() const { return m_server.organization(); }
    // The token the client was given.
    QString token() const;

    // A new API access token of the sandbox's primary user; its value. expiresAt invalid: never.
    QString addToken(const QStringList& scopes,
        const QString& description = QStringLiteral("Kitedeck"), const QDateTime& expiresAt = {});
    // Who owns addToken()'s tokens, as TokenCheck::ownerText() shows it.
    static QString ownerText();
    // Buildkite's 401 message, which the sandbox sends for a missing, unknown or expired token.
    static QString unauthorizedMessage();

    // Requests received (optionally only those whose path is path), and their Authorization
    // headers in order.
    int requestCount(const QString& path = {}) const;
    QStringList authorizations(const QString& path = {}) const;

private:
    SandboxServer m_server;
    QNetworkAccessManager m_network;
    ApiClient m_client;
    Access m_access;
};
