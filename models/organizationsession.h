// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"
#include "api/requests/agentrequests.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "api/result.h"
#include "domain/accesstoken.h"
#include "refreshscheduler.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class ApiClient;
class OrganizationTreeModel;

// The controller of one organisation for the GUI and the tests: loads it into an
// OrganizationTreeModel, and sends every write (models/api/requests), merging the answer into
// the model on success before calling back. Owns no network: it uses the ApiClient it is given.
//
// Refreshing is the RefreshScheduler's to pace: it emits due(task) (the cluster list, the
// agents, one cluster's queues, one cluster's tokens), the session sends that request, merges
// the answer into the tree for that task alone and reports finished(task, ok, pages), and it
// forwards the rate-limit headers of every response. refresh() (F5, the first load) is the
// scheduler's reload mode; setAutoRefresh() runs its steady mode within a share of the user's
// rate limit. The view says which clusters are hot (setHotClusters) and which tokens it opened
// (wantTokens).
//
// Views reach everything through the session (the model, the activity, the rate limit and the
// cost of a refresh), never the ApiClient behind it.
//
// Callbacks take a context object: if it is destroyed before the answer, the callback is dropped
// (the model is still updated: the server did change). A null context always calls back.
//
// A token value from createToken() reaches the caller's callback and nothing else: neither the
// session nor the model keeps or logs it.
//
// A write whose answer was lost (ApiError::Kind::OutcomeUnknown: sent, never answered) is not
// reported as a failure that may be false. The session first reads back what the write touched
// (the cluster list for a cluster create or delete, the cluster's queues or tokens for a queue
// or token create or delete, the object itself for an update, pause or resume) and calls back
// with what is there: the success, with the object as listed, when the change is there; an error
// that says the change was not made (safe to try again) when it is not; OutcomeUnknown still when
// the check fails too. A token create is the exception: a token that turns up has lost its value
// for good (Buildkite shows it once, in the answer that was lost), so it is merged into the model
// and the callback gets OutcomeUnknown saying so; the caller can offer to revoke it.
//
// Writes still in flight when the session is destroyed (the account or organisation changed)
// call back at once, from the destructor, with OutcomeUnknown: their answer will never be read,
// and a dialog waiting for it must not wait forever.
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
    // queues and tokens as they arrive (hot clusters' queues first, then all queues, then the
    // tokens), failures show inline on their node. Spread over the rate-limit window so it never
    // meets a 429: when the window is spent less a reserve it waits for the reset. A refresh
    // already running is not restarted. refreshFinished() when every answer is in.
    void refresh();
    // Keeps the organisation current in the background within the scheduler's share of the
    // rate limit (off by default; the main window turns it on, and off while minimised). A
    // reload in progress finishes either way.
    void setAutoRefresh(bool on);
    bool autoRefresh() const { return m_autoRefresh; }
    // The share of the user's rate limit the background checks may spend (0.01 to 1) and the
    // shortest period of the hot checks, in seconds.
    void setRefreshBudget(double share, int intervalSeconds);
    // The pacing, for a status bar's words (roundSeconds(), clusters(), ...), and for tests and
    // benchmarks (its clock).
    RefreshScheduler* scheduler() const { return m_scheduler; }
    // The clusters the user is looking at, most wanted first (selected, expanded, visible):
    // their queues are checked every hot period.
    void setHotClusters(const QStringList& clusterIds);
    // A cluster's tokens were opened (its group or one of its tokens): checked soon, unless
    // they were checked within the hot interval.
    void wantTokens(const QString& clusterId);
    // The freshness banner's Retry: the cluster list and the hot clusters now (a reload when
    // auto-refresh is off).
    void retryNow();
    // What one refresh costs of the rate limit, as far as the loaded organisation tells: the
    // cluster list, then the queues and the tokens of each cluster (one page each).
    int requestsPerRefresh() const;
    // The latest rate-limit headers of any request (rateLimitChanged says when they change).
    RateLimitStatus rateLimit() const;
    // A refresh() is running.
    bool isRefreshing() const { return m_refreshOperation >= 0; }
    // The last successful check of anything (the cluster list, any cluster's queues or tokens);
    // invalid before the first.
    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    // The first failure of the last refresh().
    ApiError lastRefreshError() const { return m_lastRefreshError; }
    // The last check failed because Buildkite could not be reached or answered with a server
    // error (the data shown is older than it should be); cleared by the next success.
    bool isStale() const { return m_staleError.isError(); }
    ApiError staleError() const { return m_staleError; }
    // False after a network error (or TLS, or a write whose answer was lost) or a streak of
    // server errors on any request of the session; true again on the next answer that is not
    // one of those. Writes are pointless while false.
    bool isReachable() const { return m_reachable; }
    ApiError unreachableError() const { return m_unreachableError; }
    static constexpr int serverErrorStreak = 3;

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
    // lastRefreshed(), isStale() or staleError() changed.
    void freshnessChanged();
    void reachabilityChanged(bool reachable);
    // The scheduler's plan (RefreshScheduler::planChanged), or whether it runs.
    void refreshPlanChanged();
    // The organisation's agents were listed and merged (refreshAgents()).
    void agentsRefreshed();
    // canReadAgents(), agentsUnavailableReason() or agentWriteDeniedReason() changed.
    void agentAccessChanged();
    void queueAgentsListed(const QString& queueId, const QList<Agent>& agents);
    void queueAgentsFailed(const QString& queueId, const ApiError& error);
    // A pause or resume of this session's own is in flight for the queue: from the request
    // until its answer (or the read-back after a lost one) has merged into the model. A change
    // the queue shows in between is this app's doing (ChangeDetector does not report it).
    void queueWriteStarted(const QString& queueId);
    void queueWriteFinished(const QString& queueId);

