// SPDX-License-Identifier: MIT
#include "clusterrequests.h"

#include "parsing.h"

namespace {
void put(QJsonObject& body, const char* key, const std::optional<QString>& value)
{
    if (value)
        body.insert(QLatin1StringView(key), *value);
}
} // namespace

QJsonObject ClusterInput::toJson() const
{
    QJsonObject body;
    put(body, "name", name);
    put(body, "description", description);
    put(body, "emoji", emoji);
    put(body, "color", color);
    put(body, "default_queue_id", defaultQueueId);
    return body;
}

ApiRequest ListClusters::toApiRequest() const
{
    return { "GET", ApiRequest::organizationPath(org, { QStringLiteral("clusters") }), {}, {},
        true };
}

Result<QList<Cluster>> ListClusters::parse(const QJsonDocument& doc) const
{
    return Parsing::list<Cluster>(doc, QStringLiteral("clusters"), Parsing::nothing);
}

ApiRequest GetCluster::toApiRequest() const
{
    return { "GET", ApiRequest::organizationPath(org, { QStringLiteral("clusters"), id }) };
}

Result<Cluster> GetCluster::parse(const QJsonDocument& doc) const
{
    return Parsing::object<Cluster>(doc, QStringLiteral("cluster"), Parsing::nothing);
}

ApiRequest CreateCluster::toApiRequest() const
{
    ClusterInput fields = input;
    fields.defaultQueueId.reset(); // not a create parameter
    return { "POST", ApiRequest::organizationPath(org, { QStringLiteral("clusters") }), {},
        fields.toJson() };
}

Result<Cluster> CreateCluster::parse(const QJsonDocument& doc) const
{
    return Parsing::object<Cluster>(doc, QStringLiteral("cluster"), Parsing::nothing);
}

ApiRequest UpdateCluster::toApiRequest() const
{
    return { "PATCH", ApiRequest::organizationPath(org, { QStringLiteral("clusters"), id }), {},
        input.toJson() };
}

Result<Cluster> UpdateCluster::parse(const QJsonDocument& doc) const
{
    return Parsing::object<Cluster>(doc, QStringLiteral("cluster"), Parsing::nothing);
}

ApiRequest DeleteCluster::toApiRequest() const
{
    return { "DELETE", ApiRequest::organizationPath(org, { QStringLiteral("clusters"), id }) };
}

Result<NoContent> DeleteCluster::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}
