// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequest.h"
#include "api/result.h"
#include "domain/agenttoken.h"

#include <QJsonDocument>

#include <optional>

// One request type per agent token endpoint, plus GET /v2/access-token.

struct AgentTokenInput {
    QString description;
    // Space-separated IPv4 CIDRs; empty string clears the allowlist.
    std::optional<QString> allowedIpAddresses;
    // Create only: at least 10 minutes ahead; it cannot be changed afterwards.
    QDateTime expiresAt;
    QJsonObject toJson(bool forCreate) const;
};

struct ListAgentTokens {
    using Value = QList<AgentToken>;
    QString org;
    QString clusterId;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct GetAgentToken {
    using Value = AgentToken;
    QString org;
    QString clusterId;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

// The only request whose answer carries the token value: it comes back apart from the token.
struct CreateAgentToken {
    using Value = CreatedAgentToken;
    QString org;
    QString clusterId;
    AgentTokenInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct UpdateAgentToken {
    using Value = AgentToken;
    QString org;
    QString clusterId;
    QString id;
    AgentTokenInput input;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct DeleteAgentToken {
    using Value = NoContent;
    QString org;
    QString clusterId;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};
