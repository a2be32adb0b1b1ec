// SPDX-License-Identifier: MIT
#include "agenttokenlistmodel.h"

#include "rowtext.h"

#include <QLocale>

#include <limits>

AgentTokenListModel::AgentTokenListModel(QObject* parent)
    : IdListModel<AgentToken>(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

int AgentTokenListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentTokenListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Description:
        return tr("Description");
    case Cluster:
        return tr("Cluster");
    case Expiry:
        return tr("Expires");
    case AllowedIps:
        return tr("Allowed IP addresses");
    case CreatedBy:
        return tr("Created by");
    case CreatedAt:
        return tr("Created");
    case Id:
        return tr("ID");
    }
    return {};
}

void AgentTokenListModel::setNow(const QDateTime& now)
{
    m_fixedNow = now;
    moveClock(now.isValid() ? now : QDateTime::currentDateTimeUtc());
}

void AgentTokenListModel::updateExpiry()
{
    if (!m_fixedNow.isValid())
        moveClock(QDateTime::currentDateTimeUtc());
}

void AgentTokenListModel::moveClock(const QDateTime& now)
{
    // Only the expiry state depends on the clock: if no token changes state, no cell reads
    // differently and nothing is worth reporting.
    bool anyChanges = false;
    for (const AgentToken& t : items())
        anyChanges = anyChanges
            || TokenExpiry::classify(t.expiresAt, m_now) != TokenExpiry::classify(t.expiresAt, now);
    if (!anyChanges) {
        m_now = now;
        return;
    }
    changeAll([this, &now] { m_now = now; });
}

void AgentTokenListModel::setItems(const QList<AgentToken>& items)
{
    updateExpiry();
    IdListModel<AgentToken>::setItems(items);
}

void AgentTokenListModel::setRange(qsizetype first, qsizetype count, const QList<AgentToken>& items)
{
    updateExpiry();
    IdListModel<AgentToken>::setRange(first, count, items);
}

void AgentTokenListModel::upsert(const AgentToken& item)
{
    updateExpiry();
    IdListModel<AgentToken>::upsert(item);
}

QList<int> AgentTokenListModel::itemRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole, SortRole, SearchTextRole,
        AgentTokenRole, EmojiRole, ExpiryRole, ExpiryStateRole, DescriptionRole };
}

QVariant AgentTokenListModel::itemData(const AgentToken& t, int column, int role) const
{
    const ExpiryState state = TokenExpiry::classify(t.expiresAt, m_now);
    switch (role) {
    case IdRole:
        return t.id;
    case ClusterIdRole:
        return t.clusterId;
    case SearchTextRole:
        return RowText::searchText(t);
    case AgentTokenRole:
        return QVariant::fromValue(t);
    case EmojiRole: {
        const auto* c = clusterOf(t);
        return c ? c->emoji : QString();
    }
    case ExpiryRole:
        return t.expiresAt;
    case ExpiryStateRole:
        return QVariant::fromValue(state);
    case DescriptionRole:
        return t.description;
    case Qt::ToolTipRole:
        if (column == Expiry && !t.neverExpires())
            return RowText::expiryText(state);
        if (column == AllowedIps && !t.allowedIpAddresses.isEmpty())
            return t.allowedIpList().join(QLatin1Char('\n'));
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Description:
        return t.description;
    case Cluster:
        return clusterName(t);
    case Expiry:
        if (role == SortRole) // tokens that never expire sort after every date
            return t.neverExpires() ? std::numeric_limits<qint64>::max()
                                    : t.expiresAt.toMSecsSinceEpoch();
        if (t.neverExpires())
            return tr("Never expires");
        if (state == ExpiryState::Expired)
            return tr("Expired %1")
                .arg(QLocale().toString(t.expiresAt.toLocalTime(), QLocale::ShortFormat));
        return QLocale().toString(t.expiresAt.toLocalTime(), QLocale::ShortFormat);
    case AllowedIps:
        if (role == Qt::DisplayRole && t.allowedIpAddresses.isEmpty())
            return tr("Any");
        return t.allowedIpAddresses;
    case CreatedBy:
        return t.createdBy.displayName();
    case CreatedAt:
        return role == SortRole ? QVariant(t.createdAt) : QVariant(t.createdAt.toLocalTime());
    case Id:
        return t.id;
    }
    return {};
}
