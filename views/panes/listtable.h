// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class OrganizationTreeModel;
class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class TableCellDelegate;
class TreeListFeed;

// The frame of the tables of queues and agent tokens: a row of controls with a filter box, and a
// sortable, multi-selection view over a flat list fed from the navigation tree (TreeListFeed).
// Lists merge by id, so a refresh keeps the selection, the sort and the scroll position. The
// feed runs only while the table is on screen. Enter or a double click on a row asks for it in
// the tree (selectRequested).
//
// objectNames, under the table's own: tableView, tableFilterEdit, tableCountLabel.
class ListTable : public QWidget {
    Q_OBJECT
public:
    void setTree(OrganizationTreeModel* tree);
    // Empty: every cluster's items, with a Cluster column; otherwise that cluster's, without it.
    void setCluster(const QString& clusterId);
    QString cluster() const;

    QTreeView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    TreeListFeed* feed() const { return m_feed; }
    QLineEdit* filterEdit() const { return m_filter; }

    // Ids of the selected rows, in view order.
    QStringList selectedIds() const;
    // Selects these rows (those shown) and makes the first current.
    void selectIds(const QStringList& ids);
    // Brings the list up to date now (tests, screenshots).
    void sync();

Q_SIGNALS:
    void selectRequested(const QString& id);
    void selectionChanged();

protected:
    // `model` is the subclass's flat list (not owned here); clusterColumn its Cluster column,
    // hiddenColumns those shown only on request (the header's context menu).
    ListTable(QAbstractItemModel* model, int clusterColumn, const QList<int>& hiddenColumns,
        QWidget* parent);

    QHBoxLayout* controls() const { return m_controls; }
    TableCellDelegate* delegate() const { return m_delegate; }
    // "12 queues" / "3 of 12 queues" under a filter; the subclass says what a row is.
    virtual QString countText(int shown, int total) const = 0;
    void updateCount();

    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showHeaderMenu(const QPoint& pos);

    QAbstractItemModel* m_model;
    int m_clusterColumn;
    QHBoxLayout* m_controls;
    QLineEdit* m_filter;
    QLabel* m_count;
    QTreeView* m_view;
    QSortFilterProxyModel* m_proxy;
    TableCellDelegate* m_delegate;
    TreeListFeed* m_feed;
};
