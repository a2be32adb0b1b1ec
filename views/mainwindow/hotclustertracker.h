// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QTimer;
class QTreeView;

// Which clusters the user is looking at, for the refresh: the selected one first, then the
// expanded ones, then those with a row in the viewport. Worked out a moment after the view
// changes (selection, expansion, scrolling, resizing, rows coming and going), so a scroll or a
// load that fills the tree costs one pass, not one per event; a pass reads each cluster row's
// expansion once and walks only the rows in the viewport.
//
// It also says when the user opens a cluster's agent tokens (expands its token group, selects
// the group or a token), so they can be checked soon.
class HotClusterTracker final : public QObject {
    Q_OBJECT
public:
    // Follows the tree (its model may be any proxy of the OrganizationTreeModel).
    explicit HotClusterTracker(QTreeView* tree, QObject* parent = nullptr);

    QStringList hotClusters() const { return m_hot; }
    // How long changes settle before a pass (tests shorten it).
    void setDelay(int milliseconds);
    // A pass now.
    void update();

Q_SIGNALS:
    void hotClustersChanged(const QStringList& clusterIds);
    void tokensOpened(const QString& clusterId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void schedule();
    QStringList compute() const;
    void noteOpened(const class QModelIndex& index, bool expanded);

    QTreeView* m_tree;
    const QObject* m_viewport = nullptr;
    QTimer* m_delay;
    QStringList m_hot;
    QStringList m_opened; // reported once control returns: one gesture can open twice
};
