// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

// Small presentation helpers shared by the account widgets.
namespace AccountsUi {
// Colours that read on the current palette, light or dark: the palette has no error role.
QColor errorColor(const QPalette& palette);
QColor warningColor(const QPalette& palette);
// A label for inline messages: wraps, selectable (server messages get copied into bug
// reports), and coloured by role.
void styleMessageLabel(QLabel* label, const QColor& color);
// Makes a window at least as large as its contents need now, never smaller: a form that
// shows a summary or a message must not squeeze its wrapped labels.
void growToFit(QWidget* window);
// "expires in 3 days", "expired 2 days ago", or empty for a token that does not expire soon.
QString expiryFlag(const QDateTime& expiresAt);
} // namespace AccountsUi
