// SPDX-License-Identifier: MIT
#pragma once

#include "agenttally.h"
#include "detailpane.h"
#include "domain/cluster.h"
#include "domain/queue.h"

class ColorSwatch;
class CopyableField;
class OrganizationTreeModel;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QueueTable;

// Everything about one cluster, with Edit, Set default queue, Delete and Open in browser.
//
// objectNames: emojiLabel, nameLabel, descriptionLabel, colorSwatch, colorLabel, queuesLabel,
// defaultQueueLabel, defaultQueueCombo, applyDefaultQueueButton, maintainersLabel,
// createdByLabel, createdAtLabel, id{Value,CopyButton}, graphqlId{Value,CopyButton},
// apiUrl{Value,CopyButton}, webUrl{Value,CopyButton}, editButton, deleteButton,
// openInBrowserButton, newQueueButton, newAgentTokenButton, agentsLabel, clusterPaneQueuesTable
// (its queues as a table, with ListTable's and QueueTable's children).
class ClusterDetailPane final : public DetailPane {
    Q_OBJECT
public:
    explicit ClusterDetailPane(QWidget* parent = nullptr);

    void setCluster(const Cluster& cluster, const QList<Queue>& queuesOfCluster);
    const Cluster& cluster() const { return m_cluster; }
    // The cluster's agents: counts (nullopt while unknown), how many of its self-hosted queues
    // have none, and why they are unknown when they cannot be read.
    void setAgents(const std::optional<AgentCounts>& counts, int queuesWithoutAgents,
        const QString& unavailableReason = {});
    // The tree the queue table reads (not owned).
    void setModel(OrganizationTreeModel* model);
    QueueTable* queueTable() const { return m_queueTable; }

Q_SIGNALS:
    void editRequested(const Cluster& cluster);
    void setDefaultQueueRequested(const QString& clusterId, const QString& queueId);
    // The main window confirms (confirmDeleteCluster) before deleting: it knows the token count.
    void deleteRequested(const Cluster& cluster);
    void newQueueRequested(const Cluster& cluster);
    void newAgentTokenRequested(const Cluster& cluster);
    // From the queue table: a queue to select in the tree, queues to pause or resume.
    void selectRequested(const QString& id);
    void pauseQueuesRequested(const QList<Queue>& queues);
    void resumeQueuesRequested(const QList<Queue>& queues);

protected:
    void refreshTimes() override;

private:
    void fillDefaultQueueCombo(const QString& keepSelection);
    void updateDefaultQueueRows();
    QString selectedQueueId() const;
    void openInBrowser();

    Cluster m_cluster;
    QList<Queue> m_queues;

    QLabel* m_emoji;
    QLabel* m_name;
    QLabel* m_description;
    ColorSwatch* m_swatch;
    QLabel* m_colorText;
    QLabel* m_queuesCount;
    QLabel* m_agents;
    QFormLayout* m_overview;
    QLabel* m_defaultQueue;
    QHBoxLayout* m_defaultQueueRow;
    QComboBox* m_defaultQueueCombo;
    QPushButton* m_applyDefaultQueue;
    QLabel* m_maintainers;
    QLabel* m_createdBy;
    QLabel* m_createdAt;
    CopyableField* m_id;
    CopyableField* m_graphqlId;
    CopyableField* m_apiUrl;
    CopyableField* m_webUrl;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_open;
    QPushButton* m_newQueue;
    QPushButton* m_newToken;
    QueueTable* m_queueTable;
};
