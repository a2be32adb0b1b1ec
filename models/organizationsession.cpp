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
            setAgentAccess(result.value().hasScope(QStringLiteral("read_agents"))
                    ? AgentAccess::Allowed
                    : AgentAccess::MissingScope);
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

// ---- agents

namespace {
const QString readAgentsScope = QStringLiteral("read_agents");
const QString writeAgentsScope = QStringLiteral("write_agents");
} // namespace

bool OrganizationSession::canReadAgents() const
{
    return m_agentAccess == AgentAccess::Unknown || m_agentAccess == AgentAccess::Allowed;
}

QString OrganizationSession::agentsUnavailableReason() const
{
    switch (m_agentAccess) {
    case AgentAccess::MissingScope:
        return tr("Agent counts need the read_agents scope on your API token");
    case AgentAccess::Denied:
        return tr("Buildkite does not show this token the agents: %1")
            .arg(ApiError::displayText(m_agentDeniedMessage));
    case AgentAccess::Unknown:
    case AgentAccess::Allowed:
        break;
    }
    return {};
}

QString OrganizationSession::agentWriteDeniedReason() const
{
    if (m_accessToken && !m_accessToken->hasScope(writeAgentsScope))
        return tr("Your API token doesn't have the write_agents scope");
    return {};
}

void OrganizationSession::setAgentAccess(AgentAccess access, const QString& message)
{
    if (access == m_agentAccess && message == m_agentDeniedMessage)
        return;
    m_agentAccess = access;
    m_agentDeniedMessage = message;
    if (!canReadAgents())
        m_model->clearAgents(); // unknown, never 0
    Q_EMIT agentAccessChanged();
}

bool OrganizationSession::agentsRefused(const ApiError& error)
{
    if (error.kind() != ApiError::Kind::Forbidden)
        return false;
    // "Your access token doesn't have the read_agents scope"; any other 403 (not an admin) keeps
    // Buildkite's own words.
    if (error.message().contains(readAgentsScope))
        setAgentAccess(AgentAccess::MissingScope);
    else
        setAgentAccess(AgentAccess::Denied, error.message());
    return true;
}

void OrganizationSession::refreshAgents(std::function<void(bool ok, int pages)> done)
{
    if (done)
        m_agentsWaiting.append(std::move(done));
    if (m_agentsInFlight)
        return;
    if (!canReadAgents() || m_organization.isEmpty()) {
        finishAgentsRefresh(false, 0);
        return;
    }
    m_agentsInFlight = true;
    const QString description = tr("Listing the agents of %1…").arg(m_organization);
    const int operation = beginOperation(description);
    m_client->call(ListAgents { m_organization }, this,
        [this, operation, description](const Result<QList<Agent>>& result) {
            endOperation(operation);
            if (!result) {
                if (!agentsRefused(result.error())) {
                    qCInfo(lcModels).noquote()
                        << "listing agents failed:" << result.error().toString();
                    Q_EMIT operationFailed(description, result.error());
                }
                finishAgentsRefresh(false, 1);
                return;
            }
            if (m_agentAccess == AgentAccess::Unknown)
                setAgentAccess(AgentAccess::Allowed);
            m_model->mergeAgents(result.value());
            m_agentsRefreshed = QDateTime::currentDateTimeUtc();
            // The client follows every next link and hands back one array: the pages it took
            // follow from the page size it asks for.
            const int perPage = qMax(1, m_client->options().perPage);
            const int pages = qMax(1, int((result.value().size() + perPage - 1) / perPage));
            Q_EMIT agentsRefreshed();
            finishAgentsRefresh(true, pages);
        });
}

void OrganizationSession::finishAgentsRefresh(bool ok, int pages)
{
    m_agentsInFlight = false;
    const auto waiting = std::exchange(m_agentsWaiting, {});
    for (const auto& done : waiting)
        done(ok, pages);
}

void OrganizationSession::listQueueAgents(const QString& queueId)
{
    if (queueId.isEmpty())
        return;
    if (!canReadAgents()) {
        Q_EMIT queueAgentsFailed(
            queueId, ApiError(ApiError::Kind::Forbidden, agentsUnavailableReason(), 403));
        return;
    }
    const QString description = tr("Listing the agents of queue “%1”…").arg(queueName(queueId));
    const int operation = beginOperation(description);
    AgentFilter filter;
    filter.clusterQueueId = queueId;
    m_client->call(ListAgents { m_organization, filter }, this,
        [this, operation, queueId](const Result<QList<Agent>>& result) {
            endOperation(operation);
            if (!result) {
                agentsRefused(result.error());
                Q_EMIT queueAgentsFailed(queueId, result.error());
                return;
            }
            if (m_agentAccess == AgentAccess::Unknown)
                setAgentAccess(AgentAccess::Allowed);
            m_model->mergeQueueAgents(queueId, result.value());
            Q_EMIT queueAgentsListed(queueId, result.value());
        });
}

QString OrganizationSession::agentName(const Agent& agent) const
{
    return agent.name.isEmpty() ? agent.id : agent.name;
}

template <class Request>
void OrganizationSession::sendAgentWrite(const Request& request, const Agent& agent,
    const QString& description, QObject* context, Callback<NoContent> done)
{
    send(request, description, context, std::move(done),
        [this, queueId = agent.queueId](const Result<NoContent>&) {
            // Whatever the answer, the table and the counts show the agents as they are now.
            listQueueAgents(queueId);
        });
}

void OrganizationSession::pauseAgent(const Agent& agent, const QString& note,
    std::optional<int> timeoutMinutes, QObject* context, Callback<NoContent> done)
{
    sendAgentWrite(PauseAgent { m_organization, agent.id, note, timeoutMinutes }, agent,
        tr("Pausing agent “%1”…").arg(agentName(agent)), context, std::move(done));
}

void OrganizationSession::resumeAgent(
    const Agent& agent, QObject* context, Callback<NoContent> done)
{
    sendAgentWrite(ResumeAgent { m_organization, agent.id }, agent,
        tr("Resuming agent “%1”…").arg(agentName(agent)), context, std::move(done));
}

void OrganizationSession::stopAgent(
    const Agent& agent, bool force, QObject* context, Callback<NoContent> done)
{
    sendAgentWrite(StopAgent { m_organization, agent.id, force }, agent,
        force ? tr("Force-stopping agent “%1”…").arg(agentName(agent))
              : tr("Stopping agent “%1”…").arg(agentName(agent)),
        context, std::move(done));
}
