// SPDX-License-Identifier: MIT
#include "resumeconfirmation.h"

#include "format.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
// The context of this file's strings.
class ResumeConfirmation {
    Q_DECLARE_TR_FUNCTIONS(ResumeConfirmation)
};
} // namespace

namespace ConfirmText {

QString othersPauseDetail(const Queue& queue, const QDateTime& now)
{
    QString who = ResumeConfirmation::tr("Someone");
    if (queue.dispatchPausedBy && !queue.dispatchPausedBy->isEmpty())
        who = queue.dispatchPausedBy->displayName();
    QString text;
    if (queue.dispatchPausedAt.isValid())
        text = ResumeConfirmation::tr("%1 paused it %2 (%3).")
                   .arg(who, Format::relative(queue.dispatchPausedAt, now),
                       Format::dateTime(queue.dispatchPausedAt));
    else
        text = ResumeConfirmation::tr("%1 paused it.").arg(who);
    const QString note = queue.dispatchPausedNote.trimmed();
    text += QLatin1Char('\n')
        + (note.isEmpty() ? ResumeConfirmation::tr("They left no note.")
                          : ResumeConfirmation::tr("Their note: “%1”").arg(note));
    text += QStringLiteral("\n\n")
        + ResumeConfirmation::tr(
            "Agents start picking up jobs from this queue again as soon as it is resumed.");
    return text;
}

} // namespace ConfirmText

bool confirmResumeOthersPause(QWidget* parent, const Queue& queue)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("confirmResumeBox"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(ResumeConfirmation::tr("Resume Dispatch"));
    box.setText(
        ResumeConfirmation::tr("Resume dispatch on “%1”, paused by someone else?").arg(queue.key));
    box.setInformativeText(ConfirmText::othersPauseDetail(queue));
    box.setTextFormat(Qt::PlainText);
    box.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QPushButton* resume
        = box.addButton(ResumeConfirmation::tr("Resume Dispatch"), QMessageBox::AcceptRole);
    resume->setObjectName(QStringLiteral("confirmButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == resume;
}
