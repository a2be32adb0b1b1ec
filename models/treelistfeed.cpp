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
        // Any change may be one the lists show: what is traced is only which clusters it is in.
        auto& c = m_connections;
        c << connect(tree, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                onDataChanged(topLeft, bottomRight);
            });
        c << connect(tree, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent) { onRowsChanged(parent); });
        c << connect(tree, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex& parent) { onRowsChanged(parent); });
        c << connect(tree, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex& parent) { onRowsChanged(parent); });
        c << connect(tree, &QAbstractItemModel::modelReset, this, &TreeListFeed::scheduleAll);
        c << connect(tree, &QAbstractItemModel::layoutChanged, this, &TreeListFeed::scheduleAll);
    }
    scheduleAll();
}

OrganizationTreeModel* TreeListFeed::tree() const { return m_tree; }

void TreeListFeed::setCluster(const QString& clusterId)
{
    if (clusterId == m_clusterId)
        return;
    m_clusterId = clusterId;
    scheduleAll();
}

void TreeListFeed::setQueues(QueueListModel* queues)
{
    m_queues = queues;
    scheduleAll();
}

void TreeListFeed::setTokens(AgentTokenListModel* tokens)
{
    m_tokens = tokens;
    scheduleAll();
}

void TreeListFeed::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        sync();
}

void TreeListFeed::scheduleAll()
{
    m_all = true;
    schedule();
}

void TreeListFeed::noteCluster(const QModelIndex& index)
{
    const QString id = index.data(ModelRoles::ClusterId).toString();
    if (id.isEmpty())
        m_all = true;
    else
        m_dirtyClusters.insert(id);
}

void TreeListFeed::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    if (!topLeft.isValid() || !topLeft.parent().isValid())
        return; // the organisation's row: nothing the lists show
    // Rows under one parent: cluster rows name themselves, the others their cluster.
    if (!topLeft.parent().parent().isValid()) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            noteCluster(topLeft.siblingAtRow(row));
    } else {
        noteCluster(topLeft);
    }
    schedule();
}

void TreeListFeed::onRowsChanged(const QModelIndex& parent)
{
    // Clusters coming, going or moving change the list's runs: everything is redone.
    if (!parent.isValid() || !parent.parent().isValid())
        m_all = true;
    else
        noteCluster(parent);
    schedule();
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
    QSet<QString> dirty;
    dirty.swap(m_dirtyClusters);
    const bool all = m_all;
    m_all = false;
    // The tree's clock, so a token reads "Expired" in the table exactly when it does there.
    if (m_tree && m_tokens)
        m_tokens->setNow(m_tree->now());
    if (!m_tree || !m_clusterId.isEmpty() || all) {
        QList<Cluster> clusters;
        if (m_tree) {
            if (m_clusterId.isEmpty()) {
                clusters = m_tree->clusters();
            } else if (const auto c = m_tree->clusterForId(m_clusterId)) {
                clusters = { *c };
            }
        }
        syncAll(clusters);
    } else if (!dirty.isEmpty()) {
        syncClusters(dirty);
    }
    Q_EMIT synced();
}

namespace {
// The agent counts the tree has for one cluster's queues (those it knows).
QHash<QString, QueueListModel::AgentCounts> agentCountsOf(
    const OrganizationTreeModel& tree, const QList<Queue>& queues)
{
    QHash<QString, QueueListModel::AgentCounts> agents;
    for (const Queue& q : queues) {
        const QModelIndex index = tree.indexForId(q.id);
        QueueListModel::AgentCounts counts { count(index.data(ModelRoles::AgentsConnected)),
            count(index.data(ModelRoles::AgentsBusy)),
            count(index.data(ModelRoles::AgentsPaused)) };
        if (counts != QueueListModel::AgentCounts {})
            agents.insert(q.id, counts);
    }
    return agents;
}

template <class T>
QHash<QString, qsizetype> rowsPerCluster(const QList<T>& items)
{
    QHash<QString, qsizetype> rows;
    for (const T& item : items)
        ++rows[item.clusterId];
    return rows;
}
} // namespace

void TreeListFeed::syncAll(const QList<Cluster>& clusters)
{
    m_order.clear();
    for (const Cluster& c : clusters)
        m_order.append(c.id);
    if (m_queues) {
        QList<Queue> queues;
        QHash<QString, QueueListModel::AgentCounts> agents;
        for (const Cluster& c : clusters) {
            const QList<Queue> ofCluster = m_tree->queues(c.id);
            agents.insert(agentCountsOf(*m_tree, ofCluster));
            queues.append(ofCluster);
        }
        // Clusters first, so new rows never show a bare cluster id.
        m_queues->setClusters(clusters);
        m_queues->setItems(queues);
        m_queues->setAgentCounts(agents);
        m_queueRows = rowsPerCluster(m_queues->items());
    }
    if (m_tokens) {
        QList<AgentToken> tokens;
        for (const Cluster& c : clusters)
            tokens.append(m_tree->tokens(c.id));
        m_tokens->setClusters(clusters);
        m_tokens->setItems(tokens);
        m_tokenRows = rowsPerCluster(m_tokens->items());
    }
}

void TreeListFeed::syncClusters(const QSet<QString>& clusterIds)
{
    // Each cluster's rows are one run, in the order of m_order: walking it gives where each
    // run starts.
    qsizetype queueAt = 0;
    qsizetype tokenAt = 0;
    for (const QString& id : std::as_const(m_order)) {
        const qsizetype queueRows = m_queueRows.value(id);
        const qsizetype tokenRows = m_tokenRows.value(id);
        if (!clusterIds.contains(id)) {
            queueAt += queueRows;
            tokenAt += tokenRows;
            continue;
        }
        const std::optional<Cluster> cluster = m_tree->clusterForId(id);
        const Cluster* c = cluster ? &*cluster : nullptr;
        if (m_queues) {
            const QList<Queue> queues = c ? m_tree->queues(id) : QList<Queue>();
            m_queues->setCluster(id, c, queueAt, queueRows);
            const qsizetype before = m_queues->rowCount();
            m_queues->setRange(queueAt, queueRows, queues);
            const qsizetype now = queueRows + m_queues->rowCount() - before;
            m_queues->setAgentCounts(queueAt, now, agentCountsOf(*m_tree, queues));
            m_queueRows.insert(id, now);
            queueAt += now;
        }
        if (m_tokens) {
            m_tokens->setCluster(id, c, tokenAt, tokenRows);
            const qsizetype before = m_tokens->rowCount();
            m_tokens->setRange(tokenAt, tokenRows, c ? m_tree->tokens(id) : QList<AgentToken>());
            const qsizetype now = tokenRows + m_tokens->rowCount() - before;
            m_tokenRows.insert(id, now);
            tokenAt += now;
        }
    }
}
