// SPDX-License-Identifier: MIT
#include "navigationfilterproxy.h"

#include "modelroles.h"

#include <QTimer>
#include <QVarLengthArray>

#include <algorithm>

using Kind = OrganizationTreeModel::NodeKind;
using Expiry = OrganizationTreeModel::ExpiryState;

namespace {
bool isItem(Kind kind)
{
    return kind == Kind::Cluster || kind == Kind::Queue || kind == Kind::Token;
}
bool isContainer(Kind kind)
{
    return kind == Kind::Cluster || kind == Kind::QueueGroup || kind == Kind::TokenGroup;
}
} // namespace

NavigationFilterProxy::NavigationFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_refilter(new QTimer(this))
    , m_regather(new QTimer(this))
{
    // evaluate() decides ancestors too, and runs again after the rows change: the proxy's own
    // recursion and re-filtering would only repeat that work, row by row.
    setRecursiveFilteringEnabled(false);
    setDynamicSortFilter(false);
    m_refilter->setSingleShot(true);
    m_refilter->setInterval(150);
    connect(m_refilter, &QTimer::timeout, this, [this] {
        if (m_query.isEmpty())
            return;
        evaluate();
        apply();
        Q_EMIT refiltered();
    });
    m_regather->setSingleShot(true);
    connect(m_regather, &QTimer::timeout, this, [this] {
        if (!m_typingExpected)
            return;
        // Not restarted on every change (a load makes tens of thousands of them): the wait is
        // taken up again for what remains of it since the last one.
        const qint64 quiet = m_lastChange.elapsed();
        if (quiet < m_refilter->interval()) {
            m_regather->start(m_refilter->interval() - int(quiet));
            return;
        }
        prepare();
    });
}

QVariant NavigationFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::AccessibleTextRole && m_accessibleText && index.isValid())
        return m_accessibleText(index);
    return QSortFilterProxyModel::data(index, role);
}

void NavigationFilterProxy::setRefilterDelay(int milliseconds)
{
    m_refilter->setInterval(milliseconds);
}

void NavigationFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    for (const auto& c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_tree = qobject_cast<OrganizationTreeModel*>(model);
    m_rows.clear();
    m_rowsStale = true;
    m_marks[0] = {};
    m_marks[1] = {};
    m_shownFiltering = !m_query.isEmpty();
    m_expand.clear();
    m_refilter->stop();
    QSortFilterProxyModel::setSourceModel(model);
    if (!m_tree)
        return;
    // Before the change, too: the table points into rows that may be about to go.
    auto changed = [this] { sourceChanged(); };
    auto& c = m_sourceConnections;
    c << connect(m_tree, &QAbstractItemModel::rowsAboutToBeRemoved, this, changed);
    c << connect(m_tree, &QAbstractItemModel::rowsAboutToBeInserted, this, changed);
    c << connect(m_tree, &QAbstractItemModel::rowsAboutToBeMoved, this, changed);
    c << connect(m_tree, &QAbstractItemModel::layoutAboutToBeChanged, this, changed);
    c << connect(m_tree, &QAbstractItemModel::modelAboutToBeReset, this, changed);
    c << connect(m_tree, &QAbstractItemModel::rowsInserted, this, changed);
    c << connect(m_tree, &QAbstractItemModel::rowsRemoved, this, changed);
    c << connect(m_tree, &QAbstractItemModel::rowsMoved, this, changed);
    c << connect(m_tree, &QAbstractItemModel::dataChanged, this, changed);
    c << connect(m_tree, &QAbstractItemModel::layoutChanged, this, changed);
    c << connect(m_tree, &QAbstractItemModel::modelReset, this, changed);
    if (!m_query.isEmpty()) {
        evaluate();
        apply();
    } else if (m_typingExpected) {
        m_lastChange.start();
        m_regather->start(m_refilter->interval());
    }
}

void NavigationFilterProxy::setFilterText(const QString& text)
{
    const SearchQuery query(text);
    if (query.text() == m_query.text())
        return;
    m_query = query;
    m_refilter->stop();
    evaluate();
    // The table stays while the box is empty (a few MB at 58,000 rows): the next first
    // keystroke, the one that is never debounced, then does not gather it again.
    apply();
}

