// SPDX-License-Identifier: MIT
#include "sandboxfixture.h"

SandboxFixture::SandboxFixture(Seed seed, Access access)
    : m_client(&m_network)
    , m_access(access)
{
    if (seed == Seed::Demo)
        m_server.seedDemo();
    // An enterprise limit: a reload of the demo (67 requests) fits one window, so tests need not
    // wait for a reset. Tests of the budget set Buildkite's 50 themselves.
    m_server.setRateLimit(1000);
}

bool SandboxFixture::start()
{
    if (!m_server.listen())
        return false;
    if (const ApiError error = m_client.setBaseUrl(m_server.baseUrl())) {
        qWarning("sandbox fixture: %s", qPrintable(error.toString()));
        return false;
    }
    m_client.setToken(token());
    return true;
}

QString SandboxFixture::token() const
{
    return m_access == Access::ReadWrite ? m_server.readWriteToken() : m_server.readOnlyToken();
}

QString SandboxFixture::addToken(
    const QStringList& scopes, const QString& description, const QDateTime& expiresAt)
{
    return m_server.addApiToken(scopes, description, expiresAt);
}

QString SandboxFixture::ownerText() { return QStringLiteral("Sam Kim <sam.kim@example.com>"); }

QString SandboxFixture::unauthorizedMessage()
{
    return QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                          "https://buildkite.com/docs/apis/rest-api#authentication");
}

int SandboxFixture::requestCount(const QString& path) const
{
    int n = 0;
    for (const SandboxServer::RecordedRequest& r : m_server.requests()) {
        if (path.isEmpty() || r.path == path)
            ++n;
    }
    return n;
}

QStringList SandboxFixture::authorizations(const QString& path) const
{
    QStringList seen;
    for (const SandboxServer::RecordedRequest& r : m_server.requests()) {
        if (path.isEmpty() || r.path == path)
            seen.append(QString::fromUtf8(r.authorization));
    }
    return seen;
}
