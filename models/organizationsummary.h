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

    bool operator==(const OrganizationSummary&) const = default;
};
Q_DECLARE_METATYPE(OrganizationSummary)
