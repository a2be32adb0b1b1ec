// SPDX-License-Identifier: MIT
#include "attentionmodel.h"

#include "domain/tokenexpiry.h"
#include "idmerge.h"
#include "organizationtreemodel.h"
#include "rowtext.h"

#include <QAbstractProxyModel>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <iterator>

using Section = AttentionModel::Section;

namespace {
constexpr quintptr sectionRowId = 0; // internalId of section rows; items: section + 1

using TreeKind = OrganizationTreeModel::NodeKind;

TreeKind kindOf(const QModelIndex& index) { return index.data(ModelRoles::Kind).value<TreeKind>(); }

QString userName(const User& user) { return user.name.isEmpty() ? user.email : user.name; }

QString createdBy(const AgentToken& t)
{
    const QString who = userName(t.createdBy);
    return who.isEmpty() ? QString() : AttentionModel::tr("created by %1").arg(who);
}

QString joinedDetails(const QString& first, const QString& second)
{
    return second.isEmpty() ? first : QStringLiteral("%1 · %2").arg(first, second);
}
} // namespace

AttentionModel::AttentionModel(QObject* parent)
    : QAbstractItemModel(parent)
{
    // What a row costs at 39,000 rows: keep it there.
    static_assert(sizeof(Item) <= 56);
}

AttentionModel::~AttentionModel() = default;

QString AttentionModel::sectionTitle(Section section)
{
    switch (section) {
    case Section::PausedQueues:
        return AttentionModel::tr("Paused queues");
    case Section::IdleQueues:
        return AttentionModel::tr("Queues with no connected agents");
    case Section::ExpiredTokens:
        return AttentionModel::tr("Expired agent tokens");
    case Section::ExpiringTokens:
        return AttentionModel::tr("Agent tokens expiring within %1 days")
            .arg(TokenExpiry::soonDays);
    case Section::NeverExpiringTokens:
        return AttentionModel::tr("Never-expiring agent tokens");
    case Section::UnrestrictedTokens:
        return AttentionModel::tr("Agent tokens without an IP allowlist");
    }
    return {};
}

// ---- QAbstractItemModel

QModelIndex AttentionModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, sectionRowId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex AttentionModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == sectionRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, sectionRowId);
}

int AttentionModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return sectionCount;
    if (parent.internalId() != sectionRowId || parent.column() != 0)
        return 0;
    return int(m_sections.at(size_t(parent.row())).size());
}

int AttentionModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant AttentionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return AttentionModel::tr("Queue or token");
    case Cluster:
        return AttentionModel::tr("Cluster");
    case Details:
        return AttentionModel::tr("Details");
    case When:
        return AttentionModel::tr("When");
    }
    return {};
}

Qt::ItemFlags AttentionModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    if (index.internalId() == sectionRowId)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> AttentionModel::roleNames() const { return ModelRoles::roleNames(); }

QVariant AttentionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    if (index.internalId() == sectionRowId)
        return sectionData(Section(index.row()), index.column(), role);
    const int section = int(index.internalId() - 1);
    const Item& item = *m_sections.at(size_t(section)).at(size_t(index.row()));
    if (role == QueueRole || role == AgentTokenRole) {
        // Read from the tree when asked: rows do not keep whole values.
        if ((role == QueueRole) != isQueueSection(Section(section)))
            return {};
        return sourceIndex(item.id.toString()).data(role);
    }
    return itemData(item, Section(section), index.column(), role);
}

QVariant AttentionModel::sectionData(Section section, int column, int role) const
{
    switch (role) {
    case SectionRole:
        return QVariant::fromValue(section);
    case CountRole:
        return count(section);
    case SortRole:
        return int(section);
    case Qt::DisplayRole:
        return column == Name ? sectionTitle(section) : QVariant();
    }
    return {};
}

