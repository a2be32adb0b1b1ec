// SPDX-License-Identifier: MIT
#include "sandboxapi.h"

#include "sandboxinstanceshape.h"
#include "sandboxstate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {
const QString readClusters = QStringLiteral("read_clusters");
const QString writeClusters = QStringLiteral("write_clusters");
const QString readAgents = QStringLiteral("read_agents");
const QString writeAgents = QStringLiteral("write_agents");

SandboxResponse notFound(const QString& what = {})
{
    return SandboxResponse::message(404,
        what.isEmpty() ? QStringLiteral("Not Found") : QStringLiteral("No %1 found").arg(what));
}

SandboxResponse unauthenticated()
{
    return SandboxResponse::message(401,
        QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                       "https://buildkite.com/docs/apis/rest-api#authentication"));
}

SandboxResponse forbidden(const QString& message) { return SandboxResponse::message(403, message); }

QJsonValue nullable(const std::optional<QString>& text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullableTime(const QDateTime& when)
{
    return when.isValid() ? QJsonValue(SandboxState::formatTime(when))
                          : QJsonValue(QJsonValue::Null);
}

QString encoded(const QString& segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// Drops trailing commas and the Markdown escape "\:" so the reference's curl bodies parse.
QByteArray relaxed(const QByteArray& in)
{
    QByteArray out;
    out.reserve(in.size());
    bool inString = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (inString) {
            if (c == '\\' && i + 1 < in.size()) {
                if (in.at(i + 1) != ':')
                    out += c;
                out += in.at(++i);
                continue;
            }
            if (c == '"')
                inString = false;
            out += c;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == ',') {
            qsizetype j = i + 1;
            while (j < in.size() && QChar::isSpace(uchar(in.at(j))))
                ++j;
            if (j < in.size() && (in.at(j) == '}' || in.at(j) == ']'))
                continue;
        }
        out += c;
    }
    return out;
}
} // namespace

SandboxApi::SandboxApi(SandboxState& state)
    : m_state(state)
    , m_org(QStringLiteral("kitedeck-demo"))
{
}

bool SandboxApi::parseBody(const QByteArray& body, QJsonObject* object, QString* error)
{
    if (body.trimmed().isEmpty()) {
        *object = {};
        return true;
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        QJsonParseError relaxedError;
        const QJsonDocument second = QJsonDocument::fromJson(relaxed(body), &relaxedError);
        if (relaxedError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("Problems parsing JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
            return false;
        }
        doc = second;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("Problems parsing JSON: the request body must be a JSON object");
        return false;
    }
    *object = doc.object();
    return true;
}

const SandboxApiToken* SandboxApi::authenticate(const QByteArray& authorization) const
{
    const QByteArray header = authorization.trimmed();
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return nullptr;
    const QString value = QString::fromUtf8(header.mid(7).trimmed());
    if (value.isEmpty())
        return nullptr;
    const SandboxApiToken* token = m_state.apiToken(value);
    if (!token)
        return nullptr;
    if (token->expiresAt.isValid() && token->expiresAt <= SandboxState::now())
        return nullptr;
    return token;
}

SandboxResponse SandboxApi::handle(const SandboxRequest& request, const SandboxApiToken* caller)
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return request.verb == "GET" ? root() : notFound();
    if ((segments.at(0) == QLatin1String("organizations") || segments.at(0) == m_org)
        && request.verb == "GET")
        return webPage(request);
    if (segments.at(0) != QLatin1String("v2"))
        return notFound();
    if (segments.size() == 2 && segments.at(1) == QLatin1String("access-token"))
        return accessToken(request, caller);
    if (segments.size() >= 4 && segments.at(1) == QLatin1String("organizations")
        && (segments.at(3) == QLatin1String("clusters")
            || segments.at(3) == QLatin1String("agents")))
        return organizationRoute(request, segments.mid(2), caller);
    return notFound();
}

SandboxResponse SandboxApi::root() const
{
    return SandboxResponse::json(200,
        QJsonObject {
            { QStringLiteral("message"),
                QStringLiteral("Kitedeck sandbox: a local stand-in for the Buildkite REST API. "
                               "Try GET /v2/access-token with a Bearer token.") },
            { QStringLiteral("timestamp"), SandboxState::now().toSecsSinceEpoch() },
        });
}

