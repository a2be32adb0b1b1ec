// SPDX-License-Identifier: MIT
#include "autorefresh.h"

#include "organizationsession.h"

AutoRefresh::AutoRefresh(QObject* parent)
    : QObject(parent)
{
}

void AutoRefresh::setSession(OrganizationSession* session)
{
    if (m_session && m_session != session)
        m_session->setAutoRefresh(false);
    m_session = session;
    apply();
}

void AutoRefresh::setEnabled(bool enabled)
{
    m_enabled = enabled;
    apply();
}

void AutoRefresh::setMinimised(bool minimised)
{
    m_minimised = minimised;
    apply();
}

bool AutoRefresh::isRunning() const { return m_session && m_enabled && !m_minimised; }

void AutoRefresh::apply()
{
    const bool running = isRunning();
    if (m_session)
        m_session->setAutoRefresh(running);
    if (running != m_running) {
        m_running = running;
        Q_EMIT runningChanged(running);
    }
}
