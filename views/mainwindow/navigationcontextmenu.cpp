// SPDX-License-Identifier: MIT
#include "navigationcontextmenu.h"

#include "mainwindowactions.h"
#include "navigationfilterproxy.h"
#include "navigationpanel.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "weblinks.h"
#include "writeflows.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QIcon>
#include <QKeyEvent>
#include <QMenu>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;
using Selected = NavigationSelection::Kind;

namespace {
QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QAction* addAction(
    QMenu* menu, const char* objectName, const QString& text, const char* iconName = nullptr)
{
    QAction* action = menu->addAction(text);
    action->setObjectName(QLatin1String(objectName));
    if (iconName)
        action->setIcon(icon(iconName));
    return action;
}

void copyAction(QMenu* menu, const char* objectName, const QString& text, const QString& value)
{
    QAction* action = addAction(menu, objectName, text);
    action->setEnabled(!value.isEmpty());
    QObject::connect(
        action, &QAction::triggered, menu, [value] { QApplication::clipboard()->setText(value); });
}

void browserAction(QMenu* menu, const QString& url)
{
    QAction* action = addAction(
        menu, "openInBrowserAction", NavigationContextMenu::tr("Open in Browser"), "open-external");
    action->setEnabled(WebLinks::isWebUrl(url));
    QObject::connect(action, &QAction::triggered, menu, [url] { WebLinks::open(url); });
}
} // namespace

NavigationContextMenu::NavigationContextMenu(
    NavigationPanel* panel, MainWindowActions* actions, WriteFlows* flows, QObject* parent)
    : QObject(parent)
    , m_panel(panel)
    , m_actions(actions)
    , m_flows(flows)
{
    setObjectName(QStringLiteral("navigationContextMenuController"));
    QTreeView* tree = panel->tree();
    tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree, &QWidget::customContextMenuRequested, this, &NavigationContextMenu::onRequested);
    tree->installEventFilter(this);
}

void NavigationContextMenu::setSession(OrganizationSession* session) { m_session = session; }

bool NavigationContextMenu::canWrite() const
{
    return m_session && MainWindowActions::writeDeniedReason(m_session).isEmpty();
}

bool NavigationContextMenu::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_panel->tree() && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool menuKey = key->key() == Qt::Key_Menu
            || (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier);
        if (menuKey) {
            QTreeView* tree = m_panel->tree();
            const QRect row = tree->visualRect(tree->currentIndex());
            const QPoint at = row.isValid() ? row.bottomLeft() + QPoint(16, 0) : QPoint(16, 16);
            popup(tree->viewport()->mapToGlobal(at));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void NavigationContextMenu::onRequested(const QPoint& pos)
{
    QTreeView* tree = m_panel->tree();
    // The row under the pointer becomes the selection, so the menu and the pane agree.
    const QModelIndex at = tree->indexAt(pos);
    if (at.isValid() && at != tree->currentIndex())
        tree->setCurrentIndex(at);
    popup(tree->viewport()->mapToGlobal(pos));
}

void NavigationContextMenu::popup(const QPoint& globalPos)
{
    if (m_menu)
        m_menu->close();
    m_menu = build(m_panel->tree());
    m_menu->setAttribute(Qt::WA_DeleteOnClose);
    m_menu->popup(globalPos);
}

QList<Queue> NavigationContextMenu::queuesShown() const
{
    QList<Queue> out;
    const QAbstractItemModel* proxy = m_panel->proxy();
    QList<QModelIndex> pending { QModelIndex() };
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < proxy->rowCount(parent); ++row) {
            const QModelIndex index = proxy->index(row, 0, parent);
            const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
            if (kind == Kind::Queue)
                out.append(index.data(OrganizationTreeModel::QueueRole).value<Queue>());
            else
                pending.append(index);
        }
    }
    return out;
}

