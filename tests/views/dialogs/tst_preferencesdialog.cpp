// SPDX-License-Identifier: MIT
// Preferences: the refresh budget, kept in the settings (a temporary directory here).
#include "dialogs/preferencesdialog.h"
#include "panes/hintlabel.h"

#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class TestPreferencesDialog final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }
    void init() { QSettings().clear(); }

    void defaultsUntilSavedThenWhatWasSaved()
    {
        QCOMPARE(RefreshPreferences::load(), RefreshPreferences {});
        QCOMPARE(RefreshPreferences().share(), 0.25);
        RefreshPreferences p;
        p.sharePercent = 40;
        p.intervalSeconds = 90;
        p.save();
        QCOMPARE(RefreshPreferences::load(), p);
        QCOMPARE(QSettings().allKeys(),
            (QStringList { QStringLiteral("notifications/desktop"),
                QStringLiteral("refresh/intervalSeconds"),
                QStringLiteral("refresh/sharePercent") }));
        // Notifications: on until turned off.
        QVERIFY(RefreshPreferences::load().notifications);
        p.notifications = false;
        p.save();
        QVERIFY(!RefreshPreferences::load().notifications);
    }

    void nonsenseInTheSettingsIsClamped()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("refresh/sharePercent"), 900);
        settings.setValue(QStringLiteral("refresh/intervalSeconds"), 1);
        settings.sync();
        const RefreshPreferences p = RefreshPreferences::load();
        QCOMPARE(p.sharePercent, RefreshPreferences::maxSharePercent);
        QCOMPARE(p.intervalSeconds, RefreshPreferences::minIntervalSeconds);
    }

    void theDialogShowsWhatTheShareMeans()
    {
        RefreshPreferences current;
        current.sharePercent = 20;
        PreferencesDialog dialog(current, 50);
        auto* share = dialog.findChild<QSpinBox*>(QStringLiteral("shareSpin"));
        auto* interval = dialog.findChild<QSpinBox*>(QStringLiteral("intervalSpin"));
        auto* hint = dialog.findChild<HintLabel*>(QStringLiteral("budgetHint"));
        QVERIFY(share && interval && hint);
        QCOMPARE(share->value(), 20);
        QCOMPARE(hint->text(), QStringLiteral("Up to 10 of your 50 requests a minute."));
        QCOMPARE(hint->tone(), Tone::Info);
        share->setValue(80);
        QVERIFY(hint->text().startsWith(QLatin1String("Up to 40 of your 50 requests a minute.")));
        QCOMPARE(hint->tone(), Tone::Warning);
        interval->setValue(5); // below the range: held at its floor
        QCOMPARE(dialog.preferences().intervalSeconds, RefreshPreferences::minIntervalSeconds);
        dialog.findChild<QPushButton*>(QStringLiteral("restoreDefaultsButton"))->click();
        QCOMPARE(dialog.preferences(), RefreshPreferences {});
        // The dialog itself saves nothing: its owner does, on OK.
        QVERIFY(QSettings().allKeys().isEmpty());
    }
};

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
