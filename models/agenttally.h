// SPDX-License-Identifier: MIT
#pragma once

#include "compactid.h"
#include "domain/agent.h"

#include <QHash>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <optional>

// How many agents are connected to a queue (or a cluster, or the organisation) and what they
// are doing. Every connected agent is in exactly one of busy, paused and idle (an agent that is
// paused or stopping while it still runs a job is busy; one stopping without a job is neither
// idle nor paused, and counted in stopping), so connected = busy + paused + idle + stopping.
struct AgentCounts {
    int connected = 0;
    int busy = 0;
    int paused = 0;
    int stopping = 0;

    int idle() const { return connected - busy - paused - stopping; }
    bool isEmpty() const { return connected == 0; }
    // One agent in this state; Offline agents add nothing.
    static AgentCounts of(Agent::State state);
    AgentCounts& operator+=(const AgentCounts& other);
    AgentCounts& operator-=(const AgentCounts& other);
    bool operator==(const AgentCounts&) const = default;
};
Q_DECLARE_METATYPE(AgentCounts)

// The organisation's agents grouped by where they belong: by queue id (the agent names its
// queue), by cluster and queue key (it names its cluster and only the key of its queue, resolved
// against the tree's queues when read), by cluster, and not at all ("unassigned": nothing names
// a queue, so it is never guessed). A value, kept by OrganizationTreeModel; replacing one tally
// by another tells exactly which groups changed.
class AgentTally final {
public:
    // Where one agent is counted.
    struct Placement {
        QString queueId;
        QString clusterId;
        QString queueKey; // only when queueId is empty
        Agent::State state = Agent::State::Offline;
        bool operator==(const Placement&) const = default;
    };
    // A queue, as the tree knows it, to resolve agents that name only its key.
    struct QueueRef {
        QString id;
        QString clusterId;
        QString key;
    };

    // The organisation's whole list, noted page by page (below).
    class Listing;

    // The counts that changes made in place moved, as they were before them (recorded between
    // beginJournal() and endJournal()): which groups to read again, and their old values, so a
    // model can read its rows as they were without a copy of the tally (~3 MB at 24,000 agents).
    struct Journal {
        QHash<CompactId, AgentCounts> queues;
        QHash<CompactId, AgentCounts> queueKeys;
        QHash<CompactId, AgentCounts> clusters;
        AgentCounts total;
        AgentCounts unassigned;
    };

    AgentTally() = default;
    // Every connected agent of `agents` (the organisation's whole list).
    explicit AgentTally(const QList<Agent>& agents);

    // The agents listed for one queue replace the ones this tally had on it (by id, or by its
    // cluster and key); agents no longer listed there are gone.
    void replaceQueue(const QueueRef& queue, const QList<Agent>& agents);
    // A deleted cluster's agents leave the tally: those naming the cluster, and those naming
    // one of its queues (queueIds) by id alone.
    void removeCluster(const QString& clusterId, const QStringList& queueIds);
    // One agent as it is now (a disconnected one leaves the tally).
    void upsert(const Agent& agent);
    bool remove(const QString& agentId);

    // Agents that name this queue by id only (see AgentTally's comment for the key part).
    AgentCounts forQueueId(const QString& queueId) const { return forQueueId(CompactId(queueId)); }
    AgentCounts forQueueId(const CompactId& queueId) const { return m_byQueue.value(queueId); }
    AgentCounts forQueueKey(const QString& clusterId, const QString& key) const;
    // A queue's agents: those naming its id and those naming its cluster and key.
    AgentCounts forQueue(const QueueRef& queue) const;
    AgentCounts forCluster(const QString& clusterId) const
    {
        return forCluster(CompactId(clusterId));
    }
    AgentCounts forCluster(const CompactId& clusterId) const
    {
        return m_byCluster.value(clusterId);
    }
    // Whether any agent is placed by its cluster and queue key alone: only then does a queue's
    // count need forQueueKey() (servers name the queue's id).
    bool placesByKey() const { return !m_byQueueKey.isEmpty(); }
    AgentCounts total() const { return m_total; }
    AgentCounts unassigned() const { return m_unassigned; }
    int agentCount() const { return int(m_agents.size()); }
    bool contains(const QString& agentId) const { return m_agents.contains(idKey(agentId)); }

