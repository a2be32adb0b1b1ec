// SPDX-License-Identifier: MIT
#include "refreshscheduler.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace {
constexpr qint64 never = std::numeric_limits<qint64>::max();
// After a window reset, wait this much longer: the server's clock and ours differ a little.
constexpr qint64 resetMarginMs = 1000;
} // namespace

RefreshScheduler::RefreshScheduler(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &RefreshScheduler::tick);
}

RefreshScheduler::~RefreshScheduler() = default;

void RefreshScheduler::setClock(Clock clock, double speed)
{
    m_clock = std::move(clock);
    m_speed = speed > 0 ? speed : 1.0;
}

void RefreshScheduler::setAutomaticTimer(bool on)
{
    m_automaticTimer = on;
    if (!on)
        m_timer->stop();
}

void RefreshScheduler::setSettings(const Settings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    m_settings.share = std::clamp(m_settings.share, 0.01, 1.0);
    m_settings.reserve = std::clamp(m_settings.reserve, 0.0, 0.9);
    m_settings.hotShare = std::clamp(m_settings.hotShare, 0.1, 0.9);
    m_settings.intervalSeconds = std::max(5, m_settings.intervalSeconds);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
    m_settings.tokensEvery = std::max(2, m_settings.tokensEvery);
    Q_EMIT planChanged();
    tick();
}

QString RefreshScheduler::key(const Task& task)
{
    switch (task.work) {
    case Work::ClusterList:
        return QStringLiteral("list");
    case Work::Agents:
        return QStringLiteral("agents");
    case Work::Queues:
        return QLatin1String("q/") + task.clusterId;
    case Work::Tokens:
        return QLatin1String("t/") + task.clusterId;
    }
    return {};
}

qint64 RefreshScheduler::now() const { return m_clock(); }

int RefreshScheduler::limit() const { return m_limit > 0 ? m_limit : defaultLimit; }

double RefreshScheduler::ratePerMs() const { return m_settings.share * limit() / 60000.0; }

int RefreshScheduler::listPages() const
{
    return std::max(1, int((m_clusterIds.size() + pageSize - 1) / pageSize));
}

int RefreshScheduler::hotCount() const { return int(hotClusters().size()); }

QStringList RefreshScheduler::hotClusters() const
{
    // What half the steady rate can check every interval, after the list and the agents.
    const double perInterval
        = steadyRequestsPerMinute() * m_settings.hotShare * m_settings.intervalSeconds / 60.0;
    const int affordable = std::max(1, int(std::floor(perInterval)) - listPages() - agentCost());
    QStringList out;
    for (const QString& id : m_hot) {
        if (out.size() >= affordable)
            break;
        if (m_clusterSet.contains(id) && !out.contains(id))
            out.append(id);
    }
    return out;
}

double RefreshScheduler::steadyRequestsPerMinute() const { return m_settings.share * limit(); }

int RefreshScheduler::hotPeriodSeconds() const
{
    const int cost = listPages() + agentCost() + hotCount();
    const double perMinute = steadyRequestsPerMinute() * m_settings.hotShare;
    const int needed = int(std::ceil(cost * 60.0 / perMinute));
    return std::max(m_settings.intervalSeconds, needed);
}

int RefreshScheduler::roundSeconds() const
{
    const int planned = plannedRoundSeconds();
    // Right after a reload (or a pause) the checks are not spread over the round yet: the
    // round robin goes oldest first, so the k-th oldest is checked after k rounds' worth of
    // picks, on top of the age it has now. What is true now is the worst of those.
    const QStringList hot = hotClusters();
    const QSet<QString> hotSet(hot.cbegin(), hot.cend());
    const qint64 at = now();
    QList<qint64> ages;
    int others = 0;
    for (const QString& id : m_clusterIds) {
        if (hotSet.contains(id))
            continue;
        ++others;
        const auto it = m_state.constFind(key({ Work::Queues, id }));
        if (it != m_state.cend() && it->lastSuccess >= 0)
            ages.append(at - it->lastSuccess);
    }
    if (ages.isEmpty())
        return planned;
    std::sort(ages.begin(), ages.end(), std::greater<>());
    const double perPick = planned * 1000.0 / others;
    const qsizetype ahead = others - ages.size(); // never checked: first in line, no data to age
    qint64 worst = 0;
    for (qsizetype k = 0; k < ages.size(); ++k)
        worst = std::max(worst, ages.at(k) + qint64(double(ahead + k + 1) * perPick));
    return std::max(planned, int(std::ceil(double(worst) / 1000.0)));
}