void NavigationFilterProxy::apply()
{
    // One layout change for the whole tree. invalidateFilter() would instead remove and insert
    // rows parent by parent (thousands of signals, each making the view scan its persistent
    // indexes). The new marks take over after everyone else has seen layoutAboutToBeChanged:
    // a connection made now is the last one called.
    bool turned = false;
    const auto turn = [this, &turned] {
        if (std::exchange(turned, true))
            return;
        m_shown = 1 - m_shown;
        m_shownFiltering = !m_query.isEmpty();
    };
    const QMetaObject::Connection c
        = connect(this, &QAbstractItemModel::layoutAboutToBeChanged, this, turn);
    invalidate();
    disconnect(c);
    turn(); // in case no layout change was announced
}

void NavigationFilterProxy::prepare()
{
    if (m_rowsStale)
        rebuildRows();
}

void NavigationFilterProxy::setTypingExpected(bool expected)
{
    m_typingExpected = expected;
    if (expected)
        prepare();
    else
        m_regather->stop();
}

void NavigationFilterProxy::sourceChanged()
{
    m_rowsStale = true;
    // A stale table is gathered again before it is read, and while the box is empty nothing
    // reads it until prepare() (the box getting the focus) or a keystroke: no need to hold it
    // (2.3 MB at 58,000 rows) through a reload.
    if (m_query.isEmpty() && !m_rows.empty())
        std::vector<Row>().swap(m_rows);
    // Unless the box has the focus: then they are gathered again once the tree has been quiet
    // for a moment (the wait counts from the last change, so a load gathers them once, at its
    // end).
    if (m_query.isEmpty() && m_typingExpected) {
        m_lastChange.start();
        if (!m_regather->isActive())
            m_regather->start(m_refilter->interval());
    }
    // Rows that arrive meanwhile stay hidden (they are not marked yet) until the filter runs.
    if (!m_query.isEmpty() && !m_refilter->isActive())
        m_refilter->start();
}

void NavigationFilterProxy::rebuildRows()
{
    static_assert(sizeof(Row) <= 40, "one per row of the tree: 58,000 at 1,000 clusters");
    m_rows.clear();
    m_rowsStale = false;
    if (!m_tree)
        return;
    const QModelIndex org = m_tree->organizationIndex();
    if (!org.isValid())
        return;
    m_rows.reserve(size_t(
        m_tree->summary().queues + m_tree->summary().tokens + 3 * m_tree->summary().clusters));
    // Clusters, their groups, the groups' rows: three levels below the organisation.
    auto add = [this](const QModelIndex& index, int row) -> bool {
        Row r = rowAt(index);
        if (r.kind == Kind::Loading || r.kind == Kind::Error)
            return false;
        r.serial = m_tree->serial(index);
        r.end = quint32(m_rows.size() + 1);
        r.row = row;
        m_rows.push_back(r);
        return isContainer(r.kind);
    };
    const int clusters = m_tree->rowCount(org);
    for (int c = 0; c < clusters; ++c) {
        const QModelIndex cluster = m_tree->index(c, 0, org);
        const size_t clusterAt = m_rows.size();
        if (!add(cluster, c))
            continue;
        const int groups = m_tree->rowCount(cluster);
        for (int g = 0; g < groups; ++g) {
            const QModelIndex group = m_tree->index(g, 0, cluster);
            const size_t groupAt = m_rows.size();
            if (!add(group, g))
                continue;
            const int rows = m_tree->rowCount(group);
            for (int r = 0; r < rows; ++r)
                add(m_tree->index(r, 0, group), r);
            m_rows[groupAt].end = quint32(m_rows.size());
        }
        m_rows[clusterAt].end = quint32(m_rows.size());
    }
}

NavigationFilterProxy::Row NavigationFilterProxy::rowAt(const QModelIndex& sourceIndex) const
{
    const OrganizationTreeModel::SearchRow s = m_tree->searchRow(sourceIndex);
    Row r {};
    r.key = s.key.data();
    r.keyLength = quint32(s.key.size());
    r.id = s.id;
    r.kind = s.kind;
    r.expiry = quint8(s.expiry);
    r.idFolded = s.idFolded;
    r.idHex = s.idHex;
    r.idPacked = s.id && s.id->isPacked();
    r.paused = s.paused;
    r.hosted = s.hosted;
    return r;
}

quint64 NavigationFilterProxy::wordsIn(const Row& row) const
{
    const QByteArrayView key(row.key, row.keyLength);
    if (!row.id) // no such row
        return m_query.wordsIn(key, QByteArrayView());
    if (!row.idPacked)
        return m_query.wordsIn(key, QStringView(*row.id->text()), row.idFolded, row.idHex);
    // A packed id is a UUID: only a piece of one can be in it (SearchQuery::uuidPieces()), and
    // only such a piece that the key lacks needs it. Most rows are then decided without reading
    // the tree's node (a cache miss a row), and the id's text is written out (on the stack) only
    // for the rest: a copy of every id's text, kept for the filter, was 2 MB at 58,000 rows.
    const quint64 inKey = m_query.wordsIn(key, QByteArrayView());
    if (!(m_query.uuidPieces() & ~inKey))
        return inKey;
    char id[CompactId::packedLength];
    row.id->writePacked(id);
    return inKey | m_query.wordsIn(QByteArrayView(), QByteArrayView(id, CompactId::packedLength));
}

