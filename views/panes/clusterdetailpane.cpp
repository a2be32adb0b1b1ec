// SPDX-License-Identifier: MIT
#include "clusterdetailpane.h"

#include "colorswatch.h"
#include "copyablefield.h"
#include "emoji.h"
#include "format.h"
#include "queuetable.h"
#include "rowtext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
QString maintainerLine(const Maintainer& m)
{
    if (m.kind == Maintainer::Kind::Team) {
        const QString name = m.name.isEmpty() ? m.slug : m.name;
        return ClusterDetailPane::tr("%1 (team)").arg(name);
    }
    if (!m.name.isEmpty() && !m.email.isEmpty())
        return QStringLiteral("%1 <%2>").arg(m.name, m.email);
    return m.name.isEmpty() ? m.email : m.name;
}
} // namespace

ClusterDetailPane::ClusterDetailPane(QWidget* parent)
    : DetailPane(parent)
{
    setObjectName(QStringLiteral("clusterDetailPane"));
    QWidget* host = contentLayout()->parentWidget();

    // Header: the emoji large beside the name, as Buildkite's cluster tiles show it.
    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    m_emoji = new QLabel(host);
    m_emoji->setObjectName(QStringLiteral("emojiLabel"));
    m_emoji->setTextFormat(Qt::PlainText);
    m_emoji->setAlignment(Qt::AlignCenter);
    m_emoji->setFont(scaledFont(m_emoji->font(), 2.6, false));
    header->addWidget(m_emoji, 0, Qt::AlignTop);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(4);
    m_name = makeValueLabel(QStringLiteral("nameLabel"), host);
    m_name->setFont(scaledFont(m_name->font(), 1.6, true));
    m_description = makeValueLabel(QStringLiteral("descriptionLabel"), host);
    titles->addWidget(m_name);
    titles->addWidget(m_description);
    titles->addWidget(freshnessLabel());
    header->addLayout(titles, 1);
    contentLayout()->addLayout(header);

    QHBoxLayout* actions = addActionRow();
    m_edit = makeButton(QStringLiteral("editButton"), tr("Edit…"), tr("Edit cluster"),
        QStringLiteral(":/icons/edit.svg"));
    m_delete = makeButton(QStringLiteral("deleteButton"), tr("Delete…"), tr("Delete cluster"),
        QStringLiteral(":/icons/delete.svg"));
    m_open = makeButton(QStringLiteral("openInBrowserButton"), tr("Open in Browser"),
        tr("Open cluster in browser"), QStringLiteral(":/icons/open-external.svg"));
    m_open->setToolTip(tr("Open the cluster's page on buildkite.com"));
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_open);

    QFormLayout* overview = addSection(tr("Overview"));
    m_overview = overview;

    auto* queuesRow = new QHBoxLayout;
    m_queuesCount = makeValueLabel(QStringLiteral("queuesLabel"), host);
    m_newQueue = makeButton(QStringLiteral("newQueueButton"), tr("New Queue…"),
        tr("New queue in this cluster"), QStringLiteral(":/icons/add.svg"));
    m_newToken = makeButton(QStringLiteral("newAgentTokenButton"), tr("New Agent Token…"),
        tr("New agent token for this cluster"), QStringLiteral(":/icons/token.svg"));
    overview->addRow(tr("Queues"), m_queuesCount);
    // Under the count rather than beside it, so a narrow pane does not squeeze them.
    queuesRow->addWidget(m_newQueue);
    queuesRow->addWidget(m_newToken);
    queuesRow->addStretch(1);
    overview->addRow(QString(), queuesRow);
    m_agents = makeValueLabel(QStringLiteral("agentsLabel"), host);
    overview->addRow(tr("Agents"), m_agents);

    m_defaultQueue = makeValueLabel(QStringLiteral("defaultQueueLabel"), host);
    overview->addRow(tr("Default queue"), m_defaultQueue);
    auto* changeRow = new QHBoxLayout;
    m_defaultQueueRow = changeRow;
    m_defaultQueueCombo = new QComboBox(host);
    m_defaultQueueCombo->setObjectName(QStringLiteral("defaultQueueCombo"));
    m_defaultQueueCombo->setAccessibleName(tr("Default queue"));
    m_defaultQueueCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_defaultQueueCombo->setMinimumContentsLength(16);
    m_defaultQueueCombo->setToolTip(
        tr("Builds whose steps name no queue run on the cluster's default queue"));
    m_applyDefaultQueue = makeButton(QStringLiteral("applyDefaultQueueButton"),
        tr("Set as Default"), tr("Set the selected queue as the default queue"));
    changeRow->addWidget(m_defaultQueueCombo, 1);
    changeRow->addWidget(m_applyDefaultQueue);
    // One of the two rows shows at a time (updateDefaultQueueRows), both named "Default queue".
    overview->addRow(tr("Default queue"), changeRow);

    m_maintainers = makeValueLabel(QStringLiteral("maintainersLabel"), host);
    overview->addRow(tr("Maintainers"), m_maintainers);
    m_createdBy = makeValueLabel(QStringLiteral("createdByLabel"), host);
    overview->addRow(tr("Created by"), m_createdBy);
    m_createdAt = makeValueLabel(QStringLiteral("createdAtLabel"), host);
    overview->addRow(tr("Created"), m_createdAt);
    // Last: the overview leads with what the cluster holds, not with its colour's hex code (the
    // tree already shows the colour).
    auto* colorRow = new QHBoxLayout;
    colorRow->setSpacing(8);
    m_swatch = new ColorSwatch(host);
    m_swatch->setObjectName(QStringLiteral("colorSwatch"));
    m_colorText = makeValueLabel(QStringLiteral("colorLabel"), host);
    colorRow->addWidget(m_swatch);
    colorRow->addWidget(m_colorText, 1);
    overview->addRow(tr("Colour"), colorRow);

    QFormLayout* ids = addSection(tr("Identifiers"));
    m_id = new CopyableField(QStringLiteral("id"), tr("cluster ID"), host);
    m_id->setMonospace(true);
    ids->addRow(tr("ID"), m_id);
    m_graphqlId = new CopyableField(QStringLiteral("graphqlId"), tr("GraphQL ID"), host);
    m_graphqlId->setMonospace(true);
    ids->addRow(tr("GraphQL ID"), m_graphqlId);
    m_webUrl = new CopyableField(QStringLiteral("webUrl"), tr("web URL"), host);
    ids->addRow(tr("Web URL"), m_webUrl);
    m_apiUrl = new CopyableField(QStringLiteral("apiUrl"), tr("REST API URL"), host);
    ids->addRow(tr("API URL"), m_apiUrl);
    // The cluster's queues as a table, taking the rest of the pane.
    addSection(tr("Queues"));
    m_queueTable = new QueueTable(host);
    m_queueTable->setObjectName(QStringLiteral("clusterPaneQueuesTable"));
    contentLayout()->addWidget(m_queueTable, 1);
    alignSections();

    registerWriteControl(m_edit);
    registerWriteControl(m_delete);
    registerWriteControl(m_newQueue);
    registerWriteControl(m_newToken);
    registerWriteControl(m_defaultQueueCombo, [this] { return !m_queues.isEmpty(); });
    registerWriteControl(m_applyDefaultQueue, [this] {
        const QString id = selectedQueueId();
        return !id.isEmpty() && id != m_cluster.defaultQueueId;
    });
    bindDeleteKey(m_delete);

    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_cluster); });
    connect(m_delete, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(m_cluster); });
    connect(
        m_newQueue, &QPushButton::clicked, this, [this] { Q_EMIT newQueueRequested(m_cluster); });
    connect(m_newToken, &QPushButton::clicked, this,
        [this] { Q_EMIT newAgentTokenRequested(m_cluster); });
    connect(m_open, &QPushButton::clicked, this, &ClusterDetailPane::openInBrowser);
    connect(m_queueTable, &ListTable::selectRequested, this, &ClusterDetailPane::selectRequested);
    connect(
        m_queueTable, &QueueTable::pauseRequested, this, &ClusterDetailPane::pauseQueuesRequested);
    connect(m_queueTable, &QueueTable::resumeRequested, this,
        &ClusterDetailPane::resumeQueuesRequested);
    connect(m_defaultQueueCombo, &QComboBox::currentIndexChanged, this,
        [this] { updateWriteControls(); });
    connect(
        this, &DetailPane::writeAllowedChanged, this, &ClusterDetailPane::updateDefaultQueueRows);
    connect(m_applyDefaultQueue, &QPushButton::clicked, this, [this] {
        const QString id = selectedQueueId();
        if (!id.isEmpty() && id != m_cluster.defaultQueueId)
            Q_EMIT setDefaultQueueRequested(m_cluster.id, id);
    });
}

