// SPDX-License-Identifier: MIT
#include "mainstatusbar.h"

#include "format.h"
#include "organizationsession.h"
#include "panes/hintlabel.h"
#include "refreshscheduler.h"
#include "statuslabel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace {
// Qt's "%n …(s)" plurals come out right only through a translation, English included. Until
// Kitedeck ships one, the English plural is made here from what tr() returned: a translation,
// when there is one, has no "(s)" left to replace.
QString plural(QString text, int n)
{
    return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}
} // namespace

MainStatusBar::MainStatusBar(QWidget* parent)
    : QStatusBar(parent)
    , m_activity(new StatusLabel(this))
    , m_busy(new QProgressBar(this))
    , m_plan(new StatusLabel(this))
    , m_refreshed(new QLabel(this))
    , m_rateLimit(new HintLabel(this))
    , m_activityButton(new QToolButton(this))
    , m_clock(new QTimer(this))
    , m_undo(new QWidget(this))
    , m_undoMessage(new QLabel(m_undo))
    , m_undoButton(new QPushButton(tr("&Undo"), m_undo))
    , m_undoTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainStatusBar"));
    m_busy->setObjectName(QStringLiteral("statusBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_activity->setObjectName(QStringLiteral("statusActivity"));
    m_plan->setObjectName(QStringLiteral("statusPlan"));
    m_refreshed->setObjectName(QStringLiteral("statusRefreshed"));
    m_rateLimit->setObjectName(QStringLiteral("statusRateLimit"));
    m_rateLimit->setWordWrap(false);
    // A hint sits at the top of its row in a form; here it shares a line with the other labels.
    m_rateLimit->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_undo->setObjectName(QStringLiteral("statusUndo"));
    m_undoMessage->setObjectName(QStringLiteral("statusUndoMessage"));
    m_undoMessage->setTextFormat(Qt::PlainText);
    m_undoButton->setObjectName(QStringLiteral("statusUndoButton"));
    // Flat, underlined: a link in the status bar line rather than a button that makes it taller.
    m_undoButton->setFlat(true);
    QFont linkFont = m_undoButton->font();
    linkFont.setUnderline(true);
    m_undoButton->setFont(linkFont);
    m_undoButton->setToolTip(tr("Undo it (offered for %1 seconds)").arg(undoSeconds));
    m_undoButton->setAutoDefault(false);
    m_undoButton->setCursor(Qt::PointingHandCursor);
    auto* undoLayout = new QHBoxLayout(m_undo);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    undoLayout->setSpacing(4);
    undoLayout->addWidget(m_undoMessage);
    undoLayout->addWidget(m_undoButton);
    m_undo->hide();
    m_undoTimer->setObjectName(QStringLiteral("statusUndoTimer"));
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(undoSeconds * 1000);
    connect(m_undoTimer, &QTimer::timeout, this, &MainStatusBar::withdrawUndo);
    connect(m_undoButton, &QPushButton::clicked, this, [this] {
        withdrawUndo();
        Q_EMIT undoRequested();
    });

    addWidget(m_busy);
    addWidget(m_undo);
    addWidget(m_activity, 1);
    addPermanentWidget(m_plan);
    addPermanentWidget(m_refreshed);
    addPermanentWidget(m_rateLimit);
    m_activityButton->setObjectName(QStringLiteral("activityButton"));
    m_activityButton->setIcon(QIcon(QStringLiteral(":/icons/activity.svg")));
    m_activityButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_activityButton->setAutoRaise(true);
    connect(m_activityButton, &QToolButton::clicked, this, &MainStatusBar::activityRequested);
    addPermanentWidget(m_activityButton);
    setUnseenActivity(0);

    // "Updated 40 s ago", the plan's numbers and the window all move with the clock alone.
    m_clock->setInterval(5000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        updateRefreshed();
        updatePlan();
        updateRateLimit();
    });
    m_clock->start();
}

void MainStatusBar::offerUndo(const QString& message)
{
    m_undoMessage->setText(message);
    m_undoButton->setAccessibleName(tr("Undo: %1").arg(message));
    m_undo->show();
    m_undoTimer->start();
}

