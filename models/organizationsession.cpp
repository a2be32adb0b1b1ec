// SPDX-License-Identifier: MIT
#include "organizationsession.h"

#include "api/apiclient.h"
#include "api/requests/accesstokenrequests.h"
#include "modelslogging.h"
#include "organizationtreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QPointer>
#include <QSet>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

OrganizationSession::~OrganizationSession()
{
    // The answers of writes still in flight will never be read (the client drops callbacks whose
    // context is gone): tell their callers now rather than leave them waiting.
    const auto pending = std::exchange(m_pendingWrites, {});
    const ApiError gone(ApiError::Kind::OutcomeUnknown,
        tr("Kitedeck left the organisation “%1” before Buildkite answered, so the change may or "
           "may not have been made. Check when you open “%1” again.")
            .arg(m_organization));
    for (const auto& abandon : pending)
        abandon(gone);
}

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
            setAgentAccess(result.value().hasScope(QStringLiteral("read_agents"))
                    ? AgentAccess::Allowed
                    : AgentAccess::MissingScope);
            updateAgentsWanted();
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
    Callback<typename Request::Value> done, Merge merge, Recheck<typename Request::Value> recheck)
{
    using Value = typename Request::Value;
    const int operation = beginOperation(description);
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    auto answer = [guard, hasContext, done](const Result<Value>& result) {
        if (done && (!hasContext || guard))
            done(result);
    };
    if (!request.toApiRequest().isIdempotent())
        m_pendingWrites.insert(operation, [answer](const ApiError& error) { answer(error); });
    auto finish = [this, operation, description, answer, merge = std::move(merge)](
                      const Result<Value>& result) {
        m_pendingWrites.remove(operation);
        endOperation(operation);
        noteAnswer(result ? ApiError() : result.error());
        merge(result);
        if (!result) {
            qCInfo(lcModels).noquote() << description << "failed:" << result.error().toString();
            Q_EMIT operationFailed(description, result.error());
        }
        answer(result);
    };
    // The session, not the caller, is the request's context: the answer is merged even if the
    // dialog that asked is gone, because the server has changed either way.
    m_client->call(request, this,
        [this, operation, description, finish, recheck = std::move(recheck)](
            const Result<Value>& result) {
            if (!result && result.error().kind() == ApiError::Kind::OutcomeUnknown && recheck) {
                // Neither a success nor a failure yet: read back what the write touched.
                const bool answered = result.error().answerArrived();
                qCInfo(lcModels).noquote() << description
                                           << (answered ? "was answered unreadably; checking"
                                                        : "was not answered; checking");
                setOperationText(operation,
                    answered
                        ? OrganizationSession::tr("Buildkite answered, but its answer could "
                                                  "not be read; checking whether the change "
                                                  "was made…")
                        : OrganizationSession::tr(
                            "Buildkite did not answer; checking whether the change was made…"));
                recheck(result.error(), finish);
                return;
            }
            finish(result);
        });
}

template <class Read, class Value, class Decide>
void OrganizationSession::readBack(
    const Read& read, const ApiError& lost, const Callback<Value>& settle, Decide decide)
{
    m_client->call(read, this, [lost, settle, decide](const Result<typename Read::Value>& r) {
        if (!r) {
            settle(r.error().kind() == ApiError::Kind::NotFound ? r.error()
                                                                : checkFailed(lost, r.error()));
            return;
        }
        settle(decide(r.value()));
    });
}

ApiError OrganizationSession::checkFailed(const ApiError& lost, const ApiError& check)
{
    return ApiError(ApiError::Kind::OutcomeUnknown,
        tr("%1. Reading it back failed too (%2): refresh to see whether it was made.")
            .arg(lost.message(), check.toString()));
}

void OrganizationSession::setOperationText(int id, const QString& description)
{
    for (auto& op : m_operations) {
        if (op.first == id)
            op.second = description;
    }
    Q_EMIT activity(currentActivity());
}

