// SPDX-License-Identifier: MIT
#include "queuetable.h"

#include "queuelistmodel.h"
#include "tablecelldelegate.h"
#include "treelistfeed.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>

using M = QueueListModel;

QueueTable::QueueTable(QWidget* parent)
    : ListTable(new M(parent), M::Cluster, { M::Description, M::Affinity, M::Id }, parent)
    , m_model(static_cast<M*>(proxy()->sourceModel()))
    , m_pause(new QPushButton(QIcon(QStringLiteral(":/icons/pause.svg")), tr("Pause…"), this))
    , m_resume(new QPushButton(QIcon(QStringLiteral(":/icons/resume.svg")), tr("Resume…"), this))
{
    m_model->setParent(this);
    view()->setAccessibleName(tr("Queues"));
    feed()->setQueues(m_model);

    m_pause->setObjectName(QStringLiteral("pauseSelectedButton"));
    m_pause->setAutoDefault(false);
    m_resume->setObjectName(QStringLiteral("resumeSelectedButton"));
    m_resume->setAutoDefault(false);
    controls()->insertWidget(0, m_pause);
    controls()->insertWidget(1, m_resume);

    QHeaderView* header = view()->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(M::Note, QHeaderView::Stretch); // the rest of the width
    header->resizeSection(M::Key, 150);
    header->resizeSection(M::Cluster, 160);
    header->resizeSection(M::State, 80);
    header->resizeSection(M::PausedBy, 120);
    header->resizeSection(M::PausedAt, 110);
    header->resizeSection(M::Hosted, 170);
    header->resizeSection(M::Agents, 80);
    header->resizeSection(M::Description, 200);
    view()->sortByColumn(M::State, Qt::DescendingOrder); // paused first

    delegate()->setToneOf([](const QModelIndex& index) -> std::optional<Tone> {
        if (index.column() != M::State)
            return std::nullopt;
        if (index.data(M::ErrorRole).isValid())
            return Tone::Danger;
        if (index.data(M::PausedRole).toBool())
            return Tone::Warning;
        return std::nullopt;
    });

    view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view(), &QWidget::customContextMenuRequested, this, &QueueTable::showRowMenu);
    connect(this, &ListTable::selectionChanged, this, &QueueTable::updateButtons);
    // A queue paused or resumed elsewhere changes what the buttons can do.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueueTable::updateButtons);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (const QList<Queue> queues = selectedWhere(false); !queues.isEmpty())
            Q_EMIT pauseRequested(queues);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const QList<Queue> queues = selectedWhere(true); !queues.isEmpty())
            Q_EMIT resumeRequested(queues);
    });
    updateButtons();
}

QString QueueTable::countText(int shown, int total) const
{
    if (shown == total)
        return total == 1 ? tr("1 queue") : tr("%1 queues").arg(total);
    return tr("%1 of %2 queues").arg(shown).arg(total);
}

QList<Queue> QueueTable::selectedQueues() const
{
    QList<Queue> out;
    for (const QString& id : selectedIds()) {
        if (const auto q = m_model->item(id))
            out.append(*q);
    }
    return out;
}

QList<Queue> QueueTable::selectedWhere(bool paused) const
{
    QList<Queue> out;
    for (const Queue& q : selectedQueues()) {
        if (q.dispatchPaused == paused)
            out.append(q);
    }
    return out;
}

void QueueTable::setWriteDenied(const QString& reason)
{
    m_writeDenied = reason;
    updateButtons();
}

void QueueTable::updateButtons()
{
    const int running = int(selectedWhere(false).size());
    const int paused = int(selectedWhere(true).size());
    m_pause->setText(running > 1 ? tr("Pause %1…").arg(running) : tr("Pause…"));
    m_resume->setText(paused > 1 ? tr("Resume %1…").arg(paused) : tr("Resume…"));
    const bool allowed = m_writeDenied.isEmpty();
    m_pause->setEnabled(allowed && running > 0);
    m_resume->setEnabled(allowed && paused > 0);
    m_pause->setToolTip(
        allowed ? tr("Pause dispatch on the selected running queues") : m_writeDenied);
    m_resume->setToolTip(
        allowed ? tr("Resume dispatch on the selected paused queues") : m_writeDenied);
}

void QueueTable::showRowMenu(const QPoint& pos)
{
    const QModelIndex at = view()->indexAt(pos);
    if (!at.isValid())
        return;
    if (!view()->selectionModel()->isRowSelected(at.row(), at.parent()))
        view()->selectionModel()->setCurrentIndex(
            at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("queueTableMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = at.data(M::IdRole).toString();
    QAction* show = menu->addAction(tr("Show in Tree"));
    show->setObjectName(QStringLiteral("showInTreeAction"));
    connect(show, &QAction::triggered, this, [this, id] { Q_EMIT selectRequested(id); });
    menu->addSeparator();
    for (QPushButton* button : { m_pause, m_resume }) {
        QAction* action = menu->addAction(button->icon(), button->text());
        action->setObjectName(button->objectName() + QStringLiteral("Action"));
        action->setEnabled(button->isEnabled());
        connect(action, &QAction::triggered, button, &QPushButton::click);
    }
    menu->addSeparator();
    const QList<Queue> selected = selectedQueues();
    QStringList keys;
    QStringList ids;
    for (const Queue& q : selected) {
        keys.append(q.key);
        ids.append(q.id);
    }
    QAction* copyKeys = menu->addAction(selected.size() > 1 ? tr("Copy Keys") : tr("Copy Key"));
    connect(copyKeys, &QAction::triggered, this,
        [keys] { QApplication::clipboard()->setText(keys.join(QLatin1Char('\n'))); });
    QAction* copyIds = menu->addAction(selected.size() > 1 ? tr("Copy IDs") : tr("Copy ID"));
    connect(copyIds, &QAction::triggered, this,
        [ids] { QApplication::clipboard()->setText(ids.join(QLatin1Char('\n'))); });
    menu->popup(view()->viewport()->mapToGlobal(pos));
}
