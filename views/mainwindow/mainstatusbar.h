// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"

#include <QPointer>
#include <QStatusBar>

class OrganizationSession;
class QLabel;
class QProgressBar;
class QTimer;

// The main window's status bar: what the session has in flight (with a busy indicator) or why
// the last refresh failed, when the data was last refreshed ("Updated 2 minutes ago", kept
// honest by a clock), and the rate-limit budget.
//
// objectNames: statusActivity, statusBusy, statusRefreshed, statusRateLimit.
class MainStatusBar final : public QStatusBar {
    Q_OBJECT
public:
    explicit MainStatusBar(QWidget* parent = nullptr);

    // Follows this session (not owned; null shows nothing).
    void setSession(OrganizationSession* session);
    // The budget left, and whether auto-refresh runs slower to spare it.
    void setRateLimit(const RateLimitStatus& status, bool autoRefreshSlowed);

private:
    void setActivity(const QString& text);
    void updateRefreshed();

    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    QLabel* m_activity;
    QProgressBar* m_busy;
    QLabel* m_refreshed;
    QLabel* m_rateLimit;
    QTimer* m_clock;
};