int RefreshScheduler::plannedRoundSeconds() const
{
    const int hot = hotPeriodSeconds();
    const int others = int(m_clusterIds.size()) - hotCount();
    if (others <= 0)
        return hot;
    const double hotCost = (listPages() + agentCost() + hotCount()) * 60.0 / hot;
    const double roundRobinRate = std::max(steadyRequestsPerMinute() - hotCost,
        steadyRequestsPerMinute() * (1.0 - m_settings.hotShare));
    const double queueShare = double(m_settings.tokensEvery - 1) / m_settings.tokensEvery;
    // A tenth more for paged lists that run the bucket into debt and for timer slack.
    const double seconds = others * 60.0 / (roundRobinRate * queueShare) * 1.1;
    return std::max(hot, int(std::ceil(seconds)));
}

void RefreshScheduler::setRateLimit(int limit, int remaining, int resetSeconds)
{
    const int before = this->limit();
    m_limit = limit;
    m_remaining = remaining;
    m_resetSeconds = resetSeconds;
    m_reportedAt = now();
    // The response that carried this report is still counted as in flight.
    m_sentSinceReport = std::max(0, int(m_inFlight.size()) - 1);
    if (this->limit() != before)
        Q_EMIT planChanged();
}

void RefreshScheduler::setClusters(const QStringList& ids)
{
    const QStringList before = m_clusterIds;
    const int hotBefore = hotCount();
    m_clusterIds = ids;
    m_clusterSet = QSet<QString>(ids.cbegin(), ids.cend());
    // Forget what belongs to clusters that are gone.
    for (const QString& id : before) {
        if (!m_clusterSet.contains(id)) {
            m_state.remove(key({ Work::Queues, id }));
            m_state.remove(key({ Work::Tokens, id }));
            m_reload.removeAll(Task { Work::Queues, id });
            m_reload.removeAll(Task { Work::Tokens, id });
            m_soon.removeAll(Task { Work::Queues, id });
            m_soon.removeAll(Task { Work::Tokens, id });
        }
    }
    if (m_reloading) {
        const QSet<QString> known(before.cbegin(), before.cend());
        for (const QString& id : ids) {
            if (!known.contains(id) || !m_state.contains(key({ Work::Queues, id })))
                queueReloadOf(id, m_hot.contains(id));
        }
    }
    if (before.size() != ids.size() || hotCount() != hotBefore)
        Q_EMIT planChanged();
    tick();
}

void RefreshScheduler::queueReloadOf(const QString& clusterId, bool front)
{
    for (Work work : { Work::Queues, Work::Tokens }) {
        const Task task { work, clusterId };
        if (m_reload.contains(task) || m_inFlight.contains(key(task)))
            continue;
        if (!front) {
            m_reload.append(task);
            continue;
        }
        // Hot clusters' queues go right after the cluster list; their tokens after all queues.
        if (work == Work::Queues) {
            qsizetype at = 0;
            while (at < m_reload.size() && m_reload.at(at).work != Work::Tokens
                && m_reload.at(at).work != Work::Queues)
                ++at;
            m_reload.insert(at, task);
        } else {
            m_reload.append(task);
        }
    }
    // Queues (dispatch state) before tokens: keep all queue tasks ahead of token tasks.
    std::stable_partition(
        m_reload.begin(), m_reload.end(), [](const Task& t) { return t.work != Work::Tokens; });
}

void RefreshScheduler::setHotClusters(const QStringList& ids)
{
    if (ids == m_hot)
        return;
    const int before = hotCount();
    m_hot = ids;
    if (m_reloading) {
        // Move the hot clusters' queues to the front of what is left.
        QList<Task> hotFirst;
        for (const QString& id : ids) {
            const Task task { Work::Queues, id };
            if (m_reload.removeAll(task) > 0)
                hotFirst.append(task);
        }
        qsizetype at = 0;
        while (at < m_reload.size() && m_reload.at(at).work != Work::Queues
            && m_reload.at(at).work != Work::Tokens)
            ++at;
        for (qsizetype i = 0; i < hotFirst.size(); ++i)
            m_reload.insert(at + i, hotFirst.at(i));
    }
    if (hotCount() != before)
        Q_EMIT planChanged();
    tick();
}

void RefreshScheduler::setAgentsWanted(bool wanted)
{
    if (wanted == m_agentsWanted)
        return;
    m_agentsWanted = wanted;
    if (!wanted) {
        m_reload.removeAll(Task { Work::Agents, {} });
        m_soon.removeAll(Task { Work::Agents, {} });
    } else if (isReloading() && !m_reload.contains(Task { Work::Agents, {} })) {
        // Allowed while a reload runs (the access token answered after it began): the agents
        // belong to it, before the tokens, so "queues with no agents" is known when it ends.
        const auto tokens = std::find_if(
            m_reload.begin(), m_reload.end(), [](const Task& t) { return t.work == Work::Tokens; });
        m_reload.insert(tokens, { Work::Agents, {} });
    }
    Q_EMIT planChanged();
    tick();
}

