// SPDX-License-Identifier: MIT
#include "autorefreshtimer.h"

#include "organizationsession.h"

#include <QTimer>

AutoRefreshTimer::AutoRefreshTimer(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_policy.shouldRun()) {
            m_owed = true;
            return;
        }
        Q_EMIT due();
    });
}

void AutoRefreshTimer::setSession(OrganizationSession* session)
{
    m_session = session;
    stop();
}

void AutoRefreshTimer::schedule()
{
    m_timer->stop();
    if (!m_session || !m_policy.isEnabled())
        return;
    m_policy.setRefreshCost(m_session->requestsPerRefresh());
    m_timer->start(m_policy.intervalSeconds() * 1000);
}

void AutoRefreshTimer::stop()
{
    m_owed = false;
    m_timer->stop();
}

void AutoRefreshTimer::setEnabled(bool enabled)
{
    m_policy.setEnabled(enabled);
    schedule();
}

void AutoRefreshTimer::setMinimised(bool minimised)
{
    m_policy.setMinimised(minimised);
    if (!minimised && m_owed && m_policy.shouldRun()) {
        m_owed = false;
        Q_EMIT due();
    }
}
