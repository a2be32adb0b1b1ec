// SPDX-License-Identifier: MIT
#include "detailstack.h"

#include "panes/agenttokendetailpane.h"
#include "panes/clusterdetailpane.h"
#include "panes/grouppane.h"
#include "panes/messagepane.h"
#include "panes/organizationpane.h"
#include "panes/queueagentssection.h"
#include "panes/queuedetailpane.h"
#include "panes/queuetable.h"
#include "queuelistmodel.h"
#include "writeflows.h"

#include <QTimer>

using Kind = OrganizationTreeModel::NodeKind;
using Selected = NavigationSelection::Kind;

DetailStack::DetailStack(QWidget* parent)
    : QStackedWidget(parent)
    , m_messagePane(new MessagePane(this))
    , m_organizationPane(new OrganizationPane(this))
    , m_clusterPane(new ClusterDetailPane(this))
    , m_queuePane(new QueueDetailPane(this))
    , m_tokenPane(new AgentTokenDetailPane(this))
    , m_freshnessClock(new QTimer(this))
    , m_queueGroupPane(new GroupPane(GroupPane::Kind::Queues, this))
    , m_tokenGroupPane(new GroupPane(GroupPane::Kind::Tokens, this))
{
    setObjectName(QStringLiteral("detailStack"));
    addWidget(m_messagePane);
    for (DetailPane* pane : detailPanes())
        addWidget(pane);
    showSelection({}, {}, nullptr);
    connect(m_messagePane, &MessagePane::retryRequested, this, &DetailStack::retryRequested);
    m_freshnessClock->setInterval(5000);
    connect(m_freshnessClock, &QTimer::timeout, this, &DetailStack::updateFreshness);
    m_freshnessClock->start();
}

void DetailStack::updateFreshness()
{
    if (auto* pane = qobject_cast<DetailPane*>(currentWidget()))
        pane->setCheckedAt(m_shown.data(OrganizationTreeModel::CheckedAtRole).toDateTime());
}

QList<DetailPane*> DetailStack::detailPanes() const
{
    return { m_organizationPane, m_clusterPane, m_queuePane, m_tokenPane, m_queueGroupPane,
        m_tokenGroupPane };
}

void DetailStack::showSelection(const NavigationSelection& selection, const QModelIndex& index,
    const OrganizationTreeModel* model)
{
    switch (selection.kind) {
    case Selected::Nothing:
        if (model)
            m_messagePane->showMessage(
                tr("Nothing selected"), tr("Select a cluster, queue or agent token."));
        else
            m_messagePane->showMessage(
                tr("No organisation"), tr("Connect an account to browse its clusters."));
        setCurrentWidget(m_messagePane);
        break;
    case Selected::Organization:
        setCurrentWidget(m_organizationPane);
        break;
    case Selected::Cluster:
        m_clusterPane->setCluster(*selection.cluster, model->queues(selection.cluster->id));
        m_clusterPane->setAgents(model->agentCounts(selection.cluster->id),
            queuesWithoutAgents(model, selection.cluster->id), m_agentsUnavailable);
        setCurrentWidget(m_clusterPane);
        break;
    case Selected::Queue:
        m_queuePane->setQueue(*selection.queue, selection.cluster.value_or(Cluster {}));
        setCurrentWidget(m_queuePane);
        break;
    case Selected::Token:
        m_tokenPane->setToken(*selection.token, selection.cluster.value_or(Cluster {}));
        setCurrentWidget(m_tokenPane);
        break;
    case Selected::Other: {
        // A cluster's Queues or Agent tokens row: all of them as a table.
        const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
        GroupPane* group = kind == Kind::QueueGroup ? m_queueGroupPane
            : kind == Kind::TokenGroup              ? m_tokenGroupPane
                                                    : nullptr;
        if (group && selection.cluster) {
            group->setCluster(*selection.cluster);
            setCurrentWidget(group);
        } else {
            showOther(index);
        }
        break;
    }
    }
    m_shown = index;
    updateFreshness();
}

int DetailStack::queuesWithoutAgents(const OrganizationTreeModel* model, const QString& clusterId)
{
    int count = 0;
    for (const Queue& q : model->queues(clusterId)) {
        const auto agents = model->agentCounts(q.id);
        count += agents && agents->connected == 0 && !q.hosted && !q.instanceShape.isValid();
    }
    return count;
}

void DetailStack::showOther(const QModelIndex& index)
{
    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    if (kind == Kind::Error)
        m_messagePane->showError(tr("Could not load this part of the organisation"),
            index.data(OrganizationTreeModel::ErrorRole).toString());
    else if (kind == Kind::Loading)
        m_messagePane->showMessage(tr("Loading…"));
    else
        m_messagePane->showMessage(index.data(Qt::DisplayRole).toString(),
            kind == Kind::QueueGroup
                ? tr("Select a queue to see its dispatch state.")
                : tr("Select an agent token to see its expiry and IP allowlist."));
    setCurrentWidget(m_messagePane);
}

void DetailStack::showLoadError(const QString& organization, const ApiError& error)
{
    m_messagePane->showError(tr("Could not load %1").arg(organization), error);
    setCurrentWidget(m_messagePane);
}

bool DetailStack::isShowingMessage() const { return currentWidget() == m_messagePane; }

void DetailStack::setOrganization(const QString& name)
{
    m_organizationPane->setOrganizationName(name);
}

void DetailStack::setSummary(const OrganizationSummary& summary)
{
    m_organizationPane->setSummary(summary);
}

