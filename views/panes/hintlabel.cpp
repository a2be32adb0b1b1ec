// SPDX-License-Identifier: MIT
#include "hintlabel.h"

#include <QEvent>

HintLabel::HintLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setVisible(false);
    applyColour();
}

void HintLabel::setTone(Tone tone)
{
    m_tone = tone;
    applyColour();
}

void HintLabel::showHint(const QString& text, Tone tone)
{
    setText(text);
    setTone(tone);
    setVisible(!text.isEmpty());
}

void HintLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColour();
}

void HintLabel::applyColour()
{
    // Setting our own palette sends another PaletteChange; the guard stops the recursion.
    // Start from the inherited palette each time, or our own earlier colour would be read back
    // as the theme's text colour.
    m_applying = true;
    setPalette(QPalette());
    if (m_tone != Tone::Neutral) {
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, Tones::text(m_tone, pal));
        setPalette(pal);
    }
    m_applying = false;
}
