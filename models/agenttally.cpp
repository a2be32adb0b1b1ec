// SPDX-License-Identifier: MIT
#include "agenttally.h"

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

QString AgentTally::keyOf(const QString& clusterId, const QString& key)
{
    return clusterId + QLatin1Char('\n') + key;
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

void AgentTally::add(const QString& agentId, const Placement& p, int sign)
{
    const AgentCounts one = AgentCounts::of(p.state);
    auto apply = [sign, &one](AgentCounts& counts) {
        if (sign > 0)
            counts += one;
        else
            counts -= one;
    };
    // Returns the hash's own copy of the key: the placement kept below shares it, so 24,000
    // agents on 50,000 queues hold each queue and cluster id once, not once per agent.
    auto applyTo = [&apply](QHash<QString, AgentCounts>& hash, const QString& key) {
        auto it = hash.find(key);
        if (it == hash.end())
            it = hash.insert(key, {});
        apply(it.value());
        QString stored = it.key();
        if (it.value() == AgentCounts {})
            hash.erase(it);
        return stored;
    };
    Placement kept = p;
    if (!p.queueId.isEmpty())
        kept.queueId = applyTo(m_byQueue, p.queueId);
    else if (!p.queueKey.isEmpty())
        applyTo(m_byQueueKey, keyOf(p.clusterId, p.queueKey));
    else
        apply(m_unassigned);
    if (!p.clusterId.isEmpty())
        kept.clusterId = applyTo(m_byCluster, p.clusterId);
    apply(m_total);
    if (sign > 0)
        m_agents.insert(agentId, kept);
    else
        m_agents.remove(agentId);
}

void AgentTally::upsert(const Agent& agent)
{
    if (agent.id.isEmpty())
        return;
    remove(agent.id);
    const Placement p = placementOf(agent);
    if (p.state != Agent::State::Offline)
        add(agent.id, p, +1);
}

bool AgentTally::remove(const QString& agentId)
{
    const auto it = m_agents.constFind(agentId);
    if (it == m_agents.cend())
        return false;
    const Placement p = it.value();
    add(agentId, p, -1);
    return true;
}

void AgentTally::replaceQueue(const QueueRef& queue, const QList<Agent>& agents)
{
    QStringList gone;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
        const Placement& p = it.value();
        const bool onQueue = p.queueId.isEmpty()
            ? !queue.key.isEmpty() && p.clusterId == queue.clusterId && p.queueKey == queue.key
            : p.queueId == queue.id;
        if (onQueue)
            gone.append(it.key());
    }
    for (const QString& id : std::as_const(gone))
        remove(id);
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
            add(agent.id, p, +1);
    }
}

void AgentTally::removeCluster(const QString& clusterId, const QStringList& queueIds)
{
    QStringList gone;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
        const Placement& p = it.value();
        if ((!clusterId.isEmpty() && p.clusterId == clusterId)
            || (!p.queueId.isEmpty() && queueIds.contains(p.queueId)))
            gone.append(it.key());
    }
    for (const QString& id : std::as_const(gone))
        remove(id);
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
template <class Key>
QList<Key> differingKeys(const QHash<Key, AgentCounts>& a, const QHash<Key, AgentCounts>& b)
{
    QList<Key> out;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (b.value(it.key()) != it.value())
            out.append(it.key());
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()) && it.value() != AgentCounts {})
            out.append(it.key());
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