void DetailStack::setWriteDenied(const QString& reason)
{
    for (DetailPane* pane : detailPanes())
        pane->setWriteAllowed(reason.isEmpty(), reason);
    for (QueueTable* table : findChildren<QueueTable*>())
        table->setWriteDenied(reason);
}

void DetailStack::setModel(OrganizationTreeModel* model)
{
    m_organizationPane->setModel(model);
    m_clusterPane->setModel(model);
    m_queueGroupPane->setModel(model);
    m_tokenGroupPane->setModel(model);
}

void DetailStack::setBusy(Kind kind, bool busy)
{
    if (kind == Kind::Cluster)
        m_clusterPane->setBusy(busy);
    else if (kind == Kind::Queue)
        m_queuePane->setBusy(busy);
    else if (kind == Kind::Token)
        m_tokenPane->setBusy(busy);
}

void DetailStack::connectFlows(WriteFlows* flows)
{
    connect(m_organizationPane, &OrganizationPane::createClusterRequested, flows,
        &WriteFlows::newCluster);
    connect(m_clusterPane, &ClusterDetailPane::editRequested, flows, &WriteFlows::editCluster);
    connect(m_clusterPane, &ClusterDetailPane::deleteRequested, flows, &WriteFlows::deleteCluster);
    connect(m_clusterPane, &ClusterDetailPane::setDefaultQueueRequested, flows,
        &WriteFlows::setDefaultQueue);
    connect(
        m_clusterPane, &ClusterDetailPane::newQueueRequested, flows, &WriteFlows::createQueueIn);
    connect(m_clusterPane, &ClusterDetailPane::newAgentTokenRequested, flows,
        &WriteFlows::createTokenIn);
    connect(m_queuePane, &QueueDetailPane::pauseRequested, flows, &WriteFlows::pauseQueue);
    connect(m_queuePane, &QueueDetailPane::resumeRequested, flows, &WriteFlows::resumeQueue);
    connect(m_queuePane, &QueueDetailPane::editRequested, flows, &WriteFlows::editQueue);
    connect(m_queuePane, &QueueDetailPane::deleteRequested, flows, &WriteFlows::deleteQueue);
    connect(m_tokenPane, &AgentTokenDetailPane::editRequested, flows, &WriteFlows::editToken);
    connect(m_tokenPane, &AgentTokenDetailPane::revokeRequested, flows, &WriteFlows::revokeToken);
    connect(flows, &WriteFlows::busyChanged, this, &DetailStack::setBusy);

    // The attention list and the tables: selecting in the tree, filtering it, pausing and
    // resuming many queues, and marking the queues whose write failed.
    connect(m_organizationPane, &OrganizationPane::selectRequested, this,
        &DetailStack::selectRequested);
    connect(m_organizationPane, &OrganizationPane::filterRequested, this,
        &DetailStack::filterRequested);
    connect(m_organizationPane, &OrganizationPane::pauseQueuesRequested, flows,
        &WriteFlows::pauseQueues);
    connect(m_organizationPane, &OrganizationPane::resumeQueuesRequested, flows,
        &WriteFlows::resumeQueues);
    connect(
        m_clusterPane, &ClusterDetailPane::selectRequested, this, &DetailStack::selectRequested);
    connect(
        m_clusterPane, &ClusterDetailPane::pauseQueuesRequested, flows, &WriteFlows::pauseQueues);
    connect(
        m_clusterPane, &ClusterDetailPane::resumeQueuesRequested, flows, &WriteFlows::resumeQueues);
    for (GroupPane* group : { m_queueGroupPane, m_tokenGroupPane }) {
        connect(group, &GroupPane::selectRequested, this, &DetailStack::selectRequested);
        connect(group, &GroupPane::pauseQueuesRequested, flows, &WriteFlows::pauseQueues);
        connect(group, &GroupPane::resumeQueuesRequested, flows, &WriteFlows::resumeQueues);
        connect(group, &GroupPane::newQueueRequested, flows, &WriteFlows::createQueueIn);
        connect(group, &GroupPane::newAgentTokenRequested, flows, &WriteFlows::createTokenIn);
    }
    connect(flows, &WriteFlows::queueWriteFinished, this,
        [this](const QString& id, const QString& what, const QString& message) {
            for (QueueTable* table : findChildren<QueueTable*>())
                table->model()->setWriteError(id, what, message);
        });

    QueueAgentsSection* agents = queueAgents();
    connect(agents, &QueueAgentsSection::pauseRequested, flows, &WriteFlows::pauseAgent);
    connect(agents, &QueueAgentsSection::resumeRequested, flows, &WriteFlows::resumeAgent);
    connect(agents, &QueueAgentsSection::stopRequested, flows, &WriteFlows::stopAgent);
    connect(agents, &QueueAgentsSection::newAgentTokenRequested, flows, &WriteFlows::createTokenIn);
    connect(flows, &WriteFlows::agentBusyChanged, agents, &QueueAgentsSection::setActionBusy);
    connect(flows, &WriteFlows::agentFailed, agents,
        [agents](const QString& queueId, const QString& message) {
            if (queueId == agents->queueId())
                agents->showActionError(message);
        });
}

QueueAgentsSection* DetailStack::queueAgents() const { return m_queuePane->agents(); }

void DetailStack::setAgentsUnavailable(const QString& reason)
{
    m_agentsUnavailable = reason;
    m_organizationPane->setAgentsNotice(reason);
    if (!reason.isEmpty())
        m_clusterPane->setAgents(std::nullopt, 0, reason);
}
