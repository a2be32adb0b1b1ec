// SPDX-License-Identifier: MIT
#include "writeflows.h"

#include "bulkqueueoperation.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/bulkdispatchdialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/resumeconfirmation.h"
#include "dialogs/tokenrevealdialog.h"
#include "domain/queuepause.h"
#include "organizationsession.h"

#include <QSet>

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
            m_session->pauseQueue(queue.clusterId, queue.id, note, ctx,
                [this, id = queue.id, done](const Result<Queue>& result) {
                    reportQueueWrite(id, true, result ? ApiError() : result.error());
                    done(result);
                });
        },
        nothing<Queue>);
}

void WriteFlows::resumeQueue(const Queue& queue)
{
    if (!m_session)
        return;
    // Resuming is what an admin wants back quickly, and undone by Pause: one click for their own
    // pause. Someone else's pause may be holding an incident: show who, when and why first.
    if (QueuePause::resumeNeedsConfirmation(queue, m_session->accessToken())
        && (!confirmResumeOthersPause(m_window, queue) || !m_session))
        return;
    Q_EMIT busyChanged(Kind::Queue, true);
    m_session->resumeQueue(queue.clusterId, queue.id, this,
        [this, key = queue.key, id = queue.id](const Result<Queue>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            reportQueueWrite(id, false, result ? ApiError() : result.error());
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

void WriteFlows::reportQueueWrite(const QString& queueId, bool pause, const ApiError& error)
{
    QString message;
    if (error)
        message
            = error.message().isEmpty() ? error.toString() : ApiError::displayText(error.message());
    Q_EMIT queueWriteFinished(queueId, pause ? tr("pause") : tr("resume"), message);
}

QList<Queue> WriteFlows::currentQueues(const QList<Queue>& queues, bool paused) const
{
    QList<Queue> out;
    QSet<QString> seen;
    for (const Queue& q : queues) {
        const auto now = model()->queue(q.id);
        if (now && now->dispatchPaused == paused && !seen.contains(q.id)) {
            seen.insert(q.id);
            out.append(*now);
        }
    }
    return out;
}

void WriteFlows::pauseQueues(const QList<Queue>& queues)
{
    if (!m_session)
        return;
    const QList<Queue> running = currentQueues(queues, false);
    if (running.size() == 1)
        pauseQueue(running.constFirst());
    else if (running.size() > 1)
        openBulk(true, running);
}

void WriteFlows::resumeQueues(const QList<Queue>& queues)
{
    if (!m_session)
        return;
    const QList<Queue> paused = currentQueues(queues, true);
    if (paused.size() == 1)
        resumeQueue(paused.constFirst());
    else if (paused.size() > 1)
        openBulk(false, paused);
}

void WriteFlows::openBulk(bool pause, const QList<Queue>& queues)
{
    using Action = BulkQueueOperation::Action;
    QHash<QString, Cluster> clusters;
    for (const Queue& q : queues) {
        if (!clusters.contains(q.clusterId))
            clusters.insert(q.clusterId, clusterOf(q.clusterId));
    }
    const Action action = pause ? Action::Pause : Action::Resume;
    auto* dialog
        = new BulkDispatchDialog(action, queues, clusters, m_session->accessToken(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Each run (the first, then any retry of the failed ones) is an operation of its own,
    // owned by the dialog so that closing it ends the story.
    auto run = [this, dialog, action](const QList<Queue>& targets, const QString& note) {
        if (!m_session)
            return;
        auto* operation = new BulkQueueOperation(m_session, action, targets, note, dialog);
        connect(operation, &BulkQueueOperation::itemChanged, this, [this, operation](int index) {
            const auto& item = operation->items().at(index);
            if (item.state == BulkQueueOperation::State::Done
                || item.state == BulkQueueOperation::State::Failed)
                reportQueueWrite(item.queue.id, operation->action() == Action::Pause, item.error);
        });
        connect(operation, &BulkQueueOperation::finished, this, [this, operation] {
            // An unanswered write may or may not have happened: show what the server has.
            if (operation->hasUnknownOutcome() && m_session)
                m_session->refresh();
        });
        dialog->follow(operation);
        operation->start();
    };
    connect(dialog, &BulkDispatchDialog::confirmed, this,
        [run, queues](const QString& note) { run(queues, note); });
    connect(dialog, &BulkDispatchDialog::retryRequested, this,
        [run, dialog](const QList<Queue>& failed) { run(failed, dialog->note()); });
    dialog->open();
}
