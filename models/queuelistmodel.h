// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"
#include "idlistmodel.h"

// The queues of one cluster as a table, in the order given to setItems (the server's).
class QueueListModel final : public IdListModel<Queue> {
    Q_OBJECT
public:
    enum Column {
        Key,
        Description,
        State,
        Hosted,
        Affinity,
        Id,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = ModelRoles::Id,
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort,
        SearchTextRole = ModelRoles::SearchText,
        QueueRole = ModelRoles::QueueValue,
        PausedRole = ModelRoles::Paused,
        HostedRole = ModelRoles::Hosted,
        InstanceShapeRole = ModelRoles::InstanceShape,
        DescriptionRole = ModelRoles::Description,
    };
    Q_ENUM(Role)

    explicit QueueListModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant itemData(const Queue& queue, int column, int role) const override;
    QList<int> itemRoles() const override;
};
