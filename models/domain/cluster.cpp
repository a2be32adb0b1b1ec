// SPDX-License-Identifier: MIT
#include "cluster.h"

#include "json.h"

namespace {
QList<Maintainer> readMaintainers(JsonReader& r)
{
    QList<Maintainer> out;
    const auto object = r.object(QLatin1StringView("maintainers"));
    if (!object)
        return out;
    JsonReader m = r.child(*object, QStringLiteral("maintainers"));
    const struct {
        const char* key;
        Maintainer::Kind kind;
    } groups[] = { { "users", Maintainer::Kind::User }, { "teams", Maintainer::Kind::Team } };
    for (const auto& group : groups) {
        const QJsonArray items = m.array(QLatin1StringView(group.key));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(group.key)).arg(i);
            if (!items.at(i).isObject()) {
                m.fail(QLatin1StringView(group.key), QStringLiteral("objects"), items.at(i));
                continue;
            }
            JsonReader item = m.child(items.at(i).toObject(), path);
            Maintainer maintainer;
            maintainer.kind = group.kind;
            maintainer.id = item.string(QLatin1StringView("id"));
            if (const auto actor = item.object(QLatin1StringView("actor"))) {
                JsonReader a = item.child(*actor, QStringLiteral("actor"));
                maintainer.actorId = a.string(QLatin1StringView("id"));
                maintainer.name = a.string(QLatin1StringView("name"));
                maintainer.email = a.string(QLatin1StringView("email"));
                maintainer.slug = a.string(QLatin1StringView("slug"));
                item.adopt(a);
            }
            m.adopt(item);
            out.append(maintainer);
        }
    }
    r.adopt(m);
    return out;
}
} // namespace

Cluster Cluster::fromJson(JsonReader& r)
{
    Cluster c;
    c.id = r.string(QLatin1StringView("id"));
    c.graphqlId = r.string(QLatin1StringView("graphql_id"));
    c.defaultQueueId = r.string(QLatin1StringView("default_queue_id"));
    c.name = r.string(QLatin1StringView("name"));
    c.description = r.string(QLatin1StringView("description"));
    c.emoji = r.string(QLatin1StringView("emoji"));
    c.color = r.string(QLatin1StringView("color"));
    c.url = r.string(QLatin1StringView("url"));
    c.webUrl = r.string(QLatin1StringView("web_url"));
    c.queuesUrl = r.string(QLatin1StringView("queues_url"));
    c.defaultQueueUrl = r.string(QLatin1StringView("default_queue_url"));
    c.createdAt = r.timestamp(QLatin1StringView("created_at"));
    if (const auto by = r.object(QLatin1StringView("created_by"))) {
        JsonReader u = r.child(*by, QStringLiteral("created_by"));
        c.createdBy = User::fromJson(u);
        r.adopt(u);
    }
    c.maintainers = readMaintainers(r);
    return c;
}
