// SPDX-License-Identifier: MIT
#include "writeflows.h"

#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/pauseagentdialog.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "organizationsession.h"

using Kind = OrganizationTreeModel::NodeKind;

namespace {
// Opens a form dialog whose submitted(input) is sent through `send`; a failure goes back into
// the dialog with the user's input kept, a success closes it.
template <class Value, class Dialog, class Send, class OnSuccess>
void openFormDialog(Dialog* dialog, Send send, OnSuccess onSuccess)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(
        dialog, &Dialog::submitted, dialog, [dialog, send, onSuccess](const auto& input) {
            dialog->setBusy(true);
            send(input, dialog, [dialog, onSuccess](const Result<Value>& result) {
                dialog->setBusy(false);
                if (!result) {
                    dialog->showError(result.error());
                    return;
                }
                dialog->accept();
                onSuccess(result.value());
            });
        });
    dialog->open();
}

void nothing(const auto&) { }
} // namespace

WriteFlows::WriteFlows(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("writeFlows"));
}

void WriteFlows::setSession(OrganizationSession* session) { m_session = session; }

OrganizationTreeModel* WriteFlows::model() const { return m_session->treeModel(); }

Cluster WriteFlows::clusterOf(const QString& clusterId) const
{
    return model()->clusterForId(clusterId).value_or(Cluster {});
}

void WriteFlows::newCluster()
{
    if (!m_session)
        return;
    openFormDialog<Cluster>(
        new ClusterDialog(m_window),
        [this](const ClusterInput& input, QObject* ctx, auto done) {
            m_session->createCluster(input, ctx, done);
        },
        [this](const Cluster& cluster) { Q_EMIT selectRequested(cluster.id); });
}

void WriteFlows::editCluster(const Cluster& cluster)
{
    if (!m_session)
        return;
    const QString id = cluster.id;
    openFormDialog<Cluster>(
        new ClusterDialog(cluster, model()->queues(id), m_window),
        [this, id](const ClusterInput& input, QObject* ctx, auto done) {
            m_session->updateCluster(id, input, ctx, done);
        },
        nothing<Cluster>);
}

void WriteFlows::setDefaultQueue(const QString& clusterId, const QString& queueId)
{
    if (!m_session)
        return;
    ClusterInput input;
    input.defaultQueueId = queueId;
    Q_EMIT busyChanged(Kind::Cluster, true);
    m_session->updateCluster(clusterId, input, this, [this](const Result<Cluster>& result) {
        Q_EMIT busyChanged(Kind::Cluster, false);
        if (!result)
            Q_EMIT failed(tr("Could not set the default queue"), result.error());
    });
}

void WriteFlows::deleteCluster(const Cluster& cluster)
{
    if (!m_session)
        return;
    const int queues = int(model()->queues(cluster.id).size());
    const int tokens = int(model()->tokens(cluster.id).size());
    // The confirmation runs an event loop: the session may be gone when it returns.
    if (!confirmDeleteCluster(m_window, cluster, queues, tokens) || !m_session)
        return;
    Q_EMIT busyChanged(Kind::Cluster, true);
    m_session->deleteCluster(
        cluster.id, this, [this, name = cluster.name](const Result<NoContent>& result) {
            Q_EMIT busyChanged(Kind::Cluster, false);
            if (!result)
                Q_EMIT failed(tr("Could not delete “%1”").arg(name), result.error());
        });
}

void WriteFlows::createQueueIn(const Cluster& cluster)
{
    if (!m_session)
        return;
    QStringList keys;
    for (const Queue& q : model()->queues(cluster.id))
        keys.append(q.key);
    const QString clusterId = cluster.id;
    openFormDialog<Queue>(
        new QueueDialog(cluster, keys, m_window),
        [this, clusterId](const QueueInput& input, QObject* ctx, auto done) {
            m_session->createQueue(clusterId, input, ctx, done);
        },
        [this](const Queue& queue) { Q_EMIT selectRequested(queue.id); });
}

void WriteFlows::editQueue(const Queue& queue)
{
    if (!m_session)
        return;
    openFormDialog<Queue>(
        new QueueDialog(queue, clusterOf(queue.clusterId), m_window),
        [this, queue](const QueueInput& input, QObject* ctx, auto done) {
            m_session->updateQueue(queue.clusterId, queue.id, input, ctx, done);
        },
        nothing<Queue>);
}

void WriteFlows::deleteQueue(const Queue& queue)
{
    if (!m_session || !confirmDeleteQueue(m_window, queue) || !m_session)
        return;
    Q_EMIT busyChanged(Kind::Queue, true);
    m_session->deleteQueue(
        queue.clusterId, queue.id, this, [this, queue](const Result<NoContent>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            if (!result)
                Q_EMIT failed(tr("Could not delete “%1”").arg(queue.key), result.error());
            else
                Q_EMIT selectRequested(queue.clusterId);
        });
}

