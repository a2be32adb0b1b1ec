// SPDX-License-Identifier: MIT
#include "colorswatch.h"

#include "tone.h"

#include <QPainter>

ColorSwatch::ColorSwatch(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void ColorSwatch::setColor(const QColor& color)
{
    m_color = color;
    setToolTip(color.isValid() ? color.name(QColor::HexRgb).toUpper() : tr("No colour"));
    update();
}

void ColorSwatch::setSide(int pixels)
{
    m_side = pixels;
    updateGeometry();
}

QSize ColorSwatch::sizeHint() const { return { m_side, m_side }; }

void ColorSwatch::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QColor outline
        = Tones::mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.45);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(outline, 1));
    p.setBrush(m_color.isValid() ? QBrush(m_color) : QBrush(Qt::NoBrush));
    p.drawRoundedRect(r, 4, 4);
    if (!m_color.isValid())
        p.drawLine(r.bottomLeft() + QPointF(3, -3), r.topRight() + QPointF(-3, 3));
}
