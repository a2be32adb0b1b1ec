// SPDX-License-Identifier: MIT
#include "queuepause.h"

namespace QueuePause {

bool isOwnPause(const Queue& queue, const std::optional<AccessToken>& token)
{
    if (!queue.dispatchPaused || !queue.dispatchPausedBy || !token)
        return false;
    const QString pauser = queue.dispatchPausedBy->email.trimmed();
    const QString owner = token->userEmail.trimmed();
    return !pauser.isEmpty() && !owner.isEmpty() && pauser.compare(owner, Qt::CaseInsensitive) == 0;
}

bool resumeNeedsConfirmation(const Queue& queue, const std::optional<AccessToken>& token)
{
    return queue.dispatchPaused && !isOwnPause(queue, token);
}

} // namespace QueuePause
