// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QWidget>

// A cluster's colour as a small rounded square. The outline is mixed from the palette so a pale
// colour still shows on a light window and a dark one on a dark window; no colour draws a slash.
class ColorSwatch final : public QWidget {
    Q_OBJECT
public:
    explicit ColorSwatch(QWidget* parent = nullptr);

    void setColor(const QColor& color);
    QColor color() const { return m_color; }
    void setSide(int pixels);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor m_color;
    int m_side = 18;
};
