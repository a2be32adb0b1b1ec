// SPDX-License-Identifier: MIT
#pragma once

#include "organizationsnapshot.h"

#include <QObject>
#include <QPointer>

class ApiClient;

// Loads a whole organisation: the clusters first, then every cluster's queues and tokens, a few
// clusters at a time (enough to keep every connection the network layer opens busy), never one
// after another. Each cluster's children are handed out once, by clusterLoaded, and not kept:
// the receiver merges them, and an organisation of 1,000 clusters is not held twice.
class OrganizationLoader final : public QObject {
    Q_OBJECT
public:
    // Clusters whose queue and token lists are asked for at once: two requests each, so 8 keeps
    // Qt's 6 connections per host busy while a page is parsed, without queueing 2,000 replies
    // (each with its buffers and timers) in the network layer up front.
    static constexpr int defaultClustersInFlight = 8;

    explicit OrganizationLoader(ApiClient* client, QObject* parent = nullptr);

    void setClustersInFlight(int clusters) { m_window = qMax(1, clusters); }
    int clustersInFlight() const { return m_window; }

    // Starts a load; a load still in progress is abandoned and its answers dropped.
    void load(const QString& organization);
    void cancel();
    bool isLoading() const { return m_run != nullptr; }

Q_SIGNALS:
    void clustersLoaded(const QList<Cluster>& clusters);
    // One cluster with its queues and tokens (or the error that kept them away), in the order
    // the answers complete.
    void clusterLoaded(const ClusterSnapshot& cluster);
    // snapshot: the clusters as listed, each with its error if it has one; their queues and
    // tokens went out with clusterLoaded and are empty here. error: the first failure (the
    // cluster list, or any cluster's queues or tokens).
    void finished(const OrganizationSnapshot& snapshot, const ApiError& error);

private:
    void startNext();
    void childDone(int index);

    ApiClient* m_client;
    QPointer<QObject> m_run; // context of the load in progress; deleting it drops its answers
    OrganizationSnapshot m_snapshot;
    QList<int> m_pending; // outstanding requests per cluster
    int m_next = 0; // the next cluster whose children to ask for
    int m_remaining = 0;
    int m_window = defaultClustersInFlight;
    ApiError m_firstError;
};
