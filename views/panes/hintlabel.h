// SPDX-License-Identifier: MIT
#pragma once

#include "tone.h"

#include <QLabel>

// An inline message under a form field ("Keys may contain letters, digits, - and _"), coloured by
// tone in a shade that stays readable when the palette switches between light and dark.
class HintLabel final : public QLabel {
    Q_OBJECT
public:
    explicit HintLabel(QWidget* parent = nullptr);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    // Sets text and tone; an empty text hides the label so valid forms stay compact.
    void showHint(const QString& text, Tone tone = Tone::Danger);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColour();

    Tone m_tone = Tone::Danger;
    bool m_applying = false;
};
