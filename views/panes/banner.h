// SPDX-License-Identifier: MIT
#pragma once

#include "tone.h"

#include <QFrame>

class QHBoxLayout;
class QLabel;

// A full-width, filled strip with a wrapped message and optional trailing buttons: the queue's
// dispatch state, a dialog's server error.
class Banner final : public QFrame {
    Q_OBJECT
public:
    explicit Banner(QWidget* parent = nullptr);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    void setText(const QString& text);
    QString text() const;
    void setBold(bool bold);
    // The label holding the message; give it an objectName for tests.
    QLabel* label() const { return m_label; }
    void addTrailingWidget(QWidget* widget);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyTextColour();

    Tone m_tone = Tone::Neutral;
    QLabel* m_label;
    QHBoxLayout* m_layout;
};
