// SPDX-License-Identifier: MIT
#include "accountsui.h"

#include "accounts/tokencheck.h"
#include "format.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLayout>
#include <QPalette>

namespace AccountsUi {

namespace {
bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }
} // namespace

QColor errorColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QColor warningColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0xc1, 0x07) : QColor(0x8a, 0x5a, 0x00);
}

void styleMessageLabel(QLabel* label, const QColor& color)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

void growToFit(QWidget* window)
{
    QLayout* layout = window->layout();
    if (!layout)
        return;
    layout->activate();
    const QSize hint = window->sizeHint();
    const int width = qMax(window->width(), hint.width());
    // The hint is the height at the (narrower) hint width, so it is enough at this width too;
    // the height-for-width answer alone comes back stale after labels change their text.
    int height = hint.height();
    if (layout->hasHeightForWidth())
        height = qMax(height, layout->totalHeightForWidth(width));
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

} // namespace AccountsUi
