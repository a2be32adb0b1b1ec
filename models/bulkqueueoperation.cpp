// SPDX-License-Identifier: MIT
#include "bulkqueueoperation.h"

#include "modelslogging.h"
#include "organizationsession.h"

BulkQueueOperation::BulkQueueOperation(OrganizationSession* session, Action action,
    const QList<Queue>& queues, const QString& note, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_action(action)
    , m_note(note)
{
    m_items.reserve(queues.size());
    for (const Queue& q : queues)
        m_items.append({ q, State::Waiting, {} });
}

void BulkQueueOperation::setConcurrency(int requests) { m_concurrency = qMax(1, requests); }

int BulkQueueOperation::indexOf(const QString& queueId) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).queue.id == queueId)
            return int(i);
    }
    return -1;
}

int BulkQueueOperation::count(State state) const
{
    return int(std::count_if(
        m_items.cbegin(), m_items.cend(), [state](const Item& i) { return i.state == state; }));
}

int BulkQueueOperation::settled() const
{
    return count(State::Done) + count(State::Failed) + count(State::Skipped);
}

bool BulkQueueOperation::hasUnknownOutcome() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const Item& i) {
        return i.state == State::Failed && i.error.kind() == ApiError::Kind::OutcomeUnknown;
    });
}

void BulkQueueOperation::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcModels) << (m_action == Action::Pause ? "pausing" : "resuming") << m_items.size()
                     << "queues," << m_concurrency << "at a time";
    sendNext();
    finishIfDone();
}

void BulkQueueOperation::stop()
{
    if (!m_started || m_finished || m_stopped)
        return;
    m_stopped = true;
    for (qsizetype i = m_next; i < m_items.size(); ++i) {
        m_items[i].state = State::Skipped;
        Q_EMIT itemChanged(int(i));
    }
    m_next = int(m_items.size());
    finishIfDone();
}

void BulkQueueOperation::sendNext()
{
    while (!m_stopped && m_inFlight < m_concurrency && m_next < m_items.size()) {
        const int index = m_next++;
        Item& item = m_items[index];
        if (!m_session) {
            settle(index, ApiError(ApiError::Kind::Network, tr("The organisation was closed")));
            continue;
        }
        item.state = State::Sending;
        ++m_inFlight;
        Q_EMIT itemChanged(index);
        auto done = [this, index](const Result<Queue>& result) {
            --m_inFlight;
            settle(index, result ? ApiError() : result.error());
            sendNext();
            finishIfDone();
        };
        if (m_action == Action::Pause)
            m_session->pauseQueue(item.queue.clusterId, item.queue.id, m_note, this, done);
        else
            m_session->resumeQueue(item.queue.clusterId, item.queue.id, this, done);
    }
}

void BulkQueueOperation::settle(int index, const ApiError& error)
{
    Item& item = m_items[index];
    item.state = error ? State::Failed : State::Done;
    item.error = error;
    Q_EMIT itemChanged(index);
}

void BulkQueueOperation::finishIfDone()
{
    if (m_finished || m_inFlight > 0 || m_next < m_items.size())
        return;
    m_finished = true;
    qCInfo(lcModels) << "bulk" << (m_action == Action::Pause ? "pause" : "resume")
                     << "finished:" << count(State::Done) << "done," << count(State::Failed)
                     << "failed," << count(State::Skipped) << "skipped";
    Q_EMIT finished();
}
