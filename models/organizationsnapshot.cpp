// SPDX-License-Identifier: MIT
#include "organizationsnapshot.h"

int OrganizationSnapshot::queueCount() const
{
    int n = 0;
    for (const ClusterSnapshot& c : clusters)
        n += int(c.queues.size());
    return n;
}

int OrganizationSnapshot::tokenCount() const
{
    int n = 0;
    for (const ClusterSnapshot& c : clusters)
        n += int(c.tokens.size());
    return n;
}
