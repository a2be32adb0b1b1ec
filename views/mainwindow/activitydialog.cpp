// SPDX-License-Identifier: MIT
#include "activitydialog.h"

#include "activitylog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

ActivityDialog::ActivityDialog(ActivityLog* log, QWidget* parent)
    : QDialog(parent)
    , m_log(log)
    , m_list(new QTreeView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("activityDialog"));
    setWindowTitle(tr("Activity"));
    // Narrower than a 800-pixel screen, so it opens whole there; it keeps no position.
    resize(760, 380);
    setMinimumWidth(560);
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(tr("Changes Kitedeck noticed on the queues and clusters you watch "
                                "during this session, newest first. Double-click one to show "
                                "its queue."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list->setObjectName(QStringLiteral("activityList"));
    m_list->setAccessibleName(tr("Activity"));
    m_list->setModel(log);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView* header = m_list->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(ActivityLog::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ActivityLog::WhatColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ActivityLog::WhoColumn, QHeaderView::Interactive);
    header->resizeSection(ActivityLog::WhatColumn, 240);
    header->resizeSection(ActivityLog::WhoColumn, 120);
    layout->addWidget(m_list, 1);

    m_empty->setObjectName(QStringLiteral("activityEmpty"));
    m_empty->setText(
        tr("Nothing yet. Watch a queue or a cluster (right-click it in the tree, "
           "or Edit > Watch Queue) and Kitedeck lists here when someone else pauses or "
           "resumes it, or its agents all disconnect."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty, 1);

    // A button of its own: the standard Close carries the style's red cross, which clashes with
    // the app's flat icons.
    auto* buttons = new QDialogButtonBox(this);
    auto* close = new QPushButton(tr("Close"), buttons);
    close->setObjectName(QStringLiteral("activityCloseButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto select = [this](const QModelIndex& index) {
        const QString id = index.data(ActivityLog::QueueIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT selectRequested(id);
    };
    connect(m_list, &QTreeView::activated, this, select);
    connect(log, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmpty();
        if (isVisible())
            m_log->markSeen();
    });
    connect(log, &QAbstractItemModel::modelReset, this, &ActivityDialog::updateEmpty);
    updateEmpty();
}

void ActivityDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    m_log->markSeen();
    if (!m_list->currentIndex().isValid() && m_log->rowCount() > 0)
        m_list->setCurrentIndex(m_log->index(0, 0));
    (m_log->rowCount() > 0 ? static_cast<QWidget*>(m_list) : this)->setFocus();
}

void ActivityDialog::updateEmpty()
{
    const bool empty = m_log->rowCount() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
}
