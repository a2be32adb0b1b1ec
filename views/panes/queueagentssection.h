// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agent.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QWidget>

#include <optional>

class AgentListModel;
class Banner;
class CopyableField;
class HintLabel;
class QFrame;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

// The queue pane's agents: how many are connected and what they do, the table of them (name,
// hostname, version, OS/arch, state, current job, connected since; sortable, the selection kept
// across refreshes), and Pause, Resume, Stop and Force Stop for the selected one. A self-hosted
// queue with no agent says how one joins it (the buildkite-agent command to copy, and where the
// agent token goes); a hosted queue says Buildkite runs its agents.
//
// It shows what it is given and asks for the rest: agentsWanted() when a queue is shown, the
// actions' signals when a button is clicked. Nothing here talks to the network.
//
// objectNames: agentsStatusLabel, hostedAgentsLabel, joinHelp, joinIntroLabel,
// joinCommand{Value,CopyButton}, joinTokenHint, joinNewTokenButton, agentsErrorBanner,
// agentsErrorLabel, dismissAgentsErrorButton, agentsTable, pauseAgentButton,
// resumeAgentButton, stopAgentButton, forceStopAgentButton.
class QueueAgentsSection final : public QWidget {
    Q_OBJECT
public:
    explicit QueueAgentsSection(QWidget* parent = nullptr);

    // Another queue empties the table and asks for its agents (agentsWanted); the same queue
    // again (its row changed) keeps everything.
    void setQueue(const Queue& queue, const Cluster& cluster);
    QString queueId() const { return m_queue.id; }

    // The queue's agents as just listed: merged by id, so sorting and selection stay. A list of
    // another queue is ignored.
    void setAgents(const QString& queueId, const QList<Agent>& agents);
    bool isLoaded() const { return m_loaded; }
    // Listing failed: said above the table, the rows known from before stay.
    void showLoadError(const QString& queueId, const QString& message);
    // Why agents cannot be read at all (empty: they can): shown instead of the table.
    void setUnavailable(const QString& reason);
    // Why the actions are refused (empty: allowed); the buttons say it in their tooltips.
    void setWriteDenied(const QString& reason);
    // An action on an agent is in flight: the action buttons wait.
    void setActionBusy(bool busy);
    // What went wrong with an action, in Buildkite's words, above the table; empty hides it.
    void showActionError(const QString& text);
    QString errorText() const;

    AgentListModel* model() const { return m_model; }
    QTreeView* table() const { return m_table; }
    QPushButton* newAgentTokenButton() const { return m_newToken; }
    std::optional<Agent> selectedAgent() const;
    bool selectAgent(const QString& agentId);

    // The command a machine runs to join this queue.
    static QString joinCommand(const Queue& queue);
    // Re-reads relative times ("connected 3 hours ago").
    void refreshTimes();

Q_SIGNALS:
    void agentsWanted(const QString& queueId);
    void pauseRequested(const Agent& agent);
    void resumeRequested(const Agent& agent);
    void stopRequested(const Agent& agent, bool force);
    void newAgentTokenRequested(const Cluster& cluster);

private:
    void updateState();
    void updateActions();
    bool isHosted() const;

    Queue m_queue;
    Cluster m_cluster;
    bool m_loaded = false;
    QString m_unavailable;
    QString m_writeDenied;
    bool m_actionBusy = false;
    bool m_columnsSized = false;

    AgentListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    HintLabel* m_status;
    HintLabel* m_hosted;
    QFrame* m_joinHelp;
    CopyableField* m_joinCommand;
    HintLabel* m_joinToken;
    QPushButton* m_newToken;
    Banner* m_error;
    QTreeView* m_table;
    QWidget* m_actions;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QPushButton* m_stop;
    QPushButton* m_forceStop;
};
