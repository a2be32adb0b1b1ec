// SPDX-License-Identifier: MIT
#pragma once

#include "tone.h"

#include <QLabel>

// A short status word on a filled, rounded background ("Expired", "Paused", "Never expires").
class StatusBadge final : public QLabel {
    Q_OBJECT
public:
    explicit StatusBadge(QWidget* parent = nullptr);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    // Sets the text and tone and shows the badge; an empty text hides it.
    void setStatus(const QString& text, Tone tone);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Tone m_tone = Tone::Neutral;
};
