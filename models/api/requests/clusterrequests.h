// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequest.h"
#include "api/result.h"
#include "domain/cluster.h"

#include <QJsonDocument>

#include <optional>

// One request type per cluster endpoint of clusters-queues-tokens-api.md.

// Fields of a create or update; unset fields are left out of the body.
struct ClusterInput {
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> emoji;
    std::optional<QString> color;
    std::optional<QString> defaultQueueId; // update only
    QJsonObject toJson() const;
};

struct ListClusters {
    using Value = QList<Cluster>;
    QString org;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct GetCluster {
    using Value = Cluster;
    QString org;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct CreateCluster {
    using Value = Cluster;
    QString org;
    ClusterInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

// Sent as PATCH, as the official clients do; the API accepts PUT and PATCH alike.
struct UpdateCluster {
    using Value = Cluster;
    QString org;
    QString id;
    ClusterInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct DeleteCluster {
    using Value = NoContent;
    QString org;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};
