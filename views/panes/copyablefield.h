// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QTimer;
class QToolButton;

// A read-only value (an id, a URL) with a Copy button. The value sits in a frameless read-only
// line edit rather than a label so a 100-character URL does not widen the whole pane and stays
// selectable with the keyboard; unfocused, a value too long for the field is shown elided in the
// middle (ElidingLineEdit), whole in the tooltip, and the context menu copies all of it.
//
// objectNames: "<name>Value" for the field, "<name>CopyButton" for the button, "<name>Menu"
// for the context menu with its copyValueAction.
class CopyableField final : public QWidget {
    Q_OBJECT
public:
    // `name` builds the objectNames; `what` is the human name used in the accessible name
    // ("Copy cluster ID").
    CopyableField(const QString& name, const QString& what, QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;
    void setMonospace(bool monospace);

    QLineEdit* field() const { return m_field; }
    QToolButton* copyButton() const { return m_copy; }

Q_SIGNALS:
    void copied(const QString& text);

private:
    void copy();

    QLineEdit* m_field;
    QToolButton* m_copy;
    QTimer* m_restore;
};
