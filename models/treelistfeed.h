// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class AgentTokenListModel;
struct Cluster;
class OrganizationTreeModel;
class QueueListModel;

// Keeps the flat lists of the tables in step with the navigation tree: the queues and agent
// tokens of one cluster, or of every cluster, with their clusters' names and the queues' agent
// counts. Lists are merged by id (IdListModel::setItems), never reset, so a table keeps its
// selection, sort and scroll across a refresh.
//
// Changes of the tree are gathered and applied once per turn of the event loop, and only while
// the feed is active (its table is on screen): a hidden table costs nothing, and catches up
// when shown. For the whole organisation, a change inside clusters redoes only those clusters'
// rows (each cluster's rows are one run of the list), so a first load of 1,000 clusters merging
// one by one costs what each cluster brings, not the whole list each time; the cluster list
// changing (or a reset) redoes everything.
class TreeListFeed final : public QObject {
    Q_OBJECT
public:
    explicit TreeListFeed(QObject* parent = nullptr);

    void setTree(OrganizationTreeModel* tree);
    OrganizationTreeModel* tree() const;
    // Empty: every cluster of the organisation.
    void setCluster(const QString& clusterId);
    QString cluster() const { return m_clusterId; }
    // The lists to fill (not owned; either may be null).
    void setQueues(QueueListModel* queues);
    void setTokens(AgentTokenListModel* tokens);

    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Brings the lists up to date now (also while inactive).
    void sync();

Q_SIGNALS:
    // After the lists were brought up to date.
    void synced();

private:
    void schedule();
    void scheduleAll();
    void noteCluster(const QModelIndex& index);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void onRowsChanged(const QModelIndex& parent);
    void syncAll(const QList<Cluster>& clusters);
    void syncClusters(const QSet<QString>& clusterIds);

    QPointer<OrganizationTreeModel> m_tree;
    QPointer<QueueListModel> m_queues;
    QPointer<AgentTokenListModel> m_tokens;
    QList<QMetaObject::Connection> m_connections;
    QString m_clusterId;
    // What changed since the last sync: some clusters' rows, or everything.
    QSet<QString> m_dirtyClusters;
    bool m_all = true;
    // The clusters in list order and how many rows each has in each list, as last synced.
    QStringList m_order;
    QHash<QString, qsizetype> m_queueRows;
    QHash<QString, qsizetype> m_tokenRows;
    bool m_active = false;
    bool m_dirty = false;
    bool m_scheduled = false;
};
