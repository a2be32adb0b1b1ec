// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class SandboxState;

// The sandbox's fixed cast and data sets. Ids come from name-based UUIDs, so every run of
// the demo organisation has the same ids, names and dates (only what must stay current is
// relative to now: "expires in a few days", when agents connected, started their jobs or
// were paused).
namespace SandboxSeed {

struct People {
    QString primaryUserId; // owns the read-write API token; an administrator
    QString readOnlyUserId; // owns the read-only API token
    QString memberUserId; // not an administrator; maintains a few clusters
};

// Users (two of them administrators) and teams; kept by clearData() because API tokens
// belong to them.
People people(SandboxState& state);
// Replaces every cluster with the demo organisation's (33 clusters, agents on most queues,
// "Open Source" the default cluster).
void demo(SandboxState& state);
// Replaces every cluster with clusters x queues x tokens of generated data: the same in every
// run, with paused, hosted and agent-less queues, tokens expired, expiring and never expiring,
// and a few agents on one queue in eight.
void generated(SandboxState& state, int clusters, int queuesPerCluster, int tokensPerCluster);
// A stable UUID for a name, for reproducible ids.
QString stableId(const QString& name);

} // namespace SandboxSeed
