// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;
class QRandomGenerator;

struct SandboxUser {
    QString id;
    QString name;
    QString email;
    QDateTime createdAt;
    bool admin = false; // organisation administrator: may write to every cluster
};

struct SandboxTeam {
    QString id;
    QString name;
    QString slug;
    QStringList memberIds; // users
};

// A Buildkite API access token (the caller's credential), not a cluster agent token.
struct SandboxApiToken {
    QString uuid;
    QString value;
    QStringList scopes;
    QString description;
    QDateTime createdAt;
    QDateTime expiresAt; // invalid: never
    QString userId;
};

struct SandboxMaintainer {
    QString id; // the maintainer record's own id
    QString actorId; // a user or a team
    bool isTeam = false;
};

struct SandboxQueue {
    QString id;
    QString key;
    std::optional<QString> description;
    QDateTime createdAt;
    QString createdBy;
    bool paused = false;
    QString pausedBy;
    QDateTime pausedAt;
    std::optional<QString> pausedNote;
    QString retryAgentAffinity = QStringLiteral("prefer-warmest");
    QString instanceShape; // empty: self-hosted
    std::optional<QString> agentImageRef; // hosted Linux only
};

struct SandboxAgentToken {
    QString id;
    QString description;
    QDateTime createdAt;
    QString createdBy;
    QString allowedIpAddresses; // normalised, space-separated; empty: unrestricted
    QDateTime expiresAt; // invalid: never
    QString value;
};

struct SandboxCluster {
    QString id;
    QString name;
    std::optional<QString> description;
    std::optional<QString> emoji;
    std::optional<QString> color;
    QString defaultQueueId;
    QDateTime createdAt;
    QString createdBy;
    QList<SandboxMaintainer> maintainers;
    QList<SandboxQueue> queues; // in creation order
    QList<SandboxAgentToken> tokens;
};

// The job an agent is running: only what the agents API shows of it.
struct SandboxJob {
    QString id;
    QString name; // the step's label
    QString pipeline; // slug
    int buildNumber = 0;
    QString command;
    QDateTime createdAt;
    QDateTime startedAt;
};

enum class SandboxConnectionState {
    NeverConnected,
    Connected,
    Disconnected,
    Stopping,
    Stopped,
    Lost
};

struct SandboxAgent {
    QString id;
    QString name;
    QString hostname;
    QString ipAddress;
    QString version; // "3.97.0"
    QString osId; // "linux", "darwin", "windows"
    QString arch; // "amd64", "arm64"
    QString clusterId;
    QString queueId; // empty: connected without a queue to a cluster without a default queue
    QString tokenId; // the agent token it registered with; empty for hosted agents
    QString creatorId; // user; empty: none
    QStringList extraMetaData; // tags beyond "queue=KEY"
    std::optional<int> priority;
    SandboxConnectionState connection = SandboxConnectionState::Connected;
    QDateTime createdAt;
    QDateTime connectedAt;
    QDateTime disconnectedAt;
    QDateTime lostAt;
    QDateTime lastJobFinishedAt;
    std::optional<SandboxJob> job;
    bool paused = false;
    QString pausedBy;
    QDateTime pausedAt;
    std::optional<QString> pausedNote;
    int pausedTimeoutMinutes = 0;

    // The agents list shows connected agents, and those still finishing a job after a stop.
    bool isListed() const
    {
        return connection == SandboxConnectionState::Connected
            || connection == SandboxConnectionState::Stopping;
    }
    // A pause ends by itself once its timeout has passed.
    bool isPaused(const QDateTime& now) const
    {
        return paused && (!pausedAt.isValid() || pausedAt.addSecs(pausedTimeoutMinutes * 60) > now);
    }
    static QString connectionName(SandboxConnectionState connection);
};

// An answer to a write that went wrong: the HTTP status and Buildkite's message.
struct SandboxRefusal {
    int status = 422;
    QString message;
};

// The organisation's data and the rules that guard it. Mutations take the request body and
// return an empty string on success or the 422 message ("Validation failed: ..."), so the
// HTTP layer never needs to know a rule.
//
// Lookups by id go through hashes: a generated organisation has 50,000 queues.
class SandboxState final {
public:
    SandboxState();

    static QDateTime now();
    static QString newId();
    static QString graphqlId(const char* type, const QString& id);
    static QString formatTime(const QDateTime& when);
    // ISO 8601 (with or without milliseconds or offset; no offset means UTC) or
    // "2025-07-16 06:07:42 UTC". Invalid on anything else.
    static QDateTime parseTime(const QString& text);
    static QString randomSecret(int length);
    // The same, from a seeded generator: for data that must be the same in every run.
    static QString secretFrom(QRandomGenerator& generator, int length);
    // An agent token value in the current format: "bkct_" and 73 characters.
    static QString agentTokenValue();
    static constexpr int agentTokenSecretLength = 73;
    // An IPv4 address an allowlist lets through (the first block's hosts, varied by serial),
    // or a private one when there is no allowlist.
    static QString addressAllowedBy(const QString& allowlist, int serial);

