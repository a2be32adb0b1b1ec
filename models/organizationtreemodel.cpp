// SPDX-License-Identifier: MIT
#include "organizationtreemodel.h"

#include "idmerge.h"
#include "modelslogging.h"
#include "organizationsnapshot.h"
#include "rowtext.h"
#include "searchquery.h"

#include <QLocale>
#include <QMetaEnum>
#include <QSet>

#include <algorithm>
#include <type_traits>
#include <variant>
#include <vector>

using NodeKind = OrganizationTreeModel::NodeKind;

// One row. Queues and tokens are packed (packedrows.h): 50,000 of them must fit in a few
// hundred bytes each. Clusters are few and kept whole.
struct OrganizationTreeModel::Node {
    Node* parent = nullptr;
    int row = 0;
    NodeKind kind = NodeKind::Organization; // with the three flags below, in row's 8-byte slot
    // Containers (organisation, groups): whether the children were ever loaded, and why the
    // last load failed. Error rows carry the error they show.
    bool childrenKnown = false;
    // Whether id is in lower case already, so a filter can look for folded words in it as is,
    // and whether it is a UUID (hexadecimal digits and dashes), which most words cannot be in.
    bool idFolded = false;
    bool idHex = false;
    quint32 serial = 0; // see OrganizationTreeModel::serial()
    // Cluster name or queue key, description: case-folded, UTF-8, computed when the row merges
    // (RowPacker::searchKey), so a filter never builds a row's text again.
    RowPacker::Text searchKey = 0;
    // Most ids are UUIDs, held in 16 bytes (compactid.h); toString() makes the text.
    CompactId id;
    std::vector<std::unique_ptr<Node>> children;
    // Containers and error rows only: most rows have none, and an ApiError is four times a
    // pointer.
    std::unique_ptr<const ApiError> failure;
    std::variant<std::monostate, std::unique_ptr<const Cluster>, PackedQueue, PackedToken> value;

    const ApiError& error() const
    {
        static const ApiError none;
        return failure ? *failure : none;
    }
    void setError(const ApiError& e)
    {
        failure = e ? std::make_unique<const ApiError>(e) : nullptr;
    }
    // The cluster a row belongs to (itself for a cluster); empty above the clusters.
    QString clusterId() const
    {
        for (const Node* n = this; n; n = n->parent) {
            if (n->kind == NodeKind::Cluster)
                return n->id.toString();
        }
        return {};
    }