QVariant AttentionModel::itemData(const Item& item, Section section, int column, int role) const
{
    switch (role) {
    case SectionRole:
        return QVariant::fromValue(section);
    case IdRole:
        return item.id.toString();
    case ClusterIdRole:
        return item.cluster->id;
    case EmojiRole:
        return item.cluster->emoji;
    case Qt::DisplayRole:
    case SortRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }

    const bool sort = role == SortRole;
    switch (column) {
    case Name:
        if (role == Qt::ToolTipRole)
            return text(item.description);
        if (isQueueSection(section))
            return text(item.name);
        return item.name == 0 && !sort ? AttentionModel::tr("Untitled token") : text(item.name);
    case Cluster:
        if (role == Qt::ToolTipRole)
            return {};
        return item.cluster->name.isEmpty() ? item.cluster->id : item.cluster->name;
    case When:
        if (role == Qt::ToolTipRole || !item.when.isValid())
            return {};
        return sort ? QVariant(item.when.toMSecsSinceEpoch()) : QVariant(item.when.toLocalTime());
    case Details:
        if (role == Qt::ToolTipRole)
            return item.detailsTip == 0 ? QVariant() : QVariant(text(item.detailsTip));
        return text(item.details);
    }
    return {};
}

// ---- source

void AttentionModel::setSource(QAbstractItemModel* source)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_source = source;
    // The tree under any proxies: where a row's id leads to its values.
    m_tree = nullptr;
    for (QAbstractItemModel* model = source; model;) {
        if (auto* tree = qobject_cast<OrganizationTreeModel*>(model)) {
            m_tree = tree;
            break;
        }
        auto* proxy = qobject_cast<QAbstractProxyModel*>(model);
        model = proxy ? proxy->sourceModel() : nullptr;
    }
    if (source) {
        auto& c = m_connections;
        c << connect(
            source, &QAbstractItemModel::dataChanged, this, &AttentionModel::onDataChanged);
        c << connect(
            source, &QAbstractItemModel::rowsInserted, this, &AttentionModel::onRowsChanged);
        c << connect(
            source, &QAbstractItemModel::rowsRemoved, this, &AttentionModel::onRowsChanged);
        c << connect(source, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex& parent, int first, int last) {
                onRowsChanged(parent, first, last);
            });
        c << connect(source, &QAbstractItemModel::modelReset, this, [this] { markAll(true); });
        c << connect(source, &QAbstractItemModel::layoutChanged, this, [this] { markAll(false); });
    }
    markAll(true);
    sync();
}

void AttentionModel::markAll(bool valuesChanged)
{
    m_allDirty = true;
    m_clusterListDirty = true;
    m_allValuesChanged = m_allValuesChanged || valuesChanged;
    schedule();
}

// Which cluster a change of the source touches: the rows under the organisation are clusters,
// every row below one names its cluster.
void AttentionModel::noteCluster(const QModelIndex& index)
{
    const QString clusterId = index.data(ModelRoles::ClusterId).toString();
    if (!clusterId.isEmpty())
        m_dirty.insert(clusterId);
}

void AttentionModel::onDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid())
        return;
    if (!topLeft.parent().isValid()) {
        // The organisation's row: the tree reports its totals there (rarely: the cluster list,
        // the agents), a proxy may mean anything by it. Every cluster is read again.
        markAll(roles.isEmpty());
        return;
    }
    const bool values = roles.isEmpty() || roles.contains(ModelRoles::QueueValue)
        || roles.contains(ModelRoles::AgentTokenValue);
    const QModelIndex parent = topLeft.parent();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = m_source->index(row, 0, parent);
        noteCluster(index);
        if (values) {
            const auto kind = kindOf(index);
            if (kind == TreeKind::Queue || kind == TreeKind::Token)
                m_valueChanged.insert(CompactId(index.data(ModelRoles::Id).toString()));
        }
    }
    schedule();
}

void AttentionModel::onRowsChanged(const QModelIndex& parent, int first, int last)
{
    if (!parent.isValid()) {
        markAll(true); // the organisation itself came or went
        return;
    }
    if (!parent.parent().isValid()) {
        // Clusters came, went or moved: which ones is found by comparing the lists.
        m_clusterListDirty = true;
        if (first <= last && last < m_source->rowCount(parent)) {
            for (int row = first; row <= last; ++row)
                noteCluster(m_source->index(row, 0, parent));
        }
    } else {
        noteCluster(parent);
    }
    schedule();
}

