// SPDX-License-Identifier: MIT
#include "grouppane.h"

#include "clustertitle.h"
#include "queuetable.h"
#include "tokentable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

GroupPane::GroupPane(Kind kind, QWidget* parent)
    : DetailPane(parent)
    , m_kind(kind)
{
    const bool queues = kind == Kind::Queues;
    setObjectName(queues ? QStringLiteral("queueGroupPane") : QStringLiteral("tokenGroupPane"));
    QWidget* host = contentLayout()->parentWidget();

    m_title = makeValueLabel(QStringLiteral("groupTitleLabel"), host);
    m_title->setFont(scaledFont(m_title->font(), 1.6, true));
    m_title->setText(queues ? tr("Queues") : tr("Agent tokens"));
    m_clusterName = makeValueLabel(QStringLiteral("groupClusterLabel"), host);
    setMuted(m_clusterName, true);
    contentLayout()->addWidget(m_title);
    contentLayout()->addWidget(m_clusterName);

    QHBoxLayout* actions = addActionRow();
    m_new = queues ? makeButton(QStringLiteral("groupNewButton"), tr("New Queue…"),
                tr("New queue in this cluster"), QStringLiteral(":/icons/add.svg"))
                   : makeButton(QStringLiteral("groupNewButton"), tr("New Agent Token…"),
                       tr("New agent token for this cluster"), QStringLiteral(":/icons/token.svg"));
    actions->addWidget(m_new);
    actions->addStretch(1);
    registerWriteControl(m_new);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (m_kind == Kind::Queues)
            Q_EMIT newQueueRequested(m_cluster);
        else
            Q_EMIT newAgentTokenRequested(m_cluster);
    });

    if (queues) {
        auto* table = new QueueTable(host);
        table->setObjectName(QStringLiteral("clusterQueuesTable"));
        connect(table, &QueueTable::pauseRequested, this, &GroupPane::pauseQueuesRequested);
        connect(table, &QueueTable::resumeRequested, this, &GroupPane::resumeQueuesRequested);
        m_table = table;
    } else {
        m_table = new TokenTable(host);
        m_table->setObjectName(QStringLiteral("clusterTokensTable"));
    }
    connect(m_table, &ListTable::selectRequested, this, &GroupPane::selectRequested);
    contentLayout()->addWidget(m_table, 1);
}

QueueTable* GroupPane::queueTable() const { return qobject_cast<QueueTable*>(m_table); }

TokenTable* GroupPane::tokenTable() const { return qobject_cast<TokenTable*>(m_table); }

void GroupPane::setModel(OrganizationTreeModel* model) { m_table->setTree(model); }

void GroupPane::setCluster(const Cluster& cluster)
{
    m_cluster = cluster;
    m_clusterName->setText(m_kind == Kind::Queues
            ? tr("Queues in %1").arg(clusterTitle(cluster))
            : tr("Agent tokens of %1").arg(clusterTitle(cluster)));
    m_title->setText(m_kind == Kind::Queues ? tr("Queues") : tr("Agent tokens"));
    m_table->setCluster(cluster.id);
}
