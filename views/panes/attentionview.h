// SPDX-License-Identifier: MIT
#pragma once

#include "attentionmodel.h"

#include <QSet>
#include <QWidget>

class AttentionTile;
class QGridLayout;
class QLabel;
class QTreeView;

// What needs a human, as the organisation pane shows it: the tiles (counts) and the list below
// them, both from one AttentionModel. A click on a queue or token in the list (or Enter on it)
// asks for it in the tree; a click on a tile asks for the tree's filter to show what it counts
// (the filter's state words) and opens its section of the list.
//
// AttentionTiles objectNames: attentionTiles; the tiles' counts pausedQueuesCount,
// idleQueuesCount, expiredCount, expiringSoonCount, neverExpiringCount, unrestrictedCount (the
// tiles: the same + "Tile").
// AttentionView objectNames: attentionView, attentionList (the tree view), attentionEmptyLabel.
class AttentionTiles final : public QWidget {
    Q_OBJECT
public:
    explicit AttentionTiles(QWidget* parent = nullptr);

    void setModel(AttentionModel* model);
    AttentionTile* tile(AttentionModel::Section section) const;
    // The tree filter that shows a section (empty: none does).
    static QString filterWords(AttentionModel::Section section);

Q_SIGNALS:
    void tileClicked(AttentionModel::Section section);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateCounts();
    // Lays the visible tiles out in rows of at most `fit`.
    void arrange(int fit);

    AttentionModel* m_model = nullptr;
    QList<AttentionTile*> m_tiles; // by section
    QGridLayout* m_grid;
    int m_fit = 3;
};

class AttentionView final : public QWidget {
    Q_OBJECT
public:
    explicit AttentionView(QWidget* parent = nullptr);

    void setModel(AttentionModel* model);
    QTreeView* list() const { return m_list; }
    // Expands the section and scrolls it to the top.
    void revealSection(AttentionModel::Section section);

    // A section opens by itself while it is short enough to read at a glance; a longer one
    // (26,000 queues without agents in a big organisation) stays closed with its count in its
    // title, so every section's title shows at once, and the view lays out a few rows instead
    // of tens of thousands (2 MB at 1,000 clusters). Paused queues always open: that list is
    // what an incident is about. Once the user opens or closes a section (a click, the keys,
    // its tile), it stays as they left it.
    static constexpr int openRowLimit = 50;

Q_SIGNALS:
    void selectRequested(const QString& id);

private:
    void updateSections();

    AttentionModel* m_model = nullptr;
    QTreeView* m_list;
    QLabel* m_empty;
    QSet<int> m_chosen; // sections the user opened or closed: their expansion is theirs
    bool m_arranging = false; // the view, not the user, is opening or closing sections
};