    // The groups whose counts differ between two tallies.
    struct Difference {
        QStringList queueIds;
        QList<std::pair<QString, QString>> queueKeys; // (cluster id, key)
        QStringList clusterIds;
        bool totals = false; // total or unassigned
        bool isEmpty() const
        {
            return queueIds.isEmpty() && queueKeys.isEmpty() && clusterIds.isEmpty() && !totals;
        }
    };
    static Difference difference(const AgentTally& a, const AgentTally& b);
    // Takes a listing measured against this tally: agents it no longer lists leave, those it
    // places differently move. Agents listed the same stay as they are here, which may be newer
    // (a queue's own list, read since the page that listed them).
    void apply(const Listing& listing);

    void beginJournal();
    Journal endJournal();
    // The groups whose counts now differ from the journal's.
    Difference changedSince(const Journal& journal) const;
    // Exchanges the counts of the journal's groups with the tally's: afterwards the tally's
    // counts read as they were and the journal holds them as they are; twice is nothing. Only
    // counts move, not the agents: for reading rows as they were, then putting them back.
    void swapCounts(Journal& journal);

    static Placement placementOf(const Agent& agent);

private:
    // Where one agent is counted, as kept per agent: the group's key as the counts hash holds
    // it (a queue or cluster id packed in 16 bytes, a cluster-and-key text shared with the
    // hash's copy), and the agent is known by a 64-bit hash of its id rather than the id (a
    // UUID costs ~110 bytes on the heap). At 24,000 agents the spots were ~12 MB as two tallies
    // met during a refresh; now about a third. The counts hashes key by CompactId too: as
    // QStrings, 24,000 queue ids were another 2.5 MB per tally.
    struct Spot {
        enum class Group : quint8 {
            None,
            QueueId,
            QueueKey
        };
        CompactId group; // m_byQueue's or m_byQueueKey's key; empty for Group::None
        CompactId clusterId; // m_byCluster's key; may be empty
        Group kind = Group::None;
        Agent::State state = Agent::State::Offline;
    };
    // Two different ids meet in one key with odds of about 1 in 10^11 at 24,000 agents; then one
    // agent would be counted where the other is until the next list.
    static quint64 idKey(const QString& agentId);
    static Spot spotOf(const Placement& placement);
    static bool samePlace(const Spot& a, const Spot& b);
    void add(quint64 id, const Placement& placement);
    void place(quint64 id, const Spot& spot);
    bool removeKey(quint64 id);
    void drop(quint64 id, const Spot& spot);
    // The journal's record of one kind of group, or null while not recording.
    QHash<CompactId, AgentCounts>* journalOf(QHash<CompactId, AgentCounts> Journal::*groups);
    static CompactId keyOf(const QString& clusterId, const QString& key);

    QHash<quint64, Spot> m_agents; // by idKey(agent id)
    QHash<CompactId, AgentCounts> m_byQueue;
    QHash<CompactId, AgentCounts> m_byQueueKey; // keyOf(cluster id, key)
    QHash<CompactId, AgentCounts> m_byCluster;
    AgentCounts m_total;
    AgentCounts m_unassigned;
    std::optional<Journal> m_journal; // while recording
};

// The organisation's whole list of agents, noted page by page as the pages arrive and
// measured against the tally it will update (the live one, handed to each note): it keeps
// only the agents placed differently, and the keys of all those listed (8 bytes each). A
// reload of 24,000 agents then holds ~0.4 MB beside the live tally, not a second tally of
// ~3 MB. Measured against no tally (the first listing), it keeps every agent and is a whole
// tally of its own.
class AgentTally::Listing {
public:
    void note(const Agent& agent, const AgentTally* current);
    // Whether it was measured against no tally: then takeWhole() is the organisation's.
    bool isWhole() const { return !m_measured; }
    AgentTally takeWhole() { return std::move(m_changed); }
    // The agents kept because they differ (all of them when whole).
    int keptCount() const { return m_changed.agentCount(); }

private:
    friend class AgentTally;
    AgentTally m_changed; // new or placed differently, by key
    QSet<quint64> m_listed; // every connected agent listed; only when measured
    bool m_measured = false;
    bool m_started = false;
};
