// SPDX-License-Identifier: MIT
#include "queuerequests.h"

#include "parsing.h"

namespace {
QString queuesPath(const QString& org, const QString& clusterId)
{
    return ApiRequest::organizationPath(
        org, { QStringLiteral("clusters"), clusterId, QStringLiteral("queues") });
}

QString queuePath(const QString& org, const QString& clusterId, const QString& id)
{
    return queuesPath(org, clusterId) + QLatin1Char('/') + ApiRequest::segment(id);
}

Result<Queue> parseQueue(const QJsonDocument& doc, const QString& clusterId)
{
    return Parsing::object<Queue>(
        doc, QStringLiteral("queue"), [&](Queue& q) { q.clusterId = clusterId; });
}
} // namespace

QJsonObject QueueInput::toJson(bool includeKey) const
{
    QJsonObject body;
    if (includeKey)
        body.insert(QLatin1StringView("key"), key);
    if (description)
        body.insert(QLatin1StringView("description"), *description);
    if (retryAgentAffinity)
        body.insert(QLatin1StringView("retry_agent_affinity"), *retryAgentAffinity);
    if (instanceShape) {
        QJsonObject hosted { { QLatin1StringView("instanceShape"), *instanceShape } };
        if (agentImageRef) {
            const QString image = agentImageRef->trimmed();
            hosted.insert(QLatin1StringView("agentImageRef"),
                image.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(image));
        }
        body.insert(QLatin1StringView("hostedAgents"), hosted);
    }
    return body;
}

ApiRequest ListQueues::toApiRequest() const
{
    return { "GET", queuesPath(org, clusterId), {}, {}, true };
}

Result<QList<Queue>> ListQueues::parse(const QJsonDocument& doc) const
{
    return Parsing::list<Queue>(
        doc, QStringLiteral("queues"), [this](Queue& q) { q.clusterId = clusterId; });
}

ApiRequest GetQueue::toApiRequest() const { return { "GET", queuePath(org, clusterId, id) }; }

Result<Queue> GetQueue::parse(const QJsonDocument& doc) const { return parseQueue(doc, clusterId); }

ApiRequest CreateQueue::toApiRequest() const
{
    return { "POST", queuesPath(org, clusterId), {}, input.toJson(true) };
}

Result<Queue> CreateQueue::parse(const QJsonDocument& doc) const
{
    return parseQueue(doc, clusterId);
}

ApiRequest UpdateQueue::toApiRequest() const
{
    return { "PATCH", queuePath(org, clusterId, id), {}, input.toJson(false) };
}

Result<Queue> UpdateQueue::parse(const QJsonDocument& doc) const
{
    return parseQueue(doc, clusterId);
}

ApiRequest DeleteQueue::toApiRequest() const { return { "DELETE", queuePath(org, clusterId, id) }; }

Result<NoContent> DeleteQueue::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}

ApiRequest PauseQueue::toApiRequest() const
{
    QJsonObject body;
    if (!note.isEmpty())
        body.insert(QLatin1StringView("dispatch_paused_note"), note);
    return { "POST", queuePath(org, clusterId, id) + QStringLiteral("/pause_dispatch"), {}, body };
}

Result<Queue> PauseQueue::parse(const QJsonDocument& doc) const
{
    return parseQueue(doc, clusterId);
}

ApiRequest ResumeQueue::toApiRequest() const
{
    return { "POST", queuePath(org, clusterId, id) + QStringLiteral("/resume_dispatch") };
}

Result<Queue> ResumeQueue::parse(const QJsonDocument& doc) const
{
    return parseQueue(doc, clusterId);
}
