// SPDX-License-Identifier: MIT
#pragma once

#include <QLineEdit>

// A read-only line edit for long values (URLs, ids) that shows, while it does not have the focus
// and the value does not fit, the value elided in the middle ("https://api.buildkite.com/…/
// clusters/42"): both ends stay readable and the cut is marked, instead of the text stopping
// mid-character at the right edge. text() is always the whole value; with the focus (a click,
// Tab) the whole value is shown to select and scroll through as usual.
class ElidingLineEdit final : public QLineEdit {
    Q_OBJECT
public:
    explicit ElidingLineEdit(QWidget* parent = nullptr);

    // What the field shows when it is not focused: the whole text, or its elided form.
    QString shownText() const;
    bool isElided() const { return shownText() != text(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRect textArea() const;
};
