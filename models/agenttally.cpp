// SPDX-License-Identifier: MIT
#include "agenttally.h"

#include <QSet>

AgentCounts AgentCounts::of(Agent::State state)
{
    AgentCounts c;
    if (state == Agent::State::Offline)
        return c;
    c.connected = 1;
    c.busy = state == Agent::State::Busy;
    c.paused = state == Agent::State::Paused;
    c.stopping = state == Agent::State::Stopping;
    return c;
}

AgentCounts& AgentCounts::operator+=(const AgentCounts& other)
{
    connected += other.connected;
    busy += other.busy;
    paused += other.paused;
    stopping += other.stopping;
    return *this;
}

AgentCounts& AgentCounts::operator-=(const AgentCounts& other)
{
    connected -= other.connected;
    busy -= other.busy;
    paused -= other.paused;
    stopping -= other.stopping;
    return *this;
}

AgentTally::AgentTally(const QList<Agent>& agents)
{
    m_agents.reserve(agents.size());
    for (const Agent& agent : agents)
        upsert(agent);
}

CompactId AgentTally::keyOf(const QString& clusterId, const QString& key)
{
    return CompactId(clusterId + QLatin1Char('\n') + key);
}

AgentTally::Placement AgentTally::placementOf(const Agent& agent)
{
    Placement p;
    p.queueId = agent.queueId;
    p.clusterId = agent.clusterId;
    // A key places an agent only inside a known cluster: the same key names a queue in many.
    if (p.queueId.isEmpty() && !p.clusterId.isEmpty())
        p.queueKey = agent.queueKey;
    p.state = agent.state();
    return p;
}

quint64 AgentTally::idKey(const QString& agentId)
{
    // A fixed seed: the key must be the same in every tally (and qHash's global seed may vary).
    static_assert(sizeof(size_t) >= sizeof(quint64), "a 64-bit hash keeps collisions negligible");
    return quint64(qHash(QStringView(agentId), size_t(0x6b69746564656b21ULL)));
}

namespace {
// Adds or takes one agent's counts from a group; returns the hash's own copy of the key so
// that per-agent records share it, and drops groups that fall back to nothing.
CompactId applyTo(QHash<CompactId, AgentCounts>& hash, const CompactId& key, const AgentCounts& one,
    int sign, QHash<CompactId, AgentCounts>* journal)
{
    if (journal && !journal->contains(key))
        journal->insert(key, hash.value(key));
    auto it = hash.find(key);
    if (it == hash.end())
        it = hash.insert(key, AgentCounts {});
    if (sign > 0)
        it.value() += one;
    else
        it.value() -= one;
    CompactId shared = it.key();
    if (it.value() == AgentCounts {})
        hash.erase(it);
    return shared;
}
} // namespace

AgentTally::Spot AgentTally::spotOf(const Placement& p)
{
    Spot spot;
    spot.state = p.state;
    if (!p.queueId.isEmpty()) {
        spot.kind = Spot::Group::QueueId;
        spot.group = CompactId(p.queueId);
    } else if (!p.queueKey.isEmpty()) {
        spot.kind = Spot::Group::QueueKey;
        spot.group = keyOf(p.clusterId, p.queueKey);
    }
    if (!p.clusterId.isEmpty())
        spot.clusterId = CompactId(p.clusterId);
    return spot;
}

bool AgentTally::samePlace(const Spot& a, const Spot& b)
{
    return a.kind == b.kind && a.state == b.state && a.group == b.group
        && a.clusterId == b.clusterId;
}

void AgentTally::add(quint64 id, const Placement& p) { place(id, spotOf(p)); }

void AgentTally::place(quint64 id, const Spot& where)
{
    const AgentCounts one = AgentCounts::of(where.state);
    // The keys kept per agent are the hashes' own copies (shared texts for key groups).
    Spot spot = where;
    switch (spot.kind) {
    case Spot::Group::QueueId:
        spot.group = applyTo(m_byQueue, where.group, one, +1, journalOf(&Journal::queues));
        break;
    case Spot::Group::QueueKey:
        spot.group = applyTo(m_byQueueKey, where.group, one, +1, journalOf(&Journal::queueKeys));
        break;
    case Spot::Group::None:
        m_unassigned += one;
        break;
    }
    if (!where.clusterId.isEmpty())
        spot.clusterId
            = applyTo(m_byCluster, where.clusterId, one, +1, journalOf(&Journal::clusters));
    m_total += one;
    m_agents.insert(id, std::move(spot));
}

