// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class DetailStack;
class OrganizationSession;

// Carries the session's agents to the panes: the queue pane's agents are listed when it opens a
// queue and again after every agents refresh while it shows one; what the token may do with
// agents reaches the queue, cluster and organisation panes, said once in plain words. The
// organisation's agents are listed by the session's RefreshScheduler, not here.
class AgentsFeed final : public QObject {
    Q_OBJECT
public:
    explicit AgentsFeed(DetailStack* details, QObject* parent = nullptr);

    void setSession(OrganizationSession* session);

private:
    void applyAccess();
    void relistShownQueue();

    DetailStack* m_details;
    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_connections;
};
