// SPDX-License-Identifier: MIT
#pragma once

#include "instanceshape.h"
#include "user.h"

#include <optional>

class JsonReader;

struct Queue {
    QString id;
    QString clusterId; // from the request that fetched it, not from the JSON
    QString graphqlId;
    QString key;
    QString description;
    QString url;
    QString webUrl;
    QString clusterUrl;
    bool dispatchPaused = false;
    std::optional<User> dispatchPausedBy;
    QDateTime dispatchPausedAt;
    QString dispatchPausedNote;
    QDateTime createdAt;
    User createdBy;
    QString retryAgentAffinity; // "prefer-warmest" (default) or "prefer-different"
    bool hosted = false;
    // The shape as reported (snake_case hosted_agents.instance_shape); fields the catalogue
    // knows fill in what the response leaves out.
    InstanceShape instanceShape;
    // Hosted Linux queues: the custom agent image (hosted_agents.platform_settings.linux
    // .agent_image_ref); empty for Buildkite's own image, and for every other queue.
    QString agentImageRef;

    static Queue fromJson(JsonReader& reader);
    bool operator==(const Queue&) const = default;
};
