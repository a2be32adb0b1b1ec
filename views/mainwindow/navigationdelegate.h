// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class ChangeHighlighter;

// Draws the rows of the navigation tree: cluster colour swatch, emoji and name (collapsed: with
// its paused queues and expired tokens counted); queue key with its agents ("3 agents · 1 busy",
// "No agents"), "Paused", "Default" and hosted-shape chips; token description with its expiry
// chip; muted group and loading rows; error rows in the danger colour. Rows that changed in the
// last refresh are tinted briefly.
class NavigationDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit NavigationDelegate(ChangeHighlighter* highlighter, QObject* parent = nullptr);

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

private:
    ChangeHighlighter* m_highlighter;
};
