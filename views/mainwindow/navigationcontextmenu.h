// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"

#include <QMenu>
#include <QObject>
#include <QPointer>

class MainWindowActions;
class NavigationPanel;
class OrganizationSession;
class QPoint;
class WriteFlows;

// The navigation tree's context menu (right click, Shift+F10, the Menu key): what the selected
// row's pane offers (pause or resume, edit, delete or revoke, copy its id, key or URL, open it
// in the browser), Watch or Unwatch on a queue or a cluster, New Queue and New Agent Token on a
// cluster, and the incident actions: pause or resume every queue of a cluster, or every queue the
// filter shows. Writes go through the main window's actions and flows, so they are enabled,
// confirmed and reported as from the panes.
//
// objectNames: navigationContextMenu; its own actions editItemAction, revokeAction,
// copyIdAction, copyKeyAction, copyNameAction, copyUrlAction, openInBrowserAction,
// pauseAllAction, resumeAllAction, pauseMatchingAction, resumeMatchingAction (the others are
// MainWindowActions').
class NavigationContextMenu final : public QObject {
    Q_OBJECT
public:
    NavigationContextMenu(NavigationPanel* panel, MainWindowActions* actions, WriteFlows* flows,
        QObject* parent = nullptr);

    void setSession(OrganizationSession* session);
    // The menu for the current row, built afresh (owned by the caller).
    QMenu* build(QWidget* parent);
    // The menu shown last, while it is open (tests).
    QMenu* menu() const { return m_menu; }
    // Shows the menu for the current row at a point of the screen.
    void popup(const QPoint& globalPos);
    // The queues the filtered tree shows (all of them without a filter).
    QList<Queue> queuesShown() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onRequested(const QPoint& pos);
    bool canWrite() const;

    NavigationPanel* m_panel;
    MainWindowActions* m_actions;
    WriteFlows* m_flows;
    QPointer<OrganizationSession> m_session;
    QPointer<QMenu> m_menu;
};
