// SPDX-License-Identifier: MIT
#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Translations {

void install(const QLocale& locale)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || app->property("kitedeckTranslations").toBool())
        return;
    app->setProperty("kitedeckTranslations", true);
    // Installed last is asked first: the user's language, then English for plural forms.
    auto* english = new QTranslator(app);
    if (english->load(QStringLiteral(":/i18n/kitedeck_en.qm")))
        QCoreApplication::installTranslator(english);
    auto* local = new QTranslator(app);
    if (locale.language() != QLocale::English
        && local->load(
            locale, QStringLiteral("kitedeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(local);
}

} // namespace Translations
