// SPDX-License-Identifier: MIT
#include "queuedetailpane.h"

#include "banner.h"
#include "clustertitle.h"
#include "copyablefield.h"
#include "format.h"
#include "queueagentssection.h"
#include "statusbadge.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

QueueDetailPane::QueueDetailPane(QWidget* parent)
    : DetailPane(parent)
{
    setObjectName(QStringLiteral("queueDetailPane"));
    QWidget* host = contentLayout()->parentWidget();

    m_key = makeValueLabel(QStringLiteral("keyLabel"), host);
    m_key->setFont(scaledFont(m_key->font(), 1.6, true));
    m_clusterName = makeValueLabel(QStringLiteral("clusterLabel"), host);
    setMuted(m_clusterName, true);
    m_description = makeValueLabel(QStringLiteral("descriptionLabel"), host);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(4);
    titles->addWidget(m_key);
    titles->addWidget(m_clusterName);
    titles->addWidget(m_description);
    titles->addWidget(freshnessLabel());
    contentLayout()->addLayout(titles);

    // The dispatch state sits above everything else, with the one button that changes it.
    m_dispatch = new Banner(host);
    m_dispatch->setObjectName(QStringLiteral("dispatchBanner"));
    m_dispatch->label()->setObjectName(QStringLiteral("dispatchLabel"));
    m_pause = makeButton(QStringLiteral("pauseButton"), tr("Pause Dispatch…"), tr("Pause dispatch"),
        QStringLiteral(":/icons/pause.svg"));
    m_pause->setToolTip(tr("Stop agents from picking up new jobs from this queue"));
    m_resume = makeButton(QStringLiteral("resumeButton"), tr("Resume Dispatch"),
        tr("Resume dispatch"), QStringLiteral(":/icons/resume.svg"));
    m_resume->setToolTip(tr("Let agents pick up jobs from this queue again"));
    m_dispatch->addTrailingWidget(m_pause);
    m_dispatch->addTrailingWidget(m_resume);
    contentLayout()->addWidget(m_dispatch);

    QHBoxLayout* actions = addActionRow();
    m_edit = makeButton(QStringLiteral("editButton"), tr("Edit…"), tr("Edit queue"),
        QStringLiteral(":/icons/edit.svg"));
    m_delete = makeButton(QStringLiteral("deleteButton"), tr("Delete…"), tr("Delete queue"),
        QStringLiteral(":/icons/delete.svg"));
    m_open = makeButton(QStringLiteral("openInBrowserButton"), tr("Open in Browser"),
        tr("Open queue in browser"), QStringLiteral(":/icons/open-external.svg"));
    m_open->setToolTip(tr("Open the queue's page on buildkite.com"));
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_open);

    // Is anything picking up jobs? Right under the dispatch state.
    QFormLayout* agents = addSection(tr("Agents"));
    m_agents = new QueueAgentsSection(host);
    agents->addRow(m_agents);
    registerWriteControl(m_agents->newAgentTokenButton());

    m_hostingForm = addSection(tr("Hosting"));
    m_hosting = makeValueLabel(QStringLiteral("hostingLabel"), host);
    m_hostingForm->addRow(tr("Hosting"), m_hosting);
    m_machineType = makeValueLabel(QStringLiteral("machineTypeLabel"), host);
    m_hostingForm->addRow(tr("Machine type"), m_machineType);
    m_architecture = makeValueLabel(QStringLiteral("architectureLabel"), host);
    m_hostingForm->addRow(tr("Architecture"), m_architecture);
    m_cpu = makeValueLabel(QStringLiteral("cpuLabel"), host);
    m_hostingForm->addRow(tr("vCPU"), m_cpu);
    m_memory = makeValueLabel(QStringLiteral("memoryLabel"), host);
    m_hostingForm->addRow(tr("Memory"), m_memory);
    m_disk = makeValueLabel(QStringLiteral("diskLabel"), host);
    m_hostingForm->addRow(tr("Disk"), m_disk);
    auto* shapeRow = new QHBoxLayout;
    m_shapeRow = shapeRow;
    shapeRow->setSpacing(8);
    m_shapeName = makeValueLabel(QStringLiteral("shapeNameLabel"), host);
    m_removedShape = new StatusBadge(host);
    m_removedShape->setObjectName(QStringLiteral("removedShapeBadge"));
    m_removedShape->setToolTip(
        tr("Buildkite no longer offers this shape; choose a current size when editing"));
    shapeRow->addWidget(m_shapeName, 1);
    shapeRow->addWidget(m_removedShape);
    m_hostingForm->addRow(tr("Instance shape"), shapeRow);
    m_agentImage = makeValueLabel(QStringLiteral("agentImageLabel"), host);
    m_hostingForm->addRow(tr("Agent image"), m_agentImage);
    m_affinity = makeValueLabel(QStringLiteral("affinityLabel"), host);
    m_hostingForm->addRow(tr("Retry affinity"), m_affinity);
    // Some of this form's rows are hidden for self-hosted queues. A form with hidden rows and a
    // row whose height depends on its width makes QFormLayout (Qt 6.4) write past its
    // height-for-width table (valgrind shows it; the pane then crashed at random), so none of
    // its short values wrap.
    for (QLabel* label : { m_hosting, m_machineType, m_architecture, m_cpu, m_memory, m_disk,
             m_shapeName, m_agentImage, m_affinity })
        label->setWordWrap(false);

    QFormLayout* about = addSection(tr("Details"));
    m_createdBy = makeValueLabel(QStringLiteral("createdByLabel"), host);
    about->addRow(tr("Created by"), m_createdBy);
    m_createdAt = makeValueLabel(QStringLiteral("createdAtLabel"), host);
    about->addRow(tr("Created"), m_createdAt);
    m_id = new CopyableField(QStringLiteral("id"), tr("queue ID"), host);
    m_id->setMonospace(true);
    about->addRow(tr("ID"), m_id);
    m_graphqlId = new CopyableField(QStringLiteral("graphqlId"), tr("GraphQL ID"), host);
    m_graphqlId->setMonospace(true);
    about->addRow(tr("GraphQL ID"), m_graphqlId);
    m_webUrl = new CopyableField(QStringLiteral("webUrl"), tr("web URL"), host);
    about->addRow(tr("Web URL"), m_webUrl);
    m_apiUrl = new CopyableField(QStringLiteral("apiUrl"), tr("REST API URL"), host);
    about->addRow(tr("API URL"), m_apiUrl);
    contentLayout()->addStretch(1);
    alignSections();

    registerWriteControl(m_pause);
    registerWriteControl(m_resume);
    registerWriteControl(m_edit);
    registerWriteControl(m_delete);
    bindDeleteKey(m_delete);

    connect(m_pause, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(m_queue); });
    connect(m_resume, &QPushButton::clicked, this, [this] { Q_EMIT resumeRequested(m_queue); });
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_queue); });
    connect(m_delete, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(m_queue); });
    connect(m_open, &QPushButton::clicked, this, [this] { openWebUrl(m_queue.webUrl); });
}

