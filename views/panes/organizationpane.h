// SPDX-License-Identifier: MIT
#pragma once

#include "detailpane.h"
#include "organizationsummary.h"
#include "tone.h"

class HintLabel;
class QGridLayout;
class QLabel;
class QPushButton;

// The organisation root: counts an admin audits at a glance (paused queues, tokens that never
// expire, expire within a week or have expired) and New Cluster.
//
// objectNames: organizationNameLabel, clustersCount, queuesCount, pausedQueuesCount,
// tokensCount, neverExpiringCount, expiringSoonCount, expiredCount, agentsCount,
// busyAgentsCount, pausedAgentsCount, queuesWithoutAgentsCount (the numbers; agents read "—"
// while unknown), agentsNoticeLabel, newClusterButton.
class OrganizationPane final : public DetailPane {
    Q_OBJECT
public:
    explicit OrganizationPane(QWidget* parent = nullptr);

    void setOrganizationName(const QString& name);
    void setSummary(const OrganizationSummary& summary);
    // Why the agent tiles have no numbers (the token lacks read_agents), in plain words under
    // them; empty hides it.
    void setAgentsNotice(const QString& text);

Q_SIGNALS:
    void createClusterRequested();

private:
    HintLabel* addTile(
        QGridLayout* grid, int row, int column, const QString& objectName, const QString& caption);
    static void setCount(HintLabel* label, int count, Tone toneWhenNonZero);

    QLabel* m_name;
    QLabel* m_subtitle;
    HintLabel* m_clusters;
    HintLabel* m_queues;
    HintLabel* m_paused;
    HintLabel* m_tokens;
    HintLabel* m_neverExpiring;
    HintLabel* m_expiringSoon;
    HintLabel* m_expired;
    HintLabel* m_agents;
    HintLabel* m_busyAgents;
    HintLabel* m_pausedAgents;
    HintLabel* m_queuesWithoutAgents;
    HintLabel* m_agentsNotice;
    QPushButton* m_newCluster;
};
