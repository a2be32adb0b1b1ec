// SPDX-License-Identifier: MIT
#pragma once

#include "domain/cluster.h"
#include "idmerge.h"
#include "modelroles.h"

#include <QAbstractTableModel>

#include <optional>

// The storage and merge logic of the flat resource tables (QueueListModel and AgentTokenListModel,
// the queue and token tables' models; AgentListModel, the queue pane's agents): rows of values with
// a unique `id`, merged by id so a refresh never resets the view. Subclasses only say what a cell
// shows (itemData) and which roles it answers.
//
// dataChanged is exact: before a row changes, the values of every answered role of every column
// are recorded; afterwards only the roles whose values differ are reported, per run of columns
// with the same set of changed roles. The comparison goes through data() itself, so it can never
// disagree with what a view would read.
template <class T>
class IdListModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
            return {};
        return itemData(m_items.at(index.row()), index.column(), role);
    }

    Qt::ItemFlags flags(const QModelIndex& index) const override
    {
        if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
            return Qt::NoItemFlags;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    }

    QHash<int, QByteArray> roleNames() const override { return ModelRoles::roleNames(); }

    const QList<T>& items() const { return m_items; }
    int rowForId(const QString& id) const { return int(m_rows.value(id, -1)); }
    QModelIndex indexForId(const QString& id, int column = 0) const
    {
        const int row = rowForId(id);
        return row < 0 ? QModelIndex() : index(row, column);
    }
    std::optional<T> item(const QString& id) const
    {
        const int row = rowForId(id);
        if (row < 0)
            return std::nullopt;
        return m_items.at(row);
    }

    // Rows follow the order of `items` (the server's); a repeated id keeps its first occurrence.
    // Nothing is emitted when nothing changed.
    void setItems(const QList<T>& items) { setRange(0, m_items.size(), items); }

    // Only the rows first .. first + count - 1 become `items` (merged the same way); the rows
    // around them stay. What a feed that knows which part of the list changed (one cluster's
    // rows) calls, so the cost is that of the part, not of the list.
    void setRange(qsizetype first, qsizetype count, const QList<T>& items)
    {
        first = qBound(qsizetype(0), first, m_items.size());
        count = qBound(qsizetype(0), count, m_items.size() - first);
        const QList<T> target = IdMerge::uniqueById(items);
        QStringList current;
        current.reserve(count);
        for (qsizetype i = first; i < first + count; ++i)
            current.append(m_items.at(i).id);
        IdMerge::apply(
            current, IdMerge::idsOf(target),
            [this, first](qsizetype from, qsizetype to) {
                beginRemoveRows({}, int(first + from), int(first + to));
                for (qsizetype i = first + from; i <= first + to; ++i) {
                    const auto it = m_rows.constFind(m_items.at(i).id);
                    if (it != m_rows.cend() && it.value() == i)
                        m_rows.erase(it);
                }
                m_items.remove(first + from, to - from + 1);
                reindex(first + from);
                endRemoveRows();
            },
            [this, first](qsizetype from, qsizetype to) {
                beginMoveRows({}, int(first + from), int(first + from), {},
                    int(first + (to > from ? to + 1 : to)));
                m_items.move(first + from, first + to);
                reindex(first + qMin(from, to));
                endMoveRows();
            },
            [this, first, &target](qsizetype from, qsizetype to) {
                beginInsertRows({}, int(first + from), int(first + to));
                m_items.insert(first + from, to - from + 1, T());
                for (qsizetype i = from; i <= to; ++i)
                    m_items[first + i] = target.at(i);
                reindex(first + from);
                endInsertRows();
            },
            [this, first, &target](qsizetype row) { replace(first + row, target.at(row)); });
    }

    // Replaces the row with the same id in place, or appends a new row.
    void upsert(const T& item)
    {
        const int row = rowForId(item.id);
        if (row >= 0) {
            replace(row, item);
            return;
        }
        const int end = int(m_items.size());
        beginInsertRows({}, end, end);
        m_items.append(item);
        reindex(end);
        endInsertRows();
    }

    bool remove(const QString& id)
    {
        const int row = rowForId(id);
        if (row < 0)
            return false;
        beginRemoveRows({}, row, row);
        m_rows.remove(id);
        m_items.remove(row);
        reindex(row);
        endRemoveRows();
        return true;
    }

    void clear() { setItems({}); }

    // The clusters the rows belong to, for a cluster column (name and emoji); rows whose
    // cluster now reads differently are reported. Only for items with a clusterId.
    void setClusters(const QList<Cluster>& clusters)
    {
        QHash<QString, Cluster> next;
        next.reserve(clusters.size());
        for (const Cluster& c : clusters)
            next.insert(c.id, c);
        QList<qsizetype> rows;
        for (qsizetype row = 0; row < m_items.size(); ++row) {
            const QString& id = m_items.at(row).clusterId;
            const auto before = m_clusters.constFind(id);
            const auto after = next.constFind(id);
            const bool hadIt = before != m_clusters.cend();
            if (hadIt != (after != next.cend())
                || (hadIt
                    && (before->name != after->name || before->emoji != after->emoji
                        || before->color != after->color)))
                rows.append(row);
        }
        changeRows(rows, [this, &next] { m_clusters = std::move(next); });
    }
    // One cluster (nullptr: no longer known), whose rows are first .. first + count - 1: the
    // other rows are not looked at.
    void setCluster(
        const QString& clusterId, const Cluster* cluster, qsizetype first, qsizetype count)
    {
        const auto before = m_clusters.constFind(clusterId);
        const bool hadIt = before != m_clusters.cend();
        if (hadIt == (cluster != nullptr)
            && (!hadIt
                || (before->name == cluster->name && before->emoji == cluster->emoji
                    && before->color == cluster->color))) {
            if (cluster)
                m_clusters.insert(clusterId, *cluster); // other fields, no row reads them
            return;
        }
        QList<qsizetype> rows;
        for (qsizetype row = qMax(qsizetype(0), first); row < qMin(m_items.size(), first + count);
             ++row) {
            if (m_items.at(row).clusterId == clusterId)
                rows.append(row);
        }
        changeRows(rows, [this, &clusterId, cluster] {
            if (cluster)
                m_clusters.insert(clusterId, *cluster);
            else
                m_clusters.remove(clusterId);
        });
    }
    // The cluster of a row as last given to setClusters (nullptr: not known).
    const Cluster* clusterOf(const T& item) const
    {
        const auto it = m_clusters.constFind(item.clusterId);
        return it == m_clusters.cend() ? nullptr : &it.value();
    }
    // What a cluster column shows: the name, or the id while the cluster is not known.
    QString clusterName(const T& item) const
    {
        const Cluster* c = clusterOf(item);
        return c && !c->name.isEmpty() ? c->name : item.clusterId;
    }