QString QueueDetailPane::pausedText(const Queue& queue, const QDateTime& now)
{
    const QString by = queue.dispatchPausedBy ? queue.dispatchPausedBy->name.isEmpty()
            ? queue.dispatchPausedBy->email
            : queue.dispatchPausedBy->name
                                              : QString();
    const QString when = queue.dispatchPausedAt.isValid()
        ? Format::relative(queue.dispatchPausedAt, now)
        : QString();
    QString text;
    if (!by.isEmpty() && !when.isEmpty())
        text = tr("Paused by %1 %2").arg(by, when);
    else if (!by.isEmpty())
        text = tr("Paused by %1").arg(by);
    else if (!when.isEmpty())
        text = tr("Paused %1").arg(when);
    else
        text = tr("Paused");
    const QString note = queue.dispatchPausedNote.trimmed();
    if (!note.isEmpty())
        text += QStringLiteral(" — ") + note;
    return text;
}

void QueueDetailPane::setQueue(const Queue& queue, const Cluster& cluster)
{
    m_queue = queue;
    m_cluster = cluster;

    m_key->setText(queue.key);
    m_clusterName->setText(tr("Queue in %1").arg(clusterTitle(cluster)));
    m_description->setText(queue.description.isEmpty() ? tr("No description") : queue.description);
    setMuted(m_description, queue.description.isEmpty());

    const bool hosted = queue.hosted || queue.instanceShape.isValid();
    const InstanceShape& shape = queue.instanceShape;
    m_hosting->setText(hosted ? tr("Hosted by Buildkite") : tr("Self-hosted"));
    m_hosting->setToolTip(
        hosted ? QString() : tr("Agents for this queue run on your own machines"));
    for (QLabel* field : { m_machineType, m_architecture, m_cpu, m_memory, m_disk })
        m_hostingForm->setRowVisible(field, hosted);
    m_hostingForm->setRowVisible(m_shapeRow, hosted);
    // Only Linux hosted agents run a custom image; macOS has none to show.
    const bool hasImage = hosted && (shape.isLinux() || !queue.agentImageRef.isEmpty());
    m_hostingForm->setRowVisible(m_agentImage, hasImage);
    m_agentImage->setText(
        queue.agentImageRef.isEmpty() ? tr("Buildkite's default image") : queue.agentImageRef);
    setMuted(m_agentImage, queue.agentImageRef.isEmpty());
    if (hosted) {
        const QString type = shape.machineType == QLatin1String("macos") ? tr("macOS")
            : shape.machineType == QLatin1String("linux")                ? tr("Linux")
                                                                         : shape.machineType;
        m_machineType->setText(type.isEmpty() ? tr("Unknown") : type);
        m_architecture->setText(
            shape.architecture.isEmpty() ? tr("Unknown") : shape.architecture.toUpper());
        m_cpu->setText(shape.cpu > 0 ? QString::number(shape.cpu) : tr("Unknown"));
        m_memory->setText(shape.memoryGb > 0 ? tr("%1 GB").arg(shape.memoryGb) : tr("Unknown"));
        m_disk->setText(shape.diskGb > 0 ? tr("%1 GB").arg(shape.diskGb) : tr("Unknown"));
        m_shapeName->setText(
            shape.name.isEmpty() ? tr("Unknown") : shape.displayName(InstanceShape::Disk::Include));
        m_shapeName->setToolTip(shape.name);
        m_removedShape->setStatus(shape.removed ? tr("Removed") : QString(), Tone::Warning);
    } else {
        m_removedShape->setStatus({}, Tone::Warning);
    }

    if (queue.retryAgentAffinity == QLatin1String("prefer-different")) {
        m_affinity->setText(tr("Prefer a different agent"));
        m_affinity->setToolTip(tr("A retried job goes to another agent when one is free"));
    } else if (queue.retryAgentAffinity.isEmpty()
        || queue.retryAgentAffinity == QLatin1String("prefer-warmest")) {
        m_affinity->setText(tr("Prefer the warmest agent (default)"));
        m_affinity->setToolTip(tr("A retried job goes to the agent that most recently ran it"));
    } else {
        m_affinity->setText(queue.retryAgentAffinity);
        m_affinity->setToolTip({});
    }

    const QString by = queue.createdBy.displayName();
    m_createdBy->setText(by.isEmpty() ? tr("Unknown") : by);
    setMuted(m_createdBy, by.isEmpty());
    m_id->setText(queue.id);
    m_graphqlId->setText(queue.graphqlId);
    m_webUrl->setText(queue.webUrl);
    m_apiUrl->setText(queue.url);
    m_open->setEnabled(isWebUrl(queue.webUrl));

    m_pause->setVisible(!queue.dispatchPaused);
    m_resume->setVisible(queue.dispatchPaused);
    m_agents->setQueue(queue, cluster);
    refreshTimes();
    updateWriteControls();
}