namespace {
// A paged list read page by page: each page's JSON is parsed into values and dropped as it
// arrives, so one page's document is alive at a time, not the whole list's (the cluster list of
// 1,000 clusters is megabytes of JSON, then as much again as values, at once). A failed page
// fails the call; the pages before it are dropped. An item's place in a parse error counts from
// its own page.
//
// keep, when given, may trim each parsed page before it is kept (see shareUnchanged).
template <class Request, class Fn>
void callEachPage(ApiClient* client, const Request& request, QObject* context, Fn&& done,
    std::function<void(typename Request::Value&)> keep = {})
{
    using Value = typename Request::Value;
    auto values = std::make_shared<Value>();
    client->sendEachPage(
        request.toApiRequest(), context,
        [request, values, keep = std::move(keep)](const QJsonArray& page) -> ApiError {
            Result<Value> parsed = request.parse(QJsonDocument(page));
            if (!parsed)
                return parsed.error();
            Value items = std::move(parsed).value();
            if (keep)
                keep(items);
            values->append(std::move(items));
            return {};
        },
        [values, done = std::forward<Fn>(done)](const Result<QJsonDocument>& result) {
            if (!result)
                done(Result<Value>(result.error()));
            else
                done(Result<Value>(std::move(*values)));
        });
}

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
template <class T>
QSet<QString> idsOf(const QList<T>& items)
{
    QSet<QString> ids;
    for (const T& item : items)
        ids.insert(item.id);
    return ids;
}

template <class T>
std::optional<T> findId(const QList<T>& items, const QString& id)
{
    for (const T& item : items) {
        if (item.id == id)
            return item;
    }
    return std::nullopt;
}

// Read back after a lost answer, a field the write set still holds the value it had before (and
// that value is not what was asked): the change is not there. A field that changed in any way
// counts as changed, since the server may store what it was sent in a normalised form.
bool stillOld(const std::optional<QString>& asked, const QString& before, const QString& after)
{
    return asked && after == before && before != *asked;
}

// How a read-back message begins: what became of the write's own answer. An answer that arrived
// but could not be read is not "no answer" (Buildkite was reachable all along).
QString whatHappened(const ApiError& lost)
{
    return lost.answerArrived()
        ? OrganizationSession::tr("Buildkite answered, but its answer could not be read")
        : OrganizationSession::tr("Buildkite did not answer");
}

// "Nothing changed" after a lost or unreadable answer: safe to send again. The message begins
// with whatHappened(lost). Not a network failure when an answer did arrive.
ApiError notMade(const ApiError& lost, const QString& message)
{
    return ApiError(
        lost.answerArrived() ? ApiError::Kind::BadResponse : ApiError::Kind::Network, message);
}
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
    const QString name = input.name.value_or(QString());
    const QSet<QString> before = idsOf(m_model->clusters());
    send(
        CreateCluster { m_organization, input },
        tr("Creating cluster “%1”…").arg(input.name.value_or(QString())), context, std::move(done),
        [this](const Result<Cluster>& r) {
            if (!r)
                return;
            const bool isNew = !m_model->clusterForId(r.value().id);
            m_model->upsertCluster(r.value());
            // A cluster just created has neither queues nor tokens: no need to load them.
            if (isNew)
                m_model->mergeClusterChildren(r.value().id, {}, {});
        },
        [this, name, before](const ApiError& lost, const Callback<Cluster>& settle) {
            readBack(ListClusters { m_organization }, lost, settle,
                [this, lost, name, before](const QList<Cluster>& listed) -> Result<Cluster> {
                    // The newest of the clusters that were not there before, with this name.
                    for (auto it = listed.crbegin(); it != listed.crend(); ++it) {
                        if (!before.contains(it->id) && it->name == name)
                            return *it;
                    }
                    return notMade(lost,
                        tr("%1, and its list of clusters has no "
                           "new “%2”: the cluster was not created. You can try again.")
                            .arg(whatHappened(lost), name));
                });
        });
}

void OrganizationSession::updateCluster(
    const QString& id, const ClusterInput& input, QObject* context, Callback<Cluster> done)
{
    const Cluster before = m_model->clusterForId(id).value_or(Cluster {});
    send(UpdateCluster { m_organization, id, input },
        tr("Updating cluster “%1”…").arg(clusterName(id)), context, std::move(done),
        follow<Cluster>(id, id),
        [this, id, input, before](const ApiError& lost, const Callback<Cluster>& settle) {
            readBack(GetCluster { m_organization, id }, lost, settle,
                [this, lost, input, before](const Cluster& c) -> Result<Cluster> {
                    if (stillOld(input.name, before.name, c.name)
                        || stillOld(input.description, before.description, c.description)
                        || stillOld(input.emoji, before.emoji, c.emoji)
                        || stillOld(input.color, before.color, c.color)
                        || stillOld(
                            input.defaultQueueId, before.defaultQueueId, c.defaultQueueId)) {
                        m_model->upsertCluster(c);
                        return notMade(lost,
                            tr("%1, and the cluster “%2” as it "
                               "reads now does not have the change: it was not saved. "
                               "You can try again.")
                                .arg(whatHappened(lost), c.name));
                    }
                    return c;
                });
        });
}

