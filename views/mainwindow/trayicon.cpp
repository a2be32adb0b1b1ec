// SPDX-License-Identifier: MIT
#include "trayicon.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

TrayIcon::TrayIcon(QWidget* window, QAction* refresh, QAction* quit, QObject* parent)
    : QObject(parent)
    , m_menu(new QMenu(window))
{
    setObjectName(QStringLiteral("trayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* open
        = m_menu->addAction(QIcon(QStringLiteral(":/app-icon/kitedeck.svg")), tr("Open Kitedeck"));
    open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(open, &QAction::triggered, this, &TrayIcon::openRequested);
    // Own actions that trigger the window's: the window's carry shortcuts and enabled states
    // that mean nothing in a tray menu (Refresh is always worth offering here).
    QAction* reload
        = m_menu->addAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"));
    reload->setObjectName(QStringLiteral("trayRefreshAction"));
    connect(reload, &QAction::triggered, refresh, &QAction::trigger);
    m_menu->addSeparator();
    QAction* leave = m_menu->addAction(tr("Quit Kitedeck"));
    leave->setObjectName(QStringLiteral("trayQuitAction"));
    connect(leave, &QAction::triggered, quit, &QAction::trigger);

    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/app-icon/kitedeck.svg")), this);
    m_icon->setToolTip(tr("Kitedeck"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
        [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT openRequested();
        });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    m_icon->show();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable() const { return m_icon && m_icon->isVisible(); }

void TrayIcon::notify(const QString& title, const QString& message)
{
    Q_EMIT notificationRequested(title, message);
    if (isAvailable() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, message, QIcon(QStringLiteral(":/app-icon/kitedeck.svg")));
}
