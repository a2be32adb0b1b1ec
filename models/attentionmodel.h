// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "modelroles.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <array>
#include <optional>

// What needs a human in an organisation, for the organisation pane: a section row per kind of
// trouble, the queues or tokens in it below.
//
//   Paused queues (2)                  PausedQueues     most recent pause first
//     deploy   Production   Paused by Sam Kim: freeze   3 hours ago
//   Queues with no connected agents    IdleQueues       only once agent counts are known
//   Expired agent tokens               ExpiredTokens    most recently expired first
//   Agent tokens expiring soon         ExpiringTokens   soonest first
//   Agent tokens that never expire     NeverExpiringTokens   (audit)
//   Agent tokens without an IP allowlist  UnrestrictedTokens (audit)
//
// It reads the navigation tree through its roles (OrganizationTreeModel, or a proxy over it):
// clusters with ClusterRole, queues with QueueRole and AgentsConnected, tokens with
// AgentTokenRole and ExpiryStateRole, so it always agrees with the tree, expiry clock included.
// Source changes are gathered and merged once per turn of the event loop, by id within each
// section: no resets, exact dataChanged roles, nothing emitted when nothing changed. Section rows
// are always there (a view hides the empty ones).
class AttentionModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Section {
        PausedQueues,
        IdleQueues, // self-hosted queues with no connected agent
        ExpiredTokens,
        ExpiringTokens,
        NeverExpiringTokens,
        UnrestrictedTokens, // no IP allowlist
    };
    Q_ENUM(Section)
    static constexpr int sectionCount = 6;

    enum Column {
        Name, // queue key, token description; section rows: the section's title
        Cluster,
        Details, // who paused and why, the token's state and creator
        When, // QDateTime: paused at, expires at or created at (a view says how long ago)
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SectionRole = ModelRoles::Kind, // Section, on section and item rows
        IdRole = ModelRoles::Id, // queue or token id; section rows: none
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort,
        QueueRole = ModelRoles::QueueValue,
        AgentTokenRole = ModelRoles::AgentTokenValue,
        EmojiRole = ModelRoles::Emoji, // the cluster's
        CountRole = ModelRoles::Count, // section rows: items in it
        ErrorRole = ModelRoles::Error, // unused; reserved for a failed load
    };
    Q_ENUM(Role)

    explicit AttentionModel(QObject* parent = nullptr);
    ~AttentionModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The model to read (not owned; null empties every section).
    void setSource(QAbstractItemModel* source);
    QAbstractItemModel* source() const { return m_source; }
    // Reads the source now instead of at the next turn of the event loop.
    void sync();

    int count(Section section) const;
    QModelIndex sectionIndex(Section section) const;
    // Whether any queue's agent count is known: until then IdleQueues is empty and says
    // nothing about the queues.
    bool agentCountsKnown() const { return m_agentCountsKnown; }
    static QString sectionTitle(Section section);

Q_SIGNALS:
    // count() or agentCountsKnown() reads differently: once per merge, after the row signals.
    void countsChanged();

private:
    struct Item {
        QString id;
        QString clusterId;
        QString clusterName;
        QString clusterEmoji;
        std::optional<Queue> queue;
        std::optional<AgentToken> token;
        QDateTime when;
        bool operator==(const Item&) const = default;
    };
    using Items = QList<Item>;

    void schedule();
    std::array<Items, sectionCount> collect(bool* agentCountsKnown) const;
    void mergeSection(int section, Items target);
    QVariant itemData(const Item& item, Section section, int column, int role) const;
    QVariant sectionData(Section section, int column, int role) const;
    QList<QVariant> snapshot(int section, qsizetype row) const;
    static const QList<int>& comparedRoles();

    QPointer<QAbstractItemModel> m_source;
    QList<QMetaObject::Connection> m_connections;
    std::array<Items, sectionCount> m_sections;
    bool m_agentCountsKnown = false;
    bool m_scheduled = false;
};
