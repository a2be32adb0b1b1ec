// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "domain/tokenexpiry.h"
#include "expiryindex.h"
#include "modelroles.h"
#include "organizationsummary.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>

#include <memory>
#include <optional>

struct OrganizationSnapshot;

// The navigation tree: the organisation, its clusters, and under each cluster two group rows,
// "Queues (n)" and "Agent tokens (n)", holding the queues and tokens.
//
//   acme                          Organization
//     Build                       Cluster           (server order)
//       Queues (2)                QueueGroup
//         default                 Queue             (by key)
//         deploy
//       Agent tokens (1)          TokenGroup
//         CI agents               Token             (by description)
//     Loading…                    Loading / Error   (placeholder, always last)
//
// A container whose children are not known yet shows a "Loading…" row; one whose last load failed
// shows an error row with the server's message (after any rows it still knows from earlier).
//
// Every change is merged by id (clusters, queues and tokens have globally unique ids): rows are
// inserted, removed and moved, and dataChanged names exactly the roles that read differently, so
// selection, expansion and scroll survive a refresh, and a refresh that finds nothing new emits
// nothing at all. Only setOrganization() resets.
//
// The model also keeps the organisation's summary (counts of clusters, queues, paused queues and
// tokens by expiry state), updated as rows come, go and change, and tracks the tokens that have
// an expiry date by that date, so the clock moving touches only the tokens that cross a line.
class OrganizationTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class NodeKind {
        Organization,
        Cluster,
        QueueGroup,
        TokenGroup,
        Queue,
        Token,
        Loading,
        Error
    };
    Q_ENUM(NodeKind)
    using ExpiryState = TokenExpiry::State;

    enum Role {
        KindRole = ModelRoles::Kind, // NodeKind
        IdRole = ModelRoles::Id, // cluster/queue/token id; groups: queueGroupId(); org: slug
        ClusterIdRole
            = ModelRoles::ClusterId, // the cluster a row belongs to (cluster rows: own id)
        SortRole = ModelRoles::Sort, // name, key, description; groups 0 and 1
        SearchTextRole = ModelRoles::SearchText, // name/key, description and id, space-joined
        ClusterRole = ModelRoles::ClusterValue, // Cluster
        QueueRole = ModelRoles::QueueValue, // Queue
        AgentTokenRole = ModelRoles::AgentTokenValue, // AgentToken
        EmojiRole = ModelRoles::Emoji, // cluster shortcode, ":rocket:"
        ColorRole = ModelRoles::Color, // cluster colour as the API has it
        PausedRole = ModelRoles::Paused, // queues
        HostedRole = ModelRoles::Hosted, // queues
        InstanceShapeRole = ModelRoles::InstanceShape, // hosted queues: the shape's display name
        ExpiryRole = ModelRoles::Expiry, // tokens: QDateTime, invalid when it never expires
        ExpiryStateRole = ModelRoles::ExpiryState, // tokens: ExpiryState
        ErrorRole
            = ModelRoles::Error, // message of a failed load (containers, clusters, error rows)
        CountRole = ModelRoles::Count, // org: clusters; groups: children; invalid while unknown
        BusyRole = ModelRoles::Busy, // org, groups: children not known yet; loading rows: true
        DescriptionRole = ModelRoles::Description, // clusters, queues, tokens
        IsDefaultQueueRole = ModelRoles::IsDefaultQueue, // queues: the cluster's default queue
        // Clusters: what a collapsed row still shows (int; 0 while the children are unknown).
        PausedQueuesRole = ModelRoles::PausedQueues,
        ExpiredTokensRole = ModelRoles::ExpiredTokens, // against now()
    };
    Q_ENUM(Role)

    explicit OrganizationTreeModel(QObject* parent = nullptr);
    ~OrganizationTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Resets to the organisation's row with a "Loading…" child; an empty slug leaves no rows.
    void setOrganization(const QString& slug);
    QString organization() const { return m_organization; }

    // A refresh runs. Starting one turns the error rows of containers that never loaded back
    // into "Loading…"; nothing else changes, so a refresh that finds nothing new emits nothing
    // (a status bar learns about the refresh from OrganizationSession, not from the rows).
    void setLoading(bool loading);
    bool isLoading() const { return m_loading; }
    // The cluster list could not be loaded: an error row under the organisation (clusters known
    // from an earlier load stay).
    void setOrganizationError(const ApiError& error);

    // The cluster list in the server's order: clusters are inserted, removed (with their
    // children) and moved; new ones show "Loading…" in both groups until their children merge.
    void mergeClusters(const QList<Cluster>& clusters);
    // A cluster's queues and tokens, complete. False if the cluster is unknown.
    bool mergeClusterChildren(
        const QString& clusterId, const QList<Queue>& queues, const QList<AgentToken>& tokens);
    // The cluster's queues or tokens could not be loaded: error rows in both groups; children
    // known from earlier stay.
    bool setClusterError(const QString& clusterId, const ApiError& error);
    // Clusters, then each cluster's children or error.
    void mergeSnapshot(const OrganizationSnapshot& snapshot);

    // Single-object changes after a write: replace in place or add (a new cluster goes last,
    // a queue or token to its sorted place). Queues and tokens need their clusterId set and
    // their cluster present; the functions return false otherwise.
    void upsertCluster(const Cluster& cluster);
    bool removeCluster(const QString& id);
    bool upsertQueue(const Queue& queue);
    bool removeQueue(const QString& clusterId, const QString& id);
    bool upsertToken(const AgentToken& token);
    bool removeToken(const QString& clusterId, const QString& id);

    // The clock expiry states are computed against. An invalid time (the default) follows the
    // system clock, sampled at construction, once at the start of every merge or upsert and by
    // updateExpiry(); a valid one fixes it. Tokens whose state changes are reported with
    // dataChanged. The cost is that of the tokens whose state changes, found by expiry date.
    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }
    void updateExpiry();

    // The counts of what is loaded now, against now(). Kept up to date as rows merge, are
    // inserted and removed, and as the clock moves; O(1).
    OrganizationSummary summary() const { return m_summary; }

    QModelIndex organizationIndex() const;
    // Clusters, queues, tokens and the group ids below; invalid if unknown.
    QModelIndex indexForId(const QString& id) const;
    QModelIndex groupIndex(const QString& clusterId, NodeKind group) const;
    static QString queueGroupId(const QString& clusterId);
    static QString tokenGroupId(const QString& clusterId);
    NodeKind kind(const QModelIndex& index) const;

    std::optional<Cluster> clusterForId(const QString& id) const;
    std::optional<Queue> queue(const QString& id) const;
    std::optional<AgentToken> token(const QString& id) const;
    QList<Cluster> clusters() const;
    QList<Queue> queues(const QString& clusterId) const;
    QList<AgentToken> tokens(const QString& clusterId) const;

    // Sorting of the group children, also used by upserts.
    static bool queueLessThan(const Queue& a, const Queue& b);
    static bool tokenLessThan(const AgentToken& a, const AgentToken& b);

