// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

// The filter box of the navigation tree: matches clusters, queues and tokens by name, key,
// description and id (the tree model's SearchTextRole), case-insensitively. Parents of a match
// stay visible so it can be found in place; everything under a matching cluster stays visible
// too, so "production" shows that cluster's queues and tokens. Placeholder rows are hidden while
// filtering.
class NavigationFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit NavigationFilterProxy(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    // Whether the source row itself (not a parent or child) matches the filter.
    bool matches(const QModelIndex& sourceIndex) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    QString m_text;
};