void ClusterDetailPane::setCluster(const Cluster& cluster, const QList<Queue>& queuesOfCluster)
{
    // A refresh of the same cluster keeps a default-queue choice the admin has not applied yet.
    const bool sameCluster = cluster.id == m_cluster.id;
    const QString pending = sameCluster ? selectedQueueId() : QString();
    const bool hadPending
        = sameCluster && !pending.isEmpty() && pending != m_cluster.defaultQueueId;

    m_cluster = cluster;
    m_queues = queuesOfCluster;
    m_queueTable->setCluster(cluster.id);
    std::sort(m_queues.begin(), m_queues.end(),
        [](const Queue& a, const Queue& b) { return a.key.localeAwareCompare(b.key) < 0; });

    const QString emoji = Emoji::render(cluster.emoji.trimmed());
    m_emoji->setText(emoji);
    m_emoji->setVisible(!emoji.isEmpty());
    // An unknown shortcode (a Buildkite logo emoji) stays text: show it small, not as a headline.
    const bool unrendered = !emoji.isEmpty() && emoji == cluster.emoji.trimmed()
        && emoji.startsWith(QLatin1Char(':'));
    m_emoji->setFont(scaledFont(font(), unrendered ? 1.0 : 2.6, false));
    setMuted(m_emoji, unrendered);

    m_name->setText(cluster.name.isEmpty() ? tr("Unnamed cluster") : cluster.name);
    m_description->setText(
        cluster.description.isEmpty() ? tr("No description") : cluster.description);
    setMuted(m_description, cluster.description.isEmpty());

    const QColor color(cluster.color.trimmed());
    m_swatch->setColor(color);
    m_colorText->setText(color.isValid() ? color.name(QColor::HexRgb).toUpper()
            : cluster.color.isEmpty()    ? tr("None")
                                         : cluster.color);
    setMuted(m_colorText, !color.isValid());

    const auto paused = std::count_if(
        m_queues.cbegin(), m_queues.cend(), [](const Queue& q) { return q.dispatchPaused; });
    QString count = m_queues.size() == 1 ? tr("1 queue") : tr("%1 queues").arg(m_queues.size());
    if (paused > 0)
        count += tr(", %1 paused").arg(paused);
    m_queuesCount->setText(count);

    QString defaultText = tr("None");
    bool defaultMuted = true;
    if (!cluster.defaultQueueId.isEmpty()) {
        const auto it = std::find_if(m_queues.cbegin(), m_queues.cend(),
            [&](const Queue& q) { return q.id == cluster.defaultQueueId; });
        if (it != m_queues.cend()) {
            defaultText = it->key;
            defaultMuted = false;
        } else {
            defaultText = tr("%1 (queue not loaded)").arg(cluster.defaultQueueId);
        }
    }
    m_defaultQueue->setText(defaultText);
    setMuted(m_defaultQueue, defaultMuted);
    fillDefaultQueueCombo(hadPending ? pending : cluster.defaultQueueId);

    QStringList maintainers;
    for (const Maintainer& m : cluster.maintainers)
        maintainers.append(maintainerLine(m));
    m_maintainers->setText(
        maintainers.isEmpty() ? tr("None") : maintainers.join(QLatin1Char('\n')));
    setMuted(m_maintainers, maintainers.isEmpty());

    const QString by = cluster.createdBy.displayName();
    m_createdBy->setText(by.isEmpty() ? tr("Unknown") : by);
    setMuted(m_createdBy, by.isEmpty());

    m_id->setText(cluster.id);
    m_graphqlId->setText(cluster.graphqlId);
    m_webUrl->setText(cluster.webUrl);
    m_apiUrl->setText(cluster.url);
    m_open->setEnabled(isWebUrl(cluster.webUrl));
    refreshTimes();
    updateWriteControls();
    updateDefaultQueueRows();
}

