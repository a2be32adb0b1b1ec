// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class OrganizationSession;
class QAction;
class QMenuBar;
class QToolBar;
class QWidget;
struct NavigationSelection;

// The main window's actions, where they appear (menus, toolbar), and the one place that decides
// which are enabled for a session and a selection, with a tooltip that says why not. Triggering
// them is wired by the main window.
//
// objectNames: refreshAction, autoRefreshAction, newClusterAction, newQueueAction,
// newTokenAction, pauseAction, resumeAction, deleteAction, findAction, preferencesAction,
// quitAction, aboutAction, watchAction, activityAction, newButton (the toolbar's New menu
// button).
class MainWindowActions final : public QObject {
    Q_OBJECT
public:
    explicit MainWindowActions(QWidget* window);

    QAction* refresh() const { return m_refresh; }
    QAction* autoRefresh() const { return m_autoRefresh; }
    QAction* newCluster() const { return m_newCluster; }
    QAction* newQueue() const { return m_newQueue; }
    QAction* newToken() const { return m_newToken; }
    QAction* pause() const { return m_pause; }
    QAction* resume() const { return m_resume; }
    QAction* remove() const { return m_delete; }
    QAction* find() const { return m_find; }
    QAction* preferences() const { return m_preferences; }
    QAction* quit() const { return m_quit; }
    QAction* about() const { return m_about; }
    // Watch or Unwatch the selected queue or cluster (Edit menu, the tree's context menu).
    QAction* watch() const { return m_watch; }
    // View > Activity: the list of what happened to the watched queues.
    QAction* activity() const { return m_activity; }

    void fillMenuBar(QMenuBar* menuBar) const;
    void fillToolBar(QToolBar* toolBar) const;

    // Enables what applies to the selection and the session allows; the tooltip of a write the
    // token may not make names the missing scope.
    void update(const OrganizationSession* session, const NavigationSelection& selection);
    // Why this session may not write (empty when it may, or when it is not known yet): the
    // token lacks the scope, or Buildkite cannot be reached right now. The actions and the
    // detail panes say the same.
    static QString writeDeniedReason(const OrganizationSession* session);
    static QString unreachableReason();
    // The Watch action for the selection: applicable to a queue or a cluster; its words say
    // which way it goes.
    void updateWatch(bool applicable, bool watched, bool isCluster);

private:
    QAction* m_refresh;
    QAction* m_autoRefresh;
    QAction* m_newCluster;
    QAction* m_newQueue;
    QAction* m_newToken;
    QAction* m_pause;
    QAction* m_resume;
    QAction* m_delete;
    QAction* m_find;
    QAction* m_preferences;
    QAction* m_quit;
    QAction* m_about;
    QAction* m_watch;
    QAction* m_activity;
};
