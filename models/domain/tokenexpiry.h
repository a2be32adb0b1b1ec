// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QObject>

// How close a token is to expiring: one classifier and one threshold for agent tokens (tree,
// token list, token pane, organisation summary) and API access tokens (the account checks), so
// a token never reads "expires soon" in one place and fine in another.
namespace TokenExpiry {
Q_NAMESPACE

enum class State {
    Never, // no expiry date
    Valid,
    ExpiringSoon, // at most soonDays left
    Expired,
};
Q_ENUM_NS(State)

// A week gives an admin time to mint a new token before agents or Kitedeck stop working.
inline constexpr int soonDays = 7;
inline constexpr qint64 soonSeconds = qint64(soonDays) * 24 * 60 * 60;

// An invalid expiresAt never expires. The state changes at two instants only, which is what
// lets a model find the tokens a moving clock affects without looking at the others:
// soonSeconds before expiresAt (Valid -> ExpiringSoon) and at expiresAt (-> Expired).
State classify(const QDateTime& expiresAt, const QDateTime& now);

} // namespace TokenExpiry
