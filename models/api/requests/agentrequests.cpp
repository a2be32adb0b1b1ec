// SPDX-License-Identifier: MIT
#include "agentrequests.h"

#include "parsing.h"

namespace {
QString agentsPath(const QString& org)
{
    return ApiRequest::organizationPath(org, { QStringLiteral("agents") });
}

QString agentPath(const QString& org, const QString& id, const char* action = nullptr)
{
    QString path = agentsPath(org) + QLatin1Char('/') + ApiRequest::segment(id);
    if (action)
        path += QLatin1Char('/') + QLatin1String(action);
    return path;
}
} // namespace

ApiRequest ListAgents::toApiRequest() const
{
    QUrlQuery query;
    const std::pair<const char*, const QString*> filters[] = {
        { "name", &filter.name },
        { "hostname", &filter.hostname },
        { "version", &filter.version },
        { "cluster_queue_id", &filter.clusterQueueId },
    };
    for (const auto& [key, value] : filters) {
        if (!value->isEmpty())
            query.addQueryItem(
                QLatin1String(key), QString::fromLatin1(QUrl::toPercentEncoding(*value)));
    }
    return { "GET", agentsPath(org), query, {}, true };
}

Result<QList<Agent>> ListAgents::parse(const QJsonDocument& doc) const
{
    return Parsing::list<Agent>(doc, QStringLiteral("agents"), [this](Agent& a) {
        if (a.queueId.isEmpty())
            a.queueId = filter.clusterQueueId;
    });
}

ApiRequest GetAgent::toApiRequest() const { return { "GET", agentPath(org, id) }; }

Result<Agent> GetAgent::parse(const QJsonDocument& doc) const
{
    return Parsing::object<Agent>(doc, QStringLiteral("agent"), Parsing::nothing);
}

ApiRequest PauseAgent::toApiRequest() const
{
    QJsonObject body;
    if (!note.isEmpty())
        body.insert(QLatin1StringView("note"), note);
    if (timeoutMinutes)
        body.insert(QLatin1StringView("timeout_in_minutes"), *timeoutMinutes);
    return { "PUT", agentPath(org, id, "pause"), {}, body };
}

Result<NoContent> PauseAgent::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}

ApiRequest ResumeAgent::toApiRequest() const
{
    return { "PUT", agentPath(org, id, "resume"), {}, QJsonObject {} };
}

Result<NoContent> ResumeAgent::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}

ApiRequest StopAgent::toApiRequest() const
{
    return { "PUT", agentPath(org, id, "stop"), {},
        QJsonObject { { QLatin1StringView("force"), force } } };
}

Result<NoContent> StopAgent::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}
