// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "navigationselection.h"
#include "organizationsummary.h"
#include "organizationtreemodel.h"

#include <QPersistentModelIndex>
#include <QStackedWidget>

class AgentTokenDetailPane;
class ClusterDetailPane;
class DetailPane;
class GroupPane;
class MessagePane;
class OrganizationPane;
class QTimer;
class QueueAgentsSection;
class QueueDetailPane;
class WriteFlows;

// The right side of the main window: one detail pane per kind of row (organisation, cluster,
// queue, token, and the table of a cluster's queues or tokens for its group rows) and a message
// pane for everything else, showing whichever the selection needs. What the panes ask for goes
// to the write flows. The shown pane's "Checked … ago" follows the row's CheckedAtRole, which
// changes without row signals, so it is read again every few seconds.
//
// objectNames: detailStack, and the panes' own (organizationPane, clusterDetailPane,
// queueGroupPane, tokenGroupPane, ...).
class DetailStack final : public QStackedWidget {
    Q_OBJECT
public:
    explicit DetailStack(QWidget* parent = nullptr);

    // Shows the pane of the selection; `index` is the selected row of `model` (null: no
    // organisation is shown at all).
    void showSelection(const NavigationSelection& selection, const QModelIndex& index,
        const OrganizationTreeModel* model);
    // The organisation could not be loaded: says so, with Retry.
    void showLoadError(const QString& organization, const ApiError& error);
    bool isShowingMessage() const;

    void setOrganization(const QString& name);
    void setSummary(const OrganizationSummary& summary);
    // Writes are refused for this reason (empty: allowed) on every pane.
    void setWriteDenied(const QString& reason);
    // A write on an object of this kind is in flight: its pane keeps its controls disabled.
    void setBusy(OrganizationTreeModel::NodeKind kind, bool busy);
    // Sends what the panes ask for to the flows.
    void connectFlows(WriteFlows* flows);
    // The queue pane's agents (AgentsFeed fills them).
    QueueAgentsSection* queueAgents() const;
    // Why agents cannot be read (empty: they can): the organisation and cluster panes say so.
    void setAgentsUnavailable(const QString& reason);
    // The tree the attention list and the tables read (not owned; null: none).
    void setModel(OrganizationTreeModel* model);
    OrganizationPane* organizationPane() const { return m_organizationPane; }
    GroupPane* queueGroupPane() const { return m_queueGroupPane; }
    GroupPane* tokenGroupPane() const { return m_tokenGroupPane; }

Q_SIGNALS:
    void retryRequested();
    // A pane's list or table asks for a queue or token to be selected in the tree.
    void selectRequested(const QString& id);
    // The organisation's tiles ask the tree's filter for their state words.
    void filterRequested(const QString& text);

private:
    QList<DetailPane*> detailPanes() const;
    void showOther(const QModelIndex& index);
    void updateFreshness();
    static int queuesWithoutAgents(const OrganizationTreeModel* model, const QString& clusterId);

    MessagePane* m_messagePane;
    OrganizationPane* m_organizationPane;
    ClusterDetailPane* m_clusterPane;
    QueueDetailPane* m_queuePane;
    AgentTokenDetailPane* m_tokenPane;
    QPersistentModelIndex m_shown;
    QTimer* m_freshnessClock;
    QString m_agentsUnavailable;
    GroupPane* m_queueGroupPane;
    GroupPane* m_tokenGroupPane;
};
