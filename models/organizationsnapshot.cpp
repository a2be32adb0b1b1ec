// SPDX-License-Identifier: MIT
#include "organizationsnapshot.h"

#include <QJsonArray>

QJsonObject OrganizationSnapshot::toExportJson() const
{
    QJsonArray clusterArray;
    for (const ClusterSnapshot& c : clusters) {
        QJsonObject object = c.cluster.raw;
        QJsonArray queueArray;
        for (const Queue& q : c.queues)
            queueArray.append(q.raw);
        QJsonArray tokenArray;
        for (const AgentToken& t : c.tokens)
            tokenArray.append(t.raw);
        object.insert(QLatin1StringView("queues"), queueArray);
        object.insert(QLatin1StringView("tokens"), tokenArray);
        clusterArray.append(object);
    }
    return { { QLatin1StringView("organization"), organization },
        { QLatin1StringView("clusters"), clusterArray } };
}

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
