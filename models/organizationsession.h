// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"
#include "api/requests/agentrequests.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "api/result.h"
#include "domain/accesstoken.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <optional>

class ApiClient;
class OrganizationLoader;
class OrganizationTreeModel;

// The controller of one organisation for the GUI and the tests: loads it into an
// OrganizationTreeModel, and sends every write (models/api/requests), merging the answer into
// the model on success before calling back. Owns no network: it uses the ApiClient it is given.
//
// Views reach everything through the session (the model, the activity, the rate limit and the
// cost of a refresh), never the ApiClient behind it.
//
// Callbacks take a context object: if it is destroyed before the answer, the callback is dropped
// (the model is still updated: the server did change). A null context always calls back.
//
// A token value from createToken() reaches the caller's callback and nothing else: neither the
// session nor the model keeps or logs it.
class OrganizationSession final : public QObject {
    Q_OBJECT
public:
    template <class T>
    using Callback = std::function<void(const Result<T>&)>;

    OrganizationSession(ApiClient* client, const QString& organization, QObject* parent = nullptr);
    ~OrganizationSession() override;

    QString organization() const { return m_organization; }
    OrganizationTreeModel* treeModel() const { return m_model; }

    // Loads the whole organisation: clusters merge as soon as they are listed, each cluster's
    // queues and tokens as they arrive, failures show inline on their node. A refresh already
    // running is not restarted.
    void refresh();
    // What one refresh costs of the rate limit, as far as the loaded organisation tells: the
    // cluster list, then the queues and the tokens of each cluster (one page each).
    int requestsPerRefresh() const;
    // The latest rate-limit headers of any request (rateLimitChanged says when they change).
    RateLimitStatus rateLimit() const;
    bool isRefreshing() const;
    // When a refresh last listed the clusters successfully; invalid before.
    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    ApiError lastRefreshError() const { return m_lastRefreshError; }

    // GET /v2/access-token: who the token belongs to and its scopes.
    void fetchAccessToken();
    std::optional<AccessToken> accessToken() const { return m_accessToken; }
    // False until the access token is known to have write_clusters.
    bool canWrite() const;

    // Whether any request of this session is in flight, and the latest one's description.
    bool isBusy() const { return !m_operations.isEmpty(); }
    QString currentActivity() const;

    void createCluster(const ClusterInput& input, QObject* context, Callback<Cluster> done);
    void updateCluster(
        const QString& id, const ClusterInput& input, QObject* context, Callback<Cluster> done);
    // Removes the cluster with its queues and tokens (also when the server says it is gone).
    void deleteCluster(const QString& id, QObject* context, Callback<NoContent> done);

    void createQueue(
        const QString& clusterId, const QueueInput& input, QObject* context, Callback<Queue> done);
    void updateQueue(const QString& clusterId, const QString& id, const QueueInput& input,
        QObject* context, Callback<Queue> done);
    void deleteQueue(
        const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done);
    void pauseQueue(const QString& clusterId, const QString& id, const QString& note,
        QObject* context, Callback<Queue> done);
    void resumeQueue(
        const QString& clusterId, const QString& id, QObject* context, Callback<Queue> done);

    // Only the AgentToken part is merged; the value is handed to `done` alone.
    void createToken(const QString& clusterId, const AgentTokenInput& input, QObject* context,
        Callback<CreatedAgentToken> done);
    void updateToken(const QString& clusterId, const QString& id, const AgentTokenInput& input,
        QObject* context, Callback<AgentToken> done);
    void deleteToken(
        const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done);

    // ---- Agents (scopes read_agents and write_agents)

    // Whether the agents can be read: false once the access token is known to lack read_agents,
    // or the server refused a list with 403. Until then they are tried (the server decides).
    bool canReadAgents() const;
    // Plain words for why there are no agent counts, for where the user looks ("Agent counts
    // need the read_agents scope on your API token"); empty while they can be read.
    QString agentsUnavailableReason() const;
    // Why agents cannot be paused, resumed or stopped: the access token lacks write_agents
    // (empty when it has it, or is not known yet).
    QString agentWriteDeniedReason() const;

