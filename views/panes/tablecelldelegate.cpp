// SPDX-License-Identifier: MIT
#include "tablecelldelegate.h"

#include "clustertitle.h"
#include "format.h"
#include "modelroles.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

TableCellDelegate::TableCellDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QString TableCellDelegate::displayText(const QVariant& value, const QLocale& locale) const
{
    if (value.typeId() == QMetaType::QDateTime)
        return Format::relative(value.toDateTime().toUTC());
    return QStyledItemDelegate::displayText(value, locale);
}

QSize TableCellDelegate::sizeHint(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Rows as tall as the tree's, so a long table stays easy to read and to hit.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}

void TableCellDelegate::initStyleOption(
    QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_clusterColumns.contains(index.column()))
        option->text = clusterTitle(index.data(ModelRoles::Emoji).toString(), option->text);
    if (m_toneOf) {
        if (const auto tone = m_toneOf(index)) {
            const QColor colour = Tones::text(*tone, option->palette);
            option->palette.setColor(QPalette::Text, colour);
            // On the selection the highlight's own text colour stays; bold still says it.
            option->font.setBold(*tone == Tone::Danger || *tone == Tone::Warning);
        }
    }
}

bool TableCellDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
    const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const QVariant value = index.data(Qt::DisplayRole);
    if (event && view && value.typeId() == QMetaType::QDateTime
        && !index.data(Qt::ToolTipRole).isValid()) {
        QToolTip::showText(event->globalPos(), Format::dateTime(value.toDateTime()), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
