// SPDX-License-Identifier: MIT
#pragma once

#include "autorefreshpolicy.h"

#include <QObject>
#include <QPointer>

class OrganizationSession;
class QTimer;

// Runs AutoRefreshPolicy against a clock: after each refresh it waits the interval the policy
// gives for the session's refresh cost and the rate limit, then says the next one is due. A
// refresh that comes due while the window is minimised waits until the window is back.
class AutoRefreshTimer final : public QObject {
    Q_OBJECT
public:
    explicit AutoRefreshTimer(QObject* parent = nullptr);

    AutoRefreshPolicy& policy() { return m_policy; }
    const AutoRefreshPolicy& policy() const { return m_policy; }

    // The session refreshed (not owned); stops the timer until schedule().
    void setSession(OrganizationSession* session);
    // Starts waiting for the next refresh (after one finished, or when switched on).
    void schedule();
    // A refresh starts now (by hand or because it is due): nothing is owed any more.
    void stop();
    void setEnabled(bool enabled);
    void setMinimised(bool minimised);
    void setRateLimit(const RateLimitStatus& status) { m_policy.setRateLimit(status); }

Q_SIGNALS:
    void due();

private:
    AutoRefreshPolicy m_policy;
    QPointer<OrganizationSession> m_session;
    QTimer* m_timer;
    bool m_owed = false; // came due while it should not run
};