void WriteFlows::pauseQueue(const Queue& queue)
{
    if (!m_session)
        return;
    openFormDialog<Queue>(
        new PauseQueueDialog(queue, m_window),
        [this, queue](const QString& note, QObject* ctx, auto done) {
            m_session->pauseQueue(queue.clusterId, queue.id, note, ctx, done);
        },
        nothing<Queue>);
}

void WriteFlows::resumeQueue(const Queue& queue)
{
    if (!m_session)
        return;
    // Resuming is what an admin wants back quickly, and undone by Pause: no confirmation.
    Q_EMIT busyChanged(Kind::Queue, true);
    m_session->resumeQueue(
        queue.clusterId, queue.id, this, [this, key = queue.key](const Result<Queue>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            if (!result)
                Q_EMIT failed(tr("Could not resume “%1”").arg(key), result.error());
        });
}

void WriteFlows::createTokenIn(const Cluster& cluster)
{
    if (!m_session)
        return;
    const QString clusterId = cluster.id;
    openFormDialog<CreatedAgentToken>(
        new AgentTokenDialog(cluster, m_window),
        [this, clusterId](const AgentTokenInput& input, QObject* ctx, auto done) {
            m_session->createToken(clusterId, input, ctx, done);
        },
        [this, cluster](const CreatedAgentToken& created) {
            Q_EMIT selectRequested(created.token.id);
            // The value goes to the reveal dialog and nowhere else.
            auto* reveal = new TokenRevealDialog(created.value, created.token, cluster, m_window);
            reveal->setAttribute(Qt::WA_DeleteOnClose);
            reveal->open();
        });
}

void WriteFlows::editToken(const AgentToken& token)
{
    if (!m_session)
        return;
    openFormDialog<AgentToken>(
        new AgentTokenDialog(token, clusterOf(token.clusterId), m_window),
        [this, token](const AgentTokenInput& input, QObject* ctx, auto done) {
            m_session->updateToken(token.clusterId, token.id, input, ctx, done);
        },
        nothing<AgentToken>);
}

void WriteFlows::revokeToken(const AgentToken& token)
{
    if (!m_session || !confirmRevokeAgentToken(m_window, token) || !m_session)
        return;
    m_session->deleteToken(
        token.clusterId, token.id, this, [this, token](const Result<NoContent>& result) {
            if (!result)
                Q_EMIT failed(tr("Could not revoke “%1”").arg(token.description), result.error());
            else
                Q_EMIT selectRequested(token.clusterId);
        });
}

namespace {
QString agentName(const Agent& agent) { return agent.name.isEmpty() ? agent.id : agent.name; }

// Buildkite's own words when it sent some ("Can only stop connected agents").
QString failureText(const ApiError& error)
{
    const QString message = ApiError::displayText(error.message());
    return message.isEmpty() ? error.toString() : message;
}
} // namespace

void WriteFlows::pauseAgent(const Agent& agent)
{
    if (!m_session)
        return;
    auto* dialog = new PauseAgentDialog(agent, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PauseAgentDialog::submitted, dialog,
        [this, dialog, agent](const QString& note, int minutes) {
            if (!m_session)
                return;
            dialog->setBusy(true);
            m_session->pauseAgent(
                agent, note, minutes, dialog, [dialog](const Result<NoContent>& result) {
                    dialog->setBusy(false);
                    if (!result)
                        dialog->showError(result.error());
                    else
                        dialog->accept();
                });
        });
    dialog->open();
}

void WriteFlows::resumeAgent(const Agent& agent)
{
    if (!m_session)
        return;
    Q_EMIT agentBusyChanged(true);
    m_session->resumeAgent(agent, this, [this, agent](const Result<NoContent>& result) {
        Q_EMIT agentBusyChanged(false);
        if (!result)
            Q_EMIT agentFailed(agent.queueId,
                tr("Could not resume “%1”: %2").arg(agentName(agent), failureText(result.error())));
    });
}

void WriteFlows::stopAgent(const Agent& agent, bool force)
{
    // The confirmation runs an event loop: the session may be gone when it returns.
    if (!m_session || !confirmStopAgent(m_window, agent, force) || !m_session)
        return;
    Q_EMIT agentBusyChanged(true);
    m_session->stopAgent(agent, force, this, [this, agent](const Result<NoContent>& result) {
        Q_EMIT agentBusyChanged(false);
        if (!result)
            Q_EMIT agentFailed(agent.queueId,
                tr("Could not stop “%1”: %2").arg(agentName(agent), failureText(result.error())));
    });
}
