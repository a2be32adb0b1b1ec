// SPDX-License-Identifier: MIT
#include "queuelistmodel.h"

#include "rowtext.h"

#include <limits>

namespace {
QVariant count(const std::optional<int>& n) { return n ? QVariant(*n) : QVariant(); }

QString pausedByName(const Queue& q)
{
    if (!q.dispatchPaused || !q.dispatchPausedBy)
        return {};
    return q.dispatchPausedBy->name.isEmpty() ? q.dispatchPausedBy->email
                                              : q.dispatchPausedBy->name;
}
} // namespace

QueueListModel::QueueListModel(QObject* parent)
    : IdListModel<Queue>(parent)
{
}

int QueueListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Key");
    case Cluster:
        return tr("Cluster");
    case State:
        return tr("State");
    case PausedBy:
        return tr("Paused by");
    case PausedAt:
        return tr("Paused");
    case Note:
        return tr("Note");
    case Hosted:
        return tr("Hosted");
    case Agents:
        return tr("Agents");
    case Description:
        return tr("Description");
    case Affinity:
        return tr("Retry affinity");
    case Id:
        return tr("ID");
    }
    return {};
}

void QueueListModel::setAgentCounts(const QHash<QString, AgentCounts>& counts)
{
    QList<qsizetype> rows;
    for (qsizetype row = 0; row < items().size(); ++row) {
        const QString& id = items().at(row).id;
        if (m_agents.value(id) != counts.value(id))
            rows.append(row);
    }
    if (rows.isEmpty()) {
        m_agents = counts; // entries of queues not (yet) listed
        return;
    }
    changeRows(rows, [this, &counts] { m_agents = counts; });
}

void QueueListModel::setAgentCounts(
    qsizetype first, qsizetype count, const QHash<QString, AgentCounts>& counts)
{
    QList<qsizetype> rows;
    const qsizetype end = qMin(items().size(), first + count);
    for (qsizetype row = qMax(qsizetype(0), first); row < end; ++row) {
        const QString& id = items().at(row).id;
        if (m_agents.value(id) != counts.value(id))
            rows.append(row);
    }
    changeRows(rows, [this, &rows, &counts] {
        for (qsizetype row : std::as_const(rows)) {
            const QString& id = items().at(row).id;
            const auto it = counts.constFind(id);
            if (it == counts.cend())
                m_agents.remove(id);
            else
                m_agents.insert(id, it.value());
        }
    });
}

void QueueListModel::setWriteError(
    const QString& queueId, const QString& what, const QString& message)
{
    const WriteError next = message.isEmpty() ? WriteError {} : WriteError { what, message };
    if (m_errors.value(queueId) == next)
        return;
    auto apply = [this, &queueId, &next] {
        if (next.message.isEmpty())
            m_errors.remove(queueId);
        else
            m_errors.insert(queueId, next);
    };
    const int row = rowForId(queueId);
    if (row < 0)
        apply();
    else
        changeRows({ row }, apply);
}

void QueueListModel::clearWriteErrors()
{
    QList<qsizetype> rows;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        if (const int row = rowForId(it.key()); row >= 0)
            rows.append(row);
    }
    changeRows(rows, [this] { m_errors.clear(); });
}

QList<int> QueueListModel::itemRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole, SortRole, SearchTextRole,
        QueueRole, EmojiRole, PausedRole, HostedRole, InstanceShapeRole, DescriptionRole, ErrorRole,
        AgentsConnectedRole, AgentsBusyRole, AgentsPausedRole };
}

QVariant QueueListModel::itemData(const Queue& q, int column, int role) const
{
    const auto error = m_errors.constFind(q.id);
    const bool failed = error != m_errors.cend();
    const AgentCounts agents = m_agents.value(q.id);
    switch (role) {
    case IdRole:
        return q.id;
    case ClusterIdRole:
        return q.clusterId;
    case SearchTextRole:
        return RowText::searchText(q);
    case QueueRole:
        return QVariant::fromValue(q);
    case EmojiRole: {
        const auto* c = clusterOf(q);
        return c ? c->emoji : QString();
    }
    case PausedRole:
        return q.dispatchPaused;
    case HostedRole:
        return q.hosted;
    case InstanceShapeRole:
        return q.hosted && q.instanceShape.isValid() ? q.instanceShape.displayName() : QString();
    case DescriptionRole:
        return q.description;
    case ErrorRole:
        return failed ? QVariant(error->message) : QVariant();
    case AgentsConnectedRole:
        return count(agents.connected);
    case AgentsBusyRole:
        return count(agents.busy);
    case AgentsPausedRole:
        return count(agents.paused);
    case Qt::ToolTipRole:
        switch (column) {
        case Key:
        case Description:
            return q.description.isEmpty() ? q.key : q.key + QLatin1Char('\n') + q.description;
        case State:
            if (failed)
                return tr("Could not %1: %2").arg(error->what, error->message);
            return RowText::pauseText(q);
        case PausedBy:
            return q.dispatchPaused && q.dispatchPausedBy ? q.dispatchPausedBy->displayName()
                                                          : QString();
        case Note:
            return q.dispatchPaused ? q.dispatchPausedNote : QString();
        case Hosted:
            return q.hosted ? q.instanceShape.name : QString();
        case Agents:
            if (!agents.connected)
                return tr("Agents not loaded");
            return tr("%1 connected, %2 busy, %3 paused")
                .arg(*agents.connected)
                .arg(agents.busy.value_or(0))
                .arg(agents.paused.value_or(0));
        }
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (column) {
    case Key:
        return q.key;
    case Cluster:
        return clusterName(q);
    case State:
        if (sort) // paused first when ascending would hide them: paused sorts high
            return (q.dispatchPaused ? 2 : 0) + (failed ? 1 : 0);
        if (failed)
            return q.dispatchPaused ? tr("Paused · %1 failed").arg(error->what)
                                    : tr("Running · %1 failed").arg(error->what);
        return q.dispatchPaused ? tr("Paused") : tr("Running");
    case PausedBy:
        return pausedByName(q);
    case PausedAt:
        if (!q.dispatchPaused || !q.dispatchPausedAt.isValid())
            return sort ? QVariant(std::numeric_limits<qint64>::min()) : QVariant();
        return sort ? QVariant(q.dispatchPausedAt.toMSecsSinceEpoch())
                    : QVariant(q.dispatchPausedAt.toLocalTime());
    case Note:
        return q.dispatchPaused ? q.dispatchPausedNote : QString();
    case Hosted:
        // Sort self-hosted first, then hosted by machine size.
        if (sort)
            return q.hosted ? q.instanceShape.cpu * 10000 + q.instanceShape.memoryGb + 1 : 0;
        return RowText::hostingText(q);
    case Agents:
        if (sort)
            return agents.connected ? *agents.connected : -1;
        if (!agents.connected)
            return QStringLiteral("—");
        if (agents.busy.value_or(0) > 0)
            return tr("%1 (%2 busy)").arg(*agents.connected).arg(*agents.busy);
        return QString::number(*agents.connected);
    case Description:
        return q.description;
    case Affinity:
        return q.retryAgentAffinity;
    case Id:
        return q.id;
    }
    return {};
}