void RefreshScheduler::setAgentPages(int pages)
{
    pages = std::max(1, pages);
    if (pages == m_agentPages)
        return;
    m_agentPages = pages;
    Q_EMIT planChanged();
}

void RefreshScheduler::reloadAll()
{
    m_reloading = true;
    m_reload.clear();
    m_reloadSent.clear();
    m_reload.append({ Work::ClusterList, {} });
    if (m_agentsWanted)
        m_reload.append({ Work::Agents, {} });
    for (const QString& id : m_hot) {
        if (m_clusterSet.contains(id))
            queueReloadOf(id, true);
    }
    for (const QString& id : m_clusterIds)
        queueReloadOf(id, false);
    tick();
}

void RefreshScheduler::requestSoon(const Task& task, qint64 maxAgeMs)
{
    if (m_soon.contains(task) || m_inFlight.contains(key(task)))
        return;
    if (maxAgeMs > 0) {
        const qint64 last = lastSuccess(task);
        if (last >= 0 && now() - last < maxAgeMs)
            return;
    }
    m_soon.append(task);
    tick();
}

void RefreshScheduler::start()
{
    m_running = true;
    m_refilledAt = now();
    tick();
}

void RefreshScheduler::stop()
{
    m_running = false;
    m_timer->stop();
    m_nextWake = -1;
}

void RefreshScheduler::finished(const Task& task, bool ok, int requests)
{
    const QString k = key(task);
    if (!m_inFlight.remove(k))
        return;
    if (ok)
        m_state[k].lastSuccess = now();
    const int extra = std::max(0, requests - 1);
    m_sentSinceReport += extra;
    if (!m_reloading)
        m_bucket -= extra; // paged lists cost more than the one request they were counted as
    if (task.work == Work::Agents && ok)
        setAgentPages(requests);
    m_reloadSent.remove(k);
    if (m_reloading && m_reload.isEmpty() && m_reloadSent.isEmpty()) {
        m_reloading = false;
        // The share applies from now on: nothing saved up during the reload.
        m_bucket = 0;
        m_refilledAt = now();
        Q_EMIT reloadFinished();
    }
    tick();
}

qint64 RefreshScheduler::lastSuccess(const Task& task) const
{
    const auto it = m_state.constFind(key(task));
    return it == m_state.cend() ? -1 : it->lastSuccess;
}

qint64 RefreshScheduler::age(const Task& task, qint64 at) const
{
    const auto it = m_state.constFind(key(task));
    if (it == m_state.cend() || it->lastAttempt < 0)
        return never;
    return at - it->lastAttempt;
}

void RefreshScheduler::refill(qint64 at)
{
    if (m_refilledAt < 0)
        m_refilledAt = at;
    // At most a quarter of a minute's share at once: bursts stay small.
    const double capacity = std::max(2.0, steadyRequestsPerMinute() / 4.0);
    m_bucket = std::min(capacity, m_bucket + double(at - m_refilledAt) * ratePerMs());
    m_refilledAt = at;
}

void RefreshScheduler::rollWindow(qint64 at)
{
    if (m_reportedAt < 0 || m_resetSeconds < 0)
        return;
    const qint64 resetAt = m_reportedAt + qint64(m_resetSeconds) * 1000;
    if (at < resetAt)
        return;
    // The window the report spoke of is over: a full one, less what is still in flight.
    m_remaining = limit();
    m_reportedAt = resetAt;
    m_resetSeconds = 60;
    m_sentSinceReport = int(m_inFlight.size());
}

int RefreshScheduler::windowAllowance() const
{
    const int reserved = int(std::ceil(m_settings.reserve * limit()));
    const int remaining = m_reportedAt >= 0 && m_remaining >= 0 ? m_remaining : limit();
    return remaining - m_sentSinceReport - reserved;
}

bool RefreshScheduler::dispatch(const Task& task, qint64 at)
{
    const QString k = key(task);
    if (m_inFlight.contains(k))
        return false;
    m_inFlight.insert(k, task);
    m_state[k].lastAttempt = at;
    ++m_sentSinceReport;
    Q_EMIT due(task);
    return true;
}

bool RefreshScheduler::nextReloadTask(Task* task) const
{
    for (const Task& t : m_reload) {
        if (!m_inFlight.contains(key(t))) {
            *task = t;
            return true;
        }
    }
    return false;
}

