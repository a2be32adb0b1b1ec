// SPDX-License-Identifier: MIT
#include "organizationpane.h"

#include "domain/tokenexpiry.h"
#include "hintlabel.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <tuple>

OrganizationPane::OrganizationPane(QWidget* parent)
    : DetailPane(parent)
{
    setObjectName(QStringLiteral("organizationPane"));
    QWidget* host = contentLayout()->parentWidget();

    m_name = makeValueLabel(QStringLiteral("organizationNameLabel"), host);
    m_name->setFont(scaledFont(m_name->font(), 1.6, true));
    m_subtitle = makeValueLabel(QStringLiteral("organizationSubtitleLabel"), host);
    m_subtitle->setText(tr("Select a cluster, queue or agent token to see its details."));
    setMuted(m_subtitle, true);
    contentLayout()->addWidget(m_name);
    contentLayout()->addWidget(m_subtitle);
    contentLayout()->addWidget(freshnessLabel());

    QHBoxLayout* actions = addActionRow();
    m_newCluster = makeButton(QStringLiteral("newClusterButton"), tr("New Cluster…"),
        tr("New cluster"), QStringLiteral(":/icons/add.svg"));
    actions->addWidget(m_newCluster);
    actions->addStretch(1);

    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    m_clusters = addTile(grid, 0, 0, QStringLiteral("clustersCount"), tr("Clusters"));
    m_queues = addTile(grid, 0, 1, QStringLiteral("queuesCount"), tr("Queues"));
    m_paused = addTile(grid, 0, 2, QStringLiteral("pausedQueuesCount"), tr("Paused queues"));
    m_tokens = addTile(grid, 1, 0, QStringLiteral("tokensCount"), tr("Agent tokens"));
    m_neverExpiring
        = addTile(grid, 1, 1, QStringLiteral("neverExpiringCount"), tr("Tokens that never expire"));
    m_expiringSoon = addTile(grid, 1, 2, QStringLiteral("expiringSoonCount"),
        tr("Tokens expiring within %1 days").arg(TokenExpiry::soonDays));
    m_expired = addTile(grid, 1, 3, QStringLiteral("expiredCount"), tr("Expired tokens"));
    m_agents = addTile(grid, 2, 0, QStringLiteral("agentsCount"), tr("Connected agents"));
    m_busyAgents
        = addTile(grid, 2, 1, QStringLiteral("busyAgentsCount"), tr("Agents running a job"));
    m_pausedAgents = addTile(grid, 2, 2, QStringLiteral("pausedAgentsCount"), tr("Paused agents"));
    m_queuesWithoutAgents = addTile(grid, 2, 3, QStringLiteral("queuesWithoutAgentsCount"),
        tr("Self-hosted queues without agents"));
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
    contentLayout()->addSpacing(6);
    contentLayout()->addLayout(grid);
    m_agentsNotice = new HintLabel(contentLayout()->parentWidget());
    m_agentsNotice->setObjectName(QStringLiteral("agentsNoticeLabel"));
    m_agentsNotice->setWordWrap(true);
    m_agentsNotice->showHint({});
    contentLayout()->addWidget(m_agentsNotice);
    contentLayout()->addStretch(1);

    registerWriteControl(m_newCluster);
    connect(m_newCluster, &QPushButton::clicked, this, &OrganizationPane::createClusterRequested);
    setSummary({});
}

HintLabel* OrganizationPane::addTile(
    QGridLayout* grid, int row, int column, const QString& objectName, const QString& caption)
{
    auto* tile = new QFrame(contentLayout()->parentWidget());
    tile->setObjectName(objectName + QStringLiteral("Tile"));
    tile->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(tile);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(2);
    auto* number = new HintLabel(tile);
    number->setObjectName(objectName);
    number->setWordWrap(false);
    number->setFont(scaledFont(number->font(), 2.0, true));
    auto* text = new QLabel(caption, tile);
    text->setWordWrap(true);
    setMuted(text, true);
    layout->addWidget(number);
    layout->addWidget(text);
    layout->addStretch(1);
    number->setAccessibleDescription(caption);
    grid->addWidget(tile, row, column);
    return number;
}

void OrganizationPane::setCount(HintLabel* label, int count, Tone toneWhenNonZero)
{
    label->showHint(QString::number(count), count > 0 ? toneWhenNonZero : Tone::Neutral);
}

void OrganizationPane::setOrganizationName(const QString& name) { m_name->setText(name); }

void OrganizationPane::setSummary(const OrganizationSummary& summary)
{
    setCount(m_clusters, summary.clusters, Tone::Neutral);
    setCount(m_queues, summary.queues, Tone::Neutral);
    setCount(m_paused, summary.pausedQueues, Tone::Warning);
    setCount(m_tokens, summary.tokens, Tone::Neutral);
    setCount(m_neverExpiring, summary.neverExpiringTokens, Tone::Info);
    setCount(m_expiringSoon, summary.expiringSoonTokens, Tone::Warning);
    setCount(m_expired, summary.expiredTokens, Tone::Danger);
    // Unknown agents are never shown as 0.
    for (auto [label, count, tone] : { std::tuple(m_agents, summary.agentsConnected, Tone::Neutral),
             std::tuple(m_busyAgents, summary.agentsBusy, Tone::Neutral),
             std::tuple(m_pausedAgents, summary.agentsPaused, Tone::Warning),
             std::tuple(m_queuesWithoutAgents, summary.queuesWithoutAgents, Tone::Danger) }) {
        if (summary.agentsKnown)
            setCount(label, count, tone);
        else
            label->showHint(QStringLiteral("—"), Tone::Neutral);
    }
    m_agents->setToolTip(summary.agentsKnown && summary.agentsUnassigned > 0
            ? tr("%1 of them name no queue").arg(summary.agentsUnassigned)
            : QString());
}

void OrganizationPane::setAgentsNotice(const QString& text)
{
    m_agentsNotice->showHint(text, Tone::Warning);
}
