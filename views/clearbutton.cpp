// SPDX-License-Identifier: MIT
#include "clearbutton.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>

namespace ClearButton {

QAction* action(const QLineEdit* edit)
{
    // The name Qt gives the action it adds for the clear button (qlineedit_p.cpp); stable
    // since Qt 5.2.
    return edit->findChild<QAction*>(
        QStringLiteral("_q_qlineeditclearaction"), Qt::FindDirectChildrenOnly);
}

void enable(QLineEdit* edit)
{
    edit->setClearButtonEnabled(true);
    QAction* clear = action(edit);
    if (!clear)
        return;
    // The action's text becomes its button's text, and so the button's accessible name; the
    // button shows only its icon.
    clear->setText(QCoreApplication::translate("ClearButton", "Clear"));
    clear->setToolTip(QCoreApplication::translate("ClearButton", "Clear the text"));
}

} // namespace ClearButton