    // One paged list of the organisation's agents (GET .../agents, every page, never one
    // request per queue), grouped by queue into the tree's counts (OrganizationTreeModel::
    // mergeAgents): only the rows whose counts changed are reported. done(ok, pages) says what
    // it cost. A call while one runs is answered by the one running. Without read_agents nothing
    // is sent (done(false, 0)); a 403 makes the counts unknown and agentAccessChanged() tells,
    // once, instead of an operation failure every time.
    void refreshAgents(std::function<void(bool ok, int pages)> done = {});
    bool isRefreshingAgents() const { return m_agentsInFlight; }
    // When refreshAgents() last succeeded; invalid before.
    QDateTime agentsRefreshedAt() const { return m_agentsRefreshed; }

    // One queue's agents (cluster_queue_id filter, every page): merged into that queue's counts
    // and announced with queueAgentsListed() (the queue pane's table), or queueAgentsFailed().
    void listQueueAgents(const QString& queueId);
    // The writes answer 204 with nothing to merge, so each is followed by listing the agent's
    // queue again (also after a failure: a 400 "Can only stop connected agents" means the table
    // was stale). done gets Buildkite's answer to the write itself.
    void pauseAgent(const Agent& agent, const QString& note, std::optional<int> timeoutMinutes,
        QObject* context, Callback<NoContent> done);
    void resumeAgent(const Agent& agent, QObject* context, Callback<NoContent> done);
    void stopAgent(const Agent& agent, bool force, QObject* context, Callback<NoContent> done);

Q_SIGNALS:
    void refreshStarted();
    void refreshFinished(const ApiError& error);
    void accessTokenLoaded(const AccessToken& token);
    void accessTokenFailed(const ApiError& error);
    void busyChanged(bool busy);
    // What is in flight, for a status bar ("Pausing queue “deploy”…"); empty when idle.
    void activity(const QString& description);
    // Any request of the session failed: the description it ran under and why.
    void operationFailed(const QString& description, const ApiError& error);
    // ApiClient::rateLimitChanged, forwarded.
    void rateLimitChanged(const RateLimitStatus& status);
    // The organisation's agents were listed and merged (refreshAgents()).
    void agentsRefreshed();
    // canReadAgents(), agentsUnavailableReason() or agentWriteDeniedReason() changed.
    void agentAccessChanged();
    void queueAgentsListed(const QString& queueId, const QList<Agent>& agents);
    void queueAgentsFailed(const QString& queueId, const ApiError& error);

private:
    // What a 422 on a write means for the model.
    enum class OnRejected {
        Keep, // the input was invalid: the model is right
        Reload, // the object was not in the state the model had ("already paused"): fetch it
    };

    template <class Request, class Merge>
    void send(const Request& request, const QString& description, QObject* context,
        Callback<typename Request::Value> done, Merge merge);
    // The merge of a write on one object: the answer replaces it, a deletion or a 404 removes it
    // (gone is gone, whoever deleted it), a 422 keeps or reloads it.
    template <class Object, OnRejected onRejected = OnRejected::Keep>
    auto follow(const QString& clusterId, const QString& id);
    int beginOperation(const QString& description);
    void endOperation(int id);
    QString queueName(const QString& id) const;
    QString tokenName(const QString& id) const;
    QString clusterName(const QString& id) const;
    // After "already paused"/"not paused": the model was stale, so fetch the queue as it is.
    void reloadQueue(const QString& clusterId, const QString& id);
    // Agents: the access the token has, and what a failed agents read means for it.
    enum class AgentAccess {
        Unknown, // not checked yet: try
        Allowed,
        MissingScope, // the token lacks read_agents
        Denied, // another 403 (message kept)
    };
    void setAgentAccess(AgentAccess access, const QString& message = {});
    bool agentsRefused(const ApiError& error);
    void finishAgentsRefresh(bool ok, int pages);
    QString agentName(const Agent& agent) const;
    template <class Request>
    void sendAgentWrite(const Request& request, const Agent& agent, const QString& description,
        QObject* context, Callback<NoContent> done);

    ApiClient* m_client;
    QString m_organization;
    OrganizationTreeModel* m_model;
    OrganizationLoader* m_loader;
    std::optional<AccessToken> m_accessToken;
    QDateTime m_lastRefreshed;
    ApiError m_lastRefreshError;
    bool m_clustersListed = false; // in the refresh running
    int m_refreshOperation = -1;
    QList<std::pair<int, QString>> m_operations; // in flight, oldest first
    int m_nextOperation = 0;
    AgentAccess m_agentAccess = AgentAccess::Unknown;
    QString m_agentDeniedMessage;
    bool m_agentsInFlight = false;
    QList<std::function<void(bool, int)>> m_agentsWaiting; // refreshAgents() callers
    QDateTime m_agentsRefreshed;
};
