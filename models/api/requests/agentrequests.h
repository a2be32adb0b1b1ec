// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequest.h"
#include "api/result.h"
#include "domain/agent.h"

#include <QJsonDocument>

#include <optional>

// One request type per agents endpoint (api-notes.md, "Agents"): read_agents for the GETs,
// write_agents for pause, resume and stop. The writes answer 204.

// The list's filters; empty ones are not sent.
struct AgentFilter {
    QString name;
    QString hostname;
    QString version;
    QString clusterQueueId; // one queue's agents (newer servers)
    bool operator==(const AgentFilter&) const = default;
};

// Connected agents (and those stopping), every page.
struct ListAgents {
    using Value = QList<Agent>;
    QString org;
    AgentFilter filter;
    ApiRequest toApiRequest() const;
    // Agents listed for a queue belong to it: their queueId is filled in when the answer does
    // not name one.
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct GetAgent {
    using Value = Agent;
    QString org;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

// The agent finishes its job and takes no new one until resumed or the timeout runs out.
struct PauseAgent {
    using Value = NoContent;
    QString org;
    QString id;
    QString note; // empty: not sent
    std::optional<int> timeoutMinutes; // empty: the server's default
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

struct ResumeAgent {
    using Value = NoContent;
    QString org;
    QString id;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};

// Graceful (force false): the agent finishes its job, then stops. Forced: its job is cancelled.
// force is always sent: the documented default is true, and a stop must never be forced by
// leaving it out.
struct StopAgent {
    using Value = NoContent;
    QString org;
    QString id;
    bool force = false;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};
