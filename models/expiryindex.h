// SPDX-License-Identifier: MIT
#pragma once

#include "domain/tokenexpiry.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <set>
#include <utility>

// The items that have an expiry date, sorted by it, so that moving a clock finds the few whose
// TokenExpiry state may change in O(log n + k) instead of classifying every item again.
// Items that never expire are not held at all.
template <class Key>
class ExpiryIndex final {
public:
    void insert(const QDateTime& expiresAt, Key key)
    {
        if (expiresAt.isValid())
            m_entries.insert({ expiresAt.toMSecsSinceEpoch(), key });
    }
    void remove(const QDateTime& expiresAt, Key key)
    {
        if (expiresAt.isValid())
            m_entries.erase({ expiresAt.toMSecsSinceEpoch(), key });
    }
    void clear() { m_entries.clear(); }
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // The items whose state may differ between the two clocks (in either direction): a state
    // changes only when a boundary (expiresAt, or soonSeconds before it) lies between them, so
    // those are the items expiring between the clocks or soonSeconds after them. A superset:
    // the caller compares the states.
    QList<Key> crossing(const QDateTime& from, const QDateTime& to) const
    {
        QList<Key> out;
        if (!from.isValid() || !to.isValid() || from == to)
            return out;
        const qint64 lo = std::min(from, to).toMSecsSinceEpoch();
        const qint64 hi = std::max(from, to).toMSecsSinceEpoch();
        const qint64 soon = TokenExpiry::soonSeconds * 1000;
        collect(lo, hi, out);
        if (lo + soon > hi)
            collect(lo + soon, hi + soon, out);
        else
            collect(hi + 1, hi + soon, out); // the two ranges overlap: continue the first
        return out;
    }

private:
    using Entry = std::pair<qint64, Key>;
    // By date, then by key; transparent, so a date alone finds where its items start.
    struct Less {
        using is_transparent = void;
        bool operator()(const Entry& a, const Entry& b) const
        {
            if (a.first != b.first)
                return a.first < b.first;
            return std::less<Key>()(a.second, b.second);
        }
        bool operator()(const Entry& a, qint64 b) const { return a.first < b; }
        bool operator()(qint64 a, const Entry& b) const { return a < b.first; }
    };

    // Every item expiring in [first, last] milliseconds since the epoch.
    void collect(qint64 first, qint64 last, QList<Key>& out) const
    {
        for (auto it = m_entries.lower_bound(first); it != m_entries.end() && it->first <= last;
             ++it)
            out.append(it->second);
    }

    std::set<Entry, Less> m_entries;
};