bool NavigationFilterProxy::statesHold(const Row& row, const QModelIndex& index) const
{
    const quint8 states = m_query.states();
    if (row.kind == Kind::Queue) {
        if (states & (SearchQuery::Expired | SearchQuery::Expiring))
            return false;
        if ((states & SearchQuery::Paused) && !row.paused)
            return false;
        if ((states & SearchQuery::Hosted) && !row.hosted)
            return false;
        if (states & SearchQuery::Idle) {
            // Unknown (not loaded yet, or no read_agents) is not idle, nor is a hosted queue
            // without agents (Buildkite starts them when jobs arrive): what the attention tile
            // counts, so its click shows as many.
            const QVariant connected = index.data(ModelRoles::AgentsConnected);
            if (row.hosted || !connected.isValid() || connected.toInt() != 0)
                return false;
        }
        return true;
    }
    if (row.kind == Kind::Token) {
        if (states & (SearchQuery::Paused | SearchQuery::Idle | SearchQuery::Hosted))
            return false;
        if ((states & SearchQuery::Expired) && Expiry(row.expiry) != Expiry::Expired)
            return false;
        if ((states & SearchQuery::Expiring) && Expiry(row.expiry) != Expiry::ExpiringSoon)
            return false;
        return true;
    }
    return false;
}

bool NavigationFilterProxy::matches(const QModelIndex& sourceIndex) const
{
    if (!m_tree || !sourceIndex.isValid())
        return false;
    const Row row = rowAt(sourceIndex);
    if (!isItem(row.kind))
        return false;
    if (m_query.isEmpty())
        return true;
    const quint64 words = wordsIn(row);
    if (!m_query.hasStates())
        return words == m_query.allWords();
    if (!statesHold(row, sourceIndex))
        return false;
    if (words == m_query.allWords())
        return true;
    const QModelIndex cluster
        = m_tree->indexForId(sourceIndex.data(ModelRoles::ClusterId).toString());
    return (words | wordsIn(rowAt(cluster))) == m_query.allWords();
}

void NavigationFilterProxy::setMark(quint32 serial, quint32 flags)
{
    Marks& next = m_marks[1 - m_shown];
    if (serial < next.values.size())
        next.values[serial] = next.generation + flags;
}

int NavigationFilterProxy::markOf(const QModelIndex& index) const
{
    const quint32 serial = m_tree->serial(index);
    const Marks& shown = m_marks[m_shown];
    if (serial >= shown.values.size() || shown.values[serial] < shown.generation)
        return -1;
    return int(shown.values[serial] - shown.generation);
}

bool NavigationFilterProxy::hasMatchesBelow(const QModelIndex& sourceIndex) const
{
    if (!m_tree || !m_shownFiltering)
        return false;
    const int mark = markOf(sourceIndex);
    return mark >= 0 && (mark & MatchesBelow);
}

