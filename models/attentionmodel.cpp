// SPDX-License-Identifier: MIT
#include "attentionmodel.h"

#include "domain/tokenexpiry.h"
#include "idmerge.h"
#include "organizationtreemodel.h"
#include "rowtext.h"

#include <QCoreApplication>

#include <algorithm>

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
        return AttentionModel::tr("Agent tokens that never expire");
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
    return itemData(
        m_sections.at(size_t(section)).at(index.row()), Section(section), index.column(), role);
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
        return item.id;
    case ClusterIdRole:
        return item.clusterId;
    case QueueRole:
        return item.queue ? QVariant::fromValue(*item.queue) : QVariant();
    case AgentTokenRole:
        return item.token ? QVariant::fromValue(*item.token) : QVariant();
    case EmojiRole:
        return item.clusterEmoji;
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
            return item.queue ? item.queue->description : item.token->description;
        if (item.queue)
            return item.queue->key;
        return item.token->description.isEmpty() && !sort ? AttentionModel::tr("Untitled token")
                                                          : item.token->description;
    case Cluster:
        if (role == Qt::ToolTipRole)
            return {};
        return item.clusterName.isEmpty() ? item.clusterId : item.clusterName;
    case When:
        if (role == Qt::ToolTipRole || !item.when.isValid())
            return {};
        return sort ? QVariant(item.when.toMSecsSinceEpoch()) : QVariant(item.when.toLocalTime());
    case Details:
        break;
    default:
        return {};
    }

    // Details
    if (item.queue) {
        const Queue& q = *item.queue;
        if (role == Qt::ToolTipRole)
            return RowText::pauseText(q);
        if (section == Section::IdleQueues)
            return q.dispatchPaused ? AttentionModel::tr("No agents connected · paused")
                                    : AttentionModel::tr("No agents connected");
        const QString who = q.dispatchPausedBy ? userName(*q.dispatchPausedBy) : QString();
        const QString note = q.dispatchPausedNote.simplified();
        const QString by = who.isEmpty() ? AttentionModel::tr("Paused")
                                         : AttentionModel::tr("Paused by %1").arg(who);
        return note.isEmpty() ? by : QStringLiteral("%1: %2").arg(by, note);
    }
    const AgentToken& t = *item.token;
    if (role == Qt::ToolTipRole)
        return t.createdBy.displayName().isEmpty()
            ? QVariant()
            : QVariant(AttentionModel::tr("Created by %1").arg(t.createdBy.displayName()));
    switch (section) {
    case Section::ExpiredTokens:
        return joinedDetails(AttentionModel::tr("Expired"), createdBy(t));
    case Section::ExpiringTokens:
        return joinedDetails(AttentionModel::tr("Expires soon"), createdBy(t));
    case Section::NeverExpiringTokens:
        return joinedDetails(AttentionModel::tr("Never expires"), createdBy(t));
    case Section::UnrestrictedTokens:
        return joinedDetails(AttentionModel::tr("Any IP address"), createdBy(t));
    default:
        return {};
    }
}

// ---- source

void AttentionModel::setSource(QAbstractItemModel* source)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_source = source;
    if (source) {
        auto& c = m_connections;
        c << connect(source, &QAbstractItemModel::dataChanged, this, &AttentionModel::schedule);
        c << connect(source, &QAbstractItemModel::rowsInserted, this, &AttentionModel::schedule);
        c << connect(source, &QAbstractItemModel::rowsRemoved, this, &AttentionModel::schedule);
        c << connect(source, &QAbstractItemModel::rowsMoved, this, &AttentionModel::schedule);
        c << connect(source, &QAbstractItemModel::modelReset, this, &AttentionModel::schedule);
        c << connect(source, &QAbstractItemModel::layoutChanged, this, &AttentionModel::schedule);
    }
    sync();
}

void AttentionModel::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_scheduled)
                sync();
        },
        Qt::QueuedConnection);
}