void AttentionModel::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    // The next turn of the event loop, or, right after a merge, once syncIntervalMs have passed
    // since it: a first load reports one cluster per answer (2,000 answers at 1,000 clusters,
    // tens a second), and each merge has the view lay out and paint its thousands of rows again.
    // A burst then costs a few merges a second, each of every cluster it reported.
    const qint64 since = m_lastSync.isValid() ? m_lastSync.elapsed() : syncIntervalMs;
    QTimer::singleShot(
        std::chrono::milliseconds(std::max<qint64>(0, syncIntervalMs - since)), this, [this] {
            if (m_scheduled)
                sync();
        });
}

QModelIndex AttentionModel::sourceIndex(const QString& id) const
{
    if (!m_tree || !m_source)
        return {};
    QModelIndex index = m_tree->indexForId(id);
    // Up through the proxies, from the tree to the source.
    QList<QAbstractProxyModel*> proxies;
    for (QAbstractItemModel* model = m_source; model && model != m_tree;) {
        auto* proxy = qobject_cast<QAbstractProxyModel*>(model);
        if (!proxy)
            return {};
        proxies.prepend(proxy);
        model = proxy->sourceModel();
    }
    for (QAbstractProxyModel* proxy : std::as_const(proxies))
        index = proxy->mapFromSource(index);
    return index;
}

QStringList AttentionModel::sourceClusterIds() const
{
    QStringList ids;
    if (!m_source)
        return ids;
    const QModelIndex org = m_source->index(0, 0);
    if (!org.isValid())
        return ids;
    const int rows = m_source->rowCount(org);
    ids.reserve(rows);
    for (int c = 0; c < rows; ++c) {
        const QModelIndex index = m_source->index(c, 0, org);
        if (kindOf(index) == TreeKind::Cluster)
            ids.append(index.data(ModelRoles::Id).toString());
    }
    return ids;
}