void MainStatusBar::withdrawUndo()
{
    m_undoTimer->stop();
    m_undo->hide();
    m_undoMessage->clear();
}

bool MainStatusBar::isUndoOffered() const { return !m_undo->isHidden(); }

void MainStatusBar::setSession(OrganizationSession* session)
{
    // What Undo would undo belongs to the organisation being left.
    withdrawUndo();
    for (const auto& c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections.clear();
    m_session = session;
    m_rateLimitStatus = session ? session->rateLimit() : RateLimitStatus {};
    setActivity(session ? session->currentActivity() : QString());
    updateRefreshed();
    updatePlan();
    updateRateLimit();
    if (!session)
        return;
    auto& c = m_sessionConnections;
    c << connect(session, &OrganizationSession::activity, this, &MainStatusBar::setActivity);
    c << connect(
        session, &OrganizationSession::refreshStarted, this, &MainStatusBar::updateRefreshed);
    c << connect(
        session, &OrganizationSession::freshnessChanged, this, &MainStatusBar::updateRefreshed);
    c << connect(
        session, &OrganizationSession::refreshPlanChanged, this, &MainStatusBar::updatePlan);
    c << connect(
        session, &OrganizationSession::refreshFinished, this, [this](const ApiError& error) {
            updateRefreshed();
            updatePlan();
            // The tree shows the failure inline where it happened; the status bar says it too,
            // after the session has reported itself idle.
            if (error)
                m_activity->setText(tr("Refresh failed: %1").arg(error.toString()));
        });
}

void MainStatusBar::setUnseenActivity(int count)
{
    m_activityButton->setText(count > 0 ? tr("Activity (%1)").arg(count) : tr("Activity"));
    m_activityButton->setToolTip(count > 0
            ? plural(tr("%n change(s) to watched queues you have not seen", nullptr, count), count)
            : tr("What happened to the queues and clusters you watch"));
    m_activityButton->setAccessibleName(m_activityButton->text());
    // Bold while there is news, so the count is noticed without a colour of its own.
    QFont font = m_activityButton->font();
    font.setBold(count > 0);
    m_activityButton->setFont(font);
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
        m_refreshed->setToolTip(QString());
        return;
    }
    // The last successful check, whatever failed since: the freshness banner says that.
    m_refreshed->setText(tr("Updated %1").arg(Format::relative(m_session->lastRefreshed())));
    m_refreshed->setToolTip(tr("Last successful check: %1")
                                .arg(QLocale().toString(m_session->lastRefreshed().toLocalTime(),
                                    QLocale::LongFormat)));
}

void MainStatusBar::updatePlan()
{
    const Line line
        = m_session ? planLine(*m_session->scheduler(), m_session->autoRefresh()) : Line {};
    m_plan->setText(line.text);
    m_plan->setToolTip(line.toolTip);
    m_plan->setVisible(!line.text.isEmpty());
}

void MainStatusBar::setRateLimit(const RateLimitStatus& status)
{
    m_rateLimitStatus = status;
    updateRateLimit();
}

void MainStatusBar::updateRateLimit()
{
    const Line line = rateLimitLine(m_rateLimitStatus, QDateTime::currentDateTimeUtc());
    m_rateLimit->showHint(line.text, line.warning ? Tone::Warning : Tone::Neutral);
    m_rateLimit->setToolTip(line.toolTip);
}

QString MainStatusBar::duration(int seconds)
{
    seconds = std::max(1, seconds);
    if (seconds < 120)
        return plural(tr("%n second(s)", nullptr, seconds), seconds);
    if (seconds < 2 * 3600) {
        const int minutes = int(std::ceil(seconds / 60.0));
        return plural(tr("%n minute(s)", nullptr, minutes), minutes);
    }
    const int hours = int(std::ceil(seconds / 3600.0));
    return plural(tr("%n hour(s)", nullptr, hours), hours);
}

