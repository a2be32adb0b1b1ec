// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>

// The app's translations, compiled in under :/i18n. English is always installed: it carries the
// plural forms of the source strings ("%n cluster(s)" -> "1 cluster", "2 clusters"); a
// translation for the user's language, when there is one, goes on top of it.
namespace Translations {

// Installs them on the running QCoreApplication, once (later calls do nothing). Every program
// that links kitedeck_views gets this at start-up (see format.cpp), so the app, the tests and
// the benchmarks all read the same words.
void install(const QLocale& locale = QLocale());

} // namespace Translations
