// SPDX-License-Identifier: MIT
#include "ratelimit.h"

#include <QNetworkReply>

namespace {
// Counts and seconds beyond this are nonsense from a server (an epoch timestamp where seconds
// were meant, say); holding them at this bound keeps "far too long" true without letting sums
// like reset + 5 overflow an int.
constexpr qint64 maxHeaderValue = 1'000'000'000;

int headerInt(const QNetworkReply& reply, const char* name)
{
    const QByteArray value = reply.rawHeader(name).trimmed();
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok) {
        // Larger than 64 bits, but still a number: as far in the future as can be.
        bool digits = !value.isEmpty();
        for (const char c : value)
            digits = digits && c >= '0' && c <= '9';
        return digits ? int(maxHeaderValue) : -1;
    }
    return n < 0 ? -1 : int(qMin(n, maxHeaderValue));
}

RateLimitWindow window(const QNetworkReply& reply, const char* prefix)
{
    const QByteArray p(prefix);
    RateLimitWindow w;
    w.remaining = headerInt(reply, (p + "Remaining").constData());
    w.limit = headerInt(reply, (p + "Limit").constData());
    w.resetSeconds = headerInt(reply, (p + "Reset").constData());
    return w;
}
} // namespace

RateLimitStatus RateLimitStatus::fromReply(const QNetworkReply& reply)
{
    RateLimitStatus s;
    s.organization = window(reply, "RateLimit-");
    s.user = window(reply, "RateLimit-User-");
    s.observedAt = QDateTime::currentDateTimeUtc();
    return s;
}

RateLimitWindow RateLimitStatus::tightest() const
{
    if (!user.isKnown())
        return organization;
    if (!organization.isKnown())
        return user;
    return user.remaining <= organization.remaining ? user : organization;
}
