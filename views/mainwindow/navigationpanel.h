// SPDX-License-Identifier: MIT
#pragma once

#include "navigationselection.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class ChangeHighlighter;
class Debouncer;
class NavigationFilterProxy;
class OrganizationTreeModel;
class QFrame;
class QLabel;
class QLineEdit;
class QStackedLayout;
class QTimer;
class QTreeView;

// The left side of the main window: the filter box over the organisation tree, with its filter
// proxy, row delegate and change highlighter. It answers what is selected and selects by id;
// what a selection means is for the main window.
//
// Typing filters at once on the first keystroke; keystrokes that follow within filterDelay()
// are applied together once typing pauses, so a burst costs one pass, not one per key. While
// a filter is on, only the paths to matching rows are expanded; clearing it brings back the
// expansion the user had before (and the path to the selected row).
//
// Escape in the filter box, or in the tree while a filter is on, clears the filter. Beside the
// box, how many rows match; when none does, the tree gives way to a message with a button that
// clears the filter.
//
// objectNames: filterEdit, filterMatchCount, navigationTree, filterEmptyState,
// clearFilterButton.
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
    // Which queue and cluster ids are watched: their rows show a star and are read out as
    // watched.
    void setIsWatched(std::function<bool(const QString& id)> isWatched);
    // Find: focus in the filter box with its text selected.
    void focusFilter();
    // Whether typed text waits to be applied to the filter, and applying it now.
    bool isFilterPending() const;
    void flushFilter();
    Debouncer* filterDebouncer() const { return m_debouncer; }
    static constexpr int filterDelay = 150; // milliseconds
    // Puts this text in the filter box (the organisation's tiles: "is:paused").
    void setFilterText(const QString& text);
    // Empties the filter box and shows the whole tree again, as the user left it.
    void clearFilter();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    void currentChanged();

private:
    void applyFilter(const QString& text);
    // Expands the paths to the matching rows (the proxy's expansion()): after a new filter text
    // on a collapsed tree, after a change of the rows in addition to what is expanded.
    void expandMatches();
    void restoreExpansion();
    void noteExpanded(const QModelIndex& index, bool expanded);
    // The match count beside the box and the empty state, after the filter ran.
    void showFilterOutcome();

    QPointer<OrganizationTreeModel> m_model;
    QMetaObject::Connection m_changedIds;
    QLineEdit* m_filter;
    QLabel* m_matchCount;
    QTreeView* m_tree;
    QFrame* m_empty;
    QStackedLayout* m_treeOrEmpty;
    NavigationFilterProxy* m_proxy;
    ChangeHighlighter* m_highlighter;
    std::function<bool(const QString& id)> m_isWatched;
    QTimer* m_expiryClock;
    Debouncer* m_debouncer;
    // Ids of the rows the user expanded, kept while no filter is on and restored after one.
    QSet<QString> m_userExpanded;
    bool m_expanding = false; // the panel itself expands or collapses: not the user
    bool m_highlightChanges = false;
};
