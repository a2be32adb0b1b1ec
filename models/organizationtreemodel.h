// SPDX-License-Identifier: MIT
#pragma once

#include "agenttally.h"
#include "api/apierror.h"
#include "compactid.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "domain/tokenexpiry.h"
#include "expiryindex.h"
#include "modelroles.h"
#include "organizationsummary.h"
#include "packedrows.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>

#include <functional>
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
    // One byte: every node of 58,000 carries one.
    enum class NodeKind : quint8 {
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
        // QDateTime of the last successful check of what the row shows: the organisation, the
        // cluster list; clusters, queue groups and queues, the cluster's queues; token groups and
        // tokens, the cluster's tokens. Invalid before the first. Like "3 min ago" it changes
        // without the rows changing, so no dataChanged reports it: read it when shown.
        CheckedAtRole = ModelRoles::CheckedAt,
        // Queues: their agents; clusters and the organisation: totals (see AgentCounts). Invalid
        // while the agents are unknown, never 0 for "unknown".
        AgentsConnectedRole = ModelRoles::AgentsConnected,
        AgentsBusyRole = ModelRoles::AgentsBusy,
        AgentsPausedRole = ModelRoles::AgentsPaused,
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
    // Each cluster the tree already holds as it is becomes a copy of the tree's value, sharing
    // its texts; changes nothing in the tree. A reload of 1,000 clusters then holds, until its
    // last page, only the texts of what changed: fresh from the JSON, every cluster's texts
    // would be a second copy of them all (~4 MB, alive while the agents reload too).
    void shareUnchanged(QList<Cluster>& clusters) const;
    // A cluster's queues and tokens, complete. False if the cluster is unknown.
    bool mergeClusterChildren(
        const QString& clusterId, const QList<Queue>& queues, const QList<AgentToken>& tokens);
    // The cluster's queues or tokens could not be loaded: error rows in both groups; children
    // known from earlier stay.
    bool setClusterError(const QString& clusterId, const ApiError& error);
    // Clusters, then each cluster's children or error.
    void mergeSnapshot(const OrganizationSnapshot& snapshot);

    // One cluster's queues, or its tokens, complete: merged like mergeClusterChildren() with the
    // other group left as it is, so a refresh can check them apart. False if the cluster is
    // unknown.
    bool mergeClusterQueues(const QString& clusterId, const QList<Queue>& queues);
    bool mergeClusterTokens(const QString& clusterId, const QList<AgentToken>& tokens);
    // Loading one group failed: an error row in that group only; rows known from earlier stay.
    bool setQueuesError(const QString& clusterId, const ApiError& error);
    bool setTokensError(const QString& clusterId, const ApiError& error);

    // When the last successful check of the cluster list, of a cluster's queues and of its
    // tokens was (CheckedAtRole, and a line of the tooltips). Emits nothing (see CheckedAtRole).
    void setListCheckedAt(const QDateTime& when);
    void setQueuesCheckedAt(const QString& clusterId, const QDateTime& when);
    void setTokensCheckedAt(const QString& clusterId, const QDateTime& when);
    QDateTime listCheckedAt() const;
    QDateTime queuesCheckedAt(const QString& clusterId) const;
    QDateTime tokensCheckedAt(const QString& clusterId) const;

    // Single-object changes after a write: replace in place or add (a new cluster goes last,
    // a queue or token to its sorted place). Queues and tokens need their clusterId set and
    // their cluster present; the functions return false otherwise.
    void upsertCluster(const Cluster& cluster);
    bool removeCluster(const QString& id);
    bool upsertQueue(const Queue& queue);
    bool removeQueue(const QString& clusterId, const QString& id);
    bool upsertToken(const AgentToken& token);
    bool removeToken(const QString& clusterId, const QString& id);

    // Agents. mergeAgents() takes the organisation's whole list (one paged request), groups it
    // by queue (AgentTally) and reports dataChanged only on the queues, clusters and organisation
    // whose counts read differently: an identical list emits nothing. mergeQueueAgents() takes
    // one queue's list (the queue pane's) and replaces what the tally had on that queue; it does
    // nothing while the organisation's agents are unknown (false). clearAgents() makes them
    // unknown again (the token may not read them): every count role turns invalid.
    void mergeAgents(const QList<Agent>& agents);
    // The same with the list already noted (OrganizationSession notes it page by page, each
    // page measured against agentTally()). A listing measured against a tally that was cleared
    // since changes nothing: the counts stay unknown until the next listing.
    void mergeAgents(AgentTally::Listing listing);
    // The counts as they stand, for a listing to be measured against; null while unknown.
    const AgentTally* agentTally() const { return m_agentTally ? &*m_agentTally : nullptr; }
    bool mergeQueueAgents(const QString& queueId, const QList<Agent>& agents);
    void clearAgents();
    bool agentsKnown() const { return m_agentTally.has_value(); }
    // The counts of a queue, a cluster (its total) or the organisation (its slug); nullopt while
    // unknown or for any other id.
    std::optional<AgentCounts> agentCounts(const QString& id) const;

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

    // What a filter reads of a row, without building a QVariant or any text: the search key was
    // computed when the row merged. Views into the model's storage: valid until it changes.
    struct SearchRow {
        NodeKind kind = NodeKind::Loading;
        QByteArrayView key; // name or key, description: case-folded UTF-8, '\n' between parts
        const CompactId* id = nullptr;
        bool idFolded = false; // no upper-case letter in the id
        bool idHex = false; // hexadecimal digits and dashes only (a UUID)
        bool paused = false; // queues
        bool hosted = false; // queues
        ExpiryState expiry = ExpiryState::Never; // tokens, against now()
    };
    SearchRow searchRow(const QModelIndex& index) const;
    // A number of the row, unique for the model's lifetime (never reused) and below
    // serialBound(): for a view that keeps something per row in an array instead of a hash.
    quint32 serial(const QModelIndex& index) const;
    quint32 serialBound() const { return m_nextSerial; }

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

    std::unique_ptr<Node> newNode();
    std::unique_ptr<Node> makeClusterNode(const Cluster& cluster);
    // Packs the value into the node, with its search key.
    void setValue(Node* node, const Cluster& cluster, const QString& clusterId);
    void setValue(Node* node, const Queue& queue, const QString& clusterId);
    void setValue(Node* node, const AgentToken& token, const QString& clusterId);
    // Whether the node holds exactly this value already.
    bool holds(const Node* node, const Cluster& cluster) const;
    bool holds(const Node* node, const Queue& queue);
    bool holds(const Node* node, const AgentToken& token);
    Queue queueValue(const Node* node) const;
    AgentToken tokenValue(const Node* node) const;
    template <class T>
    T valueOf(const Node* node) const;
    bool isDefaultQueue(const Node* node) const;
    template <class T>
    std::unique_ptr<Node> makeNode(const T& value, const QString& clusterId);
    void registerTree(Node* node);
    void unregisterTree(Node* node);
    void removeRows(Node* container, int first, int last);
    // Adds (+1) or takes away (-1) what one node contributes to the summary and expiry index.
    void count(Node* node, int sign);
    void countExpiry(ExpiryState state, int sign);
    // Agents: what a node shows, and a queue's part in summary().queuesWithoutAgents.
    std::optional<AgentCounts> nodeAgentCounts(const Node* node) const;
    QVariant agentData(const Node* node, int role) const;
    QString agentTooltip(const Node* node) const;
    void countAgents(Node* node, int sign);
    void applyAgentTally(std::optional<AgentTally> next);
    // Changes the agent tally in place and reports the rows whose counts read differently.
    void changeAgentsInPlace(const std::function<void(AgentTally&)>& change);
    // The queue, cluster and organisation rows whose agent counts a difference names.
    QList<Node*> agentRows(const AgentTally::Difference& d) const;
    void updateAgentSummary();
    Node* queueNodeByKey(const QString& clusterId, const QString& key) const;

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
    // One group of a cluster: merged, or marked failed.
    template <class T>
    bool mergeGroup(const QString& clusterId, const QList<T>& items);
    template <class T>
    bool setGroupError(const QString& clusterId, const ApiError& error);
    QDateTime checkedAtOf(const Node* node) const;
    // Forgets the check times of clusters that are gone.
    void pruneCheckedAt();

    QList<Snapshot> snapshot(const QList<Node*>& nodes) const; // every role data() answers
    QList<Snapshot> snapshot(const QList<Node*>& nodes, const QList<int>& roles) const;
    void emitChanges(const QList<Snapshot>& before);
    // Inserts, removes or changes the Loading/Error row of a container to match its state.
    void syncPlaceholder(Node* container);
    void moveClock(const QDateTime& now);
    void noteChanged(const QString& id);

    std::unique_ptr<Node> m_root; // invisible; its one child is the organisation
    QHash<CompactId, Node*> m_nodes; // clusters, groups, queues, tokens by id
    QString m_organization;
    bool m_loading = false;
    QDateTime m_fixedNow;
    QDateTime m_now;
    int m_batchDepth = 0;
    QStringList m_changed;
    OrganizationSummary m_summary;
    ExpiryIndex<Node*> m_expiring; // tokens that have an expiry date
    // Last successful checks: the organisation's slug for the cluster list, a cluster id for its
    // queues, tokenGroupId() for its tokens. Kept beside the nodes: no row signal reports them.
    QHash<QString, QDateTime> m_checkedAt;
    std::optional<AgentTally> m_agentTally; // unknown until the agents are listed
    RowPacker m_packer;
    quint32 m_nextSerial = 1; // 0: the invisible root
};