protected:
    virtual QVariant itemData(const T& item, int column, int role) const = 0;
    // Every role itemData answers: the ones compared when a row changes.
    virtual QList<int> itemRoles() const = 0;

    // For state outside the values that changes what rows show (a clock): records every row,
    // runs change(), and reports the cells that now read differently.
    template <class Fn>
    void changeAll(Fn&& change)
    {
        QList<QList<QVariant>> before;
        before.reserve(m_items.size());
        for (qsizetype row = 0; row < m_items.size(); ++row)
            before.append(snapshot(row));
        change();
        for (qsizetype row = 0; row < m_items.size(); ++row)
            emitChanges(row, before.at(row));
    }

    // The same for some rows only (state kept per id: agent counts, a failed write's mark):
    // the other rows are not looked at.
    template <class Fn>
    void changeRows(const QList<qsizetype>& rows, Fn&& change)
    {
        QList<QList<QVariant>> before;
        before.reserve(rows.size());
        for (qsizetype row : rows)
            before.append(snapshot(row));
        change();
        for (qsizetype i = 0; i < rows.size(); ++i)
            emitChanges(rows.at(i), before.at(i));
    }

private:
    void replace(qsizetype row, const T& item)
    {
        if (m_items.at(row) == item)
            return;
        const QList<QVariant> before = snapshot(row);
        m_items[row] = item;
        emitChanges(row, before);
    }

    // Values of every (column, role) of a row, column-major.
    QList<QVariant> snapshot(qsizetype row) const
    {
        const QList<int> roles = itemRoles();
        const int columns = columnCount();
        QList<QVariant> values;
        values.reserve(columns * roles.size());
        for (int column = 0; column < columns; ++column) {
            for (int role : roles)
                values.append(itemData(m_items.at(row), column, role));
        }
        return values;
    }

    void emitChanges(qsizetype row, const QList<QVariant>& before)
    {
        const QList<int> roles = itemRoles();
        const QList<QVariant> after = snapshot(row);
        const int columns = columnCount();
        QList<int> runRoles;
        int runStart = -1;
        auto flush = [&](int endColumn) {
            if (runStart >= 0 && !runRoles.isEmpty())
                Q_EMIT dataChanged(
                    index(int(row), runStart), index(int(row), endColumn - 1), runRoles);
        };
        for (int column = 0; column < columns; ++column) {
            QList<int> changed;
            for (qsizetype r = 0; r < roles.size(); ++r) {
                const qsizetype at = column * roles.size() + r;
                if (before.at(at) != after.at(at))
                    changed.append(roles.at(r));
            }
            if (column == 0 || changed != runRoles) {
                flush(column);
                runStart = column;
                runRoles = changed;
            }
        }
        flush(columns);
    }

    // The rows from `from` on moved: their numbers are written again (those before kept
    // theirs), so a change at the end of a long list costs what changed.
    void reindex(qsizetype from)
    {
        if (from == 0)
            m_rows.clear();
        m_rows.reserve(m_items.size());
        for (qsizetype i = from; i < m_items.size(); ++i)
            m_rows.insert(m_items.at(i).id, i);
    }

    QList<T> m_items;
    QHash<QString, qsizetype> m_rows;
    QHash<QString, Cluster> m_clusters;
};
