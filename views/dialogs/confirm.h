// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agent.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QString>

class QWidget;

// Confirmation before anything that cannot be undone. The destructive button carries the action's
// own words ("Delete Cluster"), Cancel is the default and Escape cancels, so a reflexive Return
// does no harm. The box (objectName confirmDestructiveBox) is window-modal; the app keeps running
// underneath.
bool confirmDestructive(QWidget* parent, const QString& title, const QString& text,
    const QString& acceptLabel, const QString& informativeText = {});

// Texts of the specific confirmations, so they can be checked without showing a box.
namespace ConfirmText {
QString deleteClusterDetail(int queueCount, int tokenCount);
QString deleteQueueDetail(const Queue& queue);
QString revokeTokenDetail(const AgentToken& token);
// What stopping does to the agent and, forced, to the job it runs (named).
QString stopAgentDetail(const Agent& agent, bool force);
} // namespace ConfirmText

// Deleting a cluster deletes its queues and agent tokens with it: the box says how many. A
// cluster that still has any asks for its name to be typed (TypedNameConfirmation); an empty
// one takes a plain confirmation.
bool confirmDeleteCluster(QWidget* parent, const Cluster& cluster, int queueCount, int tokenCount);
// The questions name the cluster too: every cluster may have a queue called "default".
QString deleteQueueQuestion(const Queue& queue, const QString& clusterName);
QString revokeTokenQuestion(const AgentToken& token, const QString& clusterName);
bool confirmDeleteQueue(QWidget* parent, const Queue& queue, const QString& clusterName);
// Revoking stops new registrations; agents already connected with the token stay connected.
bool confirmRevokeAgentToken(QWidget* parent, const AgentToken& token, const QString& clusterName);
// Stopping an agent: graceful lets its job finish; forced cancels the job, which the box names.
bool confirmStopAgent(QWidget* parent, const Agent& agent, bool force);
