// SPDX-License-Identifier: MIT
#include "changedetector.h"

#include "organizationtreemodel.h"
#include "watchlist.h"

using Kind = OrganizationTreeModel::NodeKind;

ChangeDetector::ChangeDetector(OrganizationTreeModel* model, WatchList* watchList, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_watchList(watchList)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    setObjectName(QStringLiteral("changeDetector"));
    connect(model, &QAbstractItemModel::dataChanged, this, &ChangeDetector::onDataChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChangeDetector::onRowsInserted);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_seen.clear(); });
    // Watching a queue that is already paused is not news: what it shows now is the baseline.
    connect(watchList, &WatchList::watchedChanged, this, [this](const QString& id, bool watched) {
        if (watched)
            observeId(id);
    });
    connect(watchList, &WatchList::reset, this, &ChangeDetector::resync);
    resync();
}

void ChangeDetector::beginOwnWrite(const QString& queueId) { ++m_ownWrites[queueId]; }

void ChangeDetector::endOwnWrite(const QString& queueId)
{
    auto it = m_ownWrites.find(queueId);
    if (it == m_ownWrites.end())
        return;
    if (--it.value() > 0)
        return;
    m_ownWrites.erase(it);
    // The answer has merged: the state it left is the baseline.
    if (m_model) {
        const QModelIndex index = m_model->indexForId(queueId);
        if (index.isValid() && isWatchedQueue(index))
            observe(index, true);
    }
}

bool ChangeDetector::isWatchedQueue(const QModelIndex& index) const
{
    if (!m_watchList || m_watchList->isEmpty())
        return false;
    if (index.data(OrganizationTreeModel::KindRole).value<Kind>() != Kind::Queue)
        return false;
    return m_watchList->isWatched(index.data(OrganizationTreeModel::IdRole).toString())
        || m_watchList->isWatched(index.data(OrganizationTreeModel::ClusterIdRole).toString());
}

void ChangeDetector::observe(const QModelIndex& index, bool silent)
{
    const QString id = index.data(OrganizationTreeModel::IdRole).toString();
    Seen now;
    now.paused = index.data(OrganizationTreeModel::PausedRole).toBool();
    const QVariant agents = index.data(OrganizationTreeModel::AgentsConnectedRole);
    auto it = m_seen.find(id);
    if (it == m_seen.end()) {
        if (agents.isValid())
            now.agents = agents.toInt();
        m_seen.insert(id, now);
        return;
    }
    const Seen before = it.value();
    // Counts that turn unknown (the token lost read_agents) keep the last known number, so a
    // drop is still measured from it when they come back.
    now.agents = agents.isValid() ? std::optional<int>(agents.toInt()) : before.agents;
    it.value() = now;
    if (silent || m_ownWrites.contains(id))
        return;

    const std::optional<Queue> queue = m_model->queue(id);
    if (!queue)
        return;
    auto change = [&](Change::Kind kind) {
        Change c;
        c.kind = kind;
        c.at = m_clock();
        c.queueId = id;
        c.clusterId = queue->clusterId;
        c.queueKey = queue->key;
        if (const auto cluster = m_model->clusterForId(queue->clusterId))
            c.clusterName = cluster->name;
        if (kind == Change::Kind::Paused) {
            if (queue->dispatchPausedBy) {
                const User& by = *queue->dispatchPausedBy;
                c.who = by.name.isEmpty() ? by.email : by.name;
            }
            c.note = queue->dispatchPausedNote;
        }
        Q_EMIT changed(c);
    };
    if (now.paused != before.paused)
        change(now.paused ? Change::Kind::Paused : Change::Kind::Resumed);
    // Hosted queues start agents on demand: none connected is their normal rest.
    if (!queue->hosted && before.agents.value_or(0) > 0 && now.agents == 0)
        change(Change::Kind::AgentsGone);
}

void ChangeDetector::observeTree(const QModelIndex& index, bool silent)
{
    const Kind kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    if (kind == Kind::Queue) {
        if (isWatchedQueue(index))
            observe(index, silent);
        return;
    }
    if (kind != Kind::Organization && kind != Kind::Cluster && kind != Kind::QueueGroup)
        return;
    for (int row = 0; row < m_model->rowCount(index); ++row)
        observeTree(m_model->index(row, 0, index), silent);
}

void ChangeDetector::observeId(const QString& id)
{
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexForId(id);
    if (!index.isValid())
        return;
    // Watched just now: forget what was seen of it before, which may be long out of date.
    if (index.data(OrganizationTreeModel::KindRole).value<Kind>() == Kind::Queue)
        m_seen.remove(id);
    else
        for (const Queue& q : m_model->queues(id))
            m_seen.remove(q.id);
    observeTree(index, true);
}

void ChangeDetector::onDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!m_watchList || m_watchList->isEmpty())
        return;
    if (!roles.isEmpty() && !roles.contains(OrganizationTreeModel::PausedRole)
        && !roles.contains(OrganizationTreeModel::AgentsConnectedRole))
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = topLeft.siblingAtRow(row);
        if (isWatchedQueue(index))
            observe(index, false);
    }
}

void ChangeDetector::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (!m_watchList || m_watchList->isEmpty())
        return;
    // New rows are first sights, whatever they show.
    for (int row = first; row <= last; ++row)
        observeTree(m_model->index(row, 0, parent), true);
}

void ChangeDetector::resync()
{
    m_seen.clear();
    if (!m_model || !m_watchList || m_watchList->isEmpty())
        return;
    const QModelIndex org = m_model->organizationIndex();
    if (org.isValid())
        observeTree(org, true);
}