void QueueDetailPane::refreshTimes()
{
    m_createdAt->setText(Format::dateTimeWithRelative(m_queue.createdAt));
    showDispatchState();
    m_agents->refreshTimes();
}

void QueueDetailPane::showDispatchState()
{
    if (m_queue.dispatchPaused) {
        m_dispatch->setTone(Tone::Warning);
        m_dispatch->setBold(true);
        m_dispatch->setText(pausedText(m_queue, QDateTime::currentDateTimeUtc()));
        QString tip = m_queue.dispatchPausedAt.isValid()
            ? tr("Paused at %1").arg(Format::dateTime(m_queue.dispatchPausedAt))
            : QString();
        if (m_queue.dispatchPausedBy && !m_queue.dispatchPausedBy->email.isEmpty())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
                + tr("by %1").arg(m_queue.dispatchPausedBy->displayName());
        m_dispatch->label()->setToolTip(tip);
        m_dispatch->setAccessibleName(tr("Dispatch paused"));
    } else {
        m_dispatch->setTone(Tone::Neutral);
        m_dispatch->setBold(false);
        m_dispatch->setText(tr("Dispatch running: agents pick up new jobs from this queue."));
        m_dispatch->label()->setToolTip({});
        m_dispatch->setAccessibleName(tr("Dispatch running"));
    }
}
