// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <optional>

// What the navigation tree has selected, in the terms the actions and the flows need: a value
// taken when asked, so nobody holds on to a row that a refresh may move or remove.
struct NavigationSelection {
    enum class Kind {
        Nothing,
        Organization,
        Cluster,
        Queue,
        Token,
        Other, // a group, loading or error row
    };

    Kind kind = Kind::Nothing;
    std::optional<Cluster> cluster; // the cluster of whatever is selected
    std::optional<Queue> queue; // when a queue is selected
    std::optional<AgentToken> token; // when a token is selected

    // A cluster, queue or token: something Delete applies to.
    bool isObject() const
    {
        return kind == Kind::Cluster || kind == Kind::Queue || kind == Kind::Token;
    }
};
