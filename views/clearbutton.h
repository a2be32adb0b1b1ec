// SPDX-License-Identifier: MIT
#pragma once

class QAction;
class QLineEdit;

// Qt's own clear button in a line edit (setClearButtonEnabled) comes with an action that has no
// text, so a screen reader announces its button as just "button". These turn it on with a name
// ("Clear") and a tooltip on the action its button shows.
namespace ClearButton {

// Enables the clear button of `edit`, named.
void enable(QLineEdit* edit);

// The action behind the clear button, or null when it is not enabled.
QAction* action(const QLineEdit* edit);

} // namespace ClearButton
