// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"

// When the next automatic refresh should run. A whole-organisation refresh costs
// OrganizationSession::requestsPerRefresh() requests of the user's 50/min budget, so the
// interval stretches when the budget runs low, and no refresh runs while the window is
// minimised.
class AutoRefreshPolicy final {
public:
    explicit AutoRefreshPolicy(int baseIntervalSeconds = 60)
        : m_baseSeconds(baseIntervalSeconds)
    {
    }

    void setBaseInterval(int seconds) { m_baseSeconds = seconds; }
    int baseInterval() const { return m_baseSeconds; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void setMinimised(bool minimised) { m_minimised = minimised; }
    bool isMinimised() const { return m_minimised; }
    void setRateLimit(const RateLimitStatus& status) { m_rateLimit = status; }
    // Requests one refresh costs, to judge whether the remaining budget covers it.
    void setRefreshCost(int requests) { m_refreshCost = requests; }

    // Whether automatic refreshes should run at all now.
    bool shouldRun() const { return m_enabled && !m_minimised && m_baseSeconds > 0; }
    // Seconds until the next refresh: the base interval, stretched when the rate-limit budget
    // is low, and never before the window resets if the budget can't pay for one refresh.
    int intervalSeconds() const;
    // Whether the interval is currently stretched because of the rate limit.
    bool isSlowedDown() const { return intervalSeconds() > m_baseSeconds; }

private:
    int m_baseSeconds;
    bool m_enabled = true;
    bool m_minimised = false;
    int m_refreshCost = 1;
    RateLimitStatus m_rateLimit;
};
