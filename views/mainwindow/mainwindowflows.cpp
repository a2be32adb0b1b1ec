// SPDX-License-Identifier: MIT
// MainWindow's write flows: each opens its dialog or confirmation, sends the session call, and
// reports the answer where the user is looking (in the dialog, or in the error bar above the
// detail pane). The session merges successes into the tree itself.
#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "mainwindow.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/clusterdetailpane.h"
#include "panes/queuedetailpane.h"

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

} // namespace

void MainWindow::newCluster()
{
    if (!m_session)
        return;
    openFormDialog<Cluster>(
        new ClusterDialog(this),
        [this](const ClusterInput& input, QObject* ctx, auto done) {
            m_session->createCluster(input, ctx, done);
        },
        [this](const Cluster& cluster) { selectId(cluster.id); });
}

void MainWindow::editCluster(const Cluster& cluster)
{
    if (!m_session)
        return;
    const QString id = cluster.id;
    openFormDialog<Cluster>(
        new ClusterDialog(cluster, m_session->treeModel()->queues(id), this),
        [this, id](const ClusterInput& input, QObject* ctx, auto done) {
            m_session->updateCluster(id, input, ctx, done);
        },
        [](const Cluster&) {});
}

void MainWindow::setDefaultQueue(const QString& clusterId, const QString& queueId)
{
    if (!m_session)
        return;
    ClusterInput input;
    input.defaultQueueId = queueId;
    m_clusterPane->setBusy(true);
    m_session->updateCluster(clusterId, input, this, [this](const Result<Cluster>& result) {
        m_clusterPane->setBusy(false);
        if (!result)
            showOperationError(tr("Could not set the default queue"), result.error());
    });
}

void MainWindow::deleteCluster(const Cluster& cluster)
{
    if (!m_session)
        return;
    const int queues = int(m_session->treeModel()->queues(cluster.id).size());
    const int tokens = int(m_session->treeModel()->tokens(cluster.id).size());
    if (!confirmDeleteCluster(this, cluster, queues, tokens))
        return;
    const QString id = cluster.id;
    m_clusterPane->setBusy(true);
    m_session->deleteCluster(
        id, this, [this, name = cluster.name](const Result<NoContent>& result) {
            m_clusterPane->setBusy(false);
            if (!result)
                showOperationError(tr("Could not delete “%1”").arg(name), result.error());
        });
}

void MainWindow::newQueue()
{
    if (const auto cluster = selectedCluster())
        createQueueIn(*cluster);
}

void MainWindow::createQueueIn(const Cluster& cluster)
{
    if (!m_session)
        return;
    QStringList keys;
    for (const Queue& q : m_session->treeModel()->queues(cluster.id))
        keys.append(q.key);
    const QString clusterId = cluster.id;
    openFormDialog<Queue>(
        new QueueDialog(cluster, keys, this),
        [this, clusterId](const QueueInput& input, QObject* ctx, auto done) {
            m_session->createQueue(clusterId, input, ctx, done);
        },
        [this](const Queue& queue) { selectId(queue.id); });
}

void MainWindow::editQueue(const Queue& queue)
{
    if (!m_session)
        return;
    const Cluster cluster
        = m_session->treeModel()->clusterForId(queue.clusterId).value_or(Cluster {});
    openFormDialog<Queue>(
        new QueueDialog(queue, cluster, this),
        [this, queue](const QueueInput& input, QObject* ctx, auto done) {
            m_session->updateQueue(queue.clusterId, queue.id, input, ctx, done);
        },
        [](const Queue&) {});
}

void MainWindow::deleteQueue(const Queue& queue)
{
    if (!m_session)
        return;
    if (!confirmDeleteQueue(this, queue))
        return;
    m_queuePane->setBusy(true);
    m_session->deleteQueue(
        queue.clusterId, queue.id, this, [this, queue](const Result<NoContent>& result) {
            m_queuePane->setBusy(false);
            if (!result)
                showOperationError(tr("Could not delete “%1”").arg(queue.key), result.error());
            else
                selectId(queue.clusterId);
        });
}

void MainWindow::pauseSelectedQueue()
{
    if (const auto queue = selectedQueue(); queue && !queue->dispatchPaused)
        pauseQueue(*queue);
}

void MainWindow::resumeSelectedQueue()
{
    if (const auto queue = selectedQueue(); queue && queue->dispatchPaused)
        resumeQueue(*queue);
}

void MainWindow::pauseQueue(const Queue& queue)
{
    if (!m_session)
        return;
    openFormDialog<Queue>(
        new PauseQueueDialog(queue, this),
        [this, queue](const QString& note, QObject* ctx, auto done) {
            m_session->pauseQueue(queue.clusterId, queue.id, note, ctx, done);
        },
        [](const Queue&) {});
}

void MainWindow::resumeQueue(const Queue& queue)
{
    if (!m_session)
        return;
    // Resuming is what an admin wants back quickly, and undone by Pause: no confirmation.
    m_queuePane->setBusy(true);
    m_session->resumeQueue(
        queue.clusterId, queue.id, this, [this, key = queue.key](const Result<Queue>& result) {
            m_queuePane->setBusy(false);
            if (!result)
                showOperationError(tr("Could not resume “%1”").arg(key), result.error());
        });
}

void MainWindow::newAgentToken()
{
    if (const auto cluster = selectedCluster())
        createTokenIn(*cluster);
}

void MainWindow::createTokenIn(const Cluster& cluster)
{
    if (!m_session)
        return;
    const QString clusterId = cluster.id;
    openFormDialog<CreatedAgentToken>(
        new AgentTokenDialog(cluster, this),
        [this, clusterId](const AgentTokenInput& input, QObject* ctx, auto done) {
            m_session->createToken(clusterId, input, ctx, done);
        },
        [this, cluster](const CreatedAgentToken& created) {
            selectId(created.token.id);
            // The value goes to the reveal dialog and nowhere else.
            auto* reveal = new TokenRevealDialog(created.value, created.token, cluster, this);
            reveal->setAttribute(Qt::WA_DeleteOnClose);
            reveal->open();
        });
}

void MainWindow::editToken(const AgentToken& token)
{
    if (!m_session)
        return;
    const Cluster cluster
        = m_session->treeModel()->clusterForId(token.clusterId).value_or(Cluster {});
    openFormDialog<AgentToken>(
        new AgentTokenDialog(token, cluster, this),
        [this, token](const AgentTokenInput& input, QObject* ctx, auto done) {
            m_session->updateToken(token.clusterId, token.id, input, ctx, done);
        },
        [](const AgentToken&) {});
}

void MainWindow::revokeToken(const AgentToken& token)
{
    if (!m_session)
        return;
    if (!confirmRevokeAgentToken(this, token))
        return;
    m_session->deleteToken(
        token.clusterId, token.id, this, [this, token](const Result<NoContent>& result) {
            if (!result)
                showOperationError(
                    tr("Could not revoke “%1”").arg(token.description), result.error());
            else
                selectId(token.clusterId);
        });
}

void MainWindow::deleteSelected()
{
    switch (selectedKind()) {
    case Selected::Cluster:
        if (const auto cluster = selectedCluster())
            deleteCluster(*cluster);
        break;
    case Selected::Queue:
        if (const auto queue = selectedQueue())
            deleteQueue(*queue);
        break;
    case Selected::Token:
        if (const auto token = selectedToken())
            revokeToken(*token);
        break;
    default:
        break;
    }
}
