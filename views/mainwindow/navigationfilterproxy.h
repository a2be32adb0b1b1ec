// SPDX-License-Identifier: MIT
#pragma once

#include "organizationtreemodel.h"
#include "searchquery.h"

#include <QElapsedTimer>
#include <QModelIndexList>
#include <QSortFilterProxyModel>

#include <functional>
#include <string>
#include <vector>

class QTimer;

// The filter box of the navigation tree (an OrganizationTreeModel). Text words match clusters,
// queues and tokens by name, key, description and id, case-insensitively; every word must
// appear. Parents of a match stay visible so it can be found in place; everything under a
// matching cluster stays visible too, so "production" shows that cluster's queues and tokens.
// State words (SearchQuery: is:paused, is:idle, is:expired, is:expiring, is:hosted) keep the
// queues or tokens in that state; text beside them may name the row or its cluster, so
// "is:paused production" is the paused queues of Production. Placeholder rows are hidden while
// filtering.
//
// Built for an organisation of 58,000 rows, where a keystroke must cost less than a frame:
//   - the rows' search keys (computed by the model when a row merges) are gathered once into a
//     flat table, again only after the rows change; a keystroke is one pass over that table,
//     with no QModelIndex and no QVariant;
//   - the answer is kept per row in an array indexed by the model's row serial, so
//     filterAcceptsRow() is a look-up;
//   - a new filter is one layout change (invalidate()), never thousands of row removals;
//   - expansion() names the paths to the matches, within a budget of rows it reveals: beyond
//     that the clusters stay collapsed (their matches show when one is expanded), so a
//     one-letter filter that matches 50,000 queues does not lay out 50,000 rows.
// Changes to the rows while a filter is on are gathered and filtered again a moment later.
class NavigationFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    // Rows that expanding the paths to the matches may reveal beyond the cluster list.
    static constexpr int expansionBudget = 2000;

    explicit NavigationFilterProxy(QObject* parent = nullptr);

    // An OrganizationTreeModel; any other model is shown unfiltered.
    void setSourceModel(QAbstractItemModel* model) override;

    void setFilterText(const QString& text);
    // Gathers the rows' search keys now if they changed, so that the first keystroke does not
    // (the filter box calls it when it gets the focus).
    void prepare();
    // Whether the filter box has the focus. While it has, the rows are also gathered again a
    // moment (the refilter delay) after the tree stops changing: the box may have had the focus
    // since before the organisation loaded, or through a refresh, and the first keystroke would
    // otherwise gather 58,000 rows (12 ms at 1,000 clusters) before it filters.
    void setTypingExpected(bool expected);
    QString filterText() const { return m_query.text(); }
    bool isFiltering() const { return !m_query.isEmpty(); }
    // Whether the source row itself (not a parent or child) matches the filter.
    bool matches(const QModelIndex& sourceIndex) const;
    // Whether a row below this source row matches (the organisation, clusters, groups).
    bool hasMatchesBelow(const QModelIndex& sourceIndex) const;
    // The source rows to expand so the matches show (parents before children), within
    // expansionBudget.
    QModelIndexList expansion() const { return m_expand; }
    // The rows that matched themselves, for a status line or a test.
    int matchCount() const { return m_matchCount; }
    // How many rows the filter's table holds now (for tests: it is let go while the box is
    // empty and the tree changes).
    qsizetype tableSize() const { return qsizetype(m_rows.size()); }

    // How long changes to the rows are gathered before the filter runs again (with no filter
    // and typing expected: before the rows are gathered again).
    void setRefilterDelay(int milliseconds);

    // The filter as typed, for drawing where a row matches.
    const SearchQuery& query() const { return m_query; }

    // What Qt::AccessibleTextRole answers for a row of this proxy (the view knows what the row
    // shows: a collapsed cluster's counts); unset, the role is the source's.
    using AccessibleText = std::function<QString(const QModelIndex& proxyIndex)>;
    void setAccessibleText(AccessibleText text) { m_accessibleText = std::move(text); }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // From the filter's marks while filtering: the view asks it of every row it lays out, and
    // the base class would build a mapping for each (a thousand clusters, every keystroke).
    bool hasChildren(const QModelIndex& parent = {}) const override;

Q_SIGNALS:
    // The filter ran again after the rows changed: expansion() may hold new paths.
    void refiltered();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    // One row of the model below the organisation, placeholders left out, in tree order.
    // The views point into the model's storage: the table is rebuilt after any change.
    struct Row {
        const char* key;
        const CompactId* id; // the tree's own: valid while the rows are
        quint32 keyLength;
        quint32 serial;
        quint32 end; // one past the last row below this one
        int row; // in its parent
        OrganizationTreeModel::NodeKind kind;
        quint8 expiry; // an ExpiryState: one byte, so a row is 40 bytes
        bool idFolded : 1;
        bool idHex : 1;
        // The id is 16 bytes, not text: unless the key lacks a word that is a piece of a UUID,
        // the row is matched without reading the tree's node at all (a cache miss a row: most
        // of a keystroke at 58,000 rows).
        bool idPacked : 1;
        bool paused : 1;
        bool hosted : 1;
    };
    // Marks (below the generation's next step): shown, everything below shown, a match below.
    enum Mark : quint32 {
        Shown = 0,
        Whole = 1,
        MatchesBelow = 2,
    };

    void rebuildRows();
    void evaluate();
    void setMark(quint32 serial, quint32 flags);
    // The flags of a shown row, or -1 if it is not shown.
    int markOf(const QModelIndex& sourceIndex) const;
    void sourceChanged();
    bool statesHold(const Row& row, const QModelIndex& sourceIndex) const;
    // What the filter reads of a source row; serial, end and row (its place in the table)
    // are left for the table to set.
    Row rowAt(const QModelIndex& sourceIndex) const;
    quint64 wordsIn(const Row& row) const;

    OrganizationTreeModel* m_tree = nullptr;
    SearchQuery m_query;
    std::vector<Row> m_rows;
    // The rows' ids lower-cased, back to back, for those that are all ASCII (UUIDs are).
    bool m_rowsStale = true;
    // Per source row (OrganizationTreeModel::serial()): the generation + flags if the row shows.
    // Each evaluation moves the generation on by 4, so nothing is ever cleared, and a look-up
    // is an array index, not a hash. Two sets: evaluate() fills the one not shown, and the
    // layout change turns it over once the views have seen the old rows for the last time
    // (they ask during layoutAboutToBeChanged, and must get the old answers).
    struct Marks {
        std::vector<quint32> values;
        quint32 generation = 0;
    };
    Marks m_marks[2];
    int m_shown = 0; // the set filterAcceptsRow() and hasChildren() answer from
    bool m_shownFiltering = false; // whether the rows shown are filtered
    // A new evaluation becomes what is shown, in one layout change.
    void apply();
    QModelIndexList m_expand;
    int m_matchCount = 0;
    QTimer* m_refilter;
    QTimer* m_regather; // gathers the rows after the tree changed, while typing is expected
    bool m_typingExpected = false;
    QElapsedTimer m_lastChange; // since the tree last changed, while typing is expected
    QList<QMetaObject::Connection> m_sourceConnections;
    AccessibleText m_accessibleText;
};
