// SPDX-License-Identifier: MIT
#pragma once

#include "sandboxresponse.h"

#include <QHash>
#include <QString>

#include <optional>

// Buildkite's two REST rate windows of 60 s: one for the whole organisation, one per user
// behind a token. Every request counts in both (refused ones too, as Buildkite's "current"
// shows) and every response reports both. Enforcement is optional: off, the headers still
// count down from the default limits but nothing is refused.
class SandboxRateLimiter final {
public:
    static constexpr int defaultOrganizationLimit = 200;
    static constexpr int defaultUserLimit = 50;
    static constexpr qint64 windowMs = 60 * 1000;

    // Both limits > 0 turns enforcement on with them; anything else turns it off. Restarts
    // every window.
    void setLimits(int organizationPerMinute, int userPerMinute);
    bool isEnforced() const { return m_enforced; }
    int organizationLimit() const { return m_organizationLimit; }
    int userLimit() const { return m_userLimit; }

    void count(const QString& userKey, qint64 nowMs);
    // Buildkite's 429 when enforcement is on and a window is over its limit (the
    // organisation's first: while it is spent, nobody gets through).
    std::optional<SandboxResponse> refusal(const QString& userKey, qint64 nowMs) const;
    void addHeaders(SandboxResponse& response, const QString& userKey, qint64 nowMs) const;

private:
    struct Window {
        qint64 startedMs = -1;
        int count = 0;
    };
    static void countIn(Window& window, qint64 nowMs);
    static int resetSeconds(const Window& window, qint64 nowMs);

    bool m_enforced = false;
    int m_organizationLimit = defaultOrganizationLimit;
    int m_userLimit = defaultUserLimit;
    Window m_organization;
    QHash<QString, Window> m_users;
};
