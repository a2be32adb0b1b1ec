// SPDX-License-Identifier: MIT
#pragma once

#include "organizationsnapshot.h"

#include <QObject>
#include <QPointer>

class ApiClient;

// Loads a whole organisation: the clusters first, then every cluster's queues and tokens at
// once (the network layer spreads them over its connections), never one after another.
// Partial results are announced as they arrive so views can fill in progressively.
class OrganizationLoader final : public QObject {
    Q_OBJECT
public:
    explicit OrganizationLoader(ApiClient* client, QObject* parent = nullptr);

    // Starts a load; a load still in progress is abandoned and its answers dropped.
    void load(const QString& organization);
    void cancel();
    bool isLoading() const { return m_run != nullptr; }

Q_SIGNALS:
    void clustersLoaded(const QList<Cluster>& clusters);
    void clusterLoaded(const ClusterSnapshot& cluster);
    // error: the first failure (the cluster list, or any cluster's queues or tokens).
    void finished(const OrganizationSnapshot& snapshot, const ApiError& error);

private:
    void childDone(int index);

    ApiClient* m_client;
    QPointer<QObject> m_run; // context of the load in progress; deleting it drops its answers
    OrganizationSnapshot m_snapshot;
    QList<int> m_pending; // outstanding requests per cluster
    int m_remaining = 0;
    ApiError m_firstError;
};
