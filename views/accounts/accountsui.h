// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/tokencheck.h"
#include "panes/tone.h"

#include <QDateTime>
#include <QIcon>
#include <QString>

class QWidget;

// Small presentation helpers shared by the account widgets. Colours are not among them: the
// account widgets take theirs from Tone, through Banner and HintLabel, like the rest of views/.
namespace AccountsUi {
// Makes a window at least as large as its contents need now, never smaller: a form that
// shows a summary or a message must not squeeze its wrapped labels.
void growToFit(QWidget* window);
// "token expires in 3 days", "token expired 2 days ago", or empty for a token that does not
// expire soon.
QString expiryFlag(const QDateTime& expiresAt);
// How loudly an expiry is flagged: Warning while there is still time to make a new token,
// Danger once the token has stopped working, Neutral otherwise. The agent token pane flags
// agent tokens the same way.
Tone expiryTone(TokenCheck::Expiry expiry);
// The app's own icon for a flag of that tone (:/icons/warning.svg, :/icons/error.svg), a null
// icon for the quiet tones.
QIcon flagIcon(Tone tone);
} // namespace AccountsUi
