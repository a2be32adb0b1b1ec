// SPDX-License-Identifier: MIT
#include "organizationsession.h"

#include "api/apiclient.h"
#include "api/requests/accesstokenrequests.h"
#include "modelslogging.h"
#include "organizationtreemodel.h"

#include <QMetaEnum>
#include <QPointer>

#include <algorithm>

OrganizationSession::OrganizationSession(
    ApiClient* client, const QString& organization, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_organization(organization)
    , m_model(new OrganizationTreeModel(this))
    , m_scheduler(new RefreshScheduler(this))
{
    m_model->setOrganization(organization);
    connect(m_client, &ApiClient::rateLimitChanged, this, [this](const RateLimitStatus& status) {
        forwardRateLimit(status);
        Q_EMIT rateLimitChanged(status);
    });
    connect(m_scheduler, &RefreshScheduler::due, this, &OrganizationSession::runTask);
    connect(m_scheduler, &RefreshScheduler::reloadFinished, this,
        &OrganizationSession::onReloadFinished);
    connect(m_scheduler, &RefreshScheduler::planChanged, this,
        &OrganizationSession::refreshPlanChanged);
}

OrganizationSession::~OrganizationSession() = default;

int OrganizationSession::requestsPerRefresh() const { return 1 + 2 * m_model->summary().clusters; }

RateLimitStatus OrganizationSession::rateLimit() const { return m_client->rateLimit(); }

void OrganizationSession::fetchAccessToken()
{
    const QString description = tr("Checking the access token…");
    const int operation = beginOperation(description);
    m_client->call(
        GetAccessToken {}, this, [this, operation, description](const Result<AccessToken>& result) {
            endOperation(operation);
            noteAnswer(result ? ApiError() : result.error());
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
            noteAnswer(result ? ApiError() : result.error());
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

// ---- refresh

namespace {
using Task = RefreshScheduler::Task;
using Work = RefreshScheduler::Work;

// What a paged list cost: the client asks for full pages.
int pagesFor(qsizetype items)
{
    return std::max(1, int((items + RefreshScheduler::pageSize - 1) / RefreshScheduler::pageSize));
}

// Buildkite could not be reached, or could not answer: says nothing about one node.
bool isOutage(const ApiError& error)
{
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Server:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::OutcomeUnknown:
        return true;
    default:
        return false;
    }
}
} // namespace

void OrganizationSession::refresh()
{
    if (m_organization.isEmpty() || isRefreshing())
        return;
    m_reloadError = ApiError();
    m_refreshOperation = beginOperation(tr("Refreshing %1…").arg(m_organization));
    m_model->setLoading(true);
    Q_EMIT refreshStarted();
    if (!m_scheduler->isRunning())
        m_scheduler->start();
    m_scheduler->reloadAll();
    Q_EMIT refreshPlanChanged();
}

void OrganizationSession::setAutoRefresh(bool on)
{
    if (on == m_autoRefresh)
        return;
    m_autoRefresh = on;
    if (on) {
        if (!m_scheduler->isRunning() && !m_organization.isEmpty())
            m_scheduler->start();
    } else if (!m_scheduler->isReloading()) {
        m_scheduler->stop();
    }
    Q_EMIT refreshPlanChanged();
}

void OrganizationSession::setRefreshBudget(double share, int intervalSeconds)
{
    RefreshScheduler::Settings settings = m_scheduler->settings();
    settings.share = share;
    settings.intervalSeconds = intervalSeconds;
    m_scheduler->setSettings(settings);
}

void OrganizationSession::setHotClusters(const QStringList& clusterIds)
{
    m_scheduler->setHotClusters(clusterIds);
}

void OrganizationSession::wantTokens(const QString& clusterId)
{
    if (clusterId.isEmpty())
        return;
    m_scheduler->requestSoon(
        { Work::Tokens, clusterId }, qint64(m_scheduler->settings().intervalSeconds) * 1000);
}

void OrganizationSession::retryNow()
{
    if (!m_scheduler->isRunning()) {
        refresh();
        return;
    }
    m_scheduler->requestSoon({ Work::ClusterList, {} });
    for (const QString& id : m_scheduler->hotClusters())
        m_scheduler->requestSoon({ Work::Queues, id });
}

void OrganizationSession::forwardRateLimit(const RateLimitStatus& status)
{
    // The share is of the user's limit (the budget Buildkite gives each user); what the window
    // has left is the tighter of the two windows.
    const RateLimitWindow budget = status.user.isKnown() ? status.user : status.organization;
    const RateLimitWindow tightest = status.tightest();
    if (budget.isKnown())
        m_scheduler->setRateLimit(budget.limit, tightest.remaining, tightest.resetSeconds);
}

void OrganizationSession::runTask(const RefreshScheduler::Task& task)
{
    const QString id = task.clusterId;
    switch (task.work) {
    case Work::ClusterList:
        m_client->call(
            ListClusters { m_organization }, this, [this, task](const Result<QList<Cluster>>& r) {
                if (!r) {
                    if (showsInline(r.error(), m_clustersListed))
                        m_model->setOrganizationError(r.error());
                    finishTask(task, false, 1, r.error());
                    return;
                }
                m_clustersListed = true;
                m_model->mergeClusters(r.value());
                m_model->setListCheckedAt(QDateTime::currentDateTimeUtc());
                QStringList ids;
                ids.reserve(r.value().size());
                for (const Cluster& c : r.value())
                    ids.append(c.id);
                m_scheduler->setClusters(ids);
                finishTask(task, true, pagesFor(r.value().size()));
            });
        return;
    case Work::Queues:
        m_client->call(ListQueues { m_organization, id }, this,
            [this, task, id](const Result<QList<Queue>>& r) {
                if (r) {
                    m_model->mergeClusterQueues(id, r.value());
                    m_model->setQueuesCheckedAt(id, QDateTime::currentDateTimeUtc());
                } else if (showsInline(r.error(),
                               m_model->groupIndex(id, OrganizationTreeModel::NodeKind::QueueGroup)
                                   .data(OrganizationTreeModel::CountRole)
                                   .isValid())) {
                    m_model->setQueuesError(id, r.error());
                }
                finishTask(
                    task, r.ok(), r ? pagesFor(r.value().size()) : 1, r ? ApiError() : r.error());
            });
        return;
    case Work::Tokens:
        m_client->call(ListAgentTokens { m_organization, id }, this,
            [this, task, id](const Result<QList<AgentToken>>& r) {
                if (r) {
                    m_model->mergeClusterTokens(id, r.value());
                    m_model->setTokensCheckedAt(id, QDateTime::currentDateTimeUtc());
                } else if (showsInline(r.error(),
                               m_model->groupIndex(id, OrganizationTreeModel::NodeKind::TokenGroup)
                                   .data(OrganizationTreeModel::CountRole)
                                   .isValid())) {
                    m_model->setTokensError(id, r.error());
                }
                finishTask(
                    task, r.ok(), r ? pagesFor(r.value().size()) : 1, r ? ApiError() : r.error());
            });
        return;
    case Work::Agents: {
        // Reported from the event loop even when the answer is at hand: the scheduler is in
        // the middle of sending when it emits due().
        QPointer<OrganizationSession> self(this);
        refreshAgents([self, task](bool ok, int pages) {
            QMetaObject::invokeMethod(
                self, [self, task, ok, pages] { self->finishTask(task, ok, pages); },
                Qt::QueuedConnection);
        });
        return;
    }
    }
}

bool OrganizationSession::showsInline(const ApiError& error, bool loadedBefore) const
{
    return !loadedBefore || !isOutage(error);
}

void OrganizationSession::finishTask(
    const RefreshScheduler::Task& task, bool ok, int pages, const ApiError& error)
{
    if (error)
        noteAnswer(error);
    else if (ok)
        noteAnswer({});
    if (ok) {
        m_lastRefreshed = QDateTime::currentDateTimeUtc();
        m_staleError = ApiError();
        Q_EMIT freshnessChanged();
    } else if (error) {
        qCInfo(lcModels).noquote()
            << "checking" << m_organization
            << QMetaEnum::fromType<RefreshScheduler::Work>().valueToKey(int(task.work))
            << task.clusterId << "failed:" << error.toString();
        if (isRefreshing() && !m_reloadError)
            m_reloadError = error;
        if (isOutage(error)) {
            m_staleError = error;
            Q_EMIT freshnessChanged();
        }
        // The cluster is gone (or out of reach): the list knows which.
        if (error.kind() == ApiError::Kind::NotFound && task.work != Work::ClusterList)
            m_scheduler->requestSoon({ Work::ClusterList, {} });
    }
    m_scheduler->finished(task, ok, pages);
}

void OrganizationSession::onReloadFinished()
{
    m_model->setLoading(false);
    m_lastRefreshError = m_reloadError;
    if (m_reloadError) {
        qCInfo(lcModels).noquote()
            << "refresh of" << m_organization << "failed:" << m_reloadError.toString();
        Q_EMIT operationFailed(tr("Refreshing %1").arg(m_organization), m_reloadError);
    }
    const int operation = m_refreshOperation;
    m_refreshOperation = -1;
    endOperation(operation);
    if (!m_autoRefresh)
        m_scheduler->stop();
    Q_EMIT refreshPlanChanged();
    Q_EMIT refreshFinished(m_lastRefreshError);
}

void OrganizationSession::noteAnswer(const ApiError& error)
{
    bool reachable = true;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::OutcomeUnknown:
        reachable = false;
        break;
    case ApiError::Kind::Server:
        // One 503 can be a cluster update's hosted settings; a streak is the service.
        reachable = ++m_serverErrors < serverErrorStreak && m_reachable;
        break;
    default:
        m_serverErrors = 0;
        break;
    }
    if (!reachable)
        m_unreachableError = error;
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    if (reachable)
        m_unreachableError = ApiError();
    qCInfo(lcModels).noquote() << m_organization
                               << (reachable ? "is reachable again" : "is unreachable:")
                               << (reachable ? QString() : error.toString());
    Q_EMIT reachabilityChanged(reachable);
}

// ---- agents: the contract with the agents' part, which replaces this stub

void OrganizationSession::refreshAgents(std::function<void(bool ok, int pages)> done)
{
    // No agent list yet: nothing to load. The scheduler asks only once setAgentsWanted(true).
    if (done)
        done(true, 1);
}
