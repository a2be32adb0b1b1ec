// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

class QApplication;

// The app's colour schemes on the Fusion style: for platforms whose theme does not follow the
// desktop's dark mode, for `--palette light|dark`, and for the screenshots the tests and
// scripts/screenshots.sh take, so that every picture shows what users see.
namespace Palette {

enum class Scheme {
    System, // leave the platform's style and palette alone
    Light,
    Dark,
};

// "system", "light" or "dark"; nullopt-like System for anything else, with ok = false.
Scheme schemeFromName(const QString& name, bool* ok = nullptr);

QPalette light();
QPalette dark();

// Switches the application to Fusion with the scheme's palette (System changes nothing).
void apply(QApplication& app, Scheme scheme);

} // namespace Palette
