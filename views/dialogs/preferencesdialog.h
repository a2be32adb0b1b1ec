// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class HintLabel;
class QCheckBox;
class QSpinBox;

// How Kitedeck refreshes in the background: the share of the user's API rate limit it may spend
// and the shortest period of the checks of the clusters on screen. Kept in QSettings (group
// "refresh"); nothing secret ever goes there.
struct RefreshPreferences {
    static constexpr int defaultSharePercent = 25;
    static constexpr int minSharePercent = 5;
    static constexpr int maxSharePercent = 100;
    static constexpr int defaultIntervalSeconds = 60;
    static constexpr int minIntervalSeconds = 30;
    static constexpr int maxIntervalSeconds = 600;

    int sharePercent = defaultSharePercent;
    int intervalSeconds = defaultIntervalSeconds;
    // Desktop notifications about the watched queues (group "notifications"); the Activity list
    // records the changes either way.
    bool notifications = true;

    // From QSettings, clamped to the ranges above.
    static RefreshPreferences load();
    void save() const;
    double share() const { return sharePercent / 100.0; }
    bool operator==(const RefreshPreferences&) const = default;
};

// Edit > Preferences (the platform's shortcut). OK saves; what is shown applies to the session
// through the main window.
//
// objectNames: preferencesDialog, shareSpin, intervalSpin, budgetHint, okButton, cancelButton,
// restoreDefaultsButton, notificationsCheck.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    // rateLimit: the user's requests per minute as the server last said (for the hint).
    explicit PreferencesDialog(
        const RefreshPreferences& current, int rateLimit, QWidget* parent = nullptr);

    RefreshPreferences preferences() const;
    void setPreferences(const RefreshPreferences& preferences);

private:
    void updateHint();

    int m_rateLimit;
    QSpinBox* m_share;
    QSpinBox* m_interval;
    HintLabel* m_hint;
    QCheckBox* m_notifications;
};
