// SPDX-License-Identifier: MIT
#pragma once

#include "detailpane.h"
#include "domain/cluster.h"
#include "domain/queue.h"

class ListTable;
class OrganizationTreeModel;
class QLabel;
class QPushButton;
class QueueTable;
class TokenTable;

// A cluster's "Queues" or "Agent tokens" row: all of them as one sortable table, with New
// Queue or New Agent Token. The queue table pauses and resumes several at once.
//
// objectNames: groupTitleLabel, groupClusterLabel, groupNewButton, and the table's
// (clusterQueuesTable or clusterTokensTable, with ListTable's children).
class GroupPane final : public DetailPane {
    Q_OBJECT
public:
    enum class Kind {
        Queues,
        Tokens,
    };
    explicit GroupPane(Kind kind, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setModel(OrganizationTreeModel* model);
    void setCluster(const Cluster& cluster);
    const Cluster& cluster() const { return m_cluster; }
    ListTable* table() const { return m_table; }
    // The queue table (null for tokens).
    QueueTable* queueTable() const;
    TokenTable* tokenTable() const;

Q_SIGNALS:
    void selectRequested(const QString& id);
    void newQueueRequested(const Cluster& cluster);
    void newAgentTokenRequested(const Cluster& cluster);
    void pauseQueuesRequested(const QList<Queue>& queues);
    void resumeQueuesRequested(const QList<Queue>& queues);

private:
    Kind m_kind;
    Cluster m_cluster;
    QLabel* m_title;
    QLabel* m_clusterName;
    QPushButton* m_new;
    ListTable* m_table;
};