std::unique_ptr<AttentionModel::ClusterRows> AttentionModel::readCluster(const QString& clusterId)
{
    const QModelIndex clusterIndex = sourceIndex(clusterId);
    if (!clusterIndex.isValid() || kindOf(clusterIndex) != TreeKind::Cluster)
        return nullptr;
    auto out = std::make_unique<ClusterRows>();
    const auto cluster = clusterIndex.data(ModelRoles::ClusterValue).value<::Cluster>();
    auto info = new ClusterInfo;
    info->id = clusterId;
    info->name = cluster.name;
    info->emoji = cluster.emoji;
    const ClusterRef ref(info);
    // Texts many rows share, looked up once.
    const Text noAgents = m_texts.number(AttentionModel::tr("No agents connected"));
    const Text noAgentsPaused = m_texts.number(AttentionModel::tr("No agents connected · paused"));
    auto add = [this](Section section, const Item& item) {
        m_scratch.at(size_t(section)).push_back(item);
    };
    for (int g = 0; g < m_source->rowCount(clusterIndex); ++g) {
        const QModelIndex group = m_source->index(g, 0, clusterIndex);
        for (int r = 0; r < m_source->rowCount(group); ++r) {
            const QModelIndex row = m_source->index(r, 0, group);
            const TreeKind kind = kindOf(row);
            Item item;
            item.cluster = ref;
            if (kind == TreeKind::Queue) {
                const QVariant agents = row.data(ModelRoles::AgentsConnected);
                out->agentCountsKnown = out->agentCountsKnown || agents.isValid();
                const bool paused = row.data(ModelRoles::Paused).toBool();
                // Hosted queues start agents per job: none connected is their normal.
                const bool idle = agents.isValid() && agents.toInt() == 0
                    && !row.data(ModelRoles::Hosted).toBool();
                if (!paused && !idle)
                    continue;
                item.id = CompactId(row.data(ModelRoles::Id).toString());
                item.name = m_texts.number(row.data(Qt::DisplayRole).toString());
                item.description = m_texts.number(row.data(ModelRoles::Description).toString());
                if (paused) {
                    // Who paused it and why: only paused queues are read whole.
                    const auto q = row.data(ModelRoles::QueueValue).value<Queue>();
                    item.detailsTip = m_texts.number(RowText::pauseText(q));
                    const QString who
                        = q.dispatchPausedBy ? userName(*q.dispatchPausedBy) : QString();
                    const QString note = q.dispatchPausedNote.simplified();
                    const QString by = who.isEmpty() ? AttentionModel::tr("Paused")
                                                     : AttentionModel::tr("Paused by %1").arg(who);
                    item.details = m_texts.number(
                        note.isEmpty() ? by : QStringLiteral("%1: %2").arg(by, note));
                    item.when = q.dispatchPausedAt;
                    add(Section::PausedQueues, item);
                }
                if (idle) {
                    item.details = paused ? noAgentsPaused : noAgents;
                    item.when = {};
                    add(Section::IdleQueues, item);
                }
            } else if (kind == TreeKind::Token) {
                const auto t = row.data(ModelRoles::AgentTokenValue).value<AgentToken>();
                const auto state = row.data(ModelRoles::ExpiryState).value<TokenExpiry::State>();
                item.id = CompactId(t.id);
                item.name = m_texts.number(t.description);
                item.description = item.name;
                const QString creator = t.createdBy.displayName();
                item.detailsTip = creator.isEmpty()
                    ? 0
                    : m_texts.number(AttentionModel::tr("Created by %1").arg(creator));
                const QString by = createdBy(t);
                item.when = t.expiresAt;
                if (state == TokenExpiry::State::Expired) {
                    item.details = m_texts.number(joinedDetails(AttentionModel::tr("Expired"), by));
                    add(Section::ExpiredTokens, item);
                } else if (state == TokenExpiry::State::ExpiringSoon) {
                    item.details
                        = m_texts.number(joinedDetails(AttentionModel::tr("Expires soon"), by));
                    add(Section::ExpiringTokens, item);
                }
                item.when = t.createdAt;
                if (state == TokenExpiry::State::Never) {
                    item.details
                        = m_texts.number(joinedDetails(AttentionModel::tr("Never expires"), by));
                    add(Section::NeverExpiringTokens, item);
                }
                if (t.allowedIpAddresses.trimmed().isEmpty()) {
                    item.details
                        = m_texts.number(joinedDetails(AttentionModel::tr("Any IP address"), by));
                    add(Section::UnrestrictedTokens, item);
                }
            }
        }
    }
    // Kept until the cluster changes: made at their size, without the room a growing vector
    // leaves, which at 1,000 clusters is megabytes (the idle queues are most of the
    // organisation's queues), and without copying the rows once more when it grows.
    for (size_t s = 0; s < out->items.size(); ++s) {
        std::vector<Item>& found = m_scratch.at(s);
        out->items.at(s).assign(
            std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        found.clear(); // keeps its room for the next cluster
    }
    return out;
}

void AttentionModel::compactTexts()
{
    // Geometric: a compaction walks every row, so it comes once the table has doubled since the
    // last one (plus a little, so a small table is left alone), whatever the number of rows.
    if (m_texts.size() <= 2 * m_textsAfterCompaction + 256)
        return;
    InternTable<QString> kept;
    // In place: the sections point at these rows, which keep their place and their texts.
    for (auto& [id, rows] : m_clusters) {
        for (std::vector<Item>& items : rows->items) {
            for (Item& item : items) {
                for (Text* number :
                    { &item.name, &item.description, &item.details, &item.detailsTip })
                    *number = kept.number(m_texts.value(*number));
            }
        }
    }
    m_texts = std::move(kept);
    m_textsAfterCompaction = m_texts.size();
}

bool AttentionModel::less(Section section, const Item& a, const Item& b) const
{
    // The pause an incident just caused on top; the next token to expire on top; the oldest
    // never-expiring token on top.
    const bool newestFirst = section == Section::PausedQueues || section == Section::ExpiredTokens;
    if (a.when != b.when) {
        if (!a.when.isValid() || !b.when.isValid())
            return a.when.isValid(); // unknown times last
        return newestFirst ? a.when > b.when : a.when < b.when;
    }
    if (a.name != b.name) {
        if (const int c = text(a.name).compare(text(b.name), Qt::CaseInsensitive))
            return c < 0;
    }
    if (const int c = a.cluster->name.compare(b.cluster->name, Qt::CaseInsensitive))
        return c < 0;
    return a.id < b.id;
}

bool AttentionModel::isQueueSection(Section section)
{
    return section == Section::PausedQueues || section == Section::IdleQueues;
}

// Whether b sorts exactly where a does (a changed row that can stay in its place).
bool AttentionModel::sameOrder(const Item& a, const Item& b) const
{
    return a.id == b.id && a.when == b.when
        && (a.name == b.name || text(a.name).compare(text(b.name), Qt::CaseInsensitive) == 0)
        && a.cluster->name.compare(b.cluster->name, Qt::CaseInsensitive) == 0;
}

qsizetype AttentionModel::position(int section, const Item& item) const
{
    const Rows& rows = m_sections.at(size_t(section));
    const Section s = Section(section);
    const auto it = std::lower_bound(rows.cbegin(), rows.cend(), &item,
        [this, s](const Item* a, const Item* b) { return less(s, *a, *b); });
    if (it == rows.cend() || (*it)->id != item.id)
        return -1;
    return it - rows.cbegin();
}

void AttentionModel::clearAll()
{
    for (int s = 0; s < sectionCount; ++s) {
        Rows& rows = m_sections.at(size_t(s));
        if (rows.empty())
            continue;
        beginRemoveRows(sectionIndex(Section(s)), 0, int(rows.size()) - 1);
        rows.clear();
        endRemoveRows();
    }
    m_clusters.clear();
    // Another organisation, or none: its texts go with its rows.
    m_texts.clear();
    m_textsAfterCompaction = 0;
    m_knownClusters = 0;
}

void AttentionModel::sync()
{
    m_scheduled = false;
    m_lastSync.start();
    std::array<int, sectionCount> before {};
    for (int s = 0; s < sectionCount; ++s)
        before.at(size_t(s)) = count(Section(s));
    const bool knownBefore = m_agentCountsKnown;

    QSet<QString> dirty;
    dirty.swap(m_dirty);
    const bool all = m_allDirty;
    const bool listChanged = m_clusterListDirty;
    m_allDirty = false;
    m_clusterListDirty = false;
    if (!m_source || !m_source->index(0, 0).isValid()) {
        clearAll();
    } else {
        if (listChanged) {
            // Clusters that are gone are merged as empty; new ones are read.
            const QStringList ids = sourceClusterIds();
            const QSet<QString> present(ids.cbegin(), ids.cend());
            for (const auto& [id, rows] : m_clusters) {
                if (!present.contains(id))
                    dirty.insert(id);
            }
            for (const QString& id : ids) {
                if (all || !m_clusters.count(id))
                    dirty.insert(id);
            }
        }
        for (const QString& id : std::as_const(dirty)) {
            std::unique_ptr<ClusterRows> next = readCluster(id);
            const auto it = m_clusters.find(id);
            const ClusterRows* previous = it == m_clusters.end() ? nullptr : it->second.get();
            if (!previous && !next)
                continue;
            mergeCluster(previous, next.get());
            m_knownClusters += (next && next->agentCountsKnown ? 1 : 0)
                - (previous && previous->agentCountsKnown ? 1 : 0);
            // The sections point into `next` from now on; `previous` goes.
            if (next)
                m_clusters[id] = std::move(next);
            else
                m_clusters.erase(it);
        }
    }
    m_valueChanged.clear();
    m_allValuesChanged = false;
    m_agentCountsKnown = m_knownClusters > 0;
    compactTexts();

    bool countsDiffer = knownBefore != m_agentCountsKnown;
    for (int s = 0; s < sectionCount; ++s) {
        if (count(Section(s)) != before.at(size_t(s))) {
            countsDiffer = true;
            const QModelIndex header = sectionIndex(Section(s));
            Q_EMIT dataChanged(header, header, { CountRole });
        }
    }
    if (countsDiffer)
        Q_EMIT countsChanged();
}

void AttentionModel::mergeCluster(const ClusterRows* before, const ClusterRows* after)
{
    for (int s = 0; s < sectionCount; ++s)
        mergeRows(s, before ? &before->items.at(size_t(s)) : nullptr,
            after ? &after->items.at(size_t(s)) : nullptr);
}

// One cluster's rows of one section, from `before` to `after`: rows that keep their place are
// repointed (and reported if they read differently), the others are removed and inserted where
// they sort. The cost is that of the cluster's rows, with a binary search each.
void AttentionModel::mergeRows(
    int section, const std::vector<Item>* before, const std::vector<Item>* after)
{
    Rows& rows = m_sections.at(size_t(section));
    const Section s = Section(section);
    const QModelIndex parent = sectionIndex(s);
    QHash<CompactId, const Item*> next;
    if (after) {
        next.reserve(qsizetype(after->size()));
        for (const Item& item : *after)
            next.insert(item.id, &item);
    }
    QSet<const Item*> kept;
    QList<qsizetype> removed;
    if (before) {
        for (const Item& old : *before) {
            qsizetype row = position(section, old);
            if (row < 0) {
                // Not where it sorts (never expected): found by identity, so nothing is left
                // pointing at rows that are about to go.
                const auto it = std::find(rows.cbegin(), rows.cend(), &old);
                if (it == rows.cend())
                    continue;
                row = it - rows.cbegin();
            }
            const Item* item = next.value(old.id);
            if (item && !kept.contains(item) && sameOrder(old, *item)) {
                rows[size_t(row)] = item;
                kept.insert(item);
                emitItemChanges(section, row, old, *item);
            } else {
                removed.append(row);
            }
        }
    }
    // Last first, so the rows before keep their numbers; consecutive rows go in one call.
    std::sort(removed.begin(), removed.end());
    for (qsizetype i = removed.size() - 1; i >= 0;) {
        const qsizetype last = removed.at(i);
        qsizetype first = last;
        while (i > 0 && removed.at(i - 1) == first - 1)
            first = removed.at(--i);
        --i;
        beginRemoveRows(parent, int(first), int(last));
        rows.erase(rows.begin() + first, rows.begin() + last + 1);
        endRemoveRows();
    }

    if (!after)
        return;
    std::vector<const Item*> added;
    QSet<CompactId> seen;
    for (const Item& item : *after) {
        if (!kept.contains(&item) && !seen.contains(item.id)) {
            seen.insert(item.id);
            added.push_back(&item);
        }
    }
    auto order = [this, s](const Item* a, const Item* b) { return less(s, *a, *b); };
    std::sort(added.begin(), added.end(), order);
    // Runs of new rows that land between the same two rows go in one call.
    for (size_t i = 0; i < added.size();) {
        const auto at = std::lower_bound(rows.begin(), rows.end(), added.at(i), order);
        const qsizetype first = at - rows.begin();
        size_t end = i + 1;
        while (end < added.size() && (at == rows.end() || order(added.at(end), *at)))
            ++end;
        beginInsertRows(parent, int(first), int(first + qsizetype(end - i) - 1));
        rows.insert(
            rows.begin() + first, added.begin() + qsizetype(i), added.begin() + qsizetype(end));
        endInsertRows();
        i = end;
    }
}

const QList<int>& AttentionModel::comparedRoles()
{
    static const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole,
        SortRole, EmojiRole };
    return roles;
}

