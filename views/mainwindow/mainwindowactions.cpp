// SPDX-License-Identifier: MIT
#include "mainwindowactions.h"

#include "navigationselection.h"
#include "organizationsession.h"
#include "panes/detailpane.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

namespace {
QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QAction* makeAction(QObject* parent, const char* objectName, const QString& text,
    const char* iconName, const QKeySequence& shortcut = {})
{
    auto* action = new QAction(text, parent);
    action->setObjectName(QLatin1String(objectName));
    if (iconName)
        action->setIcon(icon(iconName));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}
} // namespace

MainWindowActions::MainWindowActions(QWidget* window)
    : QObject(window)
{
    setObjectName(QStringLiteral("mainWindowActions"));
    m_refresh = makeAction(this, "refreshAction", tr("&Refresh"), "refresh", QKeySequence::Refresh);
    if (m_refresh->shortcut() != QKeySequence(Qt::Key_F5))
        m_refresh->setShortcuts({ QKeySequence(QKeySequence::Refresh), QKeySequence(Qt::Key_F5) });
    m_refresh->setToolTip(tr("Reload the organisation (F5)"));

    m_autoRefresh = makeAction(this, "autoRefreshAction", tr("&Auto-refresh"), nullptr);
    m_autoRefresh->setCheckable(true);
    m_autoRefresh->setChecked(true);
    m_autoRefresh->setToolTip(
        tr("Keep the organisation current in the background, within a share of your API rate "
           "limit (Preferences)"));

    m_newCluster
        = makeAction(this, "newClusterAction", tr("New &Cluster…"), "add", QKeySequence::New);
    m_newQueue = makeAction(this, "newQueueAction", tr("New &Queue…"), "queue",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_newToken = makeAction(this, "newTokenAction", tr("New Agent &Token…"), "token",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_pause = makeAction(
        this, "pauseAction", tr("&Pause Dispatch…"), "pause", QKeySequence(Qt::CTRL | Qt::Key_P));
    m_resume = makeAction(this, "resumeAction", tr("Res&ume Dispatch"), "resume",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_delete = makeAction(this, "deleteAction", tr("&Delete…"), "delete", QKeySequence::Delete);
    // Delete only acts from the widget it is added to (the tree); the panes bind their own key.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_find = makeAction(this, "findAction", tr("&Find…"), "search", QKeySequence::Find);
    m_preferences = makeAction(
        this, "preferencesAction", tr("Pr&eferences…"), nullptr, QKeySequence::Preferences);
    // Some platforms have no standard key for it: Ctrl+, as most apps use.
    if (m_preferences->shortcut().isEmpty())
        m_preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferences->setMenuRole(QAction::PreferencesRole);

    m_quit = makeAction(this, "quitAction", tr("&Quit"), nullptr, QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    m_about = makeAction(this, "aboutAction", tr("&About Kitedeck"), nullptr);
    m_about->setMenuRole(QAction::AboutRole);

    m_watch = makeAction(this, "watchAction", tr("&Watch"), "star");
    m_activity = makeAction(this, "activityAction", tr("Acti&vity…"), "activity");
    m_activity->setToolTip(tr("What happened to the queues and clusters you watch"));
    updateWatch(false, false, false);
}

void MainWindowActions::fillMenuBar(QMenuBar* menuBar) const
{
    QMenu* file = menuBar->addMenu(tr("&File"));
    file->addActions({ m_newCluster, m_newQueue, m_newToken });
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = menuBar->addMenu(tr("&Edit"));
    edit->addAction(m_find);
    edit->addSeparator();
    edit->addActions({ m_pause, m_resume, m_delete });
    edit->addSeparator();
    edit->addAction(m_watch);
    edit->addSeparator();
    edit->addAction(m_preferences);

    QMenu* view = menuBar->addMenu(tr("&View"));
    view->addActions({ m_refresh, m_autoRefresh });
    view->addSeparator();
    view->addAction(m_activity);

    QMenu* help = menuBar->addMenu(tr("&Help"));
    help->addAction(m_about);
}

void MainWindowActions::fillToolBar(QToolBar* toolBar) const
{
    toolBar->addAction(m_refresh);
    toolBar->addSeparator();
    auto* newButton = new QToolButton(toolBar);
    newButton->setObjectName(QStringLiteral("newButton"));
    newButton->setText(tr("New"));
    newButton->setIcon(icon("add"));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto* newMenu = new QMenu(newButton);
    newMenu->addActions({ m_newCluster, m_newQueue, m_newToken });
    newButton->setMenu(newMenu);
    newButton->setDefaultAction(m_newCluster);
    newButton->setAccessibleName(tr("New"));
    toolBar->addWidget(newButton);
    toolBar->addActions({ m_pause, m_resume, m_delete });
}

QString MainWindowActions::writeDeniedReason(const OrganizationSession* session)
{
    // Until the access token is known, writes are offered: the server has the last word.
    if (session) {
        if (const auto token = session->accessToken(); token && !token->canWrite())
            return DetailPane::defaultWriteDeniedReason();
        if (!session->isReachable())
            return unreachableReason();
    }
    return {};
}

void MainWindowActions::updateWatch(bool applicable, bool watched, bool isCluster)
{
    m_watch->setEnabled(applicable);
    if (!applicable) {
        m_watch->setText(tr("&Watch"));
        m_watch->setToolTip(tr("Select a queue or a cluster to watch"));
        return;
    }
    if (isCluster) {
        m_watch->setText(watched ? tr("Un&watch Cluster") : tr("&Watch Cluster"));
        m_watch->setToolTip(watched
                ? tr("Stop notifying about this cluster's queues")
                : tr("Notify when any queue of this cluster is paused or resumed by someone "
                     "else, or loses its last agent"));
    } else {
        m_watch->setText(watched ? tr("Un&watch Queue") : tr("&Watch Queue"));
        m_watch->setToolTip(watched ? tr("Stop notifying about this queue")
                                    : tr("Notify when this queue is paused or resumed by someone "
                                         "else, or loses its last agent"));
    }
}

QString MainWindowActions::unreachableReason()
{
    return tr("Buildkite can't be reached right now");
}

void MainWindowActions::update(
    const OrganizationSession* session, const NavigationSelection& selection)
{
    const QString denied = writeDeniedReason(session);
    const bool canWrite = session && denied.isEmpty();
    const bool hasCluster = selection.cluster.has_value();
    const auto& queue = selection.queue;

    m_refresh->setEnabled(session != nullptr);
    auto setWrite = [&](QAction* action, bool applicable, const QString& tip) {
        action->setEnabled(canWrite && applicable);
        action->setToolTip(denied.isEmpty() ? tip : denied);
    };
    setWrite(m_newCluster, true, tr("Create a cluster"));
    setWrite(m_newQueue, hasCluster,
        hasCluster ? tr("Create a queue in the selected cluster") : tr("Select a cluster first"));
    setWrite(m_newToken, hasCluster,
        hasCluster ? tr("Create an agent token for the selected cluster")
                   : tr("Select a cluster first"));
    setWrite(m_pause, queue && !queue->dispatchPaused, tr("Pause dispatch on the selected queue"));
    setWrite(m_resume, queue && queue->dispatchPaused, tr("Resume dispatch on the selected queue"));
    // Tokens are revoked, in Buildkite's words and the pane's: the action says so when one is
    // selected.
    const bool token = selection.kind == NavigationSelection::Kind::Token;
    m_delete->setText(token ? tr("&Revoke…") : tr("&Delete…"));
    m_delete->setIconText(token ? tr("Revoke") : tr("Delete"));
    setWrite(m_delete, selection.isObject(),
        token ? tr("Revoke the selected agent token") : tr("Delete the selected cluster or queue"));
}
