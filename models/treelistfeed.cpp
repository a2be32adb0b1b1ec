// SPDX-License-Identifier: MIT
#include "treelistfeed.h"

#include "agenttokenlistmodel.h"
#include "organizationtreemodel.h"
#include "queuelistmodel.h"

namespace {
std::optional<int> count(const QVariant& value)
{
    return value.isValid() ? std::optional<int>(value.toInt()) : std::nullopt;
}
} // namespace

TreeListFeed::TreeListFeed(QObject* parent)
    : QObject(parent)
{
}

void TreeListFeed::setTree(OrganizationTreeModel* tree)
{
    if (tree == m_tree)
        return;
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_tree = tree;
    if (tree) {
        // Any change may be one the lists show: what changed is cheaper to redo than to trace.
        auto& c = m_connections;
        c << connect(tree, &QAbstractItemModel::dataChanged, this, &TreeListFeed::schedule);
        c << connect(tree, &QAbstractItemModel::rowsInserted, this, &TreeListFeed::schedule);
        c << connect(tree, &QAbstractItemModel::rowsRemoved, this, &TreeListFeed::schedule);
        c << connect(tree, &QAbstractItemModel::rowsMoved, this, &TreeListFeed::schedule);
        c << connect(tree, &QAbstractItemModel::modelReset, this, &TreeListFeed::schedule);
        c << connect(tree, &QAbstractItemModel::layoutChanged, this, &TreeListFeed::schedule);
    }
    schedule();
}

OrganizationTreeModel* TreeListFeed::tree() const { return m_tree; }

void TreeListFeed::setCluster(const QString& clusterId)
{
    if (clusterId == m_clusterId)
        return;
    m_clusterId = clusterId;
    schedule();
}

void TreeListFeed::setQueues(QueueListModel* queues)
{
    m_queues = queues;
    schedule();
}

void TreeListFeed::setTokens(AgentTokenListModel* tokens)
{
    m_tokens = tokens;
    schedule();
}

void TreeListFeed::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        sync();
}

void TreeListFeed::schedule()
{
    m_dirty = true;
    if (!m_active || m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            if (m_active && m_dirty)
                sync();
        },
        Qt::QueuedConnection);
}

void TreeListFeed::sync()
{
    m_dirty = false;
    QList<Cluster> clusters;
    if (m_tree) {
        if (m_clusterId.isEmpty()) {
            clusters = m_tree->clusters();
        } else if (const auto c = m_tree->clusterForId(m_clusterId)) {
            clusters = { *c };
        }
    }
    if (m_queues) {
        QList<Queue> queues;
        QHash<QString, QueueListModel::AgentCounts> agents;
        for (const Cluster& c : std::as_const(clusters)) {
            const QList<Queue> ofCluster = m_tree->queues(c.id);
            for (const Queue& q : ofCluster) {
                const QModelIndex index = m_tree->indexForId(q.id);
                QueueListModel::AgentCounts counts { count(index.data(ModelRoles::AgentsConnected)),
                    count(index.data(ModelRoles::AgentsBusy)),
                    count(index.data(ModelRoles::AgentsPaused)) };
                if (counts != QueueListModel::AgentCounts {})
                    agents.insert(q.id, counts);
            }
            queues.append(ofCluster);
        }
        // Clusters first, so new rows never show a bare cluster id.
        m_queues->setClusters(clusters);
        m_queues->setItems(queues);
        m_queues->setAgentCounts(agents);
    }
    if (m_tokens) {
        QList<AgentToken> tokens;
        for (const Cluster& c : std::as_const(clusters))
            tokens.append(m_tree->tokens(c.id));
        // The tree's clock, so a token reads "Expired" in the table exactly when it does there.
        if (m_tree)
            m_tokens->setNow(m_tree->now());
        m_tokens->setClusters(clusters);
        m_tokens->setItems(tokens);
    }
    Q_EMIT synced();
}
