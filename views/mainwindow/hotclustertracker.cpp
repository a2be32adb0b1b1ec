// SPDX-License-Identifier: MIT
#include "hotclustertracker.h"

#include "modelroles.h"
#include "organizationtreemodel.h"

#include <QEvent>
#include <QScrollBar>
#include <QSet>
#include <QTimer>
#include <QTreeView>

#include <utility>

using Kind = OrganizationTreeModel::NodeKind;

HotClusterTracker::HotClusterTracker(QTreeView* tree, QObject* parent)
    : QObject(parent)
    , m_tree(tree)
    , m_delay(new QTimer(this))
{
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_delay, &QTimer::timeout, this, &HotClusterTracker::update);

    connect(tree, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        noteOpened(index, true);
        schedule();
    });
    connect(tree, &QTreeView::collapsed, this, &HotClusterTracker::schedule);
    connect(
        tree->verticalScrollBar(), &QScrollBar::valueChanged, this, &HotClusterTracker::schedule);
    // Kept, not asked of the tree in eventFilter(): the viewport still gets events while the
    // tree is being destroyed, when it is no longer a QAbstractScrollArea to call into.
    m_viewport = tree->viewport();
    tree->viewport()->installEventFilter(this);
    // The tree keeps its model (the filter proxy) and selection model whatever it shows.
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            noteOpened(current, false);
            schedule();
        });
    QAbstractItemModel* model = tree->model();
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &HotClusterTracker::schedule);
    connect(model, &QAbstractItemModel::rowsMoved, this, &HotClusterTracker::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &HotClusterTracker::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &HotClusterTracker::schedule);
}

void HotClusterTracker::setDelay(int milliseconds) { m_delay->setInterval(milliseconds); }

void HotClusterTracker::schedule()
{
    if (!m_delay->isActive())
        m_delay->start();
}

bool HotClusterTracker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        schedule();
    return QObject::eventFilter(watched, event);
}

void HotClusterTracker::noteOpened(const QModelIndex& index, bool expanded)
{
    const auto kind = index.data(ModelRoles::Kind).value<Kind>();
    const bool tokens = kind == Kind::TokenGroup || (!expanded && kind == Kind::Token);
    if (!index.isValid() || !tokens)
        return;
    // Selecting a token of a collapsed cluster expands its group too: one opening, said once.
    const QString id = index.data(ModelRoles::ClusterId).toString();
    if (m_opened.contains(id))
        return;
    if (m_opened.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                const QStringList opened = std::exchange(m_opened, {});
                for (const QString& clusterId : opened)
                    Q_EMIT tokensOpened(clusterId);
            },
            Qt::QueuedConnection);
    }
    m_opened.append(id);
}

void HotClusterTracker::update()
{
    m_delay->stop();
    const QStringList hot = compute();
    if (hot == m_hot)
        return;
    m_hot = hot;
    Q_EMIT hotClustersChanged(hot);
}

QStringList HotClusterTracker::compute() const
{
    QStringList out;
    QSet<QString> seen;
    const auto add = [&](const QModelIndex& index) {
        const QString id = index.data(ModelRoles::ClusterId).toString();
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    };
    const QAbstractItemModel* model = m_tree->model();
    if (!model || model->rowCount() == 0)
        return out;
    add(m_tree->currentIndex());
    // The clusters are the organisation's children.
    const QModelIndex organization = model->index(0, 0);
    if (m_tree->isExpanded(organization)) {
        const int rows = model->rowCount(organization);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex cluster = model->index(row, 0, organization);
            if (m_tree->isExpanded(cluster))
                add(cluster);
        }
    }
    const int bottom = m_tree->viewport()->height();
    for (QModelIndex index = m_tree->indexAt(QPoint(1, 1));
         index.isValid() && m_tree->visualRect(index).top() < bottom;
         index = m_tree->indexBelow(index))
        add(index);
    return out;
}