bool RefreshScheduler::nextSteadyTask(qint64 at, Task* task)
{
    for (qsizetype i = 0; i < m_soon.size(); ++i) {
        if (!m_inFlight.contains(key(m_soon.at(i)))) {
            *task = m_soon.takeAt(i);
            return true;
        }
    }
    const qint64 hotMs = qint64(hotPeriodSeconds()) * 1000;
    for (const Task& t : { Task { Work::ClusterList, {} }, Task { Work::Agents, {} } }) {
        if (t.work == Work::Agents && !m_agentsWanted)
            continue;
        if (!m_inFlight.contains(key(t)) && age(t, at) >= hotMs) {
            *task = t;
            return true;
        }
    }
    const QStringList hot = hotClusters();
    for (const QString& id : hot) {
        const Task t { Work::Queues, id };
        if (!m_inFlight.contains(key(t)) && age(t, at) >= hotMs) {
            *task = t;
            return true;
        }
    }
    const QSet<QString> hotSet(hot.cbegin(), hot.cend());
    // Round robin: the oldest check first; every n-th pick goes to a cluster's tokens.
    const bool tokensTurn
        = m_roundRobinPicks % m_settings.tokensEvery == m_settings.tokensEvery - 1;
    auto oldest = [&](Work work, bool skipHot) -> std::optional<Task> {
        std::optional<Task> best;
        qint64 bestAge = -1;
        for (const QString& id : m_clusterIds) {
            if (skipHot && hotSet.contains(id))
                continue;
            const Task t { work, id };
            if (m_inFlight.contains(key(t)))
                continue;
            const qint64 a = age(t, at);
            if (a >= hotMs && a > bestAge) {
                best = t;
                bestAge = a;
            }
        }
        return best;
    };
    std::optional<Task> pick
        = tokensTurn ? oldest(Work::Tokens, false) : oldest(Work::Queues, true);
    if (!pick)
        pick = tokensTurn ? oldest(Work::Queues, true) : oldest(Work::Tokens, false);
    if (!pick)
        return false;
    ++m_roundRobinPicks;
    *task = *pick;
    return true;
}

void RefreshScheduler::tick()
{
    if (!m_running) {
        m_waitingForWindow = false;
        schedule(-1);
        return;
    }
    const qint64 at = now();
    rollWindow(at);
    if (m_reloading) {
        Task task;
        while (int(m_inFlight.size()) < m_settings.maxInFlight && windowAllowance() > 0
            && nextReloadTask(&task)) {
            m_reload.removeAll(task);
            m_reloadSent.insert(key(task));
            dispatch(task, at);
        }
        m_waitingForWindow = windowAllowance() <= 0 && m_reportedAt >= 0 && m_resetSeconds >= 0;
        if (m_waitingForWindow) {
            // The window is spent, less the reserve: carry on once it resets.
            schedule(std::max<qint64>(0, m_reportedAt + qint64(m_resetSeconds) * 1000 - at)
                + resetMarginMs);
            return;
        }
        // Otherwise the next finished() moves the reload on.
        schedule(m_reload.isEmpty() ? -1 : 1000);
        return;
    }

    refill(at);
    Task task;
    while (m_bucket >= 1.0 && int(m_inFlight.size()) < m_settings.maxInFlight
        && windowAllowance() > 0 && nextSteadyTask(at, &task)) {
        m_bucket -= 1.0;
        dispatch(task, at);
    }
    m_waitingForWindow = windowAllowance() <= 0 && m_reportedAt >= 0 && m_resetSeconds >= 0;
    if (m_waitingForWindow) {
        schedule(
            std::max<qint64>(0, m_reportedAt + qint64(m_resetSeconds) * 1000 - at) + resetMarginMs);
        return;
    }
    if (m_bucket < 1.0) {
        schedule(qint64(std::ceil((1.0 - m_bucket) / ratePerMs())));
        return;
    }
    // Budget but nothing due: wake when the oldest thing comes due.
    const qint64 hotMs = qint64(hotPeriodSeconds()) * 1000;
    qint64 soonest = never;
    auto consider = [&](const Task& t) {
        if (m_inFlight.contains(key(t)))
            return;
        const qint64 a = age(t, at);
        soonest = std::min(soonest, a == never ? 0 : std::max<qint64>(0, hotMs - a));
    };
    consider({ Work::ClusterList, {} });
    if (m_agentsWanted)
        consider({ Work::Agents, {} });
    for (const QString& id : m_clusterIds) {
        consider({ Work::Queues, id });
        consider({ Work::Tokens, id });
    }
    schedule(soonest == never ? -1 : std::max<qint64>(soonest, 50));
}

void RefreshScheduler::schedule(qint64 wakeInMs)
{
    m_nextWake = wakeInMs;
    if (!m_automaticTimer)
        return;
    if (wakeInMs < 0) {
        m_timer->stop();
        return;
    }
    const qint64 realMs = qint64(std::ceil(double(wakeInMs) / m_speed));
    m_timer->start(int(std::min<qint64>(realMs, 24LL * 3600 * 1000)));
}
