// SPDX-License-Identifier: MIT
#pragma once

#include "sandboxrequest.h"
#include "sandboxresponse.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>

class SandboxState;
struct SandboxApiToken;
struct SandboxAgent;
struct SandboxAgentToken;
struct SandboxCluster;
struct SandboxJob;
struct SandboxMaintainer;
struct SandboxQueue;
struct SandboxUser;

// The REST API itself: routing, authentication, scopes and permissions, pagination and the
// JSON shapes of the reference pages and api-notes.md. No sockets, no timing: SandboxServer
// feeds it requests.
class SandboxApi final {
public:
    explicit SandboxApi(SandboxState& state);

    QString organization() const { return m_org; }
    void setOrganization(const QString& slug) { m_org = slug; }
    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }

    // The token behind "Authorization: Bearer ...", or null when missing, unknown or expired.
    const SandboxApiToken* authenticate(const QByteArray& authorization) const;
    SandboxResponse handle(const SandboxRequest& request, const SandboxApiToken* caller);

    // Tolerant JSON: the reference's own curl examples carry a trailing comma and
    // Markdown-escaped colons ("\:technologist\:"); they must still work as documented.
    static bool parseBody(const QByteArray& body, QJsonObject* object, QString* error);

private:
    enum class Route {
        ClusterList,
        Cluster,
        QueueList,
        Queue,
        QueuePause,
        QueueResume,
        TokenList,
        Token,
        MaintainerList,
        Maintainer,
        AgentList,
        Agent,
        AgentPause,
        AgentResume,
        AgentStop
    };

    SandboxResponse root() const;
    SandboxResponse webPage(const SandboxRequest& request) const;
    SandboxResponse accessToken(const SandboxRequest& request, const SandboxApiToken* caller);
    SandboxResponse organizationRoute(
        const SandboxRequest& request, const QStringList& segments, const SandboxApiToken* caller);
    SandboxResponse dispatch(Route route, const SandboxRequest& request, const QJsonObject& body,
        const QStringList& ids, const QString& userId);
    SandboxResponse dispatchAgents(Route route, const SandboxRequest& request,
        const QJsonObject& body, const QString& agentId, const QString& userId);
    SandboxResponse listAgents(const SandboxRequest& request) const;

    SandboxResponse list(const SandboxRequest& request, qsizetype total,
        const std::function<QJsonValue(qsizetype)>& item) const;

    QString apiUrl() const;
    QString webUrl() const;
    QJsonValue userJson(const QString& userId) const;
    QJsonObject clusterJson(const SandboxCluster& cluster) const;
    QJsonObject queueJson(const SandboxCluster& cluster, const SandboxQueue& queue) const;
    QJsonObject tokenJson(const SandboxCluster& cluster, const SandboxAgentToken& token) const;
    QJsonObject maintainerJson(const SandboxMaintainer& maintainer) const;
    QJsonObject agentJson(const SandboxAgent& agent) const;
    QJsonObject jobJson(const SandboxAgent& agent, const SandboxJob& job) const;

    SandboxState& m_state;
    QString m_org;
    QUrl m_baseUrl;
};
