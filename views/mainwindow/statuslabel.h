// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

// A status bar's text that gives way when the window is narrow: it shrinks to an ellipsis
// instead of holding the window wider than the screen, and says the whole text in its tooltip
// when it is cut. text() is always the whole text.
class StatusLabel final : public QLabel {
    Q_OBJECT
public:
    explicit StatusLabel(QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    // The text as drawn at the label's width.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
};
