// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>

// The counts an admin audits at a glance, kept by OrganizationTreeModel as rows come and go, so
// nobody has to walk the organisation to show them.
struct OrganizationSummary {
    int clusters = 0;
    int queues = 0;
    int pausedQueues = 0;
    int tokens = 0;
    // Tokens by TokenExpiry::State (the Valid ones are the rest).
    int neverExpiringTokens = 0;
    int expiringSoonTokens = 0;
    int expiredTokens = 0;
    // Agents (OrganizationTreeModel::mergeAgents). While agentsKnown is false (not listed yet, or
    // the token lacks read_agents) the agent numbers below are 0 and mean nothing.
    bool agentsKnown = false;
    int agentsConnected = 0;
    int agentsBusy = 0;
    int agentsPaused = 0;
    int agentsUnassigned = 0; // connected agents that name no queue
    // Self-hosted queues with no agent connected: their jobs wait until a person starts one.
    int queuesWithoutAgents = 0;

    bool operator==(const OrganizationSummary&) const = default;
};
Q_DECLARE_METATYPE(OrganizationSummary)
