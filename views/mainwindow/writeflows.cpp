// SPDX-License-Identifier: MIT
#include "writeflows.h"

#include "bulkqueueoperation.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/bulkdispatchdialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/pauseagentdialog.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/resumeconfirmation.h"
#include "dialogs/tokenrevealdialog.h"
#include "domain/queuepause.h"
#include "organizationsession.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QTimer>

#include <memory>
#include <utility>

using Kind = OrganizationTreeModel::NodeKind;

namespace {
QString tr(const char* text) { return QCoreApplication::translate("WriteFlows", text); }

// Buildkite's 403 for a token that has write_clusters but whose user is neither an organisation
// administrator nor a maintainer of the cluster reads like a generic refusal: say plainly what it
// means, with Buildkite's words after. A missing scope says so itself and is left alone.
ApiError explained(const ApiError& error, const QString& clusterName)
{
    if (error.kind() != ApiError::Kind::Forbidden
        || error.message().contains(QLatin1String("scope"), Qt::CaseInsensitive))
        return error;
    const QString name
        = clusterName.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(clusterName);
    return ApiError(ApiError::Kind::Forbidden,
        WriteFlows::tr(
            "You're not a maintainer of this cluster%1, nor an organisation administrator, so "
            "Buildkite refused the change. An administrator can add you as a maintainer. "
            "Buildkite said: %2")
            .arg(name, error.message()),
        error.httpStatus());
}

// Creating a cluster takes an administrator: there is no cluster to maintain yet.
ApiError explainedCreate(const ApiError& error)
{
    if (error.kind() != ApiError::Kind::Forbidden
        || error.message().contains(QLatin1String("scope"), Qt::CaseInsensitive))
        return error;
    return ApiError(ApiError::Kind::Forbidden,
        WriteFlows::tr(
            "You're not an organisation administrator, and only administrators can create "
            "clusters. Buildkite said: %1")
            .arg(error.message()),
        error.httpStatus());
}

// The title of a failure reported from a pane: a write whose answer was lost did not fail, as
// far as anyone knows.
QString failureTitle(const ApiError& error, const QString& failed, const QString& unknown)
{
    return error.kind() == ApiError::Kind::OutcomeUnknown ? unknown : failed;
}

// Opens a form dialog whose submitted(input) is sent through `send` to the session it was opened
// for; a failure goes back into the dialog (through `explain`) with the user's input kept, a
// success closes it. If that session goes (the account or organisation changed) the dialog is
// abandoned: what it would write belongs to the organisation that was left.
template <class Value, class Dialog, class Send, class OnSuccess, class Explain>
void openFormDialog(
    OrganizationSession* session, Dialog* dialog, Send send, OnSuccess onSuccess, Explain explain)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<OrganizationSession> target(session);
    QObject::connect(session, &QObject::destroyed, dialog, [dialog, org = session->organization()] {
        dialog->abandon(tr("Kitedeck switched away from “%1”; this form can no longer be sent. "
                           "Open it again in “%1” to make the change there.")
                            .arg(org));
    });
    QObject::connect(dialog, &Dialog::submitted, dialog,
        [dialog, target, send, onSuccess, explain](const auto& input) {
            if (!target)
                return;
            dialog->setBusy(true);
            send(target.data(), input, dialog,
                [dialog, onSuccess, explain](const Result<Value>& result) {
                    dialog->setBusy(false);
                    if (!result) {
                        dialog->showError(explain(result.error()));
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

void WriteFlows::setSession(OrganizationSession* session)
{
    withdrawUndo();
    m_session = session;
}

void WriteFlows::offerUndo(const QString& message, const QList<UndoStep>& steps)
{
    if (steps.isEmpty())
        return;
    m_undo = steps;
    Q_EMIT undoOffered(message);
}

void WriteFlows::withdrawUndo()
{
    if (m_undo.isEmpty())
        return;
    m_undo.clear();
    Q_EMIT undoWithdrawn();
}

void WriteFlows::undo()
{
    const QList<UndoStep> steps = std::exchange(m_undo, {});
    if (steps.isEmpty())
        return;
    Q_EMIT undoWithdrawn();
    if (!m_session)
        return;
    for (const UndoStep& step : steps) {
        Q_EMIT busyChanged(Kind::Queue, true);
        auto done = [this, step](const Result<Queue>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            reportQueueWrite(step.queueId, step.pause, result ? ApiError() : result.error());
            if (!result)
                Q_EMIT failed(failureTitle(result.error(),
                                  step.pause ? tr("Could not pause “%1” again").arg(step.key)
                                             : tr("Could not resume “%1” again").arg(step.key),
                                  tr("Not known whether “%1” was changed back").arg(step.key)),
                    explained(result.error(), clusterOf(step.clusterId).name));
        };
        // Straight to the session: the undo repeats, reversed, what the user just confirmed.
        if (step.pause)
            m_session->pauseQueue(step.clusterId, step.queueId, step.note, this, done);
        else
            m_session->resumeQueue(step.clusterId, step.queueId, this, done);
    }
}

QList<WriteFlows::UndoStep> WriteFlows::undoStepsOf(const BulkQueueOperation& operation)
{
    const bool paused = operation.action() == BulkQueueOperation::Action::Pause;
    QList<UndoStep> steps;
    for (const auto& item : operation.items()) {
        if (item.state != BulkQueueOperation::State::Done)
            continue;
        // A resumed queue goes back with the note it had; a paused one is simply resumed.
        steps.append({ item.queue.clusterId, item.queue.id, item.queue.key, !paused,
            paused ? QString() : item.queue.dispatchPausedNote });
    }
    return steps;
}

OrganizationTreeModel* WriteFlows::model() const { return m_session->treeModel(); }

Cluster WriteFlows::clusterOf(const QString& clusterId) const
{
    return model()->clusterForId(clusterId).value_or(Cluster {});
}

void WriteFlows::newCluster()
{
    withdrawUndo();
    if (!m_session)
        return;
    openFormDialog<Cluster>(
        m_session, new ClusterDialog(m_window),
        [](OrganizationSession* session, const ClusterInput& input, QObject* ctx, auto done) {
            session->createCluster(input, ctx, done);
        },
        [this](const Cluster& cluster) { Q_EMIT selectRequested(cluster.id); }, explainedCreate);
}

void WriteFlows::editCluster(const Cluster& cluster)
{
    withdrawUndo();
    if (!m_session)
        return;
    const QString id = cluster.id;
    openFormDialog<Cluster>(
        m_session, new ClusterDialog(cluster, model()->queues(id), m_window),
        [id](OrganizationSession* session, const ClusterInput& input, QObject* ctx, auto done) {
            session->updateCluster(id, input, ctx, done);
        },
        nothing<Cluster>, [name = cluster.name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::setDefaultQueue(const QString& clusterId, const QString& queueId)
{
    withdrawUndo();
    if (!m_session)
        return;
    ClusterInput input;
    input.defaultQueueId = queueId;
    Q_EMIT busyChanged(Kind::Cluster, true);
    m_session->updateCluster(clusterId, input, this,
        [this, name = clusterOf(clusterId).name](const Result<Cluster>& result) {
            Q_EMIT busyChanged(Kind::Cluster, false);
            if (!result)
                Q_EMIT failed(failureTitle(result.error(), tr("Could not set the default queue"),
                                  tr("Not known whether the default queue was set")),
                    explained(result.error(), name));
        });
}

void WriteFlows::deleteCluster(const Cluster& cluster)
{
    withdrawUndo();
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
                Q_EMIT failed(failureTitle(result.error(), tr("Could not delete “%1”").arg(name),
                                  tr("Not known whether “%1” was deleted").arg(name)),
                    explained(result.error(), name));
        });
}

void WriteFlows::createQueueIn(const Cluster& cluster)
{
    withdrawUndo();
    if (!m_session)
        return;
    QStringList keys;
    for (const Queue& q : model()->queues(cluster.id))
        keys.append(q.key);
    const QString clusterId = cluster.id;
    openFormDialog<Queue>(
        m_session, new QueueDialog(cluster, keys, m_window),
        [clusterId](OrganizationSession* session, const QueueInput& input, QObject* ctx,
            auto done) { session->createQueue(clusterId, input, ctx, done); },
        [this](const Queue& queue) { Q_EMIT selectRequested(queue.id); },
        [name = cluster.name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::editQueue(const Queue& queue)
{
    withdrawUndo();
    if (!m_session)
        return;
    const Cluster cluster = clusterOf(queue.clusterId);
    openFormDialog<Queue>(
        m_session, new QueueDialog(queue, cluster, m_window),
        [queue](OrganizationSession* session, const QueueInput& input, QObject* ctx, auto done) {
            session->updateQueue(queue.clusterId, queue.id, input, ctx, done);
        },
        nothing<Queue>, [name = cluster.name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::deleteQueue(const Queue& queue)
{
    withdrawUndo();
    if (!m_session || !confirmDeleteQueue(m_window, queue, clusterOf(queue.clusterId).name)
        || !m_session)
        return;
    Q_EMIT busyChanged(Kind::Queue, true);
    m_session->deleteQueue(
        queue.clusterId, queue.id, this, [this, queue](const Result<NoContent>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            if (!result)
                Q_EMIT failed(
                    failureTitle(result.error(), tr("Could not delete “%1”").arg(queue.key),
                        tr("Not known whether “%1” was deleted").arg(queue.key)),
                    explained(result.error(), clusterOf(queue.clusterId).name));
            else
                Q_EMIT selectRequested(queue.clusterId);
        });
}

void WriteFlows::pauseQueue(const Queue& queue)
{
    withdrawUndo();
    if (!m_session)
        return;
    openFormDialog<Queue>(
        m_session, new PauseQueueDialog(queue, m_window),
        [this, queue](OrganizationSession* session, const QString& note, QObject* ctx, auto done) {
            session->pauseQueue(queue.clusterId, queue.id, note, ctx,
                [this, id = queue.id, done](const Result<Queue>& result) {
                    reportQueueWrite(id, true, result ? ApiError() : result.error());
                    done(result);
                });
        },
        [this, queue, cluster = clusterOf(queue.clusterId).name](const Queue&) {
            offerUndo(tr("Paused “%1” in “%2”.").arg(queue.key, cluster),
                { { queue.clusterId, queue.id, queue.key, false, QString() } });
        },
        [name = clusterOf(queue.clusterId).name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::resumeQueue(const Queue& queue)
{
    withdrawUndo();
    if (!m_session)
        return;
    // Resuming is what an admin wants back quickly, and undone by Pause: one click for their own
    // pause. Someone else's pause may be holding an incident: show who, when and why first.
    if (QueuePause::resumeNeedsConfirmation(queue, m_session->accessToken())
        && (!confirmResumeOthersPause(m_window, queue) || !m_session))
        return;
    // The pause as it is now, for Undo: its note goes back with it.
    const Queue before = model()->queue(queue.id).value_or(queue);
    Q_EMIT busyChanged(Kind::Queue, true);
    m_session->resumeQueue(queue.clusterId, queue.id, this,
        [this, before, key = queue.key, clusterId = queue.clusterId, id = queue.id](
            const Result<Queue>& result) {
            Q_EMIT busyChanged(Kind::Queue, false);
            reportQueueWrite(id, false, result ? ApiError() : result.error());
            if (!result) {
                Q_EMIT failed(failureTitle(result.error(), tr("Could not resume “%1”").arg(key),
                                  tr("Not known whether “%1” was resumed").arg(key)),
                    explained(result.error(), clusterOf(clusterId).name));
                return;
            }
            offerUndo(tr("Resumed “%1” in “%2”.").arg(key, clusterOf(clusterId).name),
                { { clusterId, id, key, true, before.dispatchPausedNote } });
        });
}

void WriteFlows::createTokenIn(const Cluster& cluster)
{
    withdrawUndo();
    if (!m_session)
        return;
    const QString clusterId = cluster.id;
    auto* dialog = new AgentTokenDialog(cluster, m_window);
    // The tokens of the cluster when the create was sent: one that appears afterwards, after a
    // create whose answer was lost, is the one whose value nobody will ever see.
    auto before = std::make_shared<QSet<QString>>();
    openFormDialog<CreatedAgentToken>(
        m_session, dialog,
        [this, clusterId, before, dialog](
            OrganizationSession* session, const AgentTokenInput& input, QObject* ctx, auto done) {
            before->clear();
            for (const AgentToken& t : session->treeModel()->tokens(clusterId))
                before->insert(t.id);
            session->createToken(clusterId, input, ctx,
                [this, done, before, dialog, clusterId, description = input.description](
                    const Result<CreatedAgentToken>& result) {
                    done(result);
                    if (!result && result.error().kind() == ApiError::Kind::OutcomeUnknown)
                        offerToRevokeLostTokens(dialog, clusterId, description, *before);
                });
        },
        [this, cluster](const CreatedAgentToken& created) {
            Q_EMIT selectRequested(created.token.id);
            // The value goes to the reveal dialog and nowhere else.
            auto* reveal = new TokenRevealDialog(created.value, created.token, cluster, m_window);
            reveal->setAttribute(Qt::WA_DeleteOnClose);
            reveal->open();
        },
        [name = cluster.name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::offerToRevokeLostTokens(QWidget* dialog, const QString& clusterId,
    const QString& description, const QSet<QString>& before)
{
    // Later, from the event loop: the answer may come from a session being destroyed, and a
    // confirmation runs an event loop of its own.
    QTimer::singleShot(0, dialog, [this, dialog, clusterId, description, before] {
        if (!m_session)
            return;
        QList<AgentToken> lost;
        for (const AgentToken& t : model()->tokens(clusterId)) {
            if (!before.contains(t.id) && t.description == description)
                lost.append(t);
        }
        for (const AgentToken& token : std::as_const(lost)) {
            const QString when = token.createdAt.isValid()
                ? QLocale().toString(token.createdAt.toLocalTime(), QLocale::ShortFormat)
                : QString();
            if (!confirmDestructive(dialog, tr("Revoke Token"),
                    tr("Revoke the new token “%1”?").arg(token.description), tr("Revoke Token"),
                    tr("Buildkite made it%1, but its value was lost with the answer and can never "
                       "be shown again: no agent can use it. Revoking it keeps the cluster's "
                       "token list to tokens someone holds.")
                        .arg(when.isEmpty() ? QString() : tr(" at %1").arg(when)))
                || !m_session)
                return;
            m_session->deleteToken(
                token.clusterId, token.id, this, [this, token](const Result<NoContent>& result) {
                    if (!result)
                        Q_EMIT failed(
                            failureTitle(result.error(),
                                tr("Could not revoke “%1”").arg(token.description),
                                tr("Not known whether “%1” was revoked").arg(token.description)),
                            explained(result.error(), clusterOf(token.clusterId).name));
                });
        }
    });
}

void WriteFlows::editToken(const AgentToken& token)
{
    withdrawUndo();
    if (!m_session)
        return;
    const Cluster cluster = clusterOf(token.clusterId);
    openFormDialog<AgentToken>(
        m_session, new AgentTokenDialog(token, cluster, m_window),
        [token](OrganizationSession* session, const AgentTokenInput& input, QObject* ctx,
            auto done) { session->updateToken(token.clusterId, token.id, input, ctx, done); },
        nothing<AgentToken>,
        [name = cluster.name](const ApiError& e) { return explained(e, name); });
}

void WriteFlows::revokeToken(const AgentToken& token)
{
    withdrawUndo();
    if (!m_session || !confirmRevokeAgentToken(m_window, token, clusterOf(token.clusterId).name)
        || !m_session)
        return;
    m_session->deleteToken(
        token.clusterId, token.id, this, [this, token](const Result<NoContent>& result) {
            if (!result)
                Q_EMIT failed(
                    failureTitle(result.error(), tr("Could not revoke “%1”").arg(token.description),
                        tr("Not known whether “%1” was revoked").arg(token.description)),
                    explained(result.error(), clusterOf(token.clusterId).name));
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
    withdrawUndo();
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
    withdrawUndo();
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
    withdrawUndo();
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
    withdrawUndo();
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
    withdrawUndo();
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
            const QList<UndoStep> steps = undoStepsOf(*operation);
            const int n = int(steps.size());
            offerUndo(operation->action() == Action::Pause ? tr("Paused %n queue(s).", nullptr, n)
                                                           : tr("Resumed %n queue(s).", nullptr, n),
                steps);
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
