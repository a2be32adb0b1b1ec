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
    void setItems(const QList<T>& items)
    {
        const QList<T> target = IdMerge::uniqueById(items);
        IdMerge::apply(
            IdMerge::idsOf(m_items), IdMerge::idsOf(target),
            [this](qsizetype first, qsizetype last) {
                beginRemoveRows({}, int(first), int(last));
                m_items.remove(first, last - first + 1);
                reindex();
                endRemoveRows();
            },
            [this](qsizetype from, qsizetype to) {
                beginMoveRows({}, int(from), int(from), {}, int(to > from ? to + 1 : to));
                m_items.move(from, to);
                reindex();
                endMoveRows();
            },
            [this, &target](qsizetype first, qsizetype last) {
                beginInsertRows({}, int(first), int(last));
                for (qsizetype i = first; i <= last; ++i)
                    m_items.insert(i, target.at(i));
                reindex();
                endInsertRows();
            },
            [this, &target](qsizetype row) { replace(row, target.at(row)); });
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
        reindex();
        endInsertRows();
    }

    bool remove(const QString& id)
    {
        const int row = rowForId(id);
        if (row < 0)
            return false;
        beginRemoveRows({}, row, row);
        m_items.remove(row);
        reindex();
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

    void reindex()
    {
        m_rows.clear();
        m_rows.reserve(m_items.size());
        for (qsizetype i = 0; i < m_items.size(); ++i)
            m_rows.insert(m_items.at(i).id, i);
    }

    QList<T> m_items;
    QHash<QString, qsizetype> m_rows;
    QHash<QString, Cluster> m_clusters;
};
