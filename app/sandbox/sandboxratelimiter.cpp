// SPDX-License-Identifier: MIT
#include "sandboxratelimiter.h"

#include <QJsonObject>

void SandboxRateLimiter::setLimits(int organizationPerMinute, int userPerMinute)
{
    m_enforced = organizationPerMinute > 0 && userPerMinute > 0;
    m_organizationLimit = m_enforced ? organizationPerMinute : defaultOrganizationLimit;
    m_userLimit = m_enforced ? userPerMinute : defaultUserLimit;
    m_organization = {};
    m_users.clear();
}

void SandboxRateLimiter::count(const QString& userKey, qint64 nowMs)
{
    countIn(m_organization, nowMs);
    countIn(m_users[userKey], nowMs);
}

std::optional<SandboxResponse> SandboxRateLimiter::refusal(
    const QString& userKey, qint64 nowMs) const
{
    if (!m_enforced)
        return std::nullopt;
    const Window user = m_users.value(userKey);
    const bool organizationSpent = m_organization.count > m_organizationLimit;
    if (!organizationSpent && user.count <= m_userLimit)
        return std::nullopt;
    const Window& window = organizationSpent ? m_organization : user;
    const int reset = resetSeconds(window, nowMs);
    return SandboxResponse::json(429,
        QJsonObject {
            { QStringLiteral("message"),
                QStringLiteral("You have exceeded your API rate limit. Please wait %1 seconds "
                               "before making more requests.")
                    .arg(reset) },
            { QStringLiteral("scope"),
                organizationSpent ? QStringLiteral("rest") : QStringLiteral("rest_user") },
            { QStringLiteral("limit"), organizationSpent ? m_organizationLimit : m_userLimit },
            { QStringLiteral("current"), window.count },
            { QStringLiteral("reset"), reset },
        });
}

void SandboxRateLimiter::addHeaders(
    SandboxResponse& response, const QString& userKey, qint64 nowMs) const
{
    const Window user = m_users.value(userKey);
    response.setHeader("RateLimit-Remaining",
        QByteArray::number(qMax(0, m_organizationLimit - m_organization.count)));
    response.setHeader("RateLimit-Limit", QByteArray::number(m_organizationLimit));
    response.setHeader("RateLimit-Reset", QByteArray::number(resetSeconds(m_organization, nowMs)));
    response.setHeader(
        "RateLimit-User-Remaining", QByteArray::number(qMax(0, m_userLimit - user.count)));
    response.setHeader("RateLimit-User-Limit", QByteArray::number(m_userLimit));
    response.setHeader("RateLimit-User-Reset", QByteArray::number(resetSeconds(user, nowMs)));
}

void SandboxRateLimiter::countIn(Window& window, qint64 nowMs)
{
    if (window.startedMs < 0 || nowMs - window.startedMs >= windowMs) {
        window.startedMs = nowMs;
        window.count = 0;
    }
    ++window.count;
}

int SandboxRateLimiter::resetSeconds(const Window& window, qint64 nowMs)
{
    if (window.startedMs < 0)
        return int(windowMs / 1000);
    const qint64 left = qMax<qint64>(0, window.startedMs + windowMs - nowMs);
    return int(qMax<qint64>(1, (left + 999) / 1000));
}