SandboxResponse SandboxApi::webPage(const SandboxRequest& request) const
{
    // The objects' web_url points here. There is no web UI to simulate, but a browser opened
    // from the app should land on something that says where it is.
    const QString path = request.path.toHtmlEscaped();
    const QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kitedeck "
        "sandbox</title></head>\n"
        "<body><h1>Kitedeck sandbox</h1><p>This is where Buildkite would show <code>%1</code>. The "
        "sandbox only "
        "simulates the REST API: see <code>/v2%2</code> with a Bearer token.</p></body></html>\n")
                             .arg(path, path);
    SandboxResponse response = SandboxResponse::raw(200, html.toUtf8());
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    return response;
}

SandboxResponse SandboxApi::accessToken(
    const SandboxRequest& request, const SandboxApiToken* caller)
{
    if (request.verb != "GET" && request.verb != "DELETE")
        return notFound();
    if (!caller)
        return unauthenticated();
    if (request.verb == "DELETE") {
        m_state.revokeApiToken(caller->value);
        return SandboxResponse::noContent();
    }
    QJsonObject user;
    if (const SandboxUser* u = m_state.user(caller->userId)) {
        user.insert(QStringLiteral("name"), u->name);
        user.insert(QStringLiteral("email"), u->email);
    }
    return SandboxResponse::json(200,
        QJsonObject {
            { QStringLiteral("uuid"), caller->uuid },
            { QStringLiteral("scopes"), QJsonArray::fromStringList(caller->scopes) },
            { QStringLiteral("description"), caller->description },
            { QStringLiteral("created_at"), SandboxState::formatTime(caller->createdAt) },
            { QStringLiteral("expires_at"), nullableTime(caller->expiresAt) },
            { QStringLiteral("user"), user },
        });
}

SandboxResponse SandboxApi::organizationRoute(
    const SandboxRequest& request, const QStringList& segments, const SandboxApiToken* caller)
{
    // segments: org, "clusters", [cluster id, ["queues"|"tokens"|"maintainers", [id, [action]]]]
    //       or: org, "agents", [agent id, ["pause"|"resume"|"stop"]]
    const QByteArray& verb = request.verb;
    const bool isGet = verb == "GET";
    const bool isUpdate = verb == "PUT" || verb == "PATCH";
    const bool isDelete = verb == "DELETE";
    const bool isPost = verb == "POST";
    const qsizetype n = segments.size();
    const bool agents = segments.at(1) == QLatin1String("agents");
    std::optional<Route> route;
    if (agents) {
        if (n == 2 && isGet)
            route = Route::AgentList;
        else if (n == 3 && isGet)
            route = Route::Agent;
        else if (n == 4 && verb == "PUT" && segments.at(3) == QLatin1String("pause"))
            route = Route::AgentPause;
        else if (n == 4 && verb == "PUT" && segments.at(3) == QLatin1String("resume"))
            route = Route::AgentResume;
        else if (n == 4 && verb == "PUT" && segments.at(3) == QLatin1String("stop"))
            route = Route::AgentStop;
    } else if (n == 2 && (isGet || isPost)) {
        route = Route::ClusterList;
    } else if (n == 3 && (isGet || isUpdate || isDelete)) {
        route = Route::Cluster;
    } else if (n >= 4 && segments.at(3) == QLatin1String("queues")) {
        if (n == 4 && (isGet || isPost))
            route = Route::QueueList;
        else if (n == 5 && (isGet || isUpdate || isDelete))
            route = Route::Queue;
        else if (n == 6 && isPost && segments.at(5) == QLatin1String("pause_dispatch"))
            route = Route::QueuePause;
        else if (n == 6 && isPost && segments.at(5) == QLatin1String("resume_dispatch"))
            route = Route::QueueResume;
    } else if (n >= 4 && segments.at(3) == QLatin1String("tokens")) {
        if (n == 4 && (isGet || isPost))
            route = Route::TokenList;
        else if (n == 5 && (isGet || isUpdate || isDelete))
            route = Route::Token;
    } else if (n >= 4 && segments.at(3) == QLatin1String("maintainers")) {
        if (n == 4 && (isGet || isPost))
            route = Route::MaintainerList;
        else if (n == 5 && isDelete)
            route = Route::Maintainer;
    }
    if (!route)
        return notFound(); // like Buildkite, an unsupported verb is a 404, not a 405

    if (!caller)
        return unauthenticated();
    if (segments.at(0) != m_org)
        return notFound(QStringLiteral("organization"));
    const QString& scope
        = agents ? (isGet ? readAgents : writeAgents) : (isGet ? readClusters : writeClusters);
    if (!caller->scopes.contains(scope))
        return forbidden(QStringLiteral("Your access token doesn't have the %1 scope").arg(scope));

    QJsonObject body;
    if (isPost || isUpdate) {
        QString error;
        if (!parseBody(request.body, &body, &error))
            return SandboxResponse::message(400, error);
    }
    if (agents)
        return dispatchAgents(
            *route, request, body, n >= 3 ? segments.at(2) : QString(), caller->userId);
    QStringList ids;
    if (n >= 3)
        ids.append(segments.at(2));
    if (n >= 5)
        ids.append(segments.at(4));
    return dispatch(*route, request, body, ids, caller->userId);
}

