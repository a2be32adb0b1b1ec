// SPDX-License-Identifier: MIT
#include "agentsfeed.h"

#include "detailstack.h"
#include "organizationsession.h"
#include "panes/queueagentssection.h"

#include <utility>

AgentsFeed::AgentsFeed(DetailStack* details, QObject* parent)
    : QObject(parent)
    , m_details(details)
{
    setObjectName(QStringLiteral("agentsFeed"));
    connect(details->queueAgents(), &QueueAgentsSection::agentsWanted, this,
        [this](const QString& queueId) {
            if (m_session)
                m_session->listQueueAgents(queueId);
        });
}

void AgentsFeed::setSession(OrganizationSession* session)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_session = session;
    QueueAgentsSection* agents = m_details->queueAgents();
    if (!session) {
        m_details->setAgentsUnavailable({});
        agents->setUnavailable({});
        return;
    }
    auto& c = m_connections;
    c << connect(
        session, &OrganizationSession::queueAgentsListed, agents, &QueueAgentsSection::setAgents);
    c << connect(session, &OrganizationSession::queueAgentsFailed, agents,
        [this, agents](const QString& queueId, const ApiError& error) {
            // A missing scope is said once, by applyAccess(), instead of as a failure.
            if (m_session && m_session->canReadAgents())
                agents->showLoadError(queueId,
                    error.message().isEmpty() ? error.toString()
                                              : ApiError::displayText(error.message()));
        });
    c << connect(session, &OrganizationSession::agentAccessChanged, this, &AgentsFeed::applyAccess);
    c << connect(session, &OrganizationSession::accessTokenLoaded, this, &AgentsFeed::applyAccess);
    c << connect(
        session, &OrganizationSession::agentsRefreshed, this, &AgentsFeed::relistShownQueue);
    applyAccess();
}

void AgentsFeed::applyAccess()
{
    if (!m_session)
        return;
    const QString reason = m_session->agentsUnavailableReason();
    m_details->setAgentsUnavailable(reason);
    QueueAgentsSection* agents = m_details->queueAgents();
    agents->setUnavailable(reason);
    agents->setWriteDenied(m_session->agentWriteDeniedReason());
}

void AgentsFeed::relistShownQueue()
{
    QueueAgentsSection* agents = m_details->queueAgents();
    if (m_session && agents->isVisible() && !agents->queueId().isEmpty())
        m_session->listQueueAgents(agents->queueId());
}
