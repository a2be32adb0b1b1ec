// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

struct SandboxUser {
    QString id;
    QString name;
    QString email;
    QDateTime createdAt;
};

struct SandboxTeam {
    QString id;
    QString name;
    QString slug;
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

// The organisation's data and the rules that guard it. Mutations take the request body and
// return an empty string on success or the 422 message ("Validation failed: ..."), so the
// HTTP layer never needs to know a rule.
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

    // People
    QString addUser(
        const QString& id, const QString& name, const QString& email, const QDateTime& createdAt);
    QString addTeam(const QString& id, const QString& name, const QString& slug);
    const SandboxUser* user(const QString& id) const;
    const SandboxTeam* team(const QString& id) const;

    // API access tokens
    QString addApiToken(const QString& value, const QStringList& scopes, const QString& description,
        const QDateTime& expiresAt, const QString& userId);
    const SandboxApiToken* apiToken(const QString& value) const;
    void revokeApiToken(const QString& value);

    // Clusters, queues and agent tokens
    QList<SandboxCluster>& clusters() { return m_clusters; }
    const QList<SandboxCluster>& clusters() const { return m_clusters; }
    SandboxCluster* cluster(const QString& id);
    static SandboxQueue* queue(SandboxCluster& cluster, const QString& id);
    static SandboxAgentToken* agentToken(SandboxCluster& cluster, const QString& id);
    void clearClusters() { m_clusters.clear(); }

    QString createCluster(const QJsonObject& body, const QString& userId, QString* createdId);
    QString updateCluster(SandboxCluster& cluster, const QJsonObject& body);
    void deleteCluster(const QString& id);

    QString createQueue(SandboxCluster& cluster, const QJsonObject& body, const QString& userId,
        QString* createdId);
    QString updateQueue(SandboxQueue& queue, const QJsonObject& body);
    static void deleteQueue(SandboxCluster& cluster, const QString& id);
    static QString pauseQueue(SandboxQueue& queue, const QJsonObject& body, const QString& userId);
    static QString resumeQueue(SandboxQueue& queue);

    QString createAgentToken(SandboxCluster& cluster, const QJsonObject& body,
        const QString& userId, QString* createdId);
    QString updateAgentToken(SandboxAgentToken& token, const QJsonObject& body);
    static void deleteAgentToken(SandboxCluster& cluster, const QString& id);

    static constexpr int maxQueuesPerCluster = 50;
    static constexpr int maxAllowedIpAddresses = 24;
    static constexpr int minTokenLifetimeSeconds = 10 * 60;

private:
    QList<SandboxUser> m_users;
    QList<SandboxTeam> m_teams;
    QList<SandboxApiToken> m_apiTokens;
    QList<SandboxCluster> m_clusters;
};
