// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class SandboxState;

// The sandbox's fixed cast and data sets. Ids come from name-based UUIDs, so every run of
// the demo organisation has the same ids, names and dates (only "expires in a few days" is
// relative to now).
namespace SandboxSeed {

struct People {
    QString primaryUserId; // owns the read-write API token
    QString readOnlyUserId; // owns the read-only API token
};

// Users and teams; kept by clearData() because API tokens belong to them.
People people(SandboxState& state);
// Replaces every cluster with the demo organisation's (33 clusters).
void demo(SandboxState& state);
// Replaces every cluster with clusters x queues x tokens of generated data.
void generated(SandboxState& state, int clusters, int queuesPerCluster, int tokensPerCluster);
// A stable UUID for a name, for reproducible ids.
QString stableId(const QString& name);

} // namespace SandboxSeed
