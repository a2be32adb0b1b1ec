// SPDX-License-Identifier: MIT
#include "activitylog.h"

#include <QLocale>

using Kind = ChangeDetector::Change::Kind;

ActivityLog::ActivityLog(QObject* parent)
    : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("activityLog"));
}

int ActivityLog::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLog::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLog::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChangeDetector::Change& c = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(c.at.toLocalTime().time(), QLocale::ShortFormat);
        case WhatColumn:
            return what(c);
        case WhoColumn:
            // Buildkite records who paused a queue, not who resumed it.
            return c.who.isEmpty() && c.kind != Kind::AgentsGone ? tr("unknown") : c.who;
        case NoteColumn:
            return c.note;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(c.at.toLocalTime(), QLocale::LongFormat);
        return details(c).isEmpty() ? title(c) : title(c) + QLatin1Char('\n') + details(c);
    case QueueIdRole:
        return c.queueId;
    case ClusterIdRole:
        return c.clusterId;
    case SortRole:
        return c.at;
    default:
        return {};
    }
}

QVariant ActivityLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case WhatColumn:
        return tr("What");
    case WhoColumn:
        return tr("Who");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

void ActivityLog::add(const ChangeDetector::Change& change)
{
    // Counted before the rows signal, so a list open on screen can mark it seen at once.
    ++m_unseen;
    beginInsertRows({}, 0, 0);
    m_entries.prepend(change);
    endInsertRows();
    if (m_unseen > 0)
        Q_EMIT unseenCountChanged(m_unseen);
}

void ActivityLog::markSeen()
{
    if (m_unseen == 0)
        return;
    m_unseen = 0;
    Q_EMIT unseenCountChanged(0);
}

void ActivityLog::clear()
{
    if (!m_entries.isEmpty()) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    }
    markSeen();
}

QString ActivityLog::title(const ChangeDetector::Change& change)
{
    switch (change.kind) {
    case Kind::Paused:
        return tr("Queue “%1” paused").arg(change.queueKey);
    case Kind::Resumed:
        return tr("Queue “%1” resumed").arg(change.queueKey);
    case Kind::AgentsGone:
        return tr("Queue “%1” has no agents").arg(change.queueKey);
    }
    return {};
}

QString ActivityLog::what(const ChangeDetector::Change& change)
{
    const QString where = change.clusterName.isEmpty()
        ? change.queueKey
        : tr("%1 in %2").arg(change.queueKey, change.clusterName);
    switch (change.kind) {
    case Kind::Paused:
        return tr("Paused %1").arg(where);
    case Kind::Resumed:
        return tr("Resumed %1").arg(where);
    case Kind::AgentsGone:
        return tr("No agents connected to %1").arg(where);
    }
    return {};
}

QString ActivityLog::details(const ChangeDetector::Change& change)
{
    QStringList lines;
    switch (change.kind) {
    case Kind::Paused:
        lines << (change.who.isEmpty()
                ? tr("Dispatch paused in cluster “%1”.").arg(change.clusterName)
                : tr("Dispatch paused by %1 in cluster “%2”.").arg(change.who, change.clusterName));
        if (!change.note.isEmpty())
            lines << tr("Note: %1").arg(change.note);
        break;
    case Kind::Resumed:
        lines << tr("Dispatch resumed in cluster “%1”, not from Kitedeck.").arg(change.clusterName);
        break;
    case Kind::AgentsGone:
        lines << tr("Its jobs wait until an agent connects.");
        break;
    }
    return lines.join(QLatin1Char('\n'));
}
