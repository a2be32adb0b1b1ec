// SPDX-License-Identifier: MIT
#pragma once

#include "user.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <optional>

class JsonReader;

// The job an agent is running, as the agents API embeds it.
struct AgentJob {
    QString id;
    QString graphqlId;
    QString type; // "script", ...
    QString name; // the step's label; may be empty
    QString state; // "running", ...
    QString command;
    QString webUrl;
    QString buildUrl;
    // From build_url (".../pipelines/{slug}/builds/{number}"); empty and 0 when it says nothing.
    QString pipeline;
    int buildNumber = 0;
    QDateTime startedAt;
    QJsonObject raw;

    static AgentJob fromJson(JsonReader& reader);
    // The label, else the command, else the id: what a person recognises the job by.
    QString displayName() const;
    // "web #48213", or empty when the build is unknown.
    QString buildName() const;
    bool operator==(const AgentJob&) const = default;
};

// A Buildkite agent from GET /v2/organizations/{org}/agents (api-notes.md, "Agents"). Which
// fields a server sends varies with its version, so every field is optional.
//
// Where the agent belongs is taken from what names it explicitly and never guessed: the queue
// and cluster ids in web_url (".../clusters/{cluster}/queues/{queue}/agents/{id}"), the queue's
// key from `queue` (or a "queue=KEY" tag in meta_data). A key alone does not say which cluster
// it is in; grouping (AgentTally) only places it when the cluster is known too.
struct Agent {
    enum class State {
        Idle, // connected, no job, not paused: ready to take one
        Busy, // running a job (also while paused or stopping: the job still runs)
        Paused, // connected, no job, paused: takes no jobs until resumed or the pause times out
        Stopping, // asked to stop, no job left; about to go
        Offline, // any other connection state (the list shows connected agents only)
    };

    QString id;
    QString graphqlId;
    QString url;
    QString webUrl;
    QString name;
    QString connectionState; // "connected", "stopping", "disconnected", "lost", ...
    QString hostname;
    QString ipAddress;
    QString userAgent;
    QString version;
    std::optional<User> creator;
    QDateTime createdAt;
    std::optional<AgentJob> job;
    QDateTime lastJobFinishedAt;
    std::optional<qint64> priority;
    QStringList metaData; // "queue=deploy", "os=linux", ...
    // Newer servers.
    QString osId; // "linux", "darwin", "windows"
    QString arch; // "amd64", "arm64"
    QDateTime connectedAt;
    QDateTime disconnectedAt;
    QDateTime lostAt;
    // Paused agents (when the server says).
    bool paused = false;
    std::optional<User> pausedBy;
    QDateTime pausedAt;
    QString pausedNote;
    std::optional<qint64> pausedTimeoutMinutes;

    // Placement. queueKey is from `queue` or meta_data; the ids from web_url, or from the request
    // that listed the agent (ListAgents with a queue filter fills queueId in).
    QString queueKey;
    QString queueId;
    QString clusterId;
    QJsonObject raw;

    static Agent fromJson(JsonReader& reader);

    bool isBusy() const { return job.has_value(); }
    // Connected to Buildkite: "connected", or "stopping" (it still runs its last job).
    bool isConnected() const;
    bool isStopping() const { return connectionState == QLatin1String("stopping"); }
    State state() const;
    // "linux/amd64", "linux", or empty.
    QString platform() const;
    // When it connected: connected_at, else created_at (older servers).
    QDateTime connectedSince() const;

    // The value of the first "key=value" tag of meta_data with this key; empty if none.
    QString tag(QStringView key) const;
    // Cluster and queue ids from a web_url of the newest docs' form; empty parts stay empty.
    static void placementFromWebUrl(const QString& webUrl, QString* clusterId, QString* queueId);

    bool operator==(const Agent&) const = default;
};

Q_DECLARE_METATYPE(Agent)