MainStatusBar::Line MainStatusBar::planLine(const RefreshScheduler& scheduler, bool autoRefresh)
{
    Line line;
    const int clusters = int(scheduler.clusters().size());
    if (scheduler.isReloading()) {
        // The activity says "Refreshing…"; this says why it takes a while when it does.
        if (scheduler.isWaitingForWindow()) {
            const int remaining = scheduler.reloadRemaining();
            line.text = plural(tr("Loading the rest (%n request(s)) when your API rate limit "
                                  "allows",
                                   nullptr, remaining),
                remaining);
            line.toolTip = tr("A full refresh spends what this minute's rate-limit window has "
                              "left, less a fifth kept for your other tools, then waits for the "
                              "next window.");
        }
        return line;
    }
    if (!autoRefresh) {
        line.text = tr("Auto-refresh is off");
        line.toolTip = tr("Turn it on in the View menu; Refresh reloads everything now.");
        return line;
    }
    const QString round = duration(scheduler.roundSeconds());
    line.text = clusters == 0
        ? tr("Checking for clusters every %1 to stay within your API rate limit")
              .arg(duration(scheduler.hotPeriodSeconds()))
        : plural(tr("Checking %n cluster(s) every %1 to stay within your API rate limit", nullptr,
                     clusters),
            clusters)
              .arg(round);
    const int hot = int(scheduler.hotClusters().size());
    QStringList details;
    if (hot > 0)
        details << tr("The clusters you are looking at (%n of them) every %1.", nullptr, hot)
                       .arg(duration(scheduler.hotPeriodSeconds()));
    details << tr("Agent tokens less often, and when you open them.");
    details << tr("At most %1 of your %2 requests a minute (%3 %), shared with your other "
                  "tools.")
                   .arg(QLocale().toString(scheduler.steadyRequestsPerMinute(), 'g', 3))
                   .arg(scheduler.limit())
                   .arg(qRound(scheduler.settings().share * 100));
    line.toolTip = details.join(QLatin1Char('\n'));
    return line;
}

MainStatusBar::Line MainStatusBar::rateLimitLine(
    const RateLimitStatus& status, const QDateTime& now)
{
    Line line;
    // The window as it stands now: once its reset has passed, the numbers reported are old.
    const qint64 since = status.observedAt.isValid() ? status.observedAt.secsTo(now) : 0;
    auto current = [since](RateLimitWindow w) {
        if (w.isKnown() && w.resetSeconds >= 0 && since >= w.resetSeconds) {
            w.remaining = w.limit;
            w.resetSeconds = 60;
        } else if (w.isKnown() && w.resetSeconds >= 0) {
            w.resetSeconds -= int(since);
        }
        return w;
    };
    const RateLimitWindow user = current(status.user);
    const RateLimitWindow organization = current(status.organization);
    const RateLimitWindow shown = user.isKnown() ? user : organization;
    if (!shown.isKnown())
        return line;
    auto low = [](const RateLimitWindow& w) {
        return w.isKnown() && w.limit > 0 && w.remaining * 10 < w.limit;
    };
    line.warning = low(user) || low(organization);
    line.text = line.warning ? tr("API %1/%2 (low)").arg(shown.remaining).arg(shown.limit)
                             : tr("API %1/%2").arg(shown.remaining).arg(shown.limit);
    QStringList tip;
    if (user.isKnown())
        tip << tr("Your requests left this minute: %1 of %2").arg(user.remaining).arg(user.limit);
    if (organization.isKnown())
        tip << tr("The organisation's: %1 of %2")
                   .arg(organization.remaining)
                   .arg(organization.limit);
    const RateLimitWindow tight = low(organization) && !low(user) ? organization : shown;
    if (tight.resetSeconds >= 0) {
        const int seconds = std::max(1, tight.resetSeconds);
        tip << plural(tr("The window resets in %n second(s).", nullptr, seconds), seconds);
    }
    if (line.warning)
        tip << tr("Other tools using the same budget may be refused until then; Kitedeck waits "
                  "for the reset.");
    line.toolTip = tip.join(QLatin1Char('\n'));
    return line;
}
