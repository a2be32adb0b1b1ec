// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

// "Saving…" with an indeterminate bar: what a form shows while its request runs, just above its
// buttons, where the user's eyes are after clicking. Hidden until shown; the parts are named
// busyIndicator and busyLabel, as the tests of every form expect.
class BusyRow final : public QWidget {
    Q_OBJECT
public:
    explicit BusyRow(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;
    QLabel* label() const { return m_label; }

private:
    QProgressBar* m_indicator;
    QLabel* m_label;
};