void ClusterDetailPane::setModel(OrganizationTreeModel* model) { m_queueTable->setTree(model); }

void ClusterDetailPane::refreshTimes()
{
    m_createdAt->setText(Format::dateTimeWithRelative(m_cluster.createdAt));
}

void ClusterDetailPane::updateDefaultQueueRows()
{
    // The default queue is said once: as the choice itself when it can be changed, as plain
    // text when it cannot (read-only, Buildkite unreachable, or no queue to choose).
    const bool choosable = isWriteAllowed() && !m_queues.isEmpty();
    m_overview->setRowVisible(m_defaultQueue, !choosable);
    m_overview->setRowVisible(m_defaultQueueRow, choosable);
}

void ClusterDetailPane::fillDefaultQueueCombo(const QString& keepSelection)
{
    const QSignalBlocker block(m_defaultQueueCombo);
    m_defaultQueueCombo->clear();
    if (m_queues.isEmpty()) {
        m_defaultQueueCombo->addItem(tr("No queues"));
        return;
    }
    if (m_cluster.defaultQueueId.isEmpty() && keepSelection.isEmpty())
        m_defaultQueueCombo->addItem(tr("Choose a queue…"));
    for (const Queue& q : std::as_const(m_queues)) {
        QString text = q.key;
        if (q.id == m_cluster.defaultQueueId)
            text = tr("%1 (current default)").arg(q.key);
        m_defaultQueueCombo->addItem(text, q.id);
    }
    const int index = m_defaultQueueCombo->findData(keepSelection);
    m_defaultQueueCombo->setCurrentIndex(index >= 0 ? index : 0);
}

QString ClusterDetailPane::selectedQueueId() const
{
    return m_defaultQueueCombo->currentData().toString();
}

void ClusterDetailPane::openInBrowser() { openWebUrl(m_cluster.webUrl); }

void ClusterDetailPane::setAgents(const std::optional<AgentCounts>& counts, int queuesWithoutAgents,
    const QString& unavailableReason)
{
    QString text;
    if (!counts) {
        text = unavailableReason.isEmpty() ? tr("Not listed yet") : unavailableReason;
    } else {
        text = RowText::agentsText(*counts);
        if (queuesWithoutAgents > 0)
            text += QLatin1Char('\n')
                + (queuesWithoutAgents == 1
                        ? tr("1 self-hosted queue has no agents")
                        : tr("%1 self-hosted queues have no agents").arg(queuesWithoutAgents));
    }
    m_agents->setText(text);
    setMuted(m_agents, !counts);
}
