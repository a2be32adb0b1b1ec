// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class QTimer;

// Decides what part of the organisation to fetch next, so that Kitedeck keeps it current while
// spending at most a set share of the user's API rate limit (the limit is shared with every
// other tool the user runs: bk, Terraform, scripts).
//
// It knows nothing of HTTP: it emits due(task), the session sends the request(s) and reports
// finished(task, ok, requests). Two modes:
//
// - Reload (first load, F5): every task once, as fast as the rate-limit window allows while
//   leaving a reserve (20 % of the limit) for the user's other tools; when the window is spent
//   it waits for the reset and goes on. Visible ("hot") clusters come first.
// - Steady: a token bucket filled at share x limit per minute. The cluster list, the agents and
//   the queues of the hot clusters (selected, expanded, visible) are checked every hot period;
//   the other clusters' queues round-robin, oldest first, with every n-th pick spent on a
//   cluster's agent tokens instead. The hot cadence takes at most half the steady rate, so the
//   round robin always moves.
//
// A server that sends a larger limit (enterprise plans) makes both modes faster on its own.
class RefreshScheduler final : public QObject {
    Q_OBJECT
public:
    enum class Work {
        ClusterList,
        Agents,
        Queues, // one cluster's queues: the dispatch state that matters in an incident
        Tokens, // one cluster's agent tokens
    };
    Q_ENUM(Work)

    struct Task {
        Work work = Work::ClusterList;
        QString clusterId; // Queues and Tokens only
        bool operator==(const Task&) const = default;
    };

    struct Settings {
        double share = 0.25; // of the user's limit per minute, in steady state
        int intervalSeconds = 60; // shortest hot period: cluster list, agents, hot clusters
        double reserve = 0.2; // of the limit, never spent by a reload
        int maxInFlight = 6; // Qt's connections per host
        int tokensEvery = 5; // one token list per this many round-robin queue checks
        double hotShare = 0.5; // at most this part of the steady rate goes to the hot cadence
        bool operator==(const Settings&) const = default;
    };

    // Milliseconds on a monotonic clock.
    using Clock = std::function<qint64()>;

    // Used until a response says otherwise: Buildkite's default per-user limit.
    static constexpr int defaultLimit = 50;
    static constexpr int pageSize = 100; // items per page the session asks for

    explicit RefreshScheduler(QObject* parent = nullptr);
    ~RefreshScheduler() override;

    // Tests and the benchmark: a clock of their own. speed says how many clock milliseconds
    // pass per real millisecond (a compressed clock), so the timer waits that much less.
    void setClock(Clock clock, double speed = 1.0);
    // Tests: no timer (they call tick()).
    void setAutomaticTimer(bool on);

    void setSettings(const Settings& settings);
    Settings settings() const { return m_settings; }

    // The tighter window of the last response (RateLimit-User-* or RateLimit-*). limit < 0 when
    // the server sent none: the default limit is assumed.
    void setRateLimit(int limit, int remaining, int resetSeconds);
    int limit() const;

    // The clusters as last listed (server order). New ones have never been checked.
    void setClusters(const QStringList& ids);
    QStringList clusters() const { return m_clusterIds; }
    // Selected, expanded and visible clusters, most wanted first.
    void setHotClusters(const QStringList& ids);
    // The hot clusters the hot cadence checks: the first of them, as many as half the steady
    // rate can check every interval next to the cluster list and the agents (at least one, the
    // selected). The others are checked with the round robin.
    QStringList hotClusters() const;
    // Agents are fetched only when the token may read them.
    void setAgentsWanted(bool wanted);
    // How many agent pages the last agent list took (the cost of the hot cadence).
    void setAgentPages(int pages);