SandboxResponse SandboxApi::dispatch(Route route, const SandboxRequest& request,
    const QJsonObject& body, const QStringList& ids, const QString& userId)
{
    const QByteArray& verb = request.verb;
    if (route == Route::ClusterList) {
        if (verb == "POST") {
            if (!m_state.isAdmin(userId))
                return forbidden(
                    QStringLiteral("Only organization administrators can create clusters"));
            QString id;
            const QString error = m_state.createCluster(body, userId, &id);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
            return SandboxResponse::json(201, clusterJson(*m_state.cluster(id)));
        }
        const QList<SandboxCluster>& clusters = std::as_const(m_state).clusters();
        return list(
            request, clusters.size(), [&](qsizetype i) { return clusterJson(clusters.at(i)); });
    }

    SandboxCluster* cluster = m_state.cluster(ids.at(0));
    if (!cluster)
        return notFound(QStringLiteral("cluster"));
    // Writing needs an administrator or one of the cluster's maintainers, whatever the scopes.
    if (verb != "GET" && !m_state.canManage(*cluster, userId))
        return forbidden(QStringLiteral("Only organization administrators and the maintainers of "
                                        "this cluster can change it"));

    switch (route) {
    case Route::ClusterList:
    case Route::AgentList:
    case Route::Agent:
    case Route::AgentPause:
    case Route::AgentResume:
    case Route::AgentStop:
        break;
    case Route::Cluster: {
        if (verb == "DELETE") {
            const QString error = m_state.deleteCluster(cluster->id);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
            return SandboxResponse::noContent();
        }
        if (verb != "GET") {
            const QString error = m_state.updateCluster(*cluster, body);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
        }
        return SandboxResponse::json(200, clusterJson(*cluster));
    }
    case Route::QueueList: {
        if (verb == "POST") {
            QString id;
            const QString error = m_state.createQueue(*cluster, body, userId, &id);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
            return SandboxResponse::json(201, queueJson(*cluster, *m_state.queue(*cluster, id)));
        }
        return list(request, cluster->queues.size(),
            [&](qsizetype i) { return queueJson(*cluster, cluster->queues.at(i)); });
    }
    case Route::Queue:
    case Route::QueuePause:
    case Route::QueueResume: {
        SandboxQueue* queue = m_state.queue(*cluster, ids.at(1));
        if (!queue)
            return notFound(QStringLiteral("queue"));
        QString error;
        if (route == Route::QueuePause) {
            error = SandboxState::pauseQueue(*queue, body, userId);
        } else if (route == Route::QueueResume) {
            error = SandboxState::resumeQueue(*queue);
        } else if (verb == "DELETE") {
            m_state.deleteQueue(*cluster, queue->id);
            return SandboxResponse::noContent();
        } else if (verb != "GET") {
            error = m_state.updateQueue(*queue, body);
        }
        if (!error.isEmpty())
            return SandboxResponse::message(422, error);
        return SandboxResponse::json(200, queueJson(*cluster, *queue));
    }
    case Route::TokenList: {
        if (verb == "POST") {
            QString id;
            const QString error = m_state.createAgentToken(*cluster, body, userId, &id);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
            const SandboxAgentToken* token = m_state.agentToken(*cluster, id);
            QJsonObject json = tokenJson(*cluster, *token);
            // The only response that ever carries the secret.
            json.insert(QStringLiteral("token"), token->value);
            return SandboxResponse::json(201, json);
        }
        return list(request, cluster->tokens.size(),
            [&](qsizetype i) { return tokenJson(*cluster, cluster->tokens.at(i)); });
    }
    case Route::Token: {
        SandboxAgentToken* token = m_state.agentToken(*cluster, ids.at(1));
        if (!token)
            return notFound(QStringLiteral("token"));
        if (verb == "DELETE") {
            m_state.deleteAgentToken(*cluster, token->id);
            return SandboxResponse::noContent();
        }
        if (verb != "GET") {
            const QString error = m_state.updateAgentToken(*cluster, *token, body);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
        }
        return SandboxResponse::json(200, tokenJson(*cluster, *token));
    }
    case Route::MaintainerList: {
        if (verb == "POST") {
            QString id;
            const QString error = m_state.addMaintainer(*cluster, body, &id);
            if (!error.isEmpty())
                return SandboxResponse::message(422, error);
            return SandboxResponse::json(201, maintainerJson(cluster->maintainers.constLast()));
        }
        return list(request, cluster->maintainers.size(),
            [&](qsizetype i) { return maintainerJson(cluster->maintainers.at(i)); });
    }
    case Route::Maintainer:
        if (!SandboxState::removeMaintainer(*cluster, ids.at(1)))
            return notFound(QStringLiteral("maintainer"));
        return SandboxResponse::noContent();
    }
    return notFound();
}