std::array<AttentionModel::Items, AttentionModel::sectionCount> AttentionModel::collect(
    bool* agentCountsKnown) const
{
    std::array<Items, sectionCount> out;
    *agentCountsKnown = false;
    if (!m_source)
        return out;
    const QModelIndex org = m_source->index(0, 0);
    if (!org.isValid())
        return out;
    auto add = [&out](Section section, const Item& item) { out.at(size_t(section)).append(item); };
    for (int c = 0; c < m_source->rowCount(org); ++c) {
        const QModelIndex clusterIndex = m_source->index(c, 0, org);
        if (kindOf(clusterIndex) != TreeKind::Cluster)
            continue;
        const auto cluster = clusterIndex.data(ModelRoles::ClusterValue).value<::Cluster>();
        for (int g = 0; g < m_source->rowCount(clusterIndex); ++g) {
            const QModelIndex group = m_source->index(g, 0, clusterIndex);
            for (int r = 0; r < m_source->rowCount(group); ++r) {
                const QModelIndex row = m_source->index(r, 0, group);
                Item item;
                item.clusterId = cluster.id;
                item.clusterName = cluster.name;
                item.clusterEmoji = cluster.emoji;
                const TreeKind kind = kindOf(row);
                if (kind == TreeKind::Queue) {
                    const auto q = row.data(ModelRoles::QueueValue).value<Queue>();
                    item.id = q.id;
                    item.queue = q;
                    const QVariant agents = row.data(ModelRoles::AgentsConnected);
                    *agentCountsKnown = *agentCountsKnown || agents.isValid();
                    if (q.dispatchPaused) {
                        item.when = q.dispatchPausedAt;
                        add(Section::PausedQueues, item);
                    }
                    // Hosted queues start agents per job: none connected is their normal.
                    if (agents.isValid() && agents.toInt() == 0 && !q.hosted) {
                        item.when = {};
                        add(Section::IdleQueues, item);
                    }
                } else if (kind == TreeKind::Token) {
                    const auto t = row.data(ModelRoles::AgentTokenValue).value<AgentToken>();
                    item.id = t.id;
                    item.token = t;
                    const auto state
                        = row.data(ModelRoles::ExpiryState).value<TokenExpiry::State>();
                    item.when = t.expiresAt;
                    if (state == TokenExpiry::State::Expired)
                        add(Section::ExpiredTokens, item);
                    else if (state == TokenExpiry::State::ExpiringSoon)
                        add(Section::ExpiringTokens, item);
                    item.when = t.createdAt;
                    if (state == TokenExpiry::State::Never)
                        add(Section::NeverExpiringTokens, item);
                    if (t.allowedIpAddresses.trimmed().isEmpty())
                        add(Section::UnrestrictedTokens, item);
                }
            }
        }
    }

    auto byName = [](const Item& a, const Item& b) {
        const QString& an = a.queue ? a.queue->key : a.token->description;
        const QString& bn = b.queue ? b.queue->key : b.token->description;
        if (const int c = an.compare(bn, Qt::CaseInsensitive))
            return c < 0;
        if (const int c = a.clusterName.compare(b.clusterName, Qt::CaseInsensitive))
            return c < 0;
        return a.id < b.id;
    };
    auto sortBy = [&out, &byName](Section section, bool newestFirst) {
        Items& items = out.at(size_t(section));
        std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
            if (a.when != b.when) {
                if (!a.when.isValid() || !b.when.isValid())
                    return a.when.isValid(); // unknown times last
                return newestFirst ? a.when > b.when : a.when < b.when;
            }
            return byName(a, b);
        });
    };
    sortBy(Section::PausedQueues, true); // the pause an incident just caused on top
    sortBy(Section::IdleQueues, false);
    sortBy(Section::ExpiredTokens, true);
    sortBy(Section::ExpiringTokens, false); // the next to expire on top
    sortBy(Section::NeverExpiringTokens, false); // the oldest on top
    sortBy(Section::UnrestrictedTokens, false);
    return out;
}

void AttentionModel::sync()
{
    m_scheduled = false;
    bool known = false;
    std::array<Items, sectionCount> next = collect(&known);
    std::array<int, sectionCount> before {};
    for (int s = 0; s < sectionCount; ++s)
        before.at(size_t(s)) = count(Section(s));
    const bool knownBefore = m_agentCountsKnown;
    m_agentCountsKnown = known;
    bool countsDiffer = knownBefore != known;
    for (int s = 0; s < sectionCount; ++s) {
        mergeSection(s, std::move(next.at(size_t(s))));
        if (count(Section(s)) != before.at(size_t(s))) {
            countsDiffer = true;
            const QModelIndex header = sectionIndex(Section(s));
            Q_EMIT dataChanged(header, header, { CountRole });
        }
    }
    if (countsDiffer)
        Q_EMIT countsChanged();
}

const QList<int>& AttentionModel::comparedRoles()
{
    static const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole,
        SortRole, QueueRole, AgentTokenRole, EmojiRole };
    return roles;
}

QList<QVariant> AttentionModel::snapshot(int section, qsizetype row) const
{
    QList<QVariant> values;
    const Item& item = m_sections.at(size_t(section)).at(row);
    for (int column = 0; column < ColumnCount; ++column) {
        for (int role : comparedRoles())
            values.append(itemData(item, Section(section), column, role));
    }
    return values;
}

void AttentionModel::mergeSection(int section, Items target)
{
    Items& items = m_sections.at(size_t(section));
    const QModelIndex parent = createIndex(section, 0, sectionRowId);
    IdMerge::apply(
        IdMerge::idsOf(items), IdMerge::idsOf(target),
        [&](qsizetype first, qsizetype last) {
            beginRemoveRows(parent, int(first), int(last));
            items.remove(first, last - first + 1);
            endRemoveRows();
        },
        [&](qsizetype from, qsizetype to) {
            beginMoveRows(parent, int(from), int(from), parent, int(to > from ? to + 1 : to));
            items.move(from, to);
            endMoveRows();
        },
        [&](qsizetype first, qsizetype last) {
            beginInsertRows(parent, int(first), int(last));
            for (qsizetype i = first; i <= last; ++i)
                items.insert(i, target.at(i));
            endInsertRows();
        },
        [&](qsizetype row) {
            if (items.at(row) == target.at(row))
                return;
            const QList<QVariant> before = snapshot(section, row);
            items[row] = target.at(row);
            const QList<QVariant> after = snapshot(section, row);
            // Per column, the roles that read differently.
            const QList<int>& roles = comparedRoles();
            for (int column = 0; column < ColumnCount; ++column) {
                QList<int> changed;
                for (qsizetype r = 0; r < roles.size(); ++r) {
                    const qsizetype at = column * roles.size() + r;
                    if (before.at(at) != after.at(at))
                        changed.append(roles.at(r));
                }
                if (!changed.isEmpty()) {
                    const QModelIndex cell = createIndex(int(row), column, quintptr(section + 1));
                    Q_EMIT dataChanged(cell, cell, changed);
                }
            }
        });
}

int AttentionModel::count(Section section) const
{
    return int(m_sections.at(size_t(section)).size());
}

QModelIndex AttentionModel::sectionIndex(Section section) const
{
    return createIndex(int(section), 0, sectionRowId);
}
