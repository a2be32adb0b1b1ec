// SPDX-License-Identifier: MIT
#include "queuelistmodel.h"

#include "rowtext.h"

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
    case Description:
        return tr("Description");
    case State:
        return tr("State");
    case Hosted:
        return tr("Hosted");
    case Affinity:
        return tr("Retry affinity");
    case Id:
        return tr("ID");
    }
    return {};
}

QList<int> QueueListModel::itemRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole, SortRole, SearchTextRole,
        QueueRole, PausedRole, HostedRole, InstanceShapeRole, DescriptionRole };
}

QVariant QueueListModel::itemData(const Queue& q, int column, int role) const
{
    switch (role) {
    case IdRole:
        return q.id;
    case ClusterIdRole:
        return q.clusterId;
    case SearchTextRole:
        return RowText::searchText(q);
    case QueueRole:
        return QVariant::fromValue(q);
    case PausedRole:
        return q.dispatchPaused;
    case HostedRole:
        return q.hosted;
    case InstanceShapeRole:
        return q.hosted && q.instanceShape.isValid() ? q.instanceShape.displayName() : QString();
    case DescriptionRole:
        return q.description;
    case Qt::ToolTipRole:
        switch (column) {
        case Key:
        case Description:
            return q.description.isEmpty() ? q.key : q.key + QLatin1Char('\n') + q.description;
        case State:
            return RowText::pauseText(q);
        case Hosted:
            return q.hosted ? q.instanceShape.name : QString();
        }
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Key:
        return q.key;
    case Description:
        return q.description;
    case State:
        if (role == SortRole)
            return q.dispatchPaused;
        return q.dispatchPaused ? tr("Paused") : tr("Running");
    case Hosted:
        // Sort self-hosted first, then hosted by machine size.
        if (role == SortRole)
            return q.hosted ? q.instanceShape.cpu * 10000 + q.instanceShape.memoryGb + 1 : 0;
        return RowText::hostingText(q);
    case Affinity:
        return q.retryAgentAffinity;
    case Id:
        return q.id;
    }
    return {};
}
