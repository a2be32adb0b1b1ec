// SPDX-License-Identifier: MIT
#include "ratelimit.h"

#include <QNetworkReply>

namespace {
int headerInt(const QNetworkReply& reply, const char* name)
{
    const QByteArray value = reply.rawHeader(name).trimmed();
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok ? n : -1;
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
