// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/ratelimit.h"
#include "changedetector.h"
#include "dialogs/preferencesdialog.h"
#include "organizationsession.h"

#include <QMainWindow>
#include <QPointer>

class ActivityDialog;
class ActivityLog;
class AgentsFeed;
class AutoRefresh;
class Banner;
class ChangeDetector;
class ChangeHighlighter;
class DetailStack;
class HotClusterTracker;
class MainStatusBar;
class MainWindowActions;
class NavigationContextMenu;
class NavigationFilterProxy;
class NavigationPanel;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QTreeView;
class TrayIcon;
class WatchList;
class WriteFlows;

// The main window: the navigation panel (organisation -> clusters -> queues and agent tokens,
// with its filter) on the left, the detail pane of the selection on the right, menus, toolbar
// and status bar. It lays these parts out and routes between them: the selection to a pane and
// to the actions, the actions and the panes' requests to the write flows, the session's news to
// the panes, the status bar and the auto-refresh. Nothing here blocks: every request runs in the
// background and reports where the user looks.
//
// The refresh is the session's: the window switches it on (AutoRefresh, off while minimised),
// tells it which clusters are on screen (HotClusterTracker) and which tokens were opened, and
// applies the Preferences (the share of the rate limit and the interval). When a check fails
// for want of Buildkite, a banner above the tree and panes says the data is from the last
// successful check, with Retry, and clears itself on recovery; while Buildkite cannot be
// reached the writes are disabled with that reason.
//
// Watching: the user watches queues and clusters (Edit > Watch, the tree's context menu; per
// account, WatchList); a ChangeDetector on the session's tree reports what someone else did to
// them, which goes into the Activity list (View > Activity, the status bar's button) and, unless
// turned off in Preferences, a desktop notification from the tray icon.
//
// objectNames: operationErrorBar, dismissErrorButton, staleBanner, staleLabel,
// staleRetryButton, mainToolBar, mainSplitter, browsePage, centralStack, and those of its parts
// (MainWindowActions, NavigationPanel, DetailStack, MainStatusBar, PreferencesDialog).
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows this session (not owned); null shows nothing. Starts a refresh and an access-token
    // check when the session has not loaded yet.
    void setSession(OrganizationSession* session);
    OrganizationSession* session() const { return m_session; }

    // A widget for the right end of the toolbar (the account switcher).
    void setAccountWidget(QWidget* widget);
    // Shows `page` (not owned; the welcome page) instead of the tree and panes until the next
    // setSession() with a session.
    void showWelcome(QWidget* page);
    // Whose watch list to use: the account's id (the app sets it before setSession()); empty
    // uses the organisation's slug (the sandbox, --api-url).
    void setWatchAccount(const QString& accountKey) { m_watchAccount = accountKey; }
    // A warning above the detail pane (an expiring API token, a keychain problem).
    void showNotice(const QString& text);

    // The parts.
    NavigationPanel* navigation() const { return m_navigation; }
    DetailStack* details() const { return m_details; }
    MainWindowActions* actions() const { return m_actions; }
    WriteFlows* flows() const { return m_flows; }
    AgentsFeed* agentsFeed() const { return m_agentsFeed; }
    NavigationContextMenu* contextMenu() const { return m_contextMenu; }
    QTreeView* navigationTree() const;
    NavigationFilterProxy* filterProxy() const;
    ChangeHighlighter* highlighter() const;
    AutoRefresh* autoRefresh() const { return m_autoRefresh; }
    HotClusterTracker* hotClusters() const { return m_hotClusters; }
    MainStatusBar* mainStatusBar() const { return m_statusBar; }
    // What is watched: also the predicate a row's star is drawn by (isWatched(id)).
    WatchList* watchList() const { return m_watchList; }
    ActivityLog* activityLog() const { return m_activityLog; }
    TrayIcon* trayIcon() const { return m_tray; }
    ChangeDetector* changeDetector() const { return m_detector; }
    // The Activity list, once it has been opened (null before).
    ActivityDialog* activityDialog() const;
    RefreshPreferences refreshPreferences() const { return m_preferences; }
    // Saves them and applies them to the session.
    void setRefreshPreferences(const RefreshPreferences& preferences);
    // For tests: the freshness banner's text (empty when hidden).
    QString staleNotice() const;

    // Selects the row of a cluster, queue or token id; false if it is not in the tree.
    bool selectId(const QString& id);
    QString selectedId() const;
    // For tests: the message shown in the operation error bar (empty when hidden).
    QString operationError() const;

public Q_SLOTS:
    void refresh();
    void newCluster();
    void newQueue();
    void newAgentToken();
    void pauseSelectedQueue();
    void resumeSelectedQueue();
    void deleteSelected();
    void showAbout();
    void showPreferences();
    // Watches the selected queue or cluster, or stops watching it.
    void toggleWatchSelected();
    void showActivity();
    // Shows, raises and activates the window (the tray icon's Open).
    void bringToFront();

Q_SIGNALS:
    // Emitted once, when the window is first shown.
    void shown();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void connectParts();
    void restoreSettings();
    void saveSettings() const;

    void onCurrentChanged();
    void onRowsChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    // Whether the row shown in the detail pane is `index` or one of its ancestors.
    bool showsRowOrAncestorOf(const QModelIndex& index) const;
    void updateStaleBanner();
    void onRefreshFinished(const ApiError& error);
    void showSelection();
    void updateActions();
    void updateWritePermission();
    void updateRateLimit(const RateLimitStatus& status);
    void showOperationError(const QString& what, const ApiError& error);
    void hideOperationError();
    void onWatchedChange(const ChangeDetector::Change& change);

    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;

    MainWindowActions* m_actions;
    WriteFlows* m_flows;
    AutoRefresh* m_autoRefresh;
    HotClusterTracker* m_hotClusters = nullptr;
    RefreshPreferences m_preferences;
    NavigationPanel* m_navigation = nullptr;
    MainStatusBar* m_statusBar = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_accountWidgetAction = nullptr;
    QSplitter* m_splitter = nullptr;
    QWidget* m_browse = nullptr; // the freshness banner over the splitter
    Banner* m_staleBanner = nullptr;
    QStackedWidget* m_central = nullptr;
    DetailStack* m_details = nullptr;
    AgentsFeed* m_agentsFeed = nullptr;
    NavigationContextMenu* m_contextMenu = nullptr;
    Banner* m_errorBar = nullptr;
    WatchList* m_watchList = nullptr;
    ActivityLog* m_activityLog = nullptr;
    ChangeDetector* m_detector = nullptr;
    TrayIcon* m_tray = nullptr;
    QPointer<ActivityDialog> m_activityDialog;
    QString m_watchAccount;
    QString m_activityOrganization; // whose changes the Activity list holds
    bool m_shownOnce = false;
};
