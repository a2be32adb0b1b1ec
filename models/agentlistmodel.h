// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agent.h"
#include "idlistmodel.h"

// Agents as a table (one queue's, in the queue pane), in the order given to setItems (the
// server's). Merged by id like every flat table, so sorting and selection survive a refresh.
// Times are QDateTime values: the view words them ("3 hours ago") against its own clock.
class AgentListModel final : public IdListModel<Agent> {
    Q_OBJECT
public:
    // What an incident needs first comes first: a narrow pane scrolls to the rest.
    enum Column {
        Name,
        State,
        Job, // the job it runs
        ConnectedSince,
        Hostname,
        Version,
        Platform, // "linux/amd64"
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = ModelRoles::Id,
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort, // per column: text lower-cased, versions padded, times
        SearchTextRole = ModelRoles::SearchText,
        PausedRole = ModelRoles::Paused,
        BusyRole = ModelRoles::Busy, // running a job
    };
    Q_ENUM(Role)

    explicit AgentListModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Busy", "Idle", "Paused", "Stopping", "Offline".
    static QString stateText(Agent::State state);
    // "Paused by Sam Kim for 2 hours: note" and the like; empty when the agent is not paused.
    static QString pauseText(const Agent& agent);

protected:
    QVariant itemData(const Agent& agent, int column, int role) const override;
    QList<int> itemRoles() const override;
};
