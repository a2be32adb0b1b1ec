// SPDX-License-Identifier: MIT
#pragma once

#include "tone.h"

#include <QSet>
#include <QStyledItemDelegate>

#include <functional>
#include <optional>

// The cells of the tables and of the attention list: a date as "3 hours ago" (the exact time in
// its tooltip), a cluster column as the cluster's emoji and name, and a state word in its tone
// (Paused in amber, Expired in red), readable on the selection too.
class TableCellDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using ToneOf = std::function<std::optional<Tone>(const QModelIndex&)>;

    explicit TableCellDelegate(QObject* parent = nullptr);

    // Columns whose text is a cluster name, with the cluster's shortcode in ModelRoles::Emoji.
    void setClusterColumns(const QSet<int>& columns) { m_clusterColumns = columns; }
    // The tone of a cell's text, if any.
    void setToneOf(ToneOf toneOf) { m_toneOf = std::move(toneOf); }

    QString displayText(const QVariant& value, const QLocale& locale) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QSet<int> m_clusterColumns;
    ToneOf m_toneOf;
};