private:
    // What a 422 on a write means for the model.
    enum class OnRejected {
        Keep, // the input was invalid: the model is right
        Reload, // the object was not in the state the model had ("already paused"): fetch it
    };

    // Settles a write whose answer was lost: reads back what it touched and calls `settle` with
    // the outcome to report.
    template <class T>
    using Recheck = std::function<void(const ApiError& lost, Callback<T> settle)>;

    template <class Request, class Merge>
    void send(const Request& request, const QString& description, QObject* context,
        Callback<typename Request::Value> done, Merge merge,
        Recheck<typename Request::Value> recheck = {});
    // After a lost answer: sends `read` and settles with what `decide` makes of its value. A
    // failed read settles as checkFailed(), except a 404: the object (or its cluster) is gone,
    // which is the outcome to report.
    template <class Read, class Value, class Decide>
    void readBack(
        const Read& read, const ApiError& lost, const Callback<Value>& settle, Decide decide);
    // The error to report when reading back after a lost answer failed too.
    static ApiError checkFailed(const ApiError& lost, const ApiError& check);
    void setOperationText(int id, const QString& description);
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
    // Tells the scheduler whether the agents are worth listing.
    void updateAgentsWanted();
    bool agentsRefused(const ApiError& error);
    void finishAgentsRefresh(bool ok, int pages);
    // Returns the memory the reload freed to the system (glibc keeps it otherwise).
    static void releaseFreedMemory();
    QString agentName(const Agent& agent) const;
    template <class Request>
    void sendAgentWrite(const Request& request, const Agent& agent, const QString& description,
        QObject* context, Callback<NoContent> done);

    // Refresh: one scheduler task sent, merged, and reported.
    void runTask(const RefreshScheduler::Task& task);
    void finishTask(
        const RefreshScheduler::Task& task, bool ok, int pages, const ApiError& error = {});
    void onReloadFinished();
    void forwardRateLimit(const RateLimitStatus& status);
    // Whether a group's (or the list's) failure shows inline: always when nothing was ever
    // loaded there; otherwise only when it says something about that node (not an outage, which
    // the freshness banner reports once for everything).
    bool showsInline(const ApiError& error, bool loadedBefore) const;
    // Every answer of the session says whether Buildkite is reachable.
    void noteAnswer(const ApiError& error);

    ApiClient* m_client;
    QString m_organization;
    OrganizationTreeModel* m_model;
    RefreshScheduler* m_scheduler;
    std::optional<AccessToken> m_accessToken;
    QDateTime m_lastRefreshed;
    ApiError m_lastRefreshError;
    ApiError m_reloadError; // the first of the refresh running
    ApiError m_staleError;
    ApiError m_unreachableError;
    bool m_reachable = true;
    int m_serverErrors = 0; // in a row
    bool m_autoRefresh = false;
    bool m_clustersListed = false; // ever, in this session
    int m_refreshOperation = -1;
    QList<std::pair<int, QString>> m_operations; // in flight, oldest first
    int m_nextOperation = 0;
    // Writes in flight, by operation: what calls their caller back if the session goes first.
    QHash<int, std::function<void(const ApiError&)>> m_pendingWrites;
    AgentAccess m_agentAccess = AgentAccess::Unknown;
    QString m_agentDeniedMessage;
    bool m_agentsInFlight = false;
    QList<std::function<void(bool, int)>> m_agentsWaiting; // refreshAgents() callers
    QDateTime m_agentsRefreshed;
};