QMenu* NavigationContextMenu::build(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("navigationContextMenu"));
    const NavigationSelection selection = m_panel->selection();
    const QModelIndex current = m_panel->currentIndex();
    const auto kind = current.data(OrganizationTreeModel::KindRole).value<Kind>();
    OrganizationTreeModel* model = m_panel->model();
    const bool write = canWrite();

    auto pauseAll = [&](const QList<Queue>& queues, const char* pauseName, const char* resumeName,
                        const QString& pauseText, const QString& resumeText) {
        int running = 0;
        int paused = 0;
        for (const Queue& q : queues)
            (q.dispatchPaused ? paused : running) += 1;
        QAction* pause = addAction(menu, pauseName, pauseText.arg(running), "pause");
        pause->setEnabled(write && running > 0);
        connect(pause, &QAction::triggered, m_flows,
            [flows = m_flows, queues] { flows->pauseQueues(queues); });
        QAction* resume = addAction(menu, resumeName, resumeText.arg(paused), "resume");
        resume->setEnabled(write && paused > 0);
        connect(resume, &QAction::triggered, m_flows,
            [flows = m_flows, queues] { flows->resumeQueues(queues); });
    };

    switch (selection.kind) {
    case Selected::Queue: {
        const Queue queue = *selection.queue;
        menu->addAction(queue.dispatchPaused ? m_actions->resume() : m_actions->pause());
        QAction* edit = addAction(menu, "editItemAction", tr("Edit Queue…"), "edit");
        edit->setEnabled(write);
        connect(edit, &QAction::triggered, m_flows,
            [flows = m_flows, queue] { flows->editQueue(queue); });
        menu->addAction(m_actions->remove());
        menu->addAction(m_actions->watch());
        menu->addSeparator();
        copyAction(menu, "copyKeyAction", tr("Copy Key"), queue.key);
        copyAction(menu, "copyIdAction", tr("Copy ID"), queue.id);
        copyAction(menu, "copyUrlAction", tr("Copy URL"), queue.webUrl);
        browserAction(menu, queue.webUrl);
        break;
    }
    case Selected::Token: {
        const AgentToken token = *selection.token;
        QAction* edit = addAction(menu, "editItemAction", tr("Edit Agent Token…"), "edit");
        edit->setEnabled(write);
        connect(edit, &QAction::triggered, m_flows,
            [flows = m_flows, token] { flows->editToken(token); });
        QAction* revoke = addAction(menu, "revokeAction", tr("Revoke…"), "delete");
        revoke->setEnabled(write);
        connect(revoke, &QAction::triggered, m_flows,
            [flows = m_flows, token] { flows->revokeToken(token); });
        menu->addSeparator();
        copyAction(menu, "copyIdAction", tr("Copy ID"), token.id);
        copyAction(menu, "copyUrlAction", tr("Copy API URL"), token.url);
        break;
    }
    case Selected::Cluster: {
        const Cluster cluster = *selection.cluster;
        menu->addActions({ m_actions->newQueue(), m_actions->newToken() });
        menu->addSeparator();
        pauseAll(model ? model->queues(cluster.id) : QList<Queue> {}, "pauseAllAction",
            "resumeAllAction", tr("Pause All %1 Running Queues…"),
            tr("Resume All %1 Paused Queues…"));
        menu->addSeparator();
        QAction* edit = addAction(menu, "editItemAction", tr("Edit Cluster…"), "edit");
        edit->setEnabled(write);
        connect(edit, &QAction::triggered, m_flows,
            [flows = m_flows, cluster] { flows->editCluster(cluster); });
        menu->addAction(m_actions->remove());
        menu->addAction(m_actions->watch());
        menu->addSeparator();
        copyAction(menu, "copyNameAction", tr("Copy Name"), cluster.name);
        copyAction(menu, "copyIdAction", tr("Copy ID"), cluster.id);
        copyAction(menu, "copyUrlAction", tr("Copy URL"), cluster.webUrl);
        browserAction(menu, cluster.webUrl);
        break;
    }
    case Selected::Other:
        if (kind == Kind::QueueGroup && selection.cluster) {
            menu->addAction(m_actions->newQueue());
            menu->addSeparator();
            pauseAll(model ? model->queues(selection.cluster->id) : QList<Queue> {},
                "pauseAllAction", "resumeAllAction", tr("Pause All %1 Running Queues…"),
                tr("Resume All %1 Paused Queues…"));
        } else if (kind == Kind::TokenGroup) {
            menu->addAction(m_actions->newToken());
        }
        break;
    case Selected::Organization:
        menu->addActions({ m_actions->newCluster(), m_actions->refresh() });
        break;
    case Selected::Nothing:
        break;
    }

    // Incident mode: whatever the filter shows ("is:hosted linux", a cluster's name).
    if (!m_panel->proxy()->filterText().isEmpty()) {
        menu->addSeparator();
        pauseAll(queuesShown(), "pauseMatchingAction", "resumeMatchingAction",
            tr("Pause %1 Running Queues Matching the Filter…"),
            tr("Resume %1 Paused Queues Matching the Filter…"));
    }
    return menu;
}
