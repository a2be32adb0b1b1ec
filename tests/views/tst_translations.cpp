// SPDX-License-Identifier: MIT
#include "dialogs/confirm.h"
#include "format.h"

#include <QCoreApplication>
#include <QTest>

// The English translation, installed at start-up by every program that links the views, gives
// the plural forms their words; without it "%n minute(s)" would show as written.
class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pluralFormsReadAsEnglish()
    {
        const QDateTime now
            = QDateTime::fromString(QStringLiteral("2026-11-29T12:00:00Z"), Qt::ISODate);
        QCOMPARE(Format::relative(now.addSecs(-60), now), QStringLiteral("1 minute ago"));
        QCOMPARE(Format::relative(now.addSecs(-125), now), QStringLiteral("2 minutes ago"));
        QCOMPARE(Format::relative(now.addSecs(3600), now), QStringLiteral("in 1 hour"));
        QCOMPARE(Format::relative(now.addDays(-3), now), QStringLiteral("3 days ago"));
        QCOMPARE(Format::relative(now.addDays(-400), now), QStringLiteral("13 months ago"));
        QCOMPARE(Format::relative(now.addDays(-800), now), QStringLiteral("2 years ago"));
        QCOMPARE(Format::relative(now.addSecs(-20), now), QStringLiteral("just now"));
    }

    void countsInConfirmations()
    {
        QCOMPARE(ConfirmText::deleteClusterDetail(1, 2),
            QStringLiteral(
                "Its 1 queue and 2 agent tokens are deleted with it. This cannot be undone."));
        QVERIFY(!ConfirmText::deleteClusterDetail(6, 1).contains(QLatin1String("(s)")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
