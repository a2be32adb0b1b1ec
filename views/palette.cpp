// SPDX-License-Identifier: MIT
#include "palette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Palette {

Scheme schemeFromName(const QString& name, bool* ok)
{
    const QString lower = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (lower == QLatin1String("light"))
        return Scheme::Light;
    if (lower == QLatin1String("dark"))
        return Scheme::Dark;
    if (ok)
        *ok = lower == QLatin1String("system") || lower.isEmpty();
    return Scheme::System;
}

QPalette light()
{
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    // Fusion's selection blue (3.7:1 under white text) and its half-transparent placeholder
    // grey (3.9:1 on the window) fall short of WCAG AA's 4.5:1; these keep the hues and pass
    // (tst_contrast measures them).
    for (const auto group : { QPalette::Active, QPalette::Inactive }) {
        p.setColor(group, QPalette::Highlight, QColor(0x2a, 0x7a, 0xb8));
        p.setColor(group, QPalette::PlaceholderText, QColor(0x63, 0x66, 0x6d));
    }
    return p;
}

QPalette dark()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe7, 0xea);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa3));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    // 4.9:1 under white text (WCAG AA asks 4.5).
    p.setColor(QPalette::Highlight, QColor(0x33, 0x70, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4d));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x50, 0x52, 0x58));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7c, 0x83));
    return p;
}

void apply(QApplication& app, Scheme scheme)
{
    if (scheme == Scheme::System)
        return;
    QApplication::setStyle(QStringLiteral("Fusion"));
    app.setPalette(scheme == Scheme::Dark ? dark() : light());
}

} // namespace Palette
