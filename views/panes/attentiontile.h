// SPDX-License-Identifier: MIT
#pragma once

#include "tone.h"

#include <QAbstractButton>

class QLabel;

// One count on the organisation pane ("3 Paused queues"): a button, so a click (or Space on it)
// can show what it counts. A count above zero takes the tile's tone (an accent bar and the
// number's colour); zero is quiet.
//
// objectNames: the count label is given countName; the tile itself countName + "Tile".
class AttentionTile final : public QAbstractButton {
    Q_OBJECT
public:
    AttentionTile(
        const QString& countName, const QString& caption, Tone tone, QWidget* parent = nullptr);

    void setCount(int count);
    int count() const { return m_count; }
    QString caption() const;
    QLabel* countLabel() const { return m_number; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // A narrow tile wraps its caption onto more lines and grows to show them all.
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    Tone m_tone;
    int m_count = 0;
    QLabel* m_number;
    QLabel* m_caption;
};
