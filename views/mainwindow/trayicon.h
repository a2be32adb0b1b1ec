// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

// Kitedeck in the system tray, where the platform has one: the app icon with a menu (Open
// Kitedeck, Refresh, Quit) and the desktop notifications about the watched queues. Without a
// tray (some Linux desktops, a headless run) there is no icon and notify() shows nothing: the
// main window puts the news in its Activity list and status bar either way.
//
// notify() announces every notification it would show with notificationRequested(), tray or
// not: the seam the tests read, as a desktop's bubbles cannot be.
//
// objectNames: trayIcon, trayMenu, trayOpenAction, trayRefreshAction, trayQuitAction.
class TrayIcon final : public QObject {
    Q_OBJECT
public:
    // refresh, quit: the main window's actions, which the menu triggers.
    TrayIcon(QWidget* window, QAction* refresh, QAction* quit, QObject* parent = nullptr);
    ~TrayIcon() override;

    // Whether the platform shows a tray icon (the icon is shown when it does).
    bool isAvailable() const;
    QMenu* menu() const { return m_menu; }

    // A desktop notification: a title and a line or two.
    void notify(const QString& title, const QString& message);

Q_SIGNALS:
    void notificationRequested(const QString& title, const QString& message);
    // The user clicked the icon or a notification: show the window (and what it said).
    void openRequested();
    void messageClicked();

private:
    QMenu* m_menu;
    QSystemTrayIcon* m_icon = nullptr;
};