    // Everything once, as fast as the window allows: the cluster list first, then each
    // cluster's queues and tokens (hot clusters first, and clusters listed later are added).
    void reloadAll();
    bool isReloading() const { return m_reloading; }
    // Tasks the reload has yet to send.
    int reloadRemaining() const { return int(m_reload.size()); }
    // A task ahead of the cadence (the user opened a node): sent as soon as the budget allows,
    // unless it last succeeded less than maxAgeMs ago.
    void requestSoon(const Task& task, qint64 maxAgeMs = 0);

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // What became of a task emitted by due(): requests is what it cost (pages included).
    void finished(const Task& task, bool ok, int requests = 1);
    bool isInFlight(const Task& task) const { return m_inFlight.contains(key(task)); }

    // When a task last succeeded, on the clock; -1 when never.
    qint64 lastSuccess(const Task& task) const;
    // When the cluster's queues were last checked successfully; -1 when never.
    qint64 queuesChecked(const QString& clusterId) const
    {
        return lastSuccess({ Work::Queues, clusterId });
    }

    // The plan, in words a status bar can use.
    double steadyRequestsPerMinute() const;
    // How often the cluster list, the agents and the hot clusters are checked.
    int hotPeriodSeconds() const;
    // Within this time every cluster's queues are checked again (the oldest data there is):
    // the planned round, or longer while the checks are not spread over it yet (after a
    // reload, whose token lists came after every queue list).
    int roundSeconds() const;
    // The round of the plan alone: the other clusters at the round robin's rate.
    int plannedRoundSeconds() const;

    // Sends what is due now and sets the timer for the next wake-up. Public for tests.
    void tick();
    // Milliseconds until the next tick would send something (tests); -1 when nothing is planned.
    qint64 nextWakeInMs() const { return m_nextWake; }
    // The window is spent (less the reserve): nothing is sent until it resets.
    bool isWaitingForWindow() const { return m_waitingForWindow; }

Q_SIGNALS:
    void due(const RefreshScheduler::Task& task);
    // The reload (reloadAll) has sent everything and every answer is in.
    void reloadFinished();
    // The numbers behind the status bar's words changed (limit, cluster count, settings).
    void planChanged();

private:
    struct State {
        qint64 lastSuccess = -1;
        qint64 lastAttempt = -1;
    };

    static QString key(const Task& task);
    qint64 now() const;
    double ratePerMs() const;
    int listPages() const;
    int hotCount() const;
    int agentCost() const { return m_agentsWanted ? m_agentPages : 0; }
    void refill(qint64 at);
    // Once the reported window has reset, assume a full one.
    void rollWindow(qint64 at);
    // How many requests the window has left for us now, less the reserve.
    int windowAllowance() const;
    bool dispatch(const Task& task, qint64 at);
    bool nextReloadTask(Task* task) const;
    bool nextSteadyTask(qint64 at, Task* task);
    qint64 age(const Task& task, qint64 at) const;
    void schedule(qint64 wakeInMs);
    void queueReloadOf(const QString& clusterId, bool front);

    Settings m_settings;
    Clock m_clock;
    QTimer* m_timer;
    double m_speed = 1.0;
    bool m_automaticTimer = true;
    bool m_waitingForWindow = false;
    bool m_running = false;
    qint64 m_nextWake = -1;

    // The window as last reported, and when.
    int m_limit = -1;
    int m_remaining = -1;
    int m_resetSeconds = -1;
    qint64 m_reportedAt = -1;
    int m_sentSinceReport = 0; // requests sent after that report: not in its count yet

    double m_bucket = 0; // steady-state requests we may send now
    qint64 m_refilledAt = -1;

    QStringList m_clusterIds;
    QSet<QString> m_clusterSet; // the same, for lookups
    QStringList m_hot;
    bool m_agentsWanted = false;
    int m_agentPages = 1;
    int m_roundRobinPicks = 0;

    bool m_reloading = false;
    QList<Task> m_reload;
    QSet<QString> m_reloadSent; // sent by the reload, not finished yet
    QList<Task> m_soon;
    QHash<QString, State> m_state; // by key(task)
    QHash<QString, Task> m_inFlight;
};
