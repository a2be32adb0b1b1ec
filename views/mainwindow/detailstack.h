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
class MessagePane;
class OrganizationPane;
class QTimer;
class QueueAgentsSection;
class QueueDetailPane;
class WriteFlows;

// The right side of the main window: one detail pane per kind of row (organisation, cluster,
// queue, token) and a message pane for everything else, showing whichever the selection needs.
// What the panes ask for goes to the write flows. The shown pane's "Checked … ago" follows the
// row's CheckedAtRole, which changes without row signals, so it is read again every few seconds.
//
// objectNames: detailStack, and the panes' own (organizationPane, clusterDetailPane, ...).
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

Q_SIGNALS:
    void retryRequested();

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
};
