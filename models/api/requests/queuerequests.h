// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequest.h"
#include "api/result.h"
#include "domain/queue.h"

#include <QJsonDocument>

#include <optional>

// One request type per queue endpoint (clusters-queues-tokens-api.md, queues-api-hosted.md).

struct QueueInput {
    QString key; // create only: keys cannot change
    std::optional<QString> description;
    std::optional<QString> retryAgentAffinity; // "prefer-warmest" | "prefer-different"
    // Makes the queue hosted; sent camelCase as hostedAgents.instanceShape. On update only the
    // size may change within the same machine type and architecture.
    std::optional<QString> instanceShape;
    // Hosted Linux only: the custom agent image, sent as hostedAgents.agentImageRef beside
    // instanceShape (Buildkite reads them as one object, so it is never sent without the shape;
    // macOS refuses it with 422). Empty sends null: back to Buildkite's own image. A resize
    // carries the queue's current image here, so changing the size never drops it.
    std::optional<QString> agentImageRef;
    QJsonObject toJson(bool includeKey) const;
};

struct ListQueues {
    using Value = QList<Queue>;
    QString org;
    QString clusterId;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct GetQueue {
    using Value = Queue;
    QString org;
    QString clusterId;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct CreateQueue {
    using Value = Queue;
    QString org;
    QString clusterId;
    QueueInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct UpdateQueue {
    using Value = Queue;
    QString org;
    QString clusterId;
    QString id;
    QueueInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct DeleteQueue {
    using Value = NoContent;
    QString org;
    QString clusterId;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

// Sends dispatch_paused_note, as the official clients do (the API also accepts note).
struct PauseQueue {
    using Value = Queue;
    QString org;
    QString clusterId;
    QString id;
    QString note;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct ResumeQueue {
    using Value = Queue;
    QString org;
    QString clusterId;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};