void NavigationFilterProxy::evaluate()
{
    m_expand.clear();
    m_matchCount = 0;
    Marks& next = m_marks[1 - m_shown];
    next.generation += 4; // past every flag combination of the previous one
    if (!m_tree || m_query.isEmpty())
        return;
    const QModelIndex org = m_tree->organizationIndex();
    if (!org.isValid())
        return;
    if (m_rowsStale)
        rebuildRows();
    if (next.values.size() < m_tree->serialBound())
        next.values.resize(m_tree->serialBound(), 0);

    const SearchQuery& q = m_query;
    const quint64 all = q.allWords();
    const bool states = q.hasStates();
    const bool needIndex = q.states() & SearchQuery::Idle; // read through data()
    int budget = expansionBudget;
    bool anyCluster = false;
    bool anyMatch = false;
    std::vector<quint32> matched;
    QModelIndexList expand;
    const quint32 count = quint32(m_rows.size());
    for (quint32 c = 0; c < count; c = m_rows[c].end) {
        const Row& cluster = m_rows[c];
        const quint64 clusterWords = wordsIn(cluster);
        const bool clusterMatches = !states && clusterWords == all;
        const QModelIndex clusterIndex
            = needIndex ? m_tree->index(cluster.row, 0, org) : QModelIndex();
        bool anyShown = false;
        int shownGroups = 0;
        int reveal = 0; // rows that expanding this cluster and its matching groups shows
        QVarLengthArray<int, 2> matchingGroups;
        for (quint32 g = c + 1; g < cluster.end; g = m_rows[g].end) {
            const Row& group = m_rows[g];
            // A state word that no row of this group can hold rules it out at once.
            if (states
                && ((group.kind == Kind::QueueGroup && !q.wantsQueues())
                    || (group.kind == Kind::TokenGroup && !q.wantsTokens())))
                continue;
            matched.clear();
            const QModelIndex groupIndex
                = needIndex ? m_tree->index(group.row, 0, clusterIndex) : QModelIndex();
            for (quint32 i = g + 1; i < group.end; ++i) {
                const Row& row = m_rows[i];
                bool match;
                if (!states) {
                    match = wordsIn(row) == all;
                } else {
                    match = statesHold(row,
                                needIndex ? m_tree->index(row.row, 0, groupIndex) : QModelIndex())
                        && (clusterWords == all || (wordsIn(row) | clusterWords) == all);
                }
                if (match)
                    matched.push_back(row.serial);
            }
            const int items = int(group.end - g - 1);
            m_matchCount += int(matched.size());
            // Everything under a matching cluster shows; so does a group whose every row
            // matches: marked once instead of row by row.
            const bool whole = clusterMatches || (items > 0 && int(matched.size()) == items);
            if (!whole) {
                for (quint32 serial : matched)
                    setMark(serial, Shown);
            }
            if (!matched.empty() || clusterMatches) {
                setMark(group.serial,
                    (whole ? int(Whole) : 0) | (matched.empty() ? 0 : int(MatchesBelow)));
                anyShown = true;
                ++shownGroups;
            }
            if (!matched.empty()) {
                matchingGroups.append(int(g));
                reveal += whole ? items : int(matched.size());
            }
        }
        if (clusterMatches)
            ++m_matchCount;
        if (!anyShown && !clusterMatches)
            continue;
        anyCluster = true;
        setMark(cluster.serial, matchingGroups.isEmpty() ? Shown : MatchesBelow);
        if (matchingGroups.isEmpty())
            continue;
        anyMatch = true;
        // The first clusters in order, as many as the budget allows: the top of the list
        // reads expanded, the rest collapsed.
        reveal += shownGroups;
        if (budget < reveal) {
            budget = -1;
            continue;
        }
        budget -= reveal;
        const QModelIndex clusterAt = m_tree->index(cluster.row, 0, org);
        expand.append(clusterAt);
        for (int g : std::as_const(matchingGroups))
            expand.append(m_tree->index(m_rows[g].row, 0, clusterAt));
    }
    if (anyCluster) {
        setMark(m_tree->serial(org), anyMatch ? MatchesBelow : Shown);
        m_expand.append(org);
    }
    m_expand += expand;
}

bool NavigationFilterProxy::hasChildren(const QModelIndex& parent) const
{
    if (!m_tree || !parent.isValid())
        return QSortFilterProxyModel::hasChildren(parent);
    if (!m_shownFiltering) // every row is accepted
        return m_tree->hasChildren(mapToSource(parent));
    const QModelIndex source = mapToSource(parent);
    const Kind kind = m_tree->kind(source);
    if (kind != Kind::Cluster && kind != Kind::QueueGroup && kind != Kind::TokenGroup)
        return QSortFilterProxyModel::hasChildren(parent);
    // What evaluate() marked: a cluster shows only with a group it shows; a group shows with
    // its matches (MatchesBelow), or whole, with every row that is not a placeholder.
    const int mark = markOf(source);
    if (mark < 0)
        return false;
    if (kind == Kind::Cluster)
        return true;
    if (mark & MatchesBelow)
        return true;
    if (!(mark & Whole))
        return false;
    const int rows = m_tree->rowCount(source);
    return rows > 0 && isItem(m_tree->kind(m_tree->index(0, 0, source)));
}

bool NavigationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_shownFiltering || !m_tree)
        return true;
    const QModelIndex index = m_tree->index(sourceRow, 0, sourceParent);
    const int parentMark = sourceParent.isValid() ? markOf(sourceParent) : -1;
    if (parentMark >= 0 && (parentMark & Whole))
        return isItem(m_tree->kind(index));
    if (!sourceParent.isValid()) // the organisation
        return true;
    return markOf(index) >= 0;
}
