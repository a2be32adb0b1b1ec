// SPDX-License-Identifier: MIT
#include "agentlistmodel.h"

#include <QVersionNumber>

namespace {
QString versionSortKey(const QString& version)
{
    // "3.100.0" after "3.97.0": each part padded, whatever follows the numbers kept.
    qsizetype suffix = 0;
    const QVersionNumber number = QVersionNumber::fromString(version, &suffix);
    QStringList parts;
    for (int segment : number.segments())
        parts.append(QStringLiteral("%1").arg(segment, 6, 10, QLatin1Char('0')));
    return parts.join(QLatin1Char('.')) + version.mid(suffix);
}

int stateRank(Agent::State state)
{
    // Sorted by what needs looking at: running work first, then what holds no work.
    switch (state) {
    case Agent::State::Busy:
        return 0;
    case Agent::State::Idle:
        return 1;
    case Agent::State::Paused:
        return 2;
    case Agent::State::Stopping:
        return 3;
    case Agent::State::Offline:
        return 4;
    }
    return 5;
}
} // namespace

AgentListModel::AgentListModel(QObject* parent)
    : IdListModel<Agent>(parent)
{
}

int AgentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Hostname:
        return tr("Hostname");
    case Version:
        return tr("Version");
    case Platform:
        return tr("OS/arch");
    case State:
        return tr("State");
    case Job:
        return tr("Current job");
    case ConnectedSince:
        return tr("Connected since");
    }
    return {};
}

QString AgentListModel::stateText(Agent::State state)
{
    switch (state) {
    case Agent::State::Idle:
        return tr("Idle");
    case Agent::State::Busy:
        return tr("Busy");
    case Agent::State::Paused:
        return tr("Paused");
    case Agent::State::Stopping:
        return tr("Stopping");
    case Agent::State::Offline:
        return tr("Offline");
    }
    return {};
}

QString AgentListModel::pauseText(const Agent& a)
{
    if (!a.paused)
        return {};
    const QString by = a.pausedBy
        ? a.pausedBy->name.isEmpty() ? a.pausedBy->email : a.pausedBy->name
        : QString();
    QString text = by.isEmpty() ? tr("Paused") : tr("Paused by %1").arg(by);
    if (a.pausedTimeoutMinutes && *a.pausedTimeoutMinutes > 0)
        text += tr(" for %1 min").arg(*a.pausedTimeoutMinutes);
    if (!a.pausedNote.trimmed().isEmpty())
        text += QStringLiteral(": ") + a.pausedNote.trimmed();
    return text;
}

QList<int> AgentListModel::itemRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, IdRole, ClusterIdRole, SortRole, SearchTextRole,
        PausedRole, BusyRole };
}

QVariant AgentListModel::itemData(const Agent& a, int column, int role) const
{
    switch (role) {
    case IdRole:
        return a.id;
    case ClusterIdRole:
        return a.clusterId;
    case SearchTextRole:
        return QStringList { a.name, a.hostname, a.version, a.id }.join(QLatin1Char(' '));
    case PausedRole:
        return a.paused;
    case BusyRole:
        return a.isBusy();
    case Qt::ToolTipRole:
        switch (column) {
        case Name:
        case Hostname: {
            QStringList lines { a.name };
            if (!a.ipAddress.isEmpty())
                lines.append(tr("IP address: %1").arg(a.ipAddress));
            if (!a.userAgent.isEmpty())
                lines.append(a.userAgent);
            if (!a.metaData.isEmpty())
                lines.append(tr("Tags: %1").arg(a.metaData.join(QStringLiteral(", "))));
            return lines.join(QLatin1Char('\n'));
        }
        case State: {
            QString tip = pauseText(a);
            if (a.isStopping())
                tip = tr("Stopping: it finishes its current job, then disconnects");
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case Job:
            if (!a.job)
                return {};
            return QStringList { a.job->displayName(), a.job->buildName(), a.job->command }
                .join(QLatin1Char('\n'))
                .trimmed();
        }
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (column) {
    case Name:
        return sort ? a.name.toLower() : a.name;
    case Hostname:
        return sort ? a.hostname.toLower() : a.hostname;
    case Version:
        return sort ? versionSortKey(a.version) : a.version;
    case Platform:
        return a.platform();
    case State:
        return sort ? QVariant(stateRank(a.state())) : QVariant(stateText(a.state()));
    case Job:
        if (!a.job)
            return sort ? QVariant(QString()) : QVariant();
        return sort ? a.job->displayName().toLower() : a.job->displayName();
    case ConnectedSince:
        return a.connectedSince();
    }
    return {};
}
