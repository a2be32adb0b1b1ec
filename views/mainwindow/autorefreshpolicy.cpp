// SPDX-License-Identifier: MIT
#include "autorefreshpolicy.h"

#include <QtGlobal>

int AutoRefreshPolicy::intervalSeconds() const
{
    const RateLimitWindow window
        = m_rateLimit.user.isKnown() ? m_rateLimit.user : m_rateLimit.organization;
    if (!window.isKnown() || window.limit <= 0)
        return m_baseSeconds;
    if (window.remaining < m_refreshCost)
        // Wait out the window (plus a margin) rather than meet a 429.
        return qMax(m_baseSeconds, window.resetSeconds + 5);
    const double share = double(window.remaining) / window.limit;
    if (share < 0.25)
        return m_baseSeconds * 4;
    if (share < 0.5)
        return m_baseSeconds * 2;
    return m_baseSeconds;
}
