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
    QObject* run = m_run;

    m_client->call(ListClusters { organization }, run,
        [this, run, organization](const Result<QList<Cluster>>& result) {
            if (!result) {
                cancel();
                Q_EMIT finished(m_snapshot, result.error());
                return;
            }
            const QList<Cluster>& clusters = result.value();
            Q_EMIT clustersLoaded(clusters);
            if (clusters.isEmpty()) {
                cancel();
                Q_EMIT finished(m_snapshot, {});
                return;
            }
            m_pending.fill(2, clusters.size());
            m_remaining = int(clusters.size());
            for (qsizetype i = 0; i < clusters.size(); ++i) {
                const int index = int(i);
                m_snapshot.clusters.append(ClusterSnapshot { clusters.at(i), {}, {}, {} });
                const QString id = clusters.at(i).id;
                m_client->call(ListQueues { organization, id }, run,
                    [this, index](const Result<QList<Queue>>& r) {
                        ClusterSnapshot& c = m_snapshot.clusters[index];
                        if (r)
                            c.queues = r.value();
                        else if (!c.error)
                            c.error = r.error();
                        childDone(index);
                    });
                m_client->call(ListAgentTokens { organization, id }, run,
                    [this, index](const Result<QList<AgentToken>>& r) {
                        ClusterSnapshot& c = m_snapshot.clusters[index];
                        if (r)
                            c.tokens = r.value();
                        else if (!c.error)
                            c.error = r.error();
                        childDone(index);
                    });
            }
        });
}

void OrganizationLoader::childDone(int index)
{
    if (--m_pending[index] > 0)
        return;
    const ClusterSnapshot& c = m_snapshot.clusters.at(index);
    if (c.error && !m_firstError)
        m_firstError = c.error;
    Q_EMIT clusterLoaded(c);
    if (--m_remaining == 0) {
        cancel();
        Q_EMIT finished(m_snapshot, m_firstError);
    }
}
