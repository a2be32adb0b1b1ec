// SPDX-License-Identifier: MIT
#include "navigationfilterproxy.h"

#include "organizationtreemodel.h"

using Kind = OrganizationTreeModel::NodeKind;

NavigationFilterProxy::NavigationFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // keeps the parents of a match
    setDynamicSortFilter(true);
}

void NavigationFilterProxy::setFilterText(const QString& text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    // Every word must appear: "macos paused" narrows, it doesn't widen.
    m_words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool NavigationFilterProxy::matches(const QModelIndex& sourceIndex) const
{
    const auto kind = sourceIndex.data(OrganizationTreeModel::KindRole).value<Kind>();
    if (kind != Kind::Cluster && kind != Kind::Queue && kind != Kind::Token)
        return false;
    const QString haystack = sourceIndex.data(OrganizationTreeModel::SearchTextRole).toString();
    for (const QString& word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool NavigationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    if (kind == Kind::Organization)
        return true;
    if (kind == Kind::Loading || kind == Kind::Error)
        return false;
    if (matches(index))
        return true;
    // Under a matching cluster everything shows.
    for (QModelIndex up = sourceParent; up.isValid(); up = up.parent()) {
        if (up.data(OrganizationTreeModel::KindRole).value<Kind>() == Kind::Cluster)
            return matches(up);
    }
    return false;
}
