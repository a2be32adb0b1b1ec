// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "api/result.h"
#include "domain/accesstoken.h"

#include <QDateTime>
#include <QHash>
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
    // Writes in flight, by operation: what calls their caller back if the session goes first.
    QHash<int, std::function<void(const ApiError&)>> m_pendingWrites;
};
