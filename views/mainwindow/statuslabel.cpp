// SPDX-License-Identifier: MIT
#include "statuslabel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

StatusLabel::StatusLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize StatusLabel::minimumSizeHint() const
{
    // Room for a word and the ellipsis; the rest is given up before the window grows.
    const QSize full = QLabel::minimumSizeHint();
    return { qMin(full.width(), fontMetrics().horizontalAdvance(QStringLiteral("Loading…")) + 8),
        full.height() };
}

QString StatusLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

void StatusLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()) | Qt::TextSingleLine,
        palette(), isEnabled(), shownText(), foregroundRole());
}

bool StatusLabel::event(QEvent* event)
{
    // A cut text shows itself whole on hover, unless the label has a tooltip of its own.
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty() && shownText() != text()) {
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), text(), this);
        return true;
    }
    return QLabel::event(event);
}
