// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "domain/agent.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "organizationtreemodel.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class BulkQueueOperation;
class OrganizationSession;
class QWidget;

// The eleven writes an admin makes from the main window. Each opens its dialog or confirmation
// over the window, sends the session call, and reports the answer where the user is looking: a
// form dialog keeps the input and shows the server's message, a write sent from a pane reports
// through failed(). The session merges successes into the tree itself.
//
// Errors are worded for the admin: a 403 on a cluster the user neither maintains nor
// administers says so plainly, with Buildkite's message after; a write whose answer was lost
// (the session has already read back what happened) is reported as "not known" rather than as
// a failure, and a token created without its value is offered for revocation. A form dialog
// whose session goes away (account switch) is abandoned rather than left busy.
class WriteFlows final : public QObject {
    Q_OBJECT
public:
    // Dialogs open over `window`, which also owns the flows.
    explicit WriteFlows(QWidget* window);

    void setSession(OrganizationSession* session);

public Q_SLOTS:
    void newCluster();
    void editCluster(const Cluster& cluster);
    void deleteCluster(const Cluster& cluster);
    void setDefaultQueue(const QString& clusterId, const QString& queueId);
    void createQueueIn(const Cluster& cluster);
    void editQueue(const Queue& queue);
    void deleteQueue(const Queue& queue);
    void pauseQueue(const Queue& queue);
    void resumeQueue(const Queue& queue);
    void createTokenIn(const Cluster& cluster);
    void editToken(const AgentToken& token);
    void revokeToken(const AgentToken& token);
    // Agents (write_agents): pause asks for a note and a timeout, stop asks first (forced: naming
    // the job it cancels), resume just resumes. Failures go to agentFailed(), for the table the
    // agent was picked from.
    void pauseAgent(const Agent& agent);
    void resumeAgent(const Agent& agent);
    void stopAgent(const Agent& agent, bool force);
    // Many queues at once (one goes to the single flows): the running ones among `queues` are
    // paused with one note, or the paused ones resumed, after a confirmation that lists them
    // and then shows how each went (BulkDispatchDialog).
    void pauseQueues(const QList<Queue>& queues);
    void resumeQueues(const QList<Queue>& queues);
    // Undoes the last pause or resume that was offered for undo (undoOffered): resumes what was
    // paused, or pauses what was resumed again with the note it had. Nothing if the offer has
    // been withdrawn.
    void undo();

Q_SIGNALS:
    // Where the selection should go after a success: what was created, or the cluster of what
    // was removed.
    void selectRequested(const QString& id);
    // A write without a dialog of its own failed; `what` says which, for an error bar.
    void failed(const QString& what, const ApiError& error);
    // A write on an object of this kind, sent from its pane, is in flight (or no longer): the
    // pane keeps its controls disabled so a second click cannot send it twice.
    void busyChanged(OrganizationTreeModel::NodeKind kind, bool busy);
    // An agent write sent from the queue pane is in flight (or no longer).
    void agentBusyChanged(bool busy);
    // An agent write failed: Buildkite's message, for the queue pane the agent is on.
    void agentFailed(const QString& queueId, const QString& message);
    // A pause or resume of a queue was answered: an empty message for a success, Buildkite's
    // words for a failure (the queue stays as it was). `what` is "pause" or "resume". Tables
    // mark the failures with it.
    void queueWriteFinished(const QString& queueId, const QString& what, const QString& message);
    // A pause or resume went through and can be undone: `message` says what was done ("Paused
    // “linux-large” in “Mobile”."). Withdrawn when the next write starts or the session changes.
    void undoOffered(const QString& message);
    void undoWithdrawn();

private:
    // One queue's way back: pause it again (with the note it had) or resume it.
    struct UndoStep {
        QString clusterId;
        QString queueId;
        QString key;
        bool pause = false;
        QString note;
    };
    void offerUndo(const QString& message, const QList<UndoStep>& steps);
    void withdrawUndo();
    // The queues a finished bulk run changed, as steps that change them back.
    static QList<UndoStep> undoStepsOf(const BulkQueueOperation& operation);

    // After a token create whose answer was lost: the cluster's tokens with that description
    // that were not there before have values nobody holds. Offers to revoke each.
    void offerToRevokeLostTokens(QWidget* dialog, const QString& clusterId,
        const QString& description, const QSet<QString>& before);
    OrganizationTreeModel* model() const;
    // The queues as the tree has them now, those in the wrong state left out.
    QList<Queue> currentQueues(const QList<Queue>& queues, bool paused) const;
    void openBulk(bool pause, const QList<Queue>& queues);
    void reportQueueWrite(const QString& queueId, bool pause, const ApiError& error);
    Cluster clusterOf(const QString& clusterId) const;

    QWidget* m_window;
    QPointer<OrganizationSession> m_session;
    QList<UndoStep> m_undo;
};