SandboxResponse SandboxApi::dispatchAgents(Route route, const SandboxRequest& request,
    const QJsonObject& body, const QString& agentId, const QString& userId)
{
    if (route == Route::AgentList)
        return listAgents(request);
    SandboxAgent* agent = m_state.agent(agentId);
    if (!agent)
        return notFound(QStringLiteral("agent"));
    if (route == Route::Agent)
        return SandboxResponse::json(200, agentJson(*agent));

    const SandboxCluster* cluster = std::as_const(m_state).cluster(agent->clusterId);
    if (!m_state.isAdmin(userId) && !(cluster && m_state.canManage(*cluster, userId)))
        return forbidden(QStringLiteral("Only organization administrators and the maintainers of "
                                        "the agent's cluster can manage it"));
    std::optional<SandboxRefusal> refusal;
    if (route == Route::AgentPause)
        refusal = m_state.pauseAgent(*agent, body, userId);
    else if (route == Route::AgentResume)
        refusal = m_state.resumeAgent(*agent);
    else
        refusal = m_state.stopAgent(*agent, body);
    if (refusal)
        return SandboxResponse::message(refusal->status, refusal->message);
    return SandboxResponse::noContent();
}

SandboxResponse SandboxApi::listAgents(const SandboxRequest& request) const
{
    const QList<SandboxAgent>& all = m_state.agents();
    const auto filter = [&](const char* name) {
        return request.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString name = filter("name");
    const QString hostname = filter("hostname");
    const QString version = filter("version");
    const bool byQueue = request.query.hasQueryItem(QStringLiteral("cluster_queue_id"));
    QList<qsizetype> rows;
    if (byQueue) {
        rows = m_state.agentRowsOnQueue(filter("cluster_queue_id"));
    } else {
        rows.reserve(all.size());
        for (qsizetype i = 0; i < all.size(); ++i)
            rows.append(i);
    }
    rows.removeIf([&](qsizetype row) {
        const SandboxAgent& a = all.at(row);
        return !a.isListed() || (!name.isEmpty() && a.name != name)
            || (!hostname.isEmpty() && a.hostname != hostname)
            || (!version.isEmpty() && a.version != version);
    });
    return list(request, rows.size(), [&](qsizetype i) { return agentJson(all.at(rows.at(i))); });
}

SandboxResponse SandboxApi::list(const SandboxRequest& request, qsizetype total,
    const std::function<QJsonValue(qsizetype)>& item) const
{
    bool ok = false;
    int page = request.query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || page < 1)
        page = 1;
    int perPage = request.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || perPage < 1)
        perPage = 30;
    perPage = qMin(perPage, 100);
    const int last = qMax(1, int((total + perPage - 1) / perPage));

    QJsonArray items;
    const qsizetype from = qsizetype(page - 1) * perPage;
    for (qsizetype i = from; i < total && i < from + perPage; ++i)
        items.append(item(i));
    SandboxResponse response = SandboxResponse::json(200, items);

    auto pageUrl = [&](int p) {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("page"));
        query.removeAllQueryItems(QStringLiteral("per_page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(p));
        query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
        QUrl url = m_baseUrl;
        url.setPath(request.path);
        url.setQuery(query);
        return url.toEncoded();
    };
    QList<QByteArray> links;
    links.append('<' + pageUrl(1) + ">; rel=\"first\"");
    if (page > 1)
        links.append('<' + pageUrl(qMin(page - 1, last)) + ">; rel=\"prev\"");
    if (page < last)
        links.append('<' + pageUrl(page + 1) + ">; rel=\"next\"");
    links.append('<' + pageUrl(last) + ">; rel=\"last\"");
    response.setHeader("Link", links.join(", "));
    return response;
}

