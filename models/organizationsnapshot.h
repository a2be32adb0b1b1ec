// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QList>
#include <QMetaType>

// A cluster with its queues and tokens, as one whole-organisation load found them.
struct ClusterSnapshot {
    Cluster cluster;
    QList<Queue> queues;
    QList<AgentToken> tokens;
    ApiError error; // why queues or tokens could not be loaded, if they could not
};

struct OrganizationSnapshot {
    QString organization;
    QList<ClusterSnapshot> clusters;

    int queueCount() const;
    int tokenCount() const;
};

Q_DECLARE_METATYPE(ClusterSnapshot)
Q_DECLARE_METATYPE(OrganizationSnapshot)
