// SPDX-License-Identifier: MIT
#include "agenttoken.h"

#include "json.h"

AgentToken AgentToken::fromJson(JsonReader& r)
{
    AgentToken t;
    t.id = r.string(QLatin1StringView("id"));
    t.graphqlId = r.string(QLatin1StringView("graphql_id"));
    t.description = r.string(QLatin1StringView("description"));
    t.url = r.string(QLatin1StringView("url"));
    t.clusterUrl = r.string(QLatin1StringView("cluster_url"));
    t.createdAt = r.timestamp(QLatin1StringView("created_at"));
    if (const auto by = r.object(QLatin1StringView("created_by"))) {
        JsonReader u = r.child(*by, QStringLiteral("created_by"));
        t.createdBy = User::fromJson(u);
        r.adopt(u);
    }
    t.allowedIpAddresses = r.string(QLatin1StringView("allowed_ip_addresses")).simplified();
    t.expiresAt = r.timestamp(QLatin1StringView("expires_at"));
    return t;
}

QStringList AgentToken::allowedIpList() const
{
    return allowedIpAddresses.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
