// SPDX-License-Identifier: MIT
#include "organizationsession.h"

#include "api/apiclient.h"
#include "api/requests/accesstokenrequests.h"
#include "modelslogging.h"
#include "organizationloader.h"
#include "organizationtreemodel.h"

#include <QPointer>

OrganizationSession::OrganizationSession(
    ApiClient* client, const QString& organization, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_organization(organization)
    , m_model(new OrganizationTreeModel(this))
    , m_loader(new OrganizationLoader(client, this))
{
    m_model->setOrganization(organization);
    connect(m_client, &ApiClient::rateLimitChanged, this, &OrganizationSession::rateLimitChanged);

    connect(m_loader, &OrganizationLoader::clustersLoaded, this,
        [this](const QList<Cluster>& clusters) {
            m_clustersListed = true;
            m_model->mergeClusters(clusters);
        });
    connect(m_loader, &OrganizationLoader::clusterLoaded, this, [this](const ClusterSnapshot& c) {
        if (c.error)
            m_model->setClusterError(c.cluster.id, c.error);
        else
            m_model->mergeClusterChildren(c.cluster.id, c.queues, c.tokens);
    });
    connect(m_loader, &OrganizationLoader::finished, this,
        [this](const OrganizationSnapshot&, const ApiError& error) {
            m_model->setLoading(false);
            if (error && !m_clustersListed)
                m_model->setOrganizationError(error);
            if (m_clustersListed)
                m_lastRefreshed = QDateTime::currentDateTimeUtc();
            m_lastRefreshError = error;
            if (error) {
                qCInfo(lcModels).noquote()
                    << "refresh of" << m_organization << "failed:" << error.toString();
                Q_EMIT operationFailed(tr("Refreshing %1").arg(m_organization), error);
            }
            const int operation = m_refreshOperation;
            m_refreshOperation = -1;
            endOperation(operation);
            Q_EMIT refreshFinished(error);
        });
}

OrganizationSession::~OrganizationSession() = default;

bool OrganizationSession::isRefreshing() const { return m_loader->isLoading(); }

int OrganizationSession::requestsPerRefresh() const { return 1 + 2 * m_model->summary().clusters; }

RateLimitStatus OrganizationSession::rateLimit() const { return m_client->rateLimit(); }

void OrganizationSession::refresh()
{
    if (m_loader->isLoading() || m_organization.isEmpty())
        return;
    m_clustersListed = false;
    m_refreshOperation = beginOperation(tr("Refreshing %1…").arg(m_organization));
    m_model->setLoading(true);
    Q_EMIT refreshStarted();
    m_loader->load(m_organization);
}

void OrganizationSession::fetchAccessToken()
{
    const QString description = tr("Checking the access token…");
    const int operation = beginOperation(description);
    m_client->call(
        GetAccessToken {}, this, [this, operation, description](const Result<AccessToken>& result) {
            endOperation(operation);
            if (!result) {
                Q_EMIT operationFailed(description, result.error());
                Q_EMIT accessTokenFailed(result.error());
                return;
            }
            m_accessToken = result.value();
            Q_EMIT accessTokenLoaded(result.value());
        });
}

bool OrganizationSession::canWrite() const { return m_accessToken && m_accessToken->canWrite(); }

// ---- activity

int OrganizationSession::beginOperation(const QString& description)
{
    const int id = m_nextOperation++;
    const bool wasBusy = isBusy();
    m_operations.append({ id, description });
    Q_EMIT activity(description);
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    return id;
}

void OrganizationSession::endOperation(int id)
{
    const auto it = std::find_if(m_operations.begin(), m_operations.end(),
        [id](const std::pair<int, QString>& op) { return op.first == id; });
    if (it == m_operations.end())
        return;
    m_operations.erase(it);
    Q_EMIT activity(currentActivity());
    if (!isBusy())
        Q_EMIT busyChanged(false);
}

QString OrganizationSession::currentActivity() const
{
    return m_operations.isEmpty() ? QString() : m_operations.constLast().second;
}

QString OrganizationSession::clusterName(const QString& id) const
{
    const auto cluster = m_model->clusterForId(id);
    return cluster && !cluster->name.isEmpty() ? cluster->name : id;
}

QString OrganizationSession::queueName(const QString& id) const
{
    const auto queue = m_model->queue(id);
    return queue ? queue->key : id;
}

QString OrganizationSession::tokenName(const QString& id) const
{
    const auto token = m_model->token(id);
    return token && !token->description.isEmpty() ? token->description : id;
}

// ---- writes

template <class Request, class Merge>
void OrganizationSession::send(const Request& request, const QString& description, QObject* context,
    Callback<typename Request::Value> done, Merge merge)
{
    const int operation = beginOperation(description);
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    // The session, not the caller, is the request's context: the answer is merged even if the
    // dialog that asked is gone, because the server has changed either way.
    m_client->call(request, this,
        [this, operation, description, hasContext, guard, done = std::move(done),
            merge = std::move(merge)](const Result<typename Request::Value>& result) {
            endOperation(operation);
            merge(result);
            if (!result) {
                qCInfo(lcModels).noquote() << description << "failed:" << result.error().toString();
                Q_EMIT operationFailed(description, result.error());
            }
            if (done && (!hasContext || guard))
                done(result);
        });
}

namespace {
// How each kind of object is written into the model and taken out of it.
template <class Object>
struct ModelOps;

template <>
struct ModelOps<Cluster> {
    static void upsert(OrganizationTreeModel* model, const Cluster& c) { model->upsertCluster(c); }
    static void remove(OrganizationTreeModel* model, const QString&, const QString& id)
    {
        model->removeCluster(id);
    }
};

template <>
struct ModelOps<Queue> {
    static void upsert(OrganizationTreeModel* model, const Queue& q) { model->upsertQueue(q); }
    static void remove(OrganizationTreeModel* model, const QString& clusterId, const QString& id)
    {
        model->removeQueue(clusterId, id);
    }
};

template <>
struct ModelOps<AgentToken> {
    static void upsert(OrganizationTreeModel* model, const AgentToken& t) { model->upsertToken(t); }
    // The listed token only: the value goes to the caller and nowhere else.
    static void upsert(OrganizationTreeModel* model, const CreatedAgentToken& created)
    {
        model->upsertToken(created.token);
    }
    static void remove(OrganizationTreeModel* model, const QString& clusterId, const QString& id)
    {
        model->removeToken(clusterId, id);
    }
};
} // namespace

template <class Object, OrganizationSession::OnRejected onRejected>
auto OrganizationSession::follow(const QString& clusterId, const QString& id)
{
    return [this, clusterId, id](const auto& result) {
        using Ops = ModelOps<Object>;
        using Value = std::decay_t<decltype(result.value())>;
        if (result) {
            if constexpr (std::is_same_v<Value, NoContent>)
                Ops::remove(m_model, clusterId, id);
            else
                Ops::upsert(m_model, result.value());
            return;
        }
        const ApiError::Kind kind = result.error().kind();
        // A create has no id yet: its 404 is about the cluster, which a refresh will sort out.
        if (kind == ApiError::Kind::NotFound && !id.isEmpty()) {
            Ops::remove(m_model, clusterId, id);
        } else if (kind == ApiError::Kind::Validation) {
            if constexpr (onRejected == OnRejected::Reload) {
                static_assert(std::is_same_v<Object, Queue>, "only queues are reloaded");
                reloadQueue(clusterId, id);
            }
        }
    };
}

void OrganizationSession::createCluster(
    const ClusterInput& input, QObject* context, Callback<Cluster> done)
{
    send(CreateCluster { m_organization, input },
        tr("Creating cluster “%1”…").arg(input.name.value_or(QString())), context, std::move(done),
        [this](const Result<Cluster>& r) {
            if (!r)
                return;
            const bool isNew = !m_model->clusterForId(r.value().id);
            m_model->upsertCluster(r.value());
            // A cluster just created has neither queues nor tokens: no need to load them.
            if (isNew)
                m_model->mergeClusterChildren(r.value().id, {}, {});
        });
}

void OrganizationSession::updateCluster(
    const QString& id, const ClusterInput& input, QObject* context, Callback<Cluster> done)
{
    send(UpdateCluster { m_organization, id, input },
        tr("Updating cluster “%1”…").arg(clusterName(id)), context, std::move(done),
        follow<Cluster>(id, id));
}

void OrganizationSession::deleteCluster(
    const QString& id, QObject* context, Callback<NoContent> done)
{
    send(DeleteCluster { m_organization, id }, tr("Deleting cluster “%1”…").arg(clusterName(id)),
        context, std::move(done), follow<Cluster>(id, id));
}

void OrganizationSession::createQueue(
    const QString& clusterId, const QueueInput& input, QObject* context, Callback<Queue> done)
{
    send(CreateQueue { m_organization, clusterId, input },
        tr("Creating queue “%1” in %2…").arg(input.key, clusterName(clusterId)), context,
        std::move(done), follow<Queue>(clusterId, {}));
}

void OrganizationSession::updateQueue(const QString& clusterId, const QString& id,
    const QueueInput& input, QObject* context, Callback<Queue> done)
{
    send(UpdateQueue { m_organization, clusterId, id, input },
        tr("Updating queue “%1”…").arg(queueName(id)), context, std::move(done),
        follow<Queue>(clusterId, id));
}

void OrganizationSession::deleteQueue(
    const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done)
{
    send(DeleteQueue { m_organization, clusterId, id },
        tr("Deleting queue “%1”…").arg(queueName(id)), context, std::move(done),
        follow<Queue>(clusterId, id));
}

void OrganizationSession::pauseQueue(const QString& clusterId, const QString& id,
    const QString& note, QObject* context, Callback<Queue> done)
{
    send(PauseQueue { m_organization, clusterId, id, note },
        tr("Pausing queue “%1”…").arg(queueName(id)), context, std::move(done),
        follow<Queue, OnRejected::Reload>(clusterId, id));
}

void OrganizationSession::resumeQueue(
    const QString& clusterId, const QString& id, QObject* context, Callback<Queue> done)
{
    send(ResumeQueue { m_organization, clusterId, id },
        tr("Resuming queue “%1”…").arg(queueName(id)), context, std::move(done),
        follow<Queue, OnRejected::Reload>(clusterId, id));
}

void OrganizationSession::reloadQueue(const QString& clusterId, const QString& id)
{
    send(GetQueue { m_organization, clusterId, id }, tr("Reloading queue “%1”…").arg(queueName(id)),
        nullptr, {}, follow<Queue>(clusterId, id));
}

void OrganizationSession::createToken(const QString& clusterId, const AgentTokenInput& input,
    QObject* context, Callback<CreatedAgentToken> done)
{
    send(CreateAgentToken { m_organization, clusterId, input },
        tr("Creating agent token “%1”…").arg(input.description), context, std::move(done),
        follow<AgentToken>(clusterId, {}));
}

void OrganizationSession::updateToken(const QString& clusterId, const QString& id,
    const AgentTokenInput& input, QObject* context, Callback<AgentToken> done)
{
    send(UpdateAgentToken { m_organization, clusterId, id, input },
        tr("Updating agent token “%1”…").arg(tokenName(id)), context, std::move(done),
        follow<AgentToken>(clusterId, id));
}

void OrganizationSession::deleteToken(
    const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done)
{
    send(DeleteAgentToken { m_organization, clusterId, id },
        tr("Deleting agent token “%1”…").arg(tokenName(id)), context, std::move(done),
        follow<AgentToken>(clusterId, id));
}
