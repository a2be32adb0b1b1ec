// SPDX-License-Identifier: MIT
#include "statusbadge.h"

#include <QPainter>

StatusBadge::StatusBadge(QWidget* parent)
    : QLabel(parent)
{
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    setFont(f);
    setContentsMargins(8, 2, 8, 2);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::PlainText);
}

void StatusBadge::setTone(Tone tone)
{
    m_tone = tone;
    update();
}

void StatusBadge::setStatus(const QString& text, Tone tone)
{
    setText(text);
    setTone(tone);
    setVisible(!text.isEmpty());
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetrics fm(font());
    const QMargins m = contentsMargins();
    return { fm.horizontalAdvance(text()) + m.left() + m.right(),
        fm.height() + m.top() + m.bottom() };
}

QSize StatusBadge::minimumSizeHint() const { return sizeHint(); }

void StatusBadge::paintEvent(QPaintEvent*)
{
    const ToneColors colors = Tones::filled(m_tone, palette());
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2;
    p.setPen(colors.border.isValid() ? QPen(colors.border, 1) : Qt::NoPen);
    p.setBrush(colors.background);
    p.drawRoundedRect(r, radius, radius);
    p.setPen(colors.foreground);
    p.drawText(contentsRect(), Qt::AlignCenter, text());
}
