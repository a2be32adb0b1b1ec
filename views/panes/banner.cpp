// SPDX-License-Identifier: MIT
#include "banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

Banner::Banner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_layout(new QHBoxLayout(this))
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_layout->setContentsMargins(12, 8, 8, 8);
    m_layout->setSpacing(8);
    m_layout->addWidget(m_label, 1);
    applyTextColour();
}

void Banner::setTone(Tone tone)
{
    m_tone = tone;
    applyTextColour();
    update();
}

void Banner::setText(const QString& text) { m_label->setText(text); }

QString Banner::text() const { return m_label->text(); }

void Banner::setBold(bool bold)
{
    QFont f = m_label->font();
    f.setBold(bold);
    m_label->setFont(f);
}

void Banner::addTrailingWidget(QWidget* widget)
{
    m_layout->addWidget(widget, 0, Qt::AlignVCenter);
}

void Banner::paintEvent(QPaintEvent*)
{
    const ToneColors colors = Tones::filled(m_tone, palette());
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(colors.border.isValid() ? QPen(colors.border, 1) : Qt::NoPen);
    p.setBrush(colors.background);
    p.drawRoundedRect(r, 6, 6);
}

void Banner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTextColour();
}

void Banner::applyTextColour()
{
    // Only the label gets the fixed text colour; buttons inside keep the theme's.
    QPalette pal = m_label->palette();
    pal.setColor(QPalette::WindowText, Tones::filled(m_tone, palette()).foreground);
    m_label->setPalette(pal);
}