void OrganizationSession::deleteCluster(
    const QString& id, QObject* context, Callback<NoContent> done)
{
    const QString name = clusterName(id);
    send(DeleteCluster { m_organization, id }, tr("Deleting cluster “%1”…").arg(name), context,
        std::move(done), follow<Cluster>(id, id),
        [this, id, name](const ApiError& lost, const Callback<NoContent>& settle) {
            readBack(ListClusters { m_organization }, lost, settle,
                [this, lost, id, name](const QList<Cluster>& listed) -> Result<NoContent> {
                    const auto still = findId(listed, id);
                    if (!still)
                        return NoContent {};
                    m_model->upsertCluster(*still);
                    return notMade(lost,
                        tr("%1, and the cluster “%2” is still "
                           "listed: it was not deleted. You can try again.")
                            .arg(whatHappened(lost), name));
                });
        });
}

void OrganizationSession::createQueue(
    const QString& clusterId, const QueueInput& input, QObject* context, Callback<Queue> done)
{
    const QSet<QString> before = idsOf(m_model->queues(clusterId));
    send(CreateQueue { m_organization, clusterId, input },
        tr("Creating queue “%1” in %2…").arg(input.key, clusterName(clusterId)), context,
        std::move(done), follow<Queue>(clusterId, {}),
        [this, clusterId, key = input.key, before](
            const ApiError& lost, const Callback<Queue>& settle) {
            readBack(ListQueues { m_organization, clusterId }, lost, settle,
                [this, lost, clusterId, key, before](const QList<Queue>& listed) -> Result<Queue> {
                    // Keys are unique in a cluster: a new queue with this key is this one.
                    for (const Queue& q : listed) {
                        if (q.key == key && !before.contains(q.id))
                            return q;
                    }
                    return notMade(lost,
                        tr("%1, and the queues of %2 have no new "
                           "“%3”: the queue was not created. You can try again.")
                            .arg(whatHappened(lost), clusterName(clusterId), key));
                });
        });
}

void OrganizationSession::updateQueue(const QString& clusterId, const QString& id,
    const QueueInput& input, QObject* context, Callback<Queue> done)
{
    const Queue before = m_model->queue(id).value_or(Queue {});
    send(UpdateQueue { m_organization, clusterId, id, input },
        tr("Updating queue “%1”…").arg(queueName(id)), context, std::move(done),
        follow<Queue>(clusterId, id),
        [this, clusterId, id, input, before](const ApiError& lost, const Callback<Queue>& settle) {
            readBack(GetQueue { m_organization, clusterId, id }, lost, settle,
                [this, lost, input, before](const Queue& q) -> Result<Queue> {
                    // The image is only sent beside a shape.
                    std::optional<QString> image;
                    if (input.instanceShape && input.agentImageRef)
                        image = input.agentImageRef->trimmed();
                    if (stillOld(input.description, before.description, q.description)
                        || stillOld(input.retryAgentAffinity, before.retryAgentAffinity,
                            q.retryAgentAffinity)
                        || stillOld(
                            input.instanceShape, before.instanceShape.name, q.instanceShape.name)
                        || stillOld(image, before.agentImageRef, q.agentImageRef)) {
                        m_model->upsertQueue(q);
                        return notMade(lost,
                            tr("%1, and the queue “%2” as it "
                               "reads now does not have the change: it was not saved. "
                               "You can try again.")
                                .arg(whatHappened(lost), q.key));
                    }
                    return q;
                });
        });
}

void OrganizationSession::deleteQueue(
    const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done)
{
    const QString name = queueName(id);
    send(DeleteQueue { m_organization, clusterId, id }, tr("Deleting queue “%1”…").arg(name),
        context, std::move(done), follow<Queue>(clusterId, id),
        [this, clusterId, id, name](const ApiError& lost, const Callback<NoContent>& settle) {
            readBack(ListQueues { m_organization, clusterId }, lost, settle,
                [this, lost, id, name](const QList<Queue>& listed) -> Result<NoContent> {
                    const auto still = findId(listed, id);
                    if (!still)
                        return NoContent {};
                    m_model->upsertQueue(*still);
                    return notMade(lost,
                        tr("%1, and the queue “%2” is still "
                           "listed: it was not deleted. You can try again.")
                            .arg(whatHappened(lost), name));
                });
        });
}

