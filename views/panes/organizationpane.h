// SPDX-License-Identifier: MIT
#pragma once

#include "attentionmodel.h"
#include "detailpane.h"
#include "domain/queue.h"
#include "organizationsummary.h"
#include "tone.h"

class AttentionTiles;
class HintLabel;
class AttentionView;
class OrganizationTreeModel;
class QLabel;
class QPushButton;
class QTabWidget;
class QueueTable;
class TokenTable;

// The organisation root, leading with what needs a human: tiles counting paused queues, queues
// with no agents, expired and expiring tokens, and (audit) tokens that never expire or have no
// IP allowlist; then, in tabs, the list of them, every queue and every agent token as tables.
// The counts of clusters, queues and tokens sit under the name, with New Cluster.
//
// objectNames: organizationNameLabel, organizationSubtitleLabel, clustersCount, queuesCount,
// tokensCount (the inventory numbers), newClusterButton, organizationTabs, allQueuesTable,
// allTokensTable, agentsCount (the agents in one line), agentsNoticeLabel, and those of
// AttentionTiles and AttentionView.
class OrganizationPane final : public DetailPane {
    Q_OBJECT
public:
    explicit OrganizationPane(QWidget* parent = nullptr);

    void setOrganizationName(const QString& name);
    void setSummary(const OrganizationSummary& summary);
    // Why the agent tiles have no numbers (the token lacks read_agents), in plain words under
    // them; empty hides it.
    void setAgentsNotice(const QString& text);
    // The tree the attention list and the tables read (not owned; null: nothing).
    void setModel(OrganizationTreeModel* model);

    AttentionModel* attentionModel() const { return m_attention; }
    AttentionTiles* tiles() const { return m_tiles; }
    AttentionView* attentionView() const { return m_attentionView; }
    QTabWidget* tabs() const { return m_tabs; }
    QueueTable* queueTable() const { return m_queues; }
    TokenTable* tokenTable() const { return m_tokens; }

Q_SIGNALS:
    void createClusterRequested();
    // A tile asks the tree's filter to show what it counts ("is:paused").
    void filterRequested(const QString& text);
    // A queue or token of the lists, to select in the tree.
    void selectRequested(const QString& id);
    void pauseQueuesRequested(const QList<Queue>& queues);
    void resumeQueuesRequested(const QList<Queue>& queues);

private:
    void onTileClicked(AttentionModel::Section section);
    QLabel* addCount(QLayout* row, const QString& objectName, bool separator);

    QLabel* m_name;
    QLabel* m_subtitle;
    QLabel* m_clusters;
    QLabel* m_queuesCount;
    QLabel* m_tokensCount;
    QLabel* m_agents;
    HintLabel* m_agentsNotice;
    QPushButton* m_newCluster;
    AttentionModel* m_attention;
    AttentionTiles* m_tiles;
    AttentionView* m_attentionView;
    QTabWidget* m_tabs;
    QueueTable* m_queues;
    TokenTable* m_tokens;
};
