// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"
#include "idlistmodel.h"

#include <optional>

// Queues as a table (one cluster's, or every cluster's), in the order given to setItems: what an
// admin compares across queues during an incident (state, who paused and why, agents).
//
// Besides the Queue values the model keeps, per id, what the tree knows about the queue's
// agents (setAgentCounts) and the failure of the last write sent to it (setWriteError), so a
// table can show both without another model.
class QueueListModel final : public IdListModel<Queue> {
    Q_OBJECT
public:
    enum Column {
        Key,
        Cluster,
        State,
        PausedBy,
        PausedAt,
        Note,
        Hosted,
        Agents,
        Description,
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
        EmojiRole = ModelRoles::Emoji, // the cluster's
        PausedRole = ModelRoles::Paused,
        HostedRole = ModelRoles::Hosted,
        InstanceShapeRole = ModelRoles::InstanceShape,
        DescriptionRole = ModelRoles::Description,
        ErrorRole = ModelRoles::Error, // the last write's failure (setWriteError)
        AgentsConnectedRole = ModelRoles::AgentsConnected, // invalid while unknown
        AgentsBusyRole = ModelRoles::AgentsBusy,
        AgentsPausedRole = ModelRoles::AgentsPaused,
    };
    Q_ENUM(Role)

    // What is known of a queue's agents; each count is unknown until the agents load.
    struct AgentCounts {
        std::optional<int> connected;
        std::optional<int> busy;
        std::optional<int> paused;
        bool operator==(const AgentCounts&) const = default;
    };

    explicit QueueListModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The agent counts by queue id (queues not named: unknown). Rows that read differently are
    // reported.
    void setAgentCounts(const QHash<QString, AgentCounts>& counts);
    // The same for the rows first .. first + count - 1 only (one cluster's, say): `counts`
    // names those of their queues whose agents are known.
    void setAgentCounts(
        qsizetype first, qsizetype count, const QHash<QString, AgentCounts>& counts);
    AgentCounts agentCounts(const QString& queueId) const { return m_agents.value(queueId); }
    // Marks a queue whose last write failed, with the server's message (empty clears it): the
    // State column says what failed, ErrorRole holds the message. `what` names the write
    // ("pause", "resume").
    void setWriteError(const QString& queueId, const QString& what, const QString& message);
    void clearWriteErrors();
    QString writeError(const QString& queueId) const { return m_errors.value(queueId).message; }

protected:
    QVariant itemData(const Queue& queue, int column, int role) const override;
    QList<int> itemRoles() const override;

private:
    struct WriteError {
        QString what;
        QString message;
        bool operator==(const WriteError&) const = default;
    };
    QHash<QString, AgentCounts> m_agents;
    QHash<QString, WriteError> m_errors;
};