void OrganizationSession::pauseQueue(const QString& clusterId, const QString& id,
    const QString& note, QObject* context, Callback<Queue> done)
{
    Q_EMIT queueWriteStarted(id);
    send(
        PauseQueue { m_organization, clusterId, id, note },
        tr("Pausing queue “%1”…").arg(queueName(id)), context, std::move(done),
        [this, id, merge = follow<Queue, OnRejected::Reload>(clusterId, id)](
            const Result<Queue>& r) {
            merge(r);
            Q_EMIT queueWriteFinished(id);
        },
        [this, clusterId, id](const ApiError& lost, const Callback<Queue>& settle) {
            readBack(GetQueue { m_organization, clusterId, id }, lost, settle,
                [this, lost](const Queue& q) -> Result<Queue> {
                    if (q.dispatchPaused)
                        return q;
                    m_model->upsertQueue(q);
                    return notMade(lost,
                        tr("%1, and the queue “%2” is not "
                           "paused: dispatch still runs. You can try again.")
                            .arg(whatHappened(lost), q.key));
                });
        });
}

void OrganizationSession::resumeQueue(
    const QString& clusterId, const QString& id, QObject* context, Callback<Queue> done)
{
    Q_EMIT queueWriteStarted(id);
    send(
        ResumeQueue { m_organization, clusterId, id },
        tr("Resuming queue “%1”…").arg(queueName(id)), context, std::move(done),
        [this, id, merge = follow<Queue, OnRejected::Reload>(clusterId, id)](
            const Result<Queue>& r) {
            merge(r);
            Q_EMIT queueWriteFinished(id);
        },
        [this, clusterId, id](const ApiError& lost, const Callback<Queue>& settle) {
            readBack(GetQueue { m_organization, clusterId, id }, lost, settle,
                [this, lost](const Queue& q) -> Result<Queue> {
                    if (!q.dispatchPaused)
                        return q;
                    m_model->upsertQueue(q);
                    return notMade(lost,
                        tr("%1, and the queue “%2” is still "
                           "paused. You can try again.")
                            .arg(whatHappened(lost), q.key));
                });
        });
}

void OrganizationSession::reloadQueue(const QString& clusterId, const QString& id)
{
    send(GetQueue { m_organization, clusterId, id }, tr("Reloading queue “%1”…").arg(queueName(id)),
        nullptr, {}, follow<Queue>(clusterId, id));
}

void OrganizationSession::createToken(const QString& clusterId, const AgentTokenInput& input,
    QObject* context, Callback<CreatedAgentToken> done)
{
    const QSet<QString> before = idsOf(m_model->tokens(clusterId));
    send(CreateAgentToken { m_organization, clusterId, input },
        tr("Creating agent token “%1”…").arg(input.description), context, std::move(done),
        follow<AgentToken>(clusterId, {}),
        [this, clusterId, description = input.description, before](
            const ApiError& lost, const Callback<CreatedAgentToken>& settle) {
            readBack(ListAgentTokens { m_organization, clusterId }, lost, settle,
                [this, lost, clusterId, description, before](
                    const QList<AgentToken>& listed) -> Result<CreatedAgentToken> {
                    QList<AgentToken> made;
                    for (const AgentToken& t : listed) {
                        if (!before.contains(t.id) && t.description == description)
                            made.append(t);
                    }
                    if (made.isEmpty())
                        return notMade(lost,
                            tr("%1, and the tokens of %2 have no "
                               "new “%3”: no token was created. You can try again.")
                                .arg(whatHappened(lost), clusterName(clusterId), description));
                    // There, but its value was in the answer that was lost: no success to report.
                    for (const AgentToken& t : std::as_const(made))
                        m_model->upsertToken(t);
                    return ApiError(ApiError::Kind::OutcomeUnknown,
                        lost.answerArrived()
                            ? tr("Buildkite answered, but its answer could not be read, and %1 "
                                 "now has a new token “%2”: this request created it, and its value "
                                 "was in that answer. Buildkite never shows a token's value again, "
                                 "so no agent can use it: revoke it and create another.")
                                  .arg(clusterName(clusterId), description)
                            : tr("Buildkite did not answer, but %1 now has a new token “%2”: this "
                                 "request created it, and its value was in the answer that was "
                                 "lost. Buildkite never shows a token's value again, so no agent "
                                 "can use it: revoke it and create another.")
                                  .arg(clusterName(clusterId), description));
                });
        });
}