    // People
    QString addUser(const QString& id, const QString& name, const QString& email,
        const QDateTime& createdAt, bool admin = false);
    QString addTeam(const QString& id, const QString& name, const QString& slug,
        const QStringList& memberIds = {});
    const SandboxUser* user(const QString& id) const;
    const SandboxTeam* team(const QString& id) const;
    bool setAdmin(const QString& userId, bool admin);
    bool isAdmin(const QString& userId) const;
    // Writing to a cluster takes an administrator or one of its maintainers (directly or
    // through a team).
    bool canManage(const SandboxCluster& cluster, const QString& userId) const;

    // API access tokens
    QString addApiToken(const QString& value, const QStringList& scopes, const QString& description,
        const QDateTime& expiresAt, const QString& userId);
    const SandboxApiToken* apiToken(const QString& value) const;
    void revokeApiToken(const QString& value);

    // Clusters, queues and agent tokens. Whoever changes the lists through the mutable
    // accessor (the seeds) calls reindex() afterwards.
    QList<SandboxCluster>& clusters() { return m_clusters; }
    const QList<SandboxCluster>& clusters() const { return m_clusters; }
    void reindex();
    SandboxCluster* cluster(const QString& id);
    const SandboxCluster* cluster(const QString& id) const;
    SandboxQueue* queue(SandboxCluster& cluster, const QString& id);
    SandboxAgentToken* agentToken(SandboxCluster& cluster, const QString& id);
    // The queue with this id in any cluster, and its cluster.
    const SandboxQueue* findQueue(
        const QString& id, const SandboxCluster** cluster = nullptr) const;
    void clearClusters();

    // The organisation's default cluster for new pipelines, which cannot be deleted.
    QString defaultClusterId() const { return m_defaultClusterId; }
    void setDefaultClusterId(const QString& id) { m_defaultClusterId = id; }

    QString createCluster(const QJsonObject& body, const QString& userId, QString* createdId);
    QString updateCluster(SandboxCluster& cluster, const QJsonObject& body);
    // Empty when deleted, else the 422 message.
    QString deleteCluster(const QString& id);

    QString createQueue(SandboxCluster& cluster, const QJsonObject& body, const QString& userId,
        QString* createdId);
    QString updateQueue(SandboxQueue& queue, const QJsonObject& body);
    void deleteQueue(SandboxCluster& cluster, const QString& id);
    static QString pauseQueue(SandboxQueue& queue, const QJsonObject& body, const QString& userId);
    static QString resumeQueue(SandboxQueue& queue);

    QString createAgentToken(SandboxCluster& cluster, const QJsonObject& body,
        const QString& userId, QString* createdId);
    QString updateAgentToken(
        const SandboxCluster& cluster, SandboxAgentToken& token, const QJsonObject& body);
    void deleteAgentToken(SandboxCluster& cluster, const QString& id);

    // Maintainers: body {"user": uuid} or {"team": uuid}.
    QString addMaintainer(SandboxCluster& cluster, const QJsonObject& body, QString* createdId);
    static bool removeMaintainer(SandboxCluster& cluster, const QString& maintainerId);

    // Agents, in the order they registered (the list's order).
    const QList<SandboxAgent>& agents() const { return m_agents; }
    const SandboxAgent* agent(const QString& id) const;
    SandboxAgent* agent(const QString& id);
    // Rows of agents() on one queue, in order.
    QList<qsizetype> agentRowsOnQueue(const QString& queueId) const;
    // Adds a registered agent (id, created and connected times filled in when empty).
    QString addAgent(SandboxAgent agent);
    void reserveAgents(qsizetype count) { m_agents.reserve(count); }
    std::optional<SandboxRefusal> pauseAgent(
        SandboxAgent& agent, const QJsonObject& body, const QString& userId);
    std::optional<SandboxRefusal> resumeAgent(SandboxAgent& agent);
    std::optional<SandboxRefusal> stopAgent(SandboxAgent& agent, const QJsonObject& body);
    // Not API calls: what the agents themselves and the dispatcher do.
    QString assignJob(SandboxAgent& agent, const SandboxJob& job); // the job's id, or empty
    bool finishJob(SandboxAgent& agent);
    bool disconnectAgent(SandboxAgent& agent, bool lost = false);

    static constexpr int maxQueuesPerCluster = 50;
    static constexpr int maxAllowedIpAddresses = 24;
    static constexpr int minTokenLifetimeSeconds = 10 * 60;
    static constexpr int defaultAgentPauseMinutes = 5;
    static constexpr int maxAgentPauseMinutes = 7 * 24 * 60;

private:
    void indexAgent(qsizetype row);

    QList<SandboxUser> m_users;
    QList<SandboxTeam> m_teams;
    QList<SandboxApiToken> m_apiTokens;
    QList<SandboxCluster> m_clusters;
    QList<SandboxAgent> m_agents;
    QString m_defaultClusterId;

    struct Place {
        qsizetype cluster = -1;
        qsizetype row = -1; // in the cluster's queues or tokens
    };
    QHash<QString, qsizetype> m_clusterRows;
    QHash<QString, Place> m_queuePlaces;
    QHash<QString, Place> m_tokenPlaces;
    QHash<QString, qsizetype> m_agentRows;
    QHash<QString, QList<qsizetype>> m_agentsByQueue;
};
