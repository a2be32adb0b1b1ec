// SPDX-License-Identifier: MIT
#pragma once

#include "compactid.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "interntable.h"
#include "modelroles.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QSharedData>

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class OrganizationTreeModel;

// What needs a human in an organisation, for the organisation pane: a section row per kind of
// trouble, the queues or tokens in it below.
//
//   Paused queues (2)                  PausedQueues     most recent pause first
//     deploy   Production   Paused by Sam Kim: freeze   3 hours ago
//   Queues with no connected agents    IdleQueues       only once agent counts are known
//   Expired agent tokens               ExpiredTokens    most recently expired first
//   Agent tokens expiring soon         ExpiringTokens   soonest first
//   Never-expiring agent tokens        NeverExpiringTokens   (audit)
//   Agent tokens without an IP allowlist  UnrestrictedTokens (audit)
//
// It reads the navigation tree through its roles (OrganizationTreeModel, or a proxy over it):
// clusters with ClusterRole, queues with PausedRole, HostedRole and AgentsConnected (QueueRole
// only for paused ones), tokens with AgentTokenRole and ExpiryStateRole, so it always agrees with
// the tree, expiry clock included. QueueRole and AgentTokenRole of its own rows are read from the
// tree when asked, not kept: an organisation of 1,000 clusters puts tens of thousands of rows
// here (39,000 at 1,000 x 50 x 5), and a row holds only what it shows, in 56 bytes: its id as a
// CompactId, its cluster, its time, and its texts as numbers into a table of the distinct ones
// (most repeat: "No agents connected", "Never expires · by Sam Kim", the queue keys).
//
// Source changes are gathered per cluster and merged on the next turn of the event loop (at most
// four times a second while they keep coming): only the clusters the source reported are read
// again, and only their rows move in or out of the sorted sections (found by binary search), so
// a first load of 1,000 clusters arriving one by one is linear, not quadratic. No resets, exact
// dataChanged roles, nothing emitted when nothing changed. Section rows are always there (a view
// hides the empty ones).
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

    // How many distinct texts the rows' table holds (for tests: it stays near what the rows use).
    qsizetype textCount() const { return m_texts.size(); }

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
    // Shared by the rows of one cluster; a renamed cluster gets a new one, so rows made before
    // still say what they showed (that is what a change is compared against).
    struct ClusterInfo : QSharedData {
        QString id;
        QString name;
        QString emoji;
    };
    using ClusterRef = QExplicitlySharedDataPointer<const ClusterInfo>;
    // A row text: its number in m_texts. Equal numbers are equal texts, so comparing two rows'
    // numbers says which of their texts changed.
    using Text = InternTable<QString>::Number;
    // One row: what it shows and sorts by.
    struct Item {
        CompactId id;
        ClusterRef cluster;
        QDateTime when;
        Text name = 0; // queue key, token description
        Text description = 0; // the Name column's tooltip
        Text details = 0;
        Text detailsTip = 0;
        // Whether it is a queue or a token follows from its section (isQueueSection()).
    };
    // A cluster's rows, per section; the sections point into these.
    struct ClusterRows {
        std::array<std::vector<Item>, sectionCount> items;
        bool agentCountsKnown = false;
    };
    using Rows = std::vector<const Item*>;

    void schedule();
    void noteCluster(const QModelIndex& index);
    void onDataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onRowsChanged(const QModelIndex& parent, int first, int last);
    void markAll(bool valuesChanged);
    // The cluster's rows as the source has them now (nullptr: no such cluster any more).
    std::unique_ptr<ClusterRows> readCluster(const QString& clusterId);
    QModelIndex sourceIndex(const QString& id) const;
    QStringList sourceClusterIds() const;
    void mergeCluster(const ClusterRows* before, const ClusterRows* after);
    void mergeRows(int section, const std::vector<Item>* before, const std::vector<Item>* after);
    qsizetype position(int section, const Item& item) const;
    bool less(Section section, const Item& a, const Item& b) const;
    bool sameOrder(const Item& a, const Item& b) const;
    static bool isQueueSection(Section section);
    void emitItemChanges(int section, qsizetype row, const Item& before, const Item& after);
    void clearAll();
    QVariant itemData(const Item& item, Section section, int column, int role) const;
    QVariant sectionData(Section section, int column, int role) const;
    static const QList<int>& comparedRoles();
    const QString& text(Text number) const { return m_texts.value(number); }
    // Drops the texts no row uses once the table has grown well past its last compaction.
    void compactTexts();

    QPointer<QAbstractItemModel> m_source;
    QPointer<OrganizationTreeModel> m_tree; // the tree under the source's proxies
    QList<QMetaObject::Connection> m_connections;
    std::unordered_map<QString, std::unique_ptr<ClusterRows>> m_clusters;
    std::array<Rows, sectionCount> m_sections;
    // What the source reported since the last merge.
    QSet<QString> m_dirty; // cluster ids
    QSet<CompactId> m_valueChanged; // queue and token ids whose QueueRole/AgentTokenRole changed
    bool m_clusterListDirty = true;
    bool m_allDirty = true;
    bool m_allValuesChanged = false;
    int m_knownClusters = 0; // clusters with a known agent count
    bool m_agentCountsKnown = false;
    bool m_scheduled = false;
    // Merges are at least this far apart while changes keep coming (schedule()).
    static constexpr qint64 syncIntervalMs = 250;
    QElapsedTimer m_lastSync;
    // The rows' texts, each distinct one once (0: the empty text), and their numbers. A text no
    // row uses any more stays until compactTexts() or clearAll(): notes change a few at a time.
    InternTable<QString> m_texts;
    qsizetype m_textsAfterCompaction = 0;
    // readCluster()'s rows as they are found, reused so that a cluster's vectors are made at
    // their final size once instead of growing and then shrinking.
    std::array<std::vector<Item>, sectionCount> m_scratch;
};
