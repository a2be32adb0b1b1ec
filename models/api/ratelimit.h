// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

class QNetworkReply;

// One rate-limit window as reported by the RateLimit-* (organisation) or RateLimit-User-*
// headers. reset is seconds until the window resets, not a timestamp. -1 means not sent (or not
// a number); values beyond 10^9 are held at 10^9.
struct RateLimitWindow {
    int remaining = -1;
    int limit = -1;
    int resetSeconds = -1;
    bool isKnown() const { return limit >= 0; }
    bool operator==(const RateLimitWindow&) const = default;
};

struct RateLimitStatus {
    RateLimitWindow organization;
    RateLimitWindow user;
    QDateTime observedAt;

    bool isKnown() const { return organization.isKnown() || user.isKnown(); }
    // The tighter of the two windows, for the status bar and refresh pacing.
    RateLimitWindow tightest() const;
    static RateLimitStatus fromReply(const QNetworkReply& reply);
};
