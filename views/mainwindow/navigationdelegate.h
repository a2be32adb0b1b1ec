// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

#include <functional>

class ChangeHighlighter;

// Draws the rows of the navigation tree: cluster colour mark, emoji and name (collapsed: with
// its paused queues and expired tokens counted); queue key with its agents ("3 agents · 1 busy",
// "No agents"), "Paused", "Default" and hosted-shape chips; token description with its expiry
// chip; muted group and loading rows; error rows in the danger colour. Rows that changed in the
// last refresh are tinted briefly.
//
// Cluster rows keep a slot for the colour and one for the emoji whether the cluster has them or
// not, so the names line up; no colour draws nothing (an empty outline reads as a checkbox).
// While a filter is on (the model is a NavigationFilterProxy) the words found in the title are
// drawn on the highlight colour, a row that matches itself is drawn bolder, and one that
// matched by its description (or id) shows that after its title.
class NavigationDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit NavigationDelegate(ChangeHighlighter* highlighter, QObject* parent = nullptr);

    // Whether a queue or cluster id is watched: its row shows a star before its chips.
    using IsWatched = std::function<bool(const QString& id)>;
    void setIsWatched(IsWatched isWatched) { m_isWatched = std::move(isWatched); }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    struct Chip {
        QString text;
        int tone; // Tone
    };
    // The chips a row shows, right-aligned; public so tests can check what a row says.
    static QList<Chip> chips(const QModelIndex& index);
    // The same for a row as the view shows it: a collapsed cluster also counts its paused
    // queues and expired tokens ("2 paused", "1 expired"), which its hidden rows would show.
    static QList<Chip> chips(const QModelIndex& index, bool expanded);
    // The row's main text as drawn (emoji rendered).
    static QString title(const QModelIndex& index);
    // What a screen reader says of the row: its title and its chips ("deploy, paused"); a
    // collapsed cluster adds its paused queues and expired tokens.
    static QString accessibleText(const QModelIndex& index, bool expanded);

    // Where the parts of a row go; public so tests can check the alignment.
    struct Layout {
        QRect mark; // the cluster's colour; null when it has none (and on other rows)
        QRect emoji; // the cluster's emoji slot, kept when it has none (null on other rows)
        QRect text; // the title, up to the right edge (the chips take their part of it)
        QString emojiText; // what the slot shows
        QString title; // what the text shows
    };
    static Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index);

private:
    bool watched(const QModelIndex& index) const;

    ChangeHighlighter* m_highlighter;
    IsWatched m_isWatched;
};
