// SPDX-License-Identifier: MIT
#pragma once

#include "navigationselection.h"

#include <QPointer>
#include <QWidget>

class ChangeHighlighter;
class NavigationFilterProxy;
class OrganizationTreeModel;
class QLineEdit;
class QTimer;
class QTreeView;

// The left side of the main window: the filter box over the organisation tree, with its filter
// proxy, row delegate and change highlighter. It answers what is selected and selects by id;
// what a selection means is for the main window.
//
// objectNames: filterEdit, navigationTree.
class NavigationPanel final : public QWidget {
    Q_OBJECT
public:
    explicit NavigationPanel(QWidget* parent = nullptr);

    // Shows this model (not owned; null shows nothing): clears the filter, expands and selects
    // the organisation, and highlights no change until setHighlightChanges(true).
    void setModel(OrganizationTreeModel* model);
    OrganizationTreeModel* model() const { return m_model; }
    // Rows the model reports as changed are tinted for a moment; off while a first load fills
    // the tree, where every row is new and none is news.
    void setHighlightChanges(bool on) { m_highlightChanges = on; }

    QTreeView* tree() const { return m_tree; }
    NavigationFilterProxy* proxy() const { return m_proxy; }
    ChangeHighlighter* highlighter() const { return m_highlighter; }

    NavigationSelection selection() const;
    // The current row in the model's terms (invalid when nothing is selected).
    QModelIndex currentIndex() const;
    QString selectedId() const;
    // Selects the row of a cluster, queue or token id; false if it is not in the tree.
    bool selectId(const QString& id);
    // Find: focus in the filter box with its text selected.
    void focusFilter();
    // Puts this text in the filter box (the organisation's tiles: "is:paused").
    void setFilterText(const QString& text);

Q_SIGNALS:
    void currentChanged();

private:
    QPointer<OrganizationTreeModel> m_model;
    QMetaObject::Connection m_changedIds;
    QLineEdit* m_filter;
    QTreeView* m_tree;
    NavigationFilterProxy* m_proxy;
    ChangeHighlighter* m_highlighter;
    QTimer* m_expiryClock;
    bool m_highlightChanges = false;
};
