// SPDX-License-Identifier: MIT
#pragma once

#include "user.h"

#include <QStringList>

class JsonReader;

// A cluster agent token, as listed. The secret value is never part of it: the create request
// hands it back separately (CreatedAgentToken).
struct AgentToken {
    QString id;
    QString clusterId; // from the request that fetched it
    QString graphqlId;
    QString description;
    QString url;
    QString clusterUrl;
    QDateTime createdAt;
    User createdBy;
    // One space-separated string of IPv4 CIDRs in the API; empty means no restriction.
    QString allowedIpAddresses;
    QDateTime expiresAt; // invalid: never expires

    static AgentToken fromJson(JsonReader& reader);
    QStringList allowedIpList() const;
    bool neverExpires() const { return !expiresAt.isValid(); }
    bool isExpired(const QDateTime& now) const { return expiresAt.isValid() && expiresAt <= now; }
    bool expiresWithin(const QDateTime& now, qint64 seconds) const
    {
        return expiresAt.isValid() && expiresAt > now && now.secsTo(expiresAt) <= seconds;
    }
    bool operator==(const AgentToken&) const = default;
};

// The create response: the listed token plus the value shown once.
struct CreatedAgentToken {
    AgentToken token;
    QString value;
};
