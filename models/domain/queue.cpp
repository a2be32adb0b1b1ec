// SPDX-License-Identifier: MIT
#include "queue.h"

#include "json.h"

Queue Queue::fromJson(JsonReader& r)
{
    Queue q;
    q.id = r.string(QLatin1StringView("id"));
    q.graphqlId = r.string(QLatin1StringView("graphql_id"));
    q.key = r.string(QLatin1StringView("key"));
    q.description = r.string(QLatin1StringView("description"));
    q.url = r.string(QLatin1StringView("url"));
    q.webUrl = r.string(QLatin1StringView("web_url"));
    q.clusterUrl = r.string(QLatin1StringView("cluster_url"));
    q.dispatchPaused = r.boolean(QLatin1StringView("dispatch_paused"));
    if (const auto by = r.object(QLatin1StringView("dispatch_paused_by"))) {
        JsonReader u = r.child(*by, QStringLiteral("dispatch_paused_by"));
        q.dispatchPausedBy = User::fromJson(u);
        r.adopt(u);
    }
    q.dispatchPausedAt = r.timestamp(QLatin1StringView("dispatch_paused_at"));
    q.dispatchPausedNote = r.string(QLatin1StringView("dispatch_paused_note"));
    q.createdAt = r.timestamp(QLatin1StringView("created_at"));
    if (const auto by = r.object(QLatin1StringView("created_by"))) {
        JsonReader u = r.child(*by, QStringLiteral("created_by"));
        q.createdBy = User::fromJson(u);
        r.adopt(u);
    }
    q.retryAgentAffinity = r.optionalString(QLatin1StringView("retry_agent_affinity"))
                               .value_or(QStringLiteral("prefer-warmest"));
    q.hosted = r.boolean(QLatin1StringView("hosted"));
    if (const auto agents = r.object(QLatin1StringView("hosted_agents"))) {
        JsonReader a = r.child(*agents, QStringLiteral("hosted_agents"));
        if (const auto shape = a.object(QLatin1StringView("instance_shape"))) {
            JsonReader s = a.child(*shape, QStringLiteral("instance_shape"));
            const QString name = s.string(QLatin1StringView("name"));
            InstanceShape known = InstanceShape::find(name);
            InstanceShape reported;
            reported.name = name;
            reported.machineType
                = s.optionalString(QLatin1StringView("machine_type")).value_or(known.machineType);
            reported.architecture
                = s.optionalString(QLatin1StringView("architecture")).value_or(known.architecture);
            reported.cpu = int(s.integer(QLatin1StringView("cpu")).value_or(known.cpu));
            reported.memoryGb
                = int(s.integer(QLatin1StringView("memory")).value_or(known.memoryGb));
            reported.size = known.size;
            reported.removed = known.removed;
            reported.diskGb = known.diskGb;
            q.instanceShape = reported;
            a.adopt(s);
        }
        if (const auto platform = a.object(QLatin1StringView("platform_settings"))) {
            JsonReader p = a.child(*platform, QStringLiteral("platform_settings"));
            if (const auto linuxSettings = p.object(QLatin1StringView("linux"))) {
                JsonReader l = p.child(*linuxSettings, QStringLiteral("linux"));
                q.agentImageRef = l.string(QLatin1StringView("agent_image_ref")).trimmed();
                p.adopt(l);
            }
            a.adopt(p);
        }
        r.adopt(a);
    }
    return q;
}
