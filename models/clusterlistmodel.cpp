// SPDX-License-Identifier: MIT
#include "clusterlistmodel.h"

#include "rowtext.h"

ClusterListModel::ClusterListModel(QObject* parent)
    : IdListModel<Cluster>(parent)
{
}

int ClusterListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClusterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Emoji:
        return tr("Emoji");
    case Color:
        return tr("Colour");
    case DefaultQueue:
        return tr("Default queue");
    case Id:
        return tr("ID");
    case CreatedAt:
        return tr("Created");
    }
    return {};
}

QList<int> ClusterListModel::itemRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole, SortRole, SearchTextRole,
        ClusterRole, EmojiRole, ColorRole, DescriptionRole };
}

QVariant ClusterListModel::itemData(const Cluster& c, int column, int role) const
{
    switch (role) {
    case IdRole:
    case ClusterIdRole:
        return c.id;
    case SearchTextRole:
        return RowText::searchText(c);
    case ClusterRole:
        return QVariant::fromValue(c);
    case EmojiRole:
        return c.emoji;
    case ColorRole:
        return c.color;
    case DescriptionRole:
        return c.description;
    case Qt::ToolTipRole:
        if (column == Name || column == Description)
            return c.description.isEmpty() ? c.name : c.name + QLatin1Char('\n') + c.description;
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    // A QDateTime display value lets the view format it in the user's locale and time zone.
    switch (column) {
    case Name:
        return c.name;
    case Description:
        return c.description;
    case Emoji:
        return c.emoji;
    case Color:
        return c.color;
    case DefaultQueue:
        return c.defaultQueueId;
    case Id:
        return c.id;
    case CreatedAt:
        return role == SortRole ? QVariant(c.createdAt) : QVariant(c.createdAt.toLocalTime());
    }
    return {};
}
