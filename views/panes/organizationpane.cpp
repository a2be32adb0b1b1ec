// SPDX-License-Identifier: MIT
#include "organizationpane.h"

#include "attentiontile.h"
#include "attentionview.h"
#include "hintlabel.h"
#include "organizationtreemodel.h"
#include "queuetable.h"
#include "rowtext.h"
#include "tokentable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
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

    // What there is, in one line beside New Cluster: the attention tiles below are what matters.
    QHBoxLayout* actions = addActionRow();
    m_clusters = addCount(actions, QStringLiteral("clustersCount"), true);
    m_queuesCount = addCount(actions, QStringLiteral("queuesCount"), true);
    m_tokensCount = addCount(actions, QStringLiteral("tokensCount"), false);
    actions->addStretch(1);
    m_newCluster = makeButton(QStringLiteral("newClusterButton"), tr("New Cluster…"),
        tr("New cluster"), QStringLiteral(":/icons/add.svg"));
    actions->addWidget(m_newCluster);

    // The organisation's agents in one line ("12 agents · 3 busy · 1 paused"), and why there are
    // no numbers when the token may not read them.
    m_agents = makeValueLabel(QStringLiteral("agentsCount"), host);
    setMuted(m_agents, true);
    contentLayout()->addWidget(m_agents);
    m_agentsNotice = new HintLabel(host);
    m_agentsNotice->setObjectName(QStringLiteral("agentsNoticeLabel"));
    m_agentsNotice->setWordWrap(true);
    m_agentsNotice->showHint({});
    contentLayout()->addWidget(m_agentsNotice);

    m_attention = new AttentionModel(this);
    m_tiles = new AttentionTiles(host);
    m_tiles->setModel(m_attention);
    contentLayout()->addWidget(m_tiles);

    m_tabs = new QTabWidget(host);
    m_tabs->setObjectName(QStringLiteral("organizationTabs"));
    m_tabs->setDocumentMode(true);
    m_attentionView = new AttentionView(m_tabs);
    m_attentionView->setModel(m_attention);
    m_queues = new QueueTable(m_tabs);
    m_queues->setObjectName(QStringLiteral("allQueuesTable"));
    m_tokens = new TokenTable(m_tabs);
    m_tokens->setObjectName(QStringLiteral("allTokensTable"));
    for (QWidget* page : std::initializer_list<QWidget*> { m_attentionView, m_queues, m_tokens })
        page->setContentsMargins(0, 8, 0, 0);
    m_tabs->addTab(m_attentionView, tr("Needs Attention"));
    m_tabs->addTab(m_queues, tr("All Queues"));
    m_tabs->addTab(m_tokens, tr("All Agent Tokens"));
    m_tabs->setMinimumHeight(240);
    contentLayout()->addWidget(m_tabs, 1);

    registerWriteControl(m_newCluster);
    connect(m_newCluster, &QPushButton::clicked, this, &OrganizationPane::createClusterRequested);
    connect(m_tiles, &AttentionTiles::tileClicked, this, &OrganizationPane::onTileClicked);
    connect(
        m_attentionView, &AttentionView::selectRequested, this, &OrganizationPane::selectRequested);
    connect(m_queues, &ListTable::selectRequested, this, &OrganizationPane::selectRequested);
    connect(m_tokens, &ListTable::selectRequested, this, &OrganizationPane::selectRequested);
    connect(m_queues, &QueueTable::pauseRequested, this, &OrganizationPane::pauseQueuesRequested);
    connect(m_queues, &QueueTable::resumeRequested, this, &OrganizationPane::resumeQueuesRequested);
    setSummary({});
}

QLabel* OrganizationPane::addCount(QLayout* row, const QString& objectName, bool separator)
{
    auto* number = new QLabel(contentLayout()->parentWidget());
    number->setObjectName(objectName);
    number->setTextFormat(Qt::PlainText);
    number->setFont(scaledFont(number->font(), 1.0, true));
    auto* words = new QLabel(contentLayout()->parentWidget());
    words->setObjectName(objectName + QStringLiteral("Words"));
    setMuted(words, true);
    row->addWidget(number);
    row->addWidget(words);
    if (separator) {
        auto* dot = new QLabel(QStringLiteral("·"), contentLayout()->parentWidget());
        setMuted(dot, true);
        row->addWidget(dot);
    }
    return number;
}

void OrganizationPane::setOrganizationName(const QString& name) { m_name->setText(name); }

void OrganizationPane::setSummary(const OrganizationSummary& summary)
{
    auto set = [](QLabel* number, int count, const QString& one, const QString& many) {
        number->setText(QString::number(count));
        auto* words = number->parentWidget()->findChild<QLabel*>(
            number->objectName() + QStringLiteral("Words"));
        words->setText(count == 1 ? one : many);
        number->setAccessibleName(QStringLiteral("%1 %2").arg(count).arg(words->text()));
    };
    set(m_clusters, summary.clusters, tr("cluster"), tr("clusters"));
    set(m_queuesCount, summary.queues, tr("queue"), tr("queues"));
    set(m_tokensCount, summary.tokens, tr("agent token"), tr("agent tokens"));
    // Unknown agents are never shown as 0.
    if (summary.agentsKnown) {
        AgentCounts counts;
        counts.connected = summary.agentsConnected;
        counts.busy = summary.agentsBusy;
        counts.paused = summary.agentsPaused;
        m_agents->setText(RowText::agentsBadge(counts));
        m_agents->setToolTip(summary.agentsUnassigned > 0
                ? tr("%n of them name no queue", nullptr, summary.agentsUnassigned)
                : QString());
    } else {
        m_agents->setText(tr("Agents: not listed yet"));
        m_agents->setToolTip({});
    }
}

void OrganizationPane::setAgentsNotice(const QString& text)
{
    m_agents->setVisible(text.isEmpty());
    m_agentsNotice->showHint(text, Tone::Warning);
}

void OrganizationPane::setModel(OrganizationTreeModel* model)
{
    m_attention->setSource(model);
    m_queues->setTree(model);
    m_tokens->setTree(model);
}

void OrganizationPane::onTileClicked(AttentionModel::Section section)
{
    const QString words = AttentionTiles::filterWords(section);
    if (!words.isEmpty())
        Q_EMIT filterRequested(words);
    m_tabs->setCurrentWidget(m_attentionView);
    m_attentionView->revealSection(section);
}
