// SPDX-License-Identifier: MIT
#include "preferencesdialog.h"

#include "panes/hintlabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const QString group = QStringLiteral("refresh");
const QString shareKey = QStringLiteral("sharePercent");
const QString intervalKey = QStringLiteral("intervalSeconds");
const QString notificationsKey = QStringLiteral("notifications/desktop");
} // namespace

RefreshPreferences RefreshPreferences::load()
{
    QSettings settings;
    settings.beginGroup(group);
    RefreshPreferences p;
    p.sharePercent = std::clamp(
        settings.value(shareKey, defaultSharePercent).toInt(), minSharePercent, maxSharePercent);
    p.intervalSeconds = std::clamp(settings.value(intervalKey, defaultIntervalSeconds).toInt(),
        minIntervalSeconds, maxIntervalSeconds);
    settings.endGroup();
    p.notifications = settings.value(notificationsKey, true).toBool();
    return p;
}

void RefreshPreferences::save() const
{
    QSettings settings;
    settings.beginGroup(group);
    settings.setValue(shareKey, sharePercent);
    settings.setValue(intervalKey, intervalSeconds);
    settings.endGroup();
    settings.setValue(notificationsKey, notifications);
}

PreferencesDialog::PreferencesDialog(
    const RefreshPreferences& current, int rateLimit, QWidget* parent)
    : QDialog(parent)
    , m_rateLimit(std::max(1, rateLimit))
    , m_share(new QSpinBox(this))
    , m_interval(new QSpinBox(this))
    , m_hint(new HintLabel(this))
    , m_notifications(new QCheckBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("<b>Background refresh</b>"), this);
    layout->addWidget(heading);
    auto* intro = new QLabel(tr("Your API rate limit is shared with every other tool you run "
                                "(bk, Terraform, scripts). Kitedeck checks the clusters you are "
                                "looking at first and the others in turn, within this share."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_share->setObjectName(QStringLiteral("shareSpin"));
    m_share->setRange(RefreshPreferences::minSharePercent, RefreshPreferences::maxSharePercent);
    m_share->setSingleStep(5);
    m_share->setSuffix(QStringLiteral(" %"));
    m_share->setAccessibleName(tr("Share of the rate limit"));
    form->addRow(tr("Share of your rate limit:"), m_share);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(
        RefreshPreferences::minIntervalSeconds, RefreshPreferences::maxIntervalSeconds);
    m_interval->setSingleStep(15);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Check the clusters on screen at most every"));
    form->addRow(tr("Check the clusters on screen at most every:"), m_interval);
    layout->addLayout(form);
    m_hint->setObjectName(QStringLiteral("budgetHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("<b>Notifications</b>"), this));
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setText(tr("Show desktop notifications for watched queues"));
    m_notifications->setToolTip(
        tr("When someone else pauses or resumes a watched queue, or its last agent disconnects. "
           "The Activity list in the status bar records these changes either way."));
    layout->addWidget(m_notifications);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setObjectName(QStringLiteral("restoreDefaultsButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setPreferences({}); });
    connect(m_share, &QSpinBox::valueChanged, this, &PreferencesDialog::updateHint);
    connect(m_interval, &QSpinBox::valueChanged, this, &PreferencesDialog::updateHint);
    setPreferences(current);
}

RefreshPreferences PreferencesDialog::preferences() const
{
    RefreshPreferences p;
    p.sharePercent = m_share->value();
    p.intervalSeconds = m_interval->value();
    p.notifications = m_notifications->isChecked();
    return p;
}

void PreferencesDialog::setPreferences(const RefreshPreferences& preferences)
{
    m_share->setValue(preferences.sharePercent);
    m_interval->setValue(preferences.intervalSeconds);
    m_notifications->setChecked(preferences.notifications);
    updateHint();
}

void PreferencesDialog::updateHint()
{
    const double perMinute = m_rateLimit * m_share->value() / 100.0;
    const QString text = tr("Up to %1 of your %2 requests a minute.")
                             .arg(QLocale().toString(perMinute, 'g', 3))
                             .arg(m_rateLimit);
    // Most of the budget leaves little for the user's other tools: say so, gently.
    m_hint->showHint(m_share->value() > 50
            ? text + QLatin1Char(' ') + tr("Your other tools may be refused while Kitedeck runs.")
            : text,
        m_share->value() > 50 ? Tone::Warning : Tone::Info);
}