void AttentionModel::emitItemChanges(
    int section, qsizetype row, const Item& before, const Item& after)
{
    const bool valueChanged = m_allValuesChanged || m_valueChanged.contains(after.id);
    if (!valueChanged && before.name == after.name && before.description == after.description
        && before.details == after.details && before.detailsTip == after.detailsTip
        && before.when == after.when && before.cluster->name == after.cluster->name
        && before.cluster->emoji == after.cluster->emoji)
        return;
    const int valueRole = isQueueSection(Section(section)) ? int(QueueRole) : int(AgentTokenRole);
    const QList<int>& roles = comparedRoles();
    // Per column, the roles that read differently; the value itself is answered on every column.
    for (int column = 0; column < ColumnCount; ++column) {
        QList<int> changed;
        for (int role : roles) {
            if (itemData(before, Section(section), column, role)
                != itemData(after, Section(section), column, role))
                changed.append(role);
        }
        if (valueChanged) {
            changed.append(valueRole);
            std::sort(changed.begin(), changed.end());
        }
        if (!changed.isEmpty()) {
            const QModelIndex cell = createIndex(int(row), column, quintptr(section + 1));
            Q_EMIT dataChanged(cell, cell, changed);
        }
    }
}

int AttentionModel::count(Section section) const
{
    return int(m_sections.at(size_t(section)).size());
}

QModelIndex AttentionModel::sectionIndex(Section section) const
{
    return createIndex(int(section), 0, sectionRowId);
}
