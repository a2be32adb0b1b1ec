// SPDX-License-Identifier: MIT
#pragma once

#include "domain/cluster.h"
#include "idlistmodel.h"

// The clusters of the organisation as a table, in the server's order.
class ClusterListModel final : public IdListModel<Cluster> {
    Q_OBJECT
public:
    enum Column {
        Name,
        Description,
        Emoji,
        Color,
        DefaultQueue,
        Id,
        CreatedAt,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = ModelRoles::Id,
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort,
        SearchTextRole = ModelRoles::SearchText,
        ClusterRole = ModelRoles::ClusterValue,
        EmojiRole = ModelRoles::Emoji,
        ColorRole = ModelRoles::Color,
        DescriptionRole = ModelRoles::Description,
    };
    Q_ENUM(Role)

    explicit ClusterListModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant itemData(const Cluster& cluster, int column, int role) const override;
    QList<int> itemRoles() const override;
};