    bool isPlaceholder() const { return kind == NodeKind::Loading || kind == NodeKind::Error; }
    Node* placeholder() const
    {
        return !children.empty() && children.back()->isPlaceholder() ? children.back().get()
                                                                     : nullptr;
    }
    int itemCount() const { return int(children.size()) - (placeholder() ? 1 : 0); }
    void renumber()
    {
        for (size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
    Node* add(std::unique_ptr<Node> child, int at)
    {
        child->parent = this;
        Node* raw = child.get();
        children.insert(children.begin() + at, std::move(child));
        renumber();
        return raw;
    }
    const Cluster& cluster() const { return *std::get<std::unique_ptr<const Cluster>>(value); }
    const PackedQueue& queue() const { return std::get<PackedQueue>(value); }
    const PackedToken& token() const { return std::get<PackedToken>(value); }
};

struct OrganizationTreeModel::Snapshot {
    Node* node;
    const QList<int>* roles; // the roles recorded, in the order of values
    QList<QVariant> values;
};

// One public call, however many merges it makes: the clock is read once, before any value is
// merged (so new tokens are judged against the same time as the old ones), and changedIds and
// summaryChanged are emitted once, at the end.
class OrganizationTreeModel::ChangeBatch final {
public:
    enum Clock {
        KeepClock,
        ReadClock,
    };
    explicit ChangeBatch(OrganizationTreeModel* model, Clock clock = KeepClock)
        : m_model(model)
        , m_outermost(m_model->m_batchDepth++ == 0)
        , m_summaryBefore(m_model->m_summary)
    {
        if (m_outermost && clock == ReadClock && !m_model->m_fixedNow.isValid())
            m_model->moveClock(QDateTime::currentDateTimeUtc());
    }
    ~ChangeBatch()
    {
        --m_model->m_batchDepth;
        if (!m_outermost)
            return;
        if (!m_model->m_changed.isEmpty()) {
            QStringList ids;
            ids.swap(m_model->m_changed);
            ids.removeDuplicates();
            Q_EMIT m_model->changedIds(ids);
        }
        if (m_model->m_summary != m_summaryBefore)
            Q_EMIT m_model->summaryChanged();
    }
    ChangeBatch(const ChangeBatch&) = delete;
    ChangeBatch& operator=(const ChangeBatch&) = delete;

private:
    OrganizationTreeModel* m_model;
    bool m_outermost;
    OrganizationSummary m_summaryBefore;
};

namespace {

// What agent counts change on a row: its counts and, on queues, the tooltip line about them.
const QList<int>& agentRoles()
{
    static const QList<int> roles { Qt::ToolTipRole, OrganizationTreeModel::AgentsConnectedRole,
        OrganizationTreeModel::AgentsBusyRole, OrganizationTreeModel::AgentsPausedRole };
    return roles;
}

// Every role data() answers: what is compared when a node changes.
const QList<int>& comparedRoles()
{
    static const QList<int> roles = [] {
        QList<int> out { Qt::DisplayRole, Qt::ToolTipRole };
        const QMetaEnum e = QMetaEnum::fromType<OrganizationTreeModel::Role>();
        for (int i = 0; i < e.keyCount(); ++i)
            out.append(e.value(i));
        return out;
    }();
    return roles;
}

QString errorText(const ApiError& error)
{
    return error.message().isEmpty() ? error.toString() : error.message();
}

// What differs between the kinds of item, for the operations written once for all of them.
template <class T>
struct ItemKind;
template <>
struct ItemKind<Cluster> {
    static constexpr NodeKind kind = NodeKind::Cluster;
};
template <>
struct ItemKind<Queue> {
    static constexpr NodeKind kind = NodeKind::Queue;
    static constexpr size_t group = 0; // the cluster's child holding them
    static bool less(const Queue& a, const Queue& b)
    {
        return OrganizationTreeModel::queueLessThan(a, b);
    }
};
template <>
struct ItemKind<AgentToken> {
    static constexpr NodeKind kind = NodeKind::Token;
    static constexpr size_t group = 1;
    static bool less(const AgentToken& a, const AgentToken& b)
    {
        return OrganizationTreeModel::tokenLessThan(a, b);
    }
};

QString joined(std::initializer_list<QString> parts)
{
    QStringList out;
    for (const QString& part : parts) {
        if (!part.isEmpty())
            out.append(part);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

OrganizationTreeModel::OrganizationTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_now(QDateTime::currentDateTimeUtc())
{
}

OrganizationTreeModel::~OrganizationTreeModel() = default;

QString OrganizationTreeModel::queueGroupId(const QString& clusterId)
{
    return clusterId + QLatin1String("/queues");
}

QString OrganizationTreeModel::tokenGroupId(const QString& clusterId)
{
    return clusterId + QLatin1String("/tokens");
}

bool OrganizationTreeModel::queueLessThan(const Queue& a, const Queue& b)
{
    // Keys are unique per cluster; case-insensitive first so "Deploy" sits beside "deploy-x".
    if (const int c = a.key.compare(b.key, Qt::CaseInsensitive))
        return c < 0;
    if (a.key != b.key)
        return a.key < b.key;
    return a.id < b.id;
}

bool OrganizationTreeModel::tokenLessThan(const AgentToken& a, const AgentToken& b)
{
    // Descriptions repeat ("CI"): the older token first, then the id, for a total order that a
    // refresh reproduces exactly.
    if (const int c = a.description.compare(b.description, Qt::CaseInsensitive))
        return c < 0;
    if (a.description != b.description)
        return a.description < b.description;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

// ---- QAbstractItemModel

OrganizationTreeModel::Node* OrganizationTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex OrganizationTreeModel::indexFor(const Node* node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node*>(node));
}

QModelIndex OrganizationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children.at(size_t(row)).get());
}

QModelIndex OrganizationTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int OrganizationTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int OrganizationTreeModel::columnCount(const QModelIndex&) const { return 1; }

QVariant OrganizationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == 0 && role == Qt::DisplayRole)
        return tr("Name");
    return {};
}

Qt::ItemFlags OrganizationTreeModel::flags(const QModelIndex& index) const
{
    Q_ASSERT(!index.isValid() || checkIndex(index));
    if (!index.isValid() || index.model() != this)
        return Qt::NoItemFlags;
    const Node* node = nodeFor(index);
    switch (node->kind) {
    case NodeKind::Organization:
    case NodeKind::Cluster:
    case NodeKind::QueueGroup:
    case NodeKind::TokenGroup:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    case NodeKind::Queue:
    case NodeKind::Token:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    case NodeKind::Loading:
    case NodeKind::Error:
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    }
    return Qt::NoItemFlags;
}

QHash<int, QByteArray> OrganizationTreeModel::roleNames() const { return ModelRoles::roleNames(); }

QVariant OrganizationTreeModel::data(const QModelIndex& index, int role) const
{
    // Not checkIndex(): it asks for the parent and its row count on every call, and views call
    // data() and flags() for every row they lay out.
    Q_ASSERT(!index.isValid() || checkIndex(index));
    if (!index.isValid() || index.model() != this)
        return {};
    const Node* node = nodeFor(index);
    // Freshness is answered here, not by nodeData(): the change reports compare nodeData(), and
    // a check that finds nothing new must report nothing.
    if (role == CheckedAtRole) {
        const QDateTime checked = checkedAtOf(node);
        return checked.isValid() ? QVariant(checked) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        switch (node->kind) {
        case NodeKind::Organization:
        case NodeKind::Cluster:
        case NodeKind::Queue:
        case NodeKind::Token: {
            const QDateTime checked = checkedAtOf(node);
            if (!checked.isValid())
                break;
            const QDateTime now
                = m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
            return joined({ nodeTooltip(node), RowText::checkedText(checked, now) });
        }
        default:
            break;
        }
    }
    return nodeData(node, role);
}

QVariant OrganizationTreeModel::nodeData(const Node* node, int role) const
{
    if (role == KindRole)
        return QVariant::fromValue(node->kind);
    if (role == Qt::ToolTipRole) {
        const QString tip = nodeTooltip(node);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (role == ClusterIdRole && node->kind != NodeKind::Organization) {
        const QString clusterId = node->clusterId();
        return clusterId.isEmpty() ? QVariant() : QVariant(clusterId);
    }
    if (role == AgentsConnectedRole || role == AgentsBusyRole || role == AgentsPausedRole)
        return agentData(node, role);

    switch (node->kind) {
    case NodeKind::Organization:
        switch (role) {
        case Qt::DisplayRole:
        case IdRole:
        case SortRole:
        case SearchTextRole:
            return m_organization;
        case CountRole:
            return node->childrenKnown ? QVariant(node->itemCount()) : QVariant();
        case BusyRole:
            return !node->childrenKnown && !node->error();
        case ErrorRole:
            return node->error() ? QVariant(errorText(node->error())) : QVariant();
        }
        return {};

    case NodeKind::Cluster: {
        const Cluster& c = node->cluster();
        switch (role) {
        case Qt::DisplayRole:
            return c.name.isEmpty() ? c.id : c.name;
        case IdRole:
            return c.id;
        case SortRole:
            return c.name;
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
        case PausedQueuesRole:
            return pausedQueues(node);
        case ExpiredTokensRole:
            return expiredTokens(node);
        case ErrorRole:
            // A failed queue or token load shows as a badge on the cluster too.
            for (const auto& group : node->children) {
                if (group->error())
                    return errorText(group->error());
            }
            return {};
        }
        return {};
    }

    case NodeKind::QueueGroup:
    case NodeKind::TokenGroup: {
        const bool queues = node->kind == NodeKind::QueueGroup;
        switch (role) {
        case Qt::DisplayRole: {
            const QString label = queues ? tr("Queues") : tr("Agent tokens");
            return node->childrenKnown ? tr("%1 (%2)").arg(label).arg(node->itemCount()) : label;
        }
        case IdRole:
            return node->id.toString();
        case SortRole:
            return queues ? 0 : 1;
        case CountRole:
            return node->childrenKnown ? QVariant(node->itemCount()) : QVariant();
        case BusyRole:
            return !node->childrenKnown && !node->error();
        case ErrorRole:
            return node->error() ? QVariant(errorText(node->error())) : QVariant();
        }
        return {};
    }

    case NodeKind::Queue: {
        const PackedQueue& q = node->queue();
        switch (role) {
        case Qt::DisplayRole:
        case SortRole:
            return m_packer.text(q.key);
        case IdRole:
            return node->id.toString();
        case SearchTextRole:
            return RowText::searchText(queueValue(node));
        case QueueRole:
            return QVariant::fromValue(queueValue(node));
        case PausedRole:
            return q.dispatchPaused;
        case HostedRole:
            return q.hosted;
        case InstanceShapeRole:
            return q.hosted && q.instanceShape && q.instanceShape->value.isValid()
                ? q.instanceShape->value.displayName()
                : QString();
        case DescriptionRole:
            return m_packer.text(q.description);
        case IsDefaultQueueRole:
            return isDefaultQueue(node);
        }
        return {};
    }

    case NodeKind::Token: {
        const PackedToken& t = node->token();
        switch (role) {
        case Qt::DisplayRole:
            return t.description == 0 ? tr("Untitled token") : m_packer.text(t.description);
        case SortRole:
        case DescriptionRole:
            return m_packer.text(t.description);
        case IdRole:
            return node->id.toString();
        case SearchTextRole:
            return RowText::searchText(tokenValue(node));
        case AgentTokenRole:
            return QVariant::fromValue(tokenValue(node));
        case ExpiryRole:
            return t.expiresAt;
        case ExpiryStateRole:
            return QVariant::fromValue(TokenExpiry::classify(t.expiresAt, m_now));
        }
        return {};
    }

    case NodeKind::Loading:
        switch (role) {
        case Qt::DisplayRole:
            return tr("Loading…");
        case BusyRole:
            return true;
        }
        return {};

    case NodeKind::Error:
        switch (role) {
        case Qt::DisplayRole:
        case ErrorRole:
            return errorText(node->error());
        }
        return {};
    }
    return {};
}

QString OrganizationTreeModel::nodeTooltip(const Node* node) const
{
    switch (node->kind) {
    case NodeKind::Organization:
    case NodeKind::QueueGroup:
    case NodeKind::TokenGroup:
    case NodeKind::Error:
        return node->error() ? node->error().toString() : QString();
    case NodeKind::Loading:
        return {};
    case NodeKind::Cluster: {
        const Cluster& c = node->cluster();
        QString failure;
        for (const auto& group : node->children) {
            if (group->error() && failure.isEmpty())
                failure = group->error().toString();
        }
        const int paused = pausedQueues(node);
        const int expired = expiredTokens(node);
        return joined({ c.name, c.description,
            paused == 0       ? QString()
                : paused == 1 ? tr("1 queue paused")
                              : tr("%1 queues paused").arg(paused),
            expired == 0       ? QString()
                : expired == 1 ? tr("1 agent token expired")
                               : tr("%1 agent tokens expired").arg(expired),
            failure });
    }
    case NodeKind::Queue: {
        // What the tooltip says, without the links a whole value would derive.
        const PackedQueue& packed = node->queue();
        Queue q;
        q.key = m_packer.text(packed.key);
        q.description = m_packer.text(packed.description);
        q.dispatchPaused = packed.dispatchPaused;
        if (packed.pause) {
            if (packed.pause->byPresent)
                q.dispatchPausedBy = packed.pause->by ? packed.pause->by->value : User();
            q.dispatchPausedNote = packed.pause->note;
        }
        q.hosted = packed.hosted;
        if (packed.instanceShape)
            q.instanceShape = packed.instanceShape->value;
        return joined({ q.key, q.description, RowText::pauseText(q),
            q.hosted ? RowText::hostingText(q) : QString(),
            isDefaultQueue(node) ? tr("Default queue of the cluster") : QString(),
            agentTooltip(node) });
    }
    case NodeKind::Token: {
        const PackedToken& t = node->token();
        QString expiry;
        if (!t.expiresAt.isValid()) {
            expiry = tr("Never expires");
        } else {
            expiry = tr("Expires %1")
                         .arg(QLocale().toString(t.expiresAt.toLocalTime(), QLocale::LongFormat));
            const auto state = TokenExpiry::classify(t.expiresAt, m_now);
            if (state == ExpiryState::Expired || state == ExpiryState::ExpiringSoon)
                expiry += QStringLiteral(" (%1)").arg(RowText::expiryText(state));
        }
        const QString ips = t.allowedIpAddresses == 0
            ? QString()
            : tr("Allowed IP addresses: %1").arg(m_packer.text(t.allowedIpAddresses));
        return joined({ m_packer.text(t.description), expiry, ips });
    }
    }
    return {};
}

int OrganizationTreeModel::pausedQueues(const Node* cluster) const
{
    const Node* group = cluster->children.at(ItemKind<Queue>::group).get();
    int count = 0;
    for (int i = 0; i < group->itemCount(); ++i)
        count += group->children.at(size_t(i))->queue().dispatchPaused ? 1 : 0;
    return count;
}

int OrganizationTreeModel::expiredTokens(const Node* cluster) const
{
    const Node* group = cluster->children.at(ItemKind<AgentToken>::group).get();
    int count = 0;
    for (int i = 0; i < group->itemCount(); ++i) {
        const QDateTime& expiresAt = group->children.at(size_t(i))->token().expiresAt;
        count += TokenExpiry::classify(expiresAt, m_now) == ExpiryState::Expired ? 1 : 0;
    }
    return count;
}

// ---- change reporting

QList<OrganizationTreeModel::Snapshot> OrganizationTreeModel::snapshot(
    const QList<Node*>& nodes) const
{
    return snapshot(nodes, comparedRoles());
}

QList<OrganizationTreeModel::Snapshot> OrganizationTreeModel::snapshot(
    const QList<Node*>& nodes, const QList<int>& roles) const
{
    QList<Snapshot> out;
    out.reserve(nodes.size());
    for (Node* node : nodes) {
        Snapshot s { node, &roles, {} };
        s.values.reserve(roles.size());
        for (int role : roles)
            s.values.append(nodeData(node, role));
        out.append(std::move(s));
    }
    return out;
}

void OrganizationTreeModel::emitChanges(const QList<Snapshot>& before)
{
    for (const Snapshot& s : before) {
        const QList<int>& roles = *s.roles;
        QList<int> changed;
        for (qsizetype i = 0; i < roles.size(); ++i) {
            if (nodeData(s.node, roles.at(i)) != s.values.at(i))
                changed.append(roles.at(i));
        }
        if (!changed.isEmpty()) {
            const QModelIndex index = indexFor(s.node);
            Q_EMIT dataChanged(index, index, changed);
        }
    }
}

void OrganizationTreeModel::noteChanged(const QString& id) { m_changed.append(id); }

// ---- structure

std::unique_ptr<OrganizationTreeModel::Node> OrganizationTreeModel::newNode()
{
    static_assert(sizeof(Node) <= 152, "50,000 queue rows: each byte of a node is 50 KB");
    auto node = std::make_unique<Node>();
    node->serial = m_nextSerial++;
    return node;
}

OrganizationTreeModel::Node* OrganizationTreeModel::organizationNode() const
{
    return m_root->children.empty() ? nullptr : m_root->children.front().get();
}

OrganizationTreeModel::Node* OrganizationTreeModel::clusterNode(const QString& id) const
{
    Node* node = m_nodes.value(CompactId(id));
    return node && node->kind == NodeKind::Cluster ? node : nullptr;
}

std::unique_ptr<OrganizationTreeModel::Node> OrganizationTreeModel::makeClusterNode(
    const Cluster& cluster)
{
    auto node = newNode();
    node->kind = NodeKind::Cluster;
    node->id = CompactId(cluster.id);
    setValue(node.get(), cluster, cluster.id);
    for (NodeKind kind : { NodeKind::QueueGroup, NodeKind::TokenGroup }) {
        auto group = newNode();
        group->kind = kind;
        group->id = CompactId(
            kind == NodeKind::QueueGroup ? queueGroupId(cluster.id) : tokenGroupId(cluster.id));
        auto loading = newNode();
        loading->kind = NodeKind::Loading;
        group->add(std::move(loading), 0);
        node->add(std::move(group), int(node->children.size()));
    }
    return node;
}

template <class T>
std::unique_ptr<OrganizationTreeModel::Node> OrganizationTreeModel::makeNode(
    const T& value, const QString& clusterId)
{
    if constexpr (std::is_same_v<T, Cluster>) {
        return makeClusterNode(value);
    } else {
        auto node = newNode();
        node->kind = ItemKind<T>::kind;
        node->id = CompactId(value.id);
        setValue(node.get(), value, clusterId);
        return node;
    }
}

namespace {
// Whether a filter may look for folded words in the id as it is (API ids are lower-case UUIDs).
bool isFolded(const QString& id)
{
    return std::all_of(id.cbegin(), id.cend(),
        [](QChar c) { return c.unicode() < 0x80 && !(c.unicode() >= 'A' && c.unicode() <= 'Z'); });
}

// What a filter may assume of an id; a packed one is a lower-case UUID.
void idFlags(const CompactId& id, bool* folded, bool* hex)
{
    const QString* text = id.text();
    *folded = !text || isFolded(*text);
    *hex = !text || SearchQuery::isHexId(*text);
}
} // namespace

void OrganizationTreeModel::setValue(Node* node, const Cluster& cluster, const QString&)
{
    node->value = std::make_unique<const Cluster>(m_packer.pack(cluster));
    node->searchKey = m_packer.searchKey({ cluster.name, cluster.description });
    idFlags(node->id, &node->idFolded, &node->idHex);
}

void OrganizationTreeModel::setValue(Node* node, const Queue& queue, const QString& clusterId)
{
    node->value = m_packer.pack(queue, clusterId);
    node->searchKey = m_packer.searchKey({ queue.key, queue.description });
    idFlags(node->id, &node->idFolded, &node->idHex);
}

void OrganizationTreeModel::setValue(Node* node, const AgentToken& token, const QString& clusterId)
{
    node->value = m_packer.pack(token, clusterId);
    node->searchKey = m_packer.searchKey({ token.description });
    idFlags(node->id, &node->idFolded, &node->idHex);
}

bool OrganizationTreeModel::holds(const Node* node, const Cluster& cluster) const
{
    return node->cluster() == cluster;
}

bool OrganizationTreeModel::holds(const Node* node, const Queue& queue)
{
    return node->queue() == m_packer.pack(queue, node->clusterId());
}

bool OrganizationTreeModel::holds(const Node* node, const AgentToken& token)
{
    return node->token() == m_packer.pack(token, node->clusterId());
}

Queue OrganizationTreeModel::queueValue(const Node* node) const
{
    return m_packer.unpack(node->queue(), node->id.toString(), node->clusterId());
}

AgentToken OrganizationTreeModel::tokenValue(const Node* node) const
{
    return m_packer.unpack(node->token(), node->id.toString(), node->clusterId());
}

bool OrganizationTreeModel::isDefaultQueue(const Node* node) const
{
    const Node* cluster = node->parent ? node->parent->parent : nullptr;
    return cluster && cluster->kind == NodeKind::Cluster
        && CompactId(cluster->cluster().defaultQueueId) == node->id;
}

template <class T>
T OrganizationTreeModel::valueOf(const Node* node) const
{
    if constexpr (std::is_same_v<T, Cluster>)
        return node->cluster();
    else if constexpr (std::is_same_v<T, Queue>)
        return queueValue(node);
    else
        return tokenValue(node);
}

template <class T>
OrganizationTreeModel::Node* OrganizationTreeModel::containerOf(const QString& clusterId) const
{
    if constexpr (std::is_same_v<T, Cluster>) {
        return organizationNode();
    } else {
        Node* cluster = clusterNode(clusterId);
        return cluster ? cluster->children.at(ItemKind<T>::group).get() : nullptr;
    }
}

void OrganizationTreeModel::registerTree(Node* node)
{
    if (!node->id.isEmpty() && node->kind != NodeKind::Organization) {
        if (Node* other = m_nodes.value(node->id); other && other != node)
            qCWarning(lcModels) << "duplicate id in the tree:" << node->id.toString();
        m_nodes.insert(node->id, node);
    }
    count(node, +1);
    for (const auto& child : node->children)
        registerTree(child.get());
}

void OrganizationTreeModel::unregisterTree(Node* node)
{
    for (const auto& child : node->children)
        unregisterTree(child.get());
    count(node, -1);
    if (!node->id.isEmpty()) {
        const auto it = m_nodes.constFind(node->id);
        if (it != m_nodes.cend() && it.value() == node)
            m_nodes.erase(it);
    }
}

void OrganizationTreeModel::count(Node* node, int sign)
{
    countAgents(node, sign);
    switch (node->kind) {
    case NodeKind::Cluster:
        m_summary.clusters += sign;
        break;
    case NodeKind::Queue:
        m_summary.queues += sign;
        if (node->queue().dispatchPaused)
            m_summary.pausedQueues += sign;
        break;
    case NodeKind::Token: {
        const QDateTime& expiresAt = node->token().expiresAt;
        m_summary.tokens += sign;
        countExpiry(TokenExpiry::classify(expiresAt, m_now), sign);
        if (sign > 0)
            m_expiring.insert(expiresAt, node);
        else
            m_expiring.remove(expiresAt, node);
        break;
    }
    default:
        break;
    }
}

void OrganizationTreeModel::countExpiry(ExpiryState state, int sign)
{
    switch (state) {
    case ExpiryState::Never:
        m_summary.neverExpiringTokens += sign;
        break;
    case ExpiryState::ExpiringSoon:
        m_summary.expiringSoonTokens += sign;
        break;
    case ExpiryState::Expired:
        m_summary.expiredTokens += sign;
        break;
    case ExpiryState::Valid:
        break;
    }
}

void OrganizationTreeModel::removeRows(Node* container, int first, int last)
{
    beginRemoveRows(indexFor(container), first, last);
    for (int row = first; row <= last; ++row)
        unregisterTree(container->children.at(size_t(row)).get());
    container->children.erase(
        container->children.begin() + first, container->children.begin() + last + 1);
    container->renumber();
    endRemoveRows();
}

void OrganizationTreeModel::syncPlaceholder(Node* container)
{
    std::optional<NodeKind> wanted;
    if (container->error())
        wanted = NodeKind::Error;
    else if (!container->childrenKnown)
        wanted = NodeKind::Loading;

    Node* current = container->placeholder();
    if (!current && !wanted)
        return;
    if (!current) {
        const int row = int(container->children.size());
        beginInsertRows(indexFor(container), row, row);
        auto node = newNode();
        node->kind = *wanted;
        node->setError(container->error());
        container->add(std::move(node), row);
        endInsertRows();
        return;
    }
    if (!wanted) {
        removeRows(container, current->row, current->row);
        return;
    }
    if (current->kind == *wanted && current->error() == container->error())
        return;
    // Same row, new meaning: a change of data, so the row keeps its place under the cursor.
    const QList<Snapshot> before = snapshot({ current });
    current->kind = *wanted;
    current->setError(container->error());
    emitChanges(before);
}

namespace {
template <class Node>
void moveChild(Node* container, int from, int to)
{
    auto node = std::move(container->children[size_t(from)]);
    container->children.erase(container->children.begin() + from);
    container->children.insert(container->children.begin() + to, std::move(node));
    container->renumber();
}
} // namespace

template <class T>
void OrganizationTreeModel::mergeItems(Node* container, QList<T> items, bool report)
{
    items = IdMerge::uniqueById(items);
    if constexpr (!std::is_same_v<T, Cluster>) {
        // Clusters keep the server's order; queues and tokens are sorted, and the tree is the
        // authority on where they live.
        const QString clusterId = container->clusterId();
        for (T& item : items)
            item.clusterId = clusterId;
        std::stable_sort(items.begin(), items.end(), &ItemKind<T>::less);
    }

    QStringList current;
    for (int i = 0; i < container->itemCount(); ++i)
        current.append(container->children.at(size_t(i))->id.toString());
    const QModelIndex parent = indexFor(container);

    IdMerge::apply(
        current, IdMerge::idsOf(items),
        [this, container](
            qsizetype first, qsizetype last) { removeRows(container, int(first), int(last)); },
        [this, container, &parent](qsizetype from, qsizetype to) {
            beginMoveRows(parent, int(from), int(from), parent, int(to > from ? to + 1 : to));
            moveChild(container, int(from), int(to));
            endMoveRows();
        },
        [this, container, &parent, &items, report](qsizetype first, qsizetype last) {
            beginInsertRows(parent, int(first), int(last));
            auto& children = container->children;
            std::vector<std::unique_ptr<Node>> made;
            made.reserve(size_t(last - first + 1));
            for (qsizetype i = first; i <= last; ++i) {
                made.push_back(makeNode(items.at(i), container->clusterId()));
                made.back()->parent = container;
                if (report)
                    noteChanged(items.at(i).id);
            }
            children.insert(children.begin() + first, std::make_move_iterator(made.begin()),
                std::make_move_iterator(made.end()));
            container->renumber();
            for (qsizetype i = first; i <= last; ++i)
                registerTree(children.at(size_t(i)).get());
            endInsertRows();
        },
        [this, container, &items](qsizetype row) {
            updateValue(container->children.at(size_t(row)).get(), items.at(row));
        });
}

template <class T>
void OrganizationTreeModel::updateValue(Node* node, const T& value)
{
    if (holds(node, value))
        return;
    QList<Node*> affected { node };
    if constexpr (std::is_same_v<T, Cluster>) {
        // The default queue badge lives on queue rows: the old and the new default read
        // differently.
        for (const QString& queueId : { node->cluster().defaultQueueId, value.defaultQueueId }) {
            Node* q = queueId.isEmpty() ? nullptr : m_nodes.value(CompactId(queueId));
            if (q && q->kind == NodeKind::Queue && q->parent->parent == node
                && !affected.contains(q))
                affected.append(q);
        }
    }
    const QList<Snapshot> before = snapshot(affected);
    count(node, -1);
    setValue(node, value, node->clusterId());
    count(node, +1);
    emitChanges(before);
    noteChanged(value.id);
}

// ---- organisation state

void OrganizationTreeModel::setOrganization(const QString& slug)
{
    ChangeBatch batch(this);
    beginResetModel();
    m_root->children.clear();
    m_nodes.clear();
    m_changed.clear();
    m_summary = {};
    m_expiring.clear();
    m_checkedAt.clear();
    m_agentTally.reset();
    m_packer.clear();
    m_organization = slug;
    m_loading = false;
    if (!slug.isEmpty()) {
        auto org = newNode();
        org->kind = NodeKind::Organization;
        org->id = CompactId(slug);
        auto loading = newNode();
        loading->kind = NodeKind::Loading;
        org->add(std::move(loading), 0);
        m_root->add(std::move(org), 0);
    }
    endResetModel();
}

void OrganizationTreeModel::setLoading(bool loading)
{
    Node* org = organizationNode();
    if (!org) {
        m_loading = loading;
        return;
    }
    // A retry of something that never loaded shows "Loading…" again instead of the old error;
    // containers that did load keep their error row until the new answer replaces it.
    QList<Node*> retried;
    if (loading) {
        for (int i = 0; i < org->itemCount(); ++i) {
            Node* cluster = org->children.at(size_t(i)).get();
            for (const auto& group : cluster->children) {
                if (!group->childrenKnown && group->error()) {
                    if (!retried.contains(cluster))
                        retried.append(cluster);
                    retried.append(group.get());
                }
            }
        }
    }
    QList<Node*> observed { org };
    observed.append(retried);
    const QList<Snapshot> before = snapshot(observed);
    m_loading = loading;
    if (loading && !org->childrenKnown && org->error()) {
        org->setError(ApiError());
        syncPlaceholder(org);
    }
    for (Node* node : std::as_const(retried)) {
        if (node->kind != NodeKind::Cluster) {
            node->setError(ApiError());
            syncPlaceholder(node);
        }
    }
    emitChanges(before);
}

void OrganizationTreeModel::setOrganizationError(const ApiError& error)
{
    Node* org = organizationNode();
    if (!org)
        return;
    const QList<Snapshot> before = snapshot({ org });
    org->setError(error);
    syncPlaceholder(org);
    emitChanges(before);
}

void OrganizationTreeModel::mergeClusters(const QList<Cluster>& clusters)
{
    Node* org = organizationNode();
    if (!org)
        return;
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    const QList<Snapshot> before = snapshot({ org });
    mergeItems(org, clusters, org->childrenKnown);
    org->childrenKnown = true;
    org->setError(ApiError());
    syncPlaceholder(org);
    emitChanges(before);
    pruneCheckedAt();
}

void OrganizationTreeModel::shareUnchanged(QList<Cluster>& clusters) const
{
    for (Cluster& cluster : clusters) {
        const Node* node = clusterNode(cluster.id);
        if (node && holds(node, cluster))
            cluster = node->cluster();
    }
}

bool OrganizationTreeModel::mergeClusterChildren(
    const QString& clusterId, const QList<Queue>& queues, const QList<AgentToken>& tokens)
{
    Node* cluster = clusterNode(clusterId);
    if (!cluster)
        return false;
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    Node* queueGroup = containerOf<Queue>(clusterId);
    Node* tokenGroup = containerOf<AgentToken>(clusterId);
    const QList<Snapshot> before = snapshot({ cluster, queueGroup, tokenGroup });
    mergeItems(queueGroup, queues, queueGroup->childrenKnown);
    mergeItems(tokenGroup, tokens, tokenGroup->childrenKnown);
    for (Node* group : { queueGroup, tokenGroup }) {
        group->childrenKnown = true;
        group->setError(ApiError());
        syncPlaceholder(group);
    }
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::setClusterError(const QString& clusterId, const ApiError& error)
{
    Node* cluster = clusterNode(clusterId);
    if (!cluster)
        return false;
    Node* queueGroup = cluster->children.at(0).get();
    Node* tokenGroup = cluster->children.at(1).get();
    const QList<Snapshot> before = snapshot({ cluster, queueGroup, tokenGroup });
    for (Node* group : { queueGroup, tokenGroup }) {
        group->setError(error);
        syncPlaceholder(group);
    }
    emitChanges(before);
    return true;
}

void OrganizationTreeModel::mergeSnapshot(const OrganizationSnapshot& snapshot)
{
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    QList<Cluster> clusters;
    for (const ClusterSnapshot& c : snapshot.clusters)
        clusters.append(c.cluster);
    mergeClusters(clusters);
    for (const ClusterSnapshot& c : snapshot.clusters) {
        if (c.error)
            setClusterError(c.cluster.id, c.error);
        else
            mergeClusterChildren(c.cluster.id, c.queues, c.tokens);
    }
}

// ---- one group of a cluster

template <class T>
bool OrganizationTreeModel::mergeGroup(const QString& clusterId, const QList<T>& items)
{
    Node* cluster = clusterNode(clusterId);
    if (!cluster)
        return false;
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    Node* group = containerOf<T>(clusterId);
    const QList<Snapshot> before = snapshot({ cluster, group });
    mergeItems(group, items, group->childrenKnown);
    group->childrenKnown = true;
    group->setError(ApiError());
    syncPlaceholder(group);
    emitChanges(before);
    return true;
}

template <class T>
bool OrganizationTreeModel::setGroupError(const QString& clusterId, const ApiError& error)
{
    Node* cluster = clusterNode(clusterId);
    if (!cluster)
        return false;
    Node* group = containerOf<T>(clusterId);
    const QList<Snapshot> before = snapshot({ cluster, group });
    group->setError(error);
    syncPlaceholder(group);
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::mergeClusterQueues(const QString& clusterId, const QList<Queue>& queues)
{
    return mergeGroup(clusterId, queues);
}

bool OrganizationTreeModel::mergeClusterTokens(
    const QString& clusterId, const QList<AgentToken>& tokens)
{
    return mergeGroup(clusterId, tokens);
}

bool OrganizationTreeModel::setQueuesError(const QString& clusterId, const ApiError& error)
{
    return setGroupError<Queue>(clusterId, error);
}

bool OrganizationTreeModel::setTokensError(const QString& clusterId, const ApiError& error)
{
    return setGroupError<AgentToken>(clusterId, error);
}

// ---- freshness

void OrganizationTreeModel::setListCheckedAt(const QDateTime& when)
{
    if (!m_organization.isEmpty())
        m_checkedAt.insert(m_organization, when);
}

void OrganizationTreeModel::setQueuesCheckedAt(const QString& clusterId, const QDateTime& when)
{
    if (clusterNode(clusterId))
        m_checkedAt.insert(clusterId, when);
}

void OrganizationTreeModel::setTokensCheckedAt(const QString& clusterId, const QDateTime& when)
{
    if (clusterNode(clusterId))
        m_checkedAt.insert(tokenGroupId(clusterId), when);
}

QDateTime OrganizationTreeModel::listCheckedAt() const { return m_checkedAt.value(m_organization); }

QDateTime OrganizationTreeModel::queuesCheckedAt(const QString& clusterId) const
{
    return m_checkedAt.value(clusterId);
}

QDateTime OrganizationTreeModel::tokensCheckedAt(const QString& clusterId) const
{
    return m_checkedAt.value(tokenGroupId(clusterId));
}

QDateTime OrganizationTreeModel::checkedAtOf(const Node* node) const
{
    switch (node->kind) {
    case NodeKind::Organization:
        return listCheckedAt();
    case NodeKind::Cluster:
    case NodeKind::QueueGroup:
    case NodeKind::Queue:
        return queuesCheckedAt(node->clusterId());
    case NodeKind::TokenGroup:
    case NodeKind::Token:
        return tokensCheckedAt(node->clusterId());
    case NodeKind::Loading:
    case NodeKind::Error:
        break;
    }
    return {};
}

void OrganizationTreeModel::pruneCheckedAt()
{
    for (auto it = m_checkedAt.begin(); it != m_checkedAt.end();) {
        const QString& key = it.key();
        const QString clusterId = key.endsWith(QLatin1String("/tokens"))
            ? key.chopped(int(tokenGroupId({}).size()))
            : key;
        if (key != m_organization && !clusterNode(clusterId))
            it = m_checkedAt.erase(it);
        else
            ++it;
    }
}

// ---- single-object changes

void OrganizationTreeModel::upsertCluster(const Cluster& cluster)
{
    Node* org = organizationNode();
    if (!org || cluster.id.isEmpty())
        return;
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    if (Node* node = clusterNode(cluster.id)) {
        updateValue(node, cluster);
        return;
    }
    // A new cluster goes last, where the server lists the newest; the next refresh has the
    // final word on the order.
    const QList<Snapshot> before = snapshot({ org });
    const int row = org->itemCount();
    beginInsertRows(indexFor(org), row, row);
    registerTree(org->add(makeClusterNode(cluster), row));
    endInsertRows();
    noteChanged(cluster.id);
    emitChanges(before);
}

bool OrganizationTreeModel::removeCluster(const QString& id)
{
    // The cluster is gone from Buildkite, and its agents with it: the organisation's totals drop
    // now rather than at the next agents list.
    QStringList queueIds;
    if (m_agentTally) {
        for (const Queue& q : queues(id))
            queueIds.append(q.id);
    }
    if (!removeItem<Cluster>(id, id))
        return false;
    changeAgentsInPlace([&](AgentTally& tally) { tally.removeCluster(id, queueIds); });
    return true;
}

bool OrganizationTreeModel::upsertQueue(const Queue& queue) { return upsertItem(queue); }

bool OrganizationTreeModel::removeQueue(const QString& clusterId, const QString& id)
{
    // As for a cluster: the deleted queue's agents leave its cluster's and the organisation's
    // counts at once.
    const Node* node = m_nodes.value(CompactId(id));
    if (!node || node->kind != NodeKind::Queue || node->clusterId() != clusterId)
        return removeItem<Queue>(clusterId, id);
    const AgentTally::QueueRef queue { id, clusterId, m_packer.text(node->queue().key) };
    if (!removeItem<Queue>(clusterId, id))
        return false;
    changeAgentsInPlace([&](AgentTally& tally) { tally.replaceQueue(queue, {}); });
    return true;
}

bool OrganizationTreeModel::upsertToken(const AgentToken& token) { return upsertItem(token); }

bool OrganizationTreeModel::removeToken(const QString& clusterId, const QString& id)
{
    return removeItem<AgentToken>(clusterId, id);
}

template <class T>
bool OrganizationTreeModel::upsertItem(const T& item)
{
    Node* group = containerOf<T>(item.clusterId);
    if (!group || item.id.isEmpty())
        return false;
    ChangeBatch batch(this, ChangeBatch::ReadClock);
    // Merged like a refresh of the group that changed only this item, so it lands in (or moves
    // to) its sorted place with the same signals.
    QList<T> target = items<T>(item.clusterId);
    const auto it
        = std::find_if(target.begin(), target.end(), [&](const T& t) { return t.id == item.id; });
    if (it != target.end())
        *it = item;
    else
        target.append(item);
    // The cluster too: its badges count the group's items.
    const QList<Snapshot> before = snapshot({ group, group->parent });
    mergeItems(group, target, true);
    emitChanges(before);
    return true;
}

template <class T>
bool OrganizationTreeModel::removeItem(const QString& clusterId, const QString& id)
{
    Node* node = m_nodes.value(CompactId(id));
    if (!node || node->kind != ItemKind<T>::kind || node->clusterId() != clusterId)
        return false;
    ChangeBatch batch(this);
    Node* container = node->parent;
    QList<Node*> observed { container };
    if constexpr (!std::is_same_v<T, Cluster>)
        observed.append(container->parent); // the cluster's badges
    const QList<Snapshot> before = snapshot(observed);
    removeRows(container, node->row, node->row);
    emitChanges(before);
    return true;
}

// ---- clock

void OrganizationTreeModel::setNow(const QDateTime& now)
{
    ChangeBatch batch(this);
    m_fixedNow = now;
    moveClock(now.isValid() ? now : QDateTime::currentDateTimeUtc());
}

void OrganizationTreeModel::updateExpiry()
{
    ChangeBatch batch(this);
    if (!m_fixedNow.isValid())
        moveClock(QDateTime::currentDateTimeUtc());
}

void OrganizationTreeModel::moveClock(const QDateTime& now)
{
    // Only the expiry state (and the tooltip that names it) depends on the clock, and it changes
    // only for the tokens the index finds between the two times.
    QList<Node*> affected;
    for (Node* node : m_expiring.crossing(m_now, now)) {
        const QDateTime& expiresAt = node->token().expiresAt;
        if (TokenExpiry::classify(expiresAt, m_now) != TokenExpiry::classify(expiresAt, now))
            affected.append(node);
    }
    if (affected.isEmpty()) {
        m_now = now;
        return;
    }
    QList<Node*> observed = affected;
    for (Node* node : std::as_const(affected)) {
        Node* cluster = node->parent->parent; // its expired-token badge
        if (!observed.contains(cluster))
            observed.append(cluster);
    }
    const QList<Snapshot> before = snapshot(observed);
    for (Node* node : std::as_const(affected))
        countExpiry(TokenExpiry::classify(node->token().expiresAt, m_now), -1);
    m_now = now;
    for (Node* node : std::as_const(affected))
        countExpiry(TokenExpiry::classify(node->token().expiresAt, m_now), +1);
    emitChanges(before);
}

// ---- lookup

quint32 OrganizationTreeModel::serial(const QModelIndex& index) const
{
    return index.isValid() ? nodeFor(index)->serial : 0;
}

OrganizationTreeModel::NodeKind OrganizationTreeModel::kind(const QModelIndex& index) const
{
    return index.isValid() ? nodeFor(index)->kind : NodeKind::Organization;
}

OrganizationTreeModel::SearchRow OrganizationTreeModel::searchRow(const QModelIndex& index) const
{
    SearchRow row;
    if (!index.isValid())
        return row;
    const Node* node = nodeFor(index);
    row.kind = node->kind;
    row.key = m_packer.searchKey(node->searchKey);
    row.id = &node->id;
    row.idFolded = node->idFolded;
    row.idHex = node->idHex;
    if (node->kind == NodeKind::Queue) {
        row.paused = node->queue().dispatchPaused;
        row.hosted = node->queue().hosted;
    } else if (node->kind == NodeKind::Token) {
        row.expiry = TokenExpiry::classify(node->token().expiresAt, m_now);
    }
    return row;
}

QModelIndex OrganizationTreeModel::organizationIndex() const
{
    return indexFor(organizationNode());
}

QModelIndex OrganizationTreeModel::indexForId(const QString& id) const
{
    Node* node = m_nodes.value(CompactId(id));
    return node ? indexFor(node) : QModelIndex();
}

QModelIndex OrganizationTreeModel::groupIndex(const QString& clusterId, NodeKind group) const
{
    if (group == NodeKind::QueueGroup)
        return indexForId(queueGroupId(clusterId));
    if (group == NodeKind::TokenGroup)
        return indexForId(tokenGroupId(clusterId));
    return {};
}

std::optional<Cluster> OrganizationTreeModel::clusterForId(const QString& id) const
{
    const Node* node = clusterNode(id);
    return node ? std::optional<Cluster>(node->cluster()) : std::nullopt;
}

std::optional<Queue> OrganizationTreeModel::queue(const QString& id) const
{
    const Node* node = m_nodes.value(CompactId(id));
    return node && node->kind == NodeKind::Queue ? std::optional<Queue>(queueValue(node))
                                                 : std::nullopt;
}

std::optional<AgentToken> OrganizationTreeModel::token(const QString& id) const
{
    const Node* node = m_nodes.value(CompactId(id));
    return node && node->kind == NodeKind::Token ? std::optional<AgentToken>(tokenValue(node))
                                                 : std::nullopt;
}

template <class T>
QList<T> OrganizationTreeModel::items(const QString& clusterId) const
{
    QList<T> out;
    if (const Node* container = containerOf<T>(clusterId)) {
        out.reserve(container->itemCount());
        for (int i = 0; i < container->itemCount(); ++i)
            out.append(valueOf<T>(container->children.at(size_t(i)).get()));
    }
    return out;
}

QList<Cluster> OrganizationTreeModel::clusters() const { return items<Cluster>({}); }

QList<Queue> OrganizationTreeModel::queues(const QString& clusterId) const
{
    return items<Queue>(clusterId);
}

QList<AgentToken> OrganizationTreeModel::tokens(const QString& clusterId) const
{
    return items<AgentToken>(clusterId);
}

// ---- agents

namespace {
bool isSelfHosted(const PackedQueue& queue) { return !queue.hosted && !queue.instanceShape; }
} // namespace

std::optional<AgentCounts> OrganizationTreeModel::nodeAgentCounts(const Node* node) const
{
    if (!m_agentTally)
        return std::nullopt;
    switch (node->kind) {
    case NodeKind::Organization:
        return m_agentTally->total();
    case NodeKind::Cluster:
        return m_agentTally->forCluster(node->id);
    case NodeKind::Queue: {
        // By the packed id, with no text made: this is read for 50,000 queues when agents merge.
        // The cluster id and key as text only when some agent is placed by them.
        AgentCounts counts = m_agentTally->forQueueId(node->id);
        if (m_agentTally->placesByKey())
            counts
                += m_agentTally->forQueueKey(node->clusterId(), m_packer.text(node->queue().key));
        return counts;
    }
    default:
        return std::nullopt;
    }
}

QVariant OrganizationTreeModel::agentData(const Node* node, int role) const
{
    const auto counts = nodeAgentCounts(node);
    if (!counts)
        return {};
    switch (role) {
    case AgentsConnectedRole:
        return counts->connected;
    case AgentsBusyRole:
        return counts->busy;
    case AgentsPausedRole:
        return counts->paused;
    }
    return {};
}

QString OrganizationTreeModel::agentTooltip(const Node* node) const
{
    const auto counts = nodeAgentCounts(node);
    if (!counts)
        return {};
    if (counts->connected == 0)
        return node->kind == NodeKind::Queue && !isSelfHosted(node->queue())
            ? tr("No agents running: Buildkite starts them when jobs arrive")
            : tr("No agents connected");
    return RowText::agentsText(*counts);
}

void OrganizationTreeModel::countAgents(Node* node, int sign)
{
    if (node->kind != NodeKind::Queue || !m_agentTally || !isSelfHosted(node->queue()))
        return;
    if (nodeAgentCounts(node)->connected == 0)
        m_summary.queuesWithoutAgents += sign;
}

std::optional<AgentCounts> OrganizationTreeModel::agentCounts(const QString& id) const
{
    if (id.isEmpty())
        return std::nullopt;
    if (id == m_organization) {
        const Node* org = organizationNode();
        return org ? nodeAgentCounts(org) : std::nullopt;
    }
    const Node* node = m_nodes.value(CompactId(id));
    return node ? nodeAgentCounts(node) : std::nullopt;
}

OrganizationTreeModel::Node* OrganizationTreeModel::queueNodeByKey(
    const QString& clusterId, const QString& key) const
{
    const Node* group = containerOf<Queue>(clusterId);
    if (!group)
        return nullptr;
    for (int i = 0; i < group->itemCount(); ++i) {
        Node* queue = group->children.at(size_t(i)).get();
        if (m_packer.text(queue->queue().key) == key)
            return queue;
    }
    return nullptr;
}

void OrganizationTreeModel::mergeAgents(const QList<Agent>& agents)
{
    AgentTally::Listing listing;
    for (const Agent& agent : agents)
        listing.note(agent, agentTally());
    mergeAgents(std::move(listing));
}

void OrganizationTreeModel::mergeAgents(AgentTally::Listing listing)
{
    if (listing.isWhole()) {
        applyAgentTally(listing.takeWhole());
        return;
    }
    // Measured against the live tally: it is updated in place, only where the listing differs.
    changeAgentsInPlace([&listing](AgentTally& tally) { tally.apply(listing); });
}

void OrganizationTreeModel::changeAgentsInPlace(const std::function<void(AgentTally&)>& change)
{
    if (!m_agentTally)
        return;
    if (!organizationNode()) { // no rows to report, but the counts still change
        change(*m_agentTally);
        return;
    }
    ChangeBatch batch(this);
    m_agentTally->beginJournal();
    change(*m_agentTally);
    AgentTally::Journal was = m_agentTally->endJournal();
    const AgentTally::Difference d = m_agentTally->changedSince(was);
    if (d.isEmpty())
        return;
    const QList<Node*> affected = agentRows(d);
    // The rows are read as they were with the counts put back for a moment: no copy of the
    // tally, whose agents already moved.
    m_agentTally->swapCounts(was);
    const QList<Snapshot> before = snapshot(affected, agentRoles());
    for (Node* node : affected)
        countAgents(node, -1);
    m_agentTally->swapCounts(was);
    for (Node* node : affected)
        countAgents(node, +1);
    updateAgentSummary();
    emitChanges(before);
}

QList<OrganizationTreeModel::Node*> OrganizationTreeModel::agentRows(
    const AgentTally::Difference& d) const
{
    QList<Node*> rows;
    QSet<Node*> seen;
    auto touch = [&](Node* node) {
        if (node && !seen.contains(node)) {
            seen.insert(node);
            rows.append(node);
        }
    };
    for (const QString& id : d.queueIds) {
        Node* node = m_nodes.value(CompactId(id));
        if (node && node->kind == NodeKind::Queue)
            touch(node);
    }
    for (const auto& [clusterId, key] : d.queueKeys)
        touch(queueNodeByKey(clusterId, key));
    for (const QString& id : d.clusterIds)
        touch(clusterNode(id));
    if (d.totals)
        touch(organizationNode());
    return rows;
}

bool OrganizationTreeModel::mergeQueueAgents(const QString& queueId, const QList<Agent>& agents)
{
    const Node* node = m_nodes.value(CompactId(queueId));
    if (!m_agentTally || !node || node->kind != NodeKind::Queue)
        return false;
    const AgentTally::QueueRef queue { queueId, node->clusterId(),
        m_packer.text(node->queue().key) };
    changeAgentsInPlace([&](AgentTally& tally) { tally.replaceQueue(queue, agents); });
    return true;
}

void OrganizationTreeModel::clearAgents() { applyAgentTally(std::nullopt); }

void OrganizationTreeModel::applyAgentTally(std::optional<AgentTally> next)
{
    Node* org = organizationNode();
    if (!org || (!m_agentTally && !next)) {
        m_agentTally = std::move(next);
        return;
    }
    ChangeBatch batch(this);
    if (m_agentTally.has_value() != next.has_value()) {
        // Known or unknown: every count on every queue, cluster and the organisation turns valid
        // or invalid, so nothing needs comparing, and one signal per group of rows says it (a
        // snapshot of 50,000 queues would hold every value twice, for nothing).
        std::vector<Node*> queues;
        for (Node* node : std::as_const(m_nodes)) {
            if (node->kind == NodeKind::Queue)
                queues.push_back(node);
        }
        for (Node* node : queues)
            countAgents(node, -1);
        m_agentTally = std::move(next);
        for (Node* node : queues)
            countAgents(node, +1);
        updateAgentSummary();
        static const QList<int> countRoles { AgentsConnectedRole, AgentsBusyRole,
            AgentsPausedRole };
        const QModelIndex orgIndex = indexFor(org);
        Q_EMIT dataChanged(orgIndex, orgIndex, countRoles);
        const int clusters = org->itemCount();
        if (clusters > 0) {
            Q_EMIT dataChanged(index(0, 0, orgIndex), index(clusters - 1, 0, orgIndex), countRoles);
            for (int c = 0; c < clusters; ++c) {
                const Node* group = org->children.at(size_t(c))->children.at(0).get();
                if (group->itemCount() > 0) {
                    const QModelIndex parent = indexFor(group);
                    Q_EMIT dataChanged(index(0, 0, parent),
                        index(group->itemCount() - 1, 0, parent), agentRoles());
                }
            }
        }
        return;
    }
    // Only the rows whose counts read differently are compared and reported, and only in the
    // roles counts change.
    QList<Node*> affected;
    {
        const AgentTally::Difference d = AgentTally::difference(*m_agentTally, *next);
        if (d.isEmpty()) {
            m_agentTally = std::move(next);
            return;
        }
        affected = agentRows(d);
    }

    const QList<Snapshot> before = snapshot(affected, agentRoles());
    for (Node* node : std::as_const(affected))
        countAgents(node, -1);
    m_agentTally = std::move(next);
    for (Node* node : std::as_const(affected))
        countAgents(node, +1);
    updateAgentSummary();
    emitChanges(before);
}

void OrganizationTreeModel::updateAgentSummary()
{
    const AgentCounts total = m_agentTally ? m_agentTally->total() : AgentCounts {};
    m_summary.agentsKnown = m_agentTally.has_value();
    m_summary.agentsConnected = total.connected;
    m_summary.agentsBusy = total.busy;
    m_summary.agentsPaused = total.paused;
    m_summary.agentsUnassigned = m_agentTally ? m_agentTally->unassigned().connected : 0;
}