QString SandboxApi::apiUrl() const
{
    return m_baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/v2/organizations/")
        + encoded(m_org);
}

QString SandboxApi::webUrl() const
{
    return m_baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/organizations/")
        + encoded(m_org);
}

QJsonValue SandboxApi::userJson(const QString& userId) const
{
    const SandboxUser* u = m_state.user(userId);
    if (!u)
        return QJsonValue::Null;
    const QByteArray hash
        = QCryptographicHash::hash(u->email.trimmed().toLower().toUtf8(), QCryptographicHash::Md5)
              .toHex();
    return QJsonObject {
        { QStringLiteral("id"), u->id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("User", u->id) },
        { QStringLiteral("name"), u->name },
        { QStringLiteral("email"), u->email },
        { QStringLiteral("avatar_url"),
            QStringLiteral("https://www.gravatar.com/avatar/") + QString::fromLatin1(hash) },
        { QStringLiteral("created_at"), SandboxState::formatTime(u->createdAt) },
    };
}

QJsonObject SandboxApi::clusterJson(const SandboxCluster& c) const
{
    const QString url = apiUrl() + QStringLiteral("/clusters/") + c.id;
    QJsonArray users, teams;
    for (const SandboxMaintainer& m : c.maintainers) {
        const QJsonObject json = maintainerJson(m);
        if (json.isEmpty())
            continue;
        (m.isTeam ? teams : users).append(json);
    }
    const bool hasDefault = !c.defaultQueueId.isEmpty();
    return {
        { QStringLiteral("id"), c.id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("Cluster", c.id) },
        { QStringLiteral("default_queue_id"),
            hasDefault ? QJsonValue(c.defaultQueueId) : QJsonValue() },
        { QStringLiteral("name"), c.name },
        { QStringLiteral("description"), nullable(c.description) },
        { QStringLiteral("emoji"), nullable(c.emoji) },
        { QStringLiteral("color"), nullable(c.color) },
        { QStringLiteral("url"), url },
        { QStringLiteral("web_url"), webUrl() + QStringLiteral("/clusters/") + c.id },
        { QStringLiteral("queues_url"), url + QStringLiteral("/queues") },
        { QStringLiteral("default_queue_url"),
            hasDefault ? QJsonValue(url + QStringLiteral("/queues/") + c.defaultQueueId)
                       : QJsonValue() },
        { QStringLiteral("created_at"), SandboxState::formatTime(c.createdAt) },
        { QStringLiteral("created_by"), userJson(c.createdBy) },
        { QStringLiteral("maintainers"),
            QJsonObject {
                { QStringLiteral("users"), users }, { QStringLiteral("teams"), teams } } },
    };
}

