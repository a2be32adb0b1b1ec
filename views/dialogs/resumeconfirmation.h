// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"

#include <QDateTime>
#include <QString>

class QWidget;

// Resuming a queue someone else paused: ask first, showing who paused it, when and their note
// (they may be in the middle of an incident). The box (objectName confirmResumeBox) is
// window-modal; Cancel (cancelButton) is the default, Resume Dispatch is confirmButton.
bool confirmResumeOthersPause(QWidget* parent, const Queue& queue);

namespace ConfirmText {
// "Priya Raman paused it 3 hours ago (2 Jun 2025, 14:05): “note”"
QString othersPauseDetail(
    const Queue& queue, const QDateTime& now = QDateTime::currentDateTimeUtc());
} // namespace ConfirmText
