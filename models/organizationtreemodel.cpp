// SPDX-License-Identifier: MIT
#include "organizationtreemodel.h"

#include "idmerge.h"
#include "modelslogging.h"
#include "organizationsnapshot.h"
#include "queuelistmodel.h"

#include <QLocale>
#include <QMetaEnum>

#include <algorithm>
#include <type_traits>
#include <variant>
#include <vector>

using NodeKind = OrganizationTreeModel::NodeKind;

struct OrganizationTreeModel::Node {
    NodeKind kind = NodeKind::Organization;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    QString id;
    QString clusterId;
    std::variant<std::monostate, Cluster, Queue, AgentToken> value;
    // Containers (organisation, groups): whether the children were ever loaded, and why the
    // last load failed. Error rows carry the error they show.
    bool childrenKnown = false;
    ApiError error;

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
    const Cluster& cluster() const { return std::get<Cluster>(value); }
    const Queue& queue() const { return std::get<Queue>(value); }
    const AgentToken& token() const { return std::get<AgentToken>(value); }
};

struct OrganizationTreeModel::Snapshot {
    Node* node;
    QList<QVariant> values;
};

// Collects changedIds over one public call, however many merges it makes, and emits them once.
class OrganizationTreeModel::ChangeBatch final {
public:
    explicit ChangeBatch(OrganizationTreeModel* model)
        : m_model(model)
    {
        ++m_model->m_batchDepth;
    }
    ~ChangeBatch()
    {
        if (--m_model->m_batchDepth > 0 || m_model->m_changed.isEmpty())
            return;
        QStringList ids;
        ids.swap(m_model->m_changed);
        ids.removeDuplicates();
        Q_EMIT m_model->changedIds(ids);
    }
    ChangeBatch(const ChangeBatch&) = delete;
    ChangeBatch& operator=(const ChangeBatch&) = delete;

private:
    OrganizationTreeModel* m_model;
};

namespace {

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

bool itemLess(const Queue& a, const Queue& b) { return OrganizationTreeModel::queueLessThan(a, b); }
bool itemLess(const AgentToken& a, const AgentToken& b)
{
    return OrganizationTreeModel::tokenLessThan(a, b);
}

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
    if (!index.isValid() || !checkIndex(index))
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
    if (!index.isValid() || !checkIndex(index))
        return {};
    return nodeData(nodeFor(index), role);
}

