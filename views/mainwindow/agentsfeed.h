// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class DetailStack;
class OrganizationSession;

// Carries the session's agents to the panes: the queue pane's agents are listed when it opens a
// queue and again after every agents refresh while it shows one; what the token may do with
// agents reaches the queue, cluster and organisation panes, said once in plain words.
//
// Until the RefreshScheduler drives the session, every organisation refresh (F5, the auto
// refresh, the first load) also lists the organisation's agents: see
// setRefreshAgentsWithOrganization().
class AgentsFeed final : public QObject {
    Q_OBJECT
public:
    explicit AgentsFeed(DetailStack* details, QObject* parent = nullptr);

    void setSession(OrganizationSession* session);
    // On (the default): OrganizationSession::refreshAgents() runs with each refresh(). Off once
    // something else (the RefreshScheduler's Work::Agents) calls it on its own cadence.
    void setRefreshAgentsWithOrganization(bool on) { m_withOrganization = on; }

private:
    void applyAccess();
    void relistShownQueue();

    DetailStack* m_details;
    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_connections;
    bool m_withOrganization = true;
    bool m_agentsAfterToken = false; // a refresh started before the access token was known
};
