// SPDX-License-Identifier: MIT
#pragma once

#include "domain/tokenexpiry.h"

#include <QDateTime>
#include <QString>

struct AgentCounts;
struct AgentToken;
struct Cluster;
struct Queue;

// The words every model puts on a row of each kind, defined once so the navigation tree and the
// flat lists say the same thing and a filter matches the same fields wherever it runs.
namespace RowText {

// SearchTextRole: cluster name, queue key or token description; description; id.
QString searchText(const Cluster& cluster);
QString searchText(const Queue& queue);
QString searchText(const AgentToken& token);

// "Paused by Sam Kim: deploy freeze"; empty for a queue that dispatches.
QString pauseText(const Queue& queue);
// The shape's display name for a hosted queue, "Self-hosted" otherwise.
QString hostingText(const Queue& queue);

// "Valid", "Expires soon", "Expired"; empty for Never.
QString expiryText(TokenExpiry::State state);

// How fresh a row's data is: "Checked just now", "Checked 40 s ago", "Checked 3 min ago",
// "Checked at 22:04" (local time, with the date when not today); "Not checked yet" when invalid.
QString checkedText(const QDateTime& checkedAt, const QDateTime& now);
// Agents: "3 agents · 1 busy · 1 paused" (a badge; "No agents" for none), and the sentence of a
// tooltip, "3 agents connected: 1 busy, 1 paused, 1 idle".
QString agentsBadge(const AgentCounts& counts);
QString agentsText(const AgentCounts& counts);

} // namespace RowText
