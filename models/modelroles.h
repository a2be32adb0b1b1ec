// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>

// Role numbers shared by every item model of kitedeck_models. Each model declares its own Role
// enum (the names a view uses), but the numbers come from here, so a delegate that draws a
// paused badge or an expiry chip reads the same role from the navigation tree and from a flat
// list, and a proxy can sort any of them by SortRole.
namespace ModelRoles {
Q_NAMESPACE

enum Role : int {
    Kind = Qt::UserRole + 1,
    Id,
    ClusterId,
    Sort,
    SearchText,
    ClusterValue,
    QueueValue,
    AgentTokenValue,
    Emoji,
    Color,
    Paused,
    Hosted,
    InstanceShape,
    Expiry,
    ExpiryState,
    Error,
    Count,
    Busy,
    Description,
    IsDefaultQueue,
    // Agents (queues: that queue's; clusters and the organisation: totals). Invalid while the
    // agents are unknown (not loaded yet, or the token lacks read_agents).
    AgentsConnected,
    AgentsBusy, // running a job
    AgentsPaused,
    // Clusters: what a collapsed row must still show.
    PausedQueues,
    ExpiredTokens,
    // Clusters and queues: when the cluster's queues were last checked successfully (QDateTime).
    CheckedAt,
};
Q_ENUM_NS(Role)

// Names for QAbstractItemModel::roleNames(): the default ones plus those of ModelRoles.
QHash<int, QByteArray> roleNames();

} // namespace ModelRoles
