// SPDX-License-Identifier: MIT
#pragma once

#include "accesstoken.h"
#include "queue.h"

#include <optional>

// Whose pause a paused queue carries, against the person behind the API token in use.
namespace QueuePause {

// True only when the pause is provably the token owner's own: both sides name an email and
// the emails match (case-insensitively). An unknown pauser or an unknown token owner is not
// "own": resuming then asks first.
bool isOwnPause(const Queue& queue, const std::optional<AccessToken>& token);

// Whether resuming this queue should ask first: it is paused, and not by the token's owner.
bool resumeNeedsConfirmation(const Queue& queue, const std::optional<AccessToken>& token);

} // namespace QueuePause
