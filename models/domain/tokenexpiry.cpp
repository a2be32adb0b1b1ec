// SPDX-License-Identifier: MIT
#include "tokenexpiry.h"

namespace TokenExpiry {

State classify(const QDateTime& expiresAt, const QDateTime& now)
{
    if (!expiresAt.isValid())
        return State::Never;
    // Milliseconds, not secsTo(): its truncation would move the boundary by up to a second.
    const qint64 left = now.msecsTo(expiresAt);
    if (left <= 0)
        return State::Expired;
    if (left <= soonSeconds * 1000)
        return State::ExpiringSoon;
    return State::Valid;
}

} // namespace TokenExpiry
