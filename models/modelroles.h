// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>

struct AgentToken;
struct Cluster;
struct Queue;

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
};
Q_ENUM_NS(Role)

enum class TokenExpiry {
    Never,
    Valid,
    ExpiringSoon, // less than expiringSoonSeconds left
    Expired,
};
Q_ENUM_NS(TokenExpiry)

inline constexpr qint64 expiringSoonSeconds = 7 * 24 * 60 * 60;

TokenExpiry tokenExpiry(const AgentToken& token, const QDateTime& now);
// The human words for a state: "Expired", "Expires soon", ... (empty for Never).
QString tokenExpiryText(TokenExpiry state);

// SearchTextRole of each kind of row, one definition for every model, so a filter matches the
// same fields wherever it runs: cluster name, queue key, token description; description; id.
QString searchText(const Cluster& cluster);
QString searchText(const Queue& queue);
QString searchText(const AgentToken& token);

// Names for QAbstractItemModel::roleNames(): the default ones plus those of ModelRoles.
QHash<int, QByteArray> roleNames();

} // namespace ModelRoles