void AgentTally::drop(quint64 id, const Spot& spot)
{
    const AgentCounts one = AgentCounts::of(spot.state);
    switch (spot.kind) {
    case Spot::Group::QueueId:
        applyTo(m_byQueue, spot.group, one, -1, journalOf(&Journal::queues));
        break;
    case Spot::Group::QueueKey:
        applyTo(m_byQueueKey, spot.group, one, -1, journalOf(&Journal::queueKeys));
        break;
    case Spot::Group::None:
        m_unassigned -= one;
        break;
    }
    if (!spot.clusterId.isEmpty())
        applyTo(m_byCluster, spot.clusterId, one, -1, journalOf(&Journal::clusters));
    m_total -= one;
    m_agents.remove(id);
}

void AgentTally::upsert(const Agent& agent)
{
    if (agent.id.isEmpty())
        return;
    remove(agent.id);
    const Placement p = placementOf(agent);
    if (p.state != Agent::State::Offline)
        add(idKey(agent.id), p);
}

bool AgentTally::remove(const QString& agentId) { return removeKey(idKey(agentId)); }

bool AgentTally::removeKey(quint64 id)
{
    const auto it = m_agents.constFind(id);
    if (it == m_agents.cend())
        return false;
    const Spot spot = it.value();
    drop(id, spot);
    return true;
}

void AgentTally::replaceQueue(const QueueRef& queue, const QList<Agent>& agents)
{
    const CompactId byKey = queue.key.isEmpty() ? CompactId() : keyOf(queue.clusterId, queue.key);
    const CompactId byId(queue.id);
    QList<quint64> gone;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
        const Spot& s = it.value();
        const bool onQueue = (s.kind == Spot::Group::QueueId && s.group == byId)
            || (s.kind == Spot::Group::QueueKey && !byKey.isEmpty() && s.group == byKey);
        if (onQueue)
            gone.append(it.key());
    }
    for (const quint64 id : std::as_const(gone))
        drop(id, m_agents.value(id));
    for (const Agent& agent : agents) {
        if (agent.id.isEmpty())
            continue;
        remove(agent.id);
        Placement p = placementOf(agent);
        // Listed for this queue: that is where it is, whatever else the answer says.
        p.queueId = queue.id;
        p.queueKey.clear();
        if (p.clusterId.isEmpty())
            p.clusterId = queue.clusterId;
        if (p.state != Agent::State::Offline)
            add(idKey(agent.id), p);
    }
}

void AgentTally::removeCluster(const QString& clusterId, const QStringList& queueIds)
{
    const CompactId cluster(clusterId);
    QSet<CompactId> queues;
    for (const QString& id : queueIds)
        queues.insert(CompactId(id));
    QList<quint64> gone;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
        const Spot& s = it.value();
        if ((!clusterId.isEmpty() && s.clusterId == cluster)
            || (s.kind == Spot::Group::QueueId && queues.contains(s.group)))
            gone.append(it.key());
    }
    for (const quint64 id : std::as_const(gone))
        drop(id, m_agents.value(id));
}

AgentCounts AgentTally::forQueueKey(const QString& clusterId, const QString& key) const
{
    // Read for every queue row on every comparison: skip building the key when no agent is
    // placed by key alone (the usual case: servers name the queue's id).
    if (m_byQueueKey.isEmpty() || clusterId.isEmpty() || key.isEmpty())
        return {};
    return m_byQueueKey.value(keyOf(clusterId, key));
}

AgentCounts AgentTally::forQueue(const QueueRef& queue) const
{
    AgentCounts counts = forQueueId(queue.id);
    counts += forQueueKey(queue.clusterId, queue.key);
    return counts;
}

namespace {
// The keys of `before` whose counts in `now` are different.
QStringList changedKeys(
    const QHash<CompactId, AgentCounts>& now, const QHash<CompactId, AgentCounts>& before)
{
    QStringList out;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (now.value(it.key()) != it.value())
            out.append(it.key().toString());
    }
    return out;
}