QVariant OrganizationTreeModel::nodeData(const Node* node, int role) const
{
    if (role == KindRole)
        return QVariant::fromValue(node->kind);
    if (role == Qt::ToolTipRole) {
        const QString tip = nodeTooltip(node);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (role == ClusterIdRole && node->kind != NodeKind::Organization)
        return node->clusterId.isEmpty() ? QVariant() : QVariant(node->clusterId);

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
            return !node->childrenKnown && !node->error;
        case ErrorRole:
            return node->error ? QVariant(errorText(node->error)) : QVariant();
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
            return ModelRoles::searchText(c);
        case ClusterRole:
            return QVariant::fromValue(c);
        case EmojiRole:
            return c.emoji;
        case ColorRole:
            return c.color;
        case DescriptionRole:
            return c.description;
        case ErrorRole:
            // A failed queue or token load shows as a badge on the cluster too.
            for (const auto& group : node->children) {
                if (group->error)
                    return errorText(group->error);
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
            return node->id;
        case SortRole:
            return queues ? 0 : 1;
        case CountRole:
            return node->childrenKnown ? QVariant(node->itemCount()) : QVariant();
        case BusyRole:
            return !node->childrenKnown && !node->error;
        case ErrorRole:
            return node->error ? QVariant(errorText(node->error)) : QVariant();
        }
        return {};
    }

    case NodeKind::Queue: {
        const Queue& q = node->queue();
        switch (role) {
        case Qt::DisplayRole:
        case SortRole:
            return q.key;
        case IdRole:
            return q.id;
        case SearchTextRole:
            return ModelRoles::searchText(q);
        case QueueRole:
            return QVariant::fromValue(q);
        case PausedRole:
            return q.dispatchPaused;
        case HostedRole:
            return q.hosted;
        case InstanceShapeRole:
            return q.hosted && q.instanceShape.isValid() ? q.instanceShape.displayName()
                                                         : QString();
        case DescriptionRole:
            return q.description;
        case IsDefaultQueueRole: {
            const Node* cluster = node->parent ? node->parent->parent : nullptr;
            return cluster && cluster->kind == NodeKind::Cluster
                && cluster->cluster().defaultQueueId == q.id;
        }
        }
        return {};
    }

    case NodeKind::Token: {
        const AgentToken& t = node->token();
        switch (role) {
        case Qt::DisplayRole:
            return t.description.isEmpty() ? tr("Untitled token") : t.description;
        case SortRole:
        case DescriptionRole:
            return t.description;
        case IdRole:
            return t.id;
        case SearchTextRole:
            return ModelRoles::searchText(t);
        case AgentTokenRole:
            return QVariant::fromValue(t);
        case ExpiryRole:
            return t.expiresAt;
        case ExpiryStateRole:
            return QVariant::fromValue(ModelRoles::tokenExpiry(t, m_now));
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
            return errorText(node->error);
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
        return node->error ? node->error.toString() : QString();
    case NodeKind::Loading:
        return {};
    case NodeKind::Cluster: {
        const Cluster& c = node->cluster();
        QString failure;
        for (const auto& group : node->children) {
            if (group->error && failure.isEmpty())
                failure = group->error.toString();
        }
        return joined({ c.name, c.description, failure });
    }
    case NodeKind::Queue: {
        const Queue& q = node->queue();
        const bool isDefault = nodeData(node, IsDefaultQueueRole).toBool();
        return joined({ q.key, q.description, QueueListModel::pauseText(q),
            q.hosted ? QueueListModel::hostingText(q) : QString(),
            isDefault ? tr("Default queue of the cluster") : QString() });
    }
    case NodeKind::Token: {
        const AgentToken& t = node->token();
        QString expiry;
        if (t.neverExpires()) {
            expiry = tr("Never expires");
        } else {
            expiry = tr("Expires %1")
                         .arg(QLocale().toString(t.expiresAt.toLocalTime(), QLocale::LongFormat));
            const auto state = ModelRoles::tokenExpiry(t, m_now);
            if (state == ExpiryState::Expired || state == ExpiryState::ExpiringSoon)
                expiry += QStringLiteral(" (%1)").arg(ModelRoles::tokenExpiryText(state));
        }
        const QString ips = t.allowedIpAddresses.isEmpty()
            ? QString()
            : tr("Allowed IP addresses: %1").arg(t.allowedIpAddresses);
        return joined({ t.description, expiry, ips });
    }
    }
    return {};
}

// ---- change reporting

QList<OrganizationTreeModel::Snapshot> OrganizationTreeModel::snapshot(
    const QList<Node*>& nodes) const
{
    QList<Snapshot> out;
    out.reserve(nodes.size());
    for (Node* node : nodes) {
        Snapshot s { node, {} };
        s.values.reserve(comparedRoles().size());
        for (int role : comparedRoles())
            s.values.append(nodeData(node, role));
        out.append(std::move(s));
    }
    return out;
}

void OrganizationTreeModel::emitChanges(const QList<Snapshot>& before)
{
    const QList<int>& roles = comparedRoles();
    for (const Snapshot& s : before) {
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

OrganizationTreeModel::Node* OrganizationTreeModel::organizationNode() const
{
    return m_root->children.empty() ? nullptr : m_root->children.front().get();
}

OrganizationTreeModel::Node* OrganizationTreeModel::clusterNode(const QString& id) const
{
    Node* node = m_nodes.value(id);
    return node && node->kind == NodeKind::Cluster ? node : nullptr;
}

std::unique_ptr<OrganizationTreeModel::Node> OrganizationTreeModel::makeClusterNode(
    const Cluster& cluster)
{
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Cluster;
    node->id = cluster.id;
    node->clusterId = cluster.id;
    node->value = cluster;
    for (NodeKind kind : { NodeKind::QueueGroup, NodeKind::TokenGroup }) {
        auto group = std::make_unique<Node>();
        group->kind = kind;
        group->clusterId = cluster.id;
        group->id
            = kind == NodeKind::QueueGroup ? queueGroupId(cluster.id) : tokenGroupId(cluster.id);
        auto loading = std::make_unique<Node>();
        loading->kind = NodeKind::Loading;
        loading->clusterId = cluster.id;
        group->add(std::move(loading), 0);
        node->add(std::move(group), int(node->children.size()));
    }
    return node;
}

void OrganizationTreeModel::registerTree(Node* node)
{
    if (!node->id.isEmpty() && node->kind != NodeKind::Organization) {
        if (Node* other = m_nodes.value(node->id); other && other != node)
            qCWarning(lcModels) << "duplicate id in the tree:" << node->id;
        m_nodes.insert(node->id, node);
    }
    for (const auto& child : node->children)
        registerTree(child.get());
}

void OrganizationTreeModel::unregisterTree(Node* node)
{
    for (const auto& child : node->children)
        unregisterTree(child.get());
    if (!node->id.isEmpty()) {
        const auto it = m_nodes.constFind(node->id);
        if (it != m_nodes.cend() && it.value() == node)
            m_nodes.erase(it);
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
    if (container->error)
        wanted = NodeKind::Error;
    else if (!container->childrenKnown)
        wanted = NodeKind::Loading;

    Node* current = container->placeholder();
    if (!current && !wanted)
        return;
    if (!current) {
        const int row = int(container->children.size());
        beginInsertRows(indexFor(container), row, row);
        auto node = std::make_unique<Node>();
        node->kind = *wanted;
        node->clusterId = container->clusterId;
        node->error = container->error;
        container->add(std::move(node), row);
        endInsertRows();
        return;
    }
    if (!wanted) {
        removeRows(container, current->row, current->row);
        return;
    }
    if (current->kind == *wanted && current->error == container->error)
        return;
    // Same row, new meaning: a change of data, so the row keeps its place under the cursor.
    const QList<Snapshot> before = snapshot({ current });
    current->kind = *wanted;
    current->error = container->error;
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
void OrganizationTreeModel::mergeItems(Node* group, QList<T> items, bool report)
{
    constexpr NodeKind kind = std::is_same_v<T, Queue> ? NodeKind::Queue : NodeKind::Token;
    items = IdMerge::uniqueById(items);
    for (T& item : items)
        item.clusterId = group->clusterId; // the tree is the authority on where an item lives
    std::stable_sort(
        items.begin(), items.end(), [](const T& a, const T& b) { return itemLess(a, b); });

    QStringList current;
    for (int i = 0; i < group->itemCount(); ++i)
        current.append(group->children.at(size_t(i))->id);
    const QModelIndex parent = indexFor(group);

    IdMerge::apply(
        current, IdMerge::idsOf(items),
        [this, group](
            qsizetype first, qsizetype last) { removeRows(group, int(first), int(last)); },
        [this, group, &parent](qsizetype from, qsizetype to) {
            beginMoveRows(parent, int(from), int(from), parent, int(to > from ? to + 1 : to));
            moveChild(group, int(from), int(to));
            endMoveRows();
        },
        [this, group, &parent, &items, report](qsizetype first, qsizetype last) {
            beginInsertRows(parent, int(first), int(last));
            for (qsizetype i = first; i <= last; ++i) {
                auto node = std::make_unique<Node>();
                node->kind = kind;
                node->id = items.at(i).id;
                node->clusterId = group->clusterId;
                node->value = items.at(i);
                registerTree(group->add(std::move(node), int(i)));
                if (report)
                    noteChanged(items.at(i).id);
            }
            endInsertRows();
        },
        [this, group, &items](
            qsizetype row) { updateValue(group->children.at(size_t(row)).get(), items.at(row)); });
}

void OrganizationTreeModel::updateValue(Node* node, const Cluster& cluster)
{
    const Cluster& old = node->cluster();
    if (old == cluster)
        return;
    // The default queue badge lives on queue rows: the old and the new default read differently.
    QList<Node*> affected { node };
    for (const QString& queueId : { old.defaultQueueId, cluster.defaultQueueId }) {
        Node* q = queueId.isEmpty() ? nullptr : m_nodes.value(queueId);
        if (q && q->kind == NodeKind::Queue && q->clusterId == node->id && !affected.contains(q))
            affected.append(q);
    }
    const QList<Snapshot> before = snapshot(affected);
    node->value = cluster;
    emitChanges(before);
    noteChanged(cluster.id);
}

void OrganizationTreeModel::updateValue(Node* node, const Queue& queue)
{
    if (node->queue() == queue)
        return;
    const QList<Snapshot> before = snapshot({ node });
    node->value = queue;
    emitChanges(before);
    noteChanged(queue.id);
}

void OrganizationTreeModel::updateValue(Node* node, const AgentToken& token)
{
    if (node->token() == token)
        return;
    const QList<Snapshot> before = snapshot({ node });
    node->value = token;
    emitChanges(before);
    noteChanged(token.id);
}

// ---- organisation state

void OrganizationTreeModel::setOrganization(const QString& slug)
{
    beginResetModel();
    m_root->children.clear();
    m_nodes.clear();
    m_changed.clear();
    m_organization = slug;
    m_loading = false;
    if (!slug.isEmpty()) {
        auto org = std::make_unique<Node>();
        org->kind = NodeKind::Organization;
        org->id = slug;
        auto loading = std::make_unique<Node>();
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
                if (!group->childrenKnown && group->error) {
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
    if (loading && !org->childrenKnown && org->error) {
        org->error = ApiError();
        syncPlaceholder(org);
    }
    for (Node* node : std::as_const(retried)) {
        if (node->kind != NodeKind::Cluster) {
            node->error = ApiError();
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
    org->error = error;
    syncPlaceholder(org);
    emitChanges(before);
}

void OrganizationTreeModel::mergeClusters(const QList<Cluster>& clusters)
{
    Node* org = organizationNode();
    if (!org)
        return;
    ChangeBatch batch(this);
    updateExpiry();
    const bool report = org->childrenKnown;
    const QList<Cluster> target = IdMerge::uniqueById(clusters);
    const QList<Snapshot> before = snapshot({ org });

    QStringList current;
    for (int i = 0; i < org->itemCount(); ++i)
        current.append(org->children.at(size_t(i))->id);
    const QModelIndex parent = indexFor(org);

    IdMerge::apply(
        current, IdMerge::idsOf(target),
        [this, org](qsizetype first, qsizetype last) { removeRows(org, int(first), int(last)); },
        [this, org, &parent](qsizetype from, qsizetype to) {
            beginMoveRows(parent, int(from), int(from), parent, int(to > from ? to + 1 : to));
            moveChild(org, int(from), int(to));
            endMoveRows();
        },
        [this, org, &parent, &target, report](qsizetype first, qsizetype last) {
            beginInsertRows(parent, int(first), int(last));
            for (qsizetype i = first; i <= last; ++i) {
                registerTree(org->add(makeClusterNode(target.at(i)), int(i)));
                if (report)
                    noteChanged(target.at(i).id);
            }
            endInsertRows();
        },
        [this, org, &target](
            qsizetype row) { updateValue(org->children.at(size_t(row)).get(), target.at(row)); });

    org->childrenKnown = true;
    org->error = ApiError();
    syncPlaceholder(org);
    emitChanges(before);
}

bool OrganizationTreeModel::mergeClusterChildren(
    const QString& clusterId, const QList<Queue>& queues, const QList<AgentToken>& tokens)
{
    Node* cluster = clusterNode(clusterId);
    if (!cluster)
        return false;
    ChangeBatch batch(this);
    updateExpiry();
    Node* queueGroup = cluster->children.at(0).get();
    Node* tokenGroup = cluster->children.at(1).get();
    const QList<Snapshot> before = snapshot({ cluster, queueGroup, tokenGroup });
    mergeItems(queueGroup, queues, queueGroup->childrenKnown);
    mergeItems(tokenGroup, tokens, tokenGroup->childrenKnown);
    for (Node* group : { queueGroup, tokenGroup }) {
        group->childrenKnown = true;
        group->error = ApiError();
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
        group->error = error;
        syncPlaceholder(group);
    }
    emitChanges(before);
    return true;
}

void OrganizationTreeModel::mergeSnapshot(const OrganizationSnapshot& snapshot)
{
    ChangeBatch batch(this);
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

// ---- single-object changes

void OrganizationTreeModel::upsertCluster(const Cluster& cluster)
{
    Node* org = organizationNode();
    if (!org || cluster.id.isEmpty())
        return;
    ChangeBatch batch(this);
    if (Node* node = clusterNode(cluster.id)) {
        updateValue(node, cluster);
        return;
    }
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
    Node* node = clusterNode(id);
    if (!node)
        return false;
    Node* org = node->parent;
    const QList<Snapshot> before = snapshot({ org });
    removeRows(org, node->row, node->row);
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::upsertQueue(const Queue& queue)
{
    Node* cluster = clusterNode(queue.clusterId);
    if (!cluster || queue.id.isEmpty())
        return false;
    ChangeBatch batch(this);
    Node* group = cluster->children.at(0).get();
    QList<Queue> items = queues(queue.clusterId);
    const auto it = std::find_if(
        items.begin(), items.end(), [&](const Queue& q) { return q.id == queue.id; });
    if (it != items.end())
        *it = queue;
    else
        items.append(queue);
    const QList<Snapshot> before = snapshot({ group });
    mergeItems(group, items, true);
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::upsertToken(const AgentToken& token)
{
    Node* cluster = clusterNode(token.clusterId);
    if (!cluster || token.id.isEmpty())
        return false;
    ChangeBatch batch(this);
    updateExpiry();
    Node* group = cluster->children.at(1).get();
    QList<AgentToken> items = tokens(token.clusterId);
    const auto it = std::find_if(
        items.begin(), items.end(), [&](const AgentToken& t) { return t.id == token.id; });
    if (it != items.end())
        *it = token;
    else
        items.append(token);
    const QList<Snapshot> before = snapshot({ group });
    mergeItems(group, items, true);
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::removeQueue(const QString& clusterId, const QString& id)
{
    Node* node = m_nodes.value(id);
    if (!node || node->kind != NodeKind::Queue || node->clusterId != clusterId)
        return false;
    Node* group = node->parent;
    const QList<Snapshot> before = snapshot({ group });
    removeRows(group, node->row, node->row);
    emitChanges(before);
    return true;
}

bool OrganizationTreeModel::removeToken(const QString& clusterId, const QString& id)
{
    Node* node = m_nodes.value(id);
    if (!node || node->kind != NodeKind::Token || node->clusterId != clusterId)
        return false;
    Node* group = node->parent;
    const QList<Snapshot> before = snapshot({ group });
    removeRows(group, node->row, node->row);
    emitChanges(before);
    return true;
}

// ---- clock

void OrganizationTreeModel::setNow(const QDateTime& now)
{
    m_fixedNow = now;
    moveClock(now.isValid() ? now : QDateTime::currentDateTimeUtc());
}

void OrganizationTreeModel::updateExpiry()
{
    if (!m_fixedNow.isValid())
        moveClock(QDateTime::currentDateTimeUtc());
}

void OrganizationTreeModel::moveClock(const QDateTime& now)
{
    // Only the expiry state (and the tooltip that names it) depends on the clock.
    QList<Node*> affected;
    for (Node* node : std::as_const(m_nodes)) {
        if (node->kind == NodeKind::Token
            && ModelRoles::tokenExpiry(node->token(), m_now)
                != ModelRoles::tokenExpiry(node->token(), now))
            affected.append(node);
    }
    if (affected.isEmpty()) {
        m_now = now;
        return;
    }
    const QList<Snapshot> before = snapshot(affected);
    m_now = now;
    emitChanges(before);
}

// ---- lookup

QModelIndex OrganizationTreeModel::organizationIndex() const
{
    return indexFor(organizationNode());
}

QModelIndex OrganizationTreeModel::indexForId(const QString& id) const
{
    Node* node = m_nodes.value(id);
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
    const Node* node = m_nodes.value(id);
    return node && node->kind == NodeKind::Queue ? std::optional<Queue>(node->queue())
                                                 : std::nullopt;
}

std::optional<AgentToken> OrganizationTreeModel::token(const QString& id) const
{
    const Node* node = m_nodes.value(id);
    return node && node->kind == NodeKind::Token ? std::optional<AgentToken>(node->token())
                                                 : std::nullopt;
}

QList<Cluster> OrganizationTreeModel::clusters() const
{
    QList<Cluster> out;
    if (const Node* org = organizationNode()) {
        for (int i = 0; i < org->itemCount(); ++i)
            out.append(org->children.at(size_t(i))->cluster());
    }
    return out;
}

QList<Queue> OrganizationTreeModel::queues(const QString& clusterId) const
{
    QList<Queue> out;
    if (const Node* cluster = clusterNode(clusterId)) {
        const Node* group = cluster->children.at(0).get();
        for (int i = 0; i < group->itemCount(); ++i)
            out.append(group->children.at(size_t(i))->queue());
    }
    return out;
}

QList<AgentToken> OrganizationTreeModel::tokens(const QString& clusterId) const
{
    QList<AgentToken> out;
    if (const Node* cluster = clusterNode(clusterId)) {
        const Node* group = cluster->children.at(1).get();
        for (int i = 0; i < group->itemCount(); ++i)
            out.append(group->children.at(size_t(i))->token());
    }
    return out;
}