QJsonObject SandboxApi::queueJson(const SandboxCluster& c, const SandboxQueue& q) const
{
    const QString clusterUrl = apiUrl() + QStringLiteral("/clusters/") + c.id;
    QJsonObject json {
        { QStringLiteral("id"), q.id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("ClusterQueue", q.id) },
        { QStringLiteral("key"), q.key },
        { QStringLiteral("description"), nullable(q.description) },
        { QStringLiteral("url"), clusterUrl + QStringLiteral("/queues/") + q.id },
        { QStringLiteral("web_url"),
            webUrl() + QStringLiteral("/clusters/") + c.id + QStringLiteral("/queues/") + q.id },
        { QStringLiteral("cluster_url"), clusterUrl },
        { QStringLiteral("dispatch_paused"), q.paused },
        { QStringLiteral("dispatch_paused_by"), q.paused ? userJson(q.pausedBy) : QJsonValue() },
        { QStringLiteral("dispatch_paused_at"),
            q.paused ? nullableTime(q.pausedAt) : QJsonValue() },
        { QStringLiteral("dispatch_paused_note"),
            q.paused ? nullable(q.pausedNote) : QJsonValue() },
        { QStringLiteral("created_at"), SandboxState::formatTime(q.createdAt) },
        { QStringLiteral("created_by"), userJson(q.createdBy) },
        { QStringLiteral("retry_agent_affinity"), q.retryAgentAffinity },
        { QStringLiteral("hosted"), !q.instanceShape.isEmpty() },
    };
    const SandboxInstanceShape* shape = SandboxInstanceShape::find(q.instanceShape);
    if (shape) {
        QJsonObject agents { { QStringLiteral("instance_shape"), shape->toJson() } };
        if (shape->machineType == QLatin1String("linux"))
            agents.insert(QStringLiteral("platform_settings"),
                QJsonObject { { QStringLiteral("linux"),
                    QJsonObject {
                        { QStringLiteral("agent_image_ref"), nullable(q.agentImageRef) } } } });
        json.insert(QStringLiteral("hosted_agents"), agents);
    } else {
        json.insert(QStringLiteral("hosted_agents"), QJsonValue());
    }
    return json;
}

QJsonObject SandboxApi::tokenJson(const SandboxCluster& c, const SandboxAgentToken& t) const
{
    const QString clusterUrl = apiUrl() + QStringLiteral("/clusters/") + c.id;
    return {
        { QStringLiteral("id"), t.id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("ClusterToken", t.id) },
        { QStringLiteral("description"), t.description },
        { QStringLiteral("url"), clusterUrl + QStringLiteral("/tokens/") + t.id },
        { QStringLiteral("cluster_url"), clusterUrl },
        { QStringLiteral("created_at"), SandboxState::formatTime(t.createdAt) },
        { QStringLiteral("created_by"), userJson(t.createdBy) },
        { QStringLiteral("allowed_ip_addresses"),
            t.allowedIpAddresses.isEmpty() ? QJsonValue() : QJsonValue(t.allowedIpAddresses) },
        { QStringLiteral("expires_at"), nullableTime(t.expiresAt) },
    };
}

QJsonObject SandboxApi::maintainerJson(const SandboxMaintainer& m) const
{
    QJsonObject actor;
    if (m.isTeam) {
        const SandboxTeam* t = m_state.team(m.actorId);
        if (!t)
            return {};
        actor = { { QStringLiteral("id"), t->id },
            { QStringLiteral("graphql_id"), SandboxState::graphqlId("Team", t->id) },
            { QStringLiteral("name"), t->name }, { QStringLiteral("slug"), t->slug },
            { QStringLiteral("type"), QStringLiteral("team") } };
    } else {
        const SandboxUser* u = m_state.user(m.actorId);
        if (!u)
            return {};
        actor = { { QStringLiteral("id"), u->id },
            { QStringLiteral("graphql_id"), SandboxState::graphqlId("User", u->id) },
            { QStringLiteral("name"), u->name }, { QStringLiteral("email"), u->email },
            { QStringLiteral("type"), QStringLiteral("user") } };
    }
    return { { QStringLiteral("id"), m.id }, { QStringLiteral("actor"), actor } };
}

