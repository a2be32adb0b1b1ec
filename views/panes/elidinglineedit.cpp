// SPDX-License-Identifier: MIT
#include "elidinglineedit.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

ElidingLineEdit::ElidingLineEdit(QWidget* parent)
    : QLineEdit(parent)
{
}

QRect ElidingLineEdit::textArea() const
{
    QStyleOptionFrame option;
    initStyleOption(&option);
    QRect area = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    area = area.marginsRemoved(textMargins());
    // QLineEdit keeps two pixels of its own on each side of the text.
    return area.adjusted(2, 0, -2, 0);
}

QString ElidingLineEdit::shownText() const
{
    const QString value = text();
    if (hasFocus() || value.isEmpty())
        return value;
    return fontMetrics().elidedText(value, Qt::ElideMiddle, textArea().width());
}

void ElidingLineEdit::paintEvent(QPaintEvent* event)
{
    const QString shown = shownText();
    if (shown == text()) {
        QLineEdit::paintEvent(event);
        return;
    }
    // The frame and background as the style draws them, then the elided text where the line
    // edit would put its own.
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);
    painter.setPen(
        palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::Text));
    painter.drawText(textArea(), int(Qt::AlignLeft | Qt::AlignVCenter) | Qt::TextSingleLine, shown);
}