QStringList differingKeys(
    const QHash<CompactId, AgentCounts>& a, const QHash<CompactId, AgentCounts>& b)
{
    QStringList out = changedKeys(b, a);
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()) && it.value() != AgentCounts {})
            out.append(it.key().toString());
    }
    return out;
}
} // namespace

AgentTally::Difference AgentTally::difference(const AgentTally& a, const AgentTally& b)
{
    Difference d;
    d.queueIds = differingKeys(a.m_byQueue, b.m_byQueue);
    for (const QString& key : differingKeys(a.m_byQueueKey, b.m_byQueueKey)) {
        const qsizetype cut = key.indexOf(QLatin1Char('\n'));
        d.queueKeys.append({ key.left(cut), key.mid(cut + 1) });
    }
    d.clusterIds = differingKeys(a.m_byCluster, b.m_byCluster);
    d.totals = a.m_total != b.m_total || a.m_unassigned != b.m_unassigned;
    return d;
}

void AgentTally::Listing::note(const Agent& agent, const AgentTally* current)
{
    if (agent.id.isEmpty())
        return;
    if (!m_started) {
        m_started = true;
        m_measured = current != nullptr;
    }
    const quint64 id = idKey(agent.id);
    const Placement p = placementOf(agent);
    // The last page to list an agent has the last word (pages may shift while they are read).
    m_changed.removeKey(id);
    if (p.state == Agent::State::Offline) {
        m_listed.remove(id);
        return;
    }
    if (!m_measured) {
        m_changed.add(id, p);
        return;
    }
    m_listed.insert(id);
    const Spot spot = spotOf(p);
    bool same = false;
    if (current) {
        const auto it = current->m_agents.constFind(id);
        same = it != current->m_agents.cend() && samePlace(it.value(), spot);
    }
    if (!same)
        m_changed.place(id, spot);
}

void AgentTally::apply(const Listing& listing)
{
    QList<quint64> gone;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
        if (!listing.m_listed.contains(it.key()))
            gone.append(it.key());
    }
    for (const quint64 id : std::as_const(gone))
        drop(id, m_agents.value(id));
    const QHash<quint64, Spot>& changed = listing.m_changed.m_agents;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const auto here = m_agents.constFind(it.key());
        if (here != m_agents.cend()) {
            const Spot old = here.value();
            drop(it.key(), old);
        }
        place(it.key(), it.value());
    }
}

QHash<CompactId, AgentCounts>* AgentTally::journalOf(QHash<CompactId, AgentCounts> Journal::*groups)
{
    return m_journal ? &(*m_journal.*groups) : nullptr;
}

void AgentTally::beginJournal()
{
    m_journal.emplace();
    m_journal->total = m_total;
    m_journal->unassigned = m_unassigned;
}

AgentTally::Journal AgentTally::endJournal()
{
    Journal journal
        = m_journal ? std::move(*m_journal) : Journal { {}, {}, {}, m_total, m_unassigned };
    m_journal.reset();
    return journal;
}

namespace {
void swapIn(QHash<CompactId, AgentCounts>& hash, QHash<CompactId, AgentCounts>& journal)
{
    for (auto it = journal.begin(); it != journal.end(); ++it) {
        const AgentCounts now = hash.value(it.key());
        if (it.value() == AgentCounts {})
            hash.remove(it.key());
        else
            hash.insert(it.key(), it.value());
        it.value() = now;
    }
}
} // namespace

AgentTally::Difference AgentTally::changedSince(const Journal& journal) const
{
    Difference d;
    d.queueIds = changedKeys(m_byQueue, journal.queues);
    for (const QString& key : changedKeys(m_byQueueKey, journal.queueKeys)) {
        const qsizetype cut = key.indexOf(QLatin1Char('\n'));
        d.queueKeys.append({ key.left(cut), key.mid(cut + 1) });
    }
    d.clusterIds = changedKeys(m_byCluster, journal.clusters);
    d.totals = m_total != journal.total || m_unassigned != journal.unassigned;
    return d;
}

void AgentTally::swapCounts(Journal& journal)
{
    swapIn(m_byQueue, journal.queues);
    swapIn(m_byQueueKey, journal.queueKeys);
    swapIn(m_byCluster, journal.clusters);
    std::swap(m_total, journal.total);
    std::swap(m_unassigned, journal.unassigned);
}
