// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "domain/queue.h"

#include <QObject>
#include <QPointer>

class OrganizationSession;

// Pauses (with one note) or resumes many queues through the session, a few requests at a time:
// an incident can mean a hundred queues, and the rate limit is per user and per minute (the
// client still waits out any 429 before trying again). Each queue's answer is merged by the
// session as it comes, so the tree shows every success at once and leaves every failure as it
// was; this object keeps each queue's outcome for a result list.
class BulkQueueOperation final : public QObject {
    Q_OBJECT
public:
    enum class Action {
        Pause,
        Resume,
    };
    Q_ENUM(Action)
    enum class State {
        Waiting,
        Sending,
        Done,
        Failed,
        Skipped, // stopped before it was sent
    };
    Q_ENUM(State)

    struct Item {
        Queue queue; // as it was when the operation was made
        State state = State::Waiting;
        ApiError error; // Failed: why
    };

    static constexpr int defaultConcurrency = 4;

    // The queues are taken as given: the caller leaves out those already in the wanted state.
    BulkQueueOperation(OrganizationSession* session, Action action, const QList<Queue>& queues,
        const QString& note = {}, QObject* parent = nullptr);

    Action action() const { return m_action; }
    QString note() const { return m_note; }
    void setConcurrency(int requests);
    int concurrency() const { return m_concurrency; }

    void start();
    // Sends nothing more; queues not sent yet become Skipped. Requests in flight finish.
    void stop();
    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }

    const QList<Item>& items() const { return m_items; }
    int indexOf(const QString& queueId) const;
    int count(State state) const;
    // Done, Failed or Skipped.
    int settled() const;
    // Any answer that leaves the outcome unknown (a write sent and not answered).
    bool hasUnknownOutcome() const;

Q_SIGNALS:
    void itemChanged(int index);
    // Every queue is settled (after the last itemChanged).
    void finished();

private:
    void sendNext();
    void settle(int index, const ApiError& error);
    void finishIfDone();

    QPointer<OrganizationSession> m_session;
    Action m_action;
    QString m_note;
    QList<Item> m_items;
    int m_concurrency = defaultConcurrency;
    int m_next = 0;
    int m_inFlight = 0;
    bool m_started = false;
    bool m_stopped = false;
    bool m_finished = false;
};
