// SPDX-License-Identifier: MIT
// Linked as an object file into every program that links kitedeck_views (see
// views/CMakeLists.txt), so the app, the tests and the benchmarks all install the translations
// when their QCoreApplication starts, and read the same words.
#include "translations.h"

#include <QCoreApplication>

namespace {
void installTranslations() { Translations::install(); }
} // namespace
Q_COREAPP_STARTUP_FUNCTION(installTranslations)