Q_SIGNALS:
    // After a merge or upsert: ids of clusters, queues and tokens that appeared or whose values
    // changed, for a brief highlight. Rows filling a container for the first time (the initial
    // load) are not changes and are not listed.
    void changedIds(const QStringList& ids);
    // summary() reads differently: at most once per public call, after its row signals.
    void summaryChanged();

private:
    struct Node;
    struct Snapshot;
    class ChangeBatch;

    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node) const;
    Node* organizationNode() const;
    Node* clusterNode(const QString& id) const;
    QVariant nodeData(const Node* node, int role) const;
    QString nodeTooltip(const Node* node) const;
    // A cluster's paused queues and expired tokens, counted from its groups.
    int pausedQueues(const Node* cluster) const;
    int expiredTokens(const Node* cluster) const;

    std::unique_ptr<Node> makeClusterNode(const Cluster& cluster);
    template <class T>
    std::unique_ptr<Node> makeNode(const T& value, const QString& clusterId);
    void registerTree(Node* node);
    void unregisterTree(Node* node);
    void removeRows(Node* container, int first, int last);
    // Adds (+1) or takes away (-1) what one node contributes to the summary and expiry index.
    void count(Node* node, int sign);
    void countExpiry(ExpiryState state, int sign);

    // One implementation for each operation on clusters, queues and tokens alike.
    template <class T>
    void mergeItems(Node* container, QList<T> items, bool report);
    template <class T>
    void updateValue(Node* node, const T& value);
    template <class T>
    bool upsertItem(const T& item);
    template <class T>
    bool removeItem(const QString& clusterId, const QString& id);
    template <class T>
    QList<T> items(const QString& clusterId) const;
    // The organisation for clusters, the cluster's group for queues and tokens.
    template <class T>
    Node* containerOf(const QString& clusterId) const;

    QList<Snapshot> snapshot(const QList<Node*>& nodes) const;
    void emitChanges(const QList<Snapshot>& before);
    // Inserts, removes or changes the Loading/Error row of a container to match its state.
    void syncPlaceholder(Node* container);
    void moveClock(const QDateTime& now);
    void noteChanged(const QString& id);

    std::unique_ptr<Node> m_root; // invisible; its one child is the organisation
    QHash<QString, Node*> m_nodes; // clusters, groups, queues, tokens by id
    QString m_organization;
    bool m_loading = false;
    QDateTime m_fixedNow;
    QDateTime m_now;
    int m_batchDepth = 0;
    QStringList m_changed;
    OrganizationSummary m_summary;
    ExpiryIndex<Node*> m_expiring; // tokens that have an expiry date
};
