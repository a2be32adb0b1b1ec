// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimit.h"

#include <QDateTime>
#include <QPointer>
#include <QStatusBar>

class HintLabel;
class OrganizationSession;
class QLabel;
class QProgressBar;
class QToolButton;
class QPushButton;
class QTimer;
class RefreshScheduler;

// The main window's status bar: what the session has in flight (with a busy indicator) or why
// the last refresh failed; in plain words what the rate-limit budget allows ("Checking 33
// clusters every 4 minutes to stay within your API rate limit"); when the data was last checked
// successfully ("Updated 2 minutes ago"); and the rate-limit window, which turns a warning
// colour only when it is actually low. A clock keeps the times and the window honest.
//
// A button at the right end opens the Activity list (what happened to the watched queues) and
// counts the entries not seen yet.
//
// After a pause or resume it offers Undo for a few seconds (offerUndo): the message and an Undo
// button, which go when the time is up, when the next write starts (withdrawUndo) or when Undo
// is pressed.
//
// objectNames: statusActivity, statusBusy, statusPlan, statusRefreshed, statusRateLimit,
// activityButton, statusUndo (the message and button together), statusUndoMessage,
// statusUndoButton, statusUndoTimer.
class MainStatusBar final : public QStatusBar {
    Q_OBJECT
public:
    explicit MainStatusBar(QWidget* parent = nullptr);

    // Follows this session (not owned; null shows nothing).
    void setSession(OrganizationSession* session);
    // The latest rate-limit headers (the session's rateLimitChanged).
    void setRateLimit(const RateLimitStatus& status);
    // The Activity button's count of entries the user has not seen (0: none shown).
    void setUnseenActivity(int count);

    // How long Undo stays on offer: long enough to notice a wrong click, short enough not to
    // undo something the user has moved on from.
    static constexpr int undoSeconds = 12;
    void offerUndo(const QString& message);
    void withdrawUndo();
    bool isUndoOffered() const;

    // The words, for the labels and the tests.
    struct Line {
        QString text;
        QString toolTip;
        bool warning = false;
    };
    // What the refresh does now within the budget. autoRefresh: whether it runs in the
    // background at all.
    static Line planLine(const RefreshScheduler& scheduler, bool autoRefresh);
    // The window as it is at `now`: a window the headers reported has reset once its seconds
    // have passed, so old numbers are never shown as current. Warning only below a tenth of a
    // window's limit (Kitedeck's own reloads stop at a fifth): other tools may be refused soon.
    static Line rateLimitLine(const RateLimitStatus& status, const QDateTime& now);
    // "45 seconds", "4 minutes", "3 hours": rounded up, so the words are never too short.
    static QString duration(int seconds);

Q_SIGNALS:
    // The Activity button was pressed.
    void activityRequested();
    // Undo was pressed; the offer is already withdrawn.
    void undoRequested();

private:
    void setActivity(const QString& text);
    void updateRefreshed();
    void updatePlan();
    void updateRateLimit();

    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    RateLimitStatus m_rateLimitStatus;
    QLabel* m_activity;
    QProgressBar* m_busy;
    QLabel* m_plan;
    QLabel* m_refreshed;
    HintLabel* m_rateLimit;
    QToolButton* m_activityButton;
    QTimer* m_clock;
    QWidget* m_undo;
    QLabel* m_undoMessage;
    QPushButton* m_undoButton;
    QTimer* m_undoTimer;
};
