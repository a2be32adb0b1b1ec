// SPDX-License-Identifier: MIT
#include "mainstatusbar.h"

#include "format.h"
#include "organizationsession.h"

#include <QLabel>
#include <QProgressBar>
#include <QTimer>

MainStatusBar::MainStatusBar(QWidget* parent)
    : QStatusBar(parent)
    , m_activity(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_refreshed(new QLabel(this))
    , m_rateLimit(new QLabel(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("mainStatusBar"));
    m_busy->setObjectName(QStringLiteral("statusBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_activity->setObjectName(QStringLiteral("statusActivity"));
    m_refreshed->setObjectName(QStringLiteral("statusRefreshed"));
    m_rateLimit->setObjectName(QStringLiteral("statusRateLimit"));
    addWidget(m_busy);
    addWidget(m_activity, 1);
    addPermanentWidget(m_refreshed);
    addPermanentWidget(m_rateLimit);

    m_clock->setInterval(15000);
    connect(m_clock, &QTimer::timeout, this, &MainStatusBar::updateRefreshed);
    m_clock->start();
}

void MainStatusBar::setSession(OrganizationSession* session)
{
    for (const auto& c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections.clear();
    m_session = session;
    setActivity(session ? session->currentActivity() : QString());
    updateRefreshed();
    setRateLimit({}, false);
    if (!session)
        return;
    auto& c = m_sessionConnections;
    c << connect(session, &OrganizationSession::activity, this, &MainStatusBar::setActivity);
    c << connect(
        session, &OrganizationSession::refreshStarted, this, &MainStatusBar::updateRefreshed);
    c << connect(
        session, &OrganizationSession::refreshFinished, this, [this](const ApiError& error) {
            updateRefreshed();
            // The tree shows the failure inline where it happened; the status bar says it too,
            // after the session has reported itself idle.
            if (error)
                m_activity->setText(tr("Refresh failed: %1").arg(error.toString()));
        });
}

void MainStatusBar::setActivity(const QString& text)
{
    m_activity->setText(text);
    m_busy->setVisible(!text.isEmpty());
}

void MainStatusBar::updateRefreshed()
{
    if (!m_session || !m_session->lastRefreshed().isValid()) {
        m_refreshed->setText(m_session && m_session->isRefreshing() ? tr("Loading…") : QString());
        return;
    }
    m_refreshed->setText(tr("Updated %1").arg(Format::relative(m_session->lastRefreshed())));
    m_refreshed->setToolTip(Format::dateTime(m_session->lastRefreshed()));
}

void MainStatusBar::setRateLimit(const RateLimitStatus& status, bool autoRefreshSlowed)
{
    const RateLimitWindow window = status.tightest();
    if (!window.isKnown()) {
        m_rateLimit->clear();
        m_rateLimit->setToolTip(QString());
        return;
    }
    QString text = tr("API %1/%2").arg(window.remaining).arg(window.limit);
    if (autoRefreshSlowed)
        text += tr(" · auto-refresh slowed");
    m_rateLimit->setText(text);
    m_rateLimit->setToolTip(tr("Requests left in this minute: %1 of %2 for your user, %3 of "
                               "%4 for the organisation; resets in %5 s")
                                .arg(status.user.remaining)
                                .arg(status.user.limit)
                                .arg(status.organization.remaining)
                                .arg(status.organization.limit)
                                .arg(window.resetSeconds));
}