void OrganizationSession::updateToken(const QString& clusterId, const QString& id,
    const AgentTokenInput& input, QObject* context, Callback<AgentToken> done)
{
    const AgentToken before = m_model->token(id).value_or(AgentToken {});
    send(UpdateAgentToken { m_organization, clusterId, id, input },
        tr("Updating agent token “%1”…").arg(tokenName(id)), context, std::move(done),
        follow<AgentToken>(clusterId, id),
        [this, clusterId, id, input, before](
            const ApiError& lost, const Callback<AgentToken>& settle) {
            readBack(GetAgentToken { m_organization, clusterId, id }, lost, settle,
                [this, lost, input, before](const AgentToken& t) -> Result<AgentToken> {
                    std::optional<QString> ips;
                    if (input.allowedIpAddresses)
                        ips = input.allowedIpAddresses->simplified();
                    if (stillOld(input.description, before.description, t.description)
                        || stillOld(ips, before.allowedIpAddresses.simplified(),
                            t.allowedIpAddresses.simplified())) {
                        m_model->upsertToken(t);
                        return notMade(lost,
                            tr("%1, and the token “%2” as it "
                               "reads now does not have the change: it was not saved. "
                               "You can try again.")
                                .arg(whatHappened(lost), t.description));
                    }
                    return t;
                });
        });
}

void OrganizationSession::deleteToken(
    const QString& clusterId, const QString& id, QObject* context, Callback<NoContent> done)
{
    const QString name = tokenName(id);
    send(DeleteAgentToken { m_organization, clusterId, id },
        tr("Deleting agent token “%1”…").arg(name), context, std::move(done),
        follow<AgentToken>(clusterId, id),
        [this, clusterId, id, name](const ApiError& lost, const Callback<NoContent>& settle) {
            readBack(ListAgentTokens { m_organization, clusterId }, lost, settle,
                [this, lost, id, name](const QList<AgentToken>& listed) -> Result<NoContent> {
                    const auto still = findId(listed, id);
                    if (!still)
                        return NoContent {};
                    m_model->upsertToken(*still);
                    return notMade(lost,
                        tr("%1, and the token “%2” is still "
                           "listed: it was not revoked. You can try again.")
                            .arg(whatHappened(lost), name));
                });
        });
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
        callEachPage(
            m_client, ListClusters { m_organization }, this,
            [this, task](const Result<QList<Cluster>>& r) {
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
            },
            [model = m_model](QList<Cluster>& page) { model->shareUnchanged(page); });
        return;
    case Work::Queues:
        callEachPage(m_client, ListQueues { m_organization, id }, this,
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
        callEachPage(m_client, ListAgentTokens { m_organization, id }, this,
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
    releaseFreedMemory();
    Q_EMIT refreshPlanChanged();
    Q_EMIT refreshFinished(m_lastRefreshError);
}

void OrganizationSession::releaseFreedMemory()
{
#if defined(__GLIBC__)
    // A reload parses thousands of pages (2,000 requests at 1,000 clusters), and glibc keeps
    // the memory they used mapped after it is freed, the main heap only shrinking from its top:
    // handing it back once the reload is over keeps the resident size at what the rows use.
    // Rare (a reload, not every scheduled check) and a few milliseconds.
    malloc_trim(0);
#endif
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
    updateAgentsWanted();
    Q_EMIT agentAccessChanged();
}

void OrganizationSession::updateAgentsWanted()
{
    // Once the access token says the agents may be read; a 403 later stops asking.
    m_scheduler->setAgentsWanted(m_accessToken.has_value() && canReadAgents());
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
    // Noted page by page as the pages arrive: the organisation's agents (24,000 at 1,000
    // clusters) are never held as one list. Each page is measured against the live counts, so a
    // reload keeps only the agents that moved, and the counts are updated in place.
    auto listing = std::make_shared<AgentTally::Listing>();
    auto pages = std::make_shared<int>(0);
    const ListAgents request { m_organization, {} };
    m_client->sendEachPage(
        request.toApiRequest(), this,
        [request, listing, pages, model = m_model](const QJsonArray& items) -> ApiError {
            ++*pages;
            const Result<QList<Agent>> parsed = request.parse(QJsonDocument(items));
            if (!parsed)
                return parsed.error();
            for (const Agent& agent : parsed.value())
                listing->note(agent, model->agentTally());
            return {};
        },
        [this, operation, description, listing, pages](const Result<QJsonDocument>& result) {
            endOperation(operation);
            if (!result) {
                if (!agentsRefused(result.error())) {
                    qCInfo(lcModels).noquote()
                        << "listing agents failed:" << result.error().toString();
                    Q_EMIT operationFailed(description, result.error());
                }
                finishAgentsRefresh(false, *pages + 1); // the failed page was asked for too
                return;
            }
            if (m_agentAccess == AgentAccess::Unknown)
                setAgentAccess(AgentAccess::Allowed);
            m_model->mergeAgents(std::move(*listing));
            m_agentsRefreshed = QDateTime::currentDateTimeUtc();
            Q_EMIT agentsRefreshed();
            finishAgentsRefresh(true, qMax(1, *pages));
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
