// SPDX-License-Identifier: MIT
#include "organizationloader.h"

#include "api/apiclient.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"

OrganizationLoader::OrganizationLoader(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

void OrganizationLoader::cancel()
{
    delete m_run;
    m_run = nullptr;
}

void OrganizationLoader::load(const QString& organization)
{
    cancel();
    m_run = new QObject(this);
    m_snapshot = OrganizationSnapshot { organization, {} };
    m_firstError = ApiError();
    m_next = 0;

    m_client->call(
        ListClusters { organization }, m_run, [this](const Result<QList<Cluster>>& result) {
            if (!result) {
                cancel();
                Q_EMIT finished(m_snapshot, result.error());
                return;
            }
            const QList<Cluster>& clusters = result.value();
            const QPointer<QObject> run = m_run;
            Q_EMIT clustersLoaded(clusters);
            if (!run || run != m_run)
                return; // cancelled or restarted by a receiver
            if (clusters.isEmpty()) {
                cancel();
                Q_EMIT finished(m_snapshot, {});
                return;
            }
            m_pending.fill(2, clusters.size());
            m_remaining = int(clusters.size());
            m_snapshot.clusters.reserve(clusters.size());
            for (const Cluster& cluster : clusters)
                m_snapshot.clusters.append(ClusterSnapshot { cluster, {}, {}, {} });
            for (int i = 0; i < m_window; ++i)
                startNext();
        });
}

void OrganizationLoader::startNext()
{
    if (m_next >= m_snapshot.clusters.size())
        return;
    const int index = m_next++;
    const QString& organization = m_snapshot.organization;
    const QString id = m_snapshot.clusters.at(index).cluster.id;
    m_client->call(
        ListQueues { organization, id }, m_run, [this, index](const Result<QList<Queue>>& r) {
            ClusterSnapshot& c = m_snapshot.clusters[index];
            if (r)
                c.queues = r.value();
            else if (!c.error)
                c.error = r.error();
            childDone(index);
        });
    m_client->call(ListAgentTokens { organization, id }, m_run,
        [this, index](const Result<QList<AgentToken>>& r) {
            ClusterSnapshot& c = m_snapshot.clusters[index];
            if (r)
                c.tokens = r.value();
            else if (!c.error)
                c.error = r.error();
            childDone(index);
        });
}

void OrganizationLoader::childDone(int index)
{
    if (--m_pending[index] > 0)
        return;
    ClusterSnapshot& c = m_snapshot.clusters[index];
    if (c.error && !m_firstError)
        m_firstError = c.error;
    const QPointer<QObject> run = m_run;
    Q_EMIT clusterLoaded(c);
    if (!run || run != m_run)
        return; // cancelled or restarted by a receiver
    // Handed out: the receiver keeps what it needs.
    c.queues = {};
    c.tokens = {};
    if (--m_remaining == 0) {
        cancel();
        Q_EMIT finished(m_snapshot, m_firstError);
        return;
    }
    startNext();
}
