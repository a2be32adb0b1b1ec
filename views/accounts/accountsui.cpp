// SPDX-License-Identifier: MIT
#include "accountsui.h"

#include "format.h"

#include <QCoreApplication>
#include <QLayout>
#include <QWidget>

namespace AccountsUi {

void growToFit(QWidget* window)
{
    QLayout* layout = window->layout();
    if (!layout)
        return;
    // A label that just changed its text has only told its parent's layout; each level up
    // hears of it through a posted event, possibly after this runs. Settle the layouts from the
    // innermost out (findChildren lists parents before their children), so every cached size
    // on the way up describes the new texts.
    const QList<QWidget*> children = window->findChildren<QWidget*>();
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if (QLayout* inner = (*it)->layout())
            inner->activate();
    }
    layout->activate();
    const int width = qMax(window->width(), window->sizeHint().width());
    // Wrapped labels (the banners) need the height at the width the window really has: the
    // size hint's height is for another width, and a top-level window does not grow by itself
    // to fit its layout's height for width.
    const int height = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width)
                                                   : window->sizeHint().height();
    window->resize(width, qMax(window->height(), height));
}

QString expiryFlag(const QDateTime& expiresAt)
{
    switch (TokenCheck::expiryOf(expiresAt)) {
    case TokenCheck::Expiry::Never:
    case TokenCheck::Expiry::Later:
        return {};
    case TokenCheck::Expiry::Soon:
        return QCoreApplication::translate("AccountsUi", "token expires %1")
            .arg(Format::relative(expiresAt));
    case TokenCheck::Expiry::Expired:
        return QCoreApplication::translate("AccountsUi", "token expired %1")
            .arg(Format::relative(expiresAt));
    }
    return {};
}

Tone expiryTone(TokenCheck::Expiry expiry)
{
    switch (expiry) {
    case TokenCheck::Expiry::Never:
    case TokenCheck::Expiry::Later:
        return Tone::Neutral;
    case TokenCheck::Expiry::Soon:
        return Tone::Warning;
    case TokenCheck::Expiry::Expired:
        return Tone::Danger;
    }
    return Tone::Neutral;
}

QIcon flagIcon(Tone tone)
{
    switch (tone) {
    case Tone::Warning:
        return QIcon(QStringLiteral(":/icons/warning.svg"));
    case Tone::Danger:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    case Tone::Neutral:
    case Tone::Info:
    case Tone::Success:
        break;
    }
    return {};
}

} // namespace AccountsUi
