// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/ratelimit.h"
#include "autorefreshpolicy.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "organizationsession.h"

#include <QMainWindow>
#include <QPointer>

class AgentTokenDetailPane;
class Banner;
class ChangeHighlighter;
class ClusterDetailPane;
class MessagePane;
class NavigationFilterProxy;
class OrganizationPane;

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;
class QTreeView;
class QueueDetailPane;

// The main window: the navigation tree (organisation -> clusters -> queues and agent tokens) with
// its filter on the left, the detail pane of the selection on the right, toolbar and status bar.
// It shows one OrganizationSession at a time and turns pane and toolbar actions into session calls.
// Nothing here blocks: every request runs in the background and reports where the user looks.
//
// objectNames: filterEdit, navigationTree, detailStack, refreshAction, newClusterAction,
// newQueueAction, newTokenAction, pauseAction, resumeAction, deleteAction, autoRefreshAction,
// operationErrorBar, operationErrorLabel, statusActivity, statusBusy, statusRefreshed,
// statusRateLimit, and the panes' own names.
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
    // A warning above the detail pane (an expiring API token, a keychain problem).
    void showNotice(const QString& text);

    QTreeView* navigationTree() const { return m_tree; }
    NavigationFilterProxy* filterProxy() const { return m_proxy; }
    AutoRefreshPolicy& autoRefresh() { return m_autoRefresh; }
    ChangeHighlighter* highlighter() const { return m_highlighter; }
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

Q_SIGNALS:
    // Emitted once, when the window is first shown.
    void shown();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildActions();
    void buildUi();
    void connectPanes();
    void restoreSettings();
    void saveSettings() const;

    void onCurrentChanged();
    void showSelection();
    void updateActions();
    void updateWritePermission();
    void updateSummary();
    void updateStatusRefreshed();
    void updateRateLimit(const RateLimitStatus& status);
    void scheduleAutoRefresh();
    void onRefreshFinished(const ApiError& error);
    void showOperationError(const QString& what, const ApiError& error);
    void hideOperationError();

    // What the selection is.
    enum class Selected {
        Nothing,
        Organization,
        Cluster,
        Queue,
        Token,
        Other
    };
    Selected selectedKind() const;
    std::optional<Cluster> selectedCluster() const; // the cluster of whatever is selected
    std::optional<Queue> selectedQueue() const;
    std::optional<AgentToken> selectedToken() const;

    // Flows, each ending in a session call.
    void editCluster(const Cluster& cluster);
    void deleteCluster(const Cluster& cluster);
    void setDefaultQueue(const QString& clusterId, const QString& queueId);
    void createQueueIn(const Cluster& cluster);
    void editQueue(const Queue& queue);
    void deleteQueue(const Queue& queue);
    void pauseQueue(const Queue& queue);
    void resumeQueue(const Queue& queue);
    void createTokenIn(const Cluster& cluster);
    void editToken(const AgentToken& token);
    void revokeToken(const AgentToken& token);

    QPointer<OrganizationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;

    QTreeView* m_tree;
    NavigationFilterProxy* m_proxy;
    ChangeHighlighter* m_highlighter;
    QLineEdit* m_filter;
    QSplitter* m_splitter;
    QStackedWidget* m_central;
    QStackedWidget* m_stack;
    MessagePane* m_messagePane;
    OrganizationPane* m_organizationPane;
    ClusterDetailPane* m_clusterPane;
    QueueDetailPane* m_queuePane;
    AgentTokenDetailPane* m_tokenPane;
    Banner* m_errorBar;

    QLabel* m_statusActivity;
    QProgressBar* m_statusBusy;
    QLabel* m_statusRefreshed;
    QLabel* m_statusRateLimit;
    QTimer* m_statusClock;

    QAction* m_refreshAction;
    QAction* m_autoRefreshAction;
    QAction* m_newClusterAction;
    QAction* m_newQueueAction;
    QAction* m_newTokenAction;
    QAction* m_pauseAction;
    QAction* m_resumeAction;
    QAction* m_deleteAction;
    QAction* m_findAction;
    QToolBar* m_toolBar = nullptr;
    QAction* m_accountWidgetAction = nullptr;

    AutoRefreshPolicy m_autoRefresh;
    QTimer* m_autoRefreshTimer;
    bool m_refreshWanted = false; // a refresh came due while minimised
    bool m_shownOnce = false;
    bool m_firstLoad = true;
};