QJsonObject SandboxApi::agentJson(const SandboxAgent& a) const
{
    const SandboxCluster* cluster = nullptr;
    const SandboxQueue* queue
        = a.queueId.isEmpty() ? nullptr : m_state.findQueue(a.queueId, &cluster);
    // The newest docs' web_url names the cluster and queue; an agent without a queue has the
    // older, organisation-level form.
    const QString web = queue ? webUrl()
            + QStringLiteral("/clusters/%1/queues/%2/agents/%3").arg(cluster->id, queue->id, a.id)
                              : webUrl() + QStringLiteral("/agents/") + a.id;
    QJsonArray metaData;
    if (queue)
        metaData.append(QStringLiteral("queue=") + queue->key);
    for (const QString& tag : a.extraMetaData)
        metaData.append(tag);
    const QDateTime now = SandboxState::now();
    const bool paused = a.isPaused(now);
    return {
        { QStringLiteral("id"), a.id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("Agent", a.id) },
        { QStringLiteral("url"), apiUrl() + QStringLiteral("/agents/") + a.id },
        { QStringLiteral("web_url"), web },
        { QStringLiteral("name"), a.name },
        { QStringLiteral("connection_state"), SandboxAgent::connectionName(a.connection) },
        { QStringLiteral("hostname"), a.hostname },
        { QStringLiteral("ip_address"), a.ipAddress },
        { QStringLiteral("user_agent"),
            QStringLiteral("buildkite-agent/%1 (%2; %3)").arg(a.version, a.osId, a.arch) },
        { QStringLiteral("version"), a.version },
        { QStringLiteral("os_id"), a.osId },
        { QStringLiteral("arch"), a.arch },
        { QStringLiteral("queue"), queue ? QJsonValue(queue->key) : QJsonValue() },
        { QStringLiteral("creator"), a.creatorId.isEmpty() ? QJsonValue() : userJson(a.creatorId) },
        { QStringLiteral("created_at"), SandboxState::formatTime(a.createdAt) },
        { QStringLiteral("connected_at"), nullableTime(a.connectedAt) },
        { QStringLiteral("disconnected_at"), nullableTime(a.disconnectedAt) },
        { QStringLiteral("lost_at"), nullableTime(a.lostAt) },
        { QStringLiteral("job"), a.job ? QJsonValue(jobJson(a, *a.job)) : QJsonValue() },
        { QStringLiteral("last_job_finished_at"), nullableTime(a.lastJobFinishedAt) },
        { QStringLiteral("priority"), a.priority ? QJsonValue(*a.priority) : QJsonValue() },
        { QStringLiteral("meta_data"), metaData },
        { QStringLiteral("paused"), paused },
        { QStringLiteral("paused_at"), paused ? nullableTime(a.pausedAt) : QJsonValue() },
        { QStringLiteral("paused_by"), paused ? userJson(a.pausedBy) : QJsonValue() },
        { QStringLiteral("paused_note"), paused ? nullable(a.pausedNote) : QJsonValue() },
        { QStringLiteral("paused_timeout_in_minutes"),
            paused ? QJsonValue(a.pausedTimeoutMinutes) : QJsonValue() },
    };
}

QJsonObject SandboxApi::jobJson(const SandboxAgent& a, const SandboxJob& j) const
{
    const QString build = apiUrl()
        + QStringLiteral("/pipelines/%1/builds/%2").arg(encoded(j.pipeline)).arg(j.buildNumber);
    const QString jobUrl = build + QStringLiteral("/jobs/") + j.id;
    const SandboxQueue* queue = a.queueId.isEmpty() ? nullptr : m_state.findQueue(a.queueId);
    return {
        { QStringLiteral("id"), j.id },
        { QStringLiteral("graphql_id"), SandboxState::graphqlId("Job", j.id) },
        { QStringLiteral("type"), QStringLiteral("script") },
        { QStringLiteral("name"), j.name },
        { QStringLiteral("agent_query_rules"),
            QJsonArray { queue ? QStringLiteral("queue=") + queue->key : QStringLiteral("*") } },
        { QStringLiteral("state"), QStringLiteral("running") },
        { QStringLiteral("build_url"), build },
        { QStringLiteral("web_url"),
            m_baseUrl.toString(QUrl::StripTrailingSlash)
                + QStringLiteral("/%1/%2/builds/%3#%4")
                      .arg(encoded(m_org), encoded(j.pipeline))
                      .arg(j.buildNumber)
                      .arg(j.id) },
        { QStringLiteral("log_url"), jobUrl + QStringLiteral("/log") },
        { QStringLiteral("raw_log_url"), jobUrl + QStringLiteral("/log.txt") },
        { QStringLiteral("artifacts_url"), jobUrl + QStringLiteral("/artifacts") },
        { QStringLiteral("command"), j.command },
        { QStringLiteral("soft_failed"), false },
        { QStringLiteral("exit_status"), QJsonValue() },
        { QStringLiteral("artifact_paths"), QString() },
        { QStringLiteral("agent"), QJsonValue() },
        { QStringLiteral("created_at"), SandboxState::formatTime(j.createdAt) },
        { QStringLiteral("scheduled_at"), SandboxState::formatTime(j.createdAt) },
        { QStringLiteral("runnable_at"), SandboxState::formatTime(j.createdAt) },
        { QStringLiteral("started_at"), SandboxState::formatTime(j.startedAt) },
        { QStringLiteral("finished_at"), QJsonValue() },
    };
}
