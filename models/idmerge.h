// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>

// Brings rows identified by unique ids into a target order with the structural changes a view
// can follow without losing selection, expansion or scroll position: removals, moves and
// insertions, never a reset. Shared by the flat list models and the navigation tree, which only
// supply the callbacks that wrap each step in begin/end*Rows and touch their own storage.
namespace IdMerge {

// Positions in seq of one longest strictly increasing subsequence (patience sorting).
inline QList<qsizetype> longestIncreasing(const QList<qsizetype>& seq)
{
    QList<qsizetype> tails; // tails[k]: position of the smallest tail of a run of length k + 1
    QList<qsizetype> previous(seq.size(), -1);
    for (qsizetype i = 0; i < seq.size(); ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), seq.at(i),
            [&seq](qsizetype position, qsizetype value) { return seq.at(position) < value; });
        const qsizetype length = it - tails.begin();
        if (length > 0)
            previous[i] = tails.at(length - 1);
        if (it == tails.end())
            tails.append(i);
        else
            *it = i;
    }
    QList<qsizetype> run(tails.size());
    qsizetype position = tails.isEmpty() ? -1 : tails.last();
    for (qsizetype k = run.size() - 1; k >= 0; --k) {
        run[k] = position;
        position = previous.at(position);
    }
    return run;
}

// The first item of each id, in order: the target of a merge must not repeat an id.
template <class T>
QList<T> uniqueById(const QList<T>& items)
{
    QList<T> out;
    out.reserve(items.size());
    QSet<QString> seen;
    for (const T& item : items) {
        if (!seen.contains(item.id)) {
            seen.insert(item.id);
            out.append(item);
        }
    }
    return out;
}

template <class T>
QStringList idsOf(const QList<T>& items)
{
    QStringList ids;
    ids.reserve(items.size());
    for (const T& item : items)
        ids.append(item.id);
    return ids;
}

// Turns the rows `current` into `target` (both lists of unique ids), calling, in this order:
//   remove(first, last)   rows first..last (of the list as it is at that moment) go away;
//   move(from, to)        the row at `from` moves so that it ends up at index `to`;
//   insert(first, last)   rows first..last appear, holding target[first..last];
//   update(row)           a row that was kept now holds target[row]; compare and emit.
// Moves are kept to a minimum: rows on a longest run already in target order stay put and only
// the others move, so "last row to the top" is one move, not a cascade.
template <class Remove, class Move, class Insert, class Update>
void apply(QStringList current, const QStringList& target, Remove&& remove, Move&& move,
    Insert&& insert, Update&& update)
{
    QHash<QString, qsizetype> targetIndex;
    targetIndex.reserve(target.size());
    for (qsizetype i = 0; i < target.size(); ++i)
        targetIndex.insert(target.at(i), i);

    // Removals, last run first, so the rows of earlier runs keep their numbers.
    for (qsizetype i = current.size() - 1; i >= 0; --i) {
        if (targetIndex.contains(current.at(i)))
            continue;
        const qsizetype last = i;
        while (i > 0 && !targetIndex.contains(current.at(i - 1)))
            --i;
        remove(i, last);
        current.remove(i, last - i + 1);
    }

    // Moves: the survivors take target order.
    const QSet<QString> kept(current.cbegin(), current.cend());
    QList<qsizetype> order;
    order.reserve(current.size());
    for (const QString& id : std::as_const(current))
        order.append(targetIndex.value(id));
    QSet<QString> stable;
    for (qsizetype position : longestIncreasing(order))
        stable.insert(current.at(position));
    QString predecessor;
    for (const QString& id : target) {
        if (!kept.contains(id))
            continue;
        if (!stable.contains(id)) {
            // Place it right behind its predecessor in target order (or first). Later moves
            // never come between the two, so the chains add up to the target order.
            const qsizetype from = current.indexOf(id);
            qsizetype to = 0;
            if (!predecessor.isNull()) {
                const qsizetype after = current.indexOf(predecessor);
                to = from < after ? after : after + 1;
            }
            if (from != to) {
                move(from, to);
                current.move(from, to);
            }
        }
        predecessor = id;
    }

    // Insertions, one call per run of new ids.
    for (qsizetype i = 0; i < target.size();) {
        if (kept.contains(target.at(i))) {
            Q_ASSERT(current.at(i) == target.at(i));
            ++i;
            continue;
        }
        qsizetype last = i;
        while (last + 1 < target.size() && !kept.contains(target.at(last + 1)))
            ++last;
        insert(i, last);
        for (qsizetype k = i; k <= last; ++k)
            current.insert(k, target.at(k));
        i = last + 1;
    }

    for (qsizetype i = 0; i < target.size(); ++i) {
        if (kept.contains(target.at(i)))
            update(i);
    }
}

} // namespace IdMerge
