// SPDX-License-Identifier: MIT
#include "resumeconfirmation.h"

#include "format.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
QString tr(const char* text) { return QCoreApplication::translate("ResumeConfirmation", text); }
} // namespace

namespace ConfirmText {

QString othersPauseDetail(const Queue& queue, const QDateTime& now)
{
    QString who = tr("Someone");
    if (queue.dispatchPausedBy && !queue.dispatchPausedBy->isEmpty())
        who = queue.dispatchPausedBy->displayName();
    QString text;
    if (queue.dispatchPausedAt.isValid())
        text = tr("%1 paused it %2 (%3).")
                   .arg(who, Format::relative(queue.dispatchPausedAt, now),
                       Format::dateTime(queue.dispatchPausedAt));
    else
        text = tr("%1 paused it.").arg(who);
    const QString note = queue.dispatchPausedNote.trimmed();
    text += QLatin1Char('\n')
        + (note.isEmpty() ? tr("They left no note.") : tr("Their note: “%1”").arg(note));
    text += QStringLiteral("\n\n")
        + tr("Agents start picking up jobs from this queue again as soon as it is resumed.");
    return text;
}

} // namespace ConfirmText

bool confirmResumeOthersPause(QWidget* parent, const Queue& queue)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("confirmResumeBox"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Resume Dispatch"));
    box.setText(tr("Resume dispatch on “%1”, paused by someone else?").arg(queue.key));
    box.setInformativeText(ConfirmText::othersPauseDetail(queue));
    box.setTextFormat(Qt::PlainText);
    box.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QPushButton* resume = box.addButton(tr("Resume Dispatch"), QMessageBox::AcceptRole);
    resume->setObjectName(QStringLiteral("confirmButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == resume;
}
